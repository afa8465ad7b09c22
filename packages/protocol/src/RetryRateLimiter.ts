/**
 * The adaptive mode's client-side rate limiter, the AWS SDKs' `DefaultRateLimiter`, as pure
 * functions of its state and the time: a token bucket whose fill rate follows CUBIC congestion
 * control, cut by `beta` (0.7) after throttling and grown back after, against a measured sending
 * rate smoothed by `smooth` (0.8). Times are seconds of the caller's clock; rates are requests
 * (tokens) per second. The arithmetic is the SDK's, step for step, rounding included.
 *
 * @since 0.1.0
 */
import { constants } from "./RetryConstants.js"

/**
 * The rate limiter's constants.
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
 * The AWS SDKs' rate limiter constants (`constants.rateLimiter`).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults: RateLimiterOptions = constants.rateLimiter

/**
 * A snapshot of the rate limiter. Times are in seconds; rates in requests (tokens) per second.
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

// As the AWS SDK does, to keep the arithmetic reproducible across SDKs.
const precise = (n: number): number => parseFloat(n.toFixed(8))

// Absorbs floating-point dust, so a token refilled by exactly the computed wait counts as whole.
const EPSILON = 1e-9

/**
 * A limiter created at `now`: not enabled, at the minimum rate and capacity.
 *
 * @since 0.1.0
 * @category constructors
 */
export const initialState = (options: RateLimiterOptions, now: number): RateLimiterState => ({
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

/**
 * Adds the tokens filled since the last refill, up to the capacity (the first refill only starts
 * the clock).
 *
 * @since 0.1.0
 * @category steps
 */
export const refill = (state: RateLimiterState, now: number): RateLimiterState => {
  if (state.lastTimestamp === undefined) return { ...state, lastTimestamp: now }
  const fillAmount = (now - state.lastTimestamp) * state.fillRate
  return {
    ...state,
    availableTokens: Math.min(state.maxCapacity, state.availableTokens + fillAmount),
    lastTimestamp: now
  }
}

/**
 * Takes a send token: wait 0 and the state with the token taken, or the milliseconds until one is
 * there (rounded up) and the refilled state; try again after the wait. Never waits while the
 * limiter is not enabled. A pair, to suit an atomic modify of a reference.
 *
 * @since 0.1.0
 * @category transitions
 */
export const tryAcquire = (state: RateLimiterState, now: number): readonly [number, RateLimiterState] => {
  if (!state.enabled) return [0, state]
  const refilled = refill(state, now)
  if (refilled.availableTokens + EPSILON >= 1) {
    return [0, { ...refilled, availableTokens: Math.max(0, refilled.availableTokens - 1) }]
  }
  return [Math.ceil(((1 - refilled.availableTokens) / refilled.fillRate) * 1000), refilled]
}

/**
 * Counts a response in the measured sending rate: requests per half-second bucket, smoothed by
 * `smooth` each time a bucket closes.
 *
 * @since 0.1.0
 * @category steps
 */
export const measure = (options: RateLimiterOptions, state: RateLimiterState, now: number): RateLimiterState => {
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

/**
 * CUBIC's time window: how long, in seconds, the rate takes to grow back to `lastMaxRate`.
 *
 * @since 0.1.0
 * @category cubic
 */
export const timeWindow = (options: RateLimiterOptions, lastMaxRate: number): number =>
  precise(Math.pow((lastMaxRate * (1 - options.beta)) / options.scaleConstant, 1 / 3))

/**
 * CUBIC's cut after throttling: `rate * beta`.
 *
 * @since 0.1.0
 * @category cubic
 */
export const cubicThrottle = (options: RateLimiterOptions, rate: number): number => precise(rate * options.beta)

/**
 * CUBIC's growth at `now` since the last throttling:
 * `scaleConstant * (now - lastThrottleTime - timeWindow)^3 + lastMaxRate`.
 *
 * @since 0.1.0
 * @category cubic
 */
export const cubicSuccess = (
  options: RateLimiterOptions,
  state: Pick<RateLimiterState, "lastThrottleTime" | "timeWindow" | "lastMaxRate">,
  now: number
): number =>
  precise(options.scaleConstant * Math.pow(now - state.lastThrottleTime - state.timeWindow, 3) + state.lastMaxRate)

/**
 * Records a response at `now`: `throttled` cuts the rate (and enables the limiter), anything else
 * lets it grow back; the new rate is at most twice the measured one, the fill rate and capacity at
 * least their minimums (the SDK's `updateClientSendingRate`).
 *
 * @since 0.1.0
 * @category transitions
 */
export const update = (
  options: RateLimiterOptions,
  current: RateLimiterState,
  now: number,
  throttled: boolean
): RateLimiterState => {
  let state = measure(options, current, now)
  let calculatedRate: number
  if (throttled) {
    const rateToUse = state.enabled ? Math.min(state.measuredTxRate, state.fillRate) : state.measuredTxRate
    state = {
      ...state,
      lastMaxRate: rateToUse,
      timeWindow: timeWindow(options, rateToUse),
      lastThrottleTime: now,
      enabled: true
    }
    calculatedRate = cubicThrottle(options, rateToUse)
  } else {
    state = { ...state, timeWindow: timeWindow(options, state.lastMaxRate) }
    calculatedRate = cubicSuccess(options, state, now)
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
