/**
 * A simulated Cognito as a pure state machine: the user pools, users and auth events that
 * `UpdateAuthEventFeedback`, `AdminUpdateAuthEventFeedback` and `AdminListUserAuthEvents` touch,
 * and the faults it was told to inject. `decide(state, operation, input, now)` gives the new state
 * and the outcome: the operation's output, or a service exception's code and message. Each edition
 * keeps the state in its own cell (a `Ref`), draws request ids, subs and the time from its own
 * services, builds its own error values from the codes, and so decides exactly as every other
 * simulator, emulator and arbitrary does.
 *
 * The checks, in the service's order: injected faults (throttling, then failures), the input
 * against the operation's description (`InvalidParameterException`, every problem in one
 * message), the pool (`ResourceNotFoundException`), its threat protection
 * (`UserPoolAddOnNotEnabledException`), the user by username, alias attribute of the pool or sub
 * (`UserNotFoundException`), then the operation's own: the event (`ResourceNotFoundException`) and
 * its feedback token (`NotAuthorizedException`), or the page token (`InvalidParameterException`).
 * The API reference does not say which comes first when several are wrong; this order goes from
 * the outside in, as Cognito's other user operations do. No message contains a username or a token.
 *
 * The operations are a table keyed by name (`deciders`), checked by the compiler against
 * `Operations.all`: an operation described there and missing here does not compile.
 *
 * @since 0.1.0
 */
import * as CustomEmailSender from "./CustomEmailSender.js"
import * as Operations from "./Operations.js"
import type { RiskConfigurations } from "./RiskConfiguration.js"
import * as Notification from "./RiskNotification.js"
import { codes } from "./ServiceError.js"
import * as Faults from "./SimulationFaults.js"
import * as Input from "./SimulationInput.js"
import type { Failure, Outcome } from "./SimulationOutcome.js"
import { failure, success } from "./SimulationOutcome.js"
import * as Pagination from "./SimulationPagination.js"
import * as Seed from "./SimulationSeed.js"

/**
 * The names of the operations a simulator serves (`Operations.served`).
 *
 * @since 0.1.0
 * @category models
 */
export type OperationName = (typeof Operations.served)[number]["name"]

type DescriptionOf<N extends OperationName> = Extract<(typeof Operations.served)[number], { readonly name: N }>

// ---------------------------------------------------------------------------------------------
// what the operations return
// ---------------------------------------------------------------------------------------------

/**
 * @since 0.1.0
 * @category models
 */
export interface EventRisk {
  readonly RiskDecision: Seed.RiskDecision
  readonly RiskLevel: Seed.RiskLevel
  readonly CompromisedCredentialsDetected: boolean
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ChallengeResponseType {
  readonly ChallengeName: Seed.ChallengeName
  readonly ChallengeResponse: Seed.ChallengeResponse
}

/**
 * @since 0.1.0
 * @category models
 */
export interface EventContextData {
  readonly IpAddress?: string | undefined
  readonly DeviceName?: string | undefined
  readonly Timezone?: string | undefined
  readonly City?: string | undefined
  readonly Country?: string | undefined
}

/**
 * Recorded feedback: `Provider` `User` for `UpdateAuthEventFeedback`, `Admin` for
 * `AdminUpdateAuthEventFeedback`.
 *
 * @since 0.1.0
 * @category models
 */
export interface EventFeedback {
  readonly FeedbackValue: Seed.FeedbackValue
  readonly Provider: Seed.FeedbackProvider
  readonly FeedbackDate: Date
}

/**
 * One event as `AdminListUserAuthEvents` shows it (dates as `Date`s; `wireOutput` writes them as
 * AWS JSON 1.1 does).
 *
 * @since 0.1.0
 * @category models
 */
export interface AuthEvent {
  readonly EventId: string
  readonly EventType: Seed.EventType
  readonly CreationDate: Date
  readonly EventResponse: Seed.EventResponse
  readonly EventRisk: EventRisk
  readonly ChallengeResponses: ReadonlyArray<ChallengeResponseType>
  readonly EventContextData?: EventContextData | undefined
  readonly EventFeedback?: EventFeedback | undefined
}

/**
 * A page of events, newest first; `NextToken` when more remain.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListOutput {
  readonly AuthEvents: ReadonlyArray<AuthEvent>
  readonly NextToken?: string | undefined
}

export type {
  /**
   * Re-exported from `RiskConfiguration`.
   *
   * @since 0.1.0
   * @category models
   */
  AccountTakeoverRiskConfiguration,
  /**
   * Re-exported from `RiskConfiguration`.
   *
   * @since 0.1.0
   * @category models
   */
  RiskConfigurations
} from "./RiskConfiguration.js"

