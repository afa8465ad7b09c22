/**
 * UUID v4s (and simulated feedback tokens) from `Random`, so seeded runs repeat their request ids,
 * generated subs and tokens.
 */
import * as Uuid from "@cognito-feedback/protocol/Uuid"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"

/**
 * Sixteen random bytes, drawn synchronously from the fiber's `Random` (`nextIntBetween` is
 * inclusive in Effect 4: a byte would be 256 once in a while), formatted by the protocol.
 */
export const uuidV4: Effect.Effect<string> = Random.Random.use((random) =>
  Effect.sync(() => Uuid.formatV4(Array.from({ length: 16 }, () => Math.floor(random.nextDoubleUnsafe() * 256))))
)

/** A fresh feedback token for a simulated risky sign-in (its form: the protocol's), bytes drawn as above. */
export const mintFeedbackToken: Effect.Effect<string> = Random.Random.use((random) =>
  Effect.sync(() =>
    Uuid.formatFeedbackToken(
      Array.from({ length: Uuid.feedbackTokenBytes }, () => Math.floor(random.nextDoubleUnsafe() * 256))
    )
  )
)
