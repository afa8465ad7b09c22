/**
 * Golden wire cases of `UpdateAuthEventFeedback`, as plain data: requests exactly as they are sent
 * (body and protocol headers), inputs that must be refused before anything is sent (with the
 * member the error names), responses in every form the service, and whatever stands in front of
 * it, can send (every error-code form, message form, request-id and retry-hint header, odd
 * statuses and bodies, bytes that are not UTF-8), each with its expected outcome, and the feedback
 * page's answer to every way a call can end.
 *
 * Why: the expected values here are written as literals, from sources that are not the code they
 * test: the service model (botocore's `cognito-idp/2016-04-18/service-2.json` and the AWS SDK for
 * JavaScript v3's schemas) for members, patterns and codes; the AWS SDK's retry classification
 * (`@smithy/core`'s `THROTTLING_ERROR_CODES`, `TRANSIENT_ERROR_CODES`,
 * `TRANSIENT_ERROR_STATUS_CODES` and 429) for retry classes; the Smithy AWS JSON 1.1 rules and
 * compliance tests and RFC 9110 for the wire forms; the facts sheet and the service's documentation
 * for the live service's answers. The protocol's tests also feed every case to the AWS SDK's own
 * serializer and error deserializer, so the SDK is the oracle; where this library deliberately
 * reads a response otherwise than the SDK, the case says so in `sdk` and in a comment.
 *
 * Every edition runs them: its tests take each request case through its encoder and client, each
 * response case through its decoder (and, over a socket, through every live transport, where the
 * response fuzz draws from them), and each page case through its feedback page.
 *
 * @since 0.1.0
 */

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

/**
 * How the AWS SDKs' standard retry strategy treats an error: `throttling` and `transient` are
 * retried, `none` never.
 *
 * @since 0.1.0
 * @category models
 */
export type RetryClass = "throttling" | "transient" | "none"

/**
 * The eight service exceptions of `UpdateAuthEventFeedback` (each edition's `_tag`).
 *
 * @since 0.1.0
 * @category models
 */
export type ServiceErrorTag =
  | "InvalidParameterException"
  | "ResourceNotFoundException"
  | "TooManyRequestsException"
  | "NotAuthorizedException"
  | "UserNotFoundException"
  | "UserPoolAddOnNotEnabledException"
  | "OperationNotEnabledException"
  | "InternalErrorException"

/**
 * The protocol headers of every `UpdateAuthEventFeedback` request, names in lower case.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestHeaders {
  readonly "content-type": "application/x-amz-json-1.1"
  readonly "x-amz-target": "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback"
}

/**
 * A valid input and what goes on the wire for it: the body, byte for byte as a string, and the
 * protocol's headers.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestCase {
  readonly name: string
  readonly input: {
    readonly UserPoolId: string
    readonly Username: string
    readonly EventId: string
    readonly FeedbackToken: string
    readonly FeedbackValue: "Valid" | "Invalid"
  }
  readonly body: string
  readonly headers: RequestHeaders
}

/**
 * The rule of the service model an invalid input breaks: a required member missing, a length
 * (`min`/`max`, counted in code points), a pattern (matched against the whole value), an enum, or
 * a value that is not a string at all.
 *
 * @since 0.1.0
 * @category models
 */
export type BrokenRule = "required" | "length" | "pattern" | "enum" | "type"

/**
 * An input that breaks exactly one rule of one member: the error (an `InvalidParameterException`
 * of origin `local`, nothing sent) names `member`.
 *
 * @since 0.1.0
 * @category models
 */
export interface InvalidRequestCase {
  readonly name: string
  readonly input: Readonly<Record<string, unknown>>
  readonly member: "UserPoolId" | "Username" | "EventId" | "FeedbackToken" | "FeedbackValue"
  readonly rule: BrokenRule
}

/**
 * The call succeeded.
 *
 * @since 0.1.0
 * @category models
 */
export interface Success {
  readonly _tag: "Success"
}

/**
 * One of the service exceptions, with every text as it is kept (controls removed, secrets
 * redacted, cut to length). `code` is the `_tag`; `reasonCode` is read for
 * `InvalidParameterException` only. `retryAfterMillis` is the server's hint read at `readAtMillis`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServiceFailure {
  readonly _tag: ServiceErrorTag
  readonly code: ServiceErrorTag
  readonly message: string
  readonly requestId: string | undefined
  readonly reasonCode?: string
  readonly retry: RetryClass
  readonly retryAfterMillis: number | undefined
}

/**
 * A response that is none of the operation's exceptions: the status, the code when one was read
 * (made safe to keep), the request id, and a message of the library's own that says what was
 * wrong without quoting the body.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnexpectedFailure {
  readonly _tag: "UnexpectedResponseError"
  readonly status: number
  readonly code: string | undefined
  readonly message: string
  readonly requestId: string | undefined
  readonly retry: RetryClass
  readonly retryAfterMillis: number | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export type Outcome = Success | ServiceFailure | UnexpectedFailure

/**
 * What the AWS SDK for JavaScript v3 reads of a response where it differs from `expected`; a
 * field left out means the SDK agrees. `name` is the SDK error's name (the code; `Unknown` when it
 * reads no code, `SyntaxError` when the body is not JSON); `message` its message; `success` that
 * the SDK takes the response for success.
 *
 * @since 0.1.0
 * @category models
 */
export interface SdkReading {
  readonly success?: true
  readonly name?: string
  readonly message?: string
  readonly requestId?: string | undefined
  readonly retry?: RetryClass
  readonly retryAfterMillis?: number | undefined
}

/**
 * A response as a server sends it: the status, the headers as `[name, value]` pairs in the order
 * and case sent (a name may repeat), and the body as text or, for bodies that are not valid UTF-8,
 * as bytes. `secrets` are the call's username and token, in that order, which a decoder must
 * redact from everything it keeps; a case without them answers a call whose secrets appear nowhere in the response.
 *
 * @since 0.1.0
 * @category models
 */
export interface ResponseCase {
  readonly name: string
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string | ReadonlyArray<number>
  readonly secrets?: ReadonlyArray<string>
  readonly expected: Outcome
  readonly sdk?: SdkReading
}

/**
 * An error as data, to be built into an edition's error class: a service exception, a local
 * `InvalidParameterException` (input refused before sending), a transport failure or an
 * unexpected response.
 *
 * @since 0.1.0
 * @category models
 */
export type ErrorData =
  | {
    readonly _tag: ServiceErrorTag
    readonly message: string
    readonly requestId?: string
    readonly reasonCode?: string
    readonly origin?: "local" | "service"
  }
  | {
    readonly _tag: "TransportError"
    readonly reason: "Connect" | "Reset" | "Timeout" | "NotSent" | "Unknown"
    readonly message: string
  }
  | {
    readonly _tag: "UnexpectedResponseError"
    readonly status: number
    readonly code?: string
    readonly requestId?: string
    readonly message: string
  }

/**
 * How a call made by the feedback page ends, and what the page answers to the button's `POST`:
 * its status, its `Retry-After` header (`undefined` when it has none) and a sentence it shows.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageCase {
  readonly name: string
  /** The answer the person gives (the link's `feedback`). */
  readonly feedback: "Valid" | "Invalid"
  readonly outcome: { readonly _tag: "Success" } | { readonly _tag: "Failure"; readonly error: ErrorData }
  readonly status: number
  readonly retryAfter: string | undefined
  readonly says: string
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

