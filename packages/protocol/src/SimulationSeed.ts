/**
 * The seed of a simulator: the user pools, their users and the users' auth events it starts
 * from, as the emulator's JSON seed file holds them (`decode`: dates as ISO 8601 strings) or as
 * values built in code (`check`: dates as `Date`s). Here are the values each enumerated field
 * takes, the defaults of what a seed leaves out, the rules that keep every lookup unambiguous
 * (pool ids, usernames, subs, alias attribute values and event ids unique where they are looked
 * up), and a validator whose message names the path of each bad field
 * (`userPools.0.users.1.authEvents.0.eventId: is required`) and never repeats a value, since
 * seeds hold usernames and tokens. Every edition reads seeds through it, so one file is accepted
 * or refused alike, with the same message, by every simulator and emulator.
 *
 * Only `id`, `username`, `eventId` and `feedbackToken` are required. The rules of the request
 * members apply where a seeded value is later sent in a request (`id` is a `UserPoolId`,
 * `username` and `sub` are `Username`s, `eventId` an `EventId`, `feedbackToken` a
 * `FeedbackToken`). Unknown fields are errors: a typo should not fall back to a default.
 *
 * @since 0.1.0
 */
import * as Member from "./Member.js"
import { members, riskMembers, SetRiskConfiguration, shapes } from "./Operations.js"
import type { RiskConfigurations } from "./RiskConfiguration.js"
import type { Values } from "./Shape.js"
import { known, memberProblem, problems, unknownMembers } from "./SimulationInput.js"

// ---------------------------------------------------------------------------------------------
// the values of the enumerated fields
// ---------------------------------------------------------------------------------------------

/**
 * A pool's threat protection mode; `OFF` makes the feedback operations fail with
 * `UserPoolAddOnNotEnabledException`.
 *
 * @since 0.1.0
 * @category enumerations
 */
export const advancedSecurityModes = ["OFF", "AUDIT", "ENFORCED"] as const

/**
 * @since 0.1.0
 * @category models
 */
export type AdvancedSecurityMode = (typeof advancedSecurityModes)[number]

/**
 * The attributes a pool can accept in place of the username (the model's `AliasAttributeType`).
 *
 * @since 0.1.0
 * @category enumerations
 */
export const aliasAttributes = ["email", "phone_number", "preferred_username"] as const

/**
 * @since 0.1.0
 * @category models
 */
export type AliasAttribute = (typeof aliasAttributes)[number]

/**
 * The value types of an auth event's enumerations, from the model's shapes (`Operations.shapes`,
 * where the values are written). `FeedbackProvider`: the model types `Provider` as a free string;
 * the API reference gives one value, `Admin` (feedback from the admin side). A simulator reports
 * `Admin` for `AdminUpdateAuthEventFeedback` and, by analogy, `User` for the unsigned
 * `UpdateAuthEventFeedback` called from the user's email link.
 *
 * @since 0.1.0
 * @category models
 */
export type EventType = Values<typeof shapes.EventType>

/**
 * @since 0.1.0
 * @category models
 */
export type EventResponse = Values<typeof shapes.EventResponseType>

/**
 * @since 0.1.0
 * @category models
 */
export type RiskDecision = Values<typeof shapes.RiskDecisionType>

/**
 * @since 0.1.0
 * @category models
 */
export type RiskLevel = Values<typeof shapes.RiskLevelType>

/**
 * @since 0.1.0
 * @category models
 */
export type ChallengeName = Values<typeof shapes.ChallengeName>

/**
 * @since 0.1.0
 * @category models
 */
export type ChallengeResponse = Values<typeof shapes.ChallengeResponse>

/**
 * @since 0.1.0
 * @category models
 */
export type FeedbackProvider = Values<typeof shapes.FeedbackProvider>

/**
 * `Valid` or `Invalid`: the request member's values.
 *
 * @since 0.1.0
 * @category models
 */
export type FeedbackValue = (typeof members.FeedbackValue.values)[number]

// ---------------------------------------------------------------------------------------------
// the shape
// ---------------------------------------------------------------------------------------------

/**
 * @since 0.1.0
 * @category models
 */
export interface SeedChallengeResponse {
  readonly challengeName: ChallengeName
  readonly challengeResponse: ChallengeResponse
}

