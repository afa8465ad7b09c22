/**
 * The live `AuthEventFeedback`: `UpdateAuthEventFeedback` in AWS JSON 1.1 over Effect's
 * `HttpClient`, which the application provides (Node, fetch or a test client), with the app's own
 * middleware. The operation is unsigned, so no credentials are read.
 *
 * @since 1.0.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as AuthEventFeedbackClient from "./AuthEventFeedbackClient.js"
import type * as Endpoint from "./Endpoint.js"
import { fromHttpClient } from "./internal/httpClientTransport.js"

/**
 * @since 1.0.0
 * @category models
 */
export interface Options extends AuthEventFeedbackClient.Options {
  /**
   * Middleware for this client alone (`HttpClient.tapRequest`, a proxy, custom headers), without
   * replacing `HttpClient` for the whole application.
   */
  readonly transformClient?: ((client: HttpClient.HttpClient) => HttpClient.HttpClient) | undefined
}

/**
 * The service over the `HttpClient` in the context (changed by `options.transformClient`, if
 * given). The retry quota (and the adaptive rate limiter) is shared by every call made through the
 * returned service.
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<AuthEventFeedback.AuthEventFeedback.Service, Endpoint.EndpointError, HttpClient.HttpClient> =>
  Effect.flatMap(HttpClient.HttpClient, (client) =>
    AuthEventFeedbackClient.make(
      fromHttpClient(options.transformClient === undefined ? client : options.transformClient(client)),
      options
    ))

/**
 * The live client with explicit options, over the `HttpClient` the application provides.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
 * import { Effect, Layer } from "effect"
 * import * as FetchHttpClient from "effect/http/FetchHttpClient"
 *
 * // fetch runs on Node, Bun, Deno and browsers; on Node, @cognito-feedback/node is faster
 * const CognitoLive = AuthEventFeedbackHttp.layer({
 *   region: "eu-west-1",
 *   maxAttempts: 5,
 *   attemptTimeout: "5 seconds",
 *   timeout: "30 seconds"
 * }).pipe(Layer.provide(FetchHttpClient.layer))
 *
 * const program = AuthEventFeedback.update({
 *   UserPoolId: "eu-west-1_AbCdEf123",
 *   Username: "alice",
 *   EventId: "c3f1a2b4",
 *   FeedbackToken: "tok.from-the-link",
 *   FeedbackValue: "Valid"
 * }).pipe(Effect.provide(CognitoLive))
 * ```
 *
 * @since 1.0.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<AuthEventFeedback.AuthEventFeedback, Endpoint.EndpointError, HttpClient.HttpClient> =>
  Layer.effect(AuthEventFeedback.AuthEventFeedback, make(options))

/**
 * The live layer configured from the standard AWS environment (`AuthEventFeedbackClient.config`), under the explicit
 * `options` (timeouts, retry policy, response bound, `onRetry`, `transformClient`; any field given
 * here wins over the environment).
 *
 * @example
 * ```ts
 * import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import { Layer } from "effect"
 *
 * // region from the pool id unless AWS_REGION is set; AWS_ENDPOINT_URL, AWS_MAX_ATTEMPTS, … apply,
 * // under the options given here
 * const CognitoLive = AuthEventFeedbackHttp.layerConfig({ attemptTimeout: "5 seconds" }).pipe(
 *   Layer.provide(NodeHttpClient.layerUndici)
 * )
 * ```
 *
 * @since 1.0.0
 * @category layers
 */
export const layerConfig = (
  options: Options = {}
): Layer.Layer<
  AuthEventFeedback.AuthEventFeedback,
  Config.ConfigError | Endpoint.EndpointError,
  HttpClient.HttpClient
> => Layer.unwrap(Effect.map(AuthEventFeedbackClient.resolveConfig(options), layer))

/**
 * The options from the standard AWS environment (`AuthEventFeedbackClient.config`).
 *
 * @since 1.0.0
 * @category config
 */
export const config = AuthEventFeedbackClient.config

/**
 * The first attempt's request as it would be sent, secrets redacted (`AuthEventFeedbackClient.preview`).
 *
 * @since 1.0.0
 * @category constructors
 */
export const preview = AuthEventFeedbackClient.preview
