/**
 * @since 1.0.0
 */
export * as AuthEventFeedbackNode from "./AuthEventFeedbackNode.js"