/**
 * `RiskConfigurationType`: what `SetRiskConfiguration` and `DescribeRiskConfiguration` answer.
 *
 * @since 0.1.0
 * @category models
 */
export interface RiskConfiguration extends RiskConfigurations {
  readonly UserPoolId: string
  readonly ClientId?: string | undefined
  readonly LastModifiedDate?: Date | undefined
}

/**
 * Each operation's output.
 *
 * @since 0.1.0
 * @category models
 */
export interface Outputs {
  readonly UpdateAuthEventFeedback: {}
  readonly AdminUpdateAuthEventFeedback: {}
  readonly AdminListUserAuthEvents: ListOutput
  readonly SetRiskConfiguration: { readonly RiskConfiguration: RiskConfiguration }
  readonly DescribeRiskConfiguration: { readonly RiskConfiguration: RiskConfiguration }
}

/**
 * Each operation's input once checked against its description (what its decision reads).
 *
 * @since 0.1.0
 * @category models
 */
export interface Requests {
  readonly UpdateAuthEventFeedback: {
    readonly UserPoolId: string
    readonly Username: string
    readonly EventId: string
    readonly FeedbackToken: string
    readonly FeedbackValue: Seed.FeedbackValue
  }
  readonly AdminUpdateAuthEventFeedback: {
    readonly UserPoolId: string
    readonly Username: string
    readonly EventId: string
    readonly FeedbackValue: Seed.FeedbackValue
  }
  readonly AdminListUserAuthEvents: {
    readonly UserPoolId: string
    readonly Username: string
    readonly MaxResults?: number | undefined
    readonly NextToken?: string | undefined
  }
  readonly SetRiskConfiguration: RiskConfigurations & {
    readonly UserPoolId: string
    readonly ClientId?: string | undefined
  }
  readonly DescribeRiskConfiguration: {
    readonly UserPoolId: string
    readonly ClientId?: string | undefined
  }
}

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false

// ---------------------------------------------------------------------------------------------
// the state
// ---------------------------------------------------------------------------------------------

/**
 * An auth event and the secret its feedback is checked against.
 *
 * @since 0.1.0
 * @category models
 */
export interface EventState {
  /** Insertion order, the tie-break between equal creation dates. */
  readonly seq: number
  readonly eventId: string
  readonly feedbackToken: string
  readonly eventType: Seed.EventType
  readonly creationDate: Date
  readonly eventResponse: Seed.EventResponse
  readonly risk: EventRisk
  readonly challengeResponses: ReadonlyArray<ChallengeResponseType>
  readonly contextData: EventContextData | undefined
  readonly feedback: EventFeedback | undefined
  /** Whether `UpdateAuthEventFeedback` has accepted the token once (what `TokenReuse` reads). */
  readonly feedbackTokenUsed: boolean
}

/**
 * A user as callers see it: no events, no secrets.
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
export interface UserState extends SimulatedUser {
  readonly events: ReadonlyArray<EventState>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface PoolState {
  readonly id: string
  readonly advancedSecurityMode: Seed.AdvancedSecurityMode
  readonly aliasAttributes: ReadonlyArray<string>
  readonly users: ReadonlyArray<UserState>
  /** The hosted domain the one-click links point at. */
  readonly domain: string
  /** By app client id; the pool's own under `poolLevel`. */
  readonly riskConfigurations: ReadonlyMap<string, RiskConfiguration>
}

/**
 * The key of a pool's own risk configuration in `PoolState.riskConfigurations` (never a client
 * id: those match `[\w+]+`).
 *
 * @since 0.1.0
 * @category constants
 */
export const poolLevel = ""

/**
 * What a second `UpdateAuthEventFeedback` with the same token gets: the service's behaviour is not
 * documented, so a simulator lets the test choose. `accept` (the default) records the new value, as
 * with any feedback; `reject` answers `NotAuthorizedException`.
 *
 * @since 0.1.0
 * @category models
 */
