/**
 * @since 0.1.0
 */
export * as AuthEventFeedbackNode from "./AuthEventFeedbackNode.js"
