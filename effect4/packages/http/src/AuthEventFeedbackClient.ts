/**
 * The engine every live client shares, whatever moves its bytes: the options, the AWS
 * configuration, the request preview, and the service over a `Transport`. `AuthEventFeedbackHttp`
 * (any `HttpClient`) and `@cognito-feedback/node` (`node:http`) are built on it. Imports no
 * platform module, so a client on another transport bundles none of `effect/http`.
 *
 * @since 1.0.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type { InvalidParameterException } from "@cognito-feedback/core/CognitoError"
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import type { UpdateAuthEventFeedbackInput } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { decodeRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Config from "effect/Config"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as Endpoint from "./Endpoint.js"
import * as Engine from "./internal/engine.js"
import { invocationId } from "./internal/invocationId.js"
import { updateAuthEventFeedback } from "./internal/operations.js"
import type * as Transport from "./Transport.js"

/**
 * What every live client takes, whatever its transport.
 *
 * @since 1.0.0
 * @category models
 */
export interface Options extends Endpoint.EndpointOptions {
  /** The whole policy; when absent it is built from `retryMode` and `maxAttempts`. */
  readonly retryPolicy?: RetryPolicy.RetryPolicy | undefined
  /** `standard` (default) or `adaptive`, as `AWS_RETRY_MODE`. */
  readonly retryMode?: "standard" | "adaptive" | undefined
  /** Attempts in all, the first included (default 3), as `AWS_MAX_ATTEMPTS`. */
  readonly maxAttempts?: number | undefined
  /** Limit for one attempt, from sending to the end of the body (default 10 seconds; `Duration.infinity`: none). */
  readonly attemptTimeout?: Duration.Input | undefined
  /** Limit for the whole call, retries and their delays included (default none). */
  readonly timeout?: Duration.Input | undefined
  /** Bytes of a response body read at most; the rest is not read (default 64 KiB). */
  readonly maxResponseBytes?: number | undefined
  /**
   * Runs before each retry's delay, with the error, its class and the delay: to count, alert or
   * log retries your way. (`ClientMetrics` counts them already.)
   */
  readonly onRetry?: ((event: RetryPolicy.RetryEvent) => Effect.Effect<void>) | undefined
}

/**
 * The retry policy `options` describe.
 *
 * @since 1.0.0
 * @category constructors
 */
export const retryPolicyOf = (options: Options): RetryPolicy.RetryPolicy =>
  options.retryPolicy ?? RetryPolicy.fromMode(options.retryMode ?? "standard", options.maxAttempts)

/**
 * The first attempt's request as it would be sent, with the username and token replaced by
 * `<redacted>` in the body: what `--dry-run` shows.
 *
 * @since 1.0.0
 * @category models
 */
