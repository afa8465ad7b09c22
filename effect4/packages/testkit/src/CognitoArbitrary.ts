/**
 * Effect `Arbitrary`s (`effect/Arbitrary`) for property tests of code that calls
 * `UpdateAuthEventFeedback`: valid requests, invalid requests with the broken field known, every
 * error the call can fail with, and raw error responses in every wire form of AWS JSON 1.1. Built
 * from the core schemas where possible. Run them with `Arbitrary.checkEffect` or
 * `@effect/vitest`'s `it.prop`, or draw examples with `Arbitrary.sampleEffect`.
 *
 * @since 1.0.0
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
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as AuthEventFeedbackTest from "./AuthEventFeedbackTest.js"

// What fast-check calls `integer`, `constantFrom`, `oneof` and `stringMatching`, built from
// `effect/Arbitrary`'s own primitives.

const integer = (minimum: number, maximum: number): Arbitrary.Arbitrary<number> =>
  Arbitrary.schema(Schema.Int.check(Schema.isBetween({ minimum, maximum })))

const constantFrom = <const A>(...values: ReadonlyArray<A>): Arbitrary.Arbitrary<A> =>
  Arbitrary.map(integer(0, values.length - 1), (i) => values[i] as A)

interface Weighted<A> {
  readonly arbitrary: Arbitrary.Arbitrary<A>
  readonly weight: number
}

const oneof = <A>(...choices: ReadonlyArray<Arbitrary.Arbitrary<A> | Weighted<A>>): Arbitrary.Arbitrary<A> => {
  const weighted: ReadonlyArray<Weighted<A>> = choices.map((choice) =>
    Arbitrary.isArbitrary(choice) ? { arbitrary: choice as Arbitrary.Arbitrary<A>, weight: 1 } : choice as Weighted<A>
  )
  const total = weighted.reduce((sum, choice) => sum + choice.weight, 0)
  return Arbitrary.flatMap(integer(0, total - 1), (n) => {
    let rest = n
    for (const choice of weighted) {
      if (rest < choice.weight) return choice.arbitrary
      rest -= choice.weight
    }
    return (weighted[weighted.length - 1] as Weighted<A>).arbitrary
  })
}

const stringMatching = (pattern: RegExp): Arbitrary.Arbitrary<string> =>
  Arbitrary.schema(Schema.String.check(Schema.isPattern(pattern)))

/**
 * Decoded requests (secrets `Redacted`) that satisfy every rule of the service
 * (`UpdateAuthEventFeedback.rules`): they pass the client's local validation, so a call made with
 * one reaches the layer behind `AuthEventFeedback` (the script, the simulator, the wire).
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const request: Arbitrary.Arbitrary<UpdateAuthEventFeedbackRequest> = Arbitrary.schema(
  UpdateAuthEventFeedbackRequest
)

/**
 * Valid caller input: what `AuthEventFeedback.update` accepts, secrets as plain strings. Every
 * draw passes the local rules (`UpdateAuthEventFeedback.rules`), so it reaches the scripted layer,
 * the simulator or the wire. Use it, not an arbitrary string, for the username and token of a
 * property test: input that breaks a rule fails in the client with an `InvalidParameterException`
 * of `origin` `"local"` before any layer is called, and a test of what that layer does would then
 * pass without exercising it.
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const validInput: Arbitrary.Arbitrary<UpdateAuthEventFeedbackInput> = Arbitrary.map(request, (r) => ({
  ...r,
  Username: Redacted.value(r.Username),
  FeedbackToken: Redacted.value(r.FeedbackToken)
}))

/**
 * @since 1.0.0
 * @category models
 */
export type RequestField = keyof UpdateAuthEventFeedbackInput

/**
 * Caller input that breaks exactly one rule of one field, with the message the validation must give.
 *
 * @since 1.0.0
 * @category models
 */
export interface InvalidInput {
  readonly input: Record<RequestField, unknown>
  readonly field: RequestField
  readonly expectedMessage: string
}

interface Broken {
  readonly field: RequestField
  readonly value: unknown
  readonly rule: string
}

const breaking = (
  field: RequestField,
  value: Arbitrary.Arbitrary<unknown>,
  rule: string
): Arbitrary.Arbitrary<Broken> => Arbitrary.map(value, (v) => ({ field, value: v, rule }))

const tooLong = (max: number) => `must be at most ${max} characters long`
const mustMatch = (pattern: RegExp) => `must match ${pattern.source}`
const required = "must be at least 1 character long"

