/**
 * Retries as the AWS SDKs do them: which errors are retried (throttling, transient), full-jitter
 * exponential backoff with the November 2026 constants, `Retry-After` hints, the retry quota shared
 * by all calls of a client, and the "adaptive" mode's client-side rate limiter (CUBIC). The policy
 * is plain data users can read, change (`{ ...RetryPolicy.defaults, maxAttempts: 5 }`), replace
 * with their own `Schedule`, or disable; `makeRetrier` turns it into the stateful runner that the
 * http layer wraps around each attempt.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Random from "effect/Random"
import * as Ref from "effect/Ref"
import * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as ScheduleInterval from "effect/ScheduleInterval"
import * as ScheduleIntervals from "effect/ScheduleIntervals"
import type { UpdateAuthEventFeedbackError } from "./CognitoError.js"

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/**
 * How an error is retried: `throttling` (the service asked us to slow down), `transient` (worth
 * another try soon), or `none` (retrying cannot help).
 *
 * @since 0.1.0
 * @category models
 */
export type RetryClass = "throttling" | "transient" | "none"

/**
 * The error codes the AWS SDKs treat as throttling.
 *
 * @since 0.1.0
 * @category constants
 */
export const throttlingErrorCodes: ReadonlyArray<string> = [
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "RequestThrottled",
  "SlowDown",
  "PriorRequestNotComplete",
  "EC2ThrottledException"
]

/**
 * The error codes the AWS SDKs treat as transient.
 *
 * @since 0.1.0
 * @category constants
 */
export const transientErrorCodes: ReadonlyArray<string> = ["TimeoutError", "RequestTimeout", "RequestTimeoutException"]

/**
 * The HTTP statuses the AWS SDKs treat as transient (429 is throttling).
 *
 * @since 0.1.0
 * @category constants
 */
export const transientStatusCodes: ReadonlyArray<number> = [500, 502, 503, 504]

const throttlingCodeSet: ReadonlySet<string> = new Set(throttlingErrorCodes)
const transientCodeSet: ReadonlySet<string> = new Set(transientErrorCodes)
const transientStatusSet: ReadonlySet<number> = new Set(transientStatusCodes)

const classifyResponse = (status: number, code: string | undefined): RetryClass => {
  // A known code wins over the status; an unknown one says nothing, so the status decides.
  if (code !== undefined) {
    if (throttlingCodeSet.has(code)) return "throttling"
    if (transientCodeSet.has(code)) return "transient"
  }
  if (status === 429) return "throttling"
  if (transientStatusSet.has(status)) return "transient"
  return "none"
}

/**
 * Classifies an error of `UpdateAuthEventFeedback` as the AWS SDKs' "standard" mode does.
 *
 * @since 0.1.0
 * @category classification
 */
export const classify = (error: UpdateAuthEventFeedbackError): RetryClass => {
  switch (error._tag) {
    case "TooManyRequestsException":
      return "throttling"
    case "InternalErrorException":
    case "TransportError":
      return "transient"
    case "UnexpectedResponseError":
      return classifyResponse(error.status, error.code)
    case "InvalidParameterException":
    case "ResourceNotFoundException":
    case "NotAuthorizedException":
    case "UserNotFoundException":
    case "UserPoolAddOnNotEnabledException":
    case "OperationNotEnabledException":
      return "none"
  }
}

/**
 * Whether the standard and adaptive modes retry this error (throttling or transient).
 *
 * @since 0.1.0
 * @category classification
 */
export const isRetryable = (error: UpdateAuthEventFeedbackError): boolean => classify(error) !== "none"

/**
 * Whether this error is throttling (what the adaptive rate limiter reacts to).
 *
 * @since 0.1.0
 * @category classification
 */
export const isThrottling = (error: UpdateAuthEventFeedbackError): boolean => classify(error) === "throttling"

// ---------------------------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------------------------

/**
 * The retry quota (AWS SDK "retry tokens"): shared by all calls of one retrier, it stops retry
 * storms when the service is failing.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryQuotaOptions {
  /** Tokens available at start, and the most there can be (500). */
  readonly capacity: number
  /** What a retry after throttling costs (5). */
  readonly throttlingCost: number
  /** What any other retry costs (14). */
  readonly retryCost: number
  /** What a success that needed no retry gives back (1). */
  readonly noRetryIncrement: number
}

