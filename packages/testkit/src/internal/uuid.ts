/**
 * UUID v4s from `Random`, so seeded runs repeat their request ids and generated subs.
 */
import * as Arr from "effect/Array"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"

const hex = (byte: number) => byte.toString(16).padStart(2, "0")

/** Sixteen random bytes with the version (4) and variant (10xx) bits set. */
export const uuidV4: Effect.Effect<string> = Effect.map(
  Effect.all(Arr.makeBy(16, () => Random.nextIntBetween(0, 256))),
  (bytes) => {
    const h = bytes.map((b, i) => hex(i === 6 ? (b & 0x0f) | 0x40 : i === 8 ? (b & 0x3f) | 0x80 : b)).join("")
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
)
