import { AuthEventFeedback, RetryPolicy } from "@cognito-feedback/core"
import * as Suite from "@cognito-feedback/test-support/httpAuthEventFeedback"
import { assert, describe, it } from "@effect/vitest"
import {
  Cause,
  Clock,
  ConfigProvider,
  Context,
  Effect,
  Exit,
  Fiber,
  Layer,
  Metric,
  Option,
  Redacted,
  Ref,
  References,
  Schedule
} from "effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as TestClock from "effect/testing/TestClock"
import * as AuthEventFeedbackClient from "../src/AuthEventFeedbackClient.js"
import * as AuthEventFeedbackHttp from "../src/AuthEventFeedbackHttp.js"
import * as ClientMetrics from "../src/ClientMetrics.js"
import { version } from "../src/internal/version.js"
import type * as Transport from "../src/Transport.js"
import { allLogs, recordingLogger, recordingTracer } from "./support.js"

const request = { ...Suite.input, FeedbackToken: Redacted.make(Suite.token) } as const

const bodyText = (req: HttpClientRequest.HttpClientRequest): string =>
  req.body._tag === "Uint8Array" ? new TextDecoder().decode(req.body.body) : ""

/** A fake client answering `replies` in order (the last one repeats), recording what it is sent. */
const fakeClient = (replies: ReadonlyArray<Suite.Reply>) =>
  Effect.gen(function*() {
    const sent = yield* Ref.make<ReadonlyArray<Suite.Sent>>([])
    const client = HttpClient.make((req, url) =>
      Effect.gen(function*() {
        const count = (yield* Ref.updateAndGet(sent, (all) => [
          ...all,
          { url: url.toString(), method: req.method, headers: req.headers, body: bodyText(req) }
        ])).length
        const reply = replies[Math.min(count, replies.length) - 1] ?? Suite.ok
        if ("hang" in reply) return yield* Effect.never
        if ("requestError" in reply) {
          return yield* Effect.fail(
            new HttpClientError.HttpClientError({
              reason: reply.requestError === "Transport"
                ? new HttpClientError.TransportError({ request: req, cause: new Error("refused") })
                : new HttpClientError.InvalidUrlError({ request: req })
            })
          )
        }
        return HttpClientResponse.fromWeb(
          req,
          new Response(reply.body ?? "", { status: reply.status, headers: reply.headers ?? {} })
        )
      })
    )
    return { sent, layer: Layer.succeed(HttpClient.HttpClient, client) }
  })

const retryPolicy = (retry: Suite.Retry): RetryPolicy.RetryPolicy =>
  retry._tag === "disabled"
    ? RetryPolicy.disabled
    : retry._tag === "standard"
    ? RetryPolicy.standard({ quota: { capacity: retry.quotaCapacity } })
    : retry.maxAttempts === undefined
    ? RetryPolicy.fromSchedule(Schedule.recurs(retry.times))
    : RetryPolicy.fromSchedule(Schedule.recurs(retry.times), { maxAttempts: retry.maxAttempts })

const toOptions = (o: Suite.Options, retries: Array<string> = []): AuthEventFeedbackHttp.Options => ({
  ...(o.maxAttempts !== undefined && { maxAttempts: o.maxAttempts }),
  ...(o.retry !== undefined && { retryPolicy: retryPolicy(o.retry) }),
  ...(o.retryUndefined && { retryPolicy: undefined }),
  ...(o.timeout !== undefined && { timeout: o.timeout as "1 second" }),
  ...(o.attemptTimeout !== undefined && { attemptTimeout: o.attemptTimeout as "1 second" }),
  ...(o.region !== undefined && { region: o.region }),
  ...(o.endpoint !== undefined && { endpoint: o.endpoint }),
  ...(o.useFipsEndpoint !== undefined && { useFipsEndpoint: o.useFipsEndpoint }),
  ...(o.setHeader !== undefined &&
    { transformClient: HttpClient.mapRequest(HttpClientRequest.setHeader(...o.setHeader)) }),
  ...(o.recordRetries && {
    onRetry: (event) => Effect.sync(() => retries.push(`${event.attempt}:${event.retryClass}:${event.error._tag}`))
  })
})

