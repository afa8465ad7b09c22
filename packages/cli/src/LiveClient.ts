/**
 * The live client the commands call Cognito with, built in one place: the http layer's options
 * from the standard AWS_* environment overridden by the flags given, and the layer over them.
 *
 * @since 0.1.0
 */
import type * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import * as AuthEventFeedbackHttp from "@cognito-feedback/http/AuthEventFeedbackHttp"
import type { EndpointError } from "@cognito-feedback/http/Endpoint"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as CliOutput from "./CliOutput.js"
import { ConfigurationError } from "./CommandFailure.js"

/**
 * The flags that override the AWS environment.
 *
 * @since 0.1.0
 * @category models
 */
export interface Flags {
  readonly endpointUrl: Option.Option<string>
  readonly region: Option.Option<string>
  readonly maxAttempts: Option.Option<number>
}

/**
 * The http layer's options: the standard AWS_* environment, overridden by the flags given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const optionsOf = (flags: Flags): Effect.Effect<AuthEventFeedbackHttp.Options, ConfigurationError> =>
  Effect.gen(function*() {
    const fromEnv = yield* Effect.mapError(
      AuthEventFeedbackHttp.config,
      (error) => new ConfigurationError({ message: CliOutput.oneLine(String(error)) })
    )
    if (Option.isSome(flags.maxAttempts) && flags.maxAttempts.value < 1) {
      return yield* new ConfigurationError({ message: "--max-attempts: must be an integer of at least 1" })
    }
    return {
      ...fromEnv,
      ...Option.match(flags.endpointUrl, { onNone: () => ({}), onSome: (endpoint) => ({ endpoint }) }),
      ...Option.match(flags.region, { onNone: () => ({}), onSome: (region) => ({ region }) }),
      ...Option.match(flags.maxAttempts, { onNone: () => ({}), onSome: (maxAttempts) => ({ maxAttempts }) })
    }
  })

/**
 * `AuthEventFeedback` over the network, as every command sends it.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: AuthEventFeedbackHttp.Options
): Layer.Layer<AuthEventFeedback.AuthEventFeedback, EndpointError> =>
  AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(NodeHttpClient.layerUndici))
