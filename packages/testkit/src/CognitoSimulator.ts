/**
 * An in-memory Cognito: the user pools, users and auth events that `UpdateAuthEventFeedback`,
 * `AdminUpdateAuthEventFeedback` and `AdminListUserAuthEvents` touch. It decides every outcome of
 * those operations in the real service's order of checks, records feedback, and can be told to
 * throttle, fail or be slow — all on `Clock` and `Random`, so `TestClock` makes it deterministic.
 *
 * @since 0.1.0
 */
import {
  InternalErrorException,
  InvalidParameterException,
  NotAuthorizedException,
  OperationNotEnabledException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException
} from "@cognito-feedback/core/CognitoError"
import type { ServiceErrorCode } from "@cognito-feedback/core/CognitoError"
import * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Arr from "effect/Array"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import type { ParseError } from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import * as SynchronizedRef from "effect/SynchronizedRef"
import * as Seed from "./SimulatorSeed.js"
import type { SeedError, SeedFile } from "./SimulatorSeed.js"

export {
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 0.1.0
   * @category validation
   */
  decodeSeed,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 0.1.0
   * @category constructors
   */
  sampleSeed,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 0.1.0
   * @category errors
   */
  SeedError,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 0.1.0
   * @category schemas
   */
  SeedFile
} from "./SimulatorSeed.js"

// ---------------------------------------------------------------------------------------------
// wire schemas
// ---------------------------------------------------------------------------------------------

const mustBe = (expected: string) => () => ({ message: `must be ${expected}`, override: true })

// `Schema.optional` whose "or undefined" member fails silently (see `describeIssues`)
const absent = "\u0000absent"
const Absent = Schema.Undefined.annotations({ message: () => ({ message: absent, override: true }) })
const optional = <S extends Schema.Schema.All>(schema: S) =>
  Schema.optionalWith(Schema.Union(schema, Absent), { exact: true })

/**
 * Core's `describeIssues` for requests with optional members: a present but wrong value is
 * reported by its own rule only, not also as "Expected undefined, actual <the value>".
 */
const describeIssues = (error: ParseError): string =>
  Arr.dedupe(
    ParseResult.ArrayFormatter.formatErrorSync(error).filter((issue) => issue.message !== absent).map((issue) => {
      const field = issue.path.map(String).join(".")
      const rule = issue._tag === "Missing" ? "is required" : issue.message
      return field === "" ? `request ${rule}` : `${field}: ${rule}`
    })
  ).join("; ")

/**
 * A timestamp as AWS JSON 1.1 sends it: a number of seconds since the epoch (fractions for
 * milliseconds), decoded to a `Date`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const EpochSeconds = Schema.transform(
  Schema.Number.annotations({ message: mustBe("a number of seconds since the epoch") }).pipe(Schema.finite()),
  Schema.ValidDateFromSelf,
  {
    strict: true,
    // rounding undoes the float error of the division on the way out
    decode: (seconds) => new Date(Math.round(seconds * 1000)),
    encode: (date) => date.getTime() / 1000
  }
).annotations({ identifier: "EpochSeconds" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const EventRiskType = Schema.Struct({
  RiskDecision: Seed.RiskDecision,
  RiskLevel: Seed.RiskLevel,
  CompromisedCredentialsDetected: Schema.Boolean
}).annotations({ identifier: "EventRiskType" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EventRiskType extends Schema.Schema.Type<typeof EventRiskType> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const ChallengeResponseType = Schema.Struct({
  ChallengeName: Seed.ChallengeName,
  ChallengeResponse: Seed.ChallengeResponse
}).annotations({ identifier: "ChallengeResponseType" })

/**
 * @since 0.1.0
 * @category models
 */
export interface ChallengeResponseType extends Schema.Schema.Type<typeof ChallengeResponseType> {}

/**
 * @since 0.1.0
 * @category schemas
 */