export type TokenReuse = "accept" | "reject"

/**
 * Everything a simulator holds, changed only by copying.
 *
 * @since 0.1.0
 * @category models
 */
export interface State {
  readonly pools: ReadonlyMap<string, PoolState>
  readonly nextSeq: number
  readonly faults: Faults.Faults
  readonly tokenReuse: TokenReuse
  /** The notification emails sent from templates, oldest first. */
  readonly outbox: ReadonlyArray<Notification.Message>
}

/**
 * No pool, no fault, no email; a token may be used again.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty: State = { pools: new Map(), nextSeq: 0, faults: Faults.none, tokenReuse: "accept", outbox: [] }

/**
 * The same state with tokens accepted again or refused.
 *
 * @since 0.1.0
 * @category transitions
 */
export const withTokenReuse = (state: State, tokenReuse: TokenReuse): State => ({ ...state, tokenReuse })

const withPool = (state: State, pool: PoolState): State => ({
  ...state,
  pools: new Map(state.pools).set(pool.id, pool)
})

const replaceAt = <A>(items: ReadonlyArray<A>, index: number, f: (a: A) => A): ReadonlyArray<A> =>
  items.map((item, i) => (i === index ? f(item) : item))

/** Drops `undefined` members, so that an optional member is absent rather than present as `undefined`. */
const compact = <A extends object>(a: A): A =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as A

/**
 * The same state with its faults changed (`SimulationFaults`' transitions).
 *
 * @since 0.1.0
 * @category transitions
 */
export const withFaults = (state: State, f: (faults: Faults.Faults) => Faults.Faults): State => ({
  ...state,
  faults: f(state.faults)
})

// ---------------------------------------------------------------------------------------------
// lookups
// ---------------------------------------------------------------------------------------------

/**
 * A user found in a pool, and where.
 *
 * @since 0.1.0
 * @category models
 */
export interface Located {
  readonly pool: PoolState
  readonly userIndex: number
  readonly user: UserState
}

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

/**
 * The user `key` names in the pool (a username, an alias attribute value of the pool, or a sub).
 *
 * @since 0.1.0
 * @category lookups
 */
export const locateUser = (state: State, userPoolId: string, key: string): Located | undefined => {
  const pool = state.pools.get(userPoolId)
  if (pool === undefined) return undefined
  const userIndex = findUserIndex(pool, key)
  const user = pool.users[userIndex]
  return user === undefined ? undefined : { pool, userIndex, user }
}

const toSimulatedUser = (user: UserState): SimulatedUser => ({
  username: user.username,
  sub: user.sub,
  attributes: user.attributes
})

/**
 * @since 0.1.0
 * @category lookups
 */
export const userOf = (state: State, userPoolId: string, key: string): SimulatedUser | undefined => {
  const located = locateUser(state, userPoolId, key)
  return located === undefined ? undefined : toSimulatedUser(located.user)
}

/**
 * The feedback recorded on an event; `undefined` also when the pool, the user or the event is unknown.
 *
 * @since 0.1.0
 * @category lookups
 */
export const feedbackOf = (state: State, userPoolId: string, key: string, eventId: string): EventFeedback | undefined =>
  locateUser(state, userPoolId, key)?.user.events.find((event) => event.eventId === eventId)?.feedback

/**
 * An event as `AdminListUserAuthEvents` shows it.
 *
 * @since 0.1.0
 * @category lookups
 */
export const toAuthEvent = (event: EventState): AuthEvent =>
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

// ---------------------------------------------------------------------------------------------
// seeding
// ---------------------------------------------------------------------------------------------

/**
 * What seeding takes from the edition: the time of seeding (for missing dates) and fresh subs for
 * users without one (as many as `SimulationSeed.missingSubs` counts).
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedContext {
  readonly now: Date
  readonly newSub: () => string
}

/**
 * The new state (and what was added), or why nothing was: a message naming the path of the bad
 * field or the clash, never a value from the seed.
 *
 * @since 0.1.0
 * @category models
 */
export type Seeded<A> =
  | { readonly _tag: "Ok"; readonly value: A }
  | { readonly _tag: "Err"; readonly message: string }

