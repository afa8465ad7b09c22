import type { Sent } from "@cognito-feedback/test-support/httpAuthEventFeedback"
import { HttpClient, HttpClientResponse } from "@effect/platform"
import type { HttpClientRequest } from "@effect/platform"
import type { Exit } from "effect"
import { Effect, HashMap, Layer, List, Logger, Option, Ref, Tracer } from "effect"

/** A valid request: what most tests send. */
export const request = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: "alice",
  EventId: "c3f1a2b4",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Valid"
} as const

export type { Sent }

export interface Reply {
  readonly status: number
  readonly headers?: Record<string, string>
  readonly body?: string
}

const bodyText = (request: HttpClientRequest.HttpClientRequest): string =>
  request.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : ""

/**
 * A fake `HttpClient` built with the real constructor: records what it is sent and answers from
 * `replies` in order (the last one repeats).
 */
export const fakeClient = (replies: ReadonlyArray<Reply>) =>
  Effect.gen(function*() {
    const sent = yield* Ref.make<ReadonlyArray<Sent>>([])
    const client = HttpClient.make((request, url) =>
      Effect.gen(function*() {
        const count = (yield* Ref.updateAndGet(sent, (all) => [
          ...all,
          { url: url.toString(), method: request.method, headers: request.headers, body: bodyText(request) }
        ])).length
        const reply = replies[Math.min(count, replies.length) - 1] ?? { status: 200, body: "{}" }
        return HttpClientResponse.fromWeb(
          request,
          new Response(reply.body ?? "", { status: reply.status, headers: reply.headers ?? {} })
        )
      })
    )
    return { sent, layer: Layer.succeed(HttpClient.HttpClient, client) }
  })

export interface RecordedSpan {
  readonly name: string
  readonly attributes: Map<string, unknown>
  readonly parent: string | undefined
  exit: Exit.Exit<unknown, unknown> | undefined
}

/** An in-memory tracer, to read span names and attributes back in assertions. */
export const recordingTracer = () => {
  const spans: Array<RecordedSpan> = []
  let counter = 0
  const tracer = Tracer.make({
    span(name, parent, context, links, startTime, kind) {
      const recorded: RecordedSpan = {
        name,
        attributes: new Map(),
        parent: Option.getOrUndefined(Option.map(parent, (p) => p.spanId)),
        exit: undefined
      }
      spans.push(recorded)
      const spanId = `span-${++counter}`
      const span: Tracer.Span = {
        _tag: "Span",
        name,
        spanId,
        traceId: "trace-1",
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes: recorded.attributes,
        links,
        sampled: true,
        kind,
        end: (_endTime, exit) => {
          recorded.exit = exit
        },
        attribute: (key, value) => {
          recorded.attributes.set(key, value)
        },
        event: () => {},
        addLinks: () => {}
      }
      return span
    },
    context: (f) => f()
  })
  return { spans, tracer }
}

/** Every log line, message and annotations rendered as text. */
export const recordingLogger = () => {
  const lines: Array<string> = []
  const logger = Logger.make(({ annotations, logLevel, message, spans }) => {
    lines.push(
      [
        logLevel.label,
        JSON.stringify(message),
        JSON.stringify(Object.fromEntries(HashMap.toEntries(annotations))),
        List.toArray(spans).map((s) => s.label).join(",")
      ].join(" ")
    )
  })
  return { lines, layer: Logger.replace(Logger.defaultLogger, logger) }
}
