/**
 * The `UpdateAuthEventFeedback` request and response as schemas, with the service's own
 * constraints. `Username` and `FeedbackToken` are sensitive: they decode to `Redacted<string>`
 * (from a plain string or a `Redacted`), and validation messages never repeat a value.
 *
 * @since 0.1.0
 */
import { brokenRule as brokenMemberRule } from "@cognito-feedback/protocol/Member"
import { members } from "@cognito-feedback/protocol/Operations"
import type * as Arbitrary from "effect/Arbitrary"
import * as Arr from "effect/Array"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { InvalidParameterException } from "./CognitoError.js"

/**
 * A string member's constraints as the service model states them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rules {
  readonly minLength?: number
  readonly maxLength?: number
  readonly pattern?: RegExp
  /** Smithy counts lengths in Unicode code points, not UTF-16 units. */
  readonly codePoints?: boolean
}

/**
 * The first rule `s` breaks, as a message that never contains `s`; `undefined` when it breaks none.
 *
 * @since 0.1.0
 * @category validation
 */
export const brokenRule: (s: string, rules: Rules) => string | undefined = brokenMemberRule

type StringArbitrary = Arbitrary.LazyArbitrary<string>

const safeTypeMessage = (expected: string) => () => ({ message: `must be ${expected}`, override: true })

const constrainedString = (
  rules: Rules,
  arbitrary: StringArbitrary
) =>
  Schema.String.annotations({ message: safeTypeMessage("a string") }).pipe(
    Schema.filter((s) => brokenRule(s, rules) ?? true, { arbitrary: () => arbitrary })
  )

const sensitiveString = (
  rules: Rules,
  arbitrary: StringArbitrary
) =>
  Schema.Union(Schema.Redacted(Schema.String), Schema.RedactedFromSelf(Schema.String)).annotations({
    message: safeTypeMessage("a string or a Redacted string")
  }).pipe(
    Schema.filter((r) => brokenRule(Redacted.value(r), rules) ?? true, {
      arbitrary: () => (fc) => arbitrary(fc).map((s) => Redacted.make(s))
    })
  )

/** Characters of each class the `Username` pattern admits, astral ones included. */
const usernameAlphabet = Array.from("aZé中ʼ\u0301\u0903+$€😀079٣!#-_.@'\"()")

/**
 * The rules of each member, as the service model states them:
 *
 * | member          | length (characters)      | pattern                                   |
 * | --------------- | ------------------------ | ----------------------------------------- |
 * | `UserPoolId`    | 1 to 55                  | `^[\w-]+_[0-9a-zA-Z]+$`                   |
 * | `Username`      | 1 to 128 (code points)   | `^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$` (flag `u`) |
 * | `EventId`       | 1 to 50                  | `^[\w+-]+$`                               |
 * | `FeedbackToken` | at least 1 (the pattern) | `^[A-Za-z0-9-_=.]+$`                      |
 *
 * `FeedbackValue` is `Valid` or `Invalid`. Input that breaks a rule fails in the client, with an
 * `InvalidParameterException` of `origin` `"local"` naming the field and the rule, before any
 * layer is called: it never reaches a scripted layer, the simulator or the network. A username
 * with a space or a token with `/`, `+` or `:` is such input (`fc.string()` draws them often);
 * the testkit's `CognitoArbitrary.validInput` draws only input that passes.
 *
 * @since 0.1.0
 * @category models
 */
export const rules = {
  UserPoolId: members.UserPoolId,
  Username: members.Username,
  EventId: members.EventId,
  FeedbackToken: members.FeedbackToken
} as const satisfies Record<string, Rules>

/**
 * `^[\w-]+_[0-9a-zA-Z]+$`, 1 to 55 characters; the part before `_` is the pool's home region.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UserPoolId = constrainedString(
  rules.UserPoolId,
  (fc) =>
    fc.tuple(fc.stringMatching(/^[\w-]{1,30}$/), fc.stringMatching(/^[0-9a-zA-Z]{1,20}$/)).map(([a, b]) => `${a}_${b}`)
).annotations({ identifier: "UserPoolId" })

/**
 * A username, an alias attribute or the user's `sub`; sensitive. 1 to 128 code points matching
 * `^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$` (letters, marks, symbols, numbers, punctuation: no space).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Username = sensitiveString(
  rules.Username,
  (fc) => fc.array(fc.constantFrom(...usernameAlphabet), { minLength: 1, maxLength: 128 }).map((cs) => cs.join(""))
).annotations({ identifier: "Username" })

/**
 * The auth event's id: 1 to 50 characters matching `^[\w+-]+$`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventId = constrainedString(rules.EventId, (fc) => fc.stringMatching(/^[\w+-]{1,50}$/)).annotations({
  identifier: "EventId"
})

/**
 * The token from the notification email; sensitive. Matches `^[A-Za-z0-9-_=.]+$` (so at least
 * one character), no length limit.
 *
 * @since 0.1.0
 * @category schemas
 */
