/**
 * The live `AuthEventFeedback`: `UpdateAuthEventFeedback` in AWS JSON 1.1 over `@effect/platform`'s
 * `HttpClient`, which the application provides (Node, fetch or a test client). The operation is
 * unsigned, so no credentials are read.
 *
 * @since 0.1.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import { InvalidParameterException, TransportError } from "@cognito-feedback/core/CognitoError"
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import type {
  UpdateAuthEventFeedbackInput,
  UpdateAuthEventFeedbackRequest,
  UpdateAuthEventFeedbackResponse
} from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { decodeRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import * as AwsJsonProtocol from "./AwsJsonProtocol.js"
import * as Endpoint from "./Endpoint.js"
import { readBody } from "./internal/body.js"
import { fromHttpClientError } from "./internal/errors.js"
import { isDebugEnabled, isTraced } from "./internal/observability.js"
import { timeoutFail, usesLiveClock } from "./internal/timeout.js"
import { version } from "./internal/version.js"

/**
 * @since 0.1.0
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
  readonly attemptTimeout?: Duration.DurationInput | undefined
  /** Limit for the whole call, retries and their delays included (default none). */
  readonly timeout?: Duration.DurationInput | undefined
  /** Bytes of a response body read at most; the rest is not read (default 64 KiB). */
  readonly maxResponseBytes?: number | undefined
}

const operation = "UpdateAuthEventFeedback"
const spanName = "Cognito.UpdateAuthEventFeedback"
const userAgent = `cognito-feedback/${version} effect`
const defaultAttemptTimeout = Duration.seconds(10)
const defaultMaxResponseBytes = 64 * 1024

/**
 * The retry policy `options` describe.
 *
 * @since 0.1.0
 * @category constructors
 */
export const retryPolicyOf = (options: Options): RetryPolicy.RetryPolicy =>
  options.retryPolicy ?? RetryPolicy.fromMode(options.retryMode ?? "standard", options.maxAttempts)

const byteHex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"))
const byteAt = (word: number, shift: number): string => byteHex[(word >>> shift) & 0xff] ?? "00"
// by table: number-to-hex conversion of 32-bit words showed up in profiles of the hot path
const hex = (word: number): string => byteAt(word, 24) + byteAt(word, 16) + byteAt(word, 8) + byteAt(word, 0)

/** A UUID v4 from the `Random` service, so seeded tests see stable invocation ids. */
const invocationId = Effect.gen(function*() {
  // four 32-bit words rather than sixteen bytes: a quarter of the effects on every call
  const a = yield* Random.nextIntBetween(0, 0x1_0000_0000)
  const b = yield* Random.nextIntBetween(0, 0x1_0000_0000)
  const c = yield* Random.nextIntBetween(0, 0x1_0000_0000)
  const d = yield* Random.nextIntBetween(0, 0x1_0000_0000)
  // version 4 in byte 6, the RFC 4122 variant in byte 8
  const b4 = hex(((b & 0xffff0fff) | 0x00004000) >>> 0)
  const c4 = hex(((c & 0x3fffffff) | 0x80000000) >>> 0)
  return `${hex(a)}-${b4.slice(0, 4)}-${b4.slice(4)}-${c4.slice(0, 4)}-${c4.slice(4)}${hex(d)}`
})

/**
 * The service never redirects; a redirect means something in between is wrong, and following it
 * would send the token elsewhere. `fetch` follows redirects unless told not to.
 */
const withoutRedirects = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.flatMap(
    Effect.serviceOption(FetchHttpClient.RequestInit),
    (init) =>
      Effect.provideService(self, FetchHttpClient.RequestInit, {
        ...Option.getOrElse(init, () => ({})),
        redirect: "manual"
      })
  )

/** Every header but `content-type`, which goes with the body. */
const headersFor = (id: string, context: RetryPolicy.AttemptContext): Record<string, string> => ({
  "x-amz-target": AwsJsonProtocol.target(operation),
  "user-agent": userAgent,
  "amz-sdk-invocation-id": id,
  "amz-sdk-request": `attempt=${context.attempt}; max=${context.maxAttempts}`
})

