/**
 * What the live clients (`AuthEventFeedbackHttp`, `@cognito-feedback/node`) count, as Effect
 * `Metric`s: read them with `Metric.value`, or export them with `@effect/opentelemetry`'s metrics.
 * Each is tagged `operation` (`UpdateAuthEventFeedback`, ...) first: a metric's key depends on the
 * order of its tags, so read one operation's through `ofOperation`, which tags as the clients do.
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
  "Attempts each call took, by operation"
)

/**
 * Retries, tagged `operation`, then `retry_class` (`throttling`, `transient`, or `other` for a
 * custom schedule's).
 *
 * @since 0.1.0
 * @category metrics
 */
export const retries = Metric.counter("cognito_feedback_retries_total", {
  description: "Retries of attempts, by operation and retry_class",
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

/**
 * The retry class a retry is counted under in `retries`.
 *
 * @since 0.1.0
 * @category models
 */
export type RetryClassTag = "throttling" | "transient" | "other"

/**
 * The metrics of one operation's calls, tagged as the live clients tag them (`operation`, then the
 * rest); the fiber's own labels (`Effect.tagMetrics`) come after these.
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
 * @since 0.1.0
 * @category metrics
 */
export const ofOperation = (operation: string) => {
  const tagged = Metric.tagged(retries, "operation", operation)
  return {
    attemptsPerCall: Metric.tagged(attemptsPerCall, "operation", operation),
    retries: (retryClass: RetryClassTag) => Metric.tagged(tagged, "retry_class", retryClass),
    retryQuotaExhausted: Metric.tagged(retryQuotaExhausted, "operation", operation)
  }
}
