/**
 * @since 1.0.0
 */
export * as AuthEventFeedbackHttp from "./AuthEventFeedbackHttp.js"

/**
 * @since 1.0.0
 */
export * as AwsJsonProtocol from "./AwsJsonProtocol.js"

/**
 * @since 1.0.0
 */
export * as Endpoint from "./Endpoint.js"

/**
 * @since 1.0.0
 */
export * as ClientMetrics from "./ClientMetrics.js"

/**
 * @since 1.0.0
 */
export * as Transport from "./Transport.js"

/**
 * @since 1.0.0
 */
export * as AuthEventFeedbackClient from "./AuthEventFeedbackClient.js"

/**
 * @since 1.0.0
 */
export * as ResponseText from "./ResponseText.js"
