/**
 * The protocol engine, once for every transport and every described operation: validation has
 * happened; this resolves the endpoint from the request's region member, encodes AWS JSON 1.1, runs
 * the attempts under the retry policy, the attempt and call timeouts, decodes answers into tagged
 * errors, and reports through spans (`Cognito.<Operation>`), debug logs, metrics tagged with the
 * operation, and the caller's `onRetry`. A transport only moves bytes (`Transport.ts`); an
 * operation is bound once (`binding.ts`).
 */
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import { InvalidParameterException, TransportError, UnexpectedResponseError } from "@cognito-feedback/core/CognitoError"
import type * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import * as Clock from "effect/Clock"
import type * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Metric from "effect/Metric"
import type * as Random from "effect/Random"
import * as AwsJsonProtocol from "../AwsJsonProtocol.js"
import * as ClientMetrics from "../ClientMetrics.js"
import * as Endpoint from "../Endpoint.js"
import * as ResponseText from "../ResponseText.js"
import * as Transport from "../Transport.js"
import type { Binding } from "./binding.js"
import { invocationIdOf } from "./invocationId.js"
import { isDebugEnabled, isTraced, randomOf, timersAreReal } from "./observers.js"
import { version } from "./version.js"

const userAgent = `cognito-feedback/${version} effect`

/** What the engine runs with, read from a client's options once (`AuthEventFeedbackClient`). */
export interface Settings {
  /** Checked already (`Endpoint.validate`). */
  readonly endpoint: Endpoint.EndpointOptions
  /** Shared by every call of the engine, of every operation: one retry quota, one rate limiter. */
  readonly retrier: RetryPolicy.Retrier
  /** `Duration.infinity`: none. */
  readonly attemptTimeout: Duration.Duration
  readonly timeout: Duration.Duration | undefined
  readonly maxResponseBytes: number
  readonly onRetry: ((event: RetryPolicy.RetryEvent) => Effect.Effect<void>) | undefined
}

/**
 * `amz-sdk-request` as the AWS SDKs send it; an unbounded policy has no `max` to tell, so the
 * member is left out, as the SDKs do when they know no maximum.
 */
const sdkRequestHeader = (context: RetryPolicy.AttemptContext): string =>
  Number.isFinite(context.maxAttempts)
    ? `attempt=${context.attempt}; max=${context.maxAttempts}`
    : `attempt=${context.attempt}`

/** Every header of an attempt of `binding`'s operation. */
export const headersFor = (
  binding: Binding<never, unknown>,
  id: string,
  context: RetryPolicy.AttemptContext
): Record<string, string> => ({
  "content-type": AwsJson.contentType,
  "x-amz-target": binding.operation.target,
  "user-agent": userAgent,
  "amz-sdk-invocation-id": id,
  "amz-sdk-request": sdkRequestHeader(context)
})

/** A region taken from a bad pool id is the caller's input error, not a configuration error. */
export const resolveEndpoint = (options: Endpoint.EndpointOptions, binding: Binding<never, unknown>, value: string) =>
  Effect.fromResult(Endpoint.resolve(options, value)).pipe(
    Effect.mapError((error) =>
      new InvalidParameterException({
        message: `${binding.operation.regionMember}: ${error.message}`,
        origin: "local"
      })
    )
  )

/**
 * `resolveEndpoint` remembered per region: the region member matters only through its region
 * prefix, and not at all when a region is configured. Failures are not kept; the cache is bounded,
 * so odd prefixes cost a resolution each rather than memory. `known` answers without an effect
 * when it can.
 */
const endpointCache = (options: Endpoint.EndpointOptions) => {
  const cache = new Map<string, Endpoint.ResolvedEndpoint>()
  const fixedRegion = options.region !== undefined && options.region !== ""
  const keyOf = (value: string) => fixedRegion ? "" : Endpoint.regionFromUserPoolId(value)
  return {
    known: (value: string): Endpoint.ResolvedEndpoint | undefined => {
      const key = keyOf(value)
      return key === undefined ? undefined : cache.get(key)
    },
    resolve: (
      binding: Binding<never, unknown>,
      value: string
    ): Effect.Effect<Endpoint.ResolvedEndpoint, InvalidParameterException> =>
      Effect.map(resolveEndpoint(options, binding, value), (endpoint) => {
        const key = keyOf(value)
        if (key !== undefined && cache.size < 64) cache.set(key, endpoint)
        return endpoint
      })
  }
}

