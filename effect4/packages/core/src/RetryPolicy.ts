/**
 * Retries as the AWS SDKs do them: which errors are retried (throttling, transient), full-jitter
 * exponential backoff with the November 2026 constants, `Retry-After` hints, the retry quota shared
 * by all calls of a client, and the "adaptive" mode's client-side rate limiter (CUBIC). The policy
 * is plain data users can read, change (`{ ...RetryPolicy.defaults, maxAttempts: 5 }`), replace
 * with their own `Schedule`, or disable; `makeRetrier` turns it into the stateful runner that the
 * http layer wraps around each attempt.
 *
 * @since 1.0.0
 */
import * as Retry from "@cognito-feedback/protocol/Retry"
import * as ProtocolQuota from "@cognito-feedback/protocol/RetryQuota"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Pull from "effect/Pull"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import type { UpdateAuthEventFeedbackError } from "./CognitoError.js"
import type { RateLimiter, RateLimiterOptions } from "./internal/rateLimiter.js"
import { makeRateLimiter, rateLimiterDefaults } from "./internal/rateLimiter.js"
import type { RetryQuota, RetryQuotaOptions } from "./internal/retryQuota.js"
import { allocateRetryQuota, quotaDefaults, retryCost } from "./internal/retryQuota.js"

// The arithmetic (classification, backoff, quota, CUBIC) is the protocol's `Retry`, `RetryQuota`
// and `RetryRateLimiter`; this module binds it to `Clock`, `Random`, `Schedule` and `Effect`.

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/**
 * How an error is retried: `throttling` (the service asked us to slow down), `transient` (worth
 * another try soon), or `none` (retrying cannot help).
 *
 * @since 1.0.0
 * @category models
 */
export type RetryClass = Retry.RetryClass

/**
 * The error codes the AWS SDKs treat as throttling.
 *
 * @since 1.0.0
 * @category constants
 */
export const throttlingErrorCodes: ReadonlyArray<string> = Retry.throttlingErrorCodes

/**
 * The error codes the AWS SDKs treat as transient.
 *
 * @since 1.0.0
 * @category constants
 */
export const transientErrorCodes: ReadonlyArray<string> = Retry.transientErrorCodes

/**
 * The HTTP statuses the AWS SDKs treat as transient (429 is throttling).
 *
 * @since 1.0.0
 * @category constants
 */
export const transientStatusCodes: ReadonlyArray<number> = Retry.transientStatusCodes

/**
 * Classifies an error of `UpdateAuthEventFeedback` as the AWS SDKs' "standard" mode does: a
 * service exception by its retry class in the protocol's `ServiceError.serviceErrors`, a
 * `TransportError` as transient unless nothing was sent, an `UnexpectedResponseError` by its code
 * and status. Any operation whose errors are these classes can use it.
 *
 * @since 1.0.0
 * @category classification
 */
export const classify = (error: UpdateAuthEventFeedbackError): RetryClass => {
  switch (error._tag) {
    case "TransportError":
      return error.reason === "NotSent" ? "none" : "transient"
    case "UnexpectedResponseError":
      return Retry.classifyResponse(error.status, error.code)
    default:
      return Retry.classifyServiceError(error._tag)
  }
}

/**
 * Whether the standard and adaptive modes retry this error (throttling or transient).
 *
 * @since 1.0.0
 * @category classification
 */
export const isRetryable = (error: UpdateAuthEventFeedbackError): boolean => classify(error) !== "none"

/**
 * Whether this error is throttling (what the adaptive rate limiter reacts to).
 *
 * @since 1.0.0
 * @category classification
 */
export const isThrottling = (error: UpdateAuthEventFeedbackError): boolean => classify(error) === "throttling"

// ---------------------------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------------------------

/**
 * Which rules decide retries: the AWS "standard" mode, "adaptive" (standard plus the rate
 * limiter), "disabled" (one attempt), or "custom" (the policy's `schedule`).
 *
 * @since 1.0.0
 * @category models
 */
export type RetryMode = "standard" | "adaptive" | "disabled" | "custom"

