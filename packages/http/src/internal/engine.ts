/**
 * The protocol engine, once for every transport: validation has happened; this resolves the
 * endpoint, encodes AWS JSON 1.1, runs the attempts under the retry policy, the attempt and call
 * timeouts, decodes answers into tagged errors, and reports through spans, debug logs, metrics and
 * the caller's `onRetry`. A transport only moves bytes (`Transport.ts`).
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import { InvalidParameterException, TransportError, UnexpectedResponseError } from "@cognito-feedback/core/CognitoError"
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import type {
  UpdateAuthEventFeedbackRequest,
  UpdateAuthEventFeedbackResponse
} from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as FiberRef from "effect/FiberRef"
import * as Metric from "effect/Metric"
import type * as MetricLabel from "effect/MetricLabel"
import * as Random from "effect/Random"
import * as Redacted from "effect/Redacted"
import type * as AuthEventFeedbackClient from "../AuthEventFeedbackClient.js"
import * as AwsJsonProtocol from "../AwsJsonProtocol.js"
import * as ClientMetrics from "../ClientMetrics.js"
import * as Endpoint from "../Endpoint.js"
import * as ResponseText from "../ResponseText.js"
import * as Transport from "../Transport.js"
import { isDebugEnabled, isTraced, timersAreReal } from "./observers.js"
import { version } from "./version.js"

const operation = "UpdateAuthEventFeedback"
const spanName = "Cognito.UpdateAuthEventFeedback"
const userAgent = `cognito-feedback/${version} effect`
const defaultAttemptTimeout = Duration.seconds(10)
const defaultMaxResponseBytes = 64 * 1024

export const retryPolicyOf = (options: AuthEventFeedbackClient.Options): RetryPolicy.RetryPolicy =>
  options.retryPolicy ?? RetryPolicy.fromMode(options.retryMode ?? "standard", options.maxAttempts)

const byteHex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"))
const byteAt = (word: number, shift: number): string => byteHex[(word >>> shift) & 0xff] ?? "00"
// by table: number-to-hex conversion of 32-bit words showed up in profiles of the hot path
const hex = (word: number): string => byteAt(word, 24) + byteAt(word, 16) + byteAt(word, 8) + byteAt(word, 0)

// splitmix32's finalizer: spreads two random words over the two the id still needs
const mix = (word: number): number => {
  let z = Math.imul(word ^ (word >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

const formatInvocationId = (a: number, b: number): string => {
  const c = mix(a ^ 0x9e3779b9)
  const d = mix(b ^ 0x7f4a7c15)
  // version 4 in byte 6, the RFC 4122 variant in byte 8
  const b4 = hex(((b & 0xffff0fff) | 0x00004000) >>> 0)
  const c4 = hex(((c & 0x3fffffff) | 0x80000000) >>> 0)
  return `${hex(a)}-${b4.slice(0, 4)}-${b4.slice(4)}-${c4.slice(0, 4)}-${c4.slice(4)}${hex(d)}`
}

/**
 * `f` with a UUID v4 drawn from `random`, so seeded tests see stable invocation ids: two 32-bit
 * draws mixed into the other two words, written as continuations (a call's largest cost after I/O
 * is the number of effects it runs). It identifies a call in logs; it is not a secret.
 */
const withInvocationId = <A, E>(random: Random.Random, f: (id: string) => Effect.Effect<A, E>) =>
  Effect.flatMap(
    random.nextIntBetween(0, 0x1_0000_0000),
    (a) => Effect.flatMap(random.nextIntBetween(0, 0x1_0000_0000), (b) => f(formatInvocationId(a, b)))
  )

/** A UUID v4 from the `Random` service (see `withInvocationId`). */
export const invocationId: Effect.Effect<string> = Effect.randomWith((random) =>
  withInvocationId(random, Effect.succeed)
)

/**
 * `amz-sdk-request` as the AWS SDKs send it; an unbounded policy has no `max` to tell, so the
 * member is left out, as the SDKs do when they know no maximum.
 */
const sdkRequestHeader = (context: RetryPolicy.AttemptContext): string =>
  Number.isFinite(context.maxAttempts)
    ? `attempt=${context.attempt}; max=${context.maxAttempts}`
    : `attempt=${context.attempt}`

