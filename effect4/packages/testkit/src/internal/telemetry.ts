// What `AuthEventFeedbackTest.captureTelemetry` and `expectNoSecrets` do: a logger and a tracer
// that record everything a test effect emits, and a search of that record for secret values.
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import * as SecretSearch from "@cognito-feedback/protocol/SecretSearch"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import type * as Exit from "effect/Exit"
import * as Logger from "effect/Logger"
import type * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as References from "effect/References"
import * as Tracer from "effect/Tracer"

// The shapes of what is captured (public as `AuthEventFeedbackTest`'s models)

/**
 * One log line: its level, its message as logged (an array when several values were logged), its
 * annotations, its cause (empty when none) and the labels of its log spans.
 */
export interface CapturedLog {
  readonly level: LogLevel.LogLevel
  readonly message: unknown
  readonly annotations: Readonly<Record<string, unknown>>
  readonly cause: Cause.Cause<unknown>
  readonly spans: ReadonlyArray<string>
}

/**
 * One span: its name, every attribute set on it in order (at its start or later), its events, and
 * how it ended (`None` while open).
 */
export interface CapturedSpan {
  readonly name: string
  readonly attributes: ReadonlyArray<readonly [key: string, value: unknown]>
  readonly events: ReadonlyArray<{ readonly name: string; readonly attributes: Readonly<Record<string, unknown>> }>
  readonly exit: Option.Option<Exit.Exit<unknown, unknown>>
}

/**
 * A secret to look for, named by where it came from (`the FeedbackToken of call 1`, `secret 1`).
 */
export interface Secret {
  readonly name: string
  readonly value: Redacted.Redacted<string>
}

/**
 * What a test effect did and emitted: its exit, every log line and every span, and the username
 * and token of each call it made through the `AuthEventFeedback` in the context (before
 * validation: a call rejected locally counts too).
 */
export interface Telemetry<A = unknown, E = unknown> {
  readonly exit: Exit.Exit<A, E>
  readonly logs: ReadonlyArray<CapturedLog>
  readonly spans: ReadonlyArray<CapturedSpan>
  readonly secrets: ReadonlyArray<Secret>
}

interface MutableSpan {
  readonly name: string
  readonly attributes: Array<readonly [string, unknown]>
  readonly events: Array<{ readonly name: string; readonly attributes: Readonly<Record<string, unknown>> }>
  exit: Option.Option<Exit.Exit<unknown, unknown>>
}

/** The span `inner` made, seen through a span that records what is set on it. */
const recording = (inner: Tracer.Span, record: MutableSpan): Tracer.Span => ({
  _tag: "Span",
  get name() {
    return inner.name
  },
  spanId: inner.spanId,
  traceId: inner.traceId,
  parent: inner.parent,
  annotations: inner.annotations,
  get status() {
    return inner.status
  },
  get attributes() {
    return inner.attributes
  },
  get links() {
    return inner.links
  },
  sampled: inner.sampled,
  kind: inner.kind,
  attribute(key, value) {
    record.attributes.push([key, value])
    inner.attribute(key, value)
  },
  event(name, startTime, attributes) {
    record.events.push({ name, attributes: attributes ?? {} })
    inner.event(name, startTime, attributes)
  },
  addLinks(links) {
    inner.addLinks(links)
  },
  end(endTime, exit) {
    record.exit = Option.some(exit)
    inner.end(endTime, exit)
  }
})

const plainSecret = (value: unknown): string | undefined => {
  const plain = Redacted.isRedacted(value) ? Redacted.value(value) : value
  return typeof plain === "string" ? plain : undefined
}

/** The same service, noting the username and token of each call before making it. */
const noting = (
  service: AuthEventFeedback.AuthEventFeedback.Service,
  secrets: Array<Secret>
): AuthEventFeedback.AuthEventFeedback.Service => {
  let calls = 0
  return {
    update: (request) =>
      Effect.suspend(() => {
        calls += 1
        const fields: Readonly<Record<string, unknown>> = request
        for (const field of ["Username", "FeedbackToken"]) {
          const value = plainSecret(fields[field])
          if (value !== undefined) secrets.push({ name: `the ${field} of call ${calls}`, value: Redacted.make(value) })
        }
        return service.update(request)
      })
  }
}

