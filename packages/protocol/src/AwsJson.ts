/**
 * The AWS JSON 1.1 wire format of the described operations, both directions, as pure functions
 * over plain values: a request's body and headers from an operation's description; from a
 * response, the error code in every wire form, the message, the request id and the retry hint;
 * error and success responses as the live service writes them (for emulators). Every text taken
 * from a response is made safe to keep here too (no terminal controls, a bounded length, none of
 * the call's secrets). Nothing here throws on network input: results are plain values or tagged
 * unions, which each edition wraps in its own types.
 *
 * @since 0.1.0
 */
import type { Operation } from "./Operation.js"
import type { ServiceErrorCode } from "./ServiceError.js"
import { codes, describe, isServiceErrorCode } from "./ServiceError.js"

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

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
 * The `X-Amz-Target` header value of an operation by name (a description carries its own as
 * `target`).
 *
 * @since 0.1.0
 * @category requests
 */
export const target = (operation: string): string => `${targetPrefix}.${operation}`

/**
 * The protocol's headers of a request for `operation`, names in lower case: `content-type` and
 * `x-amz-target`. A new record each time, for the caller to add its own.
 *
 * @since 0.1.0
 * @category requests
 */
export const requestHeaders = (operation: Operation): Record<string, string> => ({
  "content-type": contentType,
  "x-amz-target": operation.target
})

/**
 * A request's members as an encoder reads them: any value per member name (an edition's own
 * wrapper for the sensitive ones, opened by the encoder's `reveal`).
 *
 * @since 0.1.0
 * @category models
 */
export type RequestInput<O extends Operation> = { readonly [K in keyof O["input"]]?: unknown }

/**
 * The body encoder of `operation`: JSON with the members under their AWS names, in the
 * description's order, absent and `undefined` members left out. `reveal` opens a sensitive member's
 * value (an edition's secret wrapper) at the last moment; other values are written as given. The
 * member list is read once, here, not per call.
 *
 * @since 0.1.0
 * @category requests
 */
export const requestEncoder = <O extends Operation>(
  operation: O,
  reveal?: (secret: unknown) => unknown
): (input: RequestInput<O>) => string => {
  const names = Object.keys(operation.input)
  const sensitive = names.map((name) => operation.input[name]?.sensitive === true)
  const keys = names.map((name) => `${JSON.stringify(name)}:`)
  // The object JSON.stringify would write, member by member (a value's toJSON sees the key "", not
  // its name): as fast as stringifying an object literal; building an object by name is a third slower.
  return (input) => {
    const values: Readonly<Record<string, unknown>> = input
    let json = ""
    for (let i = 0; i < names.length; i++) {
      const value = values[names[i] as string]
      if (value === undefined) continue
      const written = JSON.stringify(reveal !== undefined && sensitive[i] === true ? reveal(value) : value) as
        | string
        | undefined
      // a function or a symbol: JSON.stringify leaves such a member out of an object
      if (written === undefined) continue
      json += `${json === "" ? "{" : ","}${keys[i] as string}${written}`
    }
    return json === "" ? "{}" : `${json}}`
  }
}

// ---------------------------------------------------------------------------------------------
// Texts from the network
// ---------------------------------------------------------------------------------------------

/**
 * What replaces a secret found in a server's text.
 *
 * @since 0.1.0
 * @category constants
 */
export const redactedMarker = "<redacted>"

/**
 * The longest message an error keeps: the service's own are one sentence.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxMessageLength = 1024

/**
 * The longest request id or error code an error keeps.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxIdentifierLength = 256

// Escape sequences whole (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, DCS/SOS/PM/APC up to their
// terminator, the 8-bit CSI and OSC introducers, and two-character `ESC x`), so that no part of one is
// left to be read as text; then every C0/C1 control, DEL, and the bidirectional overrides that can
// make a line read other than it is.
/* eslint-disable no-control-regex */
const escapeSequence =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/* eslint-enable no-control-regex */

/**
 * `text` without terminal escape sequences (colours, window titles, …); other characters stay.
 *
 * @since 0.1.0
 * @category sanitizing
 */
export const withoutEscapes = (text: string): string => text.replace(escapeSequence, "")

/**
 * `text` without terminal escape sequences, with every other control character (newlines and tabs
 * included) made a space: what a terminal shows of it is what it says.
 *
 * @since 0.1.0
 * @category sanitizing
 */