export const FeedbackToken = sensitiveString(rules.FeedbackToken, (fc) => fc.stringMatching(/^[A-Za-z0-9-_=.]{1,200}$/))
  .annotations({ identifier: "FeedbackToken" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const FeedbackValue = Schema.Literal(...members.FeedbackValue.values).annotations({
  identifier: "FeedbackValue",
  message: safeTypeMessage(members.FeedbackValue.values.map((value) => `"${value}"`).join(" or "))
})

/**
 * @since 0.1.0
 * @category models
 */
export type FeedbackValue = typeof FeedbackValue.Type

/**
 * The request: all five members are required.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateAuthEventFeedbackRequest = Schema.Struct({
  UserPoolId,
  Username,
  EventId,
  FeedbackToken,
  FeedbackValue
}).annotations({
  identifier: "UpdateAuthEventFeedbackRequest",
  // not an override: the members' own messages come first
  message: () => "must be an object"
})

/**
 * The validated request, secrets `Redacted`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateAuthEventFeedbackRequest extends Schema.Schema.Type<typeof UpdateAuthEventFeedbackRequest> {}

/**
 * What callers pass: `Username` and `FeedbackToken` as plain strings or `Redacted`.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateAuthEventFeedbackInput = Schema.Schema.Encoded<typeof UpdateAuthEventFeedbackRequest>

/**
 * The response: an empty structure.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UpdateAuthEventFeedbackResponse = Schema.Struct({}).annotations({
  identifier: "UpdateAuthEventFeedbackResponse"
})

/**
 * @since 0.1.0
 * @category models
 */
export interface UpdateAuthEventFeedbackResponse extends Schema.Schema.Type<typeof UpdateAuthEventFeedbackResponse> {}

// compiled on first use: only invalid input needs the schema's decoder, and building it costs start-up time
let decodeEither:
  | ((input: unknown) => Either.Either<UpdateAuthEventFeedbackRequest, ParseResult.ParseError>)
  | undefined
const decodeAll = (input: unknown) =>
  (decodeEither ??= Schema.decodeUnknownEither(UpdateAuthEventFeedbackRequest, { errors: "all" }))(input)

/**
 * `Field: rule` for each problem, e.g. `EventId: must match ^[\w+-]+$`. Built only from paths and
 * our own rule messages, so no input value can appear in it.
 *
 * @since 0.1.0
 * @category validation
 */
export const describeIssues = (error: ParseResult.ParseError): string =>
  Arr.dedupe(
    ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => {
      const field = issue.path.map(String).join(".")
      const rule = issue._tag === "Missing" ? "is required" : issue.message
      return field === "" ? `request ${rule}` : `${field}: ${rule}`
    })
  ).join("; ")

/**
 * Validates caller input before any I/O; a violation fails with an `InvalidParameterException`
 * of `origin` `"local"` naming each field and the rule it breaks.
 *
 * @since 0.1.0
 * @category validation
 */
export const decodeRequest = (
  input: unknown
): Effect.Effect<UpdateAuthEventFeedbackRequest, InvalidParameterException> => {
  const valid = decodeValid(input)
  if (valid !== undefined) return Effect.succeed(valid)
  return Either.match(decodeAll(input), {
    onLeft: (error) => Effect.fail(new InvalidParameterException({ message: describeIssues(error), origin: "local" })),
    onRight: Effect.succeed
  })
}

const checkedString = (value: unknown, rule: Rules): string | undefined =>
  typeof value === "string" && brokenRule(value, rule) === undefined ? value : undefined

const checkedSecret = (value: unknown, rule: Rules): Redacted.Redacted<string> | undefined => {
  const plain = Redacted.isRedacted(value) ? Redacted.value(value) : value
  return checkedString(plain, rule) === undefined ? undefined : Redacted.make(plain as string)
}

/**
 * The request a valid input decodes to, by the same `rules` as the schema but without its
 * machinery, which costs more than the rest of a call; `undefined` for anything else, which then
 * goes through the schema for its messages. A property test holds the two to the same answers.
 *
 * @since 0.1.0
 * @category validation
 */
export const decodeValid = (input: unknown): UpdateAuthEventFeedbackRequest | undefined => {
  // an array is not an object here, as in the schema (even one that carries the five members)
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
  const fields = input as Readonly<Record<string, unknown>>
  const UserPoolId = checkedString(fields.UserPoolId, rules.UserPoolId)
  const EventId = checkedString(fields.EventId, rules.EventId)
  const FeedbackValue = fields.FeedbackValue
  if (UserPoolId === undefined || EventId === undefined || (FeedbackValue !== "Valid" && FeedbackValue !== "Invalid")) {
    return undefined
  }
  const Username = checkedSecret(fields.Username, rules.Username)
  const FeedbackToken = Username === undefined ? undefined : checkedSecret(fields.FeedbackToken, rules.FeedbackToken)
  if (Username === undefined || FeedbackToken === undefined) return undefined
  return { UserPoolId, Username, EventId, FeedbackToken, FeedbackValue }
}