/**
 * A retry policy: plain data, readable and changeable with a spread. `E` is the error a custom
 * `schedule` sees: `UpdateAuthEventFeedback`'s unless said otherwise (`makeRetrierWith`).
 *
 * @since 1.0.0
 * @category models
 */
export interface RetryPolicy<E = UpdateAuthEventFeedbackError> {
  readonly mode: RetryMode
  /** Attempts in all, the first included (3). The first attempt always runs. */
  readonly maxAttempts: number
  /** Backoff base after throttling (1000 ms). */
  readonly throttlingBaseDelay: Duration.Duration
  /** Backoff base after a transient error (50 ms). */
  readonly transientBaseDelay: Duration.Duration
  /** Upper bound of the backoff before jitter (20 s). */
  readonly maxBackoff: Duration.Duration
  /** A `Retry-After` hint may raise the delay by at most this much over the jittered backoff (5 s). */
  readonly maxRetryAfterExtra: Duration.Duration
  /** The retry quota; `undefined` for none. */
  readonly quota: RetryQuotaOptions | undefined
  /** Only for "adaptive": the rate limiter's constants (`rateLimiterDefaults` when absent). */
  readonly rateLimiter?: RateLimiterOptions | undefined
  /**
   * Only for "custom": decides, from each error, whether and when to retry. Classification and
   * `Retry-After` hints are not applied; `maxAttempts` and the quota (if set) still are.
   */
  readonly schedule?: Schedule.Schedule<unknown, E> | undefined
}

/**
 * Options of `standard` and `adaptive`; anything left out keeps its default.
 *
 * @since 1.0.0
 * @category models
 */
export interface StandardOptions {
  readonly maxAttempts?: number | undefined
  readonly throttlingBaseDelay?: Duration.Input | undefined
  readonly transientBaseDelay?: Duration.Input | undefined
  readonly maxBackoff?: Duration.Input | undefined
  readonly maxRetryAfterExtra?: Duration.Input | undefined
  /** Changes to the quota, or `false` for no quota. */
  readonly quota?: Partial<RetryQuotaOptions> | false | undefined
}

/**
 * Options of `adaptive`.
 *
 * @since 1.0.0
 * @category models
 */
export interface AdaptiveOptions extends StandardOptions {
  readonly rateLimiter?: Partial<RateLimiterOptions> | undefined
}

/**
 * Options of `fromSchedule`.
 *
 * @since 1.0.0
 * @category models
 */
export interface ScheduleOptions {
  /** Attempts in all, the first included; unbounded by default (the schedule decides). */
  readonly maxAttempts?: number | undefined
  /** A quota to apply as well; none by default. */
  readonly quota?: Partial<RetryQuotaOptions> | false | undefined
}

const resolveQuota = (quota: Partial<RetryQuotaOptions> | false | undefined): RetryQuotaOptions | undefined =>
  quota === false ? undefined : { ...quotaDefaults, ...quota }

const { constants } = Retry

const standardFields = (options: StandardOptions | undefined): Omit<RetryPolicy, "mode"> => ({
  maxAttempts: options?.maxAttempts ?? constants.maxAttempts,
  throttlingBaseDelay: Duration.fromInputUnsafe(
    options?.throttlingBaseDelay ?? Duration.millis(constants.throttlingBaseDelayMillis)
  ),
  transientBaseDelay: Duration.fromInputUnsafe(
    options?.transientBaseDelay ?? Duration.millis(constants.transientBaseDelayMillis)
  ),
  maxBackoff: Duration.fromInputUnsafe(options?.maxBackoff ?? Duration.millis(constants.maxBackoffMillis)),
  maxRetryAfterExtra: Duration.fromInputUnsafe(
    options?.maxRetryAfterExtra ?? Duration.millis(constants.maxRetryAfterExtraMillis)
  ),
  quota: resolveQuota(options?.quota)
})