type Path = ReadonlyArray<string | number>

class Refused {
  constructor(readonly message: string) {}
}

const refuse = (path: Path, message: string): never => {
  throw new Refused(path.length === 0 ? message : `${path.map(String).join(".")}: ${message}`)
}

/** Runs a seeding step; a refusal anywhere in it leaves the state as it was. */
const attempt = <A>(step: () => A): Seeded<A> => {
  try {
    return { _tag: "Ok", value: step() }
  } catch (error) {
    if (error instanceof Refused) return { _tag: "Err", message: error.message }
    throw error
  }
}

const checked = <P extends keyof Seed.Parts>(part: P, value: unknown): Seed.Parts[P] => {
  const result = Seed.check(part, value)
  if (result._tag === "Err") throw new Refused(result.message)
  return result.value
}

/** A seeded event with the defaults filled in; `now` for missing dates. */
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
    },
    feedbackTokenUsed: false
  }
}

const insertUser = (
  state: State,
  userPoolId: string,
  user: Seed.SeedUser,
  path: Path,
  context: SeedContext
): readonly [SimulatedUser, State] => {
  const pool = state.pools.get(userPoolId)
  if (pool === undefined) return refuse([], "no user pool has this id")
  const conflict = Seed.userConflict(pool.users, pool.aliasAttributes, user)
  if (conflict !== undefined) return refuse([...path, ...conflict.path], conflict.message)
  const sub = user.sub ?? context.newSub()
  const events = (user.authEvents ?? []).map((event, i) => toEventState(event, state.nextSeq + i, context.now))
  const added: UserState = { username: user.username, sub, attributes: user.attributes ?? {}, events }
  const next = withPool(
    { ...state, nextSeq: state.nextSeq + events.length },
    { ...pool, users: [...pool.users, added] }
  )
  return [toSimulatedUser(added), next]
}

const insertPool = (state: State, pool: Seed.SeedUserPool, path: Path, context: SeedContext): State => {
  if (state.pools.has(pool.id)) return refuse([...path, "id"], "a user pool with this id exists")
  const riskConfigurations = new Map<string, RiskConfiguration>()
  for (const configuration of pool.riskConfigurations ?? []) {
    const { ClientId, ...rest } = Seed.normalRiskConfiguration(configuration)
    riskConfigurations.set(
      ClientId ?? poolLevel,
      compact({ ...rest, UserPoolId: pool.id, ClientId, LastModifiedDate: context.now })
    )
  }
  let next = withPool(state, {
    id: pool.id,
    advancedSecurityMode: pool.advancedSecurityMode ?? Seed.defaults.advancedSecurityMode,
    aliasAttributes: pool.aliasAttributes ?? [],
    users: [],
    domain: pool.domain ?? Notification.defaultDomain(pool.id),
    riskConfigurations
  })
  for (const [i, user] of (pool.users ?? []).entries()) {
    next = insertUser(next, pool.id, user, [...path, "users", i], context)[1]
  }
  return next
}

/**
 * Adds the seed's pools, users and events, all or nothing: checked first (`SimulationSeed.check`),
 * then refused if any pool's id is already taken.
 *
 * @since 0.1.0
 * @category seeding
 */
export const seed = (state: State, value: Seed.SeedFile, context: SeedContext): Seeded<State> =>
  attempt(() => {
    let next = state
    for (const [i, pool] of (checked("file", value).userPools ?? []).entries()) {
      next = insertPool(next, pool, ["userPools", i], context)
    }
    return next
  })

/**
 * Adds one pool with its users and events, all or nothing.
 *
 * @since 0.1.0
 * @category seeding
 */
export const addUserPool = (state: State, value: Seed.SeedUserPool, context: SeedContext): Seeded<State> =>
  attempt(() => insertPool(state, checked("pool", value), [], context))

/**
 * Adds a user to an existing pool; gives it back with its (possibly minted) sub.
 *
 * @since 0.1.0
 * @category seeding
 */
export const addUser = (
  state: State,
  userPoolId: string,
  value: Seed.SeedUser,
  context: SeedContext
): Seeded<readonly [SimulatedUser, State]> =>
  attempt(() => insertUser(state, userPoolId, checked("user", value), [], context))