/** What every attempt of a call sends, and how to keep its secrets out of what comes back. */
interface Sent {
  readonly body: string
  /** Redacts the call's sensitive values in the server's texts (a server may echo them). */
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

/** What a call learns from its fiber once, when it starts (`observers.ts`). */
interface Observers {
  /** Build spans: tracing is on and the fiber's tracer exports. */
  readonly traced: boolean
  /** Build debug log lines: they would reach a logger. */
  readonly debug: boolean
  /** Time is real: the transport may enforce the attempt timeout with its own timer. */
  readonly realTimers: boolean
  /** The fiber's context, for metric updates made without an effect (its metric attributes). */
  readonly context: Context.Context<never>
  /** The fiber's `Random` service, for the invocation id. */
  readonly random: Random.Random
}

const callTimedOut = (limit: Duration.Duration) =>
  new TransportError({ reason: "Timeout", message: `the call timed out after ${Duration.format(limit)}` })

/** The metrics of one operation's calls (`ClientMetrics.ofOperation`), made once per binding. */
const metricsOf = (operation: string) => {
  const metrics = ClientMetrics.ofOperation(operation)
  const retryCounters: Record<RetryPolicy.RetryClass, Metric.Counter<number>> = {
    throttling: metrics.retries("throttling"),
    transient: metrics.retries("transient"),
    none: metrics.retries("other")
  }
  return {
    retryCounters,
    quotaExhausted: Metric.update(metrics.retryQuotaExhausted, 1),
    attemptsPerCall: metrics.attemptsPerCall
  }
}

/**
 * Calls of described operations over `transport`: `call(binding)` is the function that sends one
 * validated request of the binding's operation. The retry quota (and the adaptive rate limiter) is
 * shared by every call made through the engine, whatever its operation.
 */
export interface Engine {
  readonly call: <Request, Output>(
    binding: Binding<Request, Output>
  ) => (request: Request) => Effect.Effect<Output, UpdateAuthEventFeedbackError>
}

export const make = (transport: Transport.Transport, settings: Settings): Engine => {
  const { attemptTimeout, maxResponseBytes, retrier, timeout: callTimeout, onRetry: userOnRetry } = settings
  const maxAttempts = retrier.policy.maxAttempts
  const attemptTimeoutMillis = Duration.isFinite(attemptTimeout) ? Duration.toMillis(attemptTimeout) : undefined
  const endpoints = endpointCache(settings.endpoint)

  const call = <Request, Output>(binding: Binding<Request, Output>) => {
    const { operation, spanName } = binding
    const attemptSpanName = `${spanName}.attempt`
    const metrics = metricsOf(operation.name)
    const erased = binding as Binding<never, unknown>

    /** An answer as the retry loop sees it: the response on success, the error and hint otherwise. */
    const interpret = (
      response: Transport.Response,
      redact: ResponseText.Redactor
    ): Effect.Effect<Transport.Response, RetryPolicy.AttemptFailure> => {
      if (response.unreadable !== undefined && response.status >= 200 && response.status < 300) {
        return Effect.fail({ error: redactRequestId(response, redact, response.unreadable) })
      }
      const decoded = AwsJson.decodeResponse(operation, response, redact)
      if (decoded._tag === "Ok") return Effect.succeed(response)
      // the headers said nothing either: report why the body could not be read
      if (response.unreadable !== undefined && decoded._tag === "UnexpectedResponse") {
        return Effect.fail({ error: redactRequestId(response, redact, response.unreadable) })
      }
      const error = AwsJsonProtocol.errorOf(decoded)
      return Effect.flip(Effect.map(Clock.currentTimeMillis, (now) => ({
        error,
        retryAfter: AwsJsonProtocol.readRetryAfter(response.headers, now)
      })))
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
        headers: headersFor(erased, id, context),
        body: sent.body,
        maxResponseBytes,
        timeoutMillis: transportTimes ? attemptTimeoutMillis : undefined,
        traced: observers.traced
      })
      const limited = transportTimes || attemptTimeoutMillis === undefined
        ? exchanged
        : Effect.timeoutOrElse(exchanged, {
          duration: attemptTimeout,
          orElse: () => Effect.fail(Transport.attemptTimedOut(attemptTimeoutMillis))
        })
      let exchange = Effect.matchEffect(limited, {
        onFailure: (error) => Effect.fail({ error }),
        onSuccess: observers.debug
          ? (response) =>
            Effect.andThen(
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
        ? Effect.withSpan(exchange, attemptSpanName, {
          kind: "client",
          attributes: { "aws.attempt": context.attempt },
          // the call site is this file, which tells a user nothing; capturing it costs on every call
          captureStackTrace: false
        })
        : exchange
    }

    const onRetryFor = (debug: boolean) => (event: RetryPolicy.RetryEvent) => {
      const counted = Metric.update(metrics.retryCounters[event.retryClass], 1)
      const logged = debug
        ? Effect.andThen(
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
      return userOnRetry === undefined ? logged : Effect.andThen(logged, userOnRetry(event))
    }
    const quiet = { onRetry: onRetryFor(false), onQuotaExhausted: metrics.quotaExhausted }
    const chatty = { onRetry: onRetryFor(true), onQuotaExhausted: metrics.quotaExhausted }

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
            metrics.attemptsPerCall.updateUnsafe(result.attempts, observers.context)
            return Effect.succeed(done(result.value, result.attempts))
          },
          onFailure: (error) => {
            metrics.attemptsPerCall.updateUnsafe(made, observers.context)
            return Effect.fail(error)
          }
        }
      )
    }

