/**
 * Retries as the AWS SDKs do them ("standard" mode), as plain values and pure functions: which
 * errors are retried (the SDKs' throttling and transient error codes and statuses, and the service
 * exceptions' retry classes from `ServiceError`), full-jitter exponential backoff given a random
 * number, the `Retry-After` hint, and the November 2026 constants in one object, `constants`. The
 * retry quota is `RetryQuota`, the adaptive mode's rate limiter `RetryRateLimiter`. Times are
 * milliseconds; randomness is an argument, so each edition draws it from its own `Random`.
 *
 * @since 0.1.0
 */
import * as RetryConstants from "./RetryConstants.js"
import * as ServiceError from "./ServiceError.js"

/**
 * How an error is retried: `throttling` (the service asked us to slow down), `transient` (worth
 * another try soon), or `none` (retrying cannot help). The same type as `ServiceError.RetryClass`.
 *
 * @since 0.1.0
 * @category models
 */
export type RetryClass = ServiceError.RetryClass

/**
 * The AWS SDKs' retry constants as of November 2026 (`RetryConstants.constants`).
 *
 * @since 0.1.0
 * @category constants
 */
export const constants = RetryConstants.constants

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/**
 * The error codes the AWS SDKs treat as throttling (`THROTTLING_ERROR_CODES`).
 *
 * @since 0.1.0
 * @category classification
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
 * The error codes the AWS SDKs treat as transient (`TRANSIENT_ERROR_CODES`).
 *
 * @since 0.1.0
 * @category classification
 */
export const transientErrorCodes: ReadonlyArray<string> = ["TimeoutError", "RequestTimeout", "RequestTimeoutException"]

/**
 * The HTTP status the AWS SDKs treat as throttling whatever the code.
 *
 * @since 0.1.0
 * @category classification
 */
export const throttlingStatusCode = 429

/**
 * The HTTP statuses the AWS SDKs treat as transient (`TRANSIENT_ERROR_STATUS_CODES`; 429 is
 * throttling).
 *
 * @since 0.1.0
 * @category classification
 */
export const transientStatusCodes: ReadonlyArray<number> = [500, 502, 503, 504]

const throttlingCodeSet: ReadonlySet<string> = new Set(throttlingErrorCodes)
const transientCodeSet: ReadonlySet<string> = new Set(transientErrorCodes)
const transientStatusSet: ReadonlySet<number> = new Set(transientStatusCodes)

/**
 * What an error code alone says: `throttling` or `transient` for the AWS SDKs' codes, `undefined`
 * for any other code (it says nothing; the status decides).
 *
 * @since 0.1.0
 * @category classification
 */
export const classifyCode = (code: string): RetryClass | undefined =>
  throttlingCodeSet.has(code) ? "throttling" : transientCodeSet.has(code) ? "transient" : undefined

/**
 * What an HTTP status alone says: 429 is throttling, 500, 502, 503 and 504 transient, any other
 * `none`.
 *
 * @since 0.1.0
 * @category classification
 */
export const classifyStatus = (status: number): RetryClass =>
  status === throttlingStatusCode ? "throttling" : transientStatusSet.has(status) ? "transient" : "none"

/**
 * Classifies a response that is not one of the service's exceptions by its status and error code:
 * a known code wins over the status; an unknown one says nothing, so the status decides.
 *
 * @since 0.1.0
 * @category classification
 */
export const classifyResponse = (status: number, code?: string | undefined): RetryClass => {
  if (code !== undefined) {
    if (throttlingCodeSet.has(code)) return "throttling"
    if (transientCodeSet.has(code)) return "transient"
  }
  return classifyStatus(status)
}

const serviceRetryClasses = Object.fromEntries(
  ServiceError.serviceErrors.map((error) => [error.code, error.retry])
) as { readonly [C in ServiceError.ServiceErrorCode]: RetryClass }

/**
 * The retry class of a service exception, from `ServiceError.serviceErrors`.
 *
 * @since 0.1.0
 * @category classification
 */
export const classifyServiceError = (code: ServiceError.ServiceErrorCode): RetryClass => serviceRetryClasses[code]

// ---------------------------------------------------------------------------------------------
// Delays
// ---------------------------------------------------------------------------------------------

/**
 * What the delay before a retry depends on, in milliseconds. `constants` is one.
 *
 * @since 0.1.0
 * @category models
 */
export interface DelayOptions {
  /** Backoff base after throttling (1000). */
  readonly throttlingBaseDelayMillis: number
  /** Backoff base after any other retryable error (50). */
  readonly transientBaseDelayMillis: number
  /** Upper bound of the backoff before jitter (20 000). */
  readonly maxBackoffMillis: number
  /** A `Retry-After` hint may raise the delay by at most this much over the jittered backoff (5000). */
  readonly maxRetryAfterExtraMillis: number
}

/**
 * The backoff base of a class: throttling's, or the transient one for any other.
 *
 * @since 0.1.0
 * @category delays
 */
export const baseDelay = (options: DelayOptions, retryClass: RetryClass): number =>
  retryClass === "throttling" ? options.throttlingBaseDelayMillis : options.transientBaseDelayMillis

/**
 * The upper bound of the delay before retry number `retryIndex + 1` (0 for the first retry):
 * `min(base * 2^retryIndex, maxBackoff)`, base by class.
 *
 * @since 0.1.0
 * @category delays
 */
export const backoff = (options: DelayOptions, retryClass: RetryClass, retryIndex: number): number =>
  Math.min(baseDelay(options, retryClass) * 2 ** Math.max(0, retryIndex), options.maxBackoffMillis)

/**
 * The delay before a retry with full jitter, `random * backoff` (`random` in [0, 1), clamped to
 * [0, 1]), raised by a `Retry-After` hint (milliseconds from now) if there is one, but never past
 * the jittered delay plus `maxRetryAfterExtraMillis`. Not rounded.
 *
 * @since 0.1.0
 * @category delays
 */
export const retryDelay = (
  options: DelayOptions,
  retryClass: RetryClass,
  retryIndex: number,
  random: number,
  retryAfterMillis?: number | undefined
): number => {
  const jittered = Math.min(1, Math.max(0, random)) * backoff(options, retryClass, retryIndex)
  if (retryAfterMillis === undefined) return jittered
  return Math.min(Math.max(jittered, retryAfterMillis), jittered + options.maxRetryAfterExtraMillis)
}