export const capture = <A, E, R>(
  self: Effect.Effect<A, E, R>
): Effect.Effect<Telemetry<A, E>, never, R> =>
  Effect.suspend(() => {
    const logs: Array<CapturedLog> = []
    const spans: Array<MutableSpan> = []
    const secrets: Array<Secret> = []
    const logger = Logger.make(({ cause, fiber, logLevel, message }) => {
      logs.push({
        level: logLevel,
        message,
        annotations: { ...fiber.getRef(References.CurrentLogAnnotations) },
        cause,
        spans: fiber.getRef(References.CurrentLogSpans).map(([label]) => label)
      })
    })
    const withCallsNoted: Effect.Effect<A, E, R> = Effect.flatMap(
      Effect.serviceOption(AuthEventFeedback.AuthEventFeedback),
      Option.match({
        onNone: () => self,
        onSome: (service) => Effect.provideService(self, AuthEventFeedback.AuthEventFeedback, noting(service, secrets))
      })
    )
    return Effect.flatMap(Effect.tracer, (inner) => {
      const tracer = Tracer.make({
        span(options) {
          const record: MutableSpan = { name: options.name, attributes: [], events: [], exit: Option.none() }
          spans.push(record)
          return recording(inner.span(options), record)
        },
        ...(inner.context === undefined ? {} : { context: inner.context })
      })
      return withCallsNoted.pipe(
        Effect.withTracer(tracer),
        Effect.withLogger(logger),
        Effect.provideService(References.MinimumLogLevel, "All"),
        Effect.exit,
        Effect.map((exit) => ({ exit, logs, spans, secrets }))
      )
    })
  })

// ---------------------------------------------------------------------------------------------
// The search
// ---------------------------------------------------------------------------------------------

const hooks: SecretSearch.Hooks = {
  isHidden: Redacted.isRedacted,
  expand: (value) =>
    Cause.isCause(value)
      ? {
        text: Cause.pretty(value),
        parts: value.reasons.map((reason) =>
          Cause.isFailReason(reason) ? reason.error : Cause.isDieReason(reason) ? reason.defect : undefined
        )
      }
      : undefined
}

const textOf = (value: unknown): string => SecretSearch.textOf(value, hooks)

type Place = SecretSearch.Place

const placesOf = (telemetry: Pick<Telemetry, "logs" | "spans">): ReadonlyArray<Place> => {
  const places: Array<Place> = []
  telemetry.logs.forEach((log, i) => {
    const line = `log line ${i + 1} (${log.level})`
    places.push({ where: `${line} message`, text: textOf(log.message) })
    for (const [key, value] of Object.entries(log.annotations)) {
      places.push({ where: `${line} annotation ${JSON.stringify(key)}`, text: `${key}\n${textOf(value)}` })
    }
    if (log.cause.reasons.length > 0) places.push({ where: `${line} cause`, text: textOf(log.cause) })
    log.spans.forEach((label) => places.push({ where: `${line} log span`, text: label }))
  })
  telemetry.spans.forEach((span, i) => {
    const named = `span ${i + 1} (${JSON.stringify(span.name)})`
    places.push({ where: `${named} name`, text: span.name })
    for (const [key, value] of span.attributes) {
      places.push({ where: `${named} attribute ${JSON.stringify(key)}`, text: `${key}\n${textOf(value)}` })
    }
    for (const event of span.events) {
      const evented = `${named} event ${JSON.stringify(event.name)}`
      places.push({ where: evented, text: event.name })
      for (const [key, value] of Object.entries(event.attributes)) {
        places.push({ where: `${evented} attribute ${JSON.stringify(key)}`, text: `${key}\n${textOf(value)}` })
      }
    }
    if (Option.isSome(span.exit) && span.exit.value._tag === "Failure") {
      places.push({ where: `${named} exit`, text: textOf(span.exit.value.cause) })
    }
  })
  return places
}

export type Leak = SecretSearch.Leak

export const defaultMinLength = SecretSearch.defaultMinLength

/** Where each secret appears; `secret` is its name (`the FeedbackToken of call 1`), never its value. */
export const leaks = (
  telemetry: Pick<Telemetry, "logs" | "spans">,
  secrets: ReadonlyArray<Secret>,
  minLength: number
): ReadonlyArray<Leak> =>
  SecretSearch.leaks(
    placesOf(telemetry),
    secrets.map((secret) => ({ name: secret.name, value: Redacted.value(secret.value) })),
    minLength
  )