/**
 * The AWS "standard" mode with the November 2026 constants, changed by `options`.
 *
 * @example
 * ```ts
 * import { RetryPolicy } from "@cognito-feedback/core"
 * import { Duration } from "effect"
 * import { deepStrictEqual, strictEqual } from "node:assert"
 *
 * // five attempts, backoff capped at 5 seconds, the rest as the AWS SDKs do it
 * const patient = RetryPolicy.standard({ maxAttempts: 5, maxBackoff: "5 seconds" })
 * strictEqual(patient.maxAttempts, 5)
 * deepStrictEqual(RetryPolicy.defaults.throttlingBaseDelay, Duration.millis(1000))
 *
 * // it is plain data: read it, or change one field
 * const once = { ...RetryPolicy.defaults, maxAttempts: 1 }
 * strictEqual(once.mode, "standard")
 * ```
 *
 * @since 1.0.0
 * @category constructors
 */
export const standard = (options?: StandardOptions): RetryPolicy => ({ mode: "standard", ...standardFields(options) })

/**
 * The AWS "adaptive" mode: standard, plus a client-side rate limiter that slows sending after
 * throttling and recovers after.
 *
 * @since 1.0.0
 * @category constructors
 */
export const adaptive = (options?: AdaptiveOptions): RetryPolicy => ({
  mode: "adaptive",
  ...standardFields(options),
  rateLimiter: { ...rateLimiterDefaults, ...options?.rateLimiter }
})

/**
 * The default policy: AWS "standard" mode, 3 attempts, the November 2026 constants.
 *
 * @since 1.0.0
 * @category constructors
 */
export const defaults: RetryPolicy = standard()

/**
 * No retries: one attempt, no quota.
 *
 * @since 1.0.0
 * @category constructors
 */
export const disabled: RetryPolicy = { ...standard({ maxAttempts: 1, quota: false }), mode: "disabled" }

/**
 * A policy decided by the caller's `Schedule` (its input is the error of the failed attempt).
 *
 * @example
 * ```ts
 * import type { CognitoError } from "@cognito-feedback/core"
 * import { RetryPolicy } from "@cognito-feedback/core"
 * import { Schedule } from "effect"
 * import { strictEqual } from "node:assert"
 *
 * // retry only throttling, every 200 ms, four attempts in all
 * const policy = RetryPolicy.fromSchedule(
 *   Schedule.spaced("200 millis").pipe(
 *     Schedule.setInputType<CognitoError.UpdateAuthEventFeedbackError>(),
 *     Schedule.while(({ input }) => RetryPolicy.isThrottling(input))
 *   ),
 *   { maxAttempts: 4 }
 * )
 * strictEqual(policy.mode, "custom")
 * ```
 *
 * @since 1.0.0
 * @category constructors
 */
export const fromSchedule = (
  schedule: Schedule.Schedule<unknown, UpdateAuthEventFeedbackError>,
  options?: ScheduleOptions
): RetryPolicy => ({
  ...standardFields({ quota: options?.quota ?? false }),
  mode: "custom",
  maxAttempts: options?.maxAttempts ?? Number.POSITIVE_INFINITY,
  schedule
})

/**
 * The policy named by `AWS_RETRY_MODE` / `retry_mode`, with `AWS_MAX_ATTEMPTS` / `max_attempts`.
 *
 * @since 1.0.0
 * @category constructors
 */
export const fromMode = (mode: "standard" | "adaptive", maxAttempts?: number): RetryPolicy =>
  mode === "adaptive" ? adaptive({ maxAttempts }) : standard({ maxAttempts })

// ---------------------------------------------------------------------------------------------
// Delays (pure)
// ---------------------------------------------------------------------------------------------

// the policy's durations as the protocol's milliseconds, once per retrier or schedule
const delayOptionsOf = <E>(policy: RetryPolicy<E>): Retry.DelayOptions => ({
  throttlingBaseDelayMillis: Duration.toMillis(policy.throttlingBaseDelay),
  transientBaseDelayMillis: Duration.toMillis(policy.transientBaseDelay),
  maxBackoffMillis: Duration.toMillis(policy.maxBackoff),
  maxRetryAfterExtraMillis: Duration.toMillis(policy.maxRetryAfterExtra)
})

const delayOf = (
  delays: Retry.DelayOptions,
  retryClass: RetryClass,
  retryIndex: number,
  random: number,
  retryAfter: Duration.Duration | undefined
): Duration.Duration =>
  Duration.millis(
    Retry.retryDelay(
      delays,
      retryClass,
      retryIndex,
      random,
      retryAfter === undefined ? undefined : Duration.toMillis(retryAfter)
    )
  )