    /** An untraced, quiet call: the path of almost every call, so it is written without a generator. */
    const plainCall = (endpoint: Endpoint.ResolvedEndpoint, sent: Sent, observers: Observers) =>
      attempts(endpoint.url, invocationIdOf(observers.random), sent, observers, binding.output)

    const observedCall = (endpoint: Endpoint.ResolvedEndpoint, sent: Sent, observers: Observers) =>
      Effect.gen(function*() {
        if (observers.traced) yield* Effect.annotateCurrentSpan("cloud.region", endpoint.region)
        const result = yield* attempts(
          endpoint.url,
          invocationIdOf(observers.random),
          sent,
          observers,
          (answer, attempts) => ({
            output: binding.output(answer),
            requestId: AwsJsonProtocol.readRequestId(answer.headers, sent.redact),
            attempts
          })
        )
        if (observers.traced) {
          yield* Effect.annotateCurrentSpan({
            "aws.request_id": result.requestId ?? "",
            "aws.attempts": result.attempts
          })
        }
        if (observers.debug) {
          yield* Effect.logDebug(binding.succeeded).pipe(
            Effect.annotateLogs({ attempts: result.attempts })
          )
        }
        return result.output
      })

    const spanOptions = {
      kind: "client",
      attributes: {
        "rpc.system": "aws-api",
        "rpc.service": "CognitoIdentityProvider",
        "rpc.method": operation.name,
        ...(Number.isFinite(maxAttempts) ? { "aws.max_attempts": maxAttempts } : {})
      }
    } as const
    // the call site is this file, which tells a user nothing; capturing it costs on every call
    const traceOptions = { captureStackTrace: false } as const

    const send = (request: Request, observers: Observers): Effect.Effect<Output, UpdateAuthEventFeedbackError> => {
      const go = observers.traced || observers.debug ? observedCall : plainCall
      // every attempt sends the same body
      const sent: Sent = {
        body: binding.encode(request),
        redact: ResponseText.redactorFor(binding.secrets(request))
      }
      const regionValue = binding.regionValue(request)
      const known = endpoints.known(regionValue)
      const program = known !== undefined
        ? go(known, sent, observers)
        : Effect.flatMap(endpoints.resolve(erased, regionValue), (endpoint) => go(endpoint, sent, observers))
      const limited = callTimeout === undefined
        ? program
        : Effect.timeoutOrElse(program, {
          duration: callTimeout,
          orElse: () => Effect.fail(callTimedOut(callTimeout))
        })
      if (!observers.traced) return limited
      return limited.pipe(
        Effect.tapError((error) =>
          Effect.annotateCurrentSpan({
            "error.type": error._tag,
            ...("requestId" in error && error.requestId !== undefined ? { "aws.request_id": error.requestId } : {})
          })
        ),
        Effect.withSpan(spanName, spanOptions, traceOptions)
      )
    }

    return (request: Request): Effect.Effect<Output, UpdateAuthEventFeedbackError> =>
      Effect.withFiber((fiber) =>
        send(request, {
          traced: isTraced(fiber),
          debug: isDebugEnabled(fiber),
          realTimers: timersAreReal(fiber),
          context: fiber.context,
          random: randomOf(fiber)
        })
      )
  }

  return { call }
}
