/**
 * What the live clients (`AuthEventFeedbackHttp`, `@cognito-feedback/node`) count, as Effect
 * `Metric`s: read them with `Metric.value`, or export them with `@effect/opentelemetry`'s metrics.
 * They hold no secret: no username, token or event id is ever a tag.
 *
 * @since 0.1.0
 */
import * as Metric from "effect/Metric"
import * as MetricBoundaries from "effect/MetricBoundaries"

/**
 * Attempts each finished call took (1 when no retry was needed), successes and failures alike.
 *
 * @since 0.1.0
 * @category metrics
 */
export const attemptsPerCall = Metric.histogram(
  "cognito_feedback_attempts_per_call",
  MetricBoundaries.linear({ start: 1, width: 1, count: 10 }),
  "Attempts each UpdateAuthEventFeedback call took"
)

/**
 * Retries, tagged `retry_class` (`throttling`, `transient`, or `other` for a custom schedule's).
 *
 * @since 0.1.0
 * @category metrics
 */
export const retries = Metric.counter("cognito_feedback_retries_total", {
  description: "Retries of UpdateAuthEventFeedback attempts, by retry_class",
  incremental: true
})

/**
 * Retries refused because the retry quota was spent: the error went to the caller instead.
 *
 * @since 0.1.0
 * @category metrics
 */
export const retryQuotaExhausted = Metric.counter("cognito_feedback_retry_quota_exhausted_total", {
  description: "Retries refused because the retry quota was spent",
  incremental: true
})