/**
 * Adds an event to the user that `usernameOrAliasOrSub` names.
 *
 * @since 0.1.0
 * @category seeding
 */
export const addAuthEvent = (
  state: State,
  userPoolId: string,
  usernameOrAliasOrSub: string,
  value: Seed.SeedAuthEvent,
  now: Date
): Seeded<State> =>
  attempt(() => {
    const event = checked("event", value)
    if (!state.pools.has(userPoolId)) return refuse([], "no user pool has this id")
    const located = locateUser(state, userPoolId, usernameOrAliasOrSub)
    if (located === undefined) return refuse([], "no user of this pool matches")
    const { pool, user, userIndex } = located
    const conflict = Seed.eventConflict(user.events, event)
    if (conflict !== undefined) return refuse(conflict.path, conflict.message)
    const added = toEventState(event, state.nextSeq, now)
    return withPool(
      { ...state, nextSeq: state.nextSeq + 1 },
      { ...pool, users: replaceAt(pool.users, userIndex, (u) => ({ ...u, events: [...u.events, added] })) }
    )
  })

// ---------------------------------------------------------------------------------------------
// a risky sign-in
// ---------------------------------------------------------------------------------------------

/**
 * What an edition draws for a risky sign-in: the time, a fresh event id and feedback token, and
 * whether the pool has a custom email sender (which then gets the notification instead of the
 * outbox).
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInContext {
  readonly now: Date
  readonly eventId: string
  readonly feedbackToken: string
  readonly customEmailSender: boolean
}

/**
 * The notification a risky sign-in produced: none (threat protection only audits, the action does
 * not notify, or the user has no email address), an email (also appended to the outbox), or the
 * event for the pool's custom email sender.
 *
 * @since 0.1.0
 * @category models
 */
export type Notified =
  | { readonly _tag: "None" }
  | { readonly _tag: "Email"; readonly message: Notification.Message }
  | { readonly _tag: "CustomEmailSender"; readonly event: CustomEmailSender.TakeoverEvent }

/**
 * What a risky sign-in did: the event recorded, the action taken, the notification.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignedIn {
  readonly state: State
  readonly event: AuthEvent
  readonly action: Notification.EventAction
  readonly notified: Notified
}

/** What the configured action makes of the sign-in: the event's response and risk decision. */
const responseTo = (action: Notification.EventAction): Pick<EventState, "eventResponse"> & {
  readonly riskDecision: Seed.RiskDecision
} =>
  action === "BLOCK"
    ? { eventResponse: "Fail", riskDecision: "Block" }
    : action === "NO_ACTION"
    ? { eventResponse: "Pass", riskDecision: "AccountTakeover" }
    : { eventResponse: "InProgress", riskDecision: "AccountTakeover" }

/**
 * Records a risky sign-in of a user, as threat protection would: a new `SignIn` event at the given
 * risk level with a freshly minted feedback token for it. In `AUDIT` mode the sign-in passes and
 * nobody is told; in `ENFORCED` mode the risk configuration that applies (the app client's, else
 * the pool's) gives the action for the level (none configured: `NO_ACTION`, no notification) and
 * whether to notify: by the template for the action (the default email where the pool has none)
 * to the user's `email`, or through the pool's custom email sender.
 *
 * @since 0.1.0
 * @category transitions
 */
