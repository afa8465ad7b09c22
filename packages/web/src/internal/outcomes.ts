/**
 * From what happened to what the person sees: the page, its status and headers, and the log line
 * for the operator. Pure, so every mapping can be tested alone.
 */
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import type { FeedbackValue } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import type { OutcomeKind } from "./texts.js"

/** The status of each outcome page. */
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

/** Seconds a throttled person is asked to wait (`Retry-After`), after the client's own retries. */
export const retryAfterSeconds = 60

/** Headers an outcome adds to the security headers every page has. */
export const headersOf = (kind: OutcomeKind): Readonly<Record<string, string>> => {
  switch (kind) {
    case "throttled":
      return { "retry-after": String(retryAfterSeconds) }
    case "methodNotAllowed":
      return { allow: "GET, HEAD, POST" }
    default:
      return {}
  }
}

/** The outcome of a recorded answer. */
export const recorded = (value: FeedbackValue): OutcomeKind => value === "Valid" ? "recordedValid" : "recordedInvalid"

/**
 * The outcome of a failed call. An unknown user, event or pool read the same, so the page does
 * not tell which one exists; a pool without threat protection is the operator's to fix, and the
 * person only sees that something went wrong.
 */
export const ofError = (error: UpdateAuthEventFeedbackError): OutcomeKind => {
  switch (error._tag) {
    case "NotAuthorizedException":
      return "linkNotUsable"
    case "UserNotFoundException":
    case "ResourceNotFoundException":
      return "linkUnknown"
    case "InvalidParameterException":
      return "malformedLink"
    case "TooManyRequestsException":
      return "throttled"
    case "UserPoolAddOnNotEnabledException":
    case "OperationNotEnabledException":
      return "failed"
    case "InternalErrorException":
    case "TransportError":
      return "unavailable"
    case "UnexpectedResponseError":
      return error.status === 429 ? "throttled" : "unavailable"
  }
}

/** Whether an error is a configuration problem the operator must fix (logged as an error). */
export const isConfigurationError = (error: UpdateAuthEventFeedbackError): boolean =>
  error._tag === "UserPoolAddOnNotEnabledException" || error._tag === "OperationNotEnabledException"