/**
 * Where and from what the event came; every member optional.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedEventContextData {
  readonly ipAddress?: string | undefined
  readonly deviceName?: string | undefined
  readonly timezone?: string | undefined
  readonly city?: string | undefined
  readonly country?: string | undefined
}

/**
 * Feedback already recorded on an event when the simulator starts (`provider` `User` by default,
 * `feedbackDate` the time of seeding). `D` is how dates are written: `Date` in code, `string`
 * (ISO 8601) in the file.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedFeedback<D = Date> {
  readonly feedbackValue: FeedbackValue
  readonly provider?: FeedbackProvider | undefined
  readonly feedbackDate?: D | undefined
}

/**
 * One auth event of a seeded user: `eventId` (unique among the user's events) and
 * `feedbackToken` (what `UpdateAuthEventFeedback` must send) are required; the rest defaults to
 * `defaults`, a missing `creationDate` to the time of seeding.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedAuthEvent<D = Date> {
  readonly eventId: string
  readonly feedbackToken: string
  readonly eventType?: EventType | undefined
  readonly creationDate?: D | undefined
  readonly eventResponse?: EventResponse | undefined
  readonly riskDecision?: RiskDecision | undefined
  readonly riskLevel?: RiskLevel | undefined
  readonly compromisedCredentialsDetected?: boolean | undefined
  readonly challengeResponses?: ReadonlyArray<SeedChallengeResponse> | undefined
  readonly eventContextData?: SeedEventContextData | undefined
  readonly feedback?: SeedFeedback<D> | undefined
}

/**
 * One user of a seeded pool: `username` required; `sub` a fresh UUID v4 when missing;
 * `attributes` (strings, e.g. `email`); `authEvents`. Usernames, subs and the values of the pool's
 * alias attributes are unique in a pool.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedUser<D = Date> {
  readonly username: string
  readonly sub?: string | undefined
  readonly attributes?: Readonly<Record<string, string>> | undefined
  readonly authEvents?: ReadonlyArray<SeedAuthEvent<D>> | undefined
}

/**
 * One risk configuration of a seeded pool, as `SetRiskConfiguration` takes it (its member names and
 * rules): the pool's own without `ClientId`, one app client's with it; one per client.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedRiskConfiguration extends RiskConfigurations {
  readonly ClientId?: string | undefined
}

/**
 * One user pool: `id` required and unique; `advancedSecurityMode` `AUDIT` by default;
 * `aliasAttributes` none by default; `users`; `domain`, the hosted domain of its one-click links
 * (`<pool id>.auth.<region>.amazoncognito.com` by default); `riskConfigurations`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedUserPool<D = Date> {
  readonly id: string
  readonly advancedSecurityMode?: AdvancedSecurityMode | undefined
  readonly aliasAttributes?: ReadonlyArray<AliasAttribute> | undefined
  readonly users?: ReadonlyArray<SeedUser<D>> | undefined
  readonly domain?: string | undefined
  readonly riskConfigurations?: ReadonlyArray<SeedRiskConfiguration> | undefined
}

/**
 * The whole seed: `{ "userPools": [...] }`.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedFile<D = Date> {
  readonly userPools?: ReadonlyArray<SeedUserPool<D>> | undefined
}

/**
 * The seed file as JSON holds it: dates as ISO 8601 strings (`"2026-11-01T10:00:00Z"`).
 *
 * @since 0.1.0
 * @category models
 */
export type SeedFileJson = SeedFile<string>

/**
 * What is known of a simulated sign-in: what fills the notification's placeholders; `loginTime`
 * the time of the call when left out.
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInContext<D = Date> {
  readonly ipAddress?: string | undefined
  readonly city?: string | undefined
  readonly country?: string | undefined
  readonly deviceName?: string | undefined
  readonly loginTime?: D | undefined
}

/**
 * A simulated risky sign-in: the user (`username`: a username, an alias attribute value or a sub),
 * the risk Cognito found, the app client it came through (whose risk configuration applies, else
 * the pool's), and its context.
 *
 * @since 0.1.0
 * @category models
 */
export interface RiskySignIn<D = Date> {
  readonly userPoolId: string
  readonly username: string
  readonly riskLevel: RiskLevel
  readonly clientId?: string | undefined
  readonly context?: SignInContext<D> | undefined
}

