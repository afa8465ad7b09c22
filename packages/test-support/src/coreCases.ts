/**
 * The cases and generators of core's suites, without Effect: both editions' `packages/core/test`
 * run them, so each holds its schemas, errors and retrier to the same answers, in the same words.
 * What needs an edition (a `Redacted`, an error class) is passed in.
 */
import type { RetryClass } from "@cognito-feedback/protocol/ServiceError"
import * as fc from "fast-check"
import { createRequire } from "node:module"
import * as path from "node:path"
import { pathToFileURL } from "node:url"

// ---------------------------------------------------------------------------------------------
// CognitoError
// ---------------------------------------------------------------------------------------------

/** The Errors section of the UpdateAuthEventFeedback API page, written out: not read from any code. */
export const documentedCodes: ReadonlyArray<string> = [
  "InternalErrorException",
  "InvalidParameterException",
  "NotAuthorizedException",
  "ResourceNotFoundException",
  "TooManyRequestsException",
  "UserNotFoundException",
  "UserPoolAddOnNotEnabledException",
  "OperationNotEnabledException"
]

/** The service error codes in the order of the protocol's facts sheet, written out. */
export const serviceErrorCodesInOrder: ReadonlyArray<string> = [
  "InvalidParameterException",
  "ResourceNotFoundException",
  "TooManyRequestsException",
  "NotAuthorizedException",
  "UserNotFoundException",
  "UserPoolAddOnNotEnabledException",
  "OperationNotEnabledException",
  "InternalErrorException"
]

/** A documented code, or one a character off it (case, a space, one short, a namespace). */
export const nearCodes: fc.Arbitrary<string> = fc.constantFrom(...documentedCodes).chain((code) =>
  fc.constantFrom(code, code.toLowerCase(), `${code} `, code.slice(0, -1), `aws#${code}`)
)

/** What a code check must see as a code: near codes, and any string. */
export const candidateCodes: fc.Arbitrary<string> = fc.oneof(nearCodes, fc.string())

/** Object.prototype members, which a lookup table must not take for codes. */
export const prototypeKeys: ReadonlyArray<string> = ["toString", "constructor", "__proto__", "hasOwnProperty"]

// ---------------------------------------------------------------------------------------------
// RetryPolicy
// ---------------------------------------------------------------------------------------------

/** The reasons of a `TransportError` that a retry may help (all but `NotSent`). */
export const retryableTransportReasons = ["Connect", "Reset", "Timeout", "Unknown"] as const

/** `UnexpectedResponseError`s by status and code, and their retry class. */
export const unexpectedResponseClasses: ReadonlyArray<
  readonly [status: number, code: string | undefined, retryClass: RetryClass]
> = [
  [429, undefined, "throttling"],
  [500, undefined, "transient"],
  [502, undefined, "transient"],
  [503, undefined, "transient"],
  [504, undefined, "transient"],
  [501, undefined, "none"],
  [400, undefined, "none"],
  [200, undefined, "none"],
  [400, "ThrottlingException", "throttling"],
  [400, "RequestTimeout", "transient"],
  [503, "SomethingElse", "transient"],
  [400, "SomethingElse", "none"],
  [500, "SlowDown", "throttling"]
]

/** The AWS SDK's own lists: the oracle for the classification, not the protocol's lists. */
export interface SdkRetryLists {
  readonly THROTTLING_ERROR_CODES: ReadonlyArray<string>
  readonly TRANSIENT_ERROR_CODES: ReadonlyArray<string>
  readonly TRANSIENT_ERROR_STATUS_CODES: ReadonlyArray<number>
}

/**
 * Loads the AWS SDK's lists. The Cognito client is a dev dependency of the protocol package, and
 * its `@smithy/core` holds them in the module its classifier is built from.
 */
export const loadSdkRetryLists = async (): Promise<SdkRetryLists> => {
  const protocolRequire = createRequire(
    createRequire(import.meta.url).resolve("@cognito-feedback/protocol/package.json")
  )
  const sdkRequire = createRequire(protocolRequire.resolve("@aws-sdk/client-cognito-identity-provider"))
  return (await import(
    pathToFileURL(
      path.join(
        path.dirname(sdkRequire.resolve("@smithy/core/package.json")),
        "dist-es/submodules/retry/service-error-classification/constants.js"
      )
    ).href
  )) as SdkRetryLists
}

/** An HTTP status, any. */
export const anyStatus: fc.Arbitrary<number> = fc.integer({ min: 0, max: 999 })

/** The default backoff bound (before jitter), in ms, by class and retry index. */
export const backoffCases: ReadonlyArray<readonly [retryClass: RetryClass, retryIndex: number, millis: number]> = [
  ...([[0, 1000], [1, 2000], [2, 4000], [3, 8000], [4, 16000], [5, 20000], [40, 20000]] as const).map((
    [i, ms]
  ) => ["throttling", i, ms] as const),
  ...([[0, 50], [1, 100], [2, 200], [8, 12800], [9, 20000]] as const).map(([i, ms]) => ["transient", i, ms] as const)
]

