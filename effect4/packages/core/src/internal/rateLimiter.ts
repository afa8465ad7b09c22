/**
 * The adaptive mode's client-side rate limiter as an Effect service: the protocol's
 * `RetryRateLimiter` (the AWS SDK's `DefaultRateLimiter`, CUBIC) in a `Ref`, its time from the
 * `Clock` and its waits on it, so `TestClock` drives it.
 */
import * as ProtocolLimiter from "@cognito-feedback/protocol/RetryRateLimiter"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"

export type RateLimiterOptions = ProtocolLimiter.RateLimiterOptions

export const rateLimiterDefaults: RateLimiterOptions = ProtocolLimiter.defaults

// times are seconds of the `Clock`, rates tokens (requests) per second, as in the SDK's arithmetic
export type RateLimiterState = ProtocolLimiter.RateLimiterState

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

const nowSeconds: Effect.Effect<number> = Effect.map(Clock.currentTimeMillis, (millis) => millis / 1000)

export const makeRateLimiter = (options?: Partial<RateLimiterOptions>): Effect.Effect<RateLimiter> =>
  Effect.gen(function*() {
    const resolved: RateLimiterOptions = { ...rateLimiterDefaults, ...options }
    const ref = yield* Ref.make(ProtocolLimiter.initialState(resolved, yield* nowSeconds))
    const acquire: Effect.Effect<void> = Effect.gen(function*() {
      while (true) {
        const now = yield* nowSeconds
        const wait = yield* Ref.modify(ref, (state) => ProtocolLimiter.tryAcquire(state, now))
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
          (now) => Ref.update(ref, (state) => ProtocolLimiter.update(resolved, state, now, throttled))
        ),
      fillRate: Effect.map(Ref.get(ref), (state) => state.fillRate),
      state: Ref.get(ref)
    }
  })
