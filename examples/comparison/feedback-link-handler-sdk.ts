/**
 * The same handler as `../feedback-link-handler.ts`, written over the official AWS SDK v3, for the
 * comparison of test suites in the README ("Testing code that calls it"): the same four answers
 * and "recorded", the same log line.
 */
import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider"
import { UpdateAuthEventFeedbackCommand } from "@aws-sdk/client-cognito-identity-provider"
import type { FeedbackLink, Outcome } from "../feedback-link-handler.js"

export type { FeedbackLink, Outcome }

const answers: Record<string, Outcome> = {
  NotAuthorizedException: "link-expired",
  UserNotFoundException: "unknown-user",
  InvalidParameterException: "bad-link",
  ResourceNotFoundException: "bad-link"
}

export const handleFeedbackLink = async (
  client: CognitoIdentityProviderClient,
  link: FeedbackLink,
  log: (line: string) => void = console.log
): Promise<Outcome> => {
  try {
    await client.send(
      new UpdateAuthEventFeedbackCommand({
        UserPoolId: link.userPoolId,
        Username: link.username,
        EventId: link.eventId,
        FeedbackToken: link.token,
        FeedbackValue: link.wasMe ? "Valid" : "Invalid"
      })
    )
    log(`feedback recorded for event ${link.eventId}`)
    return "recorded"
  } catch (error) {
    const name = error instanceof Error ? error.name : ""
    log(`feedback failed for event ${link.eventId}: ${name}`)
    return answers[name] ?? "try-again-later"
  }
}