export const riskySignIn = (state: State, value: Seed.RiskySignIn, context: SignInContext): Seeded<SignedIn> =>
  attempt(() => {
    const request = checked("riskySignIn", value)
    const pool = state.pools.get(request.userPoolId)
    if (pool === undefined) return refuse(["userPoolId"], "no user pool has this id")
    if (pool.advancedSecurityMode === "OFF") {
      return refuse(["userPoolId"], "threat protection is OFF in this pool: no sign-in risk is evaluated")
    }
    const located = locateUser(state, request.userPoolId, request.username)
    if (located === undefined) return refuse(["username"], "no user of this pool matches")
    const { user, userIndex } = located
    const conflict = Seed.eventConflict(user.events, context)
    if (conflict !== undefined) return refuse(conflict.path, conflict.message)
    const takeover = riskConfigurationOf(pool, request.clientId)?.AccountTakeoverRiskConfiguration
    const configured = pool.advancedSecurityMode === "ENFORCED"
      ? takeover?.Actions[`${request.riskLevel}Action`]
      : undefined
    const action = configured?.EventAction ?? "NO_ACTION"
    const { eventResponse, riskDecision } = pool.advancedSecurityMode === "ENFORCED"
      ? responseTo(action)
      : { eventResponse: "Pass" as const, riskDecision: "AccountTakeover" as const }
    const signIn = request.context ?? {}
    const event: EventState = {
      seq: state.nextSeq,
      eventId: context.eventId,
      feedbackToken: context.feedbackToken,
      eventType: "SignIn",
      creationDate: context.now,
      eventResponse,
      risk: { RiskDecision: riskDecision, RiskLevel: request.riskLevel, CompromisedCredentialsDetected: false },
      challengeResponses: [{ ChallengeName: "Password", ChallengeResponse: "Success" }],
      contextData: compact({
        IpAddress: signIn.ipAddress,
        DeviceName: signIn.deviceName,
        City: signIn.city,
        Country: signIn.country
      }),
      feedback: undefined,
      feedbackTokenUsed: false
    }
    const links = Notification.oneClickLinks(pool.domain, {
      userPoolId: pool.id,
      username: user.username,
      eventId: event.eventId,
      feedbackToken: event.feedbackToken
    })
    const values: Notification.Values = {
      username: user.username,
      ipAddress: signIn.ipAddress ?? "",
      city: signIn.city ?? "",
      country: signIn.country ?? "",
      loginTime: (signIn.loginTime ?? context.now).toISOString(),
      deviceName: signIn.deviceName ?? "",
      eventId: event.eventId,
      feedbackToken: event.feedbackToken,
      oneClickLinkValid: links.valid,
      oneClickLinkInvalid: links.invalid
    }
    const notify = configured?.Notify === true
    const to = user.attributes["email"]
    const notifyConfiguration = takeover?.NotifyConfiguration
    const notified: Notified = !notify
      ? { _tag: "None" }
      : context.customEmailSender
      ? {
        _tag: "CustomEmailSender",
        event: CustomEmailSender.takeoverEvent({ userPoolId: pool.id, clientId: request.clientId, action, values })
      }
      : to === undefined
      ? { _tag: "None" }
      : {
        _tag: "Email",
        message: Notification.message(
          notifyConfiguration?.[Notification.emailKindOf(action)] ?? Notification.defaultEmail,
          values,
          {
            to,
            from: notifyConfiguration?.From ??
              Notification.identityOf(notifyConfiguration?.SourceArn ?? "") ??
              Notification.defaultFrom,
            replyTo: notifyConfiguration?.ReplyTo
          }
        )
      }
    const next = withPool(
      {
        ...state,
        nextSeq: state.nextSeq + 1,
        outbox: notified._tag === "Email" ? [...state.outbox, notified.message] : state.outbox
      },
      { ...pool, users: replaceAt(pool.users, userIndex, (u) => ({ ...u, events: [...u.events, event] })) }
    )
    return { state: next, event: toAuthEvent(event), action, notified }
  })

// ---------------------------------------------------------------------------------------------
// the decisions
// ---------------------------------------------------------------------------------------------

/**
 * The messages of the simulator's own refusals (the service's wording is not documented).
 *
 * @since 0.1.0
 * @category constants
 */
export const messages = {
  poolNotFound: (userPoolId: string) => `User pool ${userPoolId} does not exist.`,
  threatProtectionOff: "Threat protection (advanced security) is not enabled for this user pool.",
  userNotFound: "User does not exist.",
  eventNotFound: "Auth event not found.",
  wrongFeedbackToken: "Invalid feedback token.",
  usedFeedbackToken: "Feedback token has already been used.",
  badNextToken: "NextToken: is not a valid pagination token"
} as const

/**
 * The new state and the outcome of one call.
 *
 * @since 0.1.0
 * @category models
 */
export interface Decision<N extends OperationName = OperationName> {
  readonly state: State
  readonly outcome: Outcome<Outputs[N]>
}

// `never` (so that its entry in `deciders` does not compile) unless the request type has exactly
// the members of the operation's description
type Decider<N extends OperationName> = SameKeys<Requests[N], DescriptionOf<N>["input"]> extends true
  ? (state: State, request: Requests[N], now: number) => Decision<N>
  : never

