/**
 * The link in the email as the router reads it: the link's request with its secrets `Redacted`.
 * What a link is (its parameters, its rules, links written for an event) is the protocol's
 * `FeedbackLink`, and how a request's query is read (`queryOfUrl`) its `PageRequest`; this adds Effect.
 */
import type { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as ProtocolLink from "@cognito-feedback/protocol/FeedbackLink"
import * as Effect from "effect/Effect"
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

/** `FeedbackLink.decode` with the username and the token made `Redacted` as soon as they are read. */
export const decodeLink = (
  params: ProtocolLink.Params,
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

export { queryOfUrl } from "@cognito-feedback/protocol/PageRequest"