/** The default bound of the delay before retry `retryIndex + 1`, in ms. */
export const defaultBackoffMillis = (retryClass: "throttling" | "transient", retryIndex: number): number =>
  Math.min((retryClass === "throttling" ? 1000 : 50) * 2 ** retryIndex, 20_000)

/**
 * The delay after the first throttling failure with random 0.5 (jittered 500 ms) and a
 * `Retry-After` hint of `hintMillis`: raised by the hint, capped at 500 ms + 5 s.
 */
export const retryAfterCases: ReadonlyArray<readonly [hintMillis: number, delayMillis: number]> = [
  [10, 500],
  [100, 500],
  [3000, 3000],
  [5500, 5500],
  [60_000, 5500]
]

/** The inputs of the property "a jittered delay stays within [0, backoff]". */
export const jitterInputs = {
  retryClass: fc.constantFrom("throttling" as const, "transient" as const),
  retryIndex: fc.integer({ min: 0, max: 64 }),
  random: fc.double({ min: 0, max: 1, noNaN: true })
}

/** The gaps between successive attempt times. */
export const gaps = (times: ReadonlyArray<number>): Array<number> =>
  times.slice(1).map((time, i) => time - (times[i] ?? 0))

// ---------------------------------------------------------------------------------------------
// UpdateAuthEventFeedback
// ---------------------------------------------------------------------------------------------

/** A valid request, secrets as plain strings. */
export const base = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: "alice",
  EventId: "c3f1a2b4",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
} as const

/** The service model's patterns (botocore's service-2.json), anchored: written out, not read from any rules. */
export const modelPattern = {
  UserPoolId: String.raw`^[\w-]+_[0-9a-zA-Z]+$`,
  Username: String.raw`^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$`,
  EventId: String.raw`^[\w+-]+$`,
  FeedbackToken: String.raw`^[A-Za-z0-9-_=.]+$`
}

/** A value that breaks exactly one rule of one field, with the rule it breaks. */
export interface InvalidField {
  readonly field: "UserPoolId" | "Username" | "EventId" | "FeedbackToken" | "FeedbackValue"
  readonly value: string
  readonly rule: string
}

/** A value that breaks exactly one rule of one field, with the rule it breaks in the editions' words. */
export const invalidField: fc.Arbitrary<InvalidField> = fc.oneof(
  fc.constant<InvalidField>({ field: "UserPoolId", value: "", rule: "must be at least 1 character long" }),
  fc.stringMatching(/^[a-z]{56,70}_[a-z]{1,5}$/).map((value): InvalidField => ({
    field: "UserPoolId",
    value,
    rule: "must be at most 55 characters long"
  })),
  fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((value): InvalidField => ({
    field: "UserPoolId",
    value,
    rule: `must match ${modelPattern.UserPoolId}`
  })),
  fc.constant<InvalidField>({ field: "Username", value: "", rule: "must be at least 1 character long" }),
  fc.stringMatching(/^[a-z]{129,140}$/).map((value): InvalidField => ({
    field: "Username",
    value,
    rule: "must be at most 128 characters long"
  })),
  fc.tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom(" ", "\t", "\n", "\u0000", "\u200b")).map((
    [name, bad]
  ): InvalidField => ({ field: "Username", value: `${name}${bad}x`, rule: `must match ${modelPattern.Username}` })),
  fc.stringMatching(/^[a-z0-9]{51,60}$/).map((value): InvalidField => ({
    field: "EventId",
    value,
    rule: "must be at most 50 characters long"
  })),
  fc.stringMatching(/^[a-z]{0,5}[ /.:*]{1,3}[a-z]{0,5}$/).map((value): InvalidField => ({
    field: "EventId",
    value,
    rule: `must match ${modelPattern.EventId}`
  })),
  fc.stringMatching(/^[a-z]{0,5}[ /:+*#]{1,3}[a-z]{0,5}$/).map((value): InvalidField => ({
    field: "FeedbackToken",
    value,
    rule: `must match ${modelPattern.FeedbackToken}`
  })),
  fc.string().filter((s) => s !== "Valid" && s !== "Invalid").map((value): InvalidField => ({
    field: "FeedbackValue",
    value,
    rule: "must be \"Valid\" or \"Invalid\""
  }))
)

/** Characters of each class the `Username` pattern admits, astral ones included. */
const usernameAlphabet = Array.from("aZé中ʼ\u0301\u0903+$€😀079٣!#-_.@'\"()")

/** A valid request as callers write it (secrets as plain strings), drawn from the model's rules, not a schema. */
export const validInput: fc.Arbitrary<{
  readonly UserPoolId: string
  readonly Username: string
  readonly EventId: string
  readonly FeedbackToken: string
  readonly FeedbackValue: "Valid" | "Invalid"
}> = fc.record({
  UserPoolId: fc.tuple(fc.stringMatching(/^[\w-]{1,30}$/), fc.stringMatching(/^[0-9a-zA-Z]{1,20}$/)).map((
    [region, id]
  ) => `${region}_${id}`),
  Username: fc.array(fc.constantFrom(...usernameAlphabet), { minLength: 1, maxLength: 128 }).map((cs) => cs.join("")),
  EventId: fc.stringMatching(/^[\w+-]{1,50}$/),
  FeedbackToken: fc.stringMatching(/^[A-Za-z0-9-_=.]{1,200}$/),
  FeedbackValue: fc.constantFrom("Valid" as const, "Invalid" as const)
})