const requestHeaders: RequestHeaders = {
  "content-type": "application/x-amz-json-1.1",
  "x-amz-target": "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback"
}

/**
 * Valid requests and their bodies. The body holds the members under the model's names in the
 * model's order, written as `JSON.stringify` writes them (only `"`, `\` and controls escaped; `/`,
 * `<`, `&` and every non-ASCII character as is), which is what the AWS SDK sends.
 *
 * @since 0.1.0
 * @category cases
 */
export const requestCases: ReadonlyArray<RequestCase> = [
  {
    name: "a plain request (Invalid: this was not me)",
    input: {
      UserPoolId: "us-east-1_AbCdEf123",
      Username: "alice",
      EventId: "c3f1a2b4",
      FeedbackToken: "tok.valid-1",
      FeedbackValue: "Invalid"
    },
    body: "{\"UserPoolId\":\"us-east-1_AbCdEf123\",\"Username\":\"alice\",\"EventId\":\"c3f1a2b4\","
      + "\"FeedbackToken\":\"tok.valid-1\",\"FeedbackValue\":\"Invalid\"}",
    headers: requestHeaders
  },
  {
    name: "Valid, an email alias with + and @, a token with every punctuation it allows",
    input: {
      UserPoolId: "eu-west-3_Zz09",
      Username: "alice+tag@example.com",
      EventId: "evt+1-b_2",
      FeedbackToken: "eyJraWQiOi.J9-_x=A.b",
      FeedbackValue: "Valid"
    },
    body: "{\"UserPoolId\":\"eu-west-3_Zz09\",\"Username\":\"alice+tag@example.com\",\"EventId\":\"evt+1-b_2\","
      + "\"FeedbackToken\":\"eyJraWQiOi.J9-_x=A.b\",\"FeedbackValue\":\"Valid\"}",
    headers: requestHeaders
  },
  {
    name: "a Unicode username (letters, a combining mark, an astral symbol): sent as UTF-8, not escaped",
    input: {
      UserPoolId: "ap-northeast-1_Q1",
      Username: "Zoe\u0301-中文-😀",
      EventId: "e",
      FeedbackToken: "t",
      FeedbackValue: "Invalid"
    },
    body: "{\"UserPoolId\":\"ap-northeast-1_Q1\",\"Username\":\"Zoe\u0301-中文-😀\",\"EventId\":\"e\","
      + "\"FeedbackToken\":\"t\",\"FeedbackValue\":\"Invalid\"}",
    headers: requestHeaders
  },
  {
    name: "a username with the punctuation JSON escapes (quote, backslash) and what it does not (/ < > &)",
    input: {
      UserPoolId: "us-west-2_X",
      Username: "o\"brien\\</x>&",
      EventId: "E1",
      FeedbackToken: "T1",
      FeedbackValue: "Valid"
    },
    body: "{\"UserPoolId\":\"us-west-2_X\",\"Username\":\"o\\\"brien\\\\</x>&\",\"EventId\":\"E1\","
      + "\"FeedbackToken\":\"T1\",\"FeedbackValue\":\"Valid\"}",
    headers: requestHeaders
  },
  {
    name: "the user's sub as the username, a pool of the European Sovereign Cloud",
    input: {
      UserPoolId: "eusc-de-east-1_AbC123",
      Username: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      EventId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      FeedbackToken: "AAAA.BBBB.CCCC",
      FeedbackValue: "Invalid"
    },
    body: "{\"UserPoolId\":\"eusc-de-east-1_AbC123\",\"Username\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\","
      + "\"EventId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"FeedbackToken\":\"AAAA.BBBB.CCCC\","
      + "\"FeedbackValue\":\"Invalid\"}",
    headers: requestHeaders
  },
  {
    name: "every member at its longest: pool id 55, username 128 code points (256 UTF-16 units), event id 50",
    input: {
      UserPoolId: "us-gov-west-1_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmno",
      Username: "😀".repeat(128),
      EventId: "e".repeat(50),
      FeedbackToken: "T".repeat(4096),
      FeedbackValue: "Valid"
    },
    body: "{\"UserPoolId\":\"us-gov-west-1_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmno\",\"Username\":\""
      + "😀".repeat(128) + "\",\"EventId\":\"" + "e".repeat(50) + "\",\"FeedbackToken\":\"" + "T".repeat(4096)
      + "\",\"FeedbackValue\":\"Valid\"}",
    headers: requestHeaders
  }
]

const validInput = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: "alice",
  EventId: "c3f1a2b4",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
} as const

const without = (member: keyof typeof validInput): Readonly<Record<string, unknown>> =>
  Object.fromEntries(Object.entries(validInput).filter(([name]) => name !== member))

/**
 * Inputs that break one rule of one member (the model's: botocore's `UserPoolIdType` 1..55
 * `[\w-]+_[0-9a-zA-Z]+`, `UsernameType` 1..128 `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`, `EventIdType`
 * 1..50 `[\w+-]+`, `TokenModelType` `[A-Za-z0-9-_=.]+`, `FeedbackValueType` `Valid | Invalid`, all
 * five required): each is refused before anything is sent, with an error that names `member`.
 *
 * @since 0.1.0
 * @category cases
 */
export const invalidRequestCases: ReadonlyArray<InvalidRequestCase> = [
  { name: "no UserPoolId", input: without("UserPoolId"), member: "UserPoolId", rule: "required" },
  { name: "an empty UserPoolId", input: { ...validInput, UserPoolId: "" }, member: "UserPoolId", rule: "length" },
  {
    name: "a UserPoolId without its _id part",
    input: { ...validInput, UserPoolId: "us-east-1" },
    member: "UserPoolId",
    rule: "pattern"
  },
  {
    name: "a UserPoolId of 56 characters",
    input: { ...validInput, UserPoolId: "us-east-1_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrst" },
    member: "UserPoolId",
    rule: "length"
  },
  {
    name: "a UserPoolId with a space",
    input: { ...validInput, UserPoolId: "us-east-1_Ab Cd" },
    member: "UserPoolId",
    rule: "pattern"
  },
  { name: "no Username", input: without("Username"), member: "Username", rule: "required" },
  { name: "an empty Username", input: { ...validInput, Username: "" }, member: "Username", rule: "length" },
  {
    name: "a Username with a space (a separator is no letter, mark, symbol, number or punctuation)",
    input: { ...validInput, Username: "alice smith" },
    member: "Username",
    rule: "pattern"
  },
  {
    name: "a Username with a newline",
    input: { ...validInput, Username: "alice\nbob" },
    member: "Username",
    rule: "pattern"
  },
  {
    name: "a Username of 129 characters",
    input: { ...validInput, Username: "a".repeat(129) },
    member: "Username",
    rule: "length"
  },
  { name: "a Username that is a number", input: { ...validInput, Username: 42 }, member: "Username", rule: "type" },
  { name: "no EventId", input: without("EventId"), member: "EventId", rule: "required" },
  { name: "an EventId with a dot", input: { ...validInput, EventId: "evt.1" }, member: "EventId", rule: "pattern" },
  {
    name: "an EventId of 51 characters",
    input: { ...validInput, EventId: "e".repeat(51) },
    member: "EventId",
    rule: "length"
  },
  { name: "no FeedbackToken", input: without("FeedbackToken"), member: "FeedbackToken", rule: "required" },
  {
    name: "an empty FeedbackToken (the pattern needs one character)",
    input: { ...validInput, FeedbackToken: "" },
    member: "FeedbackToken",
    rule: "pattern"
  },
  {
    name: "a FeedbackToken with a slash and a plus (standard base64, not the token's alphabet)",
    input: { ...validInput, FeedbackToken: "tok/en+1" },
    member: "FeedbackToken",
    rule: "pattern"
  },
  { name: "no FeedbackValue", input: without("FeedbackValue"), member: "FeedbackValue", rule: "required" },
  {
    name: "FeedbackValue in lower case",
    input: { ...validInput, FeedbackValue: "valid" },
    member: "FeedbackValue",
    rule: "enum"
  },
  {
    name: "FeedbackValue of neither value",
    input: { ...validInput, FeedbackValue: "Maybe" },
    member: "FeedbackValue",
    rule: "enum"
  }
]

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/**
 * The moment at which the response cases are read, for `Retry-After` dates: Sun, 01 Nov 2026
 * 10:00:00 GMT, in milliseconds since the epoch.
 *
 * @since 0.1.0
 * @category cases
 */