export const withoutControls = (text: string): string => withoutEscapes(text).replace(controlCharacter, " ")

/**
 * `text` cut to `maxLength` characters, ending in `…` when cut (never inside a surrogate pair).
 *
 * @since 0.1.0
 * @category sanitizing
 */
export const truncate = (text: string, maxLength: number): string => {
  if (text.length <= maxLength) return text
  let end = Math.max(0, maxLength - 1)
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/**
 * Replaces every secret of a call in a text.
 *
 * @since 0.1.0
 * @category models
 */
export type Redactor = (text: string) => string

/**
 * Leaves a text as it is: for texts that cannot hold a secret of the call.
 *
 * @since 0.1.0
 * @category redacting
 */
export const noSecrets: Redactor = (text) => text

const jsonEscaped = (secret: string): string => JSON.stringify(secret).slice(1, -1)
// JSON with every non-ASCII character as \uXXXX, as many servers write it (Python's default)
const asciiJsonEscaped = (secret: string): string =>
  jsonEscaped(secret).replace(/[^\u0020-\u007e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
const percent = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`

// encodeURIComponent keeps `!'()*~`; RFC 3986 strictly keeps only `~` of them, and WHATWG form
// encoding (URLSearchParams) only `*`, with `+` for a space
const strictlyEncoded = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, percent)

const formEncoded = (text: string): string => encodeURIComponent(text).replace(/%20/g, "+")

const whatwgFormEncoded = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()~]/g, percent).replace(/%20/g, "+")

/**
 * The forms in which a server may repeat a secret it was sent: as is; JSON-escaped (also with
 * `\uXXXX` escapes), once or twice (the request body quoted inside a JSON message); and each of
 * those URL-encoded (as `encodeURIComponent` does, strictly as RFC 3986 does, and as a form, as
 * `application/x-www-form-urlencoded` and `URLSearchParams` do).
 *
 * @since 0.1.0
 * @category redacting
 */
export const echoedForms = (secret: string): ReadonlyArray<string> => {
  const escaped = [secret, jsonEscaped(secret), asciiJsonEscaped(secret)]
  const twice = escaped.slice(1).flatMap((once) => [jsonEscaped(once), asciiJsonEscaped(once)])
  const forms = new Set<string>()
  for (const form of [...escaped, ...twice]) {
    forms.add(form)
    forms.add(encodeURIComponent(form))
    forms.add(formEncoded(form))
    forms.add(strictlyEncoded(form))
    forms.add(whatwgFormEncoded(form))
  }
  return [...forms]
}

const regExpEscaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

/**
 * A `Redactor` for `secrets` in every form of `echoedForms`, compared without regard to case (a
 * percent-escape or `\u` escape may come back in either case). Built on first use: a call that
 * ends well pays for it only when its request id is read for a span or a debug log.
 *
 * @since 0.1.0
 * @category redacting
 */
export const redactorFor = (secrets: ReadonlyArray<string>): Redactor => {
  let pattern: RegExp | undefined | null = null
  return (text) => {
    if (pattern === null) {
      const forms = secrets.filter((secret) => secret !== "").flatMap(echoedForms)
      // the longest first, so that a form is never cut short by a shorter one it contains
      forms.sort((a, b) => b.length - a.length)
      pattern = forms.length === 0 ? undefined : new RegExp(forms.map(regExpEscaped).join("|"), "giu")
    }
    return pattern === undefined ? text : text.replace(pattern, redactedMarker)
  }
}

/**
 * A text read from a response, ready to keep: controls removed first (so that a control character
 * inside a secret cannot hide it), then the secrets redacted, then cut to `maxLength`.
 *
 * @since 0.1.0
 * @category sanitizing
 */
export const fromNetwork = (text: string, redact: Redactor, maxLength: number): string =>
  truncate(redact(withoutControls(text)), maxLength)

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/**
 * A response's headers as a transport hands them over: names should be lower-case (any case is
 * found); a repeated header (Node's `set-cookie`) may be a list, which no reader here takes.
 *
 * @since 0.1.0
 * @category models
 */
export type Headers = Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

type JsonObject = Readonly<Record<string, unknown>>

const hasOwn = Object.prototype.hasOwnProperty

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value)

