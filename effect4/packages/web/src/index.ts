/**
 * @since 1.0.0
 */
export * as FeedbackPage from "./FeedbackPage.js"