export interface RequestPreview {
  readonly method: "POST"
  readonly url: string
  readonly region: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * Validates `input` and resolves the endpoint as a call would, and describes the request without
 * sending anything.
 *
 * @since 1.0.0
 * @category constructors
 */
export const preview = (
  options: Options,
  input: UpdateAuthEventFeedbackInput
): Effect.Effect<RequestPreview, InvalidParameterException | Endpoint.EndpointError> =>
  Effect.gen(function*() {
    const endpointOptions = yield* Effect.fromResult(Endpoint.validate(options))
    const request = yield* decodeRequest(input)
    const endpoint = yield* Engine.resolveEndpoint(endpointOptions, updateAuthEventFeedback, request.UserPoolId)
    const id = yield* invocationId
    const redacted = Redacted.make("<redacted>")
    return {
      method: "POST",
      url: endpoint.url,
      region: endpoint.region,
      headers: Engine.headersFor(updateAuthEventFeedback, id, {
        attempt: 1,
        maxAttempts: retryPolicyOf(options).maxAttempts
      }),
      body: updateAuthEventFeedback.encode({ ...request, Username: redacted, FeedbackToken: redacted })
    }
  })

/**
 * The service over `transport`. The retry quota (and the adaptive rate limiter) is shared by every
 * call made through the returned service.
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = (
  transport: Transport.Transport,
  options: Options = {}
): Effect.Effect<AuthEventFeedback.AuthEventFeedback.Service, Endpoint.EndpointError> =>
  Effect.map(makeEngine(transport, options), (engine) => AuthEventFeedback.make(engine.call(updateAuthEventFeedback)))

const defaultAttemptTimeout = Duration.seconds(10)
const defaultMaxResponseBytes = 64 * 1024

/** The engine `options` describe: checked and decoded once, the retrier (and its quota) made. */
const makeEngine = (transport: Transport.Transport, options: Options) =>
  Effect.gen(function*() {
    const endpoint = yield* Effect.fromResult(Endpoint.validate(options))
    const retrier = yield* RetryPolicy.makeRetrier(retryPolicyOf(options))
    return Engine.make(transport, {
      endpoint,
      retrier,
      attemptTimeout: Duration.fromInputUnsafe(options.attemptTimeout ?? defaultAttemptTimeout),
      timeout: options.timeout === undefined ? undefined : Duration.fromInputUnsafe(options.timeout),
      maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
      onRetry: options.onRetry
    })
  })

const optionalBoolean = (name: string) => Config.option(Config.Boolean(name)).pipe(Config.map(Option.getOrUndefined))
const optionalString = (name: string) =>
  Config.option(Config.NonEmptyString(name)).pipe(Config.map(Option.getOrUndefined))

const retryModes: ReadonlyArray<string> = ["standard", "adaptive"]
const isRetryMode = (mode: string): mode is "standard" | "adaptive" => retryModes.includes(mode)

/**
 * The environment as read, the retry mode still raw: an unknown one is warned about, not fatal.
 * Built when first read, so that a bundle that never reads the environment leaves `Config` out.
 */
const environment = () =>
  Config.all({
    region: optionalString("AWS_REGION"),
    endpoint: Config.option(
      Config.NonEmptyString("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER").pipe(
        Config.orElse(() => Config.NonEmptyString("AWS_ENDPOINT_URL"))
      )
    ).pipe(Config.map(Option.getOrUndefined)),
    useFipsEndpoint: optionalBoolean("AWS_USE_FIPS_ENDPOINT"),
    useDualstackEndpoint: optionalBoolean("AWS_USE_DUALSTACK_ENDPOINT"),
    maxAttempts: Config.option(
      Config.schema(
        Schema.NumberFromString.check(
          Schema.makeFilter((n: number) =>
            Number.isInteger(n) && n >= 1 ? true : "Expected AWS_MAX_ATTEMPTS to be an integer of at least 1"
          )
        ),
        "AWS_MAX_ATTEMPTS"
      )
    ).pipe(Config.map(Option.getOrUndefined)),
    retryMode: optionalString("AWS_RETRY_MODE")
  })

/**
 * The options from the standard AWS environment: `AWS_REGION`,
 * `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER` (then `AWS_ENDPOINT_URL`), `AWS_USE_FIPS_ENDPOINT`,
 * `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`. An `AWS_RETRY_MODE` other than
 * `standard` or `adaptive` means standard, as in the AWS SDKs (`layerConfig` warns about it).
 *
 * @since 1.0.0
 * @category config
 */
export const config: Config.Config<Options> = /* @__PURE__ */ Config.flatMap(
  Config.succeed(undefined),
  () =>
    Config.map(environment(), ({ retryMode, ...rest }) => ({
      ...rest,
      retryMode: retryMode !== undefined && isRetryMode(retryMode) ? retryMode : undefined
    }))
)

/**
 * The options `explicit` gives, over those of the AWS environment (see `config`): what the code
 * says wins, as in the AWS SDKs. An unknown `AWS_RETRY_MODE` is logged as a warning and read as
 * `standard`.
 *
 * @since 1.0.0
 * @category config
 */
export const resolveConfig = <O extends Options>(
  explicit: O
): Effect.Effect<O & Options, Config.ConfigError> =>
  Effect.gen(function*() {
    const env = yield* environment()
    if (env.retryMode !== undefined && !isRetryMode(env.retryMode)) {
      yield* Effect.logWarning("AWS_RETRY_MODE is neither standard nor adaptive; using standard").pipe(
        Effect.annotateLogs("AWS_RETRY_MODE", env.retryMode)
      )
    }
    const fromEnv: Options = {
      ...env,
      retryMode: env.retryMode !== undefined && isRetryMode(env.retryMode) ? env.retryMode : undefined
    }
    const given = Object.fromEntries(Object.entries(explicit).filter(([, value]) => value !== undefined))
    return { ...fromEnv, ...given } as O & Options
  })
