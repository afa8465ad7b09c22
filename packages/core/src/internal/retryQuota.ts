/**
 * The retry quota (AWS SDK "retry tokens"): a pool of tokens shared by all calls of one retrier,
 * which a retry draws from and a success refills, so that retries stop when the service is failing.
 */
import * as Effect from "effect/Effect"
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

/** A quota and the handle its retrier keeps: a success gives tokens back on every call, without an effect. */
export interface AllocatedRetryQuota {
  readonly quota: RetryQuota
  readonly unsafeRelease: (amount: number) => void
}

// one fiber runs at a time: a plain cell is as safe as a `Ref` here, and costs no effect to update
export const allocateRetryQuota = (options: RetryQuotaOptions): AllocatedRetryQuota => {
  let available = options.capacity
  const unsafeRelease = (amount: number) => {
    available = Math.min(options.capacity, available + amount)
  }
  return {
    quota: {
      options,
      available: Effect.sync(() => available),
      tryTake: (cost) =>
        Effect.sync(() => {
          if (available < cost) return false
          available -= cost
          return true
        }),
      release: (amount) => Effect.sync(() => unsafeRelease(amount))
    },
    unsafeRelease
  }
}

export const makeRetryQuota = (options: RetryQuotaOptions): Effect.Effect<RetryQuota> =>
  Effect.sync(() => allocateRetryQuota(options).quota)

export const retryCost = (quota: RetryQuotaOptions, retryClass: RetryClass): number =>
  retryClass === "throttling" ? quota.throttlingCost : quota.retryCost
