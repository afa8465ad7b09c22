/**
 * `amz-sdk-invocation-id`: a UUID v4 per call, the same on each of its attempts, drawn from the
 * fiber's `Random` so that seeded tests see stable ids. It identifies a call in logs; it is not a
 * secret.
 */
import { format } from "@cognito-feedback/protocol/InvocationId"
import * as Effect from "effect/Effect"
import type * as Random from "effect/Random"

/**
 * `f` with an id drawn from `random`: two 32-bit draws mixed into the other two words, written as
 * continuations (a call's largest cost after I/O is the number of effects it runs).
 */
export const withInvocationId = <A, E>(random: Random.Random, f: (id: string) => Effect.Effect<A, E>) =>
  Effect.flatMap(
    random.nextIntBetween(0, 0x1_0000_0000),
    (a) => Effect.flatMap(random.nextIntBetween(0, 0x1_0000_0000), (b) => f(format(a, b)))
  )

/** An id from the `Random` service. */
export const invocationId: Effect.Effect<string> = Effect.randomWith((random) =>
  withInvocationId(random, Effect.succeed)
)
