/**
 * The adaptive rate limiter against the AWS SDK for JavaScript v3's own `DefaultRateLimiter` (as
 * the Cognito client installs it), driven by the same clock through many sequences of responses:
 * its constants, every field of its state after each CUBIC step, and its waits for a send token.
 */
import { createRequire } from "node:module"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import * as RetryRateLimiter from "../src/RetryRateLimiter.js"

interface SdkLimiter extends Omit<RetryRateLimiter.RateLimiterState, "lastTimestamp"> {
  readonly beta: number
  readonly scaleConstant: number
  readonly smooth: number
  readonly minFillRate: number
  readonly minCapacity: number
  readonly lastTimestamp: number
  readonly getSendToken: () => Promise<void>
  readonly updateClientSendingRate: (response: object) => void
}

interface SdkLimiterClass {
  new(): SdkLimiter
  setTimeoutFn: (callback: () => void, delay: number) => void
}

const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-cognito-identity-provider"))
const sdk = sdkRequire("@smithy/core/retry") as { readonly DefaultRateLimiter: SdkLimiterClass }

/** A seeded generator (mulberry32), so every run checks the same many inputs. */
const randoms = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

// the SDK's limiter as a state of this module (its `lastTimestamp` 0 means not started)
const stateOf = (limiter: SdkLimiter): RetryRateLimiter.RateLimiterState => ({
  enabled: limiter.enabled,
  availableTokens: limiter.availableTokens,
  fillRate: limiter.fillRate,
  maxCapacity: limiter.maxCapacity,
  measuredTxRate: limiter.measuredTxRate,
  lastMaxRate: limiter.lastMaxRate,
  lastThrottleTime: limiter.lastThrottleTime,
  timeWindow: limiter.timeWindow,
  requestCount: limiter.requestCount,
  lastTxRateBucket: limiter.lastTxRateBucket,
  lastTimestamp: limiter.lastTimestamp === 0 ? undefined : limiter.lastTimestamp
})

describe("against the SDK's DefaultRateLimiter", () => {
  const originalSetTimeout = sdk.DefaultRateLimiter.setTimeoutFn
  let waits: Array<number> = []
  beforeEach(() => {
    vi.useFakeTimers()
    waits = []
    // the SDK's waits are recorded and never end: the waiting `getSendToken` stays suspended, and
    // the comparison goes on from the refilled state both keep
    sdk.DefaultRateLimiter.setTimeoutFn = (_callback, delay) => {
      waits.push(delay)
    }
  })
  afterEach(() => {
    sdk.DefaultRateLimiter.setTimeoutFn = originalSetTimeout
    vi.useRealTimers()
  })

  it("has the SDK's constants", () => {
    const limiter = new sdk.DefaultRateLimiter()
    const { beta, minCapacity, minFillRate, scaleConstant, smooth } = limiter
    expect(RetryRateLimiter.defaults).toEqual({ beta, scaleConstant, smooth, minFillRate, minCapacity })
    expect([RetryRateLimiter.defaults.beta, RetryRateLimiter.defaults.smooth]).toEqual([0.7, 0.8])
  })

  it("starts, cuts, grows back and hands out send tokens as the SDK does, step for step", () => {
    const random = randoms(7)
    let comparedWaits = 0
    let throttles = 0
    for (let run = 0; run < 60; run++) {
      let millis = 1_700_000_000_000 + Math.floor(random() * 1_000_000)
      vi.setSystemTime(millis)
      const sdkLimiter = new sdk.DefaultRateLimiter()
      let state = RetryRateLimiter.initialState(RetryRateLimiter.defaults, millis / 1000)
      expect(state).toEqual(stateOf(sdkLimiter))
      // bursts of throttling, quiet spells, and traffic from a few to a few hundred a second
      const rate = 1 + random() * 200
      for (let step = 0; step < 300; step++) {
        millis += Math.floor((random() < 0.05 ? random() * 8000 : random() * 2000) / rate)
        vi.setSystemTime(millis)
        const now = millis / 1000
        const context = { run, step, millis }
        if (random() < 0.4) {
          // a send token: a wait the SDK sleeps is ours rounded up to the millisecond
          waits = []
          void sdkLimiter.getSendToken()
          const [wait, next] = RetryRateLimiter.tryAcquire(state, now)
          state = next
          expect([context, wait]).toEqual([context, waits.length === 0 ? 0 : Math.ceil(waits[0] ?? 0)])
          if (waits.length > 0) comparedWaits++
        } else {
          const throttled = random() < 0.15
          if (throttled) throttles++
          sdkLimiter.updateClientSendingRate(throttled ? { errorType: "THROTTLING" } : {})
          state = RetryRateLimiter.update(RetryRateLimiter.defaults, state, now, throttled)
        }
        expect([context, state]).toEqual([context, stateOf(sdkLimiter)])
      }
    }
    // both ways were exercised
    expect(comparedWaits).toBeGreaterThan(100)
    expect(throttles).toBeGreaterThan(100)
  })
})

describe("invariants", () => {
  it("keeps the rate and capacity at their minimums or above and the tokens within the capacity", () => {
    const random = randoms(11)
    const options = RetryRateLimiter.defaults
    const broken: Array<unknown> = []
    for (let run = 0; run < 100; run++) {
      let now = 1000 + random() * 1000
      let state = RetryRateLimiter.initialState(options, now)
      for (let step = 0; step < 300; step++) {
        now += random() * 0.5
        const throttled = random() < 0.2
        const before = state
        state = random() < 0.5
          ? RetryRateLimiter.tryAcquire(state, now)[1]
          : RetryRateLimiter.update(options, state, now, throttled)
        const holds = state.fillRate >= options.minFillRate && state.maxCapacity >= options.minCapacity &&
          state.availableTokens >= 0 && state.availableTokens <= state.maxCapacity + 1e-9 &&
          (!before.enabled || state.enabled)
        if (!holds && broken.length < 20) broken.push({ run, step, before, state })
      }
    }
    expect(broken).toEqual([])
  })

  it("cuts the rate to beta times the measured one after throttling, and never waits before it", () => {
    const options = RetryRateLimiter.defaults
    let state = RetryRateLimiter.initialState(options, 100)
    for (let i = 0; i < 40; i++) {
      state = RetryRateLimiter.update(options, state, 100 + i / 10, false)
      expect(RetryRateLimiter.tryAcquire(state, 100 + i / 10)[0]).toBe(0)
    }
    const measured = state.measuredTxRate
    expect(measured).toBeGreaterThan(5)
    state = RetryRateLimiter.update(options, state, 104, true)
    expect(state.enabled).toBe(true)
    expect(state.lastMaxRate).toBe(state.measuredTxRate)
    expect(state.fillRate).toBeCloseTo(state.lastMaxRate * 0.7, 6)
    expect(RetryRateLimiter.cubicThrottle(options, 10)).toBe(7)
    expect(RetryRateLimiter.cubicSuccess(options, { lastThrottleTime: 0, timeWindow: 1, lastMaxRate: 10 }, 1)).toBe(10)
  })
})
