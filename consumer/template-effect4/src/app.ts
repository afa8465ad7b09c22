/**
 * A user's Effect 4 app: the page behind the email's link reports the feedback over the live
 * client (Effect 4's fetch `HttpClient`) and says what happened. The same app runs under Node, Bun,
 * Deno and in a browser.
 */
import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
import { Effect, Layer } from "effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import type { FeedbackLink, Outcome } from "./feedback-link-handler.js"
import { handleFeedbackLink } from "./feedback-link-handler.js"

/** The live client over fetch, pointed at `endpoint`. */
export const CognitoLive = (endpoint: string) =>
  AuthEventFeedbackHttp.layer({ endpoint, maxAttempts: 2 }).pipe(Layer.provide(FetchHttpClient.layer))

/** A good link (the emulator's built-in sample), a wrong token, a malformed event id. */
export const sampleLinks: ReadonlyArray<FeedbackLink> = [
  { userPoolId: "us-east-1_Example1", username: "alice", eventId: "evt-1", token: "tok.valid-1", wasMe: false },
  { userPoolId: "us-east-1_Example1", username: "alice", eventId: "evt-2", token: "tok.wrong", wasMe: false },
  { userPoolId: "us-east-1_Example1", username: "alice", eventId: "bad id!", token: "tok.valid-2", wasMe: true }
]

export const expectedOutcomes: ReadonlyArray<Outcome> = ["recorded", "link-expired", "bad-link"]

export const runSample = (endpoint: string): Promise<ReadonlyArray<Outcome>> =>
  Effect.runPromise(Effect.forEach(sampleLinks, handleFeedbackLink).pipe(Effect.provide(CognitoLive(endpoint))))
