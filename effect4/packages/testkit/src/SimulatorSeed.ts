/**
 * The data a `CognitoSimulator` starts from: user pools, their users and the users' auth events,
 * as the JSON seed file of the emulator (`cognito-feedback emulator --seed FILE`) or as values
 * built in code. Only `id`, `username`, `eventId` and `feedbackToken` are required; the simulator
 * fills in the rest (see `defaults`). A seed that does not match fails with a `SeedError` naming
 * the path of the bad field, e.g. `userPools.0.users.1.authEvents.0.eventId: is required`.
 *
 * The format, its rules and its messages are the protocol's (`@cognito-feedback/protocol/SimulationSeed`),
 * which every edition's simulator reads seeds through; this module gives them as schemas and
 * Effects.
 *
 * @since 1.0.0
 */
import * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { shapes } from "@cognito-feedback/protocol/Operations"
import * as Protocol from "@cognito-feedback/protocol/SimulationSeed"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describeIssues, mustBe, optional } from "./internal/issues.js"

const literals = <const Values extends ReadonlyArray<string>>(identifier: string, values: Values) =>
  Schema.Literals(values).annotate({ identifier, message: mustBe(`one of ${values.join(", ")}`) })

const PlainString = Schema.String.annotate({ message: mustBe("a string") })

/** The service's rules for a member, on a plain string (the seed holds secrets in clear). */
const ruled = (rules: UpdateAuthEventFeedback.Rules) =>
  PlainString.check(Schema.makeFilter((s: string) => UpdateAuthEventFeedback.brokenRule(s, rules) ?? true))

/**
 * Threat protection mode of a pool; `OFF` makes the feedback operations fail with
 * `UserPoolAddOnNotEnabledException`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const AdvancedSecurityMode = literals("AdvancedSecurityMode", Protocol.advancedSecurityModes)

/**
 * @since 1.0.0
 * @category models
 */
export type AdvancedSecurityMode = typeof AdvancedSecurityMode.Type

/**
 * The attributes a pool can accept in place of the username (Cognito's `AliasAttributeType`).
 *
 * @since 1.0.0
 * @category schemas
 */
export const AliasAttribute = literals("AliasAttribute", Protocol.aliasAttributes)

/**
 * @since 1.0.0
 * @category models
 */
export type AliasAttribute = typeof AliasAttribute.Type

/**
 * @since 1.0.0
 * @category schemas
 */
export const EventType = literals("EventType", shapes.EventType.values)

/**
 * @since 1.0.0
 * @category models
 */
export type EventType = typeof EventType.Type

/**
 * @since 1.0.0
 * @category schemas
 */
export const EventResponse = literals("EventResponse", shapes.EventResponseType.values)

/**
 * @since 1.0.0
 * @category models
 */
export type EventResponse = typeof EventResponse.Type

/**
 * @since 1.0.0
 * @category schemas
 */
export const RiskDecision = literals("RiskDecision", shapes.RiskDecisionType.values)

/**
 * @since 1.0.0
 * @category models
 */
export type RiskDecision = typeof RiskDecision.Type

/**
 * @since 1.0.0
 * @category schemas
 */
export const RiskLevel = literals("RiskLevel", shapes.RiskLevelType.values)

/**
 * @since 1.0.0
 * @category models
 */
export type RiskLevel = typeof RiskLevel.Type

/**
 * @since 1.0.0
 * @category schemas
 */
export const ChallengeName = literals("ChallengeName", shapes.ChallengeName.values)

/**
 * @since 1.0.0
 * @category schemas
 */
export const ChallengeResponse = literals("ChallengeResponse", shapes.ChallengeResponse.values)

/**
 * Who submitted feedback, as `EventFeedback.Provider` reports it. The model types `Provider` as a
 * free string; the API reference gives one value, `Admin` (feedback from the console, i.e. the
 * admin side). The simulator reports `Admin` for `AdminUpdateAuthEventFeedback` and, by analogy,
 * `User` for the unsigned `UpdateAuthEventFeedback` called from the user's email link.
 *
 * @since 1.0.0
 * @category schemas
 */
export const FeedbackProvider = literals("FeedbackProvider", shapes.FeedbackProvider.values)