/**
 * The first attempt's request as it would be sent, with the username and token replaced by
 * `<redacted>` in the body: what `--dry-run` shows.
 *
 * @since 0.1.0
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
 * @since 0.1.0
 * @category constructors
 */
export const preview = (
  options: Options,
  input: UpdateAuthEventFeedbackInput
): Effect.Effect<RequestPreview, InvalidParameterException | Endpoint.EndpointError> =>
  Effect.gen(function*() {
    const endpointOptions = yield* Endpoint.validate(options)
    const request = yield* decodeRequest(input)
    const endpoint = yield* resolveEndpoint(endpointOptions, request.UserPoolId)
    const id = yield* invocationId
    const redacted = Redacted.make("<redacted>")
    return {
      method: "POST",
      url: endpoint.url,
      region: endpoint.region,
      headers: {
        "content-type": AwsJsonProtocol.contentType,
        ...headersFor(id, { attempt: 1, maxAttempts: retryPolicyOf(options).maxAttempts })
      },
      body: AwsJsonProtocol.encodeUpdateAuthEventFeedback({ ...request, Username: redacted, FeedbackToken: redacted })
    }
  })

/** A region taken from a bad pool id is the caller's input error, not a configuration error. */
const resolveEndpoint = (options: Endpoint.EndpointOptions, userPoolId: string) =>
  Endpoint.resolve(options, userPoolId).pipe(
    Effect.mapError((error) => new InvalidParameterException({ message: `UserPoolId: ${error.message}` }))
  )

const isSuccessStatus = (status: number) => status >= 200 && status < 300

/**
 * `resolveEndpoint` remembered per region: the pool id matters only through its region prefix, and
 * not at all when a region is configured. Failures are not kept; the cache is bounded, so odd
 * prefixes cost a resolution each rather than memory.
 */
const endpointCache = (options: Endpoint.EndpointOptions) => {
  const cache = new Map<string, Endpoint.ResolvedEndpoint>()
  const fixedRegion = options.region !== undefined && options.region !== ""
  return (userPoolId: string): Effect.Effect<Endpoint.ResolvedEndpoint, InvalidParameterException> => {
    const key = fixedRegion ? "" : Endpoint.regionFromUserPoolId(userPoolId)
    const known = key === undefined ? undefined : cache.get(key)
    if (known !== undefined) return Effect.succeed(known)
    return Effect.tap(resolveEndpoint(options, userPoolId), (endpoint) => {
      if (key !== undefined && cache.size < 64) cache.set(key, endpoint)
    })
  }
}

/**
 * What a call learns from its fiber once, when it starts: whether anyone watches (unobserved spans
 * and log lines are not built) and whether time is the live clock's (cheaper timeouts).
 */
interface Observers {
  readonly traced: boolean
  readonly debug: boolean
  readonly liveClock: boolean
}

