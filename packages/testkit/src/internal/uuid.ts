/**
 * UUID v4s from `Random`, so seeded runs repeat their request ids and generated subs.
 */
import * as Uuid from "@cognito-feedback/protocol/Uuid"
import * as Arr from "effect/Array"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"

/** Sixteen random bytes with the version (4) and variant (10xx) bits set (formatted by the protocol). */
export const uuidV4: Effect.Effect<string> = Effect.map(
  Effect.all(Arr.makeBy(16, () => Random.nextIntBetween(0, 256))),
  Uuid.formatV4
)

/** A fresh feedback token for a simulated risky sign-in (its form: the protocol's). */
export const mintFeedbackToken: Effect.Effect<string> = Effect.map(
  Effect.all(Arr.makeBy(Uuid.feedbackTokenBytes, () => Random.nextIntBetween(0, 256))),
  Uuid.formatFeedbackToken
)
