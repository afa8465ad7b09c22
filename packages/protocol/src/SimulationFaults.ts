/**
 * The faults a simulator can be told to inject, as an immutable value with pure transitions: the
 * next `n` calls throttled (`throttleNext`), a token bucket that throttles above a rate
 * (`throttleAbove`), the next `n` calls failing with a server-side error (`failNext`). `take`
 * decides, for one call at a given time, which fault answers it, before any other check (the
 * service's front door refuses before the service works). The edition keeps the value in its own
 * cell and passes in its clock's time, so a test clock makes the faults deterministic; latency is
 * the edition's own (it sleeps on its clock), not a decision.
 *
 * @since 0.1.0
 */
import { codes } from "./ServiceError.js"
import type { Failure } from "./SimulationOutcome.js"
import { failure } from "./SimulationOutcome.js"

/**
 * The errors `failNext` can inject: the service's server fault and the replica region's refusal.
 *
 * @since 0.1.0
 * @category constants
 */
export const injectedFailures = [codes.InternalErrorException, codes.OperationNotEnabledException] as const

/**
 * @since 0.1.0
 * @category models
 */
export type InjectedFailure = (typeof injectedFailures)[number]

/**
 * What `failNext` injects when not told: `InternalErrorException`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultFailure: InjectedFailure = codes.InternalErrorException

/**
 * The messages of the injected faults, as the live service words them where it is known
 * ("Rate exceeded" is the live service's throttling message).
 *
 * @since 0.1.0
 * @category constants
 */
export const messages: { readonly [C in InjectedFailure | typeof codes.TooManyRequestsException]: string } = {
  [codes.TooManyRequestsException]: "Rate exceeded",
  [codes.InternalErrorException]: "An internal error occurred.",
  [codes.OperationNotEnabledException]: "This operation is not enabled for this user pool."
}

/**
 * A token bucket: `burst` tokens at most, refilled at `ratePerSecond`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bucket {
  readonly ratePerSecond: number
  readonly burst: number
  readonly tokens: number
  /** Epoch milliseconds of the last refill. */
  readonly updatedAt: number
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Faults {
  readonly throttleNext: number
  readonly failNext: number
  readonly failWith: InjectedFailure
  readonly bucket: Bucket | undefined
}

/**
 * No fault at all.
 *
 * @since 0.1.0
 * @category constructors
 */
export const none: Faults = { throttleNext: 0, failNext: 0, failWith: defaultFailure, bucket: undefined }

/** A count from any number: NaN and negatives are 0, fractions round down, +Infinity stays. */
const count = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : n > 0 ? Infinity : 0)

/**
 * The next `n` calls are throttled (replaces any earlier count).
 *
 * @since 0.1.0
 * @category transitions
 */
export const throttleNext = (faults: Faults, n: number): Faults => ({ ...faults, throttleNext: count(n) })

/**
 * A full bucket of `burst` tokens (default: one second's worth, at least 1) from `now` (epoch
 * milliseconds), refilled at `ratePerSecond`; a call that finds it empty is throttled.
 *
 * @since 0.1.0
 * @category transitions
 */
export const throttleAbove = (
  faults: Faults,
  ratePerSecond: number,
  burst: number | undefined,
  now: number
): Faults => {
  const rate = Number.isFinite(ratePerSecond) ? Math.max(0, ratePerSecond) : 0
  const size = burst === undefined ? Math.max(1, rate) : count(burst)
  return { ...faults, bucket: { ratePerSecond: rate, burst: size, tokens: size, updatedAt: now } }
}

/**
 * The next `n` calls fail with `error` (replaces any earlier count).
 *
 * @since 0.1.0
 * @category transitions
 */
export const failNext = (faults: Faults, n: number, error: InjectedFailure = defaultFailure): Faults => ({
  ...faults,
  failNext: count(n),
  failWith: error
})

// a float tolerance so that 5 calls/s refilled over 200 ms gives a whole token
const epsilon = 1e-9

const refill = (bucket: Bucket, now: number): Bucket => ({
  ...bucket,
  tokens: Math.min(bucket.burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) * bucket.ratePerSecond) / 1000),
  updatedAt: Math.max(now, bucket.updatedAt)
})

/**
 * A fault that answers a call, and the faults left after it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Taken {
  readonly fault: Failure<InjectedFailure | typeof codes.TooManyRequestsException> | undefined
  readonly faults: Faults
}

const fault = (code: InjectedFailure | typeof codes.TooManyRequestsException) => failure(code, messages[code])

/**
 * Which fault, if any, answers a call made at `now` (epoch milliseconds). Throttling comes first,
 * then injected failures. A call refused by `throttleNext` takes no token from the bucket; a call
 * the bucket lets through takes one, even when an injected failure then answers it.
 *
 * @since 0.1.0
 * @category transitions
 */
export const take = (faults: Faults, now: number): Taken => {
  if (faults.throttleNext > 0) {
    return {
      fault: fault(codes.TooManyRequestsException),
      faults: { ...faults, throttleNext: faults.throttleNext - 1 }
    }
  }
  let next = faults
  if (faults.bucket !== undefined) {
    const bucket = refill(faults.bucket, now)
    if (bucket.tokens + epsilon < 1) {
      return { fault: fault(codes.TooManyRequestsException), faults: { ...faults, bucket } }
    }
    next = { ...faults, bucket: { ...bucket, tokens: Math.max(0, bucket.tokens - 1) } }
  }
  if (next.failNext > 0) {
    return { fault: fault(next.failWith), faults: { ...next, failNext: next.failNext - 1 } }
  }
  return { fault: undefined, faults: next }
}
