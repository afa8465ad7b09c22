import { AuthEventFeedback, CognitoError, RetryPolicy } from "@cognito-feedback/core"
import { assert, describe, it } from "@effect/vitest"
import {
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
import { readFileSync } from "node:fs"
import * as AuthEventFeedbackClient from "../src/AuthEventFeedbackClient.js"
import * as AuthEventFeedbackHttp from "../src/AuthEventFeedbackHttp.js"
import * as ClientMetrics from "../src/ClientMetrics.js"
import { version } from "../src/internal/version.js"
import type * as Transport from "../src/Transport.js"
import type { Reply } from "./support.js"
import { allLogs, fakeClient, recordingLogger, recordingTracer } from "./support.js"

const username = "alice.distinctive-user"
const token = "tok.distinctive-secret-9f3a"
const request = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: username,
  EventId: "c3f1a2b4",
  FeedbackToken: Redacted.make(token),
  FeedbackValue: "Invalid"
} as const

const throttled: Reply = {
  status: 400,
  headers: { "x-amzn-errortype": "TooManyRequestsException", "x-amzn-requestid": "req-throttled" },
  body: "{\"message\":\"Rate exceeded\"}"
}
const ok: Reply = { status: 200, headers: { "x-amzn-requestid": "req-ok" }, body: "{}" }

/** Runs one update against a fake client answering `replies`, letting the TestClock run out the delays. */
const run = (replies: ReadonlyArray<Reply>, options: AuthEventFeedbackHttp.Options = {}) =>
  Effect.gen(function*() {
    const fake = yield* fakeClient(replies)
    const fiber = yield* AuthEventFeedback.update(request).pipe(
      Effect.provide(AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(fake.layer))),
      Effect.forkChild
    )
    yield* TestClock.adjust("10 minutes")
    const exit = yield* Fiber.await(fiber)
    return { exit, sent: yield* Ref.get(fake.sent) }
  })