/** Every header of an attempt. */
export const headersFor = (id: string, context: RetryPolicy.AttemptContext): Record<string, string> => ({
  "content-type": AwsJsonProtocol.contentType,
  "x-amz-target": AwsJsonProtocol.target(operation),
  "user-agent": userAgent,
  "amz-sdk-invocation-id": id,
  "amz-sdk-request": sdkRequestHeader(context)
})

/** A region taken from a bad pool id is the caller's input error, not a configuration error. */
export const resolveEndpoint = (options: Endpoint.EndpointOptions, userPoolId: string) =>
  Endpoint.resolve(options, userPoolId).pipe(
    Effect.mapError((error) =>
      new InvalidParameterException({ message: `UserPoolId: ${error.message}`, origin: "local" })
    )
  )

/**
 * `resolveEndpoint` remembered per region: the pool id matters only through its region prefix, and
 * not at all when a region is configured. Failures are not kept; the cache is bounded, so odd
 * prefixes cost a resolution each rather than memory. `known` answers without an effect when it can.
 */
const endpointCache = (options: Endpoint.EndpointOptions) => {
  const cache = new Map<string, Endpoint.ResolvedEndpoint>()
  const fixedRegion = options.region !== undefined && options.region !== ""
  const keyOf = (userPoolId: string) => fixedRegion ? "" : Endpoint.regionFromUserPoolId(userPoolId)
  return {
    known: (userPoolId: string): Endpoint.ResolvedEndpoint | undefined => {
      const key = keyOf(userPoolId)
      return key === undefined ? undefined : cache.get(key)
    },
    resolve: (userPoolId: string): Effect.Effect<Endpoint.ResolvedEndpoint, InvalidParameterException> =>
      Effect.tap(resolveEndpoint(options, userPoolId), (endpoint) => {
        const key = keyOf(userPoolId)
        if (key !== undefined && cache.size < 64) cache.set(key, endpoint)
      })
  }
}

/** What every attempt of a call sends, and how to keep its secrets out of what comes back. */
interface Sent {
  readonly body: string
  /** Redacts the call's username and token in the server's texts (a server may echo them). */
  readonly redact: ResponseText.Redactor
}

/**
 * A transport's unreadable-body error with its request id read again, redacted: the transport knows
 * no secret, and the id it kept is already cut to length, which could have cut a secret in half.
 */
const redactRequestId = (response: Transport.Response, redact: ResponseText.Redactor, error: UnexpectedResponseError) =>
  error.requestId === undefined ? error : new UnexpectedResponseError({
    status: error.status,
    code: error.code,
    requestId: AwsJsonProtocol.readRequestId(response.headers, redact),
    message: error.message,
    cause: error.cause
  })

/** What a call learns from its fiber once, when it starts. */
interface Observers {
  /** Build spans: tracing is on and the fiber's tracer exports (`isTraced`). */
  readonly traced: boolean
  /** Build debug log lines: they would reach a logger. */
  readonly debug: boolean
  /** Time is real: the transport may enforce the attempt timeout with its own timer. */
  readonly realTimers: boolean
  /** The fiber's metric labels (`Effect.tagMetrics`), for updates made without an effect. */
  readonly metricLabels: ReadonlyArray<MetricLabel.MetricLabel>
  /** The fiber's `Random` service, for the invocation id. */
  readonly random: Random.Random
}

const callTimedOut = (limit: Duration.Duration) =>
  new TransportError({ reason: "Timeout", message: `the call timed out after ${Duration.format(limit)}` })

const retryCounters: Record<RetryPolicy.RetryClass, Metric.Metric.Counter<number>> = {
  throttling: Metric.tagged(ClientMetrics.retries, "retry_class", "throttling"),
  transient: Metric.tagged(ClientMetrics.retries, "retry_class", "transient"),
  none: Metric.tagged(ClientMetrics.retries, "retry_class", "other")
}
const quotaExhausted = Metric.increment(ClientMetrics.retryQuotaExhausted)

/**
 * The service over `transport`. The retry quota (and the adaptive rate limiter) is shared by every
 * call made through the returned service.
 */
