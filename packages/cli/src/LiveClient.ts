/**
 * The live client the commands call Cognito with, built in one place: the client's options from
 * the standard AWS_* environment overridden by the flags given, and the `node:http` client over
 * them (the fast path on Node).
 *
 * @since 0.1.0
 */
import type * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import * as AuthEventFeedbackClient from "@cognito-feedback/http/AuthEventFeedbackClient"
import type { EndpointError } from "@cognito-feedback/http/Endpoint"
import * as AuthEventFeedbackNode from "@cognito-feedback/node/AuthEventFeedbackNode"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
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
 * The options of the flags, as the AWS CLI names them.
 *
 * @since 0.1.0
 * @category options
 */
export const options = {
  endpointUrl: Options.text("endpoint-url").pipe(
    Options.withPseudoName("URL"),
    Options.withDescription(
      "Send to this endpoint instead of Cognito's (e.g. the emulator). Default: AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, " +
        "then AWS_ENDPOINT_URL, then the region's endpoint."
    ),
    Options.optional
  ),
  region: Options.text("region").pipe(
    Options.withPseudoName("REGION"),
    Options.withDescription("The region to call. Default: AWS_REGION, then the user pool id's prefix."),
    Options.optional
  ),
  maxAttempts: Options.integer("max-attempts").pipe(
    Options.withPseudoName("N"),
    Options.withDescription("Attempts in all, retries included. Default: AWS_MAX_ATTEMPTS, then 3."),
    Options.optional
  )
}

/**
 * The client's options: the standard AWS_* environment, overridden by the flags given (an unknown
 * `AWS_RETRY_MODE` is read as standard, with a warning).
 *
 * @since 0.1.0
 * @category constructors
 */
export const optionsOf = (flags: Flags): Effect.Effect<AuthEventFeedbackNode.Options, ConfigurationError> =>
  Effect.gen(function*() {
    if (Option.isSome(flags.maxAttempts) && flags.maxAttempts.value < 1) {
      return yield* new ConfigurationError({ message: "--max-attempts: must be an integer of at least 1" })
    }
    return yield* Effect.mapError(
      AuthEventFeedbackClient.resolveConfig({
        endpoint: Option.getOrUndefined(flags.endpointUrl),
        region: Option.getOrUndefined(flags.region),
        maxAttempts: Option.getOrUndefined(flags.maxAttempts)
      }),
      (error) => new ConfigurationError({ message: CliOutput.oneLine(String(error)) })
    )
  })

/**
 * `AuthEventFeedback` over the network, as every command sends it: `node:http` directly.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: AuthEventFeedbackNode.Options
): Layer.Layer<AuthEventFeedback.AuthEventFeedback, EndpointError> => AuthEventFeedbackNode.layer(options)
