/**
 * The `AuthEventFeedback` service: tells Cognito whether a flagged auth event was really the user.
 * Implementations: `@cognito-feedback/http` (live) and `@cognito-feedback/testkit` (simulated,
 * scripted).
 *
 * @since 1.0.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type { UpdateAuthEventFeedbackError } from "./CognitoError.js"
import type {
  UpdateAuthEventFeedbackInput,
  UpdateAuthEventFeedbackRequest,
  UpdateAuthEventFeedbackResponse
} from "./UpdateAuthEventFeedback.js"
import { decodeRequest, decodeValid } from "./UpdateAuthEventFeedback.js"

/**
 * @since 1.0.0
 * @category services
 */
export class AuthEventFeedback extends Context.Service<AuthEventFeedback, AuthEventFeedback.Service>()(
  "@cognito-feedback/core/AuthEventFeedback"
) {}

/**
 * @since 1.0.0
 */
export declare namespace AuthEventFeedback {
  /**
   * @since 1.0.0
   * @category models
   */
  export interface Service {
    /** Validates the request (nothing is sent when it is invalid), then records the feedback. */
    readonly update: (
      request: UpdateAuthEventFeedbackInput
    ) => Effect.Effect<UpdateAuthEventFeedbackResponse, UpdateAuthEventFeedbackError>
  }
}

/**
 * Builds the service from a function that sends an already validated request, so that every
 * implementation rejects bad input the same way and before any I/O.
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = (
  send: (
    request: UpdateAuthEventFeedbackRequest
  ) => Effect.Effect<UpdateAuthEventFeedbackResponse, UpdateAuthEventFeedbackError>
): AuthEventFeedback.Service => ({
  update: (request) => {
    // a valid request skips the schema and one effect: this runs on every call
    const valid = decodeValid(request)
    return valid === undefined ? Effect.flatMap(decodeRequest(request), send) : send(valid)
  }
})

/**
 * `UpdateAuthEventFeedback` through the service in the context.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { Effect, Layer } from "effect"
 * import { strictEqual } from "node:assert"
 *
 * // what the page behind the email's "this wasn't me" link does
 * const program = AuthEventFeedback.update({
 *   UserPoolId: "us-east-1_AbCdEf123",
 *   Username: "alice", // or an alias, or the user's sub; a string or a Redacted<string>
 *   EventId: "c3f1a2b4",
 *   FeedbackToken: "tok.from-the-link", // a string or a Redacted<string>
 *   FeedbackValue: "Invalid"
 * }).pipe(
 *   Effect.as("recorded"),
 *   Effect.catchTags({
 *     NotAuthorizedException: () => Effect.succeed("link expired or already used"),
 *     InvalidParameterException: (error) => Effect.succeed(`bad link: ${error.message}`)
 *   })
 * )
 *
 * // any implementation: the live client (@cognito-feedback/http), the testkit's, or this stub
 * const Stub = Layer.succeed(AuthEventFeedback.AuthEventFeedback, AuthEventFeedback.make(() => Effect.succeed({})))
 *
 * Effect.runPromise(Effect.provide(program, Stub)).then((outcome) => strictEqual(outcome, "recorded"))
 * ```
 *
 * @since 1.0.0
 * @category accessors
 */
export const update = (
  request: UpdateAuthEventFeedbackInput
): Effect.Effect<UpdateAuthEventFeedbackResponse, UpdateAuthEventFeedbackError, AuthEventFeedback> =>
  Effect.flatMap(AuthEventFeedback, (service) => service.update(request))