/**
 * The upper bound of the delay before retry number `retryIndex + 1` (0 for the first retry):
 * `min(base * 2^retryIndex, maxBackoff)`, base by class (throttling or not).
 *
 * @since 1.0.0
 * @category delays
 */
export const backoff = (policy: RetryPolicy, retryClass: RetryClass, retryIndex: number): Duration.Duration =>
  Duration.millis(Retry.backoff(delayOptionsOf(policy), retryClass, retryIndex))

/**
 * The delay before a retry: full jitter (`random` in [0, 1] times `backoff`), then raised by a
 * `Retry-After` hint, but never past the jittered delay plus `maxRetryAfterExtra`.
 *
 * @since 1.0.0
 * @category delays
 */
export const retryDelay = (
  policy: RetryPolicy,
  retryClass: RetryClass,
  retryIndex: number,
  random: number,
  retryAfter?: Duration.Duration | undefined
): Duration.Duration => delayOf(delayOptionsOf(policy), retryClass, retryIndex, random, retryAfter)

const effectiveMaxAttempts = <E>(policy: RetryPolicy<E>): number => policy.mode === "disabled" ? 1 : policy.maxAttempts

/**
 * The policy's classification, backoff and attempt limit as a `Schedule` over the failed
 * attempt's error, for `Effect.retry` around code of your own. Stateless: no quota, no rate
 * limiter, no `Retry-After` hints (use `makeRetrier` for those).
 *
 * @since 1.0.0
 * @category conversions
 */
export const toSchedule = (policy: RetryPolicy): Schedule.Schedule<unknown, UpdateAuthEventFeedbackError> =>
  toScheduleWith(policy, classify)

/**
 * `toSchedule` for the errors of any operation, classified by `classify`.
 *
 * @since 1.0.0
 * @category conversions
 */
export const toScheduleWith = <E>(
  policy: RetryPolicy<E>,
  classify: (error: E) => RetryClass
): Schedule.Schedule<unknown, E> => {
  const maxRetries = Math.max(0, effectiveMaxAttempts(policy) - 1)
  if (policy.mode === "custom" && policy.schedule !== undefined) {
    return Schedule.upTo(policy.schedule, { times: maxRetries })
  }
  const delays = delayOptionsOf(policy)
  return Schedule.fromStep(Effect.sync(() => {
    let retries = 0
    return (_now: number, error: E) => {
      const retryClass = classify(error)
      if (retryClass === "none" || retries >= maxRetries) return Cause.done(retries)
      return Effect.map(Random.next, (random): [number, Duration.Duration] => {
        const delay = delayOf(delays, retryClass, retries, random, undefined)
        retries += 1
        return [retries, delay]
      })
    }
  }))
}

// ---------------------------------------------------------------------------------------------
// Retry quota (internal/retryQuota.ts)
// ---------------------------------------------------------------------------------------------

export {
  /**
   * Allocates a retry quota, full.
   *
   * @since 1.0.0
   * @category constructors
   */
  makeRetryQuota,
  /**
   * The November 2026 quota: 500 tokens, 5 per throttling retry, 14 per other retry, +1 per success.
   *
   * @since 1.0.0
   * @category constants
   */
  quotaDefaults,
  /**
   * What a retry of this class takes from the quota.
   *
   * @since 1.0.0
   * @category quota
   */
  retryCost
} from "./internal/retryQuota.js"

export type {
  /**
   * A retry quota in use: a pool of tokens shared by the calls of one retrier.
   *
   * @since 1.0.0
   * @category models
   */
  RetryQuota,
  /**
   * The retry quota (AWS SDK "retry tokens"): shared by all calls of one retrier, it stops retry
   * storms when the service is failing.
   *
   * @since 1.0.0
   * @category models
   */
  RetryQuotaOptions
} from "./internal/retryQuota.js"

// ---------------------------------------------------------------------------------------------
// Adaptive rate limiter (internal/rateLimiter.ts)
// ---------------------------------------------------------------------------------------------

