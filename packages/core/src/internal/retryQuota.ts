/**
 * The retry quota (AWS SDK "retry tokens"): a pool of tokens shared by all calls of one retrier,
 * which a retry draws from and a success refills, so that retries stop when the service is failing.
 */
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import type { RetryClass } from "../RetryPolicy.js"

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

export const quotaDefaults: RetryQuotaOptions = {
  capacity: 500,
  throttlingCost: 5,
  retryCost: 14,
  noRetryIncrement: 1
}

export interface RetryQuota {
  readonly options: RetryQuotaOptions
  /** Tokens available now. */
  readonly available: Effect.Effect<number>
  /** Takes `cost` tokens if that many are available; `false` (and nothing taken) otherwise. */
  readonly tryTake: (cost: number) => Effect.Effect<boolean>
  /** Gives tokens back, never above the capacity. */
  readonly release: (amount: number) => Effect.Effect<void>
}

export const makeRetryQuota = (options: RetryQuotaOptions): Effect.Effect<RetryQuota> =>
  Effect.map(Ref.make(options.capacity), (ref) => ({
    options,
    available: Ref.get(ref),
    tryTake: (cost) =>
      Ref.modify(ref, (available) => available >= cost ? [true, available - cost] : [false, available]),
    release: (amount) => Ref.update(ref, (available) => Math.min(options.capacity, available + amount))
  }))

export const retryCost = (quota: RetryQuotaOptions, retryClass: RetryClass): number =>
  retryClass === "throttling" ? quota.throttlingCost : quota.retryCost
