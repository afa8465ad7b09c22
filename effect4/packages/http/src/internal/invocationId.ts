/**
 * `amz-sdk-invocation-id`: a UUID v4 per call, the same on each of its attempts, drawn from the
 * fiber's `Random` so that seeded tests see stable ids. It identifies a call in logs; it is not a
 * secret. The format is the protocol's (`@cognito-feedback/protocol/InvocationId`).
 */
import { format } from "@cognito-feedback/protocol/InvocationId"
import type * as Effect from "effect/Effect"
import * as Random from "effect/Random"

const wordOf = (random: Random.Random): number => Math.floor(random.nextDoubleUnsafe() * 0x1_0000_0000) >>> 0

/** An id drawn from `random`: two synchronous 32-bit draws, no effect. */
export const invocationIdOf = (random: Random.Random): string => {
  const a = wordOf(random)
  return format(a, wordOf(random))
}

/** An id from the `Random` service. */
export const invocationId: Effect.Effect<string> = Random.Random.useSync(invocationIdOf)
