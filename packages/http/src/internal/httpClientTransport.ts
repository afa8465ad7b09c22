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
import type * as FiberId from "effect/FiberId"
import * as FiberRefs from "effect/FiberRefs"
import { constTrue } from "effect/Function"
import * as Option from "effect/Option"
import * as AwsJsonProtocol from "../AwsJsonProtocol.js"
import * as Transport from "../Transport.js"
import { readBody } from "./body.js"
import { inOwnFiber } from "./ownFiber.js"

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
        request.traced === true ? headerValuesRedacted : untraced,
        timeoutMillis,
        () => Transport.attemptTimedOut(timeoutMillis ?? 0)
      )
    }
  }
}
