// Drives the page as a server does: the router through @effect/platform's web handler, with the
// platform's tracer and access logger around it, recording every span and log line.
import type { AuthEventFeedback } from "@cognito-feedback/core"
import { FeedbackPage } from "@cognito-feedback/web"
import { HttpApp, HttpMiddleware } from "@effect/platform"
import { Effect, FiberRef, HashSet, Logger, Tracer } from "effect"

export const pool = "us-east-1_Example1"
export const origin = "http://127.0.0.1:8080"

export const options: FeedbackPage.Options = {
  productName: "Example",
  userPoolId: pool,
  secureAccountUrl: "https://example.com/account/security"
}

export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: string
}

export interface Recorded {
  /** Every attribute value of every span, and every log message and annotation, as text. */
  readonly telemetry: () => ReadonlyArray<string>
  readonly logs: () => ReadonlyArray<string>
}

/** A link to the page with the given query values (percent-encoded, as `FeedbackPage.links` writes them). */
export const linkTo = (query: Record<string, string>, path: string = FeedbackPage.defaultPath): string =>
  `${origin}${path}?` + Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")

export const aliceLink = {
  "user-pool-id": pool,
  username: "alice",
  "event-id": "evt-1",
  "feedback-token": "tok.valid-1",
  feedback: "invalid"
}

export const formOf = (values: Record<string, string>): string => new URLSearchParams(values).toString()

/** A same-origin form POST, as the page's own button sends it. */
export const post = (body: string, headers: Record<string, string> = {}, path: string = FeedbackPage.defaultPath) =>
  new Request(`${origin}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      host: "127.0.0.1:8080",
      "sec-fetch-site": "same-origin",
      ...headers
    },
    body
  })

const textOf = (value: unknown): string => {
  if (typeof value === "string") return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/**
 * `send(request)` through the page with `pageOptions`, over the `AuthEventFeedback` in the context;
 * spans and logs of every request are recorded.
 */
export const makePage = (pageOptions: FeedbackPage.Options = options) =>
  Effect.gen(function*() {
    const telemetry: Array<string> = []
    const logs: Array<string> = []
    const logger = Logger.make(({ annotations, message }) => {
      const line = [
        ...(Array.isArray(message) ? message : [message]).map(textOf),
        ...Array.from(annotations, ([k, v]) => `${k}=${textOf(v)}`)
      ].join(" ")
      logs.push(line)
      telemetry.push(line)
    })
    const base = yield* Effect.tracer
    const spans: Array<Tracer.Span> = []
    const tracer = Tracer.make({
      span: (...args) => {
        const span = base.span(...args)
        spans.push(span)
        return span
      },
      context: base.context
    })
    const app = yield* FeedbackPage.router(pageOptions)
    const runtime = yield* Effect.runtime<AuthEventFeedback.AuthEventFeedback>().pipe(
      Effect.withTracer(tracer),
      Effect.locally(FiberRef.currentLoggers, HashSet.make(logger))
    )
    const handler = HttpApp.toWebHandlerRuntime(runtime)(app, HttpMiddleware.logger)
    const send = (request: Request) =>
      Effect.promise(async (): Promise<Answer> => {
        const response = await handler(request)
        return { status: response.status, headers: response.headers, body: await response.text() }
      })
    const recorded: Recorded = {
      telemetry: () => [
        ...telemetry,
        ...spans.flatMap((span) => [span.name, ...Array.from(span.attributes, ([k, v]) => `${k}=${textOf(v)}`)])
      ],
      logs: () => logs
    }
    return { send, recorded }
  })

/** The value of each hidden field of the question page's form. */
export const hiddenFields = (page: string): Record<string, string> => {
  const fields: Record<string, string> = {}
  for (const match of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[decodeEntities(match[1] ?? "")] = decodeEntities(match[2] ?? "")
  }
  return fields
}

export const decodeEntities = (text: string): string =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'" })[name] ?? ""
  )
