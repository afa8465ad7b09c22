/**
 * The link's query holds the username and the feedback token. The server span of `effect/http`
 * records the query (`url.full`, `url.query`) and the path with any `;` parameters (`url.path`),
 * redacting only the parameters of `UrlParams.CurrentRedactedNames`, and its access logger the
 * path; this keeps them out.
 */
import { redactedQuery, redactUrl } from "@cognito-feedback/protocol/PageRequest"
import * as Effect from "effect/Effect"
import * as HttpMiddleware from "effect/http/HttpMiddleware"
import type * as HttpServerRequest from "effect/http/HttpServerRequest"
import * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"

const redactedAttribute = (key: string, value: unknown): unknown => {
  if (key === "url.query") return redactedQuery
  if ((key === "url.full" || key === "url.path") && typeof value === "string") return redactUrl(value)
  return value
}

const guarded = new WeakSet<Tracer.Span>()

/**
 * Keeps the query and path parameters out of the server span, and turns off the server's access
 * log line for this request: the page logs its own, without the query. Effect 4's server span
 * writes its `url.*` attributes when the request ends, after the handler (Effect 3 wrote them
 * first), redacting only the names of `UrlParams.CurrentRedactedNames` as the server's context
 * had them: so the span of this request is made to redact `url.full`, `url.query` and `url.path`
 * whenever they are written, and those already there are replaced now.
 */
export const redactRequest: Effect.Effect<void, never, HttpServerRequest.HttpServerRequest> = Effect.flatMap(
  Effect.serviceOption(Tracer.ParentSpan),
  (parent) =>
    Effect.andThen(
      Effect.sync(() => {
        if (Option.isNone(parent) || parent.value._tag !== "Span") return
        const span = parent.value
        if (!guarded.has(span)) {
          guarded.add(span)
          const attribute = span.attribute.bind(span)
          span.attribute = (key, value) => attribute(key, redactedAttribute(key, value))
        }
        for (const key of ["url.full", "url.query", "url.path"]) {
          if (span.attributes.has(key)) span.attribute(key, span.attributes.get(key))
        }
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
