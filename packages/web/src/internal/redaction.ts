/**
 * The link's query holds the username and the feedback token. `@effect/platform`'s server span
 * records the query (`url.full`, `url.query`) and its access logger the URL; this keeps both out.
 */
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import type * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"

/** What replaces a query in spans and logs. */
export const redactedQuery = "<redacted>"

/** The URL without its query (a redacted marker instead) and without any fragment. */
export const redactUrl = (url: string): string => {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end) + (url[end] === "?" ? `?${redactedQuery}` : "")
}

/**
 * Replaces the query in the attributes the server span already has (an exporter reads them when
 * the span ends, after this), and turns off the platform's access log line for this request: the
 * page logs its own, without the query.
 */
export const redactRequest: Effect.Effect<void> = Effect.flatMap(
  Effect.serviceOption(Tracer.ParentSpan),
  (parent) =>
    Effect.andThen(
      Effect.sync(() => {
        if (Option.isNone(parent) || parent.value._tag !== "Span") return
        const span = parent.value
        const full = span.attributes.get("url.full")
        if (typeof full === "string") span.attribute("url.full", redactUrl(full))
        if (span.attributes.has("url.query")) span.attribute("url.query", redactedQuery)
      }),
      HttpMiddleware.withLoggerDisabled(Effect.void)
    )
)

/** The page's access log line: method, path (query redacted) and status. */
export const logResponse = (request: HttpServerRequest.HttpServerRequest, status: number): Effect.Effect<void> =>
  Effect.log("Sent HTTP response").pipe(
    Effect.annotateLogs({
      "http.method": request.method,
      "http.url": redactUrl(request.url),
      "http.status": status
    })
  )