/**
 * The values a simulator uses for what a seed leaves out. A missing `sub` is a fresh UUID v4 and a
 * missing `creationDate` or `feedbackDate` the time of seeding, both from the edition's own
 * randomness and clock.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults = {
  advancedSecurityMode: "AUDIT",
  eventType: "SignIn",
  eventResponse: "Pass",
  riskDecision: "NoRisk",
  riskLevel: "Low",
  compromisedCredentialsDetected: false,
  feedbackProvider: "User"
} as const satisfies {
  readonly advancedSecurityMode: AdvancedSecurityMode
  readonly eventType: EventType
  readonly eventResponse: EventResponse
  readonly riskDecision: RiskDecision
  readonly riskLevel: RiskLevel
  readonly compromisedCredentialsDetected: boolean
  readonly feedbackProvider: FeedbackProvider
}

// ---------------------------------------------------------------------------------------------
// uniqueness
// ---------------------------------------------------------------------------------------------

/**
 * One problem, at a path relative to the value checked.
 *
 * @since 0.1.0
 * @category models
 */
export interface Issue {
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

/**
 * Whether `event` would clash with a user's `existing` events: event ids are unique per user.
 *
 * @since 0.1.0
 * @category validation
 */
export const eventConflict = (
  existing: ReadonlyArray<{ readonly eventId: string }>,
  event: { readonly eventId: string }
): Issue | undefined =>
  existing.some((other) => other.eventId === event.eventId)
    ? { path: ["eventId"], message: "another event of this user has the same id" }
    : undefined

/**
 * What `userConflict` needs to know of a user.
 *
 * @since 0.1.0
 * @category models
 */
export interface UserKeys {
  readonly username: string
  readonly sub?: string | undefined
  readonly attributes?: Readonly<Record<string, string>> | undefined
}

/**
 * Whether `user` would clash with the pool's `existing` users: usernames, subs and the values of
 * the pool's alias attributes must each be unique, or a lookup would be ambiguous. Messages name
 * the field, never its value.
 *
 * @since 0.1.0
 * @category validation
 */
export const userConflict = (
  existing: ReadonlyArray<UserKeys>,
  aliases: ReadonlyArray<string>,
  user: UserKeys
): Issue | undefined => {
  if (existing.some((other) => other.username === user.username)) {
    return { path: ["username"], message: "another user has the same username" }
  }
  if (user.sub !== undefined && existing.some((other) => other.sub === user.sub)) {
    return { path: ["sub"], message: "another user has the same sub" }
  }
  for (const attribute of aliases) {
    const value = user.attributes?.[attribute]
    if (value !== undefined && existing.some((other) => other.attributes?.[attribute] === value)) {
      return {
        path: ["attributes", attribute],
        message: `another user has the same ${attribute} (an alias attribute of this pool)`
      }
    }
  }
  return undefined
}

/**
 * The clashes inside one list, each item against those before it, at `[index, ...path]`.
 *
 * @since 0.1.0
 * @category validation
 */
export const conflictsWithin = <A>(
  items: ReadonlyArray<A>,
  conflict: (before: ReadonlyArray<A>, item: A) => Issue | undefined
): ReadonlyArray<Issue> =>
  items.flatMap((item, i) => {
    const issue = conflict(items.slice(0, i), item)
    return issue === undefined ? [] : [{ path: [i, ...issue.path], message: issue.message }]
  })

/**
 * The clashes inside one pool: its users against each other (`users.<i>.<field>`).
 *
 * @since 0.1.0
 * @category validation
 */
export const poolConflicts = (pool: SeedUserPool<unknown>): ReadonlyArray<Issue> =>
  conflictsWithin(pool.users ?? [], (before, user) => userConflict(before, pool.aliasAttributes ?? [], user)).map((
    issue
  ) => ({ path: ["users", ...issue.path], message: issue.message }))

/**
 * The clashes inside one pool's risk configurations: two for the same app client, or two of the
 * pool's own (`riskConfigurations.<i>.ClientId`).
 *
 * @since 0.1.0
 * @category validation
 */
export const riskConfigurationConflicts = (pool: SeedUserPool<unknown>): ReadonlyArray<Issue> =>
  conflictsWithin(
    pool.riskConfigurations ?? [],
    (before, configuration) =>
      before.some((other) => other.ClientId === configuration.ClientId)
        ? {
          path: ["ClientId"],
          message: configuration.ClientId === undefined
            ? "another configuration is the pool's own"
            : "another configuration has the same client id"
        }
        : undefined
  ).map((issue) => ({ path: ["riskConfigurations", ...issue.path], message: issue.message }))

/**
 * The clashes inside one seed: pools with the same id (`userPools.<i>.id`).
 *
 * @since 0.1.0
 * @category validation
 */
export const seedConflicts = (seed: SeedFile<unknown>): ReadonlyArray<Issue> =>
  conflictsWithin(
    seed.userPools ?? [],
    (before, pool) =>
      before.some((other) => other.id === pool.id)
        ? { path: ["id"], message: "another user pool has the same id" }
        : undefined
  ).map((issue) => ({ path: ["userPools", ...issue.path], message: issue.message }))

// ---------------------------------------------------------------------------------------------
// the validator
// ---------------------------------------------------------------------------------------------

/**
 * A seed, or every problem found in it.
 *
 * @since 0.1.0
 * @category models
 */
export type Result<A> =
  | { readonly _tag: "Ok"; readonly value: A }
  | { readonly _tag: "Err"; readonly message: string; readonly issues: ReadonlyArray<Issue> }

type Path = ReadonlyArray<string | number>

const invalid: unique symbol = Symbol("invalid")

/** Reads a value at `path`: the value as read, or `invalid` after adding its issues to `issues`. */
type Reader = (value: unknown, path: Path, issues: Array<Issue>) => unknown

const fail = (issues: Array<Issue>, path: Path, message: string): typeof invalid => {
  issues.push({ path, message })
  return invalid
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** A string with the rules of the request member `member` (the same messages as a request's). */
const memberString = (member: Member.Member): Reader => (value, path, issues) => {
  const problem = memberProblem(member, value)
  return problem === undefined ? value : fail(issues, path, problem)
}

const { UserPoolId: _, ...riskConfigurationMembers } = SetRiskConfiguration.input
const riskConfigurationMember = Member.structure(riskConfigurationMembers)

/**
 * What is wrong with one seeded risk configuration: the rules of `SetRiskConfiguration`'s input
 * (less the pool id, with its messages), and fields it does not have.
 *
 * @since 0.1.0
 * @category validation
 */
export const riskConfigurationIssues = (value: unknown): ReadonlyArray<Issue> => {
  const found = problems(riskConfigurationMember, value).map((problem) => ({
    path: problem.path,
    message: problem.rule
  }))
  // a typo must not fall back to a default: unknown members are refused at any depth
  return found.length > 0 ? found : unknownMembers(riskConfigurationMember, value).map((path) => ({
    path,
    message: "is not a known field"
  }))
}

/**
 * A seeded risk configuration as `SetRiskConfiguration` stores one (`null` members absent).
 *
 * @since 0.1.0
 * @category validation
 */
export const normalRiskConfiguration = (value: SeedRiskConfiguration): SeedRiskConfiguration =>
  known(riskConfigurationMember, value) as SeedRiskConfiguration

const riskConfiguration: Reader = (value, path, issues) => {
  const found = riskConfigurationIssues(value)
  for (const issue of found) fail(issues, [...path, ...issue.path], issue.message)
  return found.length === 0 ? value : invalid
}

const plainString: Reader = (value, path, issues) =>
  typeof value === "string" ? value : fail(issues, path, "must be a string")

const plainBoolean: Reader = (value, path, issues) =>
  typeof value === "boolean" ? value : fail(issues, path, "must be a boolean")

const literal = (values: ReadonlyArray<string>): Reader => (value, path, issues) =>
  typeof value === "string" && values.includes(value)
    ? value
    : fail(issues, path, `must be one of ${values.join(", ")}`)

type DateForm = "iso" | "Date"

const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime())

/** An ISO 8601 string read as `Date` (the file) or a valid `Date` (code). */
const date = (form: DateForm): Reader => (value, path, issues) => {
  if (form === "Date") return isValidDate(value) ? value : fail(issues, path, "must be an ISO 8601 date")
  const parsed = typeof value === "string" ? new Date(value) : undefined
  return isValidDate(parsed) ? parsed : fail(issues, path, "must be an ISO 8601 date")
}

const arrayOf = (item: Reader): Reader => (value, path, issues) => {
  if (!Array.isArray(value)) return fail(issues, path, "must be an array")
  const read = value.map((v, i) => item(v, [...path, i], issues))
  return read.includes(invalid) ? invalid : read
}

const recordOfStrings: Reader = (value, path, issues) => {
  if (!isRecord(value)) return fail(issues, path, "must be an object of strings")
  const read = Object.keys(value).map((key) => [key, plainString(value[key], [...path, key], issues)] as const)
  return read.some(([, v]) => v === invalid) ? invalid : Object.fromEntries(read)
}

interface Field {
  readonly read: Reader
  readonly optional: boolean
}

const required = (read: Reader): Field => ({ read, optional: false })
const optional = (read: Reader): Field => ({ read, optional: true })

/**
 * An object with exactly these fields: unknown fields first (in the input's order), then each
 * field in its declared order; an optional field may be absent or `undefined`.
 */
const object = (fields: Readonly<Record<string, Field>>): Reader => (value, path, issues) => {
  if (!isRecord(value)) return fail(issues, path, "must be an object")
  let ok = true
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) {
      fail(issues, [...path, key], "is not a known field")
      ok = false
    }
  }
  const out: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(fields)) {
    const present = Object.prototype.hasOwnProperty.call(value, name)
    if (!present && field.optional) continue
    if (!present) {
      fail(issues, [...path, name], "is required")
      ok = false
      continue
    }
    const fieldValue = value[name]
    if (field.optional && fieldValue === undefined) {
      out[name] = undefined
      continue
    }
    const read = field.read(fieldValue, [...path, name], issues)
    if (read === invalid) ok = false
    else out[name] = read
  }
  return ok ? out : invalid
}