describe("AuthEventFeedbackHttp", () => {
  it.effect("sends exactly what the AWS SDKs send", () =>
    Effect.gen(function*() {
      const { exit, sent } = yield* run([ok])
      assert.deepStrictEqual(exit, Exit.succeed({}))
      assert.lengthOf(sent, 1)
      const [first] = sent
      assert.strictEqual(first?.method, "POST")
      assert.strictEqual(first?.url, "https://cognito-idp.us-east-1.amazonaws.com/")
      assert.strictEqual(first?.headers["content-type"], "application/x-amz-json-1.1")
      assert.strictEqual(first?.headers["x-amz-target"], "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
      assert.strictEqual(first?.headers["user-agent"], `cognito-feedback/${version} effect`)
      assert.match(
        first?.headers["amz-sdk-invocation-id"] ?? "",
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
      )
      assert.strictEqual(first?.headers["amz-sdk-request"], "attempt=1; max=3")
      assert.notProperty(first?.headers ?? {}, "authorization")
      assert.strictEqual(
        first?.body,
        `{"UserPoolId":"us-east-1_AbCdEf123","Username":"${username}","EventId":"c3f1a2b4","FeedbackToken":"${token}","FeedbackValue":"Invalid"}`
      )
    }))

  it("its User-Agent version is the package's", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string
    }
    assert.strictEqual(version, manifest.version)
  })

  it.effect("throttled twice then success: three attempts, one invocation id", () =>
    Effect.gen(function*() {
      const { exit, sent } = yield* run([throttled, throttled, ok])
      assert.deepStrictEqual(exit, Exit.succeed({}))
      assert.deepStrictEqual(sent.map((s) => s.headers["amz-sdk-request"]), [
        "attempt=1; max=3",
        "attempt=2; max=3",
        "attempt=3; max=3"
      ])
      assert.lengthOf(new Set(sent.map((s) => s.headers["amz-sdk-invocation-id"])), 1)
    }))

  it.effect("exhausted retries fail with the last service error itself", () =>
    Effect.gen(function*() {
      const { exit, sent } = yield* run([throttled])
      assert.lengthOf(sent, 3)
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(exit)
      assert.strictEqual(error._tag, "TooManyRequestsException")
      assert.strictEqual(error.message, "Rate exceeded")
      assert.strictEqual("requestId" in error ? error.requestId : undefined, "req-throttled")
    }))

  it.effect("NotAuthorizedException is sent once", () =>
    Effect.gen(function*() {
      const { exit, sent } = yield* run([{
        status: 400,
        body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"Invalid feedback token.\"}"
      }])
      assert.lengthOf(sent, 1)
      const error = yield* Effect.flip(exit)
      assert.strictEqual(error._tag, "NotAuthorizedException")
    }))

  it.effect("a throttling 400 with no body but the header is retried", () =>
    Effect.gen(function*() {
      const { exit, sent } = yield* run([
        { status: 400, headers: { "x-amzn-errortype": "TooManyRequestsException" } },
        ok
      ])
      assert.deepStrictEqual(exit, Exit.succeed({}))
      assert.lengthOf(sent, 2)
    }))

  it.effect("an internal error is retried as transient", () =>
    Effect.gen(function*() {
      const { exit, sent } = yield* run([{ status: 500, body: "{\"__type\":\"InternalErrorException\"}" }, ok])
      assert.deepStrictEqual(exit, Exit.succeed({}))
      assert.lengthOf(sent, 2)
    }))

  it.effect("maxAttempts and a disabled policy are honoured", () =>
    Effect.gen(function*() {
      const five = yield* run([throttled], { maxAttempts: 5 })
      assert.lengthOf(five.sent, 5)
      assert.strictEqual(five.sent[4]?.headers["amz-sdk-request"], "attempt=5; max=5")
      const once = yield* run([throttled], { retryPolicy: RetryPolicy.disabled })
      assert.lengthOf(once.sent, 1)
    }))

  describe("every wire form of every service error, through the client", () => {
    const forms: ReadonlyArray<readonly [string, (code: string) => Reply]> = [
      ["header", (code) => ({ status: 400, headers: { "x-amzn-errortype": code }, body: "{\"message\":\"m\"}" })],
      [
        "header with URI suffix",
        (code) => ({ status: 400, headers: { "x-amzn-errortype": `${code}:http://internal.amazon.com/x` }, body: "" })
      ],
      ["code", (code) => ({ status: 400, body: JSON.stringify({ code, message: "m" }) })],
      ["Code", (code) => ({ status: 400, body: JSON.stringify({ Code: code, Message: "m" }) })],
      ["__type", (code) => ({ status: 400, body: JSON.stringify({ __type: code, message: "m" }) })],
      [
        "namespaced __type",
        (code) => ({ status: 400, body: JSON.stringify({ __type: `com.amazonaws.cognito#${code}` }) })
      ],
      [
        "namespace and URI suffix",
        (code) => ({ status: 400, body: JSON.stringify({ __type: `aws#${code}:http://x/y` }) })
      ],
      [
        "header and body",
        (code) => ({ status: 400, headers: { "x-amzn-errortype": code }, body: JSON.stringify({ __type: "Other" }) })
      ],
      [
        "nested __type ignored",
        (code) => ({ status: 400, body: JSON.stringify({ __type: code, detail: { __type: "Other" } }) })
      ]
    ]
    for (const code of CognitoError.serviceErrorCodes) {
      it.effect(code, () =>
        Effect.gen(function*() {
          for (const [form, reply] of forms) {
            const { exit } = yield* run([reply(code)], { retryPolicy: RetryPolicy.disabled })
            const error = yield* Effect.flip(exit)
            assert.strictEqual(error._tag, code, form)
          }
        }))
    }
  })

  it.effect("the call timeout bounds the whole call, retries and their delays included (TestClock)", () =>
    Effect.gen(function*() {
      const fake = yield* fakeClient([throttled])
      const fiber = yield* AuthEventFeedback.update(request).pipe(
        Effect.provide(
          AuthEventFeedbackHttp.layer({ timeout: "1500 millis", maxAttempts: 10 }).pipe(Layer.provide(fake.layer))
        ),
        Effect.forkChild
      )
      yield* TestClock.adjust("1499 millis")
      assert.isUndefined(fiber.pollUnsafe())
      yield* TestClock.adjust("1 millis")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" ? error.reason : undefined, "Timeout")
      assert.isBelow((yield* Ref.get(fake.sent)).length, 10)
    }))

  it.effect("an attempt that never answers is cut by the attempt timeout, then retried (TestClock)", () =>
    Effect.gen(function*() {
      let calls = 0
      const silent = HttpClient.make(() => Effect.sync(() => calls++).pipe(Effect.andThen(Effect.never)))
      const fiber = yield* AuthEventFeedback.update(request).pipe(
        Effect.provide(
          AuthEventFeedbackHttp.layer({ attemptTimeout: "2 seconds" }).pipe(
            Layer.provide(Layer.succeed(HttpClient.HttpClient, silent))
          )
        ),
        Effect.forkChild
      )
      yield* TestClock.adjust("1 minute")
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
      assert.strictEqual(calls, 3)
    }))

  it.effect("invalid input fails before anything is sent", () =>
    Effect.gen(function*() {
      const fake = yield* fakeClient([ok])
      const error = yield* AuthEventFeedback.update({ ...request, EventId: "no spaces allowed" }).pipe(
        Effect.provide(AuthEventFeedbackHttp.layer().pipe(Layer.provide(fake.layer))),
        Effect.flip
      )
      assert.strictEqual(error._tag, "InvalidParameterException")
      assert.strictEqual(error.message, "EventId: must match ^[\\w+-]+$")
      assert.lengthOf(yield* Ref.get(fake.sent), 0)
    }))

  it.effect("the region comes from the pool id unless configured; a custom endpoint is used as given", () =>
    Effect.gen(function*() {
      const fake = yield* fakeClient([ok])
      const send = (options: AuthEventFeedbackHttp.Options, poolId: string) =>
        AuthEventFeedback.update({ ...request, UserPoolId: poolId }).pipe(
          Effect.provide(AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(fake.layer)))
        )
      yield* send({}, "eu-west-3_Abc")
      yield* send({ region: "eu-central-1" }, "eu-west-3_Abc")
      yield* send({ endpoint: "http://127.0.0.1:9229" }, "eu-west-3_Abc")
      yield* send({}, "cn-north-1_Abc")
      assert.deepStrictEqual((yield* Ref.get(fake.sent)).map((s) => s.url), [
        "https://cognito-idp.eu-west-3.amazonaws.com/",
        "https://cognito-idp.eu-central-1.amazonaws.com/",
        "http://127.0.0.1:9229/",
        "https://cognito-idp.cn-north-1.amazonaws.com.cn/"
      ])
    }))

  it.effect("contradictory endpoint settings fail the layer with a typed error", () =>
    Effect.gen(function*() {
      const fake = yield* fakeClient([ok])
      const error = yield* Layer.build(
        AuthEventFeedbackHttp.layer({ endpoint: "http://127.0.0.1:1", useFipsEndpoint: true }).pipe(
          Layer.provide(fake.layer)
        )
      ).pipe(Effect.scoped, Effect.flip)
      assert.strictEqual(error._tag, "EndpointError")
      assert.strictEqual(error.message, "FIPS and custom endpoint are not supported")
    }))

  it.effect("one span per call with the AWS attributes, one child span per attempt", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recordingTracer()
      yield* run([throttled, ok]).pipe(Effect.withTracer(tracer))
      const call = spans.filter((s) => s.name === "Cognito.UpdateAuthEventFeedback")
      assert.lengthOf(call, 1)
      const attributes = Object.fromEntries(call[0]?.attributes ?? [])
      assert.strictEqual(attributes["rpc.system"], "aws-api")
      assert.strictEqual(attributes["rpc.service"], "CognitoIdentityProvider")
      assert.strictEqual(attributes["rpc.method"], "UpdateAuthEventFeedback")
      assert.strictEqual(attributes["cloud.region"], "us-east-1")
      assert.strictEqual(attributes["aws.request_id"], "req-ok")
      assert.strictEqual(attributes["aws.attempts"], 2)
      assert.lengthOf(spans.filter((s) => s.name === "Cognito.UpdateAuthEventFeedback.attempt"), 2)
    }))

  it.effect("a failed call's span names the error and keeps the request id", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recordingTracer()
      yield* run([{
        status: 400,
        headers: { "x-amzn-requestid": "req-nf" },
        body: "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}"
      }]).pipe(Effect.withTracer(tracer))
      const attributes = Object.fromEntries(
        spans.find((s) => s.name === "Cognito.UpdateAuthEventFeedback")?.attributes ?? []
      )
      assert.strictEqual(attributes["error.type"], "UserNotFoundException")
      assert.strictEqual(attributes["aws.request_id"], "req-nf")
    }))

  it.effect("no log line or span attribute contains the token or the username", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recordingTracer()
      const logs = recordingLogger()
      const replies: ReadonlyArray<Reply> = [throttled, { status: 500, body: "<html>oops</html>" }, ok]
      yield* run(replies).pipe(
        Effect.withTracer(tracer),
        allLogs,
        Effect.provide(logs.layer)
      )
      yield* run([{ status: 400, body: "{\"__type\":\"NotAuthorizedException\"}" }]).pipe(
        Effect.withTracer(tracer),
        allLogs,
        Effect.provide(logs.layer)
      )
      assert.isAbove(logs.lines.length, 3)
      assert.isAbove(spans.length, 3)
      const everything = [
        ...logs.lines,
        ...spans.flatMap((s) => [s.name, ...[...s.attributes].map(([k, v]) => `${k}=${String(v)}`)])
      ].join("\n")
      assert.include(everything, "retrying")
      assert.notInclude(everything, token)
      assert.notInclude(everything, username)
    }))

  it.effect("a failed exchange is reported by the call, not logged as a fiber's unhandled error", () =>
    Effect.gen(function*() {
      const logs = recordingLogger()
      const refused = HttpClient.make((req) =>
        Effect.fail(
          new HttpClientError.HttpClientError({
            reason: new HttpClientError.TransportError({ request: req, cause: new Error("refused") })
          })
        )
      )
      const service = yield* AuthEventFeedbackHttp.make({ maxAttempts: 1 }).pipe(
        Effect.provideService(HttpClient.HttpClient, refused)
      )
      const exit = yield* service.update(request).pipe(
        Effect.exit,
        allLogs,
        Effect.provide(logs.layer)
      )
      assert.isTrue(Exit.isFailure(exit))
      assert.isTrue(logs.lines.some((line) => line.includes("attempt failed")))
      assert.isFalse(logs.lines.some((line) => line.includes("unhandled")), logs.lines.join("\n"))
    }))

  it.effect("an unbounded fromSchedule policy sends no max, as the SDKs do, and puts no Infinity anywhere", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recordingTracer()
      const retryPolicy = RetryPolicy.fromSchedule(Schedule.recurs(5))
      const { exit, sent } = yield* run([throttled, throttled, ok], { retryPolicy }).pipe(Effect.withTracer(tracer))
      assert.isTrue(Exit.isSuccess(exit))
      assert.deepStrictEqual(sent.map((s) => s.headers["amz-sdk-request"]), ["attempt=1", "attempt=2", "attempt=3"])
      const attributes = Object.fromEntries(
        spans.find((s) => s.name === "Cognito.UpdateAuthEventFeedback")?.attributes ?? []
      )
      assert.notProperty(attributes, "aws.max_attempts")
      const preview = yield* AuthEventFeedbackHttp.preview({ retryPolicy }, request)
      assert.strictEqual(preview.headers["amz-sdk-request"], "attempt=1")
      assert.notInclude(JSON.stringify({ sent, attributes, preview }), "Infinity")
      // a bounded schedule policy still tells its bound
      const bounded = yield* run([ok], {
        retryPolicy: RetryPolicy.fromSchedule(Schedule.recurs(5), { maxAttempts: 6 })
      })
      assert.strictEqual(bounded.sent[0]?.headers["amz-sdk-request"], "attempt=1; max=6")
    }))

  it.effect("a request the platform could not send is a TransportError (NotSent), not a response, and not retried", () =>
    Effect.gen(function*() {
      let calls = 0
      const client = HttpClient.make((req) => {
        calls++
        return Effect.fail(
          new HttpClientError.HttpClientError({ reason: new HttpClientError.InvalidUrlError({ request: req }) })
        )
      })
      const error = yield* Effect.flip(
        AuthEventFeedback.update(request).pipe(
          Effect.provide(
            AuthEventFeedbackHttp.layer().pipe(Layer.provide(Layer.succeed(HttpClient.HttpClient, client)))
          )
        )
      )
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" ? error.reason : undefined, "NotSent")
      assert.strictEqual(calls, 1)
    }))

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

  it.effect("trace headers go out only for a traced call (an untraced one would need a CORS preflight)", () =>
    Effect.gen(function*() {
      const untraced = yield* run([ok])
      assert.notProperty(untraced.sent[0]?.headers ?? {}, "traceparent")
      assert.notProperty(untraced.sent[0]?.headers ?? {}, "b3")
      const { tracer } = recordingTracer()
      const traced = yield* run([ok]).pipe(Effect.withTracer(tracer))
      assert.property(traced.sent[0]?.headers ?? {}, "traceparent")
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

  it.effect("transformClient changes this client alone", () =>
    Effect.gen(function*() {
      const { sent } = yield* run([ok], {
        transformClient: HttpClient.mapRequest(HttpClientRequest.setHeader("x-app-trace", "t-1"))
      })
      assert.strictEqual(sent[0]?.headers["x-app-trace"], "t-1")
    }))

  it.effect("onRetry sees every retry; the metrics count attempts, retries by class and a spent quota", () =>
    Effect.gen(function*() {
      const events: Array<string> = []
      // given attributes by hand, not through ofOperation, so that the attributes themselves are checked
      const operation = { operation: "UpdateAuthEventFeedback" }
      const throttlingRetries = Metric.withAttributes(ClientMetrics.retries, {
        ...operation,
        retry_class: "throttling"
      })
      const transientRetries = Metric.withAttributes(ClientMetrics.retries, { retry_class: "transient", ...operation })
      const exhausted = Metric.withAttributes(ClientMetrics.retryQuotaExhausted, operation)
      const attemptsPerCall = Metric.withAttributes(ClientMetrics.attemptsPerCall, operation)
      const before = {
        throttling: (yield* Metric.value(throttlingRetries)).count,
        transient: (yield* Metric.value(transientRetries)).count,
        exhausted: (yield* Metric.value(exhausted)).count,
        calls: (yield* Metric.value(attemptsPerCall)).count,
        attempts: (yield* Metric.value(attemptsPerCall)).sum
      }
      const { exit } = yield* run([throttled, { status: 500, body: "" }, ok], {
        onRetry: (event) => Effect.sync(() => events.push(`${event.attempt}:${event.retryClass}:${event.error._tag}`))
      })
      assert.isTrue(Exit.isSuccess(exit))
      assert.deepStrictEqual(events, ["1:throttling:TooManyRequestsException", "2:transient:UnexpectedResponseError"])
      // a quota with room for no retry at all: the first retry is refused
      const spent = yield* run([throttled], {
        retryPolicy: RetryPolicy.standard({ quota: { capacity: 1 } })
      })
      assert.isTrue(Exit.isFailure(spent.exit))
      assert.lengthOf(spent.sent, 1)
      assert.strictEqual((yield* Metric.value(throttlingRetries)).count - before.throttling, 1)
      assert.strictEqual((yield* Metric.value(transientRetries)).count - before.transient, 1)
      assert.strictEqual((yield* Metric.value(exhausted)).count - before.exhausted, 1)
      const histogram = yield* Metric.value(attemptsPerCall)
      assert.strictEqual(histogram.count - before.calls, 2)
      assert.strictEqual(histogram.sum - before.attempts, 3 + 1)
    }))

  it.effect("the attempts histogram carries the caller's metric attributes (Metric.CurrentMetricAttributes)", () =>
    Effect.gen(function*() {
      const labelled = ClientMetrics.ofOperation("UpdateAuthEventFeedback").attemptsPerCall.pipe(
        Metric.withAttributes({ tenant: "t-7" })
      )
      const before = (yield* Metric.value(labelled)).count
      const { exit } = yield* run([ok]).pipe(
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

  it.effect("preview describes the request without sending it, secrets redacted", () =>
    Effect.gen(function*() {
      const preview = yield* AuthEventFeedbackHttp.preview({ maxAttempts: 4 }, request)
      assert.strictEqual(preview.url, "https://cognito-idp.us-east-1.amazonaws.com")
      assert.strictEqual(preview.region, "us-east-1")
      assert.strictEqual(preview.headers["x-amz-target"], "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
      assert.strictEqual(preview.headers["amz-sdk-request"], "attempt=1; max=4")
      assert.strictEqual(
        preview.body,
        "{\"UserPoolId\":\"us-east-1_AbCdEf123\",\"Username\":\"<redacted>\",\"EventId\":\"c3f1a2b4\",\"FeedbackToken\":\"<redacted>\",\"FeedbackValue\":\"Invalid\"}"
      )
      const text = JSON.stringify(preview)
      assert.notInclude(text, token)
      assert.notInclude(text, username)
      const invalid = yield* Effect.flip(
        AuthEventFeedbackHttp.preview({}, { ...request, FeedbackValue: "Maybe" as "Valid" })
      )
      assert.strictEqual(invalid._tag, "InvalidParameterException")
    }))

  describe("layerConfig", () => {
    const withEnv = (env: Record<string, string>) =>
      Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env }))
    const build = (env: Record<string, string>, options?: AuthEventFeedbackHttp.Options) =>
      Effect.gen(function*() {
        const fake = yield* fakeClient([throttled])
        const fiber = yield* AuthEventFeedback.update(request).pipe(
          Effect.provide(AuthEventFeedbackHttp.layerConfig(options).pipe(Layer.provide(fake.layer))),
          withEnv(env),
          Effect.forkChild
        )
        yield* TestClock.adjust("10 minutes")
        const exit = yield* Fiber.await(fiber)
        return { exit, sent: yield* Ref.get(fake.sent) }
      })

    it.effect("reads the standard AWS variables", () =>
      Effect.gen(function*() {
        const { sent } = yield* build({
          AWS_REGION: "eu-west-1",
          AWS_MAX_ATTEMPTS: "2",
          AWS_RETRY_MODE: "adaptive"
        })
        assert.deepStrictEqual(sent.map((s) => [s.url, s.headers["amz-sdk-request"]]), [
          ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=1; max=2"],
          ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=2; max=2"]
        ])
      }))

    it.effect("the service-specific endpoint wins over AWS_ENDPOINT_URL", () =>
      Effect.gen(function*() {
        const both = yield* build({
          AWS_ENDPOINT_URL: "http://127.0.0.1:1111",
          AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: "http://127.0.0.1:2222"
        })
        assert.strictEqual(both.sent[0]?.url, "http://127.0.0.1:2222/")
        const general = yield* build({ AWS_ENDPOINT_URL: "http://127.0.0.1:1111", AWS_USE_FIPS_ENDPOINT: "false" })
        assert.strictEqual(general.sent[0]?.url, "http://127.0.0.1:1111/")
      }))

    it.effect("explicit options win over the environment, which fills in the rest", () =>
      Effect.gen(function*() {
        const { sent } = yield* build(
          { AWS_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "2" },
          { maxAttempts: 4, retryPolicy: undefined }
        )
        assert.deepStrictEqual(sent.map((s) => [s.url, s.headers["amz-sdk-request"]]), [
          ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=1; max=4"],
          ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=2; max=4"],
          ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=3; max=4"],
          ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=4; max=4"]
        ])
      }))

    it.effect("an unknown AWS_RETRY_MODE means standard, with a warning, as in the AWS SDKs", () =>
      Effect.gen(function*() {
        const logs = recordingLogger()
        const { sent } = yield* build({ AWS_RETRY_MODE: "legacy" }).pipe(Effect.provide(logs.layer))
        assert.deepStrictEqual(sent.map((s) => s.headers["amz-sdk-request"]), [
          "attempt=1; max=3",
          "attempt=2; max=3",
          "attempt=3; max=3"
        ])
        assert.isTrue(logs.lines.some((line) => line.startsWith("Warn") && line.includes("AWS_RETRY_MODE")))
      }))

    it.effect("a bad value is a ConfigError naming the variable", () =>
      Effect.gen(function*() {
        for (
          const [name, value] of [
            ["AWS_MAX_ATTEMPTS", "three"],
            ["AWS_MAX_ATTEMPTS", "0"],
            ["AWS_USE_FIPS_ENDPOINT", "maybe"]
          ] as const
        ) {
          const { exit, sent } = yield* build({ [name]: value })
          assert.lengthOf(sent, 0)
          const error = yield* Effect.flip(exit)
          assert.include(String(error), name)
        }
      }))
  })
})
