/**
 * The live `AuthEventFeedback` over `node:http` / `node:https` directly: the same engine as
 * `AuthEventFeedbackHttp` (AWS JSON 1.1, endpoints, retries and quota, timeouts, spans, logs,
 * metrics), with no `HttpClient` to provide. Pick it for speed and cold starts on Node; pick
 * `AuthEventFeedbackHttp` for another runtime or to run the calls through the app's own
 * `HttpClient` middleware.
 *
 * @since 1.0.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import * as AuthEventFeedbackClient from "@cognito-feedback/http/AuthEventFeedbackClient"
import type * as Endpoint from "@cognito-feedback/http/Endpoint"
import type * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as NodeTransport from "./internal/nodeTransport.js"

/**
 * The options of every live client, and the size of the connection pool.
 *
 * @since 1.0.0
 * @category models
 */
export interface Options extends AuthEventFeedbackClient.Options {
  /** Sockets per host at most (default 50, as the AWS SDK's Node handler); calls beyond wait for one. */
  readonly maxSockets?: number | undefined
}

/**
 * The service over its own keep-alive connection pool, closed (every socket with it) when the scope
 * closes. The retry quota (and the adaptive rate limiter) is shared by every call made through it.
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<AuthEventFeedback.AuthEventFeedback.Service, Endpoint.EndpointError, Scope.Scope> =>
  Effect.flatMap(
    NodeTransport.make({ maxSockets: options.maxSockets }),
    (transport) => AuthEventFeedbackClient.make(transport, options)
  )

/**
 * The live layer with explicit options.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackNode } from "@cognito-feedback/node"
 * import { Effect } from "effect"
 *
 * const CognitoLive = AuthEventFeedbackNode.layer({ region: "eu-west-1", attemptTimeout: "5 seconds" })
 *
 * const program = AuthEventFeedback.update({
 *   UserPoolId: "eu-west-1_AbCdEf123",
 *   Username: "alice",
 *   EventId: "c3f1a2b4",
 *   FeedbackToken: "tok.from-the-link",
 *   FeedbackValue: "Valid"
 * }).pipe(
 *   Effect.catchTags({ NotAuthorizedException: () => Effect.succeed("link expired or already used") }),
 *   Effect.provide(CognitoLive)
 * )
 * ```
 *
 * @since 1.0.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<AuthEventFeedback.AuthEventFeedback, Endpoint.EndpointError> =>
  Layer.effect(AuthEventFeedback.AuthEventFeedback, make(options))

/**
 * The live layer configured from the standard AWS environment (`AuthEventFeedbackClient.config`),
 * under the explicit `options`: any field given here wins over the environment.
 *
 * @example
 * ```ts
 * import { AuthEventFeedbackNode } from "@cognito-feedback/node"
 * import { Effect } from "effect"
 *
 * // AWS_REGION, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, AWS_MAX_ATTEMPTS, … and a retry hook
 * const CognitoLive = AuthEventFeedbackNode.layerConfig({
 *   onRetry: (event) => Effect.logInfo(`retrying after ${event.error._tag}`)
 * })
 * ```
 *
 * @since 1.0.0
 * @category layers
 */
export const layerConfig = (
  options: Options = {}
): Layer.Layer<AuthEventFeedback.AuthEventFeedback, Config.ConfigError | Endpoint.EndpointError> =>
  Layer.unwrap(Effect.map(AuthEventFeedbackClient.resolveConfig(options), layer))
