/**
 * The transport over Effect's `HttpClient`: whatever client the application provides (undici,
 * fetch, a test client), with its middleware. The one boundary where platform errors become domain
 * errors.
 */
import type { TransportError } from "@cognito-feedback/core/CognitoError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { constTrue } from "effect/Function"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Headers from "effect/http/Headers"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientError from "effect/http/HttpClientError"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as AwsJsonProtocol from "../AwsJsonProtocol.js"
import * as Transport from "../Transport.js"
import { readBody } from "./body.js"
import { inOwnFiber } from "./ownFiber.js"

const fromClientError = (error: HttpClientError.HttpClientError): TransportError => {
  switch (error.reason._tag) {
    case "InvalidUrlError":
      return Transport.requestNotSent("invalid URL")
    case "EncodeError":
      return Transport.requestNotSent("the body could not be encoded")
    default:
      return Transport.requestFailed(error.reason.cause)
  }
}

// a server may put anything in a response header (the token it was sent, echoed)
const everyHeader = /(?:)/

/**
 * What the exchange's context carries, and so nobody else's: the service never redirects (a
 * redirect means something in between is wrong, and following it would send the token elsewhere;
 * `fetch` follows redirects unless told not to), the caller's request options otherwise as they
 * are. An untraced call (no span of ours reaches an exporter) asks the platform, by its own
 * convention, for no request span and no trace headers either; a traced call lets the platform's
 * request span name the headers but not show their values (the platform records response headers
 * with the same redaction list as request headers).
 */
const makeWithContext = (traced: boolean) => {
  // calls from one runtime share one context, and adding a service copies all of it: keep the last
  let last: { readonly context: Context.Context<never>; readonly changed: Context.Context<never> } | undefined
  return (context: Context.Context<never>): Context.Context<never> => {
    if (last?.context === context) return last.changed
    const init = Context.getOrUndefined(context, FetchHttpClient.RequestInit) ?? {}
    let changed = Context.add(context, FetchHttpClient.RequestInit, { ...init, redirect: "manual" })
    changed = traced
      ? Context.add(changed, Headers.CurrentRedactedNames, [everyHeader])
      : Context.add(
        Context.add(changed, HttpClient.TracerDisabledWhen, constTrue),
        HttpClient.TracerPropagationEnabled,
        false
      )
    last = { context, changed }
    return changed
  }
}

const encoder = new TextEncoder()

/** `client` as a transport; `content-type` goes with the body, every other header as given. */
export const fromHttpClient = (client: HttpClient.HttpClient): Transport.Transport => {
  const tracedContext = makeWithContext(true)
  const untracedContext = makeWithContext(false)
  return {
    exchange: (request) => {
      const { "content-type": contentType, ...headers } = request.headers
      const httpRequest = HttpClientRequest.post(request.url).pipe(
        HttpClientRequest.setHeaders(headers),
        // bytes, not text: Effect 4's text body keeps the string as an enumerable field, and its
        // HttpClient ends the request's span with a `StatusCodeError` holding the request on any
        // 4xx or 5xx answer, so the username and token would ride along in that span's exit
        HttpClientRequest.bodyUint8Array(encoder.encode(request.body), contentType ?? AwsJsonProtocol.contentType)
      )
      const exchange = Effect.flatMap(
        Effect.mapError(client.execute(httpRequest), fromClientError),
        (response): Effect.Effect<Transport.Response, TransportError> => {
          // read once: some clients build a new headers object on every access
          const responseHeaders = response.headers
          const status = response.status
          return readBody(response, responseHeaders, request.maxResponseBytes).pipe(
            Effect.matchEffect({
              onSuccess: (body) => Effect.succeed({ status, headers: responseHeaders, body }),
              onFailure: (error) => {
                const failure = Transport.bodyFailed(
                  error.reason.cause,
                  status,
                  AwsJsonProtocol.readRequestId(responseHeaders),
                  // the Effect 3 edition's words: `Decode`, `EmptyBody`
                  error.reason._tag.replace(/Error$/, "")
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
        request.traced === true ? tracedContext : untracedContext,
        timeoutMillis,
        () => Transport.attemptTimedOut(timeoutMillis ?? 0)
      )
    }
  }
}
