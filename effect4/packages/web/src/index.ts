/**
 * @since 1.0.0
 */
export * as FeedbackPage from "./FeedbackPage.js"

/**
 * @since 1.0.0
 */
export * as TakeoverEmail from "./TakeoverEmail.js"
