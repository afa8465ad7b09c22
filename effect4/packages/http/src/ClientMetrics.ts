/**
 * What the live clients (`AuthEventFeedbackHttp`, `@cognito-feedback/node`) count, as Effect
 * `Metric`s: read them with `Metric.value`, or export them with `@effect/opentelemetry`'s metrics.
 * Each has the attribute `operation` (`UpdateAuthEventFeedback`, ...); read one operation's
 * through `ofOperation`, which gives them the attributes the clients give (their order does not
 * matter). They hold no secret: no username, token or event id is ever a tag.
 *
 * @since 1.0.0
 */
import * as Metric from "effect/Metric"

/**
 * Attempts each finished call took (1 when no retry was needed), successes and failures alike.
 *
 * @since 1.0.0
 * @category metrics
 */
export const attemptsPerCall = Metric.histogram("cognito_feedback_attempts_per_call", {
  description: "Attempts each call took, by operation",
  boundaries: Metric.linearBoundaries({ start: 1, width: 1, count: 10 })
})

/**
 * Retries, with the attributes `operation` and `retry_class` (`throttling`, `transient`, or `other` for a
 * custom schedule's).
 *
 * @since 1.0.0
 * @category metrics
 */
export const retries = Metric.counter("cognito_feedback_retries_total", {
  description: "Retries of attempts, by operation and retry_class",
  incremental: true
})

/**
 * Retries refused because the retry quota was spent: the error went to the caller instead.
 *
 * @since 1.0.0
 * @category metrics
 */
export const retryQuotaExhausted = Metric.counter("cognito_feedback_retry_quota_exhausted_total", {
  description: "Retries refused because the retry quota was spent",
  incremental: true
})

/**
 * The retry class a retry is counted under in `retries`.
 *
 * @since 1.0.0
 * @category models
 */
export type RetryClassTag = "throttling" | "transient" | "other"

/**
 * The metrics of one operation's calls, with the attributes the live clients give them
 * (`operation`, and `retry_class` for retries); the fiber's own attributes
 * (`Metric.CurrentMetricAttributes`) are added to these.
 *
 * @example
 * ```ts
 * import { ClientMetrics } from "@cognito-feedback/http"
 * import { Metric } from "effect"
 *
 * const metrics = ClientMetrics.ofOperation("UpdateAuthEventFeedback")
 * export const throttled = Metric.value(metrics.retries("throttling"))
 * export const calls = Metric.value(metrics.attemptsPerCall)
 * ```
 *
 * @since 1.0.0
 * @category metrics
 */
export const ofOperation = (operation: string) => {
  const attributes = Metric.withAttributes({ operation })
  return {
    attemptsPerCall: attributes(attemptsPerCall),
    retries: (retryClass: RetryClassTag) => Metric.withAttributes(retries, { operation, retry_class: retryClass }),
    retryQuotaExhausted: attributes(retryQuotaExhausted)
  }
}
