/**
 * From what happened to what the feedback page answers: each outcome's status and headers, and
 * which outcome a recorded answer, each service exception (by the codes of `ServiceError`) and
 * each local failure leads to. Pure tables, so that every edition's page answers alike and each
 * mapping can be tested alone.
 *
 * @since 0.1.0
 */
import type { FeedbackValue } from "./FeedbackLink.js"
import type { OutcomeKind } from "./PageTexts.js"
import { classifyResponse } from "./Retry.js"
import type { ServiceErrorCode } from "./ServiceError.js"

/**
 * The status of each outcome page.
 *
 * @since 0.1.0
 * @category statuses
 */
export const statusOf: { readonly [K in OutcomeKind]: number } = {
  recordedValid: 200,
  recordedInvalid: 200,
  linkNotUsable: 403,
  linkUnknown: 404,
  malformedLink: 400,
  throttled: 503,
  unavailable: 503,
  failed: 500,
  crossSite: 403,
  methodNotAllowed: 405
}

/**
 * Seconds a throttled person is asked to wait (`Retry-After`), after the client's own retries.
 *
 * @since 0.1.0
 * @category headers
 */
export const retryAfterSeconds = 60

const noHeaders: Readonly<Record<string, string>> = {}

const outcomeHeaders: { readonly [K in OutcomeKind]?: Readonly<Record<string, string>> } = {
  throttled: { "retry-after": String(retryAfterSeconds) },
  methodNotAllowed: { allow: "GET, HEAD, POST" }
}

/**
 * Headers an outcome adds to the security headers every page has (`PageHtml.securityHeaders`):
 * `Retry-After` when throttled, `Allow` to a method the page does not take.
 *
 * @since 0.1.0
 * @category headers
 */
export const headersOf = (kind: OutcomeKind): Readonly<Record<string, string>> => outcomeHeaders[kind] ?? noHeaders

/**
 * An outcome page as sent: its kind (which page), its status, and the headers it adds.
 *
 * @since 0.1.0
 * @category models
 */
export interface Response {
  readonly kind: OutcomeKind
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
}

/**
 * The response of an outcome: its status and headers.
 *
 * @since 0.1.0
 * @category constructors
 */
export const response = (kind: OutcomeKind): Response => ({ kind, status: statusOf[kind], headers: headersOf(kind) })

/**
 * A form body larger than the page's form can be: a damaged link, answered 413, and the connection
 * closed after it (the rest of such a body is not worth reading).
 *
 * @since 0.1.0
 * @category constructors
 */
export const bodyTooLarge: Response = { kind: "malformedLink", status: 413, headers: { connection: "close" } }

/**
 * A form body that cannot be read: a damaged link, answered 400.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bodyUnreadable: Response = { kind: "malformedLink", status: 400, headers: noHeaders }

/**
 * The outcome of a recorded answer.
 *
 * @since 0.1.0
 * @category outcomes
 */
export const recorded = (value: FeedbackValue): OutcomeKind => value === "Valid" ? "recordedValid" : "recordedInvalid"

/**
 * What the page does with a service exception: the outcome shown, and whether it is a
 * configuration problem the operator must fix (logged as an error, not a warning).
 *
 * @since 0.1.0
 * @category models
 */
export interface ErrorOutcome {
  readonly outcome: OutcomeKind
  readonly configuration: boolean
}

/**
 * The outcome of each service exception, keyed by its code. An unknown user, event or pool read
 * the same, so the page does not tell which one exists; a pool without threat protection (or a
 * region without the operation) is the operator's to fix, and the person only sees that something
 * went wrong.
 *
 * @since 0.1.0
 * @category outcomes
 */
export const serviceErrorOutcomes: { readonly [C in ServiceErrorCode]: ErrorOutcome } = {
  InvalidParameterException: { outcome: "malformedLink", configuration: false },
  ResourceNotFoundException: { outcome: "linkUnknown", configuration: false },
  TooManyRequestsException: { outcome: "throttled", configuration: false },
  NotAuthorizedException: { outcome: "linkNotUsable", configuration: false },
  UserNotFoundException: { outcome: "linkUnknown", configuration: false },
  UserPoolAddOnNotEnabledException: { outcome: "failed", configuration: true },
  OperationNotEnabledException: { outcome: "failed", configuration: true },
  InternalErrorException: { outcome: "unavailable", configuration: false }
}

/**
 * Why an answer was not recorded: a service exception (its code), the transport (no connection,
 * a timeout, a reset), or a response that is no service exception (its status).
 *
 * @since 0.1.0
 * @category models
 */
export type Failure =
  | { readonly _tag: "ServiceError"; readonly code: ServiceErrorCode }
  | { readonly _tag: "Transport" }
  | { readonly _tag: "UnexpectedResponse"; readonly status: number; readonly code?: string | undefined }

/**
 * The outcome of a failed call: a service exception's from `serviceErrorOutcomes`; a transport
 * failure reads as the service being unavailable; an unexpected response too, unless it is
 * throttling: a 429 whatever its body, or one of the AWS SDKs' throttling codes at any status.
 *
 * @since 0.1.0
 * @category outcomes
 */
export const ofFailure = (failure: Failure): OutcomeKind => {
  switch (failure._tag) {
    case "ServiceError":
      return serviceErrorOutcomes[failure.code].outcome
    case "Transport":
      return "unavailable"
    case "UnexpectedResponse":
      return failure.status === 429 || classifyResponse(failure.status, failure.code) === "throttling"
        ? "throttled"
        : "unavailable"
  }
}

/**
 * Whether a failure is a configuration problem the operator must fix.
 *
 * @since 0.1.0
 * @category outcomes
 */
export const isConfigurationFailure = (failure: Failure): boolean =>
  failure._tag === "ServiceError" && serviceErrorOutcomes[failure.code].configuration
