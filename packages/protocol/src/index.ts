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
export * as ErrorText from "./ErrorText.js"

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

/**
 * @since 0.1.0
 */
export * as RetryConstants from "./RetryConstants.js"

/**
 * @since 0.1.0
 */
export * as Html from "./Html.js"

/**
 * @since 0.1.0
 */
export * as PageTexts from "./PageTexts.js"

/**
 * @since 0.1.0
 */
export * as PageOutcome from "./PageOutcome.js"

/**
 * @since 0.1.0
 */
export * as PageHtml from "./PageHtml.js"

/**
 * @since 0.1.0
 */
export * as FeedbackLink from "./FeedbackLink.js"

/**
 * @since 0.1.0
 */
export * as FeedbackLinkTemplates from "./FeedbackLinkTemplates.js"

/**
 * @since 0.1.0
 */
export * as Simulation from "./Simulation.js"

/**
 * @since 0.1.0
 */
export * as SimulationFaults from "./SimulationFaults.js"

/**
 * @since 0.1.0
 */
export * as SimulationInput from "./SimulationInput.js"

/**
 * @since 0.1.0
 */
export * as SimulationOutcome from "./SimulationOutcome.js"

/**
 * @since 0.1.0
 */
export * as SimulationPagination from "./SimulationPagination.js"

/**
 * @since 0.1.0
 */
export * as SimulationSeed from "./SimulationSeed.js"

/**
 * @since 0.1.0
 */
export * as WireCases from "./WireCases.js"

/**
 * @since 0.1.0
 */
export * as Shape from "./Shape.js"

/**
 * @since 0.1.0
 */
export * as TransportFailure from "./TransportFailure.js"

/**
 * @since 0.1.0
 */
export * as InvocationId from "./InvocationId.js"

/**
 * @since 0.1.0
 */
export * as EmulatorHttp from "./EmulatorHttp.js"

/**
 * @since 0.1.0
 */
export * as SecretSearch from "./SecretSearch.js"

/**
 * @since 0.1.0
 */
export * as Uuid from "./Uuid.js"

/**
 * @since 0.1.0
 */
export * as PageRequest from "./PageRequest.js"

/**
 * @since 0.1.0
 */
export * as RiskNotification from "./RiskNotification.js"

/**
 * @since 0.1.0
 */
export * as CustomEmailSender from "./CustomEmailSender.js"

/**
 * @since 0.1.0
 */
export * as TakeoverEmailText from "./TakeoverEmailText.js"

/**
 * @since 0.1.0
 */
export * as RiskConfiguration from "./RiskConfiguration.js"
