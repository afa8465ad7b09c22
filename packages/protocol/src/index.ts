/**
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Member from "./Member.js"

/**
 * @since 0.1.0
 */
export * as Operation from "./Operation.js"

/**
 * @since 0.1.0
 */
export * as Operations from "./Operations.js"

/**
 * @since 0.1.0
 */
export * as ServiceError from "./ServiceError.js"

/**
 * @since 0.1.0
 */
export * as Endpoint from "./Endpoint.js"

/**
 * @since 0.1.0
 */
export * as AwsJson from "./AwsJson.js"

/**
 * @since 0.1.0
 */
export * as Retry from "./Retry.js"

/**
 * @since 0.1.0
 */
export * as RetryQuota from "./RetryQuota.js"

/**
 * @since 0.1.0
 */
export * as RetryRateLimiter from "./RetryRateLimiter.js"
