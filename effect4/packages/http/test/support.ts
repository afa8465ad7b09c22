import type { Sent } from "@cognito-feedback/test-support/httpAuthEventFeedback"
import { it } from "@effect/vitest"
import type { Exit } from "effect"
import { Effect, Layer, Logger, Option, Ref, References, Tracer } from "effect"
import * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as fc from "fast-check"

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
    span({ annotations, kind, links, name, parent, sampled, startTime }) {
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
        annotations,
        status: { _tag: "Started", startTime },
        attributes: recorded.attributes,
        links,
        sampled,
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
    }
  })
  return { spans, tracer }
}

/** Every log line, message and annotations rendered as text. */
export const recordingLogger = () => {
  const lines: Array<string> = []
  const logger = Logger.make(({ fiber, logLevel, message }) => {
    lines.push(
      [
        logLevel,
        JSON.stringify(message),
        JSON.stringify(fiber.getRef(References.CurrentLogAnnotations)),
        fiber.getRef(References.CurrentLogSpans).map(([label]) => label).join(",")
      ].join(" ")
    )
  })
  return { lines, layer: Logger.layer([logger]) }
}

/** `self` with every log level on: debug lines are built only when they would reach a logger. */
export const allLogs = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.provideService(self, References.MinimumLogLevel, "All")

/**
 * A fast-check property as a test: `@effect/vitest`'s `it.prop` takes Schemas and Effect
 * arbitraries in Effect 4, and the generators shared with the Effect 3 suites are fast-check's. A
 * property gets 30 seconds: some take a second alone, more on a loaded machine.
 */
export const fcProp = <const Arbs extends ReadonlyArray<fc.Arbitrary<unknown>>>(
  name: string,
  arbitraries: Arbs,
  body: (values: { -readonly [K in keyof Arbs]: Arbs[K] extends fc.Arbitrary<infer A> ? A : never }) => void,
  options?: { readonly fastCheck?: { readonly numRuns?: number } }
) =>
  it(name, () =>
    fc.assert(
      fc.property(...(arbitraries as unknown as [fc.Arbitrary<unknown>]), (...values: Array<unknown>) => {
        body(values as never)
      }),
      { numRuns: options?.fastCheck?.numRuns ?? 100 }
    ), 30_000)