/**
 * The November 2026 quota: 500 tokens, 5 per throttling retry, 14 per other retry, +1 per success.
 *
 * @since 0.1.0
 * @category constants
 */
export const quotaDefaults: RetryQuotaOptions = {
  capacity: 500,
  throttlingCost: 5,
  retryCost: 14,
  noRetryIncrement: 1
}

/**
 * The adaptive mode's rate limiter (the AWS SDK's `DefaultRateLimiter`, CUBIC congestion control).
 *
 * @since 0.1.0
 * @category models
 */
export interface RateLimiterOptions {
  /** How much the rate is cut after throttling (0.7). */
  readonly beta: number
  /** How fast the rate grows back (0.4). */
  readonly scaleConstant: number
  /** Weight of the newest measurement of the sending rate (0.8). */
  readonly smooth: number
  /** Lowest fill rate in tokens per second (0.5). */
  readonly minFillRate: number
  /** Lowest bucket capacity in tokens (1). */
  readonly minCapacity: number
}

/**
 * The AWS SDKs' rate limiter constants.
 *
 * @since 0.1.0
 * @category constants
 */
export const rateLimiterDefaults: RateLimiterOptions = {
  beta: 0.7,
  scaleConstant: 0.4,
  smooth: 0.8,
  minFillRate: 0.5,
  minCapacity: 1
}

/**
 * Which rules decide retries: the AWS "standard" mode, "adaptive" (standard plus the rate
 * limiter), "disabled" (one attempt), or "custom" (the policy's `schedule`).
 *
 * @since 0.1.0
 * @category models
 */
export type RetryMode = "standard" | "adaptive" | "disabled" | "custom"

/**
 * A retry policy: plain data, readable and changeable with a spread.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryPolicy {
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
  readonly schedule?: Schedule.Schedule<unknown, UpdateAuthEventFeedbackError> | undefined
}

/**
 * Options of `standard` and `adaptive`; anything left out keeps its default.
 *
 * @since 0.1.0
 * @category models
 */
export interface StandardOptions {
  readonly maxAttempts?: number | undefined
  readonly throttlingBaseDelay?: Duration.DurationInput | undefined
  readonly transientBaseDelay?: Duration.DurationInput | undefined
  readonly maxBackoff?: Duration.DurationInput | undefined
  readonly maxRetryAfterExtra?: Duration.DurationInput | undefined
  /** Changes to the quota, or `false` for no quota. */
  readonly quota?: Partial<RetryQuotaOptions> | false | undefined
}

/**
 * Options of `adaptive`.
 *
 * @since 0.1.0
 * @category models
 */
export interface AdaptiveOptions extends StandardOptions {
  readonly rateLimiter?: Partial<RateLimiterOptions> | undefined
}

/**
 * Options of `fromSchedule`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ScheduleOptions {
  /** Attempts in all, the first included; unbounded by default (the schedule decides). */
  readonly maxAttempts?: number | undefined
  /** A quota to apply as well; none by default. */
  readonly quota?: Partial<RetryQuotaOptions> | false | undefined
}

const DEFAULT_MAX_ATTEMPTS = 3

const resolveQuota = (quota: Partial<RetryQuotaOptions> | false | undefined): RetryQuotaOptions | undefined =>
  quota === false ? undefined : { ...quotaDefaults, ...quota }

const standardFields = (options: StandardOptions | undefined): Omit<RetryPolicy, "mode"> => ({
  maxAttempts: options?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  throttlingBaseDelay: Duration.decode(options?.throttlingBaseDelay ?? Duration.millis(1000)),
  transientBaseDelay: Duration.decode(options?.transientBaseDelay ?? Duration.millis(50)),
  maxBackoff: Duration.decode(options?.maxBackoff ?? Duration.seconds(20)),
  maxRetryAfterExtra: Duration.decode(options?.maxRetryAfterExtra ?? Duration.seconds(5)),
  quota: resolveQuota(options?.quota)
})