/**
 * @since 1.0.0
 * @category models
 */
export type FeedbackProvider = typeof FeedbackProvider.Type

/**
 * An ISO 8601 date in the file (`"2026-11-01T10:00:00Z"`), a `Date` in code.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SeedDate = Schema.DateFromString.annotate({ message: mustBe("an ISO 8601 date") })

const PlainBoolean = Schema.Boolean.annotate({ message: mustBe("a boolean") })

const object = <Fields extends Schema.Struct.Fields>(identifier: string, fields: Fields) =>
  // a message for the value that is not an object; the members' own messages are their own
  Schema.Struct(fields).annotate({ identifier, message: "must be an object" })

const arrayOf = <S extends Schema.Top>(item: S) => Schema.Array(item).annotate({ message: "must be an array" })

/**
 * @since 1.0.0
 * @category schemas
 */
export const SeedChallengeResponse = object("SeedChallengeResponse", {
  challengeName: ChallengeName,
  challengeResponse: ChallengeResponse
})

/**
 * Where and from what the event came; every member optional.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SeedEventContextData = object("SeedEventContextData", {
  ipAddress: optional(PlainString),
  deviceName: optional(PlainString),
  timezone: optional(PlainString),
  city: optional(PlainString),
  country: optional(PlainString)
})

/**
 * Feedback already recorded on an event when the simulator starts.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SeedFeedback = object("SeedFeedback", {
  feedbackValue: UpdateAuthEventFeedback.FeedbackValue.annotate({ message: "must be \"Valid\" or \"Invalid\"" }),
  provider: optional(FeedbackProvider),
  feedbackDate: optional(SeedDate)
})

/**
 * One auth event of a seeded user. Only `eventId` and `feedbackToken` are required; the simulator
 * fills in the rest (`defaults`):
 *
 * - `eventId`: 1 to 50 characters matching `^[\w+-]+$` (the request's `EventId` rule), unique
 *   among the user's events.
 * - `feedbackToken`: matching `^[A-Za-z0-9-_=.]+$` (the request's `FeedbackToken` rule, so that
 *   a call can send it); `UpdateAuthEventFeedback` with another token fails with
 *   `NotAuthorizedException`.
 * - `eventType`: `SignIn` (default), `SignUp`, `ForgotPassword`, `PasswordChange` or `ResendCode`.
 * - `creationDate`: an ISO 8601 string in a file, a `Date` in code; default the time of seeding
 *   (from `Clock`).
 * - `eventResponse`: `Pass` (default), `Fail` or `InProgress`.
 * - `riskDecision`: `NoRisk` (default), `AccountTakeover` or `Block`.
 * - `riskLevel`: `Low` (default), `Medium` or `High`.
 * - `compromisedCredentialsDetected`: default `false`.
 * - `challengeResponses`: `{ challengeName: "Password" | "Mfa", challengeResponse: "Success" | "Failure" }`
 *   items; default none.
 * - `eventContextData`: `{ ipAddress?, deviceName?, timezone?, city?, country? }`, all strings;
 *   default none.
 * - `feedback`: feedback already recorded, `{ feedbackValue: "Valid" | "Invalid", provider?,
 *   feedbackDate? }` (`provider` `User` by default, `feedbackDate` the time of seeding); default
 *   none.
 *
 * Unknown fields are errors.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SeedAuthEvent = object("SeedAuthEvent", {
  eventId: ruled(UpdateAuthEventFeedback.rules.EventId),
  feedbackToken: ruled(UpdateAuthEventFeedback.rules.FeedbackToken),
  eventType: optional(EventType),
  creationDate: optional(SeedDate),
  eventResponse: optional(EventResponse),
  riskDecision: optional(RiskDecision),
  riskLevel: optional(RiskLevel),
  compromisedCredentialsDetected: optional(PlainBoolean),
  challengeResponses: optional(arrayOf(SeedChallengeResponse)),
  eventContextData: optional(SeedEventContextData),
  feedback: optional(SeedFeedback)
})

/**
 * A decoded `SeedAuthEvent` (fields and defaults: see the schema): `{ eventId, feedbackToken,
 * eventType?, creationDate?: Date, eventResponse?, riskDecision?, riskLevel?,
 * compromisedCredentialsDetected?, challengeResponses?, eventContextData?, feedback? }`.
 *
 * @since 1.0.0
 * @category models
 */