export const EventContextDataType = Schema.Struct({
  IpAddress: Schema.optional(Schema.String),
  DeviceName: Schema.optional(Schema.String),
  Timezone: Schema.optional(Schema.String),
  City: Schema.optional(Schema.String),
  Country: Schema.optional(Schema.String)
}).annotations({ identifier: "EventContextDataType" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EventContextDataType extends Schema.Schema.Type<typeof EventContextDataType> {}

/**
 * Recorded feedback, as `AdminListUserAuthEvents` shows it. `Provider` is `User` for
 * `UpdateAuthEventFeedback` and `Admin` for `AdminUpdateAuthEventFeedback` (see
 * `SimulatorSeed.FeedbackProvider`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventFeedbackType = Schema.Struct({
  FeedbackValue: UpdateAuthEventFeedback.FeedbackValue,
  Provider: Seed.FeedbackProvider,
  FeedbackDate: EpochSeconds
}).annotations({ identifier: "EventFeedbackType" })

/**
 * @since 0.1.0
 * @category models
 */
export interface EventFeedbackType extends Schema.Schema.Type<typeof EventFeedbackType> {}

/**
 * One auth event of `AdminListUserAuthEvents`. The model makes every member optional; the
 * simulator always sends all but `EventContextData` and `EventFeedback`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AuthEventType = Schema.Struct({
  EventId: Schema.String,
  EventType: Seed.EventType,
  CreationDate: EpochSeconds,
  EventResponse: Seed.EventResponse,
  EventRisk: EventRiskType,
  ChallengeResponses: Schema.Array(ChallengeResponseType),
  EventContextData: Schema.optional(EventContextDataType),
  EventFeedback: Schema.optional(EventFeedbackType)
}).annotations({ identifier: "AuthEventType" })

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthEventType extends Schema.Schema.Type<typeof AuthEventType> {}

/**
 * `AdminUpdateAuthEventFeedback`: the members of `UpdateAuthEventFeedback` without the token.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AdminUpdateAuthEventFeedbackRequest = Schema.Struct({
  UserPoolId: UpdateAuthEventFeedback.UserPoolId,
  Username: UpdateAuthEventFeedback.Username,
  EventId: UpdateAuthEventFeedback.EventId,
  FeedbackValue: UpdateAuthEventFeedback.FeedbackValue
}).annotations({
  identifier: "AdminUpdateAuthEventFeedbackRequest",
  // not an override: the members' own messages come first
  message: () => "must be an object"
})

/**
 * @since 0.1.0
 * @category models
 */
export interface AdminUpdateAuthEventFeedbackRequest
  extends Schema.Schema.Type<typeof AdminUpdateAuthEventFeedbackRequest>
{}

/**
 * What callers pass: `Username` as a plain string or `Redacted`.
 *
 * @since 0.1.0
 * @category models
 */
export type AdminUpdateAuthEventFeedbackInput = Schema.Schema.Encoded<typeof AdminUpdateAuthEventFeedbackRequest>

/**
 * @since 0.1.0
 * @category schemas
 */
export const AdminUpdateAuthEventFeedbackResponse = Schema.Struct({}).annotations({
  identifier: "AdminUpdateAuthEventFeedbackResponse"
})

/**
 * @since 0.1.0
 * @category models
 */
export interface AdminUpdateAuthEventFeedbackResponse
  extends Schema.Schema.Type<typeof AdminUpdateAuthEventFeedbackResponse>
{}

/**
 * Page size: 0 to 60, where 0 (like leaving it out) means 60.
 *
 * @since 0.1.0
 * @category schemas
 */
export const MaxResults = Schema.Number.annotations({ message: mustBe("a number") }).pipe(
  Schema.filter((n) => (Number.isInteger(n) && n >= 0 && n <= 60) || "must be an integer from 0 to 60")
).annotations({ identifier: "MaxResults" })

/**
 * The model's `PaginationKey`: at least one character, no whitespace.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PaginationKey = Schema.String.annotations({ message: mustBe("a string") }).pipe(
  Schema.filter((s) => /^\S+$/.test(s) || "must match [\\S]+")
).annotations({ identifier: "PaginationKey" })

/**
 * @since 0.1.0
 * @category schemas
 */
export const AdminListUserAuthEventsRequest = Schema.Struct({
  UserPoolId: UpdateAuthEventFeedback.UserPoolId,
  Username: UpdateAuthEventFeedback.Username,
  MaxResults: optional(MaxResults),
  NextToken: optional(PaginationKey)
}).annotations({
  identifier: "AdminListUserAuthEventsRequest",
  message: () => "must be an object"
})

/**
 * @since 0.1.0
 * @category models
 */
export interface AdminListUserAuthEventsRequest extends Schema.Schema.Type<typeof AdminListUserAuthEventsRequest> {}

/**
 * @since 0.1.0
 * @category models
 */
export type AdminListUserAuthEventsInput = Schema.Schema.Encoded<typeof AdminListUserAuthEventsRequest>

/**
 * Events newest first; `NextToken` is present when more remain.
 *
 * @since 0.1.0
 * @category schemas
 */
export const AdminListUserAuthEventsResponse = Schema.Struct({
  AuthEvents: Schema.Array(AuthEventType),
  NextToken: Schema.optional(Schema.String)
}).annotations({ identifier: "AdminListUserAuthEventsResponse" })

/**
 * @since 0.1.0
 * @category models
 */
export interface AdminListUserAuthEventsResponse extends Schema.Schema.Type<typeof AdminListUserAuthEventsResponse> {}

// ---------------------------------------------------------------------------------------------
// errors, calls and the service
// ---------------------------------------------------------------------------------------------

/**
 * The failures fault injection produces, before any other check.
 *
 * @since 0.1.0
 * @category errors
 */
export type FaultError = TooManyRequestsException | InternalErrorException | OperationNotEnabledException

/**
 * @since 0.1.0
 * @category errors
 */
export type AdminUpdateError =
  | InvalidParameterException
  | ResourceNotFoundException
  | UserPoolAddOnNotEnabledException
  | UserNotFoundException
  | FaultError

/**
 * @since 0.1.0
 * @category errors
 */
export type UpdateError = AdminUpdateError | NotAuthorizedException

/**
 * @since 0.1.0
 * @category errors
 */
export type ListError = AdminUpdateError

/**
 * @since 0.1.0
 * @category models
 */
export type Operation = "UpdateAuthEventFeedback" | "AdminUpdateAuthEventFeedback" | "AdminListUserAuthEvents"

/**
 * One operation the simulator answered, for assertions such as "nothing was sent". Holds no
 * secret: `userPoolId` and `eventId` only when the input had valid ones, never a username or token.
 *
 * @since 0.1.0
 * @category models
 */
export interface Call {
  readonly operation: Operation
  readonly outcome: "Success" | ServiceErrorCode
  readonly requestId: string
  readonly date: Date
  readonly userPoolId?: string | undefined
  readonly eventId?: string | undefined
}

/**
 * A user as the simulator holds it.
 *
 * @since 0.1.0
 * @category models
 */
export interface SimulatedUser {
  readonly username: string
  readonly sub: string
  readonly attributes: Readonly<Record<string, string>>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly seed?: SeedFile | undefined
}

/**
 * @since 0.1.0
 * @category tags
 */
export class CognitoSimulator extends Context.Tag("@cognito-feedback/testkit/CognitoSimulator")<
  CognitoSimulator,
  CognitoSimulator.Service
>() {}

/**
 * @since 0.1.0
 */
export declare namespace CognitoSimulator {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    /**
     * `UpdateAuthEventFeedback`. `input` is an `UpdateAuthEventFeedbackInput` or any decoded JSON;
     * checks, in order: parameters, pool, threat protection, user (username, alias attribute of
     * the pool, or sub), event, token; then records the feedback (Provider `User`), replacing any.
     */
    readonly updateAuthEventFeedback: (
      input: unknown
    ) => Effect.Effect<UpdateAuthEventFeedback.UpdateAuthEventFeedbackResponse, UpdateError>
    /** `AdminUpdateAuthEventFeedback`: the same checks without the token; Provider `Admin`. */
    readonly adminUpdateAuthEventFeedback: (
      input: unknown
    ) => Effect.Effect<AdminUpdateAuthEventFeedbackResponse, AdminUpdateError>
    /** `AdminListUserAuthEvents`: the user's events newest first, paginated. */
    readonly adminListUserAuthEvents: (
      input: unknown
    ) => Effect.Effect<AdminListUserAuthEventsResponse, ListError>

    /** Adds pools, users and events; fails if any clashes with what is already there. */
    readonly seed: (seed: SeedFile) => Effect.Effect<void, SeedError>
    readonly addUserPool: (pool: Seed.SeedUserPool) => Effect.Effect<void, SeedError>
    /** Adds a user to an existing pool; returns it with its (possibly generated) `sub`. */
    readonly addUser: (userPoolId: string, user: Seed.SeedUser) => Effect.Effect<SimulatedUser, SeedError>
    /** Adds an event to the user found by username, alias attribute or sub. */
    readonly addAuthEvent: (
      userPoolId: string,
      usernameOrAliasOrSub: string,
      event: Seed.SeedAuthEvent
    ) => Effect.Effect<void, SeedError>

    /** The next `n` calls fail with `TooManyRequestsException` (replaces any earlier count). */
    readonly throttleNext: (n: number) => Effect.Effect<void>
    /**
     * A token bucket on the `Clock`: `burst` calls at once (default: one second's worth, at least
     * 1), refilled at `ratePerSecond`; a call that finds it empty is throttled.
     */
    readonly throttleAbove: (ratePerSecond: number, burst?: number) => Effect.Effect<void>
    /** The next `n` calls fail with `error` (default `InternalErrorException`). */
    readonly failNext: (
      n: number,
      error?: "InternalErrorException" | "OperationNotEnabledException"
    ) => Effect.Effect<void>
    /** Every call sleeps this long (on the `Clock`) before it is decided. */
    readonly setLatency: (latency: Duration.DurationInput) => Effect.Effect<void>
    readonly clearFaults: Effect.Effect<void>

    /** The feedback recorded on an event, if any (none also when the pool, user or event is unknown). */
    readonly feedbackOf: (
      userPoolId: string,
      usernameOrAliasOrSub: string,
      eventId: string
    ) => Effect.Effect<Option.Option<EventFeedbackType>>
    readonly userOf: (userPoolId: string, usernameOrAliasOrSub: string) => Effect.Effect<Option.Option<SimulatedUser>>
    /** Every call answered so far, oldest first. */
    readonly calls: Effect.Effect<ReadonlyArray<Call>>
  }
}

// ---------------------------------------------------------------------------------------------
// state
// ---------------------------------------------------------------------------------------------

interface EventState {
  /** Insertion order, the tie-break between equal creation dates. */
  readonly seq: number
  readonly eventId: string
  readonly feedbackToken: string
  readonly eventType: Seed.EventType
  readonly creationDate: Date
  readonly eventResponse: Seed.EventResponse
  readonly risk: EventRiskType
  readonly challengeResponses: ReadonlyArray<ChallengeResponseType>
  readonly contextData: EventContextDataType | undefined
  readonly feedback: EventFeedbackType | undefined
}

interface UserState extends SimulatedUser {
  readonly events: ReadonlyArray<EventState>
}

interface PoolState {
  readonly id: string
  readonly advancedSecurityMode: Seed.AdvancedSecurityMode
  readonly aliasAttributes: ReadonlyArray<string>
  readonly users: ReadonlyArray<UserState>
}

interface State {
  readonly pools: ReadonlyMap<string, PoolState>
  readonly nextSeq: number
}

type LocateError = ResourceNotFoundException | UserPoolAddOnNotEnabledException | UserNotFoundException

type RecordOutcome<E> = Either.Either<UpdateAuthEventFeedback.UpdateAuthEventFeedbackResponse, LocateError | E>

interface Located {
  readonly pool: PoolState
  readonly userIndex: number
  readonly user: UserState
}

const withPool = (state: State, pool: PoolState): State => ({
  ...state,
  pools: new Map(state.pools).set(pool.id, pool)
})

const replaceAt = <A>(items: ReadonlyArray<A>, index: number, f: (a: A) => A): ReadonlyArray<A> =>
  items.map((item, i) => (i === index ? f(item) : item))

/**
 * Username first, then the values of the pool's alias attributes, then the sub: the order in which
 * Cognito documents what `Username` may hold. An attribute that is not one of the pool's alias
 * attributes never matches. (Simplifications: matching is case-sensitive, and an alias counts
 * whether or not it is verified.)
 */
const findUserIndex = (pool: PoolState, key: string): number => {
  const byUsername = pool.users.findIndex((user) => user.username === key)
  if (byUsername >= 0) return byUsername
  const byAlias = pool.users.findIndex((user) => pool.aliasAttributes.some((a) => user.attributes[a] === key))
  if (byAlias >= 0) return byAlias
  return pool.users.findIndex((user) => user.sub === key)
}

const locateUser = (state: State, userPoolId: string, key: string): Option.Option<Located> =>
  Option.fromNullable(state.pools.get(userPoolId)).pipe(
    Option.flatMap((pool) => {
      const userIndex = findUserIndex(pool, key)
      const user = pool.users[userIndex]
      return user === undefined ? Option.none() : Option.some({ pool, userIndex, user })
    })
  )

const newestFirst = (a: EventState, b: EventState): number =>
  b.creationDate.getTime() - a.creationDate.getTime() || b.seq - a.seq

const compact = <A extends object>(a: A): A =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as A

const toAuthEventType = (event: EventState): AuthEventType =>
  compact({
    EventId: event.eventId,
    EventType: event.eventType,
    CreationDate: event.creationDate,
    EventResponse: event.eventResponse,
    EventRisk: event.risk,
    ChallengeResponses: event.challengeResponses,
    EventContextData: event.contextData,
    EventFeedback: event.feedback
  })

const toEventState = (event: Seed.SeedAuthEvent, seq: number, now: Date): EventState => {
  const context = event.eventContextData
  return {
    seq,
    eventId: event.eventId,
    feedbackToken: event.feedbackToken,
    eventType: event.eventType ?? Seed.defaults.eventType,
    creationDate: event.creationDate ?? now,
    eventResponse: event.eventResponse ?? Seed.defaults.eventResponse,
    risk: {
      RiskDecision: event.riskDecision ?? Seed.defaults.riskDecision,
      RiskLevel: event.riskLevel ?? Seed.defaults.riskLevel,
      CompromisedCredentialsDetected: event.compromisedCredentialsDetected ??
        Seed.defaults.compromisedCredentialsDetected
    },
    challengeResponses: (event.challengeResponses ?? []).map((c) => ({
      ChallengeName: c.challengeName,
      ChallengeResponse: c.challengeResponse
    })),
    contextData: context === undefined ? undefined : compact({
      IpAddress: context.ipAddress,
      DeviceName: context.deviceName,
      Timezone: context.timezone,
      City: context.city,
      Country: context.country
    }),
    feedback: event.feedback === undefined ? undefined : {
      FeedbackValue: event.feedback.feedbackValue,
      Provider: event.feedback.provider ?? Seed.defaults.feedbackProvider,
      FeedbackDate: event.feedback.feedbackDate ?? now
    }
  }
}

// ---------------------------------------------------------------------------------------------
// faults
// ---------------------------------------------------------------------------------------------

interface Bucket {
  readonly ratePerSecond: number
  readonly burst: number
  readonly tokens: number
  readonly updatedAt: number
}

interface Faults {
  readonly throttleNext: number
  readonly failNext: number
  readonly failWith: "InternalErrorException" | "OperationNotEnabledException"
  readonly bucket: Bucket | undefined
  readonly latency: Duration.Duration
}

const noFaults: Faults = {
  throttleNext: 0,
  failNext: 0,
  failWith: "InternalErrorException",
  bucket: undefined,
  latency: Duration.zero
}

/** A count from any number: NaN and negatives are 0, fractions round down. */
const count = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : n > 0 ? Infinity : 0)