const toOutcome = <A>(exit: Exit.Exit<A, unknown>): Suite.Outcome<A> => {
  if (Exit.isSuccess(exit)) return { _tag: "Success", value: exit.value }
  const error = Cause.findErrorOption(exit.cause)
  if (Option.isNone(error)) throw new Error(Cause.pretty(exit.cause))
  return { _tag: "Failure", error: Suite.toFailure(error.value) }
}

const runTest = <A, E>(self: Effect.Effect<A, E>) => Effect.runPromise(Effect.provide(self, TestClock.layer()))

// given attributes by hand, not through ofOperation, so that the attributes themselves are checked
const operation = { operation: "UpdateAuthEventFeedback" }
const metrics = {
  throttling: Metric.withAttributes(ClientMetrics.retries, { ...operation, retry_class: "throttling" }),
  transient: Metric.withAttributes(ClientMetrics.retries, { retry_class: "transient", ...operation }),
  exhausted: Metric.withAttributes(ClientMetrics.retryQuotaExhausted, operation),
  attemptsPerCall: Metric.withAttributes(ClientMetrics.attemptsPerCall, operation)
}

const driver: Suite.Driver = {
  version,
  manifest: new URL("../package.json", import.meta.url),
  run: (replies, options = {}, observe = {}) =>
    runTest(Effect.gen(function*() {
      const fake = yield* fakeClient(replies)
      const retried: Array<string> = []
      const { spans, tracer } = recordingTracer()
      const logs = recordingLogger()
      const layer = options.env
        ? AuthEventFeedbackHttp.layerConfig(toOptions(options, retried))
        : AuthEventFeedbackHttp.layer(toOptions(options, retried))
      let call: Effect.Effect<unknown, unknown> = AuthEventFeedback.update(
        { ...request, ...observe.input } as typeof request
      ).pipe(Effect.provide(layer.pipe(Layer.provide(fake.layer))))
      if (options.env) {
        call = Effect.provideService(call, ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env: options.env }))
      }
      if (observe.trace) call = Effect.withTracer(call, tracer)
      if (observe.logs) call = call.pipe(allLogs, Effect.provide(logs.layer))
      const fiber = yield* Effect.forkChild(call)
      const pending: Array<boolean> = []
      for (const step of observe.steps ?? [10 * 60_000]) {
        yield* TestClock.adjust(step)
        pending.push(fiber.pollUnsafe() === undefined)
      }
      const exit = yield* Fiber.await(fiber)
      return {
        outcome: toOutcome(exit),
        sent: yield* Ref.get(fake.sent),
        spans: spans.map((s) => ({ name: s.name, attributes: Object.fromEntries(s.attributes) })),
        // the level as Effect 3 and the suite write it
        logs: logs.lines.map((line) => line.replace(/^\S+/, (level) => level.toUpperCase())),
        retries: retried,
        pending
      }
    })),
  layerError: (options) =>
    runTest(Effect.gen(function*() {
      const fake = yield* fakeClient([Suite.ok])
      const exit = yield* Layer.build(AuthEventFeedbackHttp.layer(toOptions(options)).pipe(Layer.provide(fake.layer)))
        .pipe(Effect.scoped, Effect.exit)
      const outcome = toOutcome(exit)
      return outcome._tag === "Failure" ? outcome.error : undefined
    })),
  preview: (options, input) =>
    runTest(
      Effect.exit(AuthEventFeedbackHttp.preview(toOptions(options), { ...request, ...input } as typeof request))
    ).then(toOutcome),
  metrics: () =>
    Effect.runPromise(Effect.gen(function*() {
      const histogram = yield* Metric.value(metrics.attemptsPerCall)
      return {
        throttling: (yield* Metric.value(metrics.throttling)).count,
        transient: (yield* Metric.value(metrics.transient)).count,
        exhausted: (yield* Metric.value(metrics.exhausted)).count,
        calls: histogram.count,
        attempts: histogram.sum
      }
    }))
}