/**
 * The AWS "standard" mode with the November 2026 constants, changed by `options`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const standard = (options?: StandardOptions): RetryPolicy => ({ mode: "standard", ...standardFields(options) })

/**
 * The AWS "adaptive" mode: standard, plus a client-side rate limiter that slows sending after
 * throttling and recovers after.
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category constructors
 */
export const defaults: RetryPolicy = standard()

/**
 * No retries: one attempt, no quota.
 *
 * @since 0.1.0
 * @category constructors
 */
export const disabled: RetryPolicy = { ...standard({ maxAttempts: 1, quota: false }), mode: "disabled" }

/**
 * A policy decided by the caller's `Schedule` (its input is the error of the failed attempt).
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category constructors
 */
export const fromMode = (mode: "standard" | "adaptive", maxAttempts?: number): RetryPolicy =>
  mode === "adaptive" ? adaptive({ maxAttempts }) : standard({ maxAttempts })

// ---------------------------------------------------------------------------------------------
// Delays (pure)
// ---------------------------------------------------------------------------------------------

const baseDelayMillis = (policy: RetryPolicy, retryClass: RetryClass): number =>
  Duration.toMillis(retryClass === "throttling" ? policy.throttlingBaseDelay : policy.transientBaseDelay)

const backoffMillis = (policy: RetryPolicy, retryClass: RetryClass, retryIndex: number): number =>
  Math.min(baseDelayMillis(policy, retryClass) * 2 ** Math.max(0, retryIndex), Duration.toMillis(policy.maxBackoff))

/**
 * The upper bound of the delay before retry number `retryIndex + 1` (0 for the first retry):
 * `min(base * 2^retryIndex, maxBackoff)`, base by class (throttling or not).
 *
 * @since 0.1.0
 * @category delays
 */
export const backoff = (policy: RetryPolicy, retryClass: RetryClass, retryIndex: number): Duration.Duration =>
  Duration.millis(backoffMillis(policy, retryClass, retryIndex))

/**
 * The delay before a retry: full jitter (`random` in [0, 1] times `backoff`), then raised by a
 * `Retry-After` hint, but never past the jittered delay plus `maxRetryAfterExtra`.
 *
 * @since 0.1.0
 * @category delays
 */
export const retryDelay = (
  policy: RetryPolicy,
  retryClass: RetryClass,
  retryIndex: number,
  random: number,
  retryAfter?: Duration.Duration | undefined
): Duration.Duration => {
  const jittered = Math.min(1, Math.max(0, random)) * backoffMillis(policy, retryClass, retryIndex)
  if (retryAfter === undefined) return Duration.millis(jittered)
  const hinted = Math.max(jittered, Duration.toMillis(retryAfter))
  return Duration.millis(Math.min(hinted, jittered + Duration.toMillis(policy.maxRetryAfterExtra)))
}

/**
 * What a retry of this class takes from the quota.
 *
 * @since 0.1.0
 * @category quota
 */
export const retryCost = (quota: RetryQuotaOptions, retryClass: RetryClass): number =>
  retryClass === "throttling" ? quota.throttlingCost : quota.retryCost

const effectiveMaxAttempts = (policy: RetryPolicy): number => policy.mode === "disabled" ? 1 : policy.maxAttempts

/**
 * The policy's classification, backoff and attempt limit as a `Schedule` over the failed
 * attempt's error, for `Effect.retry` around code of your own. Stateless: no quota, no rate
 * limiter, no `Retry-After` hints (use `makeRetrier` for those).
 *
 * @since 0.1.0
 * @category conversions
 */