// a float tolerance so that 5 calls/s refilled over 200 ms gives a whole token
const epsilon = 1e-9

const refill = (bucket: Bucket, now: number): Bucket => ({
  ...bucket,
  tokens: Math.min(bucket.burst, bucket.tokens + (Math.max(0, now - bucket.updatedAt) * bucket.ratePerSecond) / 1000),
  updatedAt: Math.max(now, bucket.updatedAt)
})

/**
 * Which fault, if any, answers this call. Throttling comes first (the front door refuses before
 * the service works), then injected failures. A call refused by `throttleNext` takes no token.
 */
const takeFault = (faults: Faults, now: number, requestId: string): readonly [Option.Option<FaultError>, Faults] => {
  if (faults.throttleNext > 0) {
    return [
      Option.some(new TooManyRequestsException({ message: "Rate exceeded", requestId })),
      { ...faults, throttleNext: faults.throttleNext - 1 }
    ]
  }
  let next = faults
  if (faults.bucket !== undefined) {
    const bucket = refill(faults.bucket, now)
    if (bucket.tokens + epsilon < 1) {
      return [Option.some(new TooManyRequestsException({ message: "Rate exceeded", requestId })), { ...faults, bucket }]
    }
    next = { ...faults, bucket: { ...bucket, tokens: Math.max(0, bucket.tokens - 1) } }
  }
  if (next.failNext > 0) {
    const error = next.failWith === "InternalErrorException"
      ? new InternalErrorException({ message: "An internal error occurred.", requestId })
      : new OperationNotEnabledException({ message: "This operation is not enabled for this user pool.", requestId })
    return [Option.some(error), { ...next, failNext: next.failNext - 1 }]
  }
  return [Option.none(), next]
}

