/**
 * fast-check arbitraries for property tests of code that calls `UpdateAuthEventFeedback`: valid
 * requests, invalid requests with the broken field known, every error the call can fail with, and
 * raw error responses in every wire form of AWS JSON 1.1. Built from the core schemas where possible.
 *
 * @since 0.1.0
 */
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import {
  CognitoServiceError as CognitoServiceErrorSchema,
  serviceErrorCodes,
  TransportError,
  UnexpectedResponseError
} from "@cognito-feedback/core/CognitoError"
import type { CognitoServiceError, ServiceErrorCode } from "@cognito-feedback/core/CognitoError"
import type { UpdateAuthEventFeedbackInput } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { rules, UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import * as ServiceError from "@cognito-feedback/protocol/ServiceError"
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "effect/FastCheck"
import * as Redacted from "effect/Redacted"
import type * as AuthEventFeedbackTest from "./AuthEventFeedbackTest.js"

/**
 * Decoded requests (secrets `Redacted`) that satisfy every rule of the service
 * (`UpdateAuthEventFeedback.rules`): they pass the client's local validation, so a call made with
 * one reaches the layer behind `AuthEventFeedback` (the script, the simulator, the wire).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const request: fc.Arbitrary<UpdateAuthEventFeedbackRequest> = Arbitrary.make(UpdateAuthEventFeedbackRequest)

/**
 * Valid caller input: what `AuthEventFeedback.update` accepts, secrets as plain strings. Every
 * draw passes the local rules (`UpdateAuthEventFeedback.rules`), so it reaches the scripted layer,
 * the simulator or the wire. Use it, not `fc.string()`, for the username and token of a property
 * test: input that breaks a rule fails in the client with an `InvalidParameterException` of
 * `origin` `"local"` before any layer is called, and a test of what that layer does would then
 * pass without exercising it.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const validInput: fc.Arbitrary<UpdateAuthEventFeedbackInput> = request.map((r) => ({
  ...r,
  Username: Redacted.value(r.Username),
  FeedbackToken: Redacted.value(r.FeedbackToken)
}))

/**
 * @since 0.1.0
 * @category models
 */
export type RequestField = keyof UpdateAuthEventFeedbackInput

/**
 * Caller input that breaks exactly one rule of one field, with the message the validation must give.
 *
 * @since 0.1.0
 * @category models
 */
export interface InvalidInput {
  readonly input: Record<RequestField, unknown>
  readonly field: RequestField
  readonly expectedMessage: string
}

const breaking = (field: RequestField, value: fc.Arbitrary<unknown>, rule: string) =>
  value.map((v) => ({ field, value: v, rule }))

const tooLong = (max: number) => `must be at most ${max} characters long`
const mustMatch = (pattern: RegExp) => `must match ${pattern.source}`
const required = "must be at least 1 character long"

const brokenField = fc.oneof(
  breaking("UserPoolId", fc.constant(""), required),
  breaking("UserPoolId", fc.stringMatching(/^[a-z]{56,70}_[a-z]{1,5}$/), tooLong(55)),
  breaking("UserPoolId", fc.stringMatching(/^[a-z0-9-]{1,20}$/), mustMatch(rules.UserPoolId.pattern)),
  breaking("UserPoolId", fc.integer(), "must be a string"),
  breaking("Username", fc.constant(""), required),
  breaking("Username", fc.stringMatching(/^[a-z]{129,140}$/), tooLong(128)),
  breaking(
    "Username",
    fc.tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom(" ", "\t", "\n", "\u0000")).map(([s, c]) => s + c),
    mustMatch(rules.Username.pattern)
  ),
  breaking("Username", fc.constantFrom(null, 7, true, {}), "must be a string or a Redacted string"),
  breaking("EventId", fc.constant(""), required),
  breaking("EventId", fc.stringMatching(/^[a-z0-9]{51,60}$/), tooLong(50)),
  breaking("EventId", fc.stringMatching(/^[a-z]{0,5}[ /.:*]{1,3}[a-z]{0,5}$/), mustMatch(rules.EventId.pattern)),
  breaking(
    "FeedbackToken",
    fc.stringMatching(/^[a-z]{0,5}[ /:+*#]{1,3}[a-z]{0,5}$/),
    mustMatch(rules.FeedbackToken.pattern)
  ),
  breaking(
    "FeedbackValue",
    fc.string().filter((s) => s !== "Valid" && s !== "Invalid"),
    "must be \"Valid\" or \"Invalid\""
  )
)

/**
 * Caller input with exactly one bad field, and the `InvalidParameterException` message it must get.
 * Such input never reaches a layer: the client rejects it (`origin` `"local"`) before calling one.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const invalidInput: fc.Arbitrary<InvalidInput> = fc.tuple(validInput, brokenField).map(([valid, bad]) => ({
  input: { ...valid, [bad.field]: bad.value },
  field: bad.field,
  expectedMessage: `${bad.field}: ${bad.rule}`
}))

/**
 * Any of the eight service exceptions.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const serviceError: fc.Arbitrary<CognitoServiceError> = Arbitrary.make(CognitoServiceErrorSchema)

// each service exception twice as likely as a transport or an unexpected-response error, so that
// 100 runs (fast-check's default) meet all eight: (8/9)^100 < 1e-5 for each of them
const serviceErrorWeight = 2

/**
 * Anything `UpdateAuthEventFeedback` can fail with, transport and unexpected responses included.
 * The mix: each of the eight service exceptions 1/9 of the draws (8/9 in all), a `TransportError`
 * 1/18 and an `UnexpectedResponseError` 1/18, so that a property test's first hundred runs meet
 * every service exception (each one is missing from 100 draws with a probability under 10⁻⁵).
 * For the service exceptions alone, use `serviceError`.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const error: fc.Arbitrary<UpdateAuthEventFeedbackError> = fc.oneof(
  // `serviceError` draws the eight exceptions alike: each gets its 2 of the 18 parts
  { arbitrary: serviceError, weight: serviceErrorWeight * serviceErrorCodes.length },
  { arbitrary: Arbitrary.make(TransportError), weight: 1 },
  { arbitrary: Arbitrary.make(UnexpectedResponseError), weight: 1 }
)

/**
 * The outcome of one call, as `AuthEventFeedbackTest.layerScripted` takes it (the same type as
 * `AuthEventFeedbackTest.Outcome`).
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = AuthEventFeedbackTest.Outcome

/**
 * Outcomes for `AuthEventFeedbackTest.layerScripted`, success about one time in four.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  { arbitrary: fc.constant({ _tag: "Success" } as const), weight: 1 },
  { arbitrary: error.map((e) => ({ _tag: "Failure", error: e } as const)), weight: 3 }
)

/**
 * The forms in which AWS JSON 1.1 carries an error code.
 *
 * @since 0.1.0
 * @category models
 */
export type ErrorCodeForm = "header" | "code" | "__type" | "namespaced" | "uri-suffix" | "namespaced-uri-suffix"

/**
 * A raw error response and the code a correct decoder must read from it.
 *
 * @since 0.1.0
 * @category models
 */
export interface WireError {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly code: ServiceErrorCode
  readonly message: string
  readonly requestId: string
  readonly form: ErrorCodeForm
}

const randomCase = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((upper) =>
    Array.from(s, (c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join("")
  )

const namespace = fc.constantFrom("com.amazonaws.cognitoidentityprovider", "aws.protocoltests.restjson", "ns")
const uriSuffix = fc.constantFrom("http://internal.amazon.com/coral/com.amazon.coral.validate/", "https://x/y:z")

/**
 * Service error responses in every wire form: the code in `X-Amzn-Errortype`, in a `code` member of
 * any case, in `__type`, with a namespace, with a URI suffix, with both; the message as `message` or
 * `Message`; the status 400 or 500 as the live service sends, or the model's own status.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const wireError: fc.Arbitrary<WireError> = fc.record({
  code: fc.constantFrom(...serviceErrorCodes),
  form: fc.constantFrom<ErrorCodeForm>("header", "code", "__type", "namespaced", "uri-suffix", "namespaced-uri-suffix"),
  message: fc.string({ maxLength: 40 }),
  messageKey: fc.constantFrom("message", "Message"),
  requestId: fc.uuid(),
  modelStatus: fc.boolean(),
  codeKey: randomCase("code"),
  namespace,
  uriSuffix
}).map((r) => {
  // the live service's status is the protocol's (`AwsJson.encodeErrorResponse`: 500 for server faults, else 400)
  const status = r.modelStatus
    ? ServiceError.describe(r.code).modelStatus
    : AwsJson.encodeErrorResponse(r, r.requestId).status
  const wireCode = r.form === "namespaced"
    ? `${r.namespace}#${r.code}`
    : r.form === "uri-suffix"
    ? `${r.code}:${r.uriSuffix}`
    : r.form === "namespaced-uri-suffix"
    ? `${r.namespace}#${r.code}:${r.uriSuffix}`
    : r.code
  const body: Record<string, unknown> = { [r.messageKey]: r.message }
  const headers: Record<string, string> = {
    "x-amzn-requestid": r.requestId,
    "content-type": "application/x-amz-json-1.1"
  }
  if (r.form === "header") headers["x-amzn-errortype"] = wireCode
  else if (r.form === "code") body[r.codeKey] = wireCode
  else body.__type = wireCode
  return {
    status,
    headers,
    body: JSON.stringify(body),
    code: r.code,
    message: r.message,
    requestId: r.requestId,
    form: r.form
  }
})