export const toSchedule = (policy: RetryPolicy): Schedule.Schedule<unknown, UpdateAuthEventFeedbackError> => {
  const maxRetries = Math.max(0, effectiveMaxAttempts(policy) - 1)
  if (policy.mode === "custom" && policy.schedule !== undefined) {
    return Schedule.intersect(policy.schedule, Schedule.recurs(maxRetries))
  }
  return Schedule.makeWithState(0, (now, error: UpdateAuthEventFeedbackError, retries: number) => {
    const retryClass = classify(error)
    if (retryClass === "none" || retries >= maxRetries) {
      return Effect.succeed([retries, Duration.zero, ScheduleDecision.done] as const)
    }
    return Effect.map(Random.next, (random) => {
      const delay = retryDelay(policy, retryClass, retries, random)
      return [
        retries + 1,
        delay,
        ScheduleDecision.continueWith(ScheduleInterval.after(now + Duration.toMillis(delay)))
      ] as const
    })
  })
}

// ---------------------------------------------------------------------------------------------
// Retry quota
// ---------------------------------------------------------------------------------------------

/**
 * A retry quota in use: a pool of tokens shared by the calls of one retrier.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryQuota {
  readonly options: RetryQuotaOptions
  /** Tokens available now. */
  readonly available: Effect.Effect<number>
  /** Takes `cost` tokens if that many are available; `false` (and nothing taken) otherwise. */
  readonly tryTake: (cost: number) => Effect.Effect<boolean>
  /** Gives tokens back, never above the capacity. */
  readonly release: (amount: number) => Effect.Effect<void>
}

/**
 * Allocates a retry quota, full.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRetryQuota = (options: RetryQuotaOptions): Effect.Effect<RetryQuota> =>
  Effect.map(Ref.make(options.capacity), (ref) => ({
    options,
    available: Ref.get(ref),
    tryTake: (cost) =>
      Ref.modify(ref, (available) => available >= cost ? [true, available - cost] : [false, available]),
    release: (amount) => Ref.update(ref, (available) => Math.min(options.capacity, available + amount))
  }))

// ---------------------------------------------------------------------------------------------
// Adaptive rate limiter
// ---------------------------------------------------------------------------------------------

/**
 * A snapshot of the rate limiter. Times are in seconds of the `Clock`; rates in requests (tokens)
 * per second.
 *
 * @since 0.1.0
 * @category models
 */
export interface RateLimiterState {
  /** Whether sending is limited at all: only after the first throttling. */
  readonly enabled: boolean
  readonly availableTokens: number
  readonly fillRate: number
  readonly maxCapacity: number
  readonly measuredTxRate: number
  readonly lastMaxRate: number
  readonly lastThrottleTime: number
  readonly timeWindow: number
  readonly requestCount: number
  readonly lastTxRateBucket: number
  readonly lastTimestamp: number | undefined
}

/**
 * The adaptive mode's client-side rate limiter.
 *
 * @since 0.1.0
 * @category models
 */
export interface RateLimiter {
  readonly options: RateLimiterOptions
  /** Takes a send token, sleeping on the `Clock` until one is available (never while not enabled). */
  readonly acquire: Effect.Effect<void>
  /** Records a response: `throttled` cuts the rate, anything else lets it grow back. */
  readonly update: (throttled: boolean) => Effect.Effect<void>
  /** The current fill rate, in tokens per second. */
  readonly fillRate: Effect.Effect<number>
  readonly state: Effect.Effect<RateLimiterState>
}

// As the AWS SDK does, to keep the arithmetic reproducible across SDKs.
const precise = (n: number): number => parseFloat(n.toFixed(8))

// Absorbs floating-point dust, so a token refilled by exactly the computed wait counts as whole.
const EPSILON = 1e-9

const initialLimiterState = (options: RateLimiterOptions, now: number): RateLimiterState => ({
  enabled: false,
  availableTokens: 0,
  fillRate: options.minFillRate,
  maxCapacity: options.minCapacity,
  measuredTxRate: 0,
  lastMaxRate: 0,
  lastThrottleTime: now,
  timeWindow: 0,
  requestCount: 0,
  lastTxRateBucket: Math.floor(now),
  lastTimestamp: undefined
})

const refill = (state: RateLimiterState, now: number): RateLimiterState => {
  if (state.lastTimestamp === undefined) return { ...state, lastTimestamp: now }
  const fillAmount = (now - state.lastTimestamp) * state.fillRate
  return {
    ...state,
    availableTokens: Math.min(state.maxCapacity, state.availableTokens + fillAmount),
    lastTimestamp: now
  }
}