// ---------------------------------------------------------------------------------------------
// pagination tokens
// ---------------------------------------------------------------------------------------------

interface PageKey {
  readonly time: number
  readonly seq: number
}

/** FNV-1a: enough to reject forged or garbled tokens, which is all a simulator needs. */
const fnv1a = (s: string): string => {
  let hash = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, "0")
}

// bound to the pool and the user (by sub), so a token from another listing is rejected
const checksum = (userPoolId: string, sub: string, key: PageKey) =>
  fnv1a(`cognito-simulator|${userPoolId}|${sub}|${key.time}|${key.seq}`)

const encodePageToken = (userPoolId: string, sub: string, key: PageKey): string =>
  Encoding.encodeBase64Url(`${key.time}.${key.seq}.${checksum(userPoolId, sub, key)}`)

const decodePageToken = (token: string, userPoolId: string, sub: string): Option.Option<PageKey> =>
  Either.getRight(Encoding.decodeBase64UrlString(token)).pipe(
    Option.flatMap((text) => {
      const [, time, seq, sum] = /^(-?\d{1,16})\.(\d{1,16})\.([0-9a-f]{8})$/.exec(text) ?? []
      if (time === undefined || seq === undefined || sum === undefined) return Option.none()
      const key = { time: Number(time), seq: Number(seq) }
      return sum === checksum(userPoolId, sub, key) ? Option.some(key) : Option.none()
    })
  )