/** `read`, then, only when nothing was wrong, the clashes `conflicts` finds in what was read. */
const refine = <A>(read: Reader, conflicts: (value: A) => ReadonlyArray<Issue>): Reader => (value, path, issues) => {
  const result = read(value, path, issues)
  if (result === invalid) return invalid
  const found = conflicts(result as A)
  for (const issue of found) issues.push({ path: [...path, ...issue.path], message: issue.message })
  return found.length === 0 ? result : invalid
}

const challengeResponse = object({
  challengeName: required(literal(shapes.ChallengeName.values)),
  challengeResponse: required(literal(shapes.ChallengeResponse.values))
})

const eventContextData = object({
  ipAddress: optional(plainString),
  deviceName: optional(plainString),
  timezone: optional(plainString),
  city: optional(plainString),
  country: optional(plainString)
})

const readers = (form: DateForm) => {
  const event = object({
    eventId: required(memberString(members.EventId)),
    feedbackToken: required(memberString(members.FeedbackToken)),
    eventType: optional(literal(shapes.EventType.values)),
    creationDate: optional(date(form)),
    eventResponse: optional(literal(shapes.EventResponseType.values)),
    riskDecision: optional(literal(shapes.RiskDecisionType.values)),
    riskLevel: optional(literal(shapes.RiskLevelType.values)),
    compromisedCredentialsDetected: optional(plainBoolean),
    challengeResponses: optional(arrayOf(challengeResponse)),
    eventContextData: optional(eventContextData),
    feedback: optional(object({
      feedbackValue: required(memberString(members.FeedbackValue)),
      provider: optional(literal(shapes.FeedbackProvider.values)),
      feedbackDate: optional(date(form))
    }))
  })
  const user = object({
    username: required(memberString(members.Username)),
    // the sub is looked up through the `Username` member, so it must obey the same rules
    sub: optional(memberString(members.Username)),
    attributes: optional(recordOfStrings),
    authEvents: optional(
      refine(arrayOf(event), (events: ReadonlyArray<SeedAuthEvent<unknown>>) => conflictsWithin(events, eventConflict))
    )
  })
  const pool = refine(
    object({
      id: required(memberString(members.UserPoolId)),
      advancedSecurityMode: optional(literal(advancedSecurityModes)),
      aliasAttributes: optional(arrayOf(literal(aliasAttributes))),
      users: optional(arrayOf(user)),
      domain: optional(plainString),
      riskConfigurations: optional(arrayOf(riskConfiguration))
    }),
    (pool: SeedUserPool<unknown>) => [...poolConflicts(pool), ...riskConfigurationConflicts(pool)]
  )
  const file = refine(object({ userPools: optional(arrayOf(pool)) }), seedConflicts)
  const signIn = {
    userPoolId: required(memberString(members.UserPoolId)),
    username: required(memberString(members.Username)),
    riskLevel: required(literal(shapes.RiskLevelType.values)),
    clientId: optional(memberString(riskMembers.ClientId))
  }
  const context = {
    ipAddress: optional(plainString),
    city: optional(plainString),
    country: optional(plainString),
    deviceName: optional(plainString),
    loginTime: optional(date(form))
  }
  const riskySignIn = object({ ...signIn, context: optional(object(context)) })
  // the emulator's `POST /_testkit/risky-sign-in` body: the context's fields beside the others
  const riskySignInBody: Reader = (value, path, issues) => {
    const read = object({ ...signIn, ...context })(value, path, issues)
    if (read === invalid) return invalid
    const { userPoolId, username, riskLevel, clientId, ...given } = read as Record<string, unknown>
    return { userPoolId, username, riskLevel, clientId, context: given }
  }
  return { file, pool, user, event, riskySignIn, riskySignInBody }
}