export {
  /**
   * Allocates an adaptive rate limiter (the AWS SDK's `DefaultRateLimiter`). All time comes from
   * the `Clock`, so `TestClock` drives it.
   *
   * @since 1.0.0
   * @category constructors
   */
  makeRateLimiter,
  /**
   * The AWS SDKs' rate limiter constants.
   *
   * @since 1.0.0
   * @category constants
   */
  rateLimiterDefaults
} from "./internal/rateLimiter.js"

export type {
  /**
   * The adaptive mode's client-side rate limiter.
   *
   * @since 1.0.0
   * @category models
   */
  RateLimiter,
  /**
   * The adaptive mode's rate limiter (the AWS SDK's `DefaultRateLimiter`, CUBIC congestion control).
   *
   * @since 1.0.0
   * @category models
   */
  RateLimiterOptions,
  /**
   * A snapshot of the rate limiter. Times are in seconds of the `Clock`; rates in requests (tokens)
   * per second.
   *
   * @since 1.0.0
   * @category models
   */
  RateLimiterState
} from "./internal/rateLimiter.js"

// ---------------------------------------------------------------------------------------------
// Retrier
// ---------------------------------------------------------------------------------------------

/**
 * How an attempt failed: the error, and the server's `Retry-After` hint if it gave one.
 *
 * @since 1.0.0
 * @category models
 */
export interface AttemptFailure<E = UpdateAuthEventFeedbackError> {
  readonly error: E
  readonly retryAfter?: Duration.Duration | undefined
}

/**
 * What an attempt is told about itself.
 *
 * @since 1.0.0
 * @category models
 */
export interface AttemptContext {
  /** 1 for the first attempt. */
  readonly attempt: number
  readonly maxAttempts: number
}

/**
 * A retry about to happen: `attempt` is the number of the attempt that failed with `error`, and
 * `delay` the sleep before the next one.
 *
 * @since 1.0.0
 * @category models
 */
export interface RetryEvent<E = UpdateAuthEventFeedbackError> {
  readonly attempt: number
  readonly error: E
  readonly retryClass: RetryClass
  readonly delay: Duration.Duration
}

/**
 * A policy in use, with its quota and rate limiter. Share one retrier among all calls of a client
 * so that they share the quota and the limiter.
 *
 * @since 1.0.0
 * @category models
 */
export interface Retrier<E = UpdateAuthEventFeedbackError> {
  readonly policy: RetryPolicy<E>
  readonly quota: RetryQuota | undefined
  readonly rateLimiter: RateLimiter | undefined
  /**
   * Runs attempt 1, 2, ... until one succeeds or the policy, the attempt limit or the quota says
   * stop; then fails with the last attempt's error itself, not a wrapper.
   */
  readonly run: <A, R>(
    attempt: (context: AttemptContext) => Effect.Effect<A, AttemptFailure<E>, R>,
    options?: {
      readonly onRetry?: ((event: RetryEvent<E>) => Effect.Effect<void>) | undefined
      /** Runs when a retry is refused because the quota is spent. */
      readonly onQuotaExhausted?: Effect.Effect<void> | undefined
    }
  ) => Effect.Effect<{ readonly value: A; readonly attempts: number }, E, R>
}

// a custom schedule's step function, holding that call's schedule state
type ScheduleStep<E> = (now: number, input: E) => Pull.Pull<[unknown, Duration.Duration], unknown, unknown>

/**
 * Allocates what the policy needs (the quota, the adaptive rate limiter) and returns the retrier.
 *
 * @since 1.0.0
 * @category constructors
 */
export const makeRetrier = (policy: RetryPolicy): Effect.Effect<Retrier> => makeRetrierWith(policy, classify)

/**
 * `makeRetrier` for the errors of any operation, classified by `classify` (which decides what the
 * standard and adaptive modes retry, what the quota charges and what the rate limiter counts as
 * throttling). The constructors' policies serve any errors once their `schedule`, typed by this
 * operation's errors, is dropped: `{ ...RetryPolicy.defaults, schedule: undefined }`.
 *
 * @since 1.0.0
 * @category constructors
 */