export interface SeedAuthEvent extends Schema.Schema.Type<typeof SeedAuthEvent> {}

/**
 * A problem found in a seed, located by a path relative to the value checked.
 *
 * @since 1.0.0
 * @category models
 */
export interface Conflict {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/**
 * Whether `event` would clash with a user's `existing` events: event ids are unique per user.
 *
 * @since 1.0.0
 * @category validation
 */
export const eventConflict = (
  existing: ReadonlyArray<{ readonly eventId: string }>,
  event: { readonly eventId: string }
): Option.Option<Conflict> => Option.fromNullishOr(Protocol.eventConflict(existing, event))

/** A protocol check's issues as a filter's: `true` when there is none. */
const noIssues = (issues: ReadonlyArray<Protocol.Issue>): true | ReadonlyArray<Schema.FilterIssue> =>
  issues.length === 0 ? true : issues.map((issue) => ({ path: issue.path, issue: issue.message }))

/**
 * One user of a seeded pool: `username` (required; the request's `Username` rule: 1 to 128 code
 * points of letters, marks, symbols, numbers and punctuation), `sub` (same rule; default a fresh
 * UUID v4), `attributes` (strings, e.g. `email`; default none) and `authEvents` (`SeedAuthEvent`s;
 * default none). Usernames, subs and alias attribute values are unique in a pool.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SeedUser = object("SeedUser", {
  username: ruled(UpdateAuthEventFeedback.rules.Username),
  // the sub is looked up through the `Username` member, so it must obey the same rules
  sub: optional(ruled(UpdateAuthEventFeedback.rules.Username)),
  attributes: optional(
    Schema.Record(Schema.String, PlainString).annotate({ message: "must be an object of strings" })
  ),
  authEvents: optional(
    arrayOf(SeedAuthEvent).check(
      Schema.makeFilter((events) => noIssues(Protocol.conflictsWithin(events, Protocol.eventConflict)))
    )
  )
})

/**
 * @since 1.0.0
 * @category models
 */
export interface SeedUser extends Schema.Schema.Type<typeof SeedUser> {}

/** What `userConflict` needs to know of a user. */
interface UserKeys {
  readonly username: string
  readonly sub?: string | undefined
  readonly attributes?: Readonly<Record<string, string>> | undefined
}

/**
 * Whether `user` would clash with the pool's `existing` users: usernames, subs and the values of
 * the pool's alias attributes must each be unique, or a lookup would be ambiguous. Messages name
 * the field, never its value.
 *
 * @since 1.0.0
 * @category validation
 */
export const userConflict = (
  existing: ReadonlyArray<UserKeys>,
  aliasAttributes: ReadonlyArray<string>,
  user: UserKeys
): Option.Option<Conflict> => Option.fromNullishOr(Protocol.userConflict(existing, aliasAttributes, user))

/**
 * One risk configuration of a seeded pool, as `SetRiskConfiguration` takes it (its member names,
 * rules and messages, e.g. `AccountTakeoverRiskConfiguration.Actions.LowAction.Notify: is
 * required`): the pool's own without `ClientId`, an app client's with it.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SeedRiskConfiguration: Schema.Codec<Protocol.SeedRiskConfiguration, unknown> = Schema.Unknown.check(
  Schema.makeFilter((value) => noIssues(Protocol.riskConfigurationIssues(value)))
).annotate({ identifier: "SeedRiskConfiguration" }) as Schema.Codec<unknown> as Schema.Codec<
  // the filter above is the protocol's check of exactly this type
  Protocol.SeedRiskConfiguration,
  unknown
>

/**
 * One user pool: `id` (required; the request's `UserPoolId` rule, e.g. `us-east-1_Example1`,
 * unique in the seed), `advancedSecurityMode` (`OFF`, `AUDIT` (default) or `ENFORCED`),
 * `aliasAttributes` (`email`, `phone_number`, `preferred_username`; default none), `users`
 * (`SeedUser`s; default none), `domain` (the hosted domain of the one-click links; default
 * `<pool id>.auth.<region>.amazoncognito.com`) and `riskConfigurations` (`SeedRiskConfiguration`s,
 * one per app client and one for the pool; default none).
 *
 * @since 1.0.0
 * @category schemas
 */
export const SeedUserPool = object("SeedUserPool", {
  id: ruled(UpdateAuthEventFeedback.rules.UserPoolId),
  advancedSecurityMode: optional(AdvancedSecurityMode),
  aliasAttributes: optional(arrayOf(AliasAttribute)),
  users: optional(arrayOf(SeedUser)),
  domain: optional(PlainString),
  riskConfigurations: optional(arrayOf(SeedRiskConfiguration))
}).check(
  Schema.makeFilter((pool) => noIssues([...Protocol.poolConflicts(pool), ...Protocol.riskConfigurationConflicts(pool)]))
)

/**
 * @since 1.0.0
 * @category models
 */
export interface SeedUserPool extends Schema.Schema.Type<typeof SeedUserPool> {}

/**
 * The whole seed: `{ "userPools": [...] }`. Encoded, it is the JSON of the seed file; decoded,
 * dates are `Date`s.
 *
 * @since 1.0.0
 * @category schemas
 */
export const SeedFile = object("SeedFile", {
  userPools: optional(arrayOf(SeedUserPool))
}).check(Schema.makeFilter((seed) => noIssues(Protocol.seedConflicts(seed))))

/**
 * @since 1.0.0
 * @category models
 */
export interface SeedFile extends Schema.Schema.Type<typeof SeedFile> {}

/**
 * The values the simulator uses for what a seed leaves out (the protocol's): `advancedSecurityMode`
 * `AUDIT`, `eventType` `SignIn`, `eventResponse` `Pass`, `riskDecision` `NoRisk`, `riskLevel` `Low`,
 * `compromisedCredentialsDetected` `false`, `feedbackProvider` `User`. A missing `sub` is a fresh
 * UUID v4 (from `Random`) and a missing `creationDate` is the time of seeding (from `Clock`).
 *
 * @since 1.0.0
 * @category models
 */
export const defaults: typeof Protocol.defaults = Protocol.defaults

/**
 * A seed that does not match the format, or that clashes with what the simulator already holds.
 * `message` lists `path: problem` pairs and never contains a value from the seed.
 *
 * @since 1.0.0
 * @category errors
 */
export class SeedError extends Schema.TaggedError<SeedError>()("SeedError", {
  message: Schema.String
}) {}

const joinPath = (path: ReadonlyArray<PropertyKey>): string => path.map(String).join(".")

/**
 * `path: problem` for each issue, e.g. `userPools.0.users.1.authEvents.0.eventId: is required`.
 *
 * @since 1.0.0
 * @category validation
 */
export const describeSeedIssues = (error: Schema.SchemaError, prefix: ReadonlyArray<PropertyKey> = []): string =>
  describeIssues(error, "seed", prefix)

/**
 * A `SeedError` for one problem at `path`.
 *
 * @since 1.0.0
 * @category constructors
 */
export const seedError = (path: ReadonlyArray<PropertyKey>, message: string): SeedError =>
  new SeedError({ message: path.length === 0 ? message : `${joinPath(path)}: ${message}` })

const fromResult = (result: Protocol.Result<Protocol.SeedFile>): Effect.Effect<SeedFile, SeedError> =>
  result._tag === "Ok" ? Effect.succeed(result.value) : Effect.fail(new SeedError({ message: result.message }))

// unknown fields are errors: a typo in a seed file should not silently fall back to a default
const parseOptions = { errors: "all", onExcessProperty: "error" } as const

/**
 * Decodes the JSON value of a seed file (already parsed).
 *
 * @since 1.0.0
 * @category validation
 */
export const decodeSeed = (json: unknown): Effect.Effect<SeedFile, SeedError> => fromResult(Protocol.decode(json))

/**
 * Decodes the text of a seed file. Text that is not JSON gets a fixed message: the parser's
 * own would quote the file.
 *
 * @since 1.0.0
 * @category validation
 */
export const decodeSeedJson = (text: string): Effect.Effect<SeedFile, SeedError> =>
  fromResult(Protocol.decodeJson(text))

/**
 * The seed as the JSON value of a seed file (dates as ISO 8601 strings).
 *
 * @since 1.0.0
 * @category validation
 */
export const encodeSeed = (seed: SeedFile): Effect.Effect<Schema.Codec.Encoded<typeof SeedFile>, SeedError> =>
  Schema.encodeEffect(SeedFile, parseOptions)(seed).pipe(
    Effect.mapError((error) => new SeedError({ message: describeSeedIssues(error) }))
  )

/**
 * Checks a seed built in code against the format (patterns, uniqueness). `prefix` is put in front
 * of every path of the message.
 *
 * @since 1.0.0
 * @category validation
 */
export const validateWith = <S extends Schema.Top>(
  schema: S
): (value: S["Type"], prefix?: ReadonlyArray<PropertyKey>) => Effect.Effect<S["Type"], SeedError> => {
  const validate = Schema.decodeUnknownResult(
    Schema.toType(schema) as unknown as Schema.Decoder<S["Type"]>,
    parseOptions
  )
  return (value, prefix = []) =>
    Result.match(validate(value), {
      onFailure: (error) => Effect.fail(new SeedError({ message: describeSeedIssues(error, prefix) })),
      onSuccess: (a) => Effect.succeed(a)
    })
}

/**
 * A small world for demos and the emulator's default: pool `us-east-1_Example1` (`AUDIT`, alias
 * `email`) where alice has four events (`evt-1` with the token `tok.valid-1`) and bob one, and pool
 * `us-east-1_NoThreat1` with threat protection `OFF`.
 *
 * @since 1.0.0
 * @category constructors
 */
export const sampleSeed: SeedFile = {
  userPools: [
    {
      id: "us-east-1_Example1",
      advancedSecurityMode: "AUDIT",
      aliasAttributes: ["email"],
      users: [
        {
          username: "alice",
          sub: "0f8fad5b-d9cb-469f-a165-70867728950e",
          attributes: { email: "alice@example.com" },
          authEvents: [
            {
              eventId: "evt-1",
              feedbackToken: "tok.valid-1",
              eventType: "SignIn",
              eventResponse: "Pass",
              riskDecision: "AccountTakeover",
              riskLevel: "High",
              creationDate: new Date("2026-11-01T10:00:00Z"),
              challengeResponses: [{ challengeName: "Password", challengeResponse: "Success" }],
              eventContextData: {
                ipAddress: "203.0.113.7",
                deviceName: "Firefox, Linux",
                timezone: "+01:00",
                city: "Lyon",
                country: "France"
              }
            },
            {
              eventId: "evt-2",
              feedbackToken: "tok.valid-2",
              eventType: "SignIn",
              riskDecision: "Block",
              riskLevel: "Medium",
              eventResponse: "Fail",
              compromisedCredentialsDetected: true,
              creationDate: new Date("2026-11-02T08:30:00Z")
            },
            {
              eventId: "evt-3",
              feedbackToken: "tok.valid-3",
              eventType: "PasswordChange",
              creationDate: new Date("2026-10-30T18:00:00Z"),
              feedback: { feedbackValue: "Valid", provider: "Admin", feedbackDate: new Date("2026-10-31T09:00:00Z") }
            },
            {
              eventId: "evt-4",
              feedbackToken: "tok.valid-4",
              eventType: "ForgotPassword",
              creationDate: new Date("2026-10-15T07:45:00Z")
            }
          ]
        },
        {
          username: "bob",
          sub: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
          attributes: { email: "bob@example.com" },
          authEvents: [
            {
              eventId: "evt-b1",
              feedbackToken: "tok.bob-1",
              riskDecision: "AccountTakeover",
              riskLevel: "Low",
              creationDate: new Date("2026-11-01T12:00:00Z")
            }
          ]
        }
      ]
    },
    {
      id: "us-east-1_NoThreat1",
      advancedSecurityMode: "OFF",
      users: [
        {
          username: "carol",
          sub: "9b2d2f1e-3c4b-4a5d-8e6f-7a8b9c0d1e2f",
          authEvents: [{
            eventId: "evt-c1",
            feedbackToken: "tok.off-1",
            creationDate: new Date("2026-11-01T09:00:00Z")
          }]
        }
      ]
    }
  ]
}