const brokenField: Arbitrary.Arbitrary<Broken> = oneof(
  breaking("UserPoolId", Arbitrary.Constant(""), required),
  breaking("UserPoolId", stringMatching(/^[a-z]{56,70}_[a-z]{1,5}$/), tooLong(55)),
  breaking("UserPoolId", stringMatching(/^[a-z0-9-]{1,20}$/), mustMatch(rules.UserPoolId.pattern)),
  breaking("UserPoolId", Arbitrary.schema(Schema.Int), "must be a string"),
  breaking("Username", Arbitrary.Constant(""), required),
  breaking("Username", stringMatching(/^[a-z]{129,140}$/), tooLong(128)),
  breaking(
    "Username",
    Arbitrary.map(
      Arbitrary.all([stringMatching(/^[a-z]{1,10}$/), constantFrom(" ", "\t", "\n", "\u0000")]),
      ([s, c]) => s + c
    ),
    mustMatch(rules.Username.pattern)
  ),
  breaking("Username", constantFrom<unknown>(null, 7, true, {}), "must be a string or a Redacted string"),
  breaking("EventId", Arbitrary.Constant(""), required),
  breaking("EventId", stringMatching(/^[a-z0-9]{51,60}$/), tooLong(50)),
  breaking("EventId", stringMatching(/^[a-z]{0,5}[ /.:*]{1,3}[a-z]{0,5}$/), mustMatch(rules.EventId.pattern)),
  breaking(
    "FeedbackToken",
    stringMatching(/^[a-z]{0,5}[ /:+*#]{1,3}[a-z]{0,5}$/),
    mustMatch(rules.FeedbackToken.pattern)
  ),
  breaking(
    "FeedbackValue",
    Arbitrary.filter(Arbitrary.schema(Schema.String), (s) => s !== "Valid" && s !== "Invalid"),
    "must be \"Valid\" or \"Invalid\""
  )
)

/**
 * Caller input with exactly one bad field, and the `InvalidParameterException` message it must get.
 * Such input never reaches a layer: the client rejects it (`origin` `"local"`) before calling one.
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const invalidInput: Arbitrary.Arbitrary<InvalidInput> = Arbitrary.map(
  Arbitrary.all([validInput, brokenField]),
  ([valid, bad]) => ({
    input: { ...valid, [bad.field]: bad.value },
    field: bad.field,
    expectedMessage: `${bad.field}: ${bad.rule}`
  })
)

/**
 * Any of the eight service exceptions.
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const serviceError: Arbitrary.Arbitrary<CognitoServiceError> = Arbitrary.schema(CognitoServiceErrorSchema)

// each service exception twice as likely as a transport or an unexpected-response error, so that
// 100 runs meet all eight: (8/9)^100 < 1e-5 for each of them
const serviceErrorWeight = 2

/**
 * Anything `UpdateAuthEventFeedback` can fail with, transport and unexpected responses included.
 * The mix: each of the eight service exceptions 1/9 of the draws (8/9 in all), a `TransportError`
 * 1/18 and an `UnexpectedResponseError` 1/18, so that a property test's first hundred runs meet
 * every service exception (each one is missing from 100 draws with a probability under 10⁻⁵).
 * For the service exceptions alone, use `serviceError`.
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const error: Arbitrary.Arbitrary<UpdateAuthEventFeedbackError> = oneof<UpdateAuthEventFeedbackError>(
  // `serviceError` draws the eight exceptions alike: each gets its 2 of the 18 parts
  { arbitrary: serviceError, weight: serviceErrorWeight * serviceErrorCodes.length },
  { arbitrary: Arbitrary.schema(TransportError), weight: 1 },
  { arbitrary: Arbitrary.schema(UnexpectedResponseError), weight: 1 }
)

/**
 * The outcome of one call, as `AuthEventFeedbackTest.layerScripted` takes it (the same type as
 * `AuthEventFeedbackTest.Outcome`).
 *
 * @since 1.0.0
 * @category models
 */
export type Outcome = AuthEventFeedbackTest.Outcome

/**
 * Outcomes for `AuthEventFeedbackTest.layerScripted`, success about one time in four.
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const outcome: Arbitrary.Arbitrary<Outcome> = oneof<Outcome>(
  { arbitrary: Arbitrary.Constant({ _tag: "Success" } as const), weight: 1 },
  { arbitrary: Arbitrary.map(error, (e) => ({ _tag: "Failure", error: e } as const)), weight: 3 }
)

/**
 * The forms in which AWS JSON 1.1 carries an error code.
 *
 * @since 1.0.0
 * @category models
 */
export type ErrorCodeForm = "header" | "code" | "__type" | "namespaced" | "uri-suffix" | "namespaced-uri-suffix"

/**
 * A raw error response and the code a correct decoder must read from it.
 *
 * @since 1.0.0
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

const randomCase = (s: string): Arbitrary.Arbitrary<string> =>
  Arbitrary.map(
    Arbitrary.array(Arbitrary.schema(Schema.Boolean), { minLength: s.length, maxLength: s.length }),
    (upper) => Array.from(s, (c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join("")
  )

const namespace = constantFrom("com.amazonaws.cognitoidentityprovider", "aws.protocoltests.restjson", "ns")
const uriSuffix = constantFrom("http://internal.amazon.com/coral/com.amazon.coral.validate/", "https://x/y:z")

/**
 * Service error responses in every wire form: the code in `X-Amzn-Errortype`, in a `code` member of
 * any case, in `__type`, with a namespace, with a URI suffix, with both; the message as `message` or
 * `Message` (up to 40 printable ASCII characters); the status 400 or 500 as the live service
 * sends, or the model's own status.
 *
 * @since 1.0.0
 * @category arbitraries
 */
export const wireError: Arbitrary.Arbitrary<WireError> = Arbitrary.map(
  Arbitrary.all({
    code: constantFrom(...serviceErrorCodes),
    form: constantFrom<ErrorCodeForm>("header", "code", "__type", "namespaced", "uri-suffix", "namespaced-uri-suffix"),
    // printable ASCII, as fast-check's `string()` draws in the Effect 3 edition: a decoder may
    // rightly drop control characters from a message it shows
    message: stringMatching(/^[ -~]{0,40}$/),
    messageKey: constantFrom("message", "Message"),
    requestId: Arbitrary.schema(Schema.String.check(Schema.isUUID(4))),
    modelStatus: Arbitrary.schema(Schema.Boolean),
    codeKey: randomCase("code"),
    namespace,
    uriSuffix
  }),
  (r): WireError => {
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
  }
)
