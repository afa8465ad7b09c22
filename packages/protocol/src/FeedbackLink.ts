/**
 * The link in the risky sign-in email, to the feedback page: its query parameters (named after
 * Cognito's placeholders), the `UpdateAuthEventFeedback` request a link stands for (read from a
 * query or a form, checked against the operation's description), and links written for an event.
 * Plain values in and out: the secrets are plain strings here, and each edition wraps them.
 *
 * @since 0.1.0
 */
import { brokenRule } from "./Member.js"
import type { StringMember } from "./Member.js"
import { UpdateAuthEventFeedback } from "./Operations.js"

/**
 * The query parameter of each value, named after Cognito's placeholders.
 *
 * @since 0.1.0
 * @category models
 */
export const parameters = {
  userPoolId: "user-pool-id",
  username: "username",
  eventId: "event-id",
  feedbackToken: "feedback-token",
  feedback: "feedback",
  city: "city",
  country: "country",
  deviceName: "device-name",
  loginTime: "login-time",
  ipAddress: "ip-address"
} as const

/**
 * What the link may say about the sign-in, shown on the page as given (escaped).
 *
 * @since 0.1.0
 * @category models
 */
export interface SignInDetails {
  readonly city?: string | undefined
  readonly country?: string | undefined
  readonly deviceName?: string | undefined
  readonly loginTime?: string | undefined
  readonly ipAddress?: string | undefined
}

const input = UpdateAuthEventFeedback.input

/**
 * `Valid` or `Invalid`, as the operation's description lists them.
 *
 * @since 0.1.0
 * @category models
 */
export type FeedbackValue = (typeof input.FeedbackValue.values)[number]

/**
 * The `UpdateAuthEventFeedback` request of a link, every member valid; the username and the token
 * are plain strings here (an edition wraps them as secrets).
 *
 * @since 0.1.0
 * @category models
 */
export interface FeedbackRequest {
  readonly UserPoolId: string
  readonly Username: string
  readonly EventId: string
  readonly FeedbackToken: string
  readonly FeedbackValue: FeedbackValue
}

/**
 * A link whose values pass the operation's rules, and what it says about the sign-in.
 *
 * @since 0.1.0
 * @category models
 */
export interface FeedbackLink {
  readonly request: FeedbackRequest
  readonly signIn: SignInDetails
}

/**
 * Where a link's values are read from: a `URLSearchParams` (a query or a form), or a record of
 * each parameter's value or values (a framework's parsed query).
 *
 * @since 0.1.0
 * @category models
 */
export type Params =
  | { readonly getAll: (name: string) => ReadonlyArray<string> }
  | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

/**
 * What `decode` makes of a link: its request and details, or `Malformed` (missing or repeated
 * parameters, or values the operation's rules reject), which says nothing about the values.
 *
 * @since 0.1.0
 * @category models
 */
export type Decoded =
  | { readonly _tag: "Ok"; readonly link: FeedbackLink }
  | { readonly _tag: "Malformed" }

const malformed: Decoded = { _tag: "Malformed" }

const valuesOf = (params: Params, name: string): ReadonlyArray<string> => {
  if (typeof params.getAll === "function") return (params.getAll as (name: string) => ReadonlyArray<string>)(name)
  const record = params as Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  // own properties only: `__proto__` or `constructor` must not find anything
  const value = Object.hasOwn(record, name) ? record[name] : undefined
  return value === undefined ? [] : typeof value === "string" ? [value] : value
}

const one = (params: Params, name: string): string | undefined => {
  const values = valuesOf(params, name)
  return values.length === 1 ? values[0] : undefined
}

/** Details longer than this are not from Cognito; they are left out rather than shown. */
const maxDetailLength = 100

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g

const detailOf = (params: Params, name: string): string | undefined => {
  const value = one(params, name)?.replace(controlCharacters, "").trim()
  return value === undefined || value === "" || value.length > maxDetailLength ? undefined : value
}

// a Map, not an object: `__proto__` or `constructor` must not find anything; a link may say
// `valid` or `Valid` (any casing)
const feedbackValues: ReadonlyMap<string, FeedbackValue> = new Map(
  input.FeedbackValue.values.map((value) => [value.toLowerCase(), value])
)

const checked = (value: string | undefined, member: StringMember): string | undefined =>
  value !== undefined && brokenRule(value, member) === undefined ? value : undefined

