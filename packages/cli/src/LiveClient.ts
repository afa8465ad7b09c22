/**
 * The live client the commands call Cognito with, built in one place: the client's options from
 * the standard AWS_* environment and the shared config file's profile, overridden by the flags
 * given (the AWS CLI's: `--profile`, `--region`, `--endpoint-url`, `--cli-read-timeout`,
 * `--cli-connect-timeout`, `--no-cli-pager`), and the `node:http` client over them (the fast path
 * on Node).
 *
 * @since 0.1.0
 */
import type * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import * as AuthEventFeedbackClient from "@cognito-feedback/http/AuthEventFeedbackClient"
import type { EndpointError } from "@cognito-feedback/http/Endpoint"
import * as AuthEventFeedbackNode from "@cognito-feedback/node/AuthEventFeedbackNode"
import * as Options from "@effect/cli/Options"
import * as Config from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as CliOutput from "./CliOutput.js"
import { ConfigurationError } from "./CommandFailure.js"
import { withHelp } from "./internal/descriptions.js"
import * as Profile from "./Profile.js"

/**
 * The flags that override the AWS environment.
 *
 * @since 0.1.0
 * @category models
 */
export interface Flags {
  readonly endpointUrl: Option.Option<string>
  readonly region: Option.Option<string>
  readonly profile: Option.Option<string>
  readonly maxAttempts: Option.Option<number>
  readonly cliReadTimeout: Option.Option<number>
  readonly cliConnectTimeout: Option.Option<number>
  readonly noCliPager: boolean
}

/**
 * The options of the flags, as the AWS CLI names them.
 *
 * @since 0.1.0
 * @category options
 */
export const options = {
  endpointUrl: Options.text("endpoint-url").pipe(
    withHelp(
      "URL",
      "Send to this endpoint instead of Cognito's (e.g. the emulator). Default: AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, " +
        "then AWS_ENDPOINT_URL, then the region's endpoint."
    ),
    Options.optional
  ),
  region: Options.text("region").pipe(
    withHelp(
      "REGION",
      "The region to call. Default: AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region, then the " +
        "user pool id's prefix."
    ),
    Options.optional
  ),
  profile: Options.text("profile").pipe(
    withHelp(
      "NAME",
      "The profile of the shared config file (AWS_CONFIG_FILE, else ~/.aws/config) to take the region from. " +
        "Default: AWS_PROFILE, then default. No credentials are read: the call is unsigned."
    ),
    Options.optional
  ),
  maxAttempts: Options.integer("max-attempts").pipe(
    withHelp("N", "Attempts in all, retries included. Default: AWS_MAX_ATTEMPTS, then 3."),
    Options.optional
  ),
  cliReadTimeout: Options.integer("cli-read-timeout").pipe(
    withHelp(
      "SECONDS",
      "Seconds one attempt may take (connecting, sending, reading the whole answer; the client has no limit per " +
        "read); 0: no limit. Added to --cli-connect-timeout when both are given. Default: 10."
    ),
    Options.optional
  ),
  cliConnectTimeout: Options.integer("cli-connect-timeout").pipe(
    withHelp(
      "SECONDS",
      "Seconds one attempt may spend connecting, added to --cli-read-timeout (given alone, the whole attempt's " +
        "limit); 0: no limit."
    ),
    Options.optional
  ),
  noCliPager: Options.boolean("no-cli-pager").pipe(
    Options.withDescription("Accepted for the AWS CLI's sake: nothing is ever paged.")
  )
}

/**
 * The limit of one attempt the timeouts give: their sum (an attempt connects, then reads), none if
 * either is 0 (0 means no timeout in the AWS CLI), the client's default (10 seconds) if neither is
 * given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const attemptTimeoutOf = (
  flags: Pick<Flags, "cliReadTimeout" | "cliConnectTimeout">
): Duration.Duration | undefined => {
  const given = [flags.cliReadTimeout, flags.cliConnectTimeout].flatMap(Option.toArray)
  if (given.length === 0) return undefined
  if (given.includes(0)) return Duration.infinity
  return Duration.seconds(given.reduce((sum, seconds) => sum + seconds, 0))
}

const fromEnvironment = (name: string) =>
  Config.option(Config.string(name)).pipe(Config.map(Option.filter((value) => value.trim() !== "")))

/**
 * The region as the AWS CLI takes it: `--region`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`,
 * else the profile's; `undefined` leaves it to the user pool id's prefix. The profile is read when
 * a region is still wanted, or when one is named (a missing one is an error, whatever the region).
 *
 * @since 0.1.0
 * @category constructors
 */
export const regionOf = (
  flags: Pick<Flags, "region" | "profile">
): Effect.Effect<string | undefined, ConfigurationError> =>
  Effect.gen(function*() {
    const env = yield* Effect.mapError(
      Config.all([fromEnvironment("AWS_REGION"), fromEnvironment("AWS_DEFAULT_REGION"), Profile.chosen(flags.profile)]),
      (error) => new ConfigurationError({ message: CliOutput.oneLine(String(error)) })
    )
    const [awsRegion, defaultRegion, profileName] = env
    const given = Option.orElse(flags.region, () => Option.orElse(awsRegion, () => defaultRegion))
    if (Option.isSome(given) && Option.isNone(profileName)) return given.value
    const profile = yield* Profile.load(flags.profile)
    return Option.getOrElse(given, () => profile.region)
  })

/**
 * The client's options: the standard AWS_* environment and the profile's region, overridden by the
 * flags given (an unknown `AWS_RETRY_MODE` is read as standard, with a warning).
 *
 * @since 0.1.0
 * @category constructors
 */
export const optionsOf = (flags: Flags): Effect.Effect<AuthEventFeedbackNode.Options, ConfigurationError> =>
  Effect.gen(function*() {
    if (Option.isSome(flags.maxAttempts) && flags.maxAttempts.value < 1) {
      return yield* new ConfigurationError({ message: "--max-attempts: must be an integer of at least 1" })
    }
    for (
      const [name, value] of [["--cli-read-timeout", flags.cliReadTimeout], [
        "--cli-connect-timeout",
        flags.cliConnectTimeout
      ]] as const
    ) {
      if (Option.isSome(value) && value.value < 0) {
        return yield* new ConfigurationError({
          message: `${name}: must be a number of seconds, at least 0 (0: no limit)`
        })
      }
    }
    const region = yield* regionOf(flags)
    return yield* Effect.mapError(
      AuthEventFeedbackClient.resolveConfig({
        endpoint: Option.getOrUndefined(flags.endpointUrl),
        region,
        maxAttempts: Option.getOrUndefined(flags.maxAttempts),
        attemptTimeout: attemptTimeoutOf(flags)
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