export const readAtMillis = 1_793_527_200_000

const json = [["content-type", "application/x-amz-json-1.1"]] as const
const uri = "http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/"
const ok: Success = { _tag: "Success" }

const service = (
  tag: ServiceErrorTag,
  message: string,
  requestId: string | undefined,
  retry: RetryClass = "none",
  retryAfterMillis: number | undefined = undefined
): ServiceFailure => ({ _tag: tag, code: tag, message, requestId, retry, retryAfterMillis })

const unexpected = (
  status: number,
  code: string | undefined,
  message: string,
  requestId: string | undefined,
  retry: RetryClass,
  retryAfterMillis: number | undefined = undefined
): UnexpectedFailure => ({ _tag: "UnexpectedResponseError", status, code, message, requestId, retry, retryAfterMillis })

/**
 * Responses that are success, or look like it: the service's `{}`, an empty body (which a client
 * must also accept), members it does not know; and 2xx bodies that are not a JSON object.
 *
 * @since 0.1.0
 * @category cases
 */
export const successCases: ReadonlyArray<ResponseCase> = [
  {
    name: "200 {}: the service's success",
    status: 200,
    headers: [...json, ["x-amzn-requestid", "5c0a3d4e-1b2c-4d5e-8f90-a1b2c3d4e5f6"]],
    body: "{}",
    expected: ok
  },
  { name: "200 with an empty body", status: 200, headers: [["x-amzn-requestid", "r-empty"]], body: "", expected: ok },
  {
    name: "200 with members the model does not have",
    status: 200,
    headers: json,
    body: "{\"Extra\":[1,{\"__type\":\"NotAuthorizedException\"}],\"message\":\"ignored\"}",
    expected: ok
  },
  { name: "204 No Content", status: 204, headers: [], body: "", expected: ok },
  {
    name: "200 {} with an error type header: a 2xx reads no header",
    status: 200,
    headers: [...json, ["x-amzn-errortype", "NotAuthorizedException"]],
    body: "{}",
    expected: ok
  },
  {
    // ours: blank is empty; the SDK parses it as JSON and fails
    name: "200 with a body of white space",
    status: 200,
    headers: json,
    body: " \r\n",
    expected: ok,
    sdk: { name: "SyntaxError" }
  },
  {
    // the SDK takes any JSON for the empty output; ours wants an object
    name: "200 with a JSON array",
    status: 200,
    headers: [...json, ["x-amzn-requestid", "r-array"]],
    body: "[]",
    expected: unexpected(200, undefined, "HTTP 200 with a JSON body that is not an object", "r-array", "none"),
    sdk: { success: true }
  },
  {
    name: "200 with JSON cut short",
    status: 200,
    headers: json,
    body: "{\"truncated\":",
    expected: unexpected(200, undefined, "HTTP 200 with a body that is not JSON", undefined, "none"),
    sdk: { name: "SyntaxError" }
  },
  {
    name: "200 with a captive portal's HTML",
    status: 200,
    headers: [["content-type", "text/html; charset=utf-8"]],
    body: "<!DOCTYPE html><html><body><h1>Sign in to the Wi-Fi</h1></body></html>",
    expected: unexpected(200, undefined, "HTTP 200 with a body that is not JSON", undefined, "none"),
    sdk: { name: "SyntaxError" }
  }
]

/**
 * Each service exception as the live service answers it: HTTP 400 (500 for
 * `InternalErrorException`), `{"__type": code, "message": text}`, the request id in
 * `x-amzn-requestid`; and at the statuses the model's `httpError` traits name.
 *
 * @since 0.1.0
 * @category cases
 */
export const serviceErrorCases: ReadonlyArray<ResponseCase> = [
  {
    name: "InvalidParameterException, the service's validation message",
    status: 400,
    headers: [...json, ["x-amzn-requestid", "r-ipe"]],
    body: "{\"__type\":\"InvalidParameterException\",\"message\":\"1 validation error detected: Value at 'eventId' "
      + "failed to satisfy constraint: Member must satisfy regular expression pattern: [\\\\w+-]+\"}",
    expected: service(
      "InvalidParameterException",
      "1 validation error detected: Value at 'eventId' failed to satisfy constraint: Member must satisfy regular "
        + "expression pattern: [\\w+-]+",
      "r-ipe"
    )
  },
  {
    name: "InvalidParameterException with a reasonCode (the model's optional member)",
    status: 400,
    headers: [...json, ["x-amzn-requestid", "r-ipe-reason"]],
    body:
      "{\"__type\":\"InvalidParameterException\",\"message\":\"Invalid parameter\",\"reasonCode\":\"INVALID_FORMAT\"}",
    expected: {
      ...service("InvalidParameterException", "Invalid parameter", "r-ipe-reason"),
      reasonCode: "INVALID_FORMAT"
    }
  },
  {
    name: "ResourceNotFoundException",
    status: 400,
    headers: [...json, ["x-amzn-requestid", "r-rnf"]],
    body: "{\"__type\":\"ResourceNotFoundException\",\"message\":\"User pool us-east-1_AbCdEf123 does not exist.\"}",
    expected: service("ResourceNotFoundException", "User pool us-east-1_AbCdEf123 does not exist.", "r-rnf")
  },
  {
    name: "TooManyRequestsException: HTTP 400, the code only in the header, body {\"message\":\"Rate exceeded\"}",
    status: 400,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["x-amzn-requestid", "r-tmr"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", "r-tmr", "throttling")
  },
  {
    name: "NotAuthorizedException",
    status: 400,
    headers: [...json, ["x-amzn-requestid", "r-na"]],
    body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"Feedback token is not valid.\"}",
    expected: service("NotAuthorizedException", "Feedback token is not valid.", "r-na")
  },
  {
    name: "UserNotFoundException",
    status: 400,
    headers: [...json, ["x-amzn-requestid", "r-unf"]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}",
    expected: service("UserNotFoundException", "User does not exist.", "r-unf")
  },
  {
    name: "UserPoolAddOnNotEnabledException",
    status: 400,
    headers: [...json, ["x-amzn-requestid", "r-addon"]],
    body: "{\"__type\":\"UserPoolAddOnNotEnabledException\",\"message\":\"User pool add-on is not enabled.\"}",
    expected: service("UserPoolAddOnNotEnabledException", "User pool add-on is not enabled.", "r-addon")
  },
  {
    name: "OperationNotEnabledException (a replica region)",
    status: 400,
    headers: [...json, ["x-amzn-requestid", "r-one"]],
    body: "{\"__type\":\"OperationNotEnabledException\",\"message\":\"Operation is not enabled in this region.\"}",
    expected: service("OperationNotEnabledException", "Operation is not enabled in this region.", "r-one")
  },
  {
    name: "InternalErrorException, HTTP 500",
    status: 500,
    headers: [...json, ["x-amzn-requestid", "r-ie"]],
    body: "{\"__type\":\"InternalErrorException\",\"message\":\"Internal server error.\"}",
    expected: service("InternalErrorException", "Internal server error.", "r-ie", "transient")
  },
  {
    name: "NotAuthorizedException at the model's 403",
    status: 403,
    headers: json,
    body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"m\"}",
    expected: service("NotAuthorizedException", "m", undefined)
  },
  {
    name: "UserNotFoundException at the model's 404",
    status: 404,
    headers: json,
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", undefined)
  },
  {
    name: "TooManyRequestsException at the model's 429",
    status: 429,
    headers: json,
    body: "{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling")
  },
  {
    name: "TooManyRequestsException at 500: the code says throttling",
    status: 500,
    headers: json,
    body: "{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling")
  },
  {
    name: "InternalErrorException at 503",
    status: 503,
    headers: json,
    body: "{\"__type\":\"InternalErrorException\",\"message\":\"m\"}",
    expected: service("InternalErrorException", "m", undefined, "transient")
  },
  {
    // ours: classified by the code, never the status (facts sheet); the SDK: 400 and an unknown-to-it name, none
    name: "InternalErrorException at 400: transient by its code",
    status: 400,
    headers: json,
    body: "{\"__type\":\"InternalErrorException\",\"message\":\"m\"}",
    expected: service("InternalErrorException", "m", undefined, "transient"),
    sdk: { retry: "none" }
  },
  {
    // ours: by the code; the SDK: any 429 is throttling
    name: "NotAuthorizedException at 429: never retried, whatever the status",
    status: 429,
    headers: json,
    body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"m\"}",
    expected: service("NotAuthorizedException", "m", undefined, "none"),
    sdk: { retry: "throttling" }
  },
  {
    // ours: a transient code stays transient; the SDK: any 429 is throttling
    name: "InternalErrorException at 429: transient by its code",
    status: 429,
    headers: json,
    body: "{\"__type\":\"InternalErrorException\",\"message\":\"m\"}",
    expected: service("InternalErrorException", "m", undefined, "transient"),
    sdk: { retry: "throttling" }
  }
]

