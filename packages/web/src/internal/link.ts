/**
 * The link in the email: its query parameters, read from a request and written into URLs, and the
 * templates with Cognito's placeholders.
 */
import type { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { decodeRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"

/** The query parameter of each value, named after Cognito's placeholders. */
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

/** What the link may say about the sign-in, shown on the page as given (escaped). */
export interface SignInDetails {
  readonly city?: string | undefined
  readonly country?: string | undefined
  readonly deviceName?: string | undefined
  readonly loginTime?: string | undefined
  readonly ipAddress?: string | undefined
}

/** A link whose values passed the request schema. */
export interface FeedbackLink {
  readonly request: UpdateAuthEventFeedbackRequest
  readonly signIn: SignInDetails
}

/** The link is damaged: missing or repeated parameters, or values the request schema rejects. */
export class MalformedLink {
  readonly _tag = "MalformedLink"
}

// a Map, not an object: `__proto__` or `constructor` must not find anything
const feedbackValues: ReadonlyMap<string, "Valid" | "Invalid"> = new Map([["valid", "Valid"], ["invalid", "Invalid"]])

/**
 * The query string of a link as written in the email. `+` is kept as `+`: Cognito puts the
 * username and event id into the link as they are, both may contain `+` and neither may contain a
 * space, so reading `+` as a space (as form encoding does) would only break valid links.
 */
export const queryOfUrl = (url: string): URLSearchParams => {
  const start = url.indexOf("?")
  if (start === -1) return new URLSearchParams()
  const end = url.indexOf("#", start)
  return new URLSearchParams(url.slice(start + 1, end === -1 ? undefined : end).replaceAll("+", "%2B"))
}

/** The path of a request's URL, relative (`/a/b?q`) or absolute (`https://host/a/b?q`, edge runtimes). */
export const pathOfUrl = (url: string): string => {
  const withoutQuery = url.slice(0, url.search(/[?#]|$/))
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(withoutQuery)
  return scheme === null ? withoutQuery : withoutQuery.slice(scheme[0].length) || "/"
}

/** Details longer than this are not from Cognito; they are left out rather than shown. */
const maxDetailLength = 100

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g

const detailOf = (params: URLSearchParams, name: string): string | undefined => {
  const values = params.getAll(name)
  const value = values.length === 1 ? values[0]?.replace(controlCharacters, "").trim() : undefined
  return value === undefined || value === "" || value.length > maxDetailLength ? undefined : value
}

/**
 * The request a link (GET query or POST form) stands for. Each parameter must appear once; the
 * pool is the configured one, or the link's when none is configured. Fails with `MalformedLink`,
 * which says nothing about the values.
 */
export const decodeLink = (
  params: URLSearchParams,
  userPoolId: string | undefined
): Effect.Effect<FeedbackLink, MalformedLink> => {
  const one = (name: string): string | undefined => {
    const values = params.getAll(name)
    return values.length === 1 ? values[0] : undefined
  }
  const feedback = one(parameters.feedback)
  const signIn: SignInDetails = {
    city: detailOf(params, parameters.city),
    country: detailOf(params, parameters.country),
    deviceName: detailOf(params, parameters.deviceName),
    loginTime: detailOf(params, parameters.loginTime),
    ipAddress: detailOf(params, parameters.ipAddress)
  }
  return decodeRequest({
    UserPoolId: userPoolId ?? one(parameters.userPoolId),
    Username: one(parameters.username),
    EventId: one(parameters.eventId),
    FeedbackToken: one(parameters.feedbackToken),
    FeedbackValue: feedback === undefined ? undefined : feedbackValues.get(feedback.toLowerCase()) ?? feedback
  }).pipe(
    Effect.mapBoth({
      onFailure: () => new MalformedLink(),
      onSuccess: (request) => ({ request, signIn })
    })
  )
}

/** `url` parsed, when it is an absolute http or https URL. */
export const httpUrl = (url: string): Option.Option<URL> =>
  Option.filter(
    Option.liftThrowable(() => new URL(url))(),
    (parsed) => parsed.protocol === "https:" || parsed.protocol === "http:"
  )

/** Where the page is: an http(s) base URL (origin and any prefix) followed by the page's path. */
export const pageUrl = (baseUrl: string, path: string): Either.Either<string, string> => {
  const parsed = httpUrl(baseUrl)
  if (Option.isNone(parsed)) return Either.left("must be an absolute http or https URL")
  if (parsed.value.search !== "" || parsed.value.hash !== "") {
    return Either.left("must have no query or fragment")
  }
  return Either.right(parsed.value.origin + parsed.value.pathname.replace(/\/+$/, "") + path)
}

/** `name=value&…`, each value percent-encoded, or written as is when `raw` (a template's placeholders). */
export const queryString = (
  entries: ReadonlyArray<readonly [string, string | undefined]>,
  raw = false
): string =>
  entries
    .flatMap(([name, value]) => value === undefined ? [] : [`${name}=${raw ? value : encodeURIComponent(value)}`])
    .join("&")