export const makeRetrierWith = <E>(
  policy: RetryPolicy<E>,
  classify: (error: E) => RetryClass
): Effect.Effect<Retrier<E>> =>
  Effect.gen(function*() {
    const allocated = policy.quota === undefined ? undefined : allocateRetryQuota(policy.quota)
    const quota = allocated?.quota
    const rateLimiter = policy.mode === "adaptive" ? yield* makeRateLimiter(policy.rateLimiter) : undefined
    const maxAttempts = effectiveMaxAttempts(policy)
    const schedule = policy.mode === "custom" ? policy.schedule : undefined
    const delays = delayOptionsOf(policy)

    const run: Retrier<E>["run"] = <A, R>(
      attempt: (context: AttemptContext) => Effect.Effect<A, AttemptFailure<E>, R>,
      options?: Parameters<Retrier<E>["run"]>[1]
    ) => {
      type Outcome = Effect.Effect<{ readonly value: A; readonly attempts: number }, E, R>
      // Written without a generator on the way to a success: it is the path of almost every call.
      const tryAttempt = (
        attemptNumber: number,
        lastRetryCost: number | undefined,
        step: ScheduleStep<E> | undefined
      ): Outcome => {
        const tried: Outcome = Effect.matchEffect(attempt({ attempt: attemptNumber, maxAttempts }), {
          onSuccess: (value) => {
            allocated?.unsafeRelease(ProtocolQuota.refund(allocated.quota.options, lastRetryCost))
            const done = Effect.succeed({ value, attempts: attemptNumber })
            return rateLimiter === undefined ? done : Effect.andThen(rateLimiter.update(false), done)
          },
          onFailure: (failure) => afterFailure(attemptNumber, failure, step)
        })
        return rateLimiter === undefined ? tried : Effect.andThen(rateLimiter.acquire, tried)
      }
      // The next attempt is a continuation, not run inside the generator: a generator waiting on it
      // would keep one frame per retry alive, without bound under an unbounded schedule.
      const afterFailure = (
        attemptNumber: number,
        failure: AttemptFailure<E>,
        step: ScheduleStep<E> | undefined
      ): Outcome =>
        Effect.flatMap(
          waitForRetry(attemptNumber, failure, step),
          ({ cost, nextStep }) => tryAttempt(attemptNumber + 1, cost, nextStep)
        )
      const waitForRetry = (
        attemptNumber: number,
        { error, retryAfter }: AttemptFailure<E>,
        step: ScheduleStep<E> | undefined
      ) =>
        Effect.gen(function*() {
          const retryClass = classify(error)
          if (rateLimiter !== undefined) yield* rateLimiter.update(retryClass === "throttling")
          if (!(attemptNumber < maxAttempts)) return yield* Effect.fail(error)

          let scheduled: Duration.Duration | undefined = undefined
          let nextStep = step
          if (schedule !== undefined) {
            // the schedule's state lives in its step function: one per call, made at its first failure
            nextStep ??= yield* Schedule.toStep(schedule)
            const stepped = yield* Effect.exit(nextStep(yield* Clock.currentTimeMillis, error))
            // a failed step is the schedule saying it is done (`Cause.Done`): no more retries
            if (Exit.isFailure(stepped)) return yield* Effect.fail(error)
            scheduled = stepped.value[1]
          } else if (retryClass === "none") {
            return yield* Effect.fail(error)
          }
          let cost: number | undefined = undefined
          if (quota !== undefined) {
            cost = retryCost(quota.options, retryClass)
            if (!(yield* quota.tryTake(cost))) {
              if (options?.onQuotaExhausted !== undefined) yield* options.onQuotaExhausted
              return yield* Effect.fail(error)
            }
          }
          const delay = scheduled ?? delayOf(delays, retryClass, attemptNumber - 1, yield* Random.next, retryAfter)
          if (options?.onRetry !== undefined) {
            yield* options.onRetry({ attempt: attemptNumber, error, retryClass, delay })
          }
          yield* Effect.sleep(delay)
          return { cost, nextStep }
        })
      return tryAttempt(1, undefined, undefined)
    }

    return { policy, quota, rateLimiter, run }
  })