/**
 * Any input a caller may pass, valid or not: valid requests given as plain strings or `redact`ed
 * (with an excess member), one broken rule, members of any type or missing, and anything at all.
 * `valid` adds the edition's own valid inputs (drawn from its schema, encoded).
 */
export const anyRequestInput = (
  redact: (value: unknown) => unknown,
  valid: ReadonlyArray<fc.Arbitrary<unknown>> = []
): fc.Arbitrary<unknown> =>
  fc.oneof(
    validInput,
    ...valid,
    fc.tuple(validInput, fc.boolean(), fc.boolean()).map(([request, wrapUser, wrapToken]) => ({
      ...request,
      Username: wrapUser ? redact(request.Username) : request.Username,
      FeedbackToken: wrapToken ? redact(request.FeedbackToken) : request.FeedbackToken,
      extra: 1
    })),
    invalidField.map((bad) => ({ ...base, [bad.field]: bad.value })),
    invalidField.map((bad) => ({ ...base, [bad.field]: redact(bad.value) })),
    fc.record({
      UserPoolId: fc.oneof(fc.constant(base.UserPoolId), fc.anything()),
      Username: fc.oneof(fc.constant(base.Username), fc.string(), fc.anything().map(redact)),
      EventId: fc.oneof(fc.constant(base.EventId), fc.string()),
      FeedbackToken: fc.oneof(fc.constant(base.FeedbackToken), fc.string(), fc.anything()),
      FeedbackValue: fc.oneof(fc.constantFrom("Valid", "Invalid", "valid"), fc.anything())
    }, { requiredKeys: [] }),
    fc.anything()
  )

/** Inputs and the exact message their rejection carries, in the wording both editions give. */
export const messageCases: ReadonlyArray<{ readonly name: string; readonly input: unknown; readonly message: string }> =
  [
    {
      name: "the example from the issue: EventId pattern",
      input: { ...base, EventId: "has space" },
      message: "EventId: must match ^[\\w+-]+$"
    },
    {
      name: "Username length counts code points, as Smithy does",
      input: { ...base, Username: "😀".repeat(129) },
      message: "Username: must be at most 128 characters long"
    },
    {
      name: "missing members",
      input: { UserPoolId: base.UserPoolId },
      message: "Username: is required; EventId: is required; FeedbackToken: is required; FeedbackValue: is required"
    },
    {
      name: "wrong types",
      input: { ...base, UserPoolId: 1, Username: { secret: "x" } },
      message: "UserPoolId: must be a string; Username: must be a string or a Redacted string"
    },
    {
      name: "FeedbackValue is case-sensitive, as on the wire",
      input: { ...base, FeedbackValue: "valid" },
      message: "FeedbackValue: must be \"Valid\" or \"Invalid\""
    },
    {
      name: "an empty EventId",
      input: { ...base, EventId: "" },
      message: "EventId: must be at least 1 character long"
    },
    ...[null, undefined, "x", 42, []].map((input) => ({
      name: `not an object: ${JSON.stringify(input) ?? "undefined"}`,
      input,
      message: "request must be an object"
    }))
  ]

/** 128 astral code points: 256 UTF-16 units, within the Username limit. */
export const longestAstralUsername = "😀".repeat(128)

/** Usernames of every Unicode class the pattern admits. */
export const unicodeUsernames: ReadonlyArray<string> = [
  "alice",
  "élodie",
  "李小龙",
  "a\u0301",
  "€$+",
  "٣٤",
  "user@example.com",
  "0f8fad5b-d9cb"
]

/** A distinctive secret, and a character that makes `${secret}${bad}${secret}` break the Username and token patterns. */
export const secretWithBadCharacter = {
  secret: fc.stringMatching(/^[A-Za-z]{12,20}$/),
  bad: fc.constantFrom(" ", "\t", "\n")
}

/**
 * Inputs of unusual shapes holding the members of `base`, and whether they are requests: an array
 * is not (the schemas and the protocol's validation say `request must be an object`); an object
 * reads its members wherever they come from (its prototype, a getter), as the schemas do.
 */
export const unusualShapes: ReadonlyArray<{ readonly name: string; readonly input: unknown; readonly valid: boolean }> =
  [
    { name: "an array with the members", input: Object.assign([], base), valid: false },
    { name: "the members inherited", input: Object.create(base), valid: true },
    { name: "no prototype", input: Object.assign(Object.create(null), base), valid: true },
    {
      name: "a member from a getter",
      input: Object.defineProperty({ ...base, UserPoolId: undefined }, "UserPoolId", {
        get: () => base.UserPoolId,
        enumerable: true
      }),
      valid: true
    }
  ]