const fromFile = readers("iso")
const fromCode = readers("Date")

/**
 * `path: problem` for each issue (`subject problem` for the whole value), duplicates dropped,
 * joined with `; `; `prefix` goes before every path.
 *
 * @since 0.1.0
 * @category validation
 */
export const formatIssues = (
  issues: ReadonlyArray<Issue>,
  subject: string = "seed",
  prefix: ReadonlyArray<string | number> = []
): string =>
  Array.from(
    new Set(issues.map((issue) => {
      const path = [...prefix, ...issue.path].map(String).join(".")
      return path === "" ? `${subject} ${issue.message}` : `${path}: ${issue.message}`
    }))
  ).join("; ")

const run = <A>(read: Reader, value: unknown, prefix: ReadonlyArray<string | number>, subject = "seed"): Result<A> => {
  const issues: Array<Issue> = []
  const result = read(value, [], issues)
  return result === invalid
    ? { _tag: "Err", message: formatIssues(issues, subject, prefix), issues }
    : { _tag: "Ok", value: result as A }
}

/**
 * Reads the JSON value of a seed file (already parsed): dates as ISO 8601 strings become `Date`s.
 *
 * @since 0.1.0
 * @category validation
 */
export const decode = (json: unknown): Result<SeedFile> => run(fromFile.file, json, [])

