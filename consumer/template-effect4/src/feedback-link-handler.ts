/**
 * The handler for the page the "this wasn't me" link in Cognito's email opens, on Effect 4: the
 * same calls and `_tag`s as the Effect 3 edition's example (examples/feedback-link-handler.ts);
 * only Effect's own API differs (`Effect.catch` was `Effect.catchAll`).
 */
import { AuthEventFeedback } from "@cognito-feedback/core"
import { Effect } from "effect"

export interface FeedbackLink {
  readonly userPoolId: string
  readonly username: string
  readonly eventId: string
  readonly token: string
  readonly wasMe: boolean
}

export type Outcome = "recorded" | "link-expired" | "unknown-user" | "try-again-later" | "bad-link"

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
      UserNotFoundException: () => Effect.succeed<Outcome>("unknown-user"),
      InvalidParameterException: () => Effect.succeed<Outcome>("bad-link"),
      ResourceNotFoundException: () => Effect.succeed<Outcome>("bad-link")
    }),
    Effect.catch(() => Effect.succeed<Outcome>("try-again-later"))
  )