/** The pool and its threat protection: the checks every operation makes after its input. */
const locatePool = (state: State, userPoolId: string): PoolState | Failure => {
  const pool = state.pools.get(userPoolId)
  if (pool === undefined) return failure(codes.ResourceNotFoundException, messages.poolNotFound(userPoolId))
  if (pool.advancedSecurityMode === "OFF") {
    return failure(codes.UserPoolAddOnNotEnabledException, messages.threatProtectionOff)
  }
  return pool
}

/** The pool, its threat protection, the user: the checks every user operation makes after its input. */
const locate = (state: State, userPoolId: string, username: string): Located | Failure => {
  const pool = locatePool(state, userPoolId)
  if (isFailure(pool)) return pool
  return locateUser(state, userPoolId, username) ?? failure(codes.UserNotFoundException, messages.userNotFound)
}

const isFailure = (value: object): value is Failure => "_tag" in value

/** The configuration that applies to `clientId` (its own, else the pool's), or none. */
const riskConfigurationOf = (pool: PoolState, clientId: string | undefined): RiskConfiguration | undefined =>
  (clientId === undefined ? undefined : pool.riskConfigurations.get(clientId)) ??
    pool.riskConfigurations.get(poolLevel)

/**
 * Finds the event, then lets `authorize` refuse (the token check), then records the feedback,
 * replacing any (a user may change their mind). An unknown event is `ResourceNotFoundException`
 * (the API reference: "the user pool (or event) does not exist"), decided before the token, since
 * a token can only be wrong for an event that exists.
 */
const recordFeedback = (
  state: State,
  request: Requests["AdminUpdateAuthEventFeedback"],
  authorize: (event: EventState) => Failure | undefined,
  provider: Seed.FeedbackProvider,
  now: number
): { readonly state: State; readonly outcome: Outcome<{}> } => {
  const located = locate(state, request.UserPoolId, request.Username)
  if (isFailure(located)) return { state, outcome: located }
  const { pool, user, userIndex } = located
  const eventIndex = user.events.findIndex((event) => event.eventId === request.EventId)
  const event = user.events[eventIndex]
  if (event === undefined) return { state, outcome: failure(codes.ResourceNotFoundException, messages.eventNotFound) }
  const refusal = authorize(event)
  if (refusal !== undefined) return { state, outcome: refusal }
  const feedbackTokenUsed = event.feedbackTokenUsed || provider === "User"
  const feedback: EventFeedback = {
    FeedbackValue: request.FeedbackValue,
    Provider: provider,
    FeedbackDate: new Date(now)
  }
  const users = replaceAt(pool.users, userIndex, (u) => ({
    ...u,
    events: replaceAt(u.events, eventIndex, (e) => ({ ...e, feedback, feedbackTokenUsed }))
  }))
  return { state: withPool(state, { ...pool, users }), outcome: success({}) }
}

/**
 * Each operation's decision once its input is valid, by name.
 *
 * @since 0.1.0
 * @category decisions
 */