/**
 * The service over the `HttpClient` in the context. The retry quota (and the adaptive rate
 * limiter) is shared by every call made through the returned service.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<AuthEventFeedback.AuthEventFeedback.Service, Endpoint.EndpointError, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const endpointOptions = yield* Endpoint.validate(options)
    const client = yield* HttpClient.HttpClient
    const retrier = yield* RetryPolicy.makeRetrier(retryPolicyOf(options))
    const maxAttempts = retrier.policy.maxAttempts
    const attemptTimeout = Duration.decode(options.attemptTimeout ?? defaultAttemptTimeout)
    const maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes
    const endpointOf = endpointCache(endpointOptions)
    const callTimeout = options.timeout === undefined ? undefined : Duration.decode(options.timeout)

    const attempt = (
      url: string,
      id: string,
      body: string,
      context: RetryPolicy.AttemptContext,
      observers: Observers
    ): Effect.Effect<string | undefined, RetryPolicy.AttemptFailure> => {
      const exchange = Effect.gen(function*() {
        const httpRequest = HttpClientRequest.post(url).pipe(
          HttpClientRequest.setHeaders(headersFor(id, context)),
          HttpClientRequest.bodyText(body, AwsJsonProtocol.contentType)
        )
        const response = yield* client.execute(httpRequest).pipe(
          Effect.mapError((error) => ({ error: fromHttpClientError(error) }))
        )
        // read once: some clients build a new headers object on every access
        const headers = response.headers
        const status = response.status
        const requestId = headers["x-amzn-requestid"]
        const text = yield* readBody(response, headers, maxResponseBytes).pipe(
          Effect.mapError((error) => ({ error: fromHttpClientError(error, requestId) })),
          Effect.catchIf(
            ({ error }) => error._tag === "UnexpectedResponseError" && !isSuccessStatus(status),
            // a garbled error body still came with its headers, where the error code may be
            Effect.succeed
          )
        )
        if (observers.debug) {
          yield* Effect.logDebug("attempt answered").pipe(
            Effect.annotateLogs({ attempt: context.attempt, status, requestId: requestId ?? "" })
          )
        }
        const decoded = AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse({
          status,
          headers,
          body: typeof text === "string" ? text : ""
        })
        if (Either.isRight(decoded)) return requestId
        // the headers said nothing either: report why the body could not be read
        if (typeof text !== "string" && decoded.left._tag === "UnexpectedResponseError") return yield* Effect.fail(text)
        const now = yield* Clock.currentTimeMillis
        return yield* Effect.fail({
          error: decoded.left,
          retryAfter: AwsJsonProtocol.readRetryAfter(headers, now)
        })
      }).pipe((self) =>
        timeoutFail(self, {
          duration: attemptTimeout,
          onTimeout: () => ({
            error: new TransportError({
              reason: "Timeout",
              message: `the attempt timed out after ${Duration.format(attemptTimeout)}`
            })
          }),
          liveClock: observers.liveClock
        })
      )
      const logged = observers.debug
        ? Effect.tapError(exchange, ({ error }) =>
          Effect.logDebug("attempt failed").pipe(
            Effect.annotateLogs({ attempt: context.attempt, error: error._tag })
          ))
        : exchange
      return observers.traced
        ? Effect.withSpan(logged, `${spanName}.attempt`, {
          kind: "client",
          attributes: { "aws.attempt": context.attempt },
          // the call site is this file, which tells a user nothing; capturing it costs on every call
          captureStackTrace: false
        })
        : logged
    }

    const onRetry = (event: RetryPolicy.RetryEvent) =>
      Effect.logDebug("retrying").pipe(
        Effect.annotateLogs({
          attempt: event.attempt,
          error: event.error._tag,
          retryClass: event.retryClass,
          delayMillis: Duration.toMillis(event.delay)
        })
      )

    const call = (
      request: UpdateAuthEventFeedbackRequest,
      observers: Observers
    ): Effect.Effect<UpdateAuthEventFeedbackResponse, UpdateAuthEventFeedbackError> => {
      const program = Effect.gen(function*() {
        const endpoint = yield* endpointOf(request.UserPoolId)
        if (observers.traced) yield* Effect.annotateCurrentSpan("cloud.region", endpoint.region)
        const id = yield* invocationId
        // the only place the secrets leave their Redacted wrappers; every attempt sends the same body
        const body = AwsJsonProtocol.encodeUpdateAuthEventFeedback(request)
        const result = yield* retrier.run(
          (context) => attempt(endpoint.url, id, body, context, observers),
          observers.debug ? { onRetry } : undefined
        ).pipe(withoutRedirects)
        if (observers.traced) {
          yield* Effect.annotateCurrentSpan({
            "aws.request_id": result.value ?? "",
            "aws.attempts": result.attempts
          })
        }
        if (observers.debug) {
          yield* Effect.logDebug("feedback recorded").pipe(Effect.annotateLogs({ attempts: result.attempts }))
        }
        return {}
      })
      const limited = callTimeout === undefined ? program : timeoutFail(program, {
        duration: callTimeout,
        onTimeout: () =>
          new TransportError({
            reason: "Timeout",
            message: `the call timed out after ${Duration.format(callTimeout)}`
          }),
        liveClock: observers.liveClock
      })
      // Unobserved, the HttpClient's own span and trace headers would be built for nobody too.
      if (!observers.traced) return Effect.withTracerEnabled(limited, false)
      return limited.pipe(
        Effect.tapError((error) =>
          Effect.annotateCurrentSpan({
            "error.type": error._tag,
            ...("requestId" in error && error.requestId !== undefined ? { "aws.request_id": error.requestId } : {})
          })
        ),
        Effect.withSpan(spanName, {
          kind: "client",
          attributes: {
            "rpc.system": "aws-api",
            "rpc.service": "CognitoIdentityProvider",
            "rpc.method": operation,
            "aws.max_attempts": maxAttempts
          },
          captureStackTrace: false
        })
      )
    }

    const send = (
      request: UpdateAuthEventFeedbackRequest
    ): Effect.Effect<UpdateAuthEventFeedbackResponse, UpdateAuthEventFeedbackError> =>
      Effect.withFiberRuntime((fiber) =>
        call(request, { traced: isTraced(fiber), debug: isDebugEnabled(fiber), liveClock: usesLiveClock(fiber) })
      )

    return AuthEventFeedback.make(send)
  })

/**
 * The live client with explicit options, over the `HttpClient` the application provides.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer } from "effect"
 *
 * // fetch runs on Node, Bun, Deno, browsers and edge; on Node, NodeHttpClient.layerUndici also fits
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
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<AuthEventFeedback.AuthEventFeedback, Endpoint.EndpointError, HttpClient.HttpClient> =>
  Layer.effect(AuthEventFeedback.AuthEventFeedback, make(options))

const optionalBoolean = (name: string) => Config.option(Config.boolean(name)).pipe(Config.map(Option.getOrUndefined))

/**
 * The options from the standard AWS environment: `AWS_REGION`,
 * `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER` (then `AWS_ENDPOINT_URL`), `AWS_USE_FIPS_ENDPOINT`,
 * `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`.
 *
 * @since 0.1.0
 * @category config
 */
