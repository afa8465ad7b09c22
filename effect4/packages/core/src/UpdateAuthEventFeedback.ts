/**
 * The `UpdateAuthEventFeedback` request and response as schemas, with the service's own
 * constraints. `Username` and `FeedbackToken` are sensitive: they decode to `Redacted<string>`
 * (from a plain string or a `Redacted`), and validation messages never repeat a value.
 *
 * @since 1.0.0
 */
import type { StringRules } from "@cognito-feedback/protocol/Member"
import { brokenRule as brokenMemberRule } from "@cognito-feedback/protocol/Member"
import { members, UpdateAuthEventFeedback as description } from "@cognito-feedback/protocol/Operations"
import * as SimulationInput from "@cognito-feedback/protocol/SimulationInput"
import * as Arr from "effect/Array"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import { InvalidParameterException } from "./CognitoError.js"

/**
 * A string member's constraints as the service model states them.
 *
 * @since 1.0.0
 * @category models
 */
export interface Rules extends StringRules {}

/**
 * The first rule `s` breaks, as a message that never contains `s`; `undefined` when it breaks none.
 *
 * @since 1.0.0
 * @category validation
 */
export const brokenRule: (s: string, rules: Rules) => string | undefined = brokenMemberRule

// A member's rules as a filter: the message is the protocol's rule text (never the value), and
// the pattern and lengths guide Effect's arbitrary derivation to strings that pass.
const ruleFilter = (rules: Rules) =>
  Schema.makeFilter<string>((s) => brokenRule(s, rules) ?? true, {
    arbitraryConstraint: {
      ...(rules.minLength === undefined ? {} : { minLength: rules.minLength }),
      // at most this many UTF-16 units is at most this many code points
      ...(rules.maxLength === undefined ? {} : { maxLength: rules.maxLength }),
      ...(rules.pattern === undefined
        ? {}
        : { patterns: [{ source: rules.pattern.source, flags: rules.pattern.flags }] })
    }
  })

const constrainedString = (rules: Rules) => Schema.String.check(ruleFilter(rules))

// a plain string (wrapped when decoded) or a `Redacted` one, its value checked by the same rules
const sensitiveString = (rules: Rules) => {
  const value = constrainedString(rules)
  return Schema.Union([Schema.RedactedFromValue(value), Schema.Redacted(value)])
}

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
 * with a space or a token with `/`, `+` or `:` is such input (arbitrary strings hold them often);
 * the testkit's `CognitoArbitrary.validInput` draws only input that passes.
 *
 * @since 1.0.0
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
 * @since 1.0.0
 * @category schemas
 */
export const UserPoolId = constrainedString(rules.UserPoolId).annotate({ identifier: "UserPoolId" })

/**
 * A username, an alias attribute or the user's `sub`; sensitive. 1 to 128 code points matching
 * `^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$` (letters, marks, symbols, numbers, punctuation: no space).
 *
 * @since 1.0.0
 * @category schemas
 */
export const Username = sensitiveString(rules.Username).annotate({ identifier: "Username" })

/**
 * The auth event's id: 1 to 50 characters matching `^[\w+-]+$`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const EventId = constrainedString(rules.EventId).annotate({ identifier: "EventId" })

/**
 * The token from the notification email; sensitive. Matches `^[A-Za-z0-9-_=.]+$` (so at least
 * one character), no length limit.
 *
 * @since 1.0.0
 * @category schemas
 */
export const FeedbackToken = sensitiveString(rules.FeedbackToken).annotate({ identifier: "FeedbackToken" })

/**
 * @since 1.0.0
 * @category schemas
 */
export const FeedbackValue = Schema.Literals(members.FeedbackValue.values).annotate({ identifier: "FeedbackValue" })

/**
 * @since 1.0.0
 * @category models
 */
export type FeedbackValue = typeof FeedbackValue.Type

/**
 * The request: all five members are required.
 *
 * @since 1.0.0
 * @category schemas
 */
export const UpdateAuthEventFeedbackRequest = Schema.Struct({
  UserPoolId,
  Username,
  EventId,
  FeedbackToken,
  FeedbackValue
}).annotate({ identifier: "UpdateAuthEventFeedbackRequest" })

/**
 * The validated request, secrets `Redacted`.
 *
 * @since 1.0.0
 * @category models
 */
export interface UpdateAuthEventFeedbackRequest extends Schema.Schema.Type<typeof UpdateAuthEventFeedbackRequest> {}

/**
 * What callers pass: `Username` and `FeedbackToken` as plain strings or `Redacted`.
 *
 * @since 1.0.0
 * @category models
 */
export type UpdateAuthEventFeedbackInput = Schema.Codec.Encoded<typeof UpdateAuthEventFeedbackRequest>

/**
 * The response: an empty structure.
 *
 * @since 1.0.0
 * @category schemas
 */
export const UpdateAuthEventFeedbackResponse = Schema.Struct({}).annotate({
  identifier: "UpdateAuthEventFeedbackResponse"
})

/**
 * @since 1.0.0
 * @category models
 */
export interface UpdateAuthEventFeedbackResponse extends Schema.Schema.Type<typeof UpdateAuthEventFeedbackResponse> {}

/**
 * `Field: rule` for each problem of a schema error, e.g. `EventId: must match ^[\w+-]+$`. Built
 * only from paths and the issues' messages, which the request's filters take from the protocol's
 * rule texts, so no input value can appear in it.
 *
 * @since 1.0.0
 * @category validation
 */
export const describeIssues = (error: Schema.SchemaError): string =>
  Arr.dedupe(
    SchemaIssue.makeFormatterStandardSchemaV1()(error.issue).issues.map((issue) => {
      const field = (issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key)).join(".")
      return field === "" ? `request ${issue.message}` : `${field}: ${issue.message}`
    })
  ).join("; ")

// a `Redacted` member is read as its value, so its rules are checked as a plain string's
const unwrapped = (input: unknown): unknown => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input
  const fields = { ...(input as Record<string, unknown>) }
  for (const name of ["Username", "FeedbackToken"] as const) {
    const value = fields[name]
    if (Redacted.isRedacted(value)) fields[name] = Redacted.value(value)
  }
  return fields
}

/**
 * Validates caller input before any I/O; a violation fails with an `InvalidParameterException`
 * of `origin` `"local"` naming each field and the rule it breaks, in the words of the protocol's
 * `SimulationInput` (the same as the Effect 3 edition's, and every simulator's).
 *
 * @since 1.0.0
 * @category validation
 */
export const decodeRequest = (
  input: unknown
): Effect.Effect<UpdateAuthEventFeedbackRequest, InvalidParameterException> => {
  const valid = decodeValid(input)
  if (valid !== undefined) return Effect.succeed(valid)
  const checked = SimulationInput.validate(description, unwrapped(input), {
    sensitiveType: "a string or a Redacted string"
  })
  // `decodeValid` and the protocol's validation answer alike (a property test holds them to it)
  const message = checked._tag === "Invalid" ? checked.message : "request is invalid"
  return Effect.fail(new InvalidParameterException({ message, origin: "local" }))
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
 * @since 1.0.0
 * @category validation
 */
export const decodeValid = (input: unknown): UpdateAuthEventFeedbackRequest | undefined => {
  // an array is not an object here, as for the schema (and the protocol's validation)
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
