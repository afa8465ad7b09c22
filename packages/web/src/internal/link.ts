/**
 * The link in the email as the router reads it: the query of a request's URL, the link's request
 * with its secrets `Redacted`, and the page's URL from a base URL. What a link is (its parameters,
 * its rules, links written for an event) is the protocol's `FeedbackLink`; this adds what needs the
 * runtime's `URL` and `URLSearchParams`, and Effect.
 */
import type { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as ProtocolLink from "@cognito-feedback/protocol/FeedbackLink"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"

/** A link whose values passed the request's rules, its secrets `Redacted`. */
export interface FeedbackLink {
  readonly request: UpdateAuthEventFeedbackRequest
  readonly signIn: ProtocolLink.SignInDetails
}

/** The link is damaged: missing or repeated parameters, or values the request's rules reject. */
export class MalformedLink {
  readonly _tag = "MalformedLink"
}

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

/** `FeedbackLink.decode` with the username and the token made `Redacted` as soon as they are read. */
export const decodeLink = (
  params: URLSearchParams,
  userPoolId: string | undefined
): Effect.Effect<FeedbackLink, MalformedLink> => {
  const decoded = ProtocolLink.decode(params, userPoolId)
  if (decoded._tag === "Malformed") return Effect.fail(new MalformedLink())
  const { request, signIn } = decoded.link
  return Effect.succeed({
    request: {
      ...request,
      Username: Redacted.make(request.Username),
      FeedbackToken: Redacted.make(request.FeedbackToken)
    },
    signIn
  })
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
