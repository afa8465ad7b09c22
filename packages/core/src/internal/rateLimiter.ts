/**
 * The adaptive mode's client-side rate limiter: the AWS SDK's `DefaultRateLimiter`, a token bucket
 * whose fill rate follows CUBIC congestion control (cut after throttling, grown back after).
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"

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

export const rateLimiterDefaults: RateLimiterOptions = {
  beta: 0.7,
  scaleConstant: 0.4,
  smooth: 0.8,
  minFillRate: 0.5,
  minCapacity: 1
}

// times are seconds of the `Clock`, rates tokens (requests) per second, as in the SDK's arithmetic
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
