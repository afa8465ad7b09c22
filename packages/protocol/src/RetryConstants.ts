/**
 * The AWS SDKs' retry constants as of November 2026, in one object that `Retry`, `RetryQuota` and
 * `RetryRateLimiter` read (a module of its own so that none of them imports another for it).
 *
 * @since 0.1.0
 */

/**
 * The AWS SDKs' retry constants as of November 2026, every one in this object: attempts, backoff
 * bases (1000 ms after throttling, 50 ms otherwise; before, 500 ms and 100 ms), the backoff cap,
 * how far a `Retry-After` hint may raise a delay, the retry quota and the adaptive rate limiter.
 * Durations are milliseconds.
 *
 * @since 0.1.0
 * @category constants
 */
export const constants = {
  /** Attempts in all, the first included. */
  maxAttempts: 3,
  /** Backoff base after throttling. */
  throttlingBaseDelayMillis: 1000,
  /** Backoff base after any other retryable error. */
  transientBaseDelayMillis: 50,
  /** Upper bound of the backoff before jitter. */
  maxBackoffMillis: 20_000,
  /** A `Retry-After` hint raises the delay by at most this much over the jittered backoff. */
  maxRetryAfterExtraMillis: 5_000,
  /** The retry quota ("retry tokens"), shared by all calls of a client. */
  quota: { capacity: 500, throttlingCost: 5, retryCost: 14, noRetryIncrement: 1 },
  /** The adaptive mode's rate limiter (CUBIC). */
  rateLimiter: { beta: 0.7, scaleConstant: 0.4, smooth: 0.8, minFillRate: 0.5, minCapacity: 1 }
} as const
