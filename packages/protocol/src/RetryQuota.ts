/**
 * The retry quota (the AWS SDKs' "retry tokens") as an immutable value with pure transitions: a
 * pool of tokens shared by all calls of a client, which a retry draws from and a success refills,
 * so that retries stop when the service is failing. A retry costs 5 after throttling and 14
 * otherwise; a success gives back what its last retry cost, or 1 if it needed none; never above the
 * capacity (500). The token-level steps (`hasTokens`, `refilled`) are there for an edition that
 * keeps the count in a mutable cell on its hot path; the value-level ones are built on them.
 *
 * @since 0.1.0
 */
import { constants } from "./RetryConstants.js"
import type { RetryClass } from "./ServiceError.js"

/**
 * What a quota holds and costs.
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
 * The November 2026 quota (`constants.quota`).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults: RetryQuotaOptions = constants.quota

/**
 * A quota at one moment: its options and the tokens available, `0 <= available <= capacity`.
 *
 * @since 0.1.0
 * @category models
 */
export interface RetryQuota {
  readonly options: RetryQuotaOptions
  readonly available: number
}

/**
 * A full quota.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: RetryQuotaOptions = defaults): RetryQuota => ({ options, available: options.capacity })

/**
 * What a retry of this class takes from the quota.
 *
 * @since 0.1.0
 * @category quota
 */
export const retryCost = (options: RetryQuotaOptions, retryClass: RetryClass): number =>
  retryClass === "throttling" ? options.throttlingCost : options.retryCost

/**
 * What a success gives back: the cost of the retry that led to it, or `noRetryIncrement` when it
 * needed none.
 *
 * @since 0.1.0
 * @category quota
 */
export const refund = (options: RetryQuotaOptions, lastRetryCost: number | undefined): number =>
  lastRetryCost ?? options.noRetryIncrement

/**
 * Whether `available` tokens pay for `cost`.
 *
 * @since 0.1.0
 * @category steps
 */
export const hasTokens = (available: number, cost: number): boolean => available >= cost

/**
 * The tokens after giving `amount` back to `available`, never above the capacity.
 *
 * @since 0.1.0
 * @category steps
 */
export const refilled = (options: RetryQuotaOptions, available: number, amount: number): number =>
  Math.min(options.capacity, available + amount)

/**
 * What `take` gives: the quota with the cost taken, or the quota unchanged when it had too few
 * tokens (the error is then returned instead of retried).
 *
 * @since 0.1.0
 * @category models
 */
export type TakeResult =
  | { readonly _tag: "Taken"; readonly quota: RetryQuota; readonly cost: number }
  | { readonly _tag: "Refused"; readonly quota: RetryQuota; readonly cost: number }

/**
 * Takes `cost` tokens if that many are available.
 *
 * @since 0.1.0
 * @category transitions
 */
export const take = (quota: RetryQuota, cost: number): TakeResult =>
  hasTokens(quota.available, cost)
    ? { _tag: "Taken", quota: { options: quota.options, available: quota.available - cost }, cost }
    : { _tag: "Refused", quota, cost }

/**
 * Takes what a retry of this class costs, if that many tokens are available.
 *
 * @since 0.1.0
 * @category transitions
 */
export const takeFor = (quota: RetryQuota, retryClass: RetryClass): TakeResult =>
  take(quota, retryCost(quota.options, retryClass))

/**
 * Gives `amount` tokens back, never above the capacity.
 *
 * @since 0.1.0
 * @category transitions
 */
export const release = (quota: RetryQuota, amount: number): RetryQuota => ({
  options: quota.options,
  available: refilled(quota.options, quota.available, amount)
})

/**
 * Records a success: gives back what its last retry cost (`lastRetryCost`), or
 * `noRetryIncrement` when it needed no retry.
 *
 * @since 0.1.0
 * @category transitions
 */
export const recordSuccess = (quota: RetryQuota, lastRetryCost: number | undefined): RetryQuota =>
  release(quota, refund(quota.options, lastRetryCost))
