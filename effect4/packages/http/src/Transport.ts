/**
 * The one seam between the protocol engine and the network: one exchange of bytes. The engine (AWS
 * JSON 1.1, endpoints, retries, timeouts, spans and logs) exists once; a transport only sends a
 * request and reads its answer. `AuthEventFeedbackHttp` implements it over Effect's
 * `HttpClient`, `@cognito-feedback/node` over `node:http`. Most users never touch this module.
 *
 * @since 1.0.0
 */
import { TransportError, UnexpectedResponseError } from "@cognito-feedback/core/CognitoError"
import * as TransportFailure from "@cognito-feedback/protocol/TransportFailure"
import * as Duration from "effect/Duration"
import type * as Effect from "effect/Effect"

/**
 * What the engine asks a transport to send: always a `POST`.
 *
 * @since 1.0.0
 * @category models
 */
export interface Request {
  readonly url: string
  /** Lower-case names; `content-type` included. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** Read at most this many bytes of the response body; never buffer more. */
  readonly maxResponseBytes: number
  /**
   * When set, the transport keeps this time limit itself, on real timers, and fails with
   * `attemptTimedOut`; when not, the engine keeps the limit on the fiber's `Clock` (or there is none).
   */
  readonly timeoutMillis?: number | undefined
  /**
   * Whether the call is traced (its spans reach an exporter). A transport that makes spans or
   * propagates trace context of its own should do so only then: a `traceparent` pointing at a span
   * nobody records tells the server nothing, and in a browser it makes the request need a CORS
   * preflight.
   */
  readonly traced?: boolean | undefined
}

/**
 * What came back. Redirects are answers too: a transport never follows them.
 *
 * @since 1.0.0
 * @category models
 */
export interface Response {
  readonly status: number
  /** Lower-case names; a repeated header may be a list. */
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  /** The body as UTF-8 text, cut at `maxResponseBytes`; `""` when `unreadable` is set. */
  readonly body: string
  /** Why the body could not be read although the connection held (a false content coding, say). */
  readonly unreadable?: UnexpectedResponseError | undefined
}

/**
 * One exchange. It fails only with `TransportError` (nothing or not all of the answer arrived), and
 * when interrupted it must abort the request and release its connection.
 *
 * @since 1.0.0
 * @category models
 */
export interface Transport {
  readonly exchange: (request: Request) => Effect.Effect<Response, TransportError>
}

/**
 * The request failed before an answer began: classified by the errno-style code of `cause` (or of
 * its causes). The cause is kept for debugging; it never holds the request body.
 *
 * @since 1.0.0
 * @category errors
 */
export const requestFailed = (cause: unknown): TransportError =>
  new TransportError({ ...TransportFailure.requestFailed(cause), cause })

/**
 * The request could not even be built or handed to the network (a URL the platform rejects, a
 * body it cannot encode): nothing was sent, and trying again would not change that.
 *
 * @since 1.0.0
 * @category errors
 */
export const requestNotSent = (what: string, cause?: unknown): TransportError =>
  new TransportError({ reason: "NotSent", message: TransportFailure.requestNotSentMessage(what), cause })

/**
 * Reading the body failed. A body that stopped arriving is the transport's fault (a
 * `TransportError`, retried); one that arrived but cannot be read is an `UnexpectedResponseError`.
 *
 * @since 1.0.0
 * @category errors
 */
export const bodyFailed = (
  cause: unknown,
  status: number,
  requestId: string | undefined,
  fallbackCode = "unreadable"
): TransportError | UnexpectedResponseError => {
  const failure = TransportFailure.bodyFailed(cause, status, fallbackCode)
  return failure._tag === "Transport"
    ? new TransportError({ reason: failure.reason, message: failure.message, cause })
    : new UnexpectedResponseError({ status, requestId, message: failure.message, cause })
}

/**
 * The attempt took longer than its limit; the request was aborted.
 *
 * @since 1.0.0
 * @category errors
 */
export const attemptTimedOut = (millis: number): TransportError =>
  new TransportError({
    reason: "Timeout",
    message: `the attempt timed out after ${Duration.format(Duration.millis(millis))}`
  })