export const config: Config.Config<Options> = Config.all({
  region: Config.option(Config.nonEmptyString("AWS_REGION")).pipe(Config.map(Option.getOrUndefined)),
  endpoint: Config.option(
    Config.nonEmptyString("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER").pipe(
      Config.orElse(() => Config.nonEmptyString("AWS_ENDPOINT_URL"))
    )
  ).pipe(Config.map(Option.getOrUndefined)),
  useFipsEndpoint: optionalBoolean("AWS_USE_FIPS_ENDPOINT"),
  useDualstackEndpoint: optionalBoolean("AWS_USE_DUALSTACK_ENDPOINT"),
  maxAttempts: Config.option(
    Config.integer("AWS_MAX_ATTEMPTS").pipe(
      Config.validate({
        message: "Expected AWS_MAX_ATTEMPTS to be an integer of at least 1",
        validation: (n) => n >= 1
      })
    )
  ).pipe(Config.map(Option.getOrUndefined)),
  retryMode: Config.option(Config.literal("standard", "adaptive")("AWS_RETRY_MODE")).pipe(
    Config.map(Option.getOrUndefined)
  )
})

/**
 * The live layer configured from the standard AWS environment (see `config`).
 *
 * @example
 * ```ts
 * import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
 * import { NodeHttpClient } from "@effect/platform-node"
 * import { Layer } from "effect"
 *
 * // region from the pool id unless AWS_REGION is set; AWS_ENDPOINT_URL, AWS_MAX_ATTEMPTS, … apply
 * const CognitoLive = AuthEventFeedbackHttp.layerConfig.pipe(Layer.provide(NodeHttpClient.layerUndici))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig: Layer.Layer<
  AuthEventFeedback.AuthEventFeedback,
  ConfigError.ConfigError | Endpoint.EndpointError,
  HttpClient.HttpClient
> = Layer.unwrapEffect(Effect.map(config, layer))