/** Either takes a token (wait 0) or says how many milliseconds until one is there. */
const tryAcquire = (state: RateLimiterState, now: number): readonly [number, RateLimiterState] => {
  if (!state.enabled) return [0, state]
  const refilled = refill(state, now)
  if (refilled.availableTokens + EPSILON >= 1) {
    return [0, { ...refilled, availableTokens: Math.max(0, refilled.availableTokens - 1) }]
  }
  return [Math.ceil(((1 - refilled.availableTokens) / refilled.fillRate) * 1000), refilled]
}

const updateMeasuredRate = (options: RateLimiterOptions, state: RateLimiterState, now: number): RateLimiterState => {
  const timeBucket = Math.floor(now * 2) / 2
  const requestCount = state.requestCount + 1
  if (timeBucket > state.lastTxRateBucket) {
    const currentRate = requestCount / (timeBucket - state.lastTxRateBucket)
    return {
      ...state,
      measuredTxRate: precise(currentRate * options.smooth + state.measuredTxRate * (1 - options.smooth)),
      requestCount: 0,
      lastTxRateBucket: timeBucket
    }
  }
  return { ...state, requestCount }
}

const timeWindowOf = (options: RateLimiterOptions, lastMaxRate: number): number =>
  precise(Math.pow((lastMaxRate * (1 - options.beta)) / options.scaleConstant, 1 / 3))

const updateSendingRate = (
  options: RateLimiterOptions,
  current: RateLimiterState,
  now: number,
  throttled: boolean
): RateLimiterState => {
  let state = updateMeasuredRate(options, current, now)
  let calculatedRate: number
  if (throttled) {
    const rateToUse = state.enabled ? Math.min(state.measuredTxRate, state.fillRate) : state.measuredTxRate
    state = {
      ...state,
      lastMaxRate: rateToUse,
      timeWindow: timeWindowOf(options, rateToUse),
      lastThrottleTime: now,
      enabled: true
    }
    calculatedRate = precise(rateToUse * options.beta)
  } else {
    state = { ...state, timeWindow: timeWindowOf(options, state.lastMaxRate) }
    calculatedRate = precise(
      options.scaleConstant * Math.pow(now - state.lastThrottleTime - state.timeWindow, 3) + state.lastMaxRate
    )
  }
  const newRate = Math.min(calculatedRate, 2 * state.measuredTxRate)
  const refilled = refill(state, now)
  const maxCapacity = Math.max(newRate, options.minCapacity)
  return {
    ...refilled,
    fillRate: Math.max(newRate, options.minFillRate),
    maxCapacity,
    availableTokens: Math.min(refilled.availableTokens, maxCapacity)
  }
}

const nowSeconds: Effect.Effect<number> = Effect.map(Clock.currentTimeMillis, (millis) => millis / 1000)

/**
 * Allocates an adaptive rate limiter (the AWS SDK's `DefaultRateLimiter`). All time comes from
 * the `Clock`, so `TestClock` drives it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRateLimiter = (options?: Partial<RateLimiterOptions>): Effect.Effect<RateLimiter> =>
  Effect.gen(function*() {
    const resolved: RateLimiterOptions = { ...rateLimiterDefaults, ...options }
    const ref = yield* Ref.make(initialLimiterState(resolved, yield* nowSeconds))
    const acquire: Effect.Effect<void> = Effect.gen(function*() {
      while (true) {
        const now = yield* nowSeconds
        const wait = yield* Ref.modify(ref, (state) => tryAcquire(state, now))
        if (wait <= 0) return
        yield* Effect.sleep(Duration.millis(wait))
      }
    })
    return {
      options: resolved,
      acquire,
      update: (throttled) =>
        Effect.flatMap(
          nowSeconds,
          (now) => Ref.update(ref, (state) => updateSendingRate(resolved, state, now, throttled))
        ),
      fillRate: Effect.map(Ref.get(ref), (state) => state.fillRate),
      state: Ref.get(ref)
    }
  })

// ---------------------------------------------------------------------------------------------
// Retrier
// ---------------------------------------------------------------------------------------------

/**
 * How an attempt failed: the error, and the server's `Retry-After` hint if it gave one.
 *
 * @since 0.1.0
 * @category models
 */
