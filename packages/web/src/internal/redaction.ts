/**
 * The link's query holds the username and the feedback token. `@effect/platform`'s server span
 * records the query (`url.full`, `url.query`) and the path with any `;` parameters (`url.path`),
 * and its access logger the URL; this keeps them out.
 */
import { redactedQuery, redactUrl } from "@cognito-feedback/protocol/PageRequest"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"

/**
 * Replaces the query and path parameters in the attributes the server span already has (an
 * exporter reads them when the span ends, after this), and turns off the platform's access log
 * line for this request: the page logs its own, without the query.
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
        const path = span.attributes.get("url.path")
        if (typeof path === "string") span.attribute("url.path", redactUrl(path))
      }),
      HttpMiddleware.withLoggerDisabled(Effect.void)
    )
)

/**
 * The page's access log line: method, route and status. The route, not the path as received: a
 * path may carry anything after a `;` (or be any casing the router accepts) and still reach the page.
 */
export const logResponse = (method: string, route: string, status: number): Effect.Effect<void> =>
  Effect.log("Sent HTTP response").pipe(
    Effect.annotateLogs({
      "http.method": method,
      "http.route": route,
      "http.status": status
    })
  )
