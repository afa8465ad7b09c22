/**
 * Fault injection as a pure state machine: `throttleNext`, the `throttleAbove` token bucket,
 * `failNext` and latency. The simulator keeps the state in a `Ref` and passes in the `Clock`'s time.
 */
import {
  InternalErrorException,
  OperationNotEnabledException,
  TooManyRequestsException
} from "@cognito-feedback/core/CognitoError"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import type { FaultError } from "../CognitoSimulator.js"

interface Bucket {
  readonly ratePerSecond: number
  readonly burst: number
  readonly tokens: number
  /** Epoch milliseconds of the last refill. */
  readonly updatedAt: number
}

type FailWith = "InternalErrorException" | "OperationNotEnabledException"

export interface Faults {
  readonly throttleNext: number
  readonly failNext: number
  readonly failWith: FailWith
  readonly bucket: Bucket | undefined
  readonly latency: Duration.Duration
}

export const none: Faults = {
  throttleNext: 0,
  failNext: 0,
  failWith: "InternalErrorException",
  bucket: undefined,
  latency: Duration.zero
}

/** A count from any number: NaN and negatives are 0, fractions round down. */
const count = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : n > 0 ? Infinity : 0)

export const throttleNext = (n: number) => (faults: Faults): Faults => ({ ...faults, throttleNext: count(n) })

/** A full bucket of `burst` tokens (default: one second's worth, at least 1) from `now`. */
export const throttleAbove =
  (ratePerSecond: number, burst: number | undefined, now: number) => (faults: Faults): Faults => {
    const rate = Number.isFinite(ratePerSecond) ? Math.max(0, ratePerSecond) : 0
    const size = burst === undefined ? Math.max(1, rate) : count(burst)
    return { ...faults, bucket: { ratePerSecond: rate, burst: size, tokens: size, updatedAt: now } }
  }

export const failNext = (n: number, error: FailWith) => (faults: Faults): Faults => ({
  ...faults,
  failNext: count(n),
  failWith: error
})

export const setLatency = (latency: Duration.DurationInput) => (faults: Faults): Faults => ({
  ...faults,
  latency: Duration.decode(latency)
})

// a float tolerance so that 5 calls/s refilled over 200 ms gives a whole token
const epsilon = 1e-9

const refill = (bucket: Bucket, now: number): Bucket => ({
  ...bucket,
  tokens: Math.min(bucket.burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) * bucket.ratePerSecond) / 1000),
  updatedAt: Math.max(now, bucket.updatedAt)
})

/**
 * Which fault, if any, answers this call. Throttling comes first (the front door refuses before
 * the service works), then injected failures. A call refused by `throttleNext` takes no token.
 */
export const take = (faults: Faults, now: number, requestId: string): readonly [Option.Option<FaultError>, Faults] => {
  if (faults.throttleNext > 0) {
    return [
      Option.some(new TooManyRequestsException({ message: "Rate exceeded", requestId })),
      { ...faults, throttleNext: faults.throttleNext - 1 }
    ]
  }
  let next = faults
  if (faults.bucket !== undefined) {
    const bucket = refill(faults.bucket, now)
    if (bucket.tokens + epsilon < 1) {
      return [Option.some(new TooManyRequestsException({ message: "Rate exceeded", requestId })), { ...faults, bucket }]
    }
    next = { ...faults, bucket: { ...bucket, tokens: Math.max(0, bucket.tokens - 1) } }
  }
  if (next.failNext > 0) {
    const error = next.failWith === "InternalErrorException"
      ? new InternalErrorException({ message: "An internal error occurred.", requestId })
      : new OperationNotEnabledException({ message: "This operation is not enabled for this user pool.", requestId })
    return [Option.some(error), { ...next, failNext: next.failNext - 1 }]
  }
  return [Option.none(), next]
}
