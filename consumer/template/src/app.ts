/**
 * A user's app: the page behind the email's "this wasn't me" link reports the feedback and says
 * what happened. The same file runs under Node, Bun, Deno and in a browser.
 */
import { AuthEventFeedback } from "@cognito-feedback/core"
import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
import { FetchHttpClient } from "@effect/platform"
import { Effect, Layer } from "effect"

export interface FeedbackLink {
  readonly userPoolId: string
  readonly username: string
  readonly eventId: string
  readonly token: string
  readonly wasMe: boolean
}

export type Outcome = "recorded" | "link-expired" | "bad-link" | "unknown-user" | "try-again-later"

export const handleFeedbackLink = (
  link: FeedbackLink
): Effect.Effect<Outcome, never, AuthEventFeedback.AuthEventFeedback> =>
  AuthEventFeedback.update({
    UserPoolId: link.userPoolId,
    Username: link.username,
    EventId: link.eventId,
    FeedbackToken: link.token,
    FeedbackValue: link.wasMe ? "Valid" : "Invalid"
  }).pipe(
    Effect.as<Outcome>("recorded"),
    Effect.catchTags({
      NotAuthorizedException: () => Effect.succeed<Outcome>("link-expired"),
      InvalidParameterException: () => Effect.succeed<Outcome>("bad-link"),
      ResourceNotFoundException: () => Effect.succeed<Outcome>("bad-link"),
      UserNotFoundException: () => Effect.succeed<Outcome>("unknown-user")
    }),
    Effect.catchAll(() => Effect.succeed<Outcome>("try-again-later"))
  )

/** The live client over fetch, pointed at `endpoint`. */
export const CognitoLive = (endpoint: string) =>
  AuthEventFeedbackHttp.layer({ endpoint, maxAttempts: 2 }).pipe(Layer.provide(FetchHttpClient.layer))

/** A good link (the emulator's built-in sample), a used token, a malformed event id. */
export const sampleLinks: ReadonlyArray<FeedbackLink> = [
  { userPoolId: "us-east-1_Example1", username: "alice", eventId: "evt-1", token: "tok.valid-1", wasMe: false },
  { userPoolId: "us-east-1_Example1", username: "alice", eventId: "evt-2", token: "tok.wrong", wasMe: false },
  { userPoolId: "us-east-1_Example1", username: "alice", eventId: "bad id!", token: "tok.valid-2", wasMe: true }
]

export const expectedOutcomes: ReadonlyArray<Outcome> = ["recorded", "link-expired", "bad-link"]

export const runSample = (endpoint: string): Promise<ReadonlyArray<Outcome>> =>
  Effect.runPromise(Effect.forEach(sampleLinks, handleFeedbackLink).pipe(Effect.provide(CognitoLive(endpoint))))