/**
 * Reads the text of a seed file. Text that is not JSON gets a fixed message: the parser's own
 * would quote the file.
 *
 * @since 0.1.0
 * @category validation
 */
export const decodeJson = (text: string): Result<SeedFile> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { _tag: "Err", message: "seed is not valid JSON", issues: [{ path: [], message: "is not valid JSON" }] }
  }
  return decode(json)
}

/**
 * What `check` can check: a whole seed, or one pool, user or event added on its own.
 *
 * @since 0.1.0
 * @category models
 */
export interface Parts {
  readonly file: SeedFile
  readonly pool: SeedUserPool
  readonly user: SeedUser
  readonly event: SeedAuthEvent
  readonly riskySignIn: RiskySignIn
}

/**
 * Checks a seed, or part of one, built in code (dates as `Date`s) against the same rules as
 * `decode`. `prefix` goes before every path of the message.
 *
 * @since 0.1.0
 * @category validation
 */
export const check = <P extends keyof Parts>(
  part: P,
  value: unknown,
  prefix: ReadonlyArray<string | number> = []
): Result<Parts[P]> => run(fromCode[part], value, prefix)

/**
 * Reads the JSON body of the emulator's `POST /_testkit/risky-sign-in`: `userPoolId`, `username`,
 * `riskLevel`, optionally `clientId`, and the context's fields beside them (`loginTime` as an ISO
 * 8601 string).
 *
 * @since 0.1.0
 * @category validation
 */
export const decodeRiskySignIn = (json: unknown): Result<RiskySignIn> =>
  run(fromFile.riskySignInBody, json, [], "request")

/**
 * How many users of a seed, or of one pool or user, lack a `sub` (a simulator mints one each):
 * what an edition draws before seeding, so that seeding itself stays pure.
 *
 * @since 0.1.0
 * @category getters
 */
export const missingSubs = (part: keyof Parts, value: unknown): number => {
  const users = (v: unknown): ReadonlyArray<unknown> =>
    isRecord(v) && Array.isArray(v.users) ? (v.users as ReadonlyArray<unknown>) : []
  const lacks = (user: unknown) => (isRecord(user) && user.sub === undefined ? 1 : 0)
  switch (part) {
    case "file": {
      const pools = isRecord(value) && Array.isArray(value.userPools) ? (value.userPools as ReadonlyArray<unknown>) : []
      return pools.reduce((n: number, pool) => n + users(pool).reduce((m: number, user) => m + lacks(user), 0), 0)
    }
    case "pool":
      return users(value).reduce((n: number, user) => n + lacks(user), 0)
    case "user":
      return lacks(value)
    case "event":
    case "riskySignIn":
      return 0
  }
}