const isAfter = (event: EventState, key: PageKey): boolean => {
  const time = event.creationDate.getTime()
  return time < key.time || (time === key.time && event.seq < key.seq)
}

// ---------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------

const hex = (byte: number) => byte.toString(16).padStart(2, "0")

/** A UUID v4 from `Random`, so seeded runs repeat their ids. */
const uuidV4: Effect.Effect<string> = Effect.map(
  Effect.all(Arr.makeBy(16, () => Random.nextIntBetween(0, 256))),
  (bytes) => {
    const h = bytes.map((b, i) => hex(i === 6 ? (b & 0x0f) | 0x40 : i === 8 ? (b & 0x3f) | 0x80 : b)).join("")
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
)

const decodeAdminUpdate = Schema.decodeUnknownEither(AdminUpdateAuthEventFeedbackRequest, { errors: "all" })
const decodeAdminList = Schema.decodeUnknownEither(AdminListUserAuthEventsRequest, { errors: "all" })

const invalidParameter = <A>(
  decoded: Either.Either<A, ParseError>,
  requestId: string
): Either.Either<A, InvalidParameterException> =>
  Either.mapLeft(
    decoded,
    (error) => new InvalidParameterException({ message: describeIssues(error), requestId })
  )

/** A member of the raw input, if it is valid for `schema` (used to label calls without secrets). */
const validMember = (input: unknown, key: string, schema: Schema.Schema<string>): string | undefined =>
  Predicate.hasProperty(input, key)
    ? Option.getOrUndefined(Schema.decodeUnknownOption(schema)(input[key]))
    : undefined

const validateSeedFile = Seed.validateWith(Seed.SeedFile)
const validatePool = Seed.validateWith(Seed.SeedUserPool)
const validateUser = Seed.validateWith(Seed.SeedUser)
const validateEvent = Seed.validateWith(Seed.SeedAuthEvent)

/**
 * A fresh simulator, optionally seeded (see `SimulatorSeed` for the format and defaults).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options?: Options): Effect.Effect<CognitoSimulator.Service, SeedError> =>
  Effect.gen(function*() {
    const stateRef = yield* SynchronizedRef.make<State>({ pools: new Map(), nextSeq: 0 })
    const faultsRef = yield* Ref.make(noFaults)
    const callsRef = yield* Ref.make(Chunk.empty<Call>())
    const now = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis))

    // -- seeding --------------------------------------------------------------------------------

    const insertUser = (
      state: State,
      userPoolId: string,
      user: Seed.SeedUser,
      path: ReadonlyArray<PropertyKey>,
      date: Date
    ): Effect.Effect<readonly [SimulatedUser, State], SeedError> =>
      Effect.gen(function*() {
        const pool = state.pools.get(userPoolId)
        if (pool === undefined) return yield* Seed.seedError([], "no user pool has this id")
        const conflict = Seed.userConflict(pool.users, pool.aliasAttributes, user)
        if (Option.isSome(conflict)) {
          return yield* Seed.seedError([...path, ...conflict.value.path], conflict.value.message)
        }
        const sub = user.sub ?? (yield* uuidV4)
        const events = (user.authEvents ?? []).map((event, i) => toEventState(event, state.nextSeq + i, date))
        const added: UserState = { username: user.username, sub, attributes: user.attributes ?? {}, events }
        const next = withPool(
          { ...state, nextSeq: state.nextSeq + events.length },
          { ...pool, users: [...pool.users, added] }
        )
        return [{ username: added.username, sub, attributes: added.attributes }, next] as const
      })

    const insertPool = (
      state: State,
      pool: Seed.SeedUserPool,
      path: ReadonlyArray<PropertyKey>,
      date: Date
    ): Effect.Effect<State, SeedError> =>
      Effect.gen(function*() {
        if (state.pools.has(pool.id)) return yield* Seed.seedError([...path, "id"], "a user pool with this id exists")
        let next = withPool(state, {
          id: pool.id,
          advancedSecurityMode: pool.advancedSecurityMode ?? Seed.defaults.advancedSecurityMode,
          aliasAttributes: pool.aliasAttributes ?? [],
          users: []
        })
        for (const [i, user] of (pool.users ?? []).entries()) {
          next = (yield* insertUser(next, pool.id, user, [...path, "users", i], date))[1]
        }
        return next
      })

    // every seeding step is all-or-nothing: the state changes only if the whole value is accepted
    const seed = (seedFile: SeedFile): Effect.Effect<void, SeedError> =>
      Effect.flatMap(validateSeedFile(seedFile), (valid) =>
        SynchronizedRef.updateEffect(stateRef, (state) =>
          Effect.gen(function*() {
            const date = yield* now
            let next = state
            for (const [i, pool] of (valid.userPools ?? []).entries()) {
              next = yield* insertPool(next, pool, ["userPools", i], date)
            }
            return next
          })))

    const addUserPool = (pool: Seed.SeedUserPool): Effect.Effect<void, SeedError> =>
      Effect.flatMap(validatePool(pool), (valid) =>
        SynchronizedRef.updateEffect(stateRef, (state) =>
          Effect.flatMap(now, (date) =>
            insertPool(state, valid, [], date))))

    const addUser = (userPoolId: string, user: Seed.SeedUser): Effect.Effect<SimulatedUser, SeedError> =>
      Effect.flatMap(validateUser(user), (valid) =>
        SynchronizedRef.modifyEffect(stateRef, (state) =>
          Effect.flatMap(now, (date) =>
            insertUser(state, userPoolId, valid, [], date))))

    const addAuthEvent = (
      userPoolId: string,
      usernameOrAliasOrSub: string,
      event: Seed.SeedAuthEvent
    ): Effect.Effect<void, SeedError> =>
      Effect.flatMap(validateEvent(event), (valid) =>
        SynchronizedRef.updateEffect(stateRef, (state) =>
          Effect.gen(function*() {
            if (!state.pools.has(userPoolId)) {
              return yield* Seed.seedError([], "no user pool has this id")
            }
            const located = locateUser(state, userPoolId, usernameOrAliasOrSub)
            if (Option.isNone(located)) {
              return yield* Seed.seedError([], "no user of this pool matches")
            }
            const { pool, user, userIndex } = located.value
            const conflict = Seed.eventConflict(user.events, valid)
            if (Option.isSome(conflict)) {
              return yield* Seed.seedError(conflict.value.path, conflict.value.message)
            }
            const added = toEventState(valid, state.nextSeq, yield* now)
            return withPool(
              { ...state, nextSeq: state.nextSeq + 1 },
              { ...pool, users: replaceAt(pool.users, userIndex, (u) => ({ ...u, events: [...u.events, added] })) }
            )
          })))

    // -- the operations -------------------------------------------------------------------------

    /**
     * Latency, then faults, then the operation's own checks; every answer is logged. The sleep
     * comes first so that a caller's timeout interrupts the call before it changes anything.
     */
    const serve = <A, E extends { readonly _tag: ServiceErrorCode }>(
      operation: Operation,
      input: unknown,
      handle: (requestId: string, date: Date) => Effect.Effect<A, E>
    ): Effect.Effect<A, E | FaultError> =>
      Effect.gen(function*() {
        const { latency } = yield* Ref.get(faultsRef)
        if (Duration.greaterThan(latency, Duration.zero)) {
          yield* Effect.sleep(latency)
        }
        const requestId = yield* uuidV4
        const millis = yield* Clock.currentTimeMillis
        const fault = yield* Ref.modify(faultsRef, (faults) =>
          takeFault(faults, millis, requestId))
        const result: Either.Either<A, E | FaultError> = Option.isSome(fault)
          ? Either.left(fault.value)
          : yield* Effect.either(handle(requestId, new Date(millis)))
        const call: Call = compact({
          operation,
          outcome: Either.isRight(result) ? "Success" : result.left._tag,
          requestId,
          date: new Date(millis),
          userPoolId: validMember(input, "UserPoolId", UpdateAuthEventFeedback.UserPoolId),
          eventId: validMember(input, "EventId", UpdateAuthEventFeedback.EventId)
        })
        yield* Ref.update(callsRef, Chunk.append(call))
        return yield* result
      })

    /**
     * The checks after the parameters, in the order the API reference lists the causes: the pool
     * (`ResourceNotFoundException`), its threat protection (`UserPoolAddOnNotEnabledException`), the
     * user (`UserNotFoundException`). The docs do not say which comes first when several are wrong;
     * this order goes from the outside in, as Cognito's other user operations do.
     */
    const locate = (
      state: State,
      userPoolId: string,
      username: string,
      requestId: string
    ): Either.Either<Located, LocateError> => {
      const pool = state.pools.get(userPoolId)
      if (pool === undefined) {
        return Either.left(
          new ResourceNotFoundException({ message: `User pool ${userPoolId} does not exist.`, requestId })
        )
      }
      if (pool.advancedSecurityMode === "OFF") {
        return Either.left(
          new UserPoolAddOnNotEnabledException({
            message: "Threat protection (advanced security) is not enabled for this user pool.",
            requestId
          })
        )
      }
      return Either.fromOption(
        locateUser(state, userPoolId, username),
        () =>
          new UserNotFoundException({ message: "User does not exist.", requestId })
      )
    }

    /**
     * Finds the event, then lets `authorize` refuse (the token check). An unknown event is
     * `ResourceNotFoundException` (the API reference: "the user pool (or event) does not exist");
     * it is decided before the token, since a token can only be wrong for an event that exists.
     */
    const recordFeedback = <E>(
      request: {
        readonly UserPoolId: string
        readonly Username: Redacted.Redacted<string>
        readonly EventId: string
        readonly FeedbackValue: UpdateAuthEventFeedback.FeedbackValue
      },
      authorize: (event: EventState) => Option.Option<E>,
      provider: Seed.FeedbackProvider,
      requestId: string,
      date: Date
    ): Effect.Effect<UpdateAuthEventFeedback.UpdateAuthEventFeedbackResponse, LocateError | E> =>
      Effect.flatMap(
        SynchronizedRef.modify(stateRef, (state): readonly [RecordOutcome<E>, State] => {
          const located = locate(state, request.UserPoolId, Redacted.value(request.Username), requestId)
          if (Either.isLeft(located)) {
            return [Either.left(located.left), state]
          }
          const { pool, user, userIndex } = located.right
          const eventIndex = user.events.findIndex((event) =>
            event.eventId === request.EventId
          )
          const event = user.events[eventIndex]
          if (event === undefined) {
            return [Either.left(new ResourceNotFoundException({ message: "Auth event not found.", requestId })), state]
          }
          const refusal = authorize(event)
          if (Option.isSome(refusal)) {
            return [Either.left(refusal.value), state]
          }
          // a later call replaces earlier feedback, as a user may change their mind
          const feedback: EventFeedbackType = {
            FeedbackValue: request.FeedbackValue,
            Provider: provider,
            FeedbackDate: date
          }
          const users = replaceAt(pool.users, userIndex, (u) => ({
            ...u,
            events: replaceAt(u.events, eventIndex, (e) => ({ ...e, feedback }))
          }))
          return [Either.right({}), withPool(state, { ...pool, users })]
        }),
        (outcome) =>
          outcome
      )

    const updateAuthEventFeedback = Effect.fn("CognitoSimulator.updateAuthEventFeedback")(function*(input: unknown) {
      return yield* serve("UpdateAuthEventFeedback", input, (requestId, date) =>
        UpdateAuthEventFeedback.decodeRequest(input).pipe(
          Effect.mapError((error) =>
            new InvalidParameterException({ message: error.message, requestId })
          ),
          Effect.flatMap((request) =>
            recordFeedback(
              request,
              (event) =>
                Redacted.value(request.FeedbackToken) === event.feedbackToken
                  ? Option.none()
                  : Option.some(new NotAuthorizedException({ message: "Invalid feedback token.", requestId })),
              "User",
              requestId,
              date
            )
          )
        ))
    })

    const adminUpdateAuthEventFeedback = Effect.fn("CognitoSimulator.adminUpdateAuthEventFeedback")(
      function*(input: unknown) {
        return yield* serve("AdminUpdateAuthEventFeedback", input, (requestId, date) =>
          Effect.flatMap(
            invalidParameter(decodeAdminUpdate(input), requestId),
            (request) =>
              recordFeedback(
                request,
                () =>
                  Option.none<never>(),
                "Admin",
                requestId,
                date
              )
          ))
      }
    )

    const adminListUserAuthEvents = Effect.fn("CognitoSimulator.adminListUserAuthEvents")(function*(input: unknown) {
      return yield* serve("AdminListUserAuthEvents", input, (requestId) =>
        Effect.gen(function*() {
          const request = yield* invalidParameter(decodeAdminList(input), requestId)
          const state = yield* SynchronizedRef.get(stateRef)
          const { user } = yield* locate(state, request.UserPoolId, Redacted.value(request.Username), requestId)
          // the token is checked last: whether it is valid depends on the pool and user it names
          const key = request.NextToken === undefined
            ? Option.none<PageKey>()
            : Option.some(
              yield* Either.fromOption(
                decodePageToken(request.NextToken, request.UserPoolId, user.sub),
                () =>
                  new InvalidParameterException({ message: "NextToken: is not a valid pagination token", requestId })
              )
            )
          const limit = request.MaxResults === undefined || request.MaxResults === 0 ? 60 : request.MaxResults
          const remaining = [...user.events].sort(newestFirst).filter((event) =>
            Option.match(key, {
              onNone: () =>
                true,
              onSome: (k) =>
                isAfter(event, k)
            })
          )
          const page = remaining.slice(0, limit)
          const last = page[page.length - 1]
          const response: AdminListUserAuthEventsResponse = { AuthEvents: page.map(toAuthEventType) }
          return remaining.length > limit && last !== undefined
            ? {
              ...response,
              NextToken: encodePageToken(request.UserPoolId, user.sub, {
                time: last.creationDate.getTime(),
                seq: last.seq
              })
            }
            : response
        }))
    })

    // -- faults and inspection --------------------------------------------------------------------

    const service: CognitoSimulator.Service = {
      updateAuthEventFeedback,
      adminUpdateAuthEventFeedback,
      adminListUserAuthEvents,
      seed,
      addUserPool,
      addUser,
      addAuthEvent,
      throttleNext: (n) =>
        Ref.update(faultsRef, (faults) => ({ ...faults, throttleNext: count(n) })),
      throttleAbove: (ratePerSecond, burst) =>
        Effect.flatMap(Clock.currentTimeMillis, (updatedAt) =>
          Ref.update(faultsRef, (faults) => {
            const rate = Number.isFinite(ratePerSecond) ? Math.max(0, ratePerSecond) : 0
            const size = burst === undefined ? Math.max(1, rate) : count(burst)
            return { ...faults, bucket: { ratePerSecond: rate, burst: size, tokens: size, updatedAt } }
          })),
      failNext: (n, error = "InternalErrorException") =>
        Ref.update(faultsRef, (faults) => ({ ...faults, failNext: count(n), failWith: error })),
      setLatency: (latency) =>
        Ref.update(faultsRef, (faults) => ({ ...faults, latency: Duration.decode(latency) })),
      clearFaults: Ref.set(faultsRef, noFaults),
      feedbackOf: (userPoolId, usernameOrAliasOrSub, eventId) =>
        Effect.map(SynchronizedRef.get(stateRef), (state) =>
          locateUser(state, userPoolId, usernameOrAliasOrSub).pipe(
            Option.flatMap(({ user }) => Option.fromNullable(user.events.find((event) => event.eventId === eventId))),
            Option.flatMap((event) => Option.fromNullable(event.feedback))
          )),
      userOf: (userPoolId, usernameOrAliasOrSub) =>
        Effect.map(SynchronizedRef.get(stateRef), (state) =>
          Option.map(locateUser(state, userPoolId, usernameOrAliasOrSub), ({ user }) => ({
            username: user.username,
            sub: user.sub,
            attributes: user.attributes
          }))),
      calls: Effect.map(Ref.get(callsRef), Chunk.toReadonlyArray)
    }

    if (options?.seed !== undefined) {
      yield* seed(options.seed)
    }
    return service
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: Options): Layer.Layer<CognitoSimulator, SeedError> =>
  Layer.effect(CognitoSimulator, make(options))
