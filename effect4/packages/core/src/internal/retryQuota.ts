/**
 * The retry quota (AWS SDK "retry tokens") as an Effect service: the protocol's `RetryQuota`
 * arithmetic over a count shared by all calls of one retrier.
 */
import type * as Retry from "@cognito-feedback/protocol/Retry"
import * as ProtocolQuota from "@cognito-feedback/protocol/RetryQuota"
import * as Effect from "effect/Effect"

export type RetryQuotaOptions = ProtocolQuota.RetryQuotaOptions

export const quotaDefaults: RetryQuotaOptions = ProtocolQuota.defaults

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

// One fiber runs at a time: a plain cell is as safe as a `Ref` here, and costs no effect (and no
// `RetryQuota` value) to update on every call; the steps are the protocol's `hasTokens` and
// `refilled`, which its immutable `take` and `release` are made of.
export const allocateRetryQuota = (options: RetryQuotaOptions): AllocatedRetryQuota => {
  let available = options.capacity
  const unsafeRelease = (amount: number) => {
    available = ProtocolQuota.refilled(options, available, amount)
  }
  return {
    quota: {
      options,
      available: Effect.sync(() => available),
      tryTake: (cost) =>
        Effect.sync(() => {
          if (!ProtocolQuota.hasTokens(available, cost)) return false
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

export const retryCost: (quota: RetryQuotaOptions, retryClass: Retry.RetryClass) => number = ProtocolQuota.retryCost
