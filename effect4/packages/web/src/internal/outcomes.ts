/**
 * The page's outcome of a failed call: the core error told as the protocol's `PageOutcome.Failure`,
 * whose tables decide the page, its status and headers, and whether the operator must be told.
 */
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import * as PageOutcome from "@cognito-feedback/protocol/PageOutcome"
import type { OutcomeKind } from "@cognito-feedback/protocol/PageTexts"

/** The failure of an error: a service exception's class is tagged with its code. */
const failureOf = (error: UpdateAuthEventFeedbackError): PageOutcome.Failure => {
  switch (error._tag) {
    case "TransportError":
      return { _tag: "Transport" }
    case "UnexpectedResponseError":
      return { _tag: "UnexpectedResponse", status: error.status, code: error.code }
    default:
      return { _tag: "ServiceError", code: error._tag }
  }
}

/** The outcome of a failed call. */
export const ofError = (error: UpdateAuthEventFeedbackError): OutcomeKind => PageOutcome.ofFailure(failureOf(error))

/** Whether an error is a configuration problem the operator must fix (logged as an error). */
export const isConfigurationError = (error: UpdateAuthEventFeedbackError): boolean =>
  PageOutcome.isConfigurationFailure(failureOf(error))