/**
 * The error code in every place and form AWS JSON 1.1 allows (Smithy's rules and compliance
 * tests): the `X-Amzn-Errortype` header (any case), then a body member `code` (any case), then
 * `__type`; a URI suffix after `:`, a namespace before `#` (`aws#`, `aws.cognito#`,
 * `com.amazonaws.cognito#`, the Java model's package). Empty codes are skipped; a nested `__type`
 * is not the code.
 *
 * @since 0.1.0
 * @category cases
 */
export const errorCodeFormCases: ReadonlyArray<ResponseCase> = [
  {
    // the SDK's exceptions replace a missing message with "UnknownError"; ours says code and status
    name: "the header only, an empty body",
    status: 400,
    headers: [["x-amzn-errortype", "NotAuthorizedException"], ["x-amzn-requestid", "r-h"]],
    body: "",
    expected: service("NotAuthorizedException", "NotAuthorizedException (HTTP 400)", "r-h"),
    sdk: { message: "UnknownError" }
  },
  {
    name: "the header in odd case with a URI suffix",
    status: 400,
    headers: [["X-Amzn-ErrorType", `UserNotFoundException:${uri}`]],
    body: "{\"message\":\"User does not exist.\"}",
    expected: service("UserNotFoundException", "User does not exist.", undefined)
  },
  {
    name: "the header in capitals with a namespace and a URI suffix",
    status: 400,
    headers: [["X-AMZN-ERRORTYPE", `aws.cognito#ResourceNotFoundException:${uri}`]],
    body: "{\"Message\":\"No such event.\"}",
    expected: service("ResourceNotFoundException", "No such event.", undefined)
  },
  {
    name: "the header with an aws# prefix",
    status: 400,
    headers: [["x-amzn-errortype", "aws#TooManyRequestsException"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling")
  },
  {
    // ours: the header is enough; the SDK fails to parse the body first
    name: "the header with an HTML body",
    status: 400,
    headers: [["x-amzn-errortype", "NotAuthorizedException"], ["content-type", "text/html"]],
    body: "<html><body>Bad request</body></html>",
    expected: service("NotAuthorizedException", "NotAuthorizedException (HTTP 400)", undefined),
    sdk: { name: "SyntaxError" }
  },
  {
    name: "code",
    status: 400,
    headers: [],
    body: "{\"code\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}",
    expected: service("UserNotFoundException", "User does not exist.", undefined)
  },
  {
    name: "Code with Message",
    status: 400,
    headers: [],
    body: "{\"Code\":\"InvalidParameterException\",\"Message\":\"Invalid EventId.\"}",
    expected: service("InvalidParameterException", "Invalid EventId.", undefined)
  },
  {
    name: "CODE in capitals",
    status: 400,
    headers: [],
    body: "{\"CODE\":\"NotAuthorizedException\",\"message\":\"m\"}",
    expected: service("NotAuthorizedException", "m", undefined)
  },
  {
    name: "__type with the Java model's namespace",
    status: 400,
    headers: json,
    body: "{\"__type\":\"com.amazonaws.cognito.identity.idp.model#NotAuthorizedException\",\"message\":\"m\"}",
    expected: service("NotAuthorizedException", "m", undefined)
  },
  {
    name: "__type with the com.amazonaws.cognito# namespace",
    status: 400,
    headers: json,
    body: "{\"__type\":\"com.amazonaws.cognito#UserPoolAddOnNotEnabledException\",\"message\":\"m\"}",
    expected: service("UserPoolAddOnNotEnabledException", "m", undefined)
  },
  {
    name: "__type with an aws# prefix",
    status: 400,
    headers: json,
    body: "{\"__type\":\"aws#OperationNotEnabledException\",\"message\":\"m\"}",
    expected: service("OperationNotEnabledException", "m", undefined)
  },
  {
    name: "__type with a namespace and a URI suffix",
    status: 500,
    headers: json,
    body: `{"__type":"aws.cognito#InternalErrorException:${uri}","message":"m"}`,
    expected: service("InternalErrorException", "m", undefined, "transient")
  },
  {
    name: "__type with a URI suffix",
    status: 400,
    headers: json,
    body: `{"__type":"TooManyRequestsException:${uri}","message":"Rate exceeded"}`,
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling")
  },
  {
    // Smithy's order (and the facts sheet's): the header, then `code`, then `__type`. The SDK's
    // JSON-RPC reader (`loadJsonRpcErrorCode`) looks the other way round: `__type` first
    name: "header and body disagree: the header wins",
    status: 400,
    headers: [["x-amzn-errortype", "UserNotFoundException"]],
    body: "{\"__type\":\"NotAuthorizedException\",\"code\":\"NotAuthorizedException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", undefined),
    sdk: { name: "NotAuthorizedException" }
  },
  {
    // as above: the SDK's JSON-RPC reader takes `__type` before `code`
    name: "code and __type disagree: code wins",
    status: 400,
    headers: [],
    body: "{\"__type\":\"NotAuthorizedException\",\"code\":\"ResourceNotFoundException\",\"message\":\"m\"}",
    expected: service("ResourceNotFoundException", "m", undefined),
    sdk: { name: "NotAuthorizedException" }
  },
  {
    name: "an empty header is skipped",
    status: 400,
    headers: [["x-amzn-errortype", ""]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", undefined)
  },
  {
    name: "a header that is only a URI suffix is skipped",
    status: 400,
    headers: [["x-amzn-errortype", `:${uri}`]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", undefined)
  },
  {
    name: "a code that is not a string is skipped",
    status: 400,
    headers: [],
    body: "{\"code\":5,\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", undefined)
  },
  {
    name: "a nested __type beside the top-level one (Smithy's AwsJson11FooErrorWithNestedTypeProperty)",
    status: 400,
    headers: json,
    body: "{\"__type\":\"aws.protocoltests.json#NotAuthorizedException\",\"ErrorDetails\":[{\"__type\":"
      + "\"com.amazon.internal#ErrorDetails\",\"reason\":\"Some reason\"}],\"message\":\"m\"}",
    expected: service("NotAuthorizedException", "m", undefined)
  },
  {
    name: "only a nested __type: no code",
    status: 400,
    headers: json,
    body: "{\"error\":{\"__type\":\"NotAuthorizedException\",\"message\":\"m\"}}",
    expected: unexpected(400, undefined, "HTTP 400 with a JSON body and no error code", undefined, "none"),
    sdk: { name: "Unknown", message: "UnknownError" }
  },
  {
    // Smithy: "the last part of the string after '#'"; the SDK keeps the part after the first
    name: "two namespaces: the last part after # is the code",
    status: 400,
    headers: [["x-amzn-errortype", "a.b#c.d#NotAuthorizedException"]],
    body: "{\"message\":\"m\"}",
    expected: service("NotAuthorizedException", "m", undefined),
    sdk: { name: "c.d" }
  }
]

/**
 * The message in every form: `message`, else `Message` (string values only); what has neither
 * (`errorMessage` is not AWS JSON's); empty; with terminal escapes and controls (removed, or made
 * spaces); huge (cut to 1024 characters); echoing the call's secrets (redacted).
 *
 * @since 0.1.0
 * @category cases
 */
export const messageCases: ReadonlyArray<ResponseCase> = [
  {
    name: "message and Message: message wins",
    status: 400,
    headers: [],
    body: "{\"__type\":\"NotAuthorizedException\",\"Message\":\"the other one\",\"message\":\"m\"}",
    expected: service("NotAuthorizedException", "m", undefined)
  },
  {
    // neither reads errorMessage: the SDK says "UnknownError", ours code and status
    name: "errorMessage only: no message",
    status: 400,
    headers: [],
    body: "{\"__type\":\"NotAuthorizedException\",\"errorMessage\":\"e\"}",
    expected: service("NotAuthorizedException", "NotAuthorizedException (HTTP 400)", undefined),
    sdk: { message: "UnknownError" }
  },
  {
    // ours: string values only; the SDK takes `message` whatever it is
    name: "a message that is a number, and a Message",
    status: 400,
    headers: [],
    body: "{\"__type\":\"NotAuthorizedException\",\"message\":5,\"Message\":\"M\"}",
    expected: service("NotAuthorizedException", "M", undefined),
    sdk: { message: "5" }
  },
  {
    name: "an empty message is kept empty",
    status: 400,
    headers: [],
    body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"\"}",
    expected: service("NotAuthorizedException", "", undefined),
    sdk: { message: "UnknownError" }
  },
  {
    name: "colours, a newline, a tab and a bidi override",
    status: 400,
    headers: [],
    body:
      "{\"__type\":\"NotAuthorizedException\",\"message\":\"Invalid\\u001b[31m token\\u001b[0m\\nfor\\tevent\\u202e\"}",
    expected: service("NotAuthorizedException", "Invalid token for event ", undefined),
    sdk: { message: "Invalid\u001b[31m token\u001b[0m\nfor\tevent\u202e" }
  },
  {
    name: "a window title and a hyperlink (OSC sequences) go whole",
    status: 400,
    headers: [],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"a\\u001b]0;owned\\u0007b\\u001b]8;;http://evil.example"
      + "\\u001b\\\\link\\u001b]8;;\\u001b\\\\\"}",
    expected: service("UserNotFoundException", "ablink", undefined),
    sdk: { message: "a\u001b]0;owned\u0007b\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\" }
  },
  {
    name: "an 8-bit CSI, DEL and NUL",
    status: 400,
    headers: [],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"x\\u009b2Jy\\u007fz\\u0000!\"}",
    expected: service("UserNotFoundException", "xy z !", undefined),
    sdk: { message: "x\u009b2Jy\u007fz\u0000!" }
  },
  {
    name: "a message of 5000 characters is cut to 1024, ending in …",
    status: 400,
    headers: [],
    body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"" + "A".repeat(5000) + "\"}",
    expected: service("NotAuthorizedException", "A".repeat(1023) + "…", undefined),
    sdk: { message: "A".repeat(5000) }
  },
  {
    name: "the call's secrets echoed as is and URL-encoded are redacted, in the message and the request id",
    status: 400,
    headers: [["x-amzn-requestid", "req-tok.valid-1"]],
    body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"No user alice%40example.com; token tok.valid-1 "
      + "rejected\"}",
    secrets: ["alice@example.com", "tok.valid-1"],
    expected: service("NotAuthorizedException", "No user <redacted>; token <redacted> rejected", "req-<redacted>"),
    sdk: { message: "No user alice%40example.com; token tok.valid-1 rejected", requestId: "req-tok.valid-1" }
  }
]

/**
 * The request id in each header the AWS SDKs read (`x-amzn-requestid`, `x-amzn-request-id`,
 * `x-amz-request-id`, in that order), in any case, repeated, empty, too long.
 *
 * @since 0.1.0
 * @category cases
 */
export const requestIdCases: ReadonlyArray<ResponseCase> = [
  {
    name: "X-Amzn-RequestId in mixed case",
    status: 400,
    headers: [["X-Amzn-RequestId", "b6f0c3a1-0000-4000-8000-000000000002"]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", "b6f0c3a1-0000-4000-8000-000000000002")
  },
  {
    name: "x-amz-request-id only",
    status: 400,
    headers: [["x-amz-request-id", "r-amz"]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", "r-amz")
  },
  {
    name: "x-amzn-request-id only",
    status: 400,
    headers: [["x-amzn-request-id", "r-amzn-dash"]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", "r-amzn-dash")
  },
  {
    name: "all three: x-amzn-requestid wins",
    status: 400,
    headers: [["x-amz-request-id", "c"], ["x-amzn-request-id", "b"], ["x-amzn-requestid", "a"]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", "a")
  },
  {
    // ours skips an empty value; the SDK keeps ""
    name: "an empty x-amzn-requestid is skipped",
    status: 400,
    headers: [["x-amzn-requestid", ""], ["x-amz-request-id", "c"]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", "c"),
    sdk: { requestId: "" }
  },
  {
    name: "x-amzn-requestid twice: the values joined, as every transport joins them",
    status: 400,
    headers: [["x-amzn-requestid", "a"], ["x-amzn-requestid", "b"]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", "a, b")
  },
  {
    name: "a request id of 300 characters is cut to 256",
    status: 400,
    headers: [["x-amzn-requestid", "r".repeat(300)]],
    body: "{\"__type\":\"UserNotFoundException\",\"message\":\"m\"}",
    expected: service("UserNotFoundException", "m", "r".repeat(255) + "…"),
    sdk: { requestId: "r".repeat(300) }
  },
  {
    name: "a request id on an error with no code",
    status: 500,
    headers: [["x-amzn-requestid", "r-500"]],
    body: "",
    expected: unexpected(500, undefined, "HTTP 500 with an empty body and no error code", "r-500", "transient"),
    sdk: { name: "Unknown", message: "UnknownError" }
  }
]

/**
 * The server's retry hint (read at `readAtMillis`): `x-amz-retry-after` in milliseconds, else
 * `Retry-After` in whole seconds or as an IMF-fixdate (RFC 9110); garbage, fractions and past dates
 * give none.
 *
 * @since 0.1.0
 * @category cases
 */
export const retryHintCases: ReadonlyArray<ResponseCase> = [
  {
    name: "429 with Retry-After in seconds",
    status: 429,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["Retry-After", "2"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", 2000)
  },
  {
    name: "400 with x-amz-retry-after in milliseconds",
    status: 400,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["x-amz-retry-after", "1500"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", 1500)
  },
  {
    name: "Retry-After as an HTTP date 30 s on",
    status: 429,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["retry-after", "Sun, 01 Nov 2026 10:00:30 GMT"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", 30_000)
  },
  {
    name: "RETRY-AFTER in capitals",
    status: 429,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["RETRY-AFTER", "3"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", 3000)
  },
  {
    // ours: a date in the past is no hint; the SDK gives a negative delay
    name: "Retry-After as a date in the past: no hint",
    status: 429,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["retry-after", "Sun, 01 Nov 2026 09:59:00 GMT"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", undefined),
    sdk: { retryAfterMillis: -60_000 }
  },
  {
    // RFC 9110's delay-seconds is whole; the SDK also takes a fraction
    name: "Retry-After with a fraction: no hint",
    status: 429,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["retry-after", "1.5"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", undefined),
    sdk: { retryAfterMillis: 1500 }
  },
  {
    name: "Retry-After that is neither form: no hint",
    status: 429,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["retry-after", "soon"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", undefined)
  },
  {
    name: "both headers, x-amz-retry-after first: it wins",
    status: 429,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["x-amz-retry-after", "1500"], ["retry-after", "9"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", 1500)
  },
  {
    // ours: x-amz-retry-after always wins; the SDK takes whichever header comes first
    name: "both headers, Retry-After first: x-amz-retry-after still wins",
    status: 429,
    headers: [["x-amzn-errortype", "TooManyRequestsException"], ["retry-after", "9"], ["x-amz-retry-after", "1500"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: service("TooManyRequestsException", "Rate exceeded", undefined, "throttling", 1500),
    sdk: { retryAfterMillis: 9000 }
  },
  {
    name: "503 with no code and Retry-After: 120",
    status: 503,
    headers: [["retry-after", "120"], ["x-amzn-requestid", "r-503"]],
    body: "",
    expected: unexpected(
      503,
      undefined,
      "HTTP 503 with an empty body and no error code",
      "r-503",
      "transient",
      120_000
    ),
    sdk: { name: "Unknown", message: "UnknownError" }
  }
]

/**
 * Responses that name no code, or one the operation does not return: from load balancers, proxies
 * and firewalls (HTML, plain text, empty), JSON that is not an object, other services' codes. Each
 * becomes an `UnexpectedResponseError` keeping status, code and request id, classified as the AWS
 * SDKs do: a known throttling or transient code, else 429 throttling, 500/502/503/504 transient.
 *
 * @since 0.1.0
 * @category cases
 */
export const unexpectedCases: ReadonlyArray<ResponseCase> = [
  {
    name: "500 with an empty body",
    status: 500,
    headers: [],
    body: "",
    expected: unexpected(500, undefined, "HTTP 500 with an empty body and no error code", undefined, "transient"),
    sdk: { name: "Unknown", message: "UnknownError" }
  },
  {
    name: "502 from a load balancer, HTML",
    status: 502,
    headers: [["content-type", "text/html"], ["server", "awselb/2.0"]],
    body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>"
      + "\r\n</body>\r\n</html>\r\n",
    expected: unexpected(
      502,
      undefined,
      "HTTP 502 with a body that is not JSON and no error code",
      undefined,
      "transient"
    ),
    sdk: { name: "SyntaxError" }
  },
  {
    name: "503 in plain text",
    status: 503,
    headers: [["content-type", "text/plain"]],
    body: "Service Unavailable",
    expected: unexpected(
      503,
      undefined,
      "HTTP 503 with a body that is not JSON and no error code",
      undefined,
      "transient"
    ),
    sdk: { name: "SyntaxError" }
  },
  {
    name: "504 from a gateway, empty",
    status: 504,
    headers: [["via", "1.1 proxy.example"]],
    body: "",
    expected: unexpected(504, undefined, "HTTP 504 with an empty body and no error code", undefined, "transient"),
    sdk: { name: "Unknown", message: "UnknownError" }
  },
  {
    name: "501, empty: no retry",
    status: 501,
    headers: [],
    body: "",
    expected: unexpected(501, undefined, "HTTP 501 with an empty body and no error code", undefined, "none"),
    sdk: { name: "Unknown", message: "UnknownError" }
  },
  {
    name: "429 without a code, {\"message\":\"Rate exceeded\"}",
    status: 429,
    headers: [],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: unexpected(429, undefined, "HTTP 429 with a JSON body and no error code", undefined, "throttling"),
    sdk: { name: "Unknown", message: "Rate exceeded" }
  },
  {
    name: "429 with an empty body",
    status: 429,
    headers: [["retry-after", "1"]],
    body: "",
    expected: unexpected(
      429,
      undefined,
      "HTTP 429 with an empty body and no error code",
      undefined,
      "throttling",
      1000
    ),
    sdk: { name: "Unknown", message: "UnknownError" }
  },
  {
    name: "403 from a web application firewall, HTML",
    status: 403,
    headers: [["content-type", "text/html"], ["x-amz-cf-id", "cf-1"]],
    body: "<!DOCTYPE HTML><HTML><BODY><H1>403 ERROR</H1><H2>The request could not be satisfied.</H2></BODY></HTML>",
    expected: unexpected(403, undefined, "HTTP 403 with a body that is not JSON and no error code", undefined, "none"),
    sdk: { name: "SyntaxError" }
  },
  {
    name: "400 with a body of white space",
    status: 400,
    headers: [],
    body: "  \n",
    expected: unexpected(400, undefined, "HTTP 400 with an empty body and no error code", undefined, "none"),
    sdk: { name: "SyntaxError" }
  },
  {
    name: "400 with JSON null",
    status: 400,
    headers: [],
    body: "null",
    expected: unexpected(
      400,
      undefined,
      "HTTP 400 with a JSON body that is not an object and no error code",
      undefined,
      "none"
    ),
    sdk: { name: "Unknown", message: "UnknownError" }
  },
  {
    name: "400 with a JSON string that is a code",
    status: 400,
    headers: [],
    body: "\"NotAuthorizedException\"",
    expected: unexpected(
      400,
      undefined,
      "HTTP 400 with a JSON body that is not an object and no error code",
      undefined,
      "none"
    ),
    sdk: { name: "Unknown", message: "UnknownError" }
  },
  {
    name: "SerializationException (a protocol error of the service)",
    status: 400,
    headers: [["x-amzn-errortype", "SerializationException"], ["x-amzn-requestid", "r-ser"]],
    body: "{\"Message\":\"Start of structure or map found where not expected.\"}",
    expected: unexpected(
      400,
      "SerializationException",
      "HTTP 400 with error code SerializationException that UpdateAuthEventFeedback does not return",
      "r-ser",
      "none"
    ),
    sdk: { message: "Start of structure or map found where not expected." }
  },
  {
    name: "UnrecognizedClientException in __type with a namespace",
    status: 400,
    headers: json,
    body: "{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\",\"message\":\"m\"}",
    expected: unexpected(
      400,
      "UnrecognizedClientException",
      "HTTP 400 with error code UnrecognizedClientException that UpdateAuthEventFeedback does not return",
      undefined,
      "none"
    ),
    sdk: { message: "m" }
  },
  {
    name: "a code of another Cognito operation (UsernameExistsException)",
    status: 400,
    headers: json,
    body: "{\"__type\":\"UsernameExistsException\",\"message\":\"m\"}",
    expected: unexpected(
      400,
      "UsernameExistsException",
      "HTTP 400 with error code UsernameExistsException that UpdateAuthEventFeedback does not return",
      undefined,
      "none"
    ),
    sdk: { message: "m" }
  },
  {
    name: "ThrottlingException at 400: throttling by its code",
    status: 400,
    headers: [["x-amzn-errortype", "ThrottlingException"]],
    body: "{\"message\":\"Rate exceeded\"}",
    expected: unexpected(
      400,
      "ThrottlingException",
      "HTTP 400 with error code ThrottlingException that UpdateAuthEventFeedback does not return",
      undefined,
      "throttling"
    ),
    sdk: { message: "Rate exceeded" }
  },
  {
    name: "InternalFailure at 500",
    status: 500,
    headers: [["x-amzn-errortype", "InternalFailure"]],
    body: "{\"message\":\"An internal error occurred.\"}",
    expected: unexpected(
      500,
      "InternalFailure",
      "HTTP 500 with error code InternalFailure that UpdateAuthEventFeedback does not return",
      undefined,
      "transient"
    ),
    sdk: { message: "An internal error occurred." }
  },
  {
    name: "ServiceUnavailable at 503",
    status: 503,
    headers: [["x-amzn-errortype", "ServiceUnavailable"]],
    body: "{\"message\":\"Service unavailable\"}",
    expected: unexpected(
      503,
      "ServiceUnavailable",
      "HTTP 503 with error code ServiceUnavailable that UpdateAuthEventFeedback does not return",
      undefined,
      "transient"
    ),
    sdk: { message: "Service unavailable" }
  },
  {
    name: "RequestTimeoutException at 408: transient by its code",
    status: 408,
    headers: [["x-amzn-errortype", "RequestTimeoutException"]],
    body: "",
    expected: unexpected(
      408,
      "RequestTimeoutException",
      "HTTP 408 with error code RequestTimeoutException that UpdateAuthEventFeedback does not return",
      undefined,
      "transient"
    ),
    sdk: { message: "UnknownError" }
  },
  {
    // ours: a transient code wins over the status; the SDK: any 429 is throttling
    name: "TimeoutError at 429: transient by its code",
    status: 429,
    headers: [["x-amzn-errortype", "TimeoutError"]],
    body: "",
    expected: unexpected(
      429,
      "TimeoutError",
      "HTTP 429 with error code TimeoutError that UpdateAuthEventFeedback does not return",
      undefined,
      "transient"
    ),
    sdk: { message: "UnknownError", retry: "throttling" }
  },
  {
    name: "AccessDeniedException at 400 (a clock-skew code to the SDK, not retried uncorrected)",
    status: 400,
    headers: [["x-amzn-errortype", "AccessDeniedException"]],
    body: "{\"message\":\"m\"}",
    expected: unexpected(
      400,
      "AccessDeniedException",
      "HTTP 400 with error code AccessDeniedException that UpdateAuthEventFeedback does not return",
      undefined,
      "none"
    ),
    sdk: { message: "m" }
  },
  {
    name: "a code that is no identifier is kept but not named in the message",
    status: 400,
    headers: [["x-amzn-errortype", "Not a code <script>"]],
    body: "",
    expected: unexpected(
      400,
      "Not a code <script>",
      "HTTP 400 with an error code that UpdateAuthEventFeedback does not return",
      undefined,
      "none"
    ),
    sdk: { message: "UnknownError" }
  },
  {
    name: "a code with a terminal escape is kept without it",
    status: 400,
    headers: [],
    body: "{\"__type\":\"Evil\\u001b[2JCode\",\"message\":\"m\"}",
    expected: unexpected(
      400,
      "EvilCode",
      "HTTP 400 with error code EvilCode that UpdateAuthEventFeedback does not return",
      undefined,
      "none"
    ),
    sdk: { name: "Evil\u001b[2JCode", message: "m" }
  },
  {
    // every transport joins a repeated header with ", "; ours keeps the whole, which is no code of
    // the operation; the SDK keeps what comes before the comma
    name: "x-amzn-errortype twice: no code of the operation",
    status: 400,
    headers: [["x-amzn-errortype", "NotAuthorizedException"], ["x-amzn-errortype", "UserNotFoundException"]],
    body: "{\"message\":\"m\"}",
    expected: unexpected(
      400,
      "NotAuthorizedException, UserNotFoundException",
      "HTTP 400 with an error code that UpdateAuthEventFeedback does not return",
      undefined,
      "none"
    ),
    sdk: { name: "NotAuthorizedException", message: "m" }
  }
]

/**
 * Bodies that are not valid UTF-8, as bytes: they reach a decoder as UTF-8 read with replacement
 * characters (one U+FFFD per maximal invalid subsequence), as `TextDecoder` and Node's `Buffer`
 * read them.
 *
 * @since 0.1.0
 * @category cases
 */
export const byteCases: ReadonlyArray<ResponseCase> = [
  {
    name: "a message with bytes that are not UTF-8 (FF, FE, a cut-short E2 82)",
    status: 400,
    headers: json,
    // {"__type":"NotAuthorizedException","message":"bad <FF FE E2 82> end"}
    body: [
      ...[123, 34, 95, 95, 116, 121, 112, 101, 34, 58, 34, 78, 111, 116, 65, 117, 116, 104, 111, 114, 105, 122, 101],
      ...[100, 69, 120, 99, 101, 112, 116, 105, 111, 110, 34, 44, 34, 109, 101, 115, 115, 97, 103, 101, 34, 58, 34],
      ...[98, 97, 100, 32, 0xff, 0xfe, 0xe2, 0x82, 32, 101, 110, 100, 34, 125]
    ],
    expected: service("NotAuthorizedException", "bad \ufffd\ufffd\ufffd end", undefined)
  },
  {
    name: "502 with Latin-1 HTML",
    status: 502,
    headers: [["content-type", "text/html; charset=iso-8859-1"]],
    // <p>Erreur: passerelle indisponible (réseau)</p>, é as Latin-1 E9
    body: [
      ...[60, 112, 62, 69, 114, 114, 101, 117, 114, 58, 32, 112, 97, 115, 115, 101, 114, 101, 108, 108, 101, 32],
      ...[105, 110, 100, 105, 115, 112, 111, 110, 105, 98, 108, 101, 32, 40, 114, 0xe9, 115, 101, 97, 117, 41],
      ...[60, 47, 112, 62]
    ],
    expected: unexpected(
      502,
      undefined,
      "HTTP 502 with a body that is not JSON and no error code",
      undefined,
      "transient"
    ),
    sdk: { name: "SyntaxError" }
  },
  {
    name: "500 with binary bytes (a gzip header without content-encoding)",
    status: 500,
    headers: [],
    body: [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0x00],
    expected: unexpected(
      500,
      undefined,
      "HTTP 500 with a body that is not JSON and no error code",
      undefined,
      "transient"
    ),
    sdk: { name: "SyntaxError" }
  }
]

/**
 * Every response case: success, the service's exceptions, every code form, message form, request
 * id and retry hint, the unexpected responses and the byte bodies.
 *
 * @since 0.1.0
 * @category cases
 */
export const responseCases: ReadonlyArray<ResponseCase> = [
  ...successCases,
  ...serviceErrorCases,
  ...errorCodeFormCases,
  ...messageCases,
  ...requestIdCases,
  ...retryHintCases,
  ...unexpectedCases,
  ...byteCases
]

/**
 * A response case's headers as every transport hands them over: names in lower case, a repeated
 * header's values joined with `", "` in the order sent (as the Fetch standard's `Headers` and
 * Node's `IncomingMessage` do for these headers).
 *
 * @since 0.1.0
 * @category cases
 */
export const foldHeaders = (headers: ReadonlyArray<readonly [string, string]>): Readonly<Record<string, string>> => {
  const folded: Record<string, string> = {}
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    folded[key] = key in folded ? `${folded[key]}, ${value}` : value
  }
  return folded
}

// ---------------------------------------------------------------------------------------------
// The feedback page
// ---------------------------------------------------------------------------------------------

const says = {
  recordedValid: "You confirmed that this sign-in was you",
  recordedInvalid: "We recorded that this sign-in was not you",
  linkNotUsable: "This link no longer works",
  linkUnknown: "We could not find this sign-in",
  malformedLink: "This link is incomplete",
  throttled: "Too many requests right now",
  unavailable: "The service is not available at the moment",
  failed: "Something went wrong"
} as const

const failure = (
  name: string,
  error: ErrorData,
  status: number,
  text: string,
  retryAfter: string | undefined = undefined
): PageCase => ({ name, feedback: "Invalid", outcome: { _tag: "Failure", error }, status, retryAfter, says: text })

/**
 * What the feedback page answers to the button's `POST` for each way the call ends (the design's
 * outcome pages): 200 once recorded; 403 for a token that no longer works; the same 404 for an
 * unknown user, event or pool (so the page tells none of them apart); 400 for a malformed link;
 * 503 with `Retry-After: 60` when throttled (a `TooManyRequestsException`, an unexpected 429, or an
 * unexpected throttling code)
 * after the client's retries; 503 when the service is unavailable or unreachable; 500 with a
 * generic page for the operator's configuration errors.
 *
 * @since 0.1.0
 * @category cases
 */
export const pageCases: ReadonlyArray<PageCase> = [
  {
    name: "recorded: Valid",
    feedback: "Valid",
    outcome: { _tag: "Success" },
    status: 200,
    retryAfter: undefined,
    says: says.recordedValid
  },
  {
    name: "recorded: Invalid",
    feedback: "Invalid",
    outcome: { _tag: "Success" },
    status: 200,
    retryAfter: undefined,
    says: says.recordedInvalid
  },
  failure(
    "NotAuthorizedException: the link no longer works",
    { _tag: "NotAuthorizedException", message: "Invalid token", requestId: "r-1" },
    403,
    says.linkNotUsable
  ),
  failure(
    "UserNotFoundException: unknown",
    { _tag: "UserNotFoundException", message: "User does not exist." },
    404,
    says.linkUnknown
  ),
  failure(
    "ResourceNotFoundException: the same unknown",
    { _tag: "ResourceNotFoundException", message: "No such pool" },
    404,
    says.linkUnknown
  ),
  failure(
    "InvalidParameterException from the service: malformed",
    { _tag: "InvalidParameterException", message: "Invalid EventId", reasonCode: "INVALID_FORMAT" },
    400,
    says.malformedLink
  ),
  failure(
    "InvalidParameterException refused locally: malformed",
    { _tag: "InvalidParameterException", message: "EventId: must match ^[\\w+-]+$", origin: "local" },
    400,
    says.malformedLink
  ),
  failure(
    "TooManyRequestsException: throttled, Retry-After 60",
    { _tag: "TooManyRequestsException", message: "Rate exceeded" },
    503,
    says.throttled,
    "60"
  ),
  failure(
    "UserPoolAddOnNotEnabledException: the operator's to fix, a generic page",
    { _tag: "UserPoolAddOnNotEnabledException", message: "Add-on not enabled" },
    500,
    says.failed
  ),
  failure(
    "OperationNotEnabledException: the operator's to fix, a generic page",
    { _tag: "OperationNotEnabledException", message: "Not enabled in this region" },
    500,
    says.failed
  ),
  failure(
    "InternalErrorException: unavailable",
    { _tag: "InternalErrorException", message: "Internal error" },
    503,
    says.unavailable
  ),
  failure(
    "TransportError Connect: unavailable",
    { _tag: "TransportError", reason: "Connect", message: "connect ECONNREFUSED" },
    503,
    says.unavailable
  ),
  failure(
    "TransportError Reset: unavailable",
    { _tag: "TransportError", reason: "Reset", message: "socket hang up" },
    503,
    says.unavailable
  ),
  failure(
    "TransportError Timeout: unavailable",
    { _tag: "TransportError", reason: "Timeout", message: "attempt timed out" },
    503,
    says.unavailable
  ),
  failure(
    "TransportError NotSent: unavailable",
    { _tag: "TransportError", reason: "NotSent", message: "request not sent" },
    503,
    says.unavailable
  ),
  failure(
    "TransportError Unknown: unavailable",
    { _tag: "TransportError", reason: "Unknown", message: "unknown" },
    503,
    says.unavailable
  ),
  failure(
    "an unexpected 429 with no code: throttled, Retry-After 60",
    { _tag: "UnexpectedResponseError", status: 429, message: "HTTP 429 with an empty body and no error code" },
    503,
    says.throttled,
    "60"
  ),
  failure(
    "an unexpected 502 from a load balancer: unavailable",
    {
      _tag: "UnexpectedResponseError",
      status: 502,
      message: "HTTP 502 with a body that is not JSON and no error code"
    },
    503,
    says.unavailable
  ),
  failure(
    "an unexpected 500 with an unknown code: unavailable",
    { _tag: "UnexpectedResponseError", status: 500, code: "InternalFailure", requestId: "r-2", message: "HTTP 500" },
    503,
    says.unavailable
  ),
  failure(
    "an unexpected 400 SerializationException: unavailable",
    { _tag: "UnexpectedResponseError", status: 400, code: "SerializationException", message: "HTTP 400" },
    503,
    says.unavailable
  ),
  failure(
    // throttling by its code, as the retry strategy reads it (the AWS SDKs' throttling codes)
    "an unexpected ThrottlingException at 400: throttled",
    { _tag: "UnexpectedResponseError", status: 400, code: "ThrottlingException", message: "HTTP 400" },
    503,
    says.throttled,
    "60"
  ),
  failure(
    "an unexpected 200 that is not JSON: unavailable",
    { _tag: "UnexpectedResponseError", status: 200, message: "HTTP 200 with a body that is not JSON" },
    503,
    says.unavailable
  )
]