// The exact name first (transports give lower-case names); else any case, without allocating.
const header = (headers: Headers, name: string): string | undefined => {
  const exact = hasOwn.call(headers, name) ? headers[name] : undefined
  if (typeof exact === "string") return exact
  for (const key in headers) {
    // lower-casing never shortens an ASCII name, so a key of another length cannot be it
    if (key.length === name.length && hasOwn.call(headers, key) && key.toLowerCase() === name) {
      const value = headers[key]
      if (typeof value === "string") return value
    }
  }
  return undefined
}

const stringMember = (body: JsonObject, name: string): string | undefined => {
  const value = hasOwn.call(body, name) ? body[name] : undefined
  return typeof value === "string" ? value : undefined
}

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
 * in any case, else `__type`; sanitized, and empty codes skipped. `body` is the parsed JSON (or
 * `undefined`); only string values at the top level count, so a nested object's `__type` is never
 * taken for the code. Not yet made safe to keep: it decides, `fromNetwork` makes it printable.
 *
 * @since 0.1.0
 * @category decoding
 */
export const readErrorCode = (headers: Headers, body: unknown): string | undefined => {
  const fromHeader = nonEmptyCode(header(headers, "x-amzn-errortype"))
  if (fromHeader !== undefined) return fromHeader
  if (!isJsonObject(body)) return undefined
  for (const key in body) {
    if (key.length === 4 && hasOwn.call(body, key) && key.toLowerCase() === "code") {
      const value = body[key]
      if (typeof value === "string") {
        const code = nonEmptyCode(value)
        if (code !== undefined) return code
      }
    }
  }
  return nonEmptyCode(stringMember(body, "__type"))
}

/**
 * The message of an error body, as the service writes it: `message`, else `Message`; string values
 * only. Not yet made safe to keep (see `fromNetwork`).
 *
 * @since 0.1.0
 * @category decoding
 */
export const readErrorMessage = (body: unknown): string | undefined =>
  isJsonObject(body) ? stringMember(body, "message") ?? stringMember(body, "Message") : undefined

// the AWS SDKs' order (`requestId` of their response metadata)
const requestIdHeaders = ["x-amzn-requestid", "x-amzn-request-id", "x-amz-request-id"] as const

/**
 * The request id of a response (`x-amzn-requestid`, else `x-amzn-request-id`, else
 * `x-amz-request-id`; empty values skipped), made safe to keep with `fromNetwork`: a server may put
 * anything there.
 *
 * @since 0.1.0
 * @category decoding
 */
export const readRequestId = (headers: Headers, redact: Redactor = noSecrets): string | undefined => {
  for (const name of requestIdHeaders) {
    const value = header(headers, name)
    if (value !== undefined && value !== "") return fromNetwork(value, redact, maxIdentifierLength)
  }
  return undefined
}

const digits = /^\d+$/
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
// IMF-fixdate, the one form RFC 9110 lets servers send; parsed by hand so every runtime agrees.
const imfFixdate = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/

/**
 * An HTTP date in the IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`) as milliseconds since the
 * epoch; `undefined` for any other text or a date that does not exist (31 Feb, hour 24).
 *
 * @since 0.1.0
 * @category decoding
 */
