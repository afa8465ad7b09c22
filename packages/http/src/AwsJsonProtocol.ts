/**
 * The AWS JSON 1.1 wire format of `UpdateAuthEventFeedback`, both directions: the client encodes
 * requests and decodes responses and error codes; the testkit's emulator encodes responses with the
 * same rules, so both sides of the wire share one codec. Pure functions, no I/O.
 *
 * @since 0.1.0
 */
import type { CognitoServiceError } from "@cognito-feedback/core/CognitoError"
import { isServiceErrorCode, makeServiceError, UnexpectedResponseError } from "@cognito-feedback/core/CognitoError"
import type {
  UpdateAuthEventFeedbackRequest,
  UpdateAuthEventFeedbackResponse
} from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as ResponseText from "./ResponseText.js"

/**
 * @since 0.1.0
 * @category constants
 */
export const contentType = "application/x-amz-json-1.1"

/**
 * @since 0.1.0
 * @category constants
 */
export const targetPrefix = "AWSCognitoIdentityProviderService"

/**
 * The `X-Amz-Target` header value of an operation.
 *
 * @since 0.1.0
 * @category constants
 */
export const target = (operation: string): string => `${targetPrefix}.${operation}`

/**
 * An HTTP response as the codec sees it; header names are lower-case.
 *
 * @since 0.1.0
 * @category models
 */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

// What a transport hands over: a repeated header (Node's `set-cookie`) may be a list.
type Headers = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
type JsonObject = Readonly<Record<string, unknown>>

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value)

// Names should already be lower-case, but a hand-built record may not be: look up any case.
const header = (headers: Headers, name: string): string | undefined => {
  const exact = Object.prototype.hasOwnProperty.call(headers, name) ? headers[name] : undefined
  if (typeof exact === "string") return exact
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === "string") return value
  }
  return undefined
}

const stringMember = (body: JsonObject, name: string): string | undefined => {
  const value = Object.prototype.hasOwnProperty.call(body, name) ? body[name] : undefined
  return typeof value === "string" ? value : undefined
}

/**
 * The request body: the members under their AWS names, in the model's order. The sensitive members
 * are unwrapped here, at the last moment, and nowhere else.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeUpdateAuthEventFeedback = (request: UpdateAuthEventFeedbackRequest): string =>
  JSON.stringify({
    UserPoolId: request.UserPoolId,
    Username: Redacted.value(request.Username),
    EventId: request.EventId,
    FeedbackToken: Redacted.value(request.FeedbackToken),
    FeedbackValue: request.FeedbackValue
  })

/**
 * The bare error code: what comes before the first `:` (drops a URI suffix), then what comes after
 * the last `#` (drops a namespace). `aws.ns#Foo:http://…` → `Foo`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const sanitizeErrorCode = (raw: string): string => {
  const colon = raw.indexOf(":")
  const withoutSuffix = colon === -1 ? raw : raw.slice(0, colon)
  return withoutSuffix.slice(withoutSuffix.lastIndexOf("#") + 1)
}

const nonEmptyCode = (raw: string | undefined): string | undefined => {
  if (raw === undefined) return undefined
  const code = sanitizeErrorCode(raw)
  return code === "" ? undefined : code
}

/**
 * The error code of a response: the `X-Amzn-Errortype` header, else a top-level body member `code`
 * in any case, else `__type`; sanitized. `body` is the parsed JSON (or `undefined`); only string
 * values at the top level count, so a nested object's `__type` is never taken for the code.
 *
 * @since 0.1.0
 * @category decoding
 */
export const readErrorCode = (headers: Headers, body: unknown): string | undefined => {
  const fromHeader = nonEmptyCode(header(headers, "x-amzn-errortype"))
  if (fromHeader !== undefined) return fromHeader
  if (!isJsonObject(body)) return undefined
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === "code" && typeof value === "string") {
      const code = nonEmptyCode(value)
      if (code !== undefined) return code
    }
  }
  return nonEmptyCode(stringMember(body, "__type"))
}

const digits = /^\d+$/
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
// IMF-fixdate, the one form RFC 9110 lets servers send; parsed by hand so every runtime agrees.
const imfFixdate = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/

const parseHttpDate = (value: string): number | undefined => {
  const match = imfFixdate.exec(value)
  if (match === null) return undefined
  const [, day, monthName, year, hours, minutes, seconds] = match
  const month = months.indexOf(monthName ?? "")
  if (month === -1) return undefined
  const time = Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds))
  // Date.UTC rolls 31 Feb over into March: reject dates that do not exist
  return new Date(time).getUTCDate() === Number(day) && Number(hours) < 24 && Number(minutes) < 60 &&
      Number(seconds) < 61
    ? time
    : undefined
}

const finiteMillis = (millis: number): Duration.Duration | undefined =>
  Number.isFinite(millis) && millis >= 0 ? Duration.millis(millis) : undefined

/**
 * The server's retry hint: `x-amz-retry-after` in milliseconds, else `Retry-After` as delta
 * seconds or an HTTP date (relative to `nowMillis`). A value that is garbage, negative or in the
 * past gives `undefined`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const readRetryAfter = (headers: Headers, nowMillis: number): Duration.Duration | undefined => {
  const amz = header(headers, "x-amz-retry-after")?.trim()
  if (amz !== undefined && digits.test(amz)) {
    const hint = finiteMillis(Number(amz))
    if (hint !== undefined) return hint
  }
  const standard = header(headers, "retry-after")?.trim()
  if (standard === undefined) return undefined
  if (digits.test(standard)) return finiteMillis(Number(standard) * 1000)
  const date = parseHttpDate(standard)
  return date === undefined ? undefined : finiteMillis(date - nowMillis)
}

/**
 * The request id of a response (`x-amzn-requestid`, or its older spellings), as `ResponseText`
 * makes it safe to keep: a server may put anything there.
 *
 * @since 0.1.0
 * @category decoding
 */
