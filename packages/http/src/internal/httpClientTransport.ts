/**
 * The transport over `@effect/platform`'s `HttpClient`: whatever client the application provides
 * (undici, fetch, a test client), with its middleware. The one boundary where platform errors
 * become domain errors.
 */
import type { TransportError } from "@cognito-feedback/core/CognitoError"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Headers from "@effect/platform/Headers"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import type * as FiberId from "effect/FiberId"
import * as FiberRefs from "effect/FiberRefs"
import { constTrue } from "effect/Function"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as AwsJsonProtocol from "../AwsJsonProtocol.js"
import * as Transport from "../Transport.js"
import { readBody } from "./body.js"

const fromRequestError = (error: HttpClientError.RequestError): TransportError =>
  error.reason === "Transport"
    ? Transport.requestFailed(error.cause)
    : Transport.requestNotSent(error.reason === "InvalidUrl" ? "invalid URL" : "the body could not be encoded")

/**
 * What the exchange's own fiber carries, and so nobody else: the service never redirects (a
 * redirect means something in between is wrong, and following it would send the token elsewhere;
 * `fetch` follows redirects unless told not to). The caller's request options stay as they are.
 */
const makeWithoutRedirects = () => {
  // calls from one runtime share one context, and adding a service copies all of it: keep the last
  let last: { readonly context: Context.Context<never>; readonly changed: Context.Context<never> } | undefined
  return (context: Context.Context<never>): Context.Context<never> => {
    if (last?.context === context) return last.changed
    const init = Option.getOrElse(Context.getOption(context, FetchHttpClient.RequestInit), () => ({}))
    const changed = Context.add(context, FetchHttpClient.RequestInit, { ...init, redirect: "manual" })
    last = { context, changed }
    return changed
  }
}

/**
 * An untraced call (no span of ours reaches an exporter) asks the platform, by its own convention,
 * for no request span and no trace headers either; the caller's tracer stays as it is.
 */
const untraced = {
  updateRefs: (refs: FiberRefs.FiberRefs, fiberId: FiberId.Runtime) =>
    FiberRefs.updateManyAs(refs, { entries: [[HttpClient.currentTracerDisabledWhen, [[fiberId, constTrue]]]] })
}

/**
 * A traced call lets the platform's request span name the headers but not show their values: a
 * server may put anything in a response header (the token it was sent, echoed), and the platform
 * records response headers with the same redaction list as request headers.
 */
const everyHeader = /(?:)/
const headerValuesRedacted = {
  updateRefs: (refs: FiberRefs.FiberRefs, fiberId: FiberId.Runtime) =>
    FiberRefs.updateManyAs(refs, { entries: [[Headers.currentRedactedNames, [[fiberId, [everyHeader]]]]] })
}

/**
 * `self` in a fiber of its own, failing with `onTimeout()` (and interrupted) if it has not ended
 * within `millis` of real time. One fiber does both jobs: it carries the exchange's settings from
 * its start, with nothing to restore afterwards (`Effect.locally` and `provideService` each cost an
 * acquire-release per exchange), and a plain timer can interrupt it, where `Effect.timeoutFail`
 * races two forks.
 *
 * The fiber is started with `Runtime.runFork` from the caller's own fiber refs and flags: it runs at
 * once, in this stack, rather than after a trip through the scheduler, and it is a root, like a
 * daemon: the wait below ends it on every path (done, timed out, or the caller interrupted, when the
 * wait's canceller interrupts it and waits for it), so registering it as the caller's child would
 * only add bookkeeping to every exchange. It returns its exit as its value, so that a failure is
 * ours to report, not logged as an unhandled one.
 */
const inOwnFiber = <A, E>(
  self: Effect.Effect<A, E>,
  withoutRedirects: (context: Context.Context<never>) => Context.Context<never>,
  traced: boolean,
  millis: number | undefined,
  onTimeout: () => E
): Effect.Effect<A, E> =>
  Effect.withFiberRuntime<A, E>((caller, status) => {
    const runtime = Runtime.make({
      context: withoutRedirects(caller.currentContext),
      fiberRefs: caller.getFiberRefs(),
      runtimeFlags: status.runtimeFlags
    })
    // forked inside the registration, so that no interruption can fall between the fork and the wait
    return Effect.async<A, E>((resume) => {
      const fiber = Runtime.runFork(runtime, Effect.exit(self), traced ? headerValuesRedacted : untraced)
      let settled = false
      const timer = millis === undefined ? undefined : setTimeout(() => {
        if (settled) return
        settled = true
        // interrupting the fiber aborts its request before the timeout is reported
        resume(Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(onTimeout())))
      }, millis)
      fiber.addObserver((exit) => {
        clearTimeout(timer)
        if (settled) return
        settled = true
        resume(Exit.isSuccess(exit) ? exit.value : Effect.failCause(exit.cause))
      })
      return Effect.suspend(() => {
        settled = true
        clearTimeout(timer)
        return Fiber.interrupt(fiber)
      })
    })
  })

/** `client` as a transport; `content-type` goes with the body, every other header as given. */
export const fromHttpClient = (client: HttpClient.HttpClient): Transport.Transport => {
  const withoutRedirects = makeWithoutRedirects()
  return {
    exchange: (request) => {
      const { "content-type": contentType, ...headers } = request.headers
      const httpRequest = HttpClientRequest.post(request.url).pipe(
        HttpClientRequest.setHeaders(headers),
        HttpClientRequest.bodyText(request.body, contentType ?? AwsJsonProtocol.contentType)
      )
      const exchange = Effect.flatMap(
        Effect.mapError(client.execute(httpRequest), (error) =>
          error._tag === "RequestError"
            ? fromRequestError(error)
            : Transport.requestFailed(error.cause)),
        (response): Effect.Effect<Transport.Response, TransportError> => {
          // read once: some clients build a new headers object on every access
          const responseHeaders = response.headers
          const status = response.status
          return readBody(response, responseHeaders, request.maxResponseBytes).pipe(
            Effect.matchEffect({
              onSuccess: (body) => Effect.succeed({ status, headers: responseHeaders, body }),
              onFailure: (error) => {
                const failure = Transport.bodyFailed(
                  error.cause,
                  status,
                  AwsJsonProtocol.readRequestId(responseHeaders),
                  error.reason
                )
                // a garbled error body still came with its headers, where the error code may be
                return failure._tag === "TransportError"
                  ? Effect.fail(failure)
                  : Effect.succeed({ status, headers: responseHeaders, body: "", unreadable: failure })
              }
            })
          )
        }
      )
      const timeoutMillis = request.timeoutMillis
      return inOwnFiber(
        exchange,
        withoutRedirects,
        request.traced === true,
        timeoutMillis,
        () => Transport.attemptTimedOut(timeoutMillis ?? 0)
      )
    }
  }
}