/** Runs one update against a fake client answering `replies`, letting the TestClock run out the delays. */
const run = (replies: ReadonlyArray<Suite.Reply>) =>
  Effect.gen(function*() {
    const fake = yield* fakeClient(replies)
    const fiber = yield* AuthEventFeedback.update(request).pipe(
      Effect.provide(AuthEventFeedbackHttp.layer().pipe(Layer.provide(fake.layer))),
      Effect.forkChild
    )
    yield* TestClock.adjust("10 minutes")
    const exit = yield* Fiber.await(fiber)
    return { exit, sent: yield* Ref.get(fake.sent) }
  })

describe("AuthEventFeedbackHttp", () => {
  Suite.authEventFeedbackHttpSuite({ describe, it }, driver)

  it.effect("the caller's tracer stays on inside the call, even with nothing exporting spans", () =>
    Effect.gen(function*() {
      const seen: Array<boolean> = []
      const client = HttpClient.make((req, _url, _signal, fiber) =>
        Effect.sync(() => {
          seen.push(fiber.getRef(References.TracerEnabled))
          return HttpClientResponse.fromWeb(req, new Response("{}", { status: 200 }))
        })
      )
      yield* AuthEventFeedback.update(request).pipe(
        Effect.provide(AuthEventFeedbackHttp.layer().pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client))))
      )
      assert.deepStrictEqual(seen, [true])
    }))

  it.effect("an exchange sees the caller's fetch options plus manual redirects, and leaves the caller's fiber as it was", () =>
    Effect.gen(function*() {
      const seen: Array<{ init: unknown; tracerDisabled: boolean }> = []
      const client = HttpClient.make((req, _url, _signal, fiber) =>
        Effect.sync(() => {
          seen.push({
            init: Context.getOrUndefined(fiber.context, FetchHttpClient.RequestInit),
            tracerDisabled: fiber.getRef(HttpClient.TracerDisabledWhen)(req)
          })
          return HttpClientResponse.fromWeb(req, new Response("{}", { status: 200 }))
        })
      )
      const service = yield* AuthEventFeedbackHttp.make().pipe(Effect.provideService(HttpClient.HttpClient, client))
      const after = yield* service.update(request).pipe(
        Effect.andThen(Effect.all({
          init: Effect.serviceOption(FetchHttpClient.RequestInit),
          disabledWhen: Effect.withFiber((fiber) => Effect.succeed(fiber.getRef(HttpClient.TracerDisabledWhen)))
        })),
        Effect.provideService(FetchHttpClient.RequestInit, { keepalive: true })
      )
      assert.deepStrictEqual(seen, [{ init: { keepalive: true, redirect: "manual" }, tracerDisabled: true }])
      assert.deepStrictEqual(after.init, Option.some({ keepalive: true }))
      assert.isFalse(after.disabledWhen(HttpClientRequest.get("/")))
    }))

  it.effect("the attempts histogram carries the caller's metric attributes (Metric.CurrentMetricAttributes)", () =>
    Effect.gen(function*() {
      const labelled = ClientMetrics.ofOperation("UpdateAuthEventFeedback").attemptsPerCall.pipe(
        Metric.withAttributes({ tenant: "t-7" })
      )
      const before = (yield* Metric.value(labelled)).count
      const { exit } = yield* run([Suite.ok]).pipe(
        Effect.updateService(Metric.CurrentMetricAttributes, (attributes) => ({ ...attributes, tenant: "t-7" }))
      )
      assert.isTrue(Exit.isSuccess(exit))
      assert.strictEqual((yield* Metric.value(labelled)).count - before, 1)
    }))

  it.live("the attempt timeout runs on real timers only when no clock is provided", () =>
    Effect.gen(function*() {
      const limits: Array<number | undefined> = []
      const transport: Transport.Transport = {
        exchange: (req) =>
          Effect.sync(() => {
            limits.push(req.timeoutMillis)
            return { status: 200, headers: {}, body: "{}" }
          })
      }
      const service = yield* AuthEventFeedbackClient.make(transport, { attemptTimeout: "2 seconds" })
      // the default clock: real timers
      yield* service.update(request)
      // a provided clock (TestClock, or any other): the engine keeps the limit on the fiber's clock
      yield* Effect.provideService(service.update(request), Clock.Clock, yield* Clock.Clock)
      assert.deepStrictEqual(limits, [2000, undefined])
    }))
})
