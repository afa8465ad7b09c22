/**
 * @since 0.1.0
 */
export * as FeedbackPage from "./FeedbackPage.js"

/**
 * @since 0.1.0
 */
export * as TakeoverEmail from "./TakeoverEmail.js"