export const deciders: { readonly [N in OperationName]: Decider<N> } = {
  UpdateAuthEventFeedback: (state, request, now) =>
    recordFeedback(
      state,
      request,
      (event) =>
        request.FeedbackToken !== event.feedbackToken
          ? failure(codes.NotAuthorizedException, messages.wrongFeedbackToken)
          : event.feedbackTokenUsed && state.tokenReuse === "reject"
          ? failure(codes.NotAuthorizedException, messages.usedFeedbackToken)
          : undefined,
      "User",
      now
    ),
  AdminUpdateAuthEventFeedback: (state, request, now) => recordFeedback(state, request, () => undefined, "Admin", now),
  AdminListUserAuthEvents: (state, request) => {
    const located = locate(state, request.UserPoolId, request.Username)
    if (isFailure(located)) return { state, outcome: located }
    const { user } = located
    // the token is checked last: whether it is valid depends on the pool and user it names
    const after = request.NextToken === undefined
      ? undefined
      : Pagination.decodeToken(request.NextToken, request.UserPoolId, user.sub)
    if (request.NextToken !== undefined && after === undefined) {
      return { state, outcome: failure(codes.InvalidParameterException, messages.badNextToken) }
    }
    const { events, next } = Pagination.page(user.events, after, Pagination.pageSize(request.MaxResults))
    const AuthEvents = events.map(toAuthEvent)
    return {
      state,
      outcome: success(
        next === undefined
          ? { AuthEvents }
          : { AuthEvents, NextToken: Pagination.encodeToken(request.UserPoolId, user.sub, next) }
      )
    }
  },
  // replaces the configuration of the pool, or of one app client, whole (any valid client id is
  // taken: a simulator has no app clients to check it against)
  SetRiskConfiguration: (state, request, now) => {
    const pool = locatePool(state, request.UserPoolId)
    if (isFailure(pool)) return { state, outcome: pool }
    const configuration: RiskConfiguration = compact({
      UserPoolId: request.UserPoolId,
      ClientId: request.ClientId,
      CompromisedCredentialsRiskConfiguration: request.CompromisedCredentialsRiskConfiguration,
      AccountTakeoverRiskConfiguration: request.AccountTakeoverRiskConfiguration,
      RiskExceptionConfiguration: request.RiskExceptionConfiguration,
      LastModifiedDate: new Date(now)
    })
    const riskConfigurations = new Map(pool.riskConfigurations).set(request.ClientId ?? poolLevel, configuration)
    return {
      state: withPool(state, { ...pool, riskConfigurations }),
      outcome: success({ RiskConfiguration: configuration })
    }
  },
  // an app client without a configuration of its own has the pool's; nothing set: the pool id alone
  DescribeRiskConfiguration: (state, request) => {
    const pool = locatePool(state, request.UserPoolId)
    if (isFailure(pool)) return { state, outcome: pool }
    return {
      state,
      outcome: success({ RiskConfiguration: riskConfigurationOf(pool, request.ClientId) ?? { UserPoolId: pool.id } })
    }
  }
}

const descriptions: ReadonlyMap<string, (typeof Operations.served)[number]> = new Map(
  Operations.served.map((operation) => [operation.name, operation])
)

/**
 * One call of `operation` made at `now` (epoch milliseconds), `input` as decoded JSON: the state
 * after it and its outcome.
 *
 * @since 0.1.0
 * @category models
 */
export type Decide = <N extends OperationName>(
  state: State,
  operation: N,
  input: unknown,
  now: number,
  options?: Input.Options
) => Decision<N>

/**
 * Decides one call of `operation` without faults: the input against the description, then the
 * operation's own checks.
 *
 * @since 0.1.0
 * @category decisions
 */
export const decideRequest: Decide = <N extends OperationName>(
  ...[state, operation, input, now, options]: Parameters<Decide>
): Decision<N> => {
  const description = descriptions.get(operation) as DescriptionOf<N>
  const validated = Input.validate(description, input, options)
  if (validated._tag === "Invalid") {
    return { state, outcome: failure(codes.InvalidParameterException, validated.message) }
  }
  const decider = deciders[operation] as Decider<N>
  return decider(state, validated.request as Requests[N], now)
}

/**
 * Decides one call of `operation` made at `now` (epoch milliseconds; the date of recorded
 * feedback): injected faults first (`SimulationFaults.take`), then `decideRequest`. `input` is the
 * request as decoded JSON, secrets as plain strings.
 *
 * @since 0.1.0
 * @category decisions
 */
export const decide: Decide = (state, operation, input, now, options) => {
  const { fault, faults } = Faults.take(state.faults, now)
  const next: State = faults === state.faults ? state : { ...state, faults }
  if (fault !== undefined) return { state: next, outcome: fault }
  return decideRequest(next, operation, input, now, options)
}

/**
 * An output as AWS JSON 1.1 writes it: timestamps as epoch seconds (fractions for milliseconds),
 * the rest as is.
 *
 * @since 0.1.0
 * @category encoding
 */
export const wireOutput = (output: unknown): unknown => {
  if (output instanceof Date) return output.getTime() / 1000
  if (Array.isArray(output)) return output.map(wireOutput)
  if (typeof output === "object" && output !== null) {
    return Object.fromEntries(Object.entries(output).map(([key, value]) => [key, wireOutput(value)]))
  }
  return output
}
