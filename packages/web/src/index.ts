/**
 * @since 0.1.0
 */
export * as FeedbackPage from "./FeedbackPage.js"