export interface AttemptFailure {
  readonly error: UpdateAuthEventFeedbackError
  readonly retryAfter?: Duration.Duration | undefined
}

/**
 * What an attempt is told about itself.
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category models
 */
export interface RetryEvent {
  readonly attempt: number
  readonly error: UpdateAuthEventFeedbackError
  readonly retryClass: RetryClass
  readonly delay: Duration.Duration
}

/**
 * A policy in use, with its quota and rate limiter. Share one retrier among all calls of a client
 * so that they share the quota and the limiter.
 *
 * @since 0.1.0
 * @category models
 */
export interface Retrier {
  readonly policy: RetryPolicy
  readonly quota: RetryQuota | undefined
  readonly rateLimiter: RateLimiter | undefined
  /**
   * Runs attempt 1, 2, ... until one succeeds or the policy, the attempt limit or the quota says
   * stop; then fails with the last attempt's error itself, not a wrapper.
   */
  readonly run: <A, R>(
    attempt: (context: AttemptContext) => Effect.Effect<A, AttemptFailure, R>,
    options?: { readonly onRetry?: ((event: RetryEvent) => Effect.Effect<void>) | undefined }
  ) => Effect.Effect<{ readonly value: A; readonly attempts: number }, UpdateAuthEventFeedbackError, R>
}

/**
 * Allocates what the policy needs (the quota, the adaptive rate limiter) and returns the retrier.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeRetrier = (policy: RetryPolicy): Effect.Effect<Retrier> =>
  Effect.gen(function*() {
    const quota = policy.quota === undefined ? undefined : yield* makeRetryQuota(policy.quota)
    const rateLimiter = policy.mode === "adaptive" ? yield* makeRateLimiter(policy.rateLimiter) : undefined
    const maxAttempts = effectiveMaxAttempts(policy)
    const schedule = policy.mode === "custom" ? policy.schedule : undefined

    const run: Retrier["run"] = (attempt, options) =>
      Effect.gen(function*() {
        let attemptNumber = 1
        let lastRetryCost: number | undefined = undefined
        let scheduleState: unknown = schedule?.initial
        while (true) {
          if (rateLimiter !== undefined) yield* rateLimiter.acquire
          const result = yield* Effect.either(attempt({ attempt: attemptNumber, maxAttempts }))
          if (Either.isRight(result)) {
            if (rateLimiter !== undefined) yield* rateLimiter.update(false)
            if (quota !== undefined) yield* quota.release(lastRetryCost ?? quota.options.noRetryIncrement)
            return { value: result.right, attempts: attemptNumber }
          }
          const { error, retryAfter } = result.left
          const retryClass = classify(error)
          if (rateLimiter !== undefined) yield* rateLimiter.update(retryClass === "throttling")
          if (!(attemptNumber < maxAttempts)) return yield* Effect.fail(error)

          let scheduled: Duration.Duration | undefined = undefined
          if (schedule !== undefined) {
            const now = yield* Clock.currentTimeMillis
            const [state, , decision] = yield* schedule.step(now, error, scheduleState)
            scheduleState = state
            if (ScheduleDecision.isDone(decision)) return yield* Effect.fail(error)
            scheduled = Duration.millis(Math.max(0, ScheduleIntervals.start(decision.intervals) - now))
          } else if (retryClass === "none") {
            return yield* Effect.fail(error)
          }
          if (quota !== undefined) {
            const cost = retryCost(quota.options, retryClass)
            if (!(yield* quota.tryTake(cost))) return yield* Effect.fail(error)
            lastRetryCost = cost
          }
          const delay = scheduled ?? retryDelay(policy, retryClass, attemptNumber - 1, yield* Random.next, retryAfter)
          if (options?.onRetry !== undefined) {
            yield* options.onRetry({ attempt: attemptNumber, error, retryClass, delay })
          }
          yield* Effect.sleep(delay)
          attemptNumber++
        }
      })

    return { policy, quota, rateLimiter, run }
  })