export const makeEngine = (
  transport: Transport.Transport,
  options: AuthEventFeedbackClient.Options
): Effect.Effect<AuthEventFeedback.AuthEventFeedback.Service, Endpoint.EndpointError> =>
  Effect.gen(function*() {
    const endpointOptions = yield* Endpoint.validate(options)
    const retrier = yield* RetryPolicy.makeRetrier(retryPolicyOf(options))
    const maxAttempts = retrier.policy.maxAttempts
    const attemptTimeout = Duration.decode(options.attemptTimeout ?? defaultAttemptTimeout)
    const attemptTimeoutMillis = Duration.isFinite(attemptTimeout) ? Duration.toMillis(attemptTimeout) : undefined
    const maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes
    const endpoints = endpointCache(endpointOptions)
    const callTimeout = options.timeout === undefined ? undefined : Duration.decode(options.timeout)
    const userOnRetry = options.onRetry

    /** An answer as the retry loop sees it: the response on success, the error and hint otherwise. */
    const interpret = (
      response: Transport.Response,
      redact: ResponseText.Redactor
    ): Effect.Effect<Transport.Response, RetryPolicy.AttemptFailure> => {
      if (response.unreadable !== undefined && response.status >= 200 && response.status < 300) {
        return Effect.fail({ error: redactRequestId(response, redact, response.unreadable) })
      }
      const decoded = AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse(response, redact)
      if (Either.isRight(decoded)) return Effect.succeed(response)
      // the headers said nothing either: report why the body could not be read
      if (response.unreadable !== undefined && decoded.left._tag === "UnexpectedResponseError") {
        return Effect.fail({ error: redactRequestId(response, redact, response.unreadable) })
      }
      return Effect.map(Clock.currentTimeMillis, (now) => ({
        error: decoded.left,
        retryAfter: AwsJsonProtocol.readRetryAfter(response.headers, now)
      })).pipe(Effect.flip)
    }

    const attempt = (
      url: string,
      id: string,
      sent: Sent,
      context: RetryPolicy.AttemptContext,
      observers: Observers
    ): Effect.Effect<Transport.Response, RetryPolicy.AttemptFailure> => {
      // on real time the transport keeps the limit with its own timer, with no fiber to fork
      const transportTimes = observers.realTimers && attemptTimeoutMillis !== undefined
      const exchanged = transport.exchange({
        url,
        headers: headersFor(id, context),
        body: sent.body,
        maxResponseBytes,
        timeoutMillis: transportTimes ? attemptTimeoutMillis : undefined,
        traced: observers.traced
      })
      const limited = transportTimes || attemptTimeoutMillis === undefined
        ? exchanged
        : Effect.timeoutFail(exchanged, {
          duration: attemptTimeout,
          onTimeout: () => Transport.attemptTimedOut(attemptTimeoutMillis)
        })
      let exchange = Effect.matchEffect(limited, {
        onFailure: (error) => Effect.fail({ error }),
        onSuccess: observers.debug
          ? (response) =>
            Effect.zipRight(
              Effect.logDebug("attempt answered").pipe(
                Effect.annotateLogs({
                  attempt: context.attempt,
                  status: response.status,
                  requestId: AwsJsonProtocol.readRequestId(response.headers, sent.redact) ?? ""
                })
              ),
              interpret(response, sent.redact)
            )
          : (response) => interpret(response, sent.redact)
      })
      if (observers.debug) {
        exchange = Effect.tapError(exchange, ({ error }) =>
          Effect.logDebug("attempt failed").pipe(
            Effect.annotateLogs({ attempt: context.attempt, error: error._tag })
          ))
      }
      return observers.traced
        ? Effect.withSpan(exchange, `${spanName}.attempt`, {
          kind: "client",
          attributes: { "aws.attempt": context.attempt },
          // the call site is this file, which tells a user nothing; capturing it costs on every call
          captureStackTrace: false
        })
        : exchange
    }

    const onRetryFor = (debug: boolean) => (event: RetryPolicy.RetryEvent) => {
      const counted = Metric.increment(retryCounters[event.retryClass])
      const logged = debug
        ? Effect.zipRight(
          counted,
          Effect.logDebug("retrying").pipe(
            Effect.annotateLogs({
              attempt: event.attempt,
              error: event.error._tag,
              retryClass: event.retryClass,
              delayMillis: Duration.toMillis(event.delay)
            })
          )
        )
        : counted
      return userOnRetry === undefined ? logged : Effect.zipRight(logged, userOnRetry(event))
    }
    const quiet = { onRetry: onRetryFor(false), onQuotaExhausted: quotaExhausted }
    const chatty = { onRetry: onRetryFor(true), onQuotaExhausted: quotaExhausted }

    /**
     * The attempts under the retry policy, their count recorded whichever way the call ends; `done`
     * turns the last answer and the count into the call's result.
     */
    const attempts = <A>(
      url: string,
      id: string,
      sent: Sent,
      observers: Observers,
      done: (answer: Transport.Response, attempts: number) => A
    ): Effect.Effect<A, UpdateAuthEventFeedbackError> => {
      let made = 0
      return Effect.matchEffect(
        retrier.run((context) => {
          made = context.attempt
          return attempt(url, id, sent, context, observers)
        }, observers.debug ? chatty : quiet),
        {
          onSuccess: (result) => {
            ClientMetrics.attemptsPerCall.unsafeUpdate(result.attempts, observers.metricLabels)
            return Effect.succeed(done(result.value, result.attempts))
          },
          onFailure: (error) => {
            ClientMetrics.attemptsPerCall.unsafeUpdate(made, observers.metricLabels)
            return Effect.fail(error)
          }
        }
      )
    }

    const empty: UpdateAuthEventFeedbackResponse = {}
    const answered = () => empty

    /** An untraced, quiet call: the path of almost every call, so it is written without a generator. */
    const plainCall = (endpoint: Endpoint.ResolvedEndpoint, sent: Sent, observers: Observers) =>
      withInvocationId(observers.random, (id) => attempts(endpoint.url, id, sent, observers, answered))

    const observedCall = (endpoint: Endpoint.ResolvedEndpoint, sent: Sent, observers: Observers) =>
      Effect.gen(function*() {
        if (observers.traced) yield* Effect.annotateCurrentSpan("cloud.region", endpoint.region)
        const result = yield* withInvocationId(
          observers.random,
          (id) =>
            attempts(endpoint.url, id, sent, observers, (answer, attempts) => ({
              requestId: AwsJsonProtocol.readRequestId(answer.headers, sent.redact),
              attempts
            }))
        )
        if (observers.traced) {
          yield* Effect.annotateCurrentSpan({
            "aws.request_id": result.requestId ?? "",
            "aws.attempts": result.attempts
          })
        }
        if (observers.debug) {
          yield* Effect.logDebug("feedback recorded").pipe(Effect.annotateLogs({ attempts: result.attempts }))
        }
        return empty
      })

    const call = (
      request: UpdateAuthEventFeedbackRequest,
      observers: Observers
    ): Effect.Effect<UpdateAuthEventFeedbackResponse, UpdateAuthEventFeedbackError> => {
      const send = observers.traced || observers.debug ? observedCall : plainCall
      // every attempt sends the same body
      const sent: Sent = {
        body: AwsJsonProtocol.encodeUpdateAuthEventFeedback(request),
        redact: ResponseText.redactorFor([Redacted.value(request.Username), Redacted.value(request.FeedbackToken)])
      }
      const known = endpoints.known(request.UserPoolId)
      const program = known !== undefined
        ? send(known, sent, observers)
        : Effect.flatMap(endpoints.resolve(request.UserPoolId), (endpoint) => send(endpoint, sent, observers))
      const limited = callTimeout === undefined
        ? program
        : Effect.timeoutFail(program, { duration: callTimeout, onTimeout: () => callTimedOut(callTimeout) })
      if (!observers.traced) return limited
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
            ...(Number.isFinite(maxAttempts) ? { "aws.max_attempts": maxAttempts } : {})
          },
          captureStackTrace: false
        })
      )
    }

    return AuthEventFeedback.make((request) =>
      Effect.withFiberRuntime((fiber) =>
        call(request, {
          traced: isTraced(fiber),
          debug: isDebugEnabled(fiber),
          realTimers: timersAreReal(fiber),
          metricLabels: fiber.getFiberRef(FiberRef.currentMetricLabels),
          random: Context.get(fiber.getFiberRef(DefaultServices.currentServices), Random.Random)
        })
      )
    )
  })
