/**
 * The AWS JSON 1.1 wire format of `UpdateAuthEventFeedback`, both directions: the client encodes
 * requests and decodes responses and error codes; the testkit's emulator encodes responses with the
 * same rules, so both sides of the wire share one codec. Pure functions, no I/O. The rules are the
 * protocol's (`@cognito-feedback/protocol/AwsJson`, from the operation's description); this module
 * gives them `Redacted`, `Duration`, `Result` and the error classes.
 *
 * @since 1.0.0
 */
import type { CognitoServiceError } from "@cognito-feedback/core/CognitoError"
import { makeServiceError, UnexpectedResponseError } from "@cognito-feedback/core/CognitoError"
import type {
  UpdateAuthEventFeedbackRequest,
  UpdateAuthEventFeedbackResponse
} from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import { UpdateAuthEventFeedback } from "@cognito-feedback/protocol/Operations"
import * as Duration from "effect/Duration"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import type * as ResponseText from "./ResponseText.js"

/**
 * @since 1.0.0
 * @category constants
 */
export const contentType = AwsJson.contentType

/**
 * @since 1.0.0
 * @category constants
 */
export const targetPrefix = AwsJson.targetPrefix

/**
 * The `X-Amz-Target` header value of an operation.
 *
 * @since 1.0.0
 * @category constants
 */
export const target: (operation: string) => string = AwsJson.target

/**
 * An HTTP response as the codec sees it; header names are lower-case.
 *
 * @since 1.0.0
 * @category models
 */
export interface WireResponse extends AwsJson.WireResponse {}

// What a transport hands over: a repeated header (Node's `set-cookie`) may be a list.
type Headers = AwsJson.Headers

/**
 * The request body: the members under their AWS names, in the model's order. The sensitive members
 * are unwrapped here, at the last moment, and nowhere else.
 *
 * @since 1.0.0
 * @category encoding
 */
export const encodeUpdateAuthEventFeedback: (request: UpdateAuthEventFeedbackRequest) => string = AwsJson
  .requestEncoder(UpdateAuthEventFeedback, (secret) => Redacted.value(secret as Redacted.Redacted<string>))

/**
 * The bare error code: what comes before the first `:` (drops a URI suffix), then what comes after
 * the last `#` (drops a namespace). `aws.ns#Foo:http://…` → `Foo`.
 *
 * @since 1.0.0
 * @category decoding
 */
export const sanitizeErrorCode: (raw: string) => string = AwsJson.sanitizeErrorCode

/**
 * The error code of a response: the `X-Amzn-Errortype` header, else a top-level body member `code`
 * in any case, else `__type`; sanitized. `body` is the parsed JSON (or `undefined`); only string
 * values at the top level count, so a nested object's `__type` is never taken for the code.
 *
 * @since 1.0.0
 * @category decoding
 */
export const readErrorCode: (headers: Headers, body: unknown) => string | undefined = AwsJson.readErrorCode

/**
 * The server's retry hint: `x-amz-retry-after` in milliseconds, else `Retry-After` as delta
 * seconds or an HTTP date (relative to `nowMillis`). A value that is garbage, negative or in the
 * past gives `undefined`.
 *
 * @since 1.0.0
 * @category decoding
 */
export const readRetryAfter = (headers: Headers, nowMillis: number): Duration.Duration | undefined => {
  const millis = AwsJson.readRetryAfter(headers, nowMillis)
  return millis === undefined ? undefined : Duration.millis(millis)
}

/**
 * The request id of a response (`x-amzn-requestid`, or its older spellings), as `ResponseText`
 * makes it safe to keep: a server may put anything there.
 *
 * @since 1.0.0
 * @category decoding
 */
export const readRequestId: (headers: Headers, redact?: ResponseText.Redactor) => string | undefined =
  AwsJson.readRequestId

/**
 * The outcome of a call from its HTTP response. A 2xx with an empty body or any JSON object is
 * success. Otherwise the error code decides (never the status: the live service sends 400 for
 * throttling too): one of the eight service exceptions, or `UnexpectedResponseError` keeping the
 * status, code and request id when the code is unknown or missing, or the body is not the protocol's.
 * Every text taken from the response goes through `ResponseText.fromNetwork` with `redact`, which
 * the client builds from the call's secrets.
 *
 * @since 1.0.0
 * @category decoding
 */
export const decodeUpdateAuthEventFeedbackResponse = (
  response: { readonly status: number; readonly headers: Headers; readonly body: string },
  redact: ResponseText.Redactor = AwsJson.noSecrets
): Result.Result<UpdateAuthEventFeedbackResponse, CognitoServiceError | UnexpectedResponseError> => {
  const decoded = AwsJson.decodeResponse(UpdateAuthEventFeedback, response, redact)
  return decoded._tag === "Ok" ? Result.succeed({}) : Result.fail(errorOf(decoded))
}

/**
 * The tagged error of a decoded failure, of any operation: the service exception of its code, or
 * `UnexpectedResponseError` keeping the status, code and request id.
 *
 * @since 1.0.0
 * @category decoding
 */
export const errorOf = (
  decoded: AwsJson.ServiceException | AwsJson.UnexpectedResponse
): CognitoServiceError | UnexpectedResponseError => {
  if (decoded._tag === "ServiceException") return makeServiceError(decoded.code, decoded)
  const { code, message, requestId, status } = decoded
  return new UnexpectedResponseError(
    code === undefined ? { status, requestId, message } : { status, code, requestId, message }
  )
}

/**
 * An error response as the live service sends it: 500 for server faults (`InternalErrorException`,
 * `InternalFailure`, `ServiceUnavailable`), 400 for everything else, body
 * `{"__type": code, "message": message}`.
 *
 * @since 1.0.0
 * @category encoding
 */
export const encodeErrorResponse: (
  error: { readonly code: string; readonly message: string },
  requestId: string
) => WireResponse = AwsJson.encodeErrorResponse

/**
 * A success response: 200 with the body as JSON (`{}` for `UpdateAuthEventFeedback`).
 *
 * @since 1.0.0
 * @category encoding
 */
export const encodeSuccessResponse: (body: object, requestId: string) => WireResponse = AwsJson.encodeSuccessResponse