export const parseHttpDate = (value: string): number | undefined => {
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

const finiteMillis = (millis: number): number | undefined => Number.isFinite(millis) && millis >= 0 ? millis : undefined

/**
 * The server's retry hint in milliseconds: `x-amz-retry-after` in milliseconds, else `Retry-After`
 * as delta seconds or an HTTP date (relative to `nowMillis`). Whole numbers only; a value that is
 * garbage, negative, infinite or in the past gives `undefined`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const readRetryAfter = (headers: Headers, nowMillis: number): number | undefined => {
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
 * A call that succeeded.
 *
 * @since 0.1.0
 * @category models
 */
export interface Ok {
  readonly _tag: "Ok"
}

/**
 * One of the operation's service exceptions, every text made safe to keep. `reasonCode` is read
 * for `InvalidParameterException` only, the one exception that has it.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServiceException {
  readonly _tag: "ServiceException"
  readonly code: ServiceErrorCode
  readonly message: string
  readonly requestId: string | undefined
  readonly reasonCode: string | undefined
}

/**
 * A response that is no service exception of the operation: an unknown or missing code, a body
 * that is not the protocol's, a 2xx that is not a JSON object. `message` says what was wrong
 * without quoting the body; `code` is kept (safe to keep) when one was read.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnexpectedResponse {
  readonly _tag: "UnexpectedResponse"
  readonly status: number
  readonly code: string | undefined
  readonly requestId: string | undefined
  readonly message: string
}

/**
 * @since 0.1.0
 * @category models
 */
export type Decoded = Ok | ServiceException | UnexpectedResponse

/**
 * A response as the decoder reads it; header names should be lower-case.
 *
 * @since 0.1.0
 * @category models
 */
export interface Response {
  readonly status: number
  readonly headers: Headers
  readonly body: string
}

const ok: Ok = { _tag: "Ok" }
// what `parse` gives besides a JSON value: JSON never parses to a symbol
const noBody = Symbol("noBody")
const notJson = Symbol("notJson")

const parse = (body: string): unknown => {
  if (body.trim() === "") return noBody
  try {
    return JSON.parse(body) as unknown
  } catch {
    return notJson
  }
}

// What was wrong with the body, never the body itself: it may echo anything.
const describeBody = (parsed: unknown): string =>
  parsed === noBody
    ? "an empty body"
    : parsed === notJson
    ? "a body that is not JSON"
    : isJsonObject(parsed)
    ? "a JSON body"
    : "a JSON body that is not an object"

// Codes are identifiers; anything else read from a response stays out of the message.
const printableCode = /^[\w.-]{1,128}$/

const unexpected = (
  status: number,
  code: string | undefined,
  requestId: string | undefined,
  message: string
): UnexpectedResponse => ({ _tag: "UnexpectedResponse", status, code, requestId, message })

/**
 * The outcome of a call of `operation` from its HTTP response. A 2xx with an empty body or any JSON
 * object is success (and reads no header: a transport may parse them on first read). Otherwise the
 * error code decides, never the status (the live service sends 400 for throttling too): one of the
 * operation's service exceptions, or `UnexpectedResponse` keeping the status, code and request id
 * when the code is unknown or missing, or the body is not the protocol's. Every text taken from the
 * response goes through `fromNetwork` with `redact`, which the client builds from the call's secrets.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeResponse = (operation: Operation, response: Response, redact: Redactor = noSecrets): Decoded => {
  const { status } = response
  const parsed = parse(response.body)
  const success = status >= 200 && status < 300
  if (success && (parsed === noBody || isJsonObject(parsed))) return ok
  const { headers } = response
  const requestId = readRequestId(headers, redact)
  if (success) return unexpected(status, undefined, requestId, `HTTP ${status} with ${describeBody(parsed)}`)
  const body = isJsonObject(parsed) ? parsed : undefined
  const code = readErrorCode(headers, body)
  if (code === undefined) {
    return unexpected(status, undefined, requestId, `HTTP ${status} with ${describeBody(parsed)} and no error code`)
  }
  if (!isServiceErrorCode(code) || !operation.errors.includes(code)) {
    const kept = fromNetwork(code, redact, maxIdentifierLength)
    const named = printableCode.test(kept) ? `error code ${kept}` : "an error code"
    return unexpected(status, kept, requestId, `HTTP ${status} with ${named} that ${operation.name} does not return`)
  }
  const said = readErrorMessage(body)
  const message = said === undefined ? `${code} (HTTP ${status})` : fromNetwork(said, redact, maxMessageLength)
  const saidReason = code === codes.InvalidParameterException && body !== undefined
    ? stringMember(body, "reasonCode")
    : undefined
  const reasonCode = saidReason === undefined ? undefined : fromNetwork(saidReason, redact, maxIdentifierLength)
  return { _tag: "ServiceException", code, message, requestId, reasonCode }
}

// ---------------------------------------------------------------------------------------------
// Responses as the service writes them (for emulators)
// ---------------------------------------------------------------------------------------------

/**
 * An HTTP response as an emulator writes it; header names are lower-case.
 *
 * @since 0.1.0
 * @category models
 */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

// Server faults answer 500 as the live service does: the service's own (a model status of 500) and
// the generic AWS ones; every other error is a client error, 400.
const genericServerFaults: ReadonlySet<string> = new Set(["InternalFailure", "ServiceUnavailable"])
const isServerFault = (code: string): boolean =>
  isServiceErrorCode(code) ? describe(code).modelStatus >= 500 : genericServerFaults.has(code)

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
  status: isServerFault(error.code) ? 500 : 400,
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