export const readRequestId = (
  headers: Headers,
  redact: ResponseText.Redactor = ResponseText.noSecrets
): string | undefined => {
  for (const name of ["x-amzn-requestid", "x-amzn-request-id", "x-amz-request-id"]) {
    const value = header(headers, name)
    if (value !== undefined && value !== "") {
      return ResponseText.fromNetwork(value, redact, ResponseText.maxIdentifierLength)
    }
  }
  return undefined
}

type ParsedBody =
  | { readonly _tag: "Empty" }
  | { readonly _tag: "Json"; readonly value: unknown }
  | { readonly _tag: "NotJson" }

const parseBody = (body: string): ParsedBody => {
  if (body.trim() === "") return { _tag: "Empty" }
  try {
    return { _tag: "Json", value: JSON.parse(body) as unknown }
  } catch {
    return { _tag: "NotJson" }
  }
}

// What was wrong with the body, never the body itself: it may echo anything.
const describeBody = (parsed: ParsedBody): string => {
  switch (parsed._tag) {
    case "Empty":
      return "an empty body"
    case "NotJson":
      return "a body that is not JSON"
    case "Json":
      return isJsonObject(parsed.value) ? "a JSON body" : "a JSON body that is not an object"
  }
}

// Codes are identifiers; anything else read from a response stays out of the message.
const printableCode = /^[\w.-]{1,128}$/

/**
 * The outcome of a call from its HTTP response. A 2xx with an empty body or any JSON object is
 * success. Otherwise the error code decides (never the status: the live service sends 400 for
 * throttling too): one of the eight service exceptions, or `UnexpectedResponseError` keeping the
 * status, code and request id when the code is unknown or missing, or the body is not the protocol's.
 * Every text taken from the response goes through `ResponseText.fromNetwork` with `redact`, which
 * the client builds from the call's secrets.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeUpdateAuthEventFeedbackResponse = (
  response: { readonly status: number; readonly headers: Headers; readonly body: string },
  redact: ResponseText.Redactor = ResponseText.noSecrets
): Either.Either<UpdateAuthEventFeedbackResponse, CognitoServiceError | UnexpectedResponseError> => {
  const { status } = response
  const parsed = parseBody(response.body)
  const success = status >= 200 && status < 300
  if (success && (parsed._tag === "Empty" || (parsed._tag === "Json" && isJsonObject(parsed.value)))) {
    return Either.right({})
  }
  // only an error reads the headers: a transport may parse them on first read
  const { headers } = response
  const requestId = readRequestId(headers, redact)
  if (success) {
    return Either.left(
      new UnexpectedResponseError({ status, requestId, message: `HTTP ${status} with ${describeBody(parsed)}` })
    )
  }
  const body = parsed._tag === "Json" && isJsonObject(parsed.value) ? parsed.value : undefined
  const code = readErrorCode(headers, body)
  if (code === undefined) {
    return Either.left(
      new UnexpectedResponseError({
        status,
        requestId,
        message: `HTTP ${status} with ${describeBody(parsed)} and no error code`
      })
    )
  }
  if (!isServiceErrorCode(code)) {
    const kept = ResponseText.fromNetwork(code, redact, ResponseText.maxIdentifierLength)
    const named = printableCode.test(kept) ? `error code ${kept}` : "an error code"
    return Either.left(
      new UnexpectedResponseError({
        status,
        code: kept,
        requestId,
        message: `HTTP ${status} with ${named} that UpdateAuthEventFeedback does not return`
      })
    )
  }
  const said = body === undefined ? undefined : stringMember(body, "message") ?? stringMember(body, "Message")
  const message = said === undefined
    ? `${code} (HTTP ${status})`
    : ResponseText.fromNetwork(said, redact, ResponseText.maxMessageLength)
  const saidReason = code === "InvalidParameterException" && body !== undefined
    ? stringMember(body, "reasonCode")
    : undefined
  const reasonCode = saidReason === undefined
    ? undefined
    : ResponseText.fromNetwork(saidReason, redact, ResponseText.maxIdentifierLength)
  return Either.left(makeServiceError(code, { message, requestId, reasonCode }))
}

// Server faults answer 500 as the live service does; every other error is a client error, 400.
const serverFaultCodes: ReadonlySet<string> = new Set([
  "InternalErrorException",
  "InternalFailure",
  "ServiceUnavailable"
])

const jsonHeaders = (requestId: string): Readonly<Record<string, string>> => ({
  "content-type": contentType,
  "x-amzn-requestid": requestId
})

/**
 * An error response as the live service sends it: 500 for server faults (`InternalErrorException`,
 * `InternalFailure`, `ServiceUnavailable`), 400 for everything else, body
 * `{"__type": code, "message": message}`.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeErrorResponse = (
  error: { readonly code: string; readonly message: string },
  requestId: string
): WireResponse => ({
  status: serverFaultCodes.has(error.code) ? 500 : 400,
  headers: jsonHeaders(requestId),
  body: JSON.stringify({ __type: error.code, message: error.message })
})

/**
 * A success response: 200 with the body as JSON (`{}` for `UpdateAuthEventFeedback`).
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeSuccessResponse = (body: object, requestId: string): WireResponse => ({
  status: 200,
  headers: jsonHeaders(requestId),
  body: JSON.stringify(body)
})