/**
 * The request a link (GET query or POST form) stands for. Each parameter must appear once; the
 * pool is `userPoolId` (the page's, when it has one) or else the link's; each member must pass the
 * rules of `UpdateAuthEventFeedback`'s description. The sign-in details are optional: one given
 * twice, blank, or longer than 100 characters is left out, control characters are removed.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (params: Params, userPoolId: string | undefined): Decoded => {
  const feedback = one(params, parameters.feedback)
  const FeedbackValue = feedback === undefined ? undefined : feedbackValues.get(feedback.toLowerCase())
  const UserPoolId = checked(userPoolId ?? one(params, parameters.userPoolId), input.UserPoolId)
  const Username = checked(one(params, parameters.username), input.Username)
  const EventId = checked(one(params, parameters.eventId), input.EventId)
  const FeedbackToken = checked(one(params, parameters.feedbackToken), input.FeedbackToken)
  if (
    FeedbackValue === undefined || UserPoolId === undefined || Username === undefined || EventId === undefined ||
    FeedbackToken === undefined
  ) {
    return malformed
  }
  const signIn: SignInDetails = {
    city: detailOf(params, parameters.city),
    country: detailOf(params, parameters.country),
    deviceName: detailOf(params, parameters.deviceName),
    loginTime: detailOf(params, parameters.loginTime),
    ipAddress: detailOf(params, parameters.ipAddress)
  }
  return { _tag: "Ok", link: { request: { UserPoolId, Username, EventId, FeedbackToken, FeedbackValue }, signIn } }
}

/**
 * The path of a request's URL, relative (`/a/b?q`) or absolute (`https://host/a/b?q`, edge
 * runtimes), without its query or fragment.
 *
 * @since 0.1.0
 * @category decoding
 */
export const pathOf = (url: string): string => {
  const withoutQuery = url.slice(0, url.search(/[?#]|$/))
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(withoutQuery)
  return scheme === null ? withoutQuery : withoutQuery.slice(scheme[0].length) || "/"
}

/**
 * `name=value&…` of the entries whose value is defined, each value percent-encoded, or written as
 * it is when `raw` (a template's placeholders).
 *
 * @since 0.1.0
 * @category encoding
 */
export const queryString = (
  entries: ReadonlyArray<readonly [string, string | undefined]>,
  raw = false
): string =>
  entries
    .flatMap(([name, value]) => value === undefined ? [] : [`${name}=${raw ? value : encodeURIComponent(value)}`])
    .join("&")

/**
 * The values a link carries: the request's, the answer it records (`valid` or `invalid`, the
 * only parameter that differs between an email's two links) and the sign-in details to show.
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkValues {
  readonly userPoolId: string
  readonly username: string
  readonly eventId: string
  readonly feedbackToken: string
  readonly feedback: "valid" | "invalid"
  readonly signIn?: SignInDetails | undefined
}

/**
 * The link to the page at `pageUrl` (an absolute URL with no query) for `values`, every value
 * percent-encoded, or written as it is when `raw` (a template with Cognito's placeholders).
 *
 * @since 0.1.0
 * @category encoding
 */
export const url = (pageUrl: string, values: LinkValues, raw = false): string =>
  `${pageUrl}?` + queryString([
    [parameters.userPoolId, values.userPoolId],
    [parameters.username, values.username],
    [parameters.eventId, values.eventId],
    [parameters.feedbackToken, values.feedbackToken],
    [parameters.feedback, values.feedback],
    [parameters.city, values.signIn?.city],
    [parameters.country, values.signIn?.country],
    [parameters.deviceName, values.signIn?.deviceName],
    [parameters.loginTime, values.signIn?.loginTime],
    [parameters.ipAddress, values.signIn?.ipAddress]
  ], raw)

/**
 * The two links of an email.
 *
 * @since 0.1.0
 * @category models
 */
export interface Links {
  readonly valid: string
  readonly invalid: string
}

/**
 * The two links of one event, every value percent-encoded (any username works), for an
 * application that sends the email itself (Cognito's custom email sender trigger).
 *
 * @since 0.1.0
 * @category encoding
 */
export const links = (
  pageUrl: string,
  userPoolId: string,
  event: {
    readonly username: string
    readonly eventId: string
    readonly feedbackToken: string
    readonly signIn?: SignInDetails | undefined
  }
): Links => ({
  valid: url(pageUrl, { ...event, userPoolId, feedback: "valid" }),
  invalid: url(pageUrl, { ...event, userPoolId, feedback: "invalid" })
})

/**
 * Cognito's placeholders for the three values a link needs besides the pool: it writes the
 * values into them as they are, unencoded.
 *
 * @since 0.1.0
 * @category models
 */
export const placeholders = {
  username: "{username}",
  eventId: "{event-id}",
  feedbackToken: "{feedback-token}"
} as const

/**
 * The two links with Cognito's placeholders, as a risk configuration's emails carry them. Only
 * the `Invalid` one contains the word "invalid".
 *
 * @since 0.1.0
 * @category encoding
 */
export const templates = (pageUrl: string, userPoolId: string): Links => ({
  valid: url(pageUrl, { ...placeholders, userPoolId, feedback: "valid" }, true),
  invalid: url(pageUrl, { ...placeholders, userPoolId, feedback: "invalid" }, true)
})
