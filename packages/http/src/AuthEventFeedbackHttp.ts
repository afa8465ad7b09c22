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
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Chunk from "effect/Chunk"
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
import * as Stream from "effect/Stream"
import * as AwsJsonProtocol from "./AwsJsonProtocol.js"
import * as Endpoint from "./Endpoint.js"
import { fromHttpClientError } from "./internal/errors.js"
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
  /** Limit for one attempt, from sending to the end of the body (default 10 seconds). */
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

/** A UUID v4 from the `Random` service, so seeded tests see stable invocation ids. */
const invocationId = Effect.gen(function*() {
  const bytes: Array<number> = []
  for (let i = 0; i < 16; i++) {
    const byte = yield* Random.nextIntBetween(0, 256)
    // version 4 in byte 6, the RFC 4122 variant in byte 8
    bytes.push(i === 6 ? (byte & 0x0f) | 0x40 : i === 8 ? (byte & 0x3f) | 0x80 : byte)
  }
  const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
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

/** Reads at most `limit` bytes, so a hostile or broken peer cannot make us buffer without bound. */
const readBody = (response: HttpClientResponse.HttpClientResponse, limit: number) =>
  response.stream.pipe(
    Stream.runFoldWhile(
      { chunks: Chunk.empty<Uint8Array>(), size: 0 },
      (state) => state.size <= limit,
      (state, chunk) => ({ chunks: Chunk.append(state.chunks, chunk), size: state.size + chunk.length })
    ),
    Effect.map(({ chunks, size }) => {
      const bytes = new Uint8Array(Math.min(size, limit))
      let offset = 0
      for (const chunk of chunks) {
        const part = chunk.subarray(0, bytes.length - offset)
        bytes.set(part, offset)
        offset += part.length
      }
      return new TextDecoder().decode(bytes)
    })
  )

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

    const attempt = (
      url: string,
      id: string,
      request: UpdateAuthEventFeedbackRequest,
      context: RetryPolicy.AttemptContext
    ): Effect.Effect<string | undefined, RetryPolicy.AttemptFailure> =>
      Effect.gen(function*() {
        const httpRequest = HttpClientRequest.post(url).pipe(
          HttpClientRequest.setHeaders(headersFor(id, context)),
          // the only place the secrets leave their Redacted wrappers
          HttpClientRequest.bodyText(
            AwsJsonProtocol.encodeUpdateAuthEventFeedback(request),
            AwsJsonProtocol.contentType
          )
        )
        const response = yield* client.execute(httpRequest).pipe(
          withoutRedirects,
          Effect.mapError((error) => ({ error: fromHttpClientError(error) }))
        )
        const requestId = response.headers["x-amzn-requestid"]
        const body = yield* readBody(response, maxResponseBytes).pipe(
          Effect.mapError((error) => ({ error: fromHttpClientError(error, requestId) })),
          Effect.catchIf(
            ({ error }) => error._tag === "UnexpectedResponseError" && !isSuccessStatus(response.status),
            // a garbled error body still came with its headers, where the error code may be
            Effect.succeed
          )
        )
        yield* Effect.logDebug("attempt answered").pipe(
          Effect.annotateLogs({ attempt: context.attempt, status: response.status, requestId: requestId ?? "" })
        )
        const decoded = AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse({
          status: response.status,
          headers: response.headers,
          body: typeof body === "string" ? body : ""
        })
        if (Either.isRight(decoded)) return requestId
        // the headers said nothing either: report why the body could not be read
        if (typeof body !== "string" && decoded.left._tag === "UnexpectedResponseError") return yield* Effect.fail(body)
        const now = yield* Clock.currentTimeMillis
        return yield* Effect.fail({
          error: decoded.left,
          retryAfter: AwsJsonProtocol.readRetryAfter(response.headers, now)
        })
      }).pipe(
        Effect.scoped,
        Effect.timeoutFail({
          duration: attemptTimeout,
          onTimeout: () => ({
            error: new TransportError({
              reason: "Timeout",
              message: `the attempt timed out after ${Duration.format(attemptTimeout)}`
            })
          })
        }),
        Effect.tapError(({ error }) =>
          Effect.logDebug("attempt failed").pipe(
            Effect.annotateLogs({ attempt: context.attempt, error: error._tag })
          )
        ),
        Effect.withSpan(`${spanName}.attempt`, { kind: "client", attributes: { "aws.attempt": context.attempt } })
      )

    const onRetry = (event: RetryPolicy.RetryEvent) =>
      Effect.logDebug("retrying").pipe(
        Effect.annotateLogs({
          attempt: event.attempt,
          error: event.error._tag,
          retryClass: event.retryClass,
          delayMillis: Duration.toMillis(event.delay)
        })
      )

    const send = (
      request: UpdateAuthEventFeedbackRequest
    ): Effect.Effect<UpdateAuthEventFeedbackResponse, UpdateAuthEventFeedbackError> =>
      Effect.gen(function*() {
        const endpoint = yield* resolveEndpoint(endpointOptions, request.UserPoolId)
        yield* Effect.annotateCurrentSpan("cloud.region", endpoint.region)
        const id = yield* invocationId
        const result = yield* retrier.run((context) => attempt(endpoint.url, id, request, context), { onRetry })
        yield* Effect.annotateCurrentSpan({
          "aws.request_id": result.value ?? "",
          "aws.attempts": result.attempts
        })
        yield* Effect.logDebug("feedback recorded").pipe(Effect.annotateLogs({ attempts: result.attempts }))
        return {}
      }).pipe(
        options.timeout === undefined ? (self) => self : Effect.timeoutFail({
          duration: options.timeout,
          onTimeout: () =>
            new TransportError({
              reason: "Timeout",
              message: `the call timed out after ${Duration.format(Duration.decode(options.timeout ?? 0))}`
            })
        }),
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
          }
        })
      )

    return AuthEventFeedback.make(send)
  })

/**
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
 * @since 0.1.0
 * @category layers
 */
export const layerConfig: Layer.Layer<
  AuthEventFeedback.AuthEventFeedback,
  ConfigError.ConfigError | Endpoint.EndpointError,
  HttpClient.HttpClient
> = Layer.unwrapEffect(Effect.map(config, layer))
