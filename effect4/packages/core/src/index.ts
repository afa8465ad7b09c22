/**
 * @since 1.0.0
 */
export * as AuthEventFeedback from "./AuthEventFeedback.js"

/**
 * @since 1.0.0
 */
export * as CognitoError from "./CognitoError.js"

/**
 * @since 1.0.0
 */
export * as RetryPolicy from "./RetryPolicy.js"

/**
 * @since 1.0.0
 */
export * as UpdateAuthEventFeedback from "./UpdateAuthEventFeedback.js"
