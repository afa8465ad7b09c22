/**
 * The suite of `AuthEventFeedbackHttp` both editions run: each edition's runner implements the
 * driver below with its own Effect (fake `HttpClient`, TestClock, tracer, logger, metrics) and
 * hands it to `authEventFeedbackHttpSuite`. Effect-free: the driver speaks plain data.
 */
import { serviceErrorCodes } from "@cognito-feedback/protocol/ServiceError"
import assert from "node:assert/strict"
import { readFileSync } from "node:fs"
import type { TestApi } from "./testApi.js"

export const username = "alice.distinctive-user"
export const token = "tok.distinctive-secret-9f3a"

/** The request every call sends (the token redacted by the runner), with these fields overridden. */
export interface InputOverrides {
  readonly UserPoolId?: string
  readonly EventId?: string
  readonly FeedbackValue?: string
}

export const input = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: username,
  EventId: "c3f1a2b4",
  FeedbackToken: token,
  FeedbackValue: "Invalid"
} as const

export interface Sent {
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** An answer of the fake client: a response, an exchange that never ends, or a request error. */
export type Reply =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | { readonly hang: true }
  | { readonly requestError: "Transport" | "InvalidUrl" }

/** The retry policy of a call, described: the runner builds it. */
export type Retry =
  | { readonly _tag: "disabled" }
  | { readonly _tag: "recurs"; readonly times: number; readonly maxAttempts?: number }
  | { readonly _tag: "standard"; readonly quotaCapacity: number }

export interface Options {
  readonly maxAttempts?: number
  readonly retry?: Retry
  readonly timeout?: string
  readonly attemptTimeout?: string
  readonly region?: string
  readonly endpoint?: string
  readonly useFipsEndpoint?: boolean
  /** `transformClient` setting this header on every request */
  readonly setHeader?: readonly [string, string]
  /** `onRetry` recording `attempt:retryClass:error._tag` of each retry */
  readonly recordRetries?: boolean
  /** built with `layerConfig` over this environment instead of `layer` */
  readonly env?: Record<string, string>
  /** `retryPolicy: undefined` passed explicitly */
  readonly retryUndefined?: boolean
}

export interface Failure {
  readonly _tag: string
  readonly message: string
  readonly requestId: string | undefined
  readonly reason: string | undefined
  /** `String(error)` */
  readonly text: string
}

/** An edition's typed error as the suite reads it. */
export const toFailure = (error: unknown): Failure => {
  const e = error as { _tag?: unknown; message?: unknown; requestId?: unknown; reason?: unknown }
  return {
    _tag: String(e._tag),
    message: String(e.message ?? ""),
    requestId: typeof e.requestId === "string" ? e.requestId : undefined,
    reason: typeof e.reason === "string" ? e.reason : undefined,
    text: String(error)
  }
}

export type Outcome<A = unknown> =
  | { readonly _tag: "Success"; readonly value: A }
  | { readonly _tag: "Failure"; readonly error: Failure }

export interface Span {
  readonly name: string
  readonly attributes: Readonly<Record<string, unknown>>
}

export interface Observe {
  /** run under a recording tracer */
  readonly trace?: boolean
  /** run with every log level on, under a recording logger */
  readonly logs?: boolean
}

export interface RunResult {
  readonly outcome: Outcome
  readonly sent: ReadonlyArray<Sent>
  readonly spans: ReadonlyArray<Span>
  /** log lines: `LEVEL message annotations spans`, the level upper-cased */
  readonly logs: ReadonlyArray<string>
  readonly retries: ReadonlyArray<string>
  /** whether the call was still running after each `steps` adjustment of the TestClock */
  readonly pending: ReadonlyArray<boolean>
}

export interface Preview {
  readonly url: string
  readonly region: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export interface Metrics {
  readonly throttling: number
  readonly transient: number
  readonly exhausted: number
  readonly calls: number
  readonly attempts: number
}

export interface Driver {
  /** the `version` of the package's User-Agent */
  readonly version: string
  /** the package's `package.json` */
  readonly manifest: URL
  /**
   * One update against a fake client answering `replies` in order (the last one repeats), forked,
   * the TestClock adjusted by each of `steps` (milliseconds; default: ten minutes), then awaited.
   */
  readonly run: (
    replies: ReadonlyArray<Reply>,
    options?: Options,
    observe?: Observe & { readonly input?: InputOverrides; readonly steps?: ReadonlyArray<number> }
  ) => Promise<RunResult>
  /** the error building the layer with `options` fails with */
  readonly layerError: (options: Options) => Promise<Failure | undefined>
  readonly preview: (options: Options, input?: InputOverrides) => Promise<Outcome<Preview>>
  /** the retry and attempt metrics of UpdateAuthEventFeedback, tagged by hand */
  readonly metrics: () => Promise<Metrics>
}

export const throttled: Reply = {
  status: 400,
  headers: { "x-amzn-errortype": "TooManyRequestsException", "x-amzn-requestid": "req-throttled" },
  body: "{\"message\":\"Rate exceeded\"}"
}
export const ok: Reply = { status: 200, headers: { "x-amzn-requestid": "req-ok" }, body: "{}" }

const success = { _tag: "Success", value: {} }

const failure = (outcome: Outcome): Failure => {
  assert.equal(outcome._tag, "Failure", "expected a failure")
  return (outcome as Extract<Outcome, { _tag: "Failure" }>).error
}

const callAttributes = (spans: ReadonlyArray<Span>) =>
  spans.find((s) => s.name === "Cognito.UpdateAuthEventFeedback")?.attributes ?? {}

const forms: ReadonlyArray<readonly [string, (code: string) => Reply]> = [
  ["header", (code) => ({ status: 400, headers: { "x-amzn-errortype": code }, body: "{\"message\":\"m\"}" })],
  [
    "header with URI suffix",
    (code) => ({ status: 400, headers: { "x-amzn-errortype": `${code}:http://internal.amazon.com/x` }, body: "" })
  ],
  ["code", (code) => ({ status: 400, body: JSON.stringify({ code, message: "m" }) })],
  ["Code", (code) => ({ status: 400, body: JSON.stringify({ Code: code, Message: "m" }) })],
  ["__type", (code) => ({ status: 400, body: JSON.stringify({ __type: code, message: "m" }) })],
  ["namespaced __type", (code) => ({ status: 400, body: JSON.stringify({ __type: `com.amazonaws.cognito#${code}` }) })],
  ["namespace and URI suffix", (code) => ({ status: 400, body: JSON.stringify({ __type: `aws#${code}:http://x/y` }) })],
  [
    "header and body",
    (code) => ({ status: 400, headers: { "x-amzn-errortype": code }, body: JSON.stringify({ __type: "Other" }) })
  ],
  [
    "nested __type ignored",
    (code) => ({ status: 400, body: JSON.stringify({ __type: code, detail: { __type: "Other" } }) })
  ]
]

/** The tests of `AuthEventFeedbackHttp` that mean the same in both editions. */
export const authEventFeedbackHttpSuite = (t: TestApi, driver: Driver) => {
  const { it } = t
  const run = driver.run

  it("sends exactly what the AWS SDKs send", async () => {
    const { outcome, sent } = await run([ok])
    assert.deepEqual(outcome, success)
    assert.equal(sent.length, 1)
    const [first] = sent
    assert.equal(first?.method, "POST")
    assert.equal(first?.url, "https://cognito-idp.us-east-1.amazonaws.com/")
    assert.equal(first?.headers["content-type"], "application/x-amz-json-1.1")
    assert.equal(first?.headers["x-amz-target"], "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
    assert.equal(first?.headers["user-agent"], `cognito-feedback/${driver.version} effect`)
    assert.match(
      first?.headers["amz-sdk-invocation-id"] ?? "",
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    assert.equal(first?.headers["amz-sdk-request"], "attempt=1; max=3")
    assert.ok(!("authorization" in (first?.headers ?? {})))
    assert.equal(
      first?.body,
      `{"UserPoolId":"us-east-1_AbCdEf123","Username":"${username}","EventId":"c3f1a2b4","FeedbackToken":"${token}","FeedbackValue":"Invalid"}`
    )
  })

  it("its User-Agent version is the package's", () => {
    const manifest = JSON.parse(readFileSync(driver.manifest, "utf8")) as { version: string }
    assert.equal(driver.version, manifest.version)
  })

  it("throttled twice then success: three attempts, one invocation id", async () => {
    const { outcome, sent } = await run([throttled, throttled, ok])
    assert.deepEqual(outcome, success)
    assert.deepEqual(sent.map((s) => s.headers["amz-sdk-request"]), [
      "attempt=1; max=3",
      "attempt=2; max=3",
      "attempt=3; max=3"
    ])
    assert.equal(new Set(sent.map((s) => s.headers["amz-sdk-invocation-id"])).size, 1)
  })

  it("exhausted retries fail with the last service error itself", async () => {
    const { outcome, sent } = await run([throttled])
    assert.equal(sent.length, 3)
    const error = failure(outcome)
    assert.equal(error._tag, "TooManyRequestsException")
    assert.equal(error.message, "Rate exceeded")
    assert.equal(error.requestId, "req-throttled")
  })

  it("NotAuthorizedException is sent once", async () => {
    const { outcome, sent } = await run([{
      status: 400,
      body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"Invalid feedback token.\"}"
    }])
    assert.equal(sent.length, 1)
    assert.equal(failure(outcome)._tag, "NotAuthorizedException")
  })

  it("a throttling 400 with no body but the header is retried", async () => {
    const { outcome, sent } = await run([
      { status: 400, headers: { "x-amzn-errortype": "TooManyRequestsException" } },
      ok
    ])
    assert.deepEqual(outcome, success)
    assert.equal(sent.length, 2)
  })

  it("an internal error is retried as transient", async () => {
    const { outcome, sent } = await run([{ status: 500, body: "{\"__type\":\"InternalErrorException\"}" }, ok])
    assert.deepEqual(outcome, success)
    assert.equal(sent.length, 2)
  })

  it("maxAttempts and a disabled policy are honoured", async () => {
    const five = await run([throttled], { maxAttempts: 5 })
    assert.equal(five.sent.length, 5)
    assert.equal(five.sent[4]?.headers["amz-sdk-request"], "attempt=5; max=5")
    const once = await run([throttled], { retry: { _tag: "disabled" } })
    assert.equal(once.sent.length, 1)
  })

  t.describe("every wire form of every service error, through the client", () => {
    for (const code of serviceErrorCodes) {
      it(code, async () => {
        for (const [form, reply] of forms) {
          const { outcome } = await run([reply(code)], { retry: { _tag: "disabled" } })
          assert.equal(failure(outcome)._tag, code, form)
        }
      })
    }
  })

  it("the call timeout bounds the whole call, retries and their delays included (TestClock)", async () => {
    const { outcome, pending, sent } = await run([throttled], { timeout: "1500 millis", maxAttempts: 10 }, {
      steps: [1499, 1]
    })
    assert.deepEqual(pending, [true, false])
    const error = failure(outcome)
    assert.equal(error._tag, "TransportError")
    assert.equal(error.reason, "Timeout")
    assert.ok(sent.length < 10)
  })

  it("an attempt that never answers is cut by the attempt timeout, then retried (TestClock)", async () => {
    const { outcome, sent } = await run([{ hang: true }], { attemptTimeout: "2 seconds" }, { steps: [60_000] })
    const error = failure(outcome)
    assert.equal(error._tag === "TransportError" ? error.reason : error._tag, "Timeout")
    assert.equal(sent.length, 3)
  })

  it("invalid input fails before anything is sent", async () => {
    const { outcome, sent } = await run([ok], {}, { input: { EventId: "no spaces allowed" } })
    const error = failure(outcome)
    assert.equal(error._tag, "InvalidParameterException")
    assert.equal(error.message, "EventId: must match ^[\\w+-]+$")
    assert.equal(sent.length, 0)
  })

  it("the region comes from the pool id unless configured; a custom endpoint is used as given", async () => {
    const urls: Array<string> = []
    for (
      const [options, poolId] of [
        [{}, "eu-west-3_Abc"],
        [{ region: "eu-central-1" }, "eu-west-3_Abc"],
        [{ endpoint: "http://127.0.0.1:9229" }, "eu-west-3_Abc"],
        [{}, "cn-north-1_Abc"]
      ] as const
    ) {
      const { outcome, sent } = await run([ok], options, { input: { UserPoolId: poolId } })
      assert.deepEqual(outcome, success)
      urls.push(...sent.map((s) => s.url))
    }
    assert.deepEqual(urls, [
      "https://cognito-idp.eu-west-3.amazonaws.com/",
      "https://cognito-idp.eu-central-1.amazonaws.com/",
      "http://127.0.0.1:9229/",
      "https://cognito-idp.cn-north-1.amazonaws.com.cn/"
    ])
  })

  it("contradictory endpoint settings fail the layer with a typed error", async () => {
    const error = await driver.layerError({ endpoint: "http://127.0.0.1:1", useFipsEndpoint: true })
    assert.equal(error?._tag, "EndpointError")
    assert.equal(error?.message, "FIPS and custom endpoint are not supported")
  })

  it("one span per call with the AWS attributes, one child span per attempt", async () => {
    const { spans } = await run([throttled, ok], {}, { trace: true })
    const call = spans.filter((s) => s.name === "Cognito.UpdateAuthEventFeedback")
    assert.equal(call.length, 1)
    const attributes = call[0]?.attributes ?? {}
    assert.equal(attributes["rpc.system"], "aws-api")
    assert.equal(attributes["rpc.service"], "CognitoIdentityProvider")
    assert.equal(attributes["rpc.method"], "UpdateAuthEventFeedback")
    assert.equal(attributes["cloud.region"], "us-east-1")
    assert.equal(attributes["aws.request_id"], "req-ok")
    assert.equal(attributes["aws.attempts"], 2)
    assert.equal(spans.filter((s) => s.name === "Cognito.UpdateAuthEventFeedback.attempt").length, 2)
  })

  it("a failed call's span names the error and keeps the request id", async () => {
    const { spans } = await run(
      [{
        status: 400,
        headers: { "x-amzn-requestid": "req-nf" },
        body: "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}"
      }],
      {},
      { trace: true }
    )
    const attributes = callAttributes(spans)
    assert.equal(attributes["error.type"], "UserNotFoundException")
    assert.equal(attributes["aws.request_id"], "req-nf")
  })

  it("no log line or span attribute contains the token or the username", async () => {
    const first = await run([throttled, { status: 500, body: "<html>oops</html>" }, ok], {}, {
      trace: true,
      logs: true
    })
    const second = await run([{ status: 400, body: "{\"__type\":\"NotAuthorizedException\"}" }], {}, {
      trace: true,
      logs: true
    })
    const logs = [...first.logs, ...second.logs]
    const spans = [...first.spans, ...second.spans]
    assert.ok(logs.length > 3)
    assert.ok(spans.length > 3)
    const everything = [
      ...logs,
      ...spans.flatMap((s) => [s.name, ...Object.entries(s.attributes).map(([k, v]) => `${k}=${String(v)}`)])
    ].join("\n")
    assert.ok(everything.includes("retrying"))
    assert.ok(!everything.includes(token))
    assert.ok(!everything.includes(username))
  })

  it("a failed exchange is reported by the call, not logged as a fiber's unhandled error", async () => {
    const { logs, outcome } = await run([{ requestError: "Transport" }], { maxAttempts: 1 }, { logs: true })
    failure(outcome)
    assert.ok(logs.some((line) => line.includes("attempt failed")))
    assert.ok(!logs.some((line) => line.includes("unhandled")), logs.join("\n"))
  })

  it("an unbounded fromSchedule policy sends no max, as the SDKs do, and puts no Infinity anywhere", async () => {
    const retry: Retry = { _tag: "recurs", times: 5 }
    const { outcome, sent, spans } = await run([throttled, throttled, ok], { retry }, { trace: true })
    assert.equal(outcome._tag, "Success")
    assert.deepEqual(sent.map((s) => s.headers["amz-sdk-request"]), ["attempt=1", "attempt=2", "attempt=3"])
    const attributes = callAttributes(spans)
    assert.ok(!("aws.max_attempts" in attributes))
    const preview = await driver.preview({ retry })
    assert.equal(preview._tag, "Success")
    assert.equal(preview._tag === "Success" ? preview.value.headers["amz-sdk-request"] : undefined, "attempt=1")
    assert.ok(!JSON.stringify({ sent, attributes, preview }).includes("Infinity"))
    // a bounded schedule policy still tells its bound
    const bounded = await run([ok], { retry: { _tag: "recurs", times: 5, maxAttempts: 6 } })
    assert.equal(bounded.sent[0]?.headers["amz-sdk-request"], "attempt=1; max=6")
  })

  it("a request the platform could not send is a TransportError (NotSent), not a response, and not retried", async () => {
    const { outcome, sent } = await run([{ requestError: "InvalidUrl" }])
    const error = failure(outcome)
    assert.equal(error._tag, "TransportError")
    assert.equal(error.reason, "NotSent")
    assert.equal(sent.length, 1)
  })

  it("trace headers go out only for a traced call (an untraced one would need a CORS preflight)", async () => {
    const untraced = await run([ok])
    assert.ok(!("traceparent" in (untraced.sent[0]?.headers ?? {})))
    assert.ok(!("b3" in (untraced.sent[0]?.headers ?? {})))
    const traced = await run([ok], {}, { trace: true })
    assert.ok("traceparent" in (traced.sent[0]?.headers ?? {}))
  })

  it("transformClient changes this client alone", async () => {
    const { sent } = await run([ok], { setHeader: ["x-app-trace", "t-1"] })
    assert.equal(sent[0]?.headers["x-app-trace"], "t-1")
  })

  it("onRetry sees every retry; the metrics count attempts, retries by class and a spent quota", async () => {
    const before = await driver.metrics()
    const { outcome, retries } = await run([throttled, { status: 500, body: "" }, ok], { recordRetries: true })
    assert.equal(outcome._tag, "Success")
    assert.deepEqual(retries, ["1:throttling:TooManyRequestsException", "2:transient:UnexpectedResponseError"])
    // a quota with room for no retry at all: the first retry is refused
    const spent = await run([throttled], { retry: { _tag: "standard", quotaCapacity: 1 } })
    assert.equal(spent.outcome._tag, "Failure")
    assert.equal(spent.sent.length, 1)
    const after = await driver.metrics()
    assert.equal(after.throttling - before.throttling, 1)
    assert.equal(after.transient - before.transient, 1)
    assert.equal(after.exhausted - before.exhausted, 1)
    assert.equal(after.calls - before.calls, 2)
    assert.equal(after.attempts - before.attempts, 3 + 1)
  })

  it("preview describes the request without sending it, secrets redacted", async () => {
    const outcome = await driver.preview({ maxAttempts: 4 })
    assert.equal(outcome._tag, "Success")
    const preview = (outcome as Extract<Outcome<Preview>, { _tag: "Success" }>).value
    assert.equal(preview.url, "https://cognito-idp.us-east-1.amazonaws.com")
    assert.equal(preview.region, "us-east-1")
    assert.equal(preview.headers["x-amz-target"], "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
    assert.equal(preview.headers["amz-sdk-request"], "attempt=1; max=4")
    assert.equal(
      preview.body,
      "{\"UserPoolId\":\"us-east-1_AbCdEf123\",\"Username\":\"<redacted>\",\"EventId\":\"c3f1a2b4\",\"FeedbackToken\":\"<redacted>\",\"FeedbackValue\":\"Invalid\"}"
    )
    const text = JSON.stringify(preview)
    assert.ok(!text.includes(token))
    assert.ok(!text.includes(username))
    const invalid = await driver.preview({}, { FeedbackValue: "Maybe" })
    assert.equal(failure(invalid)._tag, "InvalidParameterException")
  })

  t.describe("layerConfig", () => {
    const build = (env: Record<string, string>, options: Options = {}, observe: Observe = {}) =>
      run([throttled], { ...options, env }, observe)

    it("reads the standard AWS variables", async () => {
      const { sent } = await build({ AWS_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "2", AWS_RETRY_MODE: "adaptive" })
      assert.deepEqual(sent.map((s) => [s.url, s.headers["amz-sdk-request"]]), [
        ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=1; max=2"],
        ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=2; max=2"]
      ])
    })

    it("the service-specific endpoint wins over AWS_ENDPOINT_URL", async () => {
      const both = await build({
        AWS_ENDPOINT_URL: "http://127.0.0.1:1111",
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: "http://127.0.0.1:2222"
      })
      assert.equal(both.sent[0]?.url, "http://127.0.0.1:2222/")
      const general = await build({ AWS_ENDPOINT_URL: "http://127.0.0.1:1111", AWS_USE_FIPS_ENDPOINT: "false" })
      assert.equal(general.sent[0]?.url, "http://127.0.0.1:1111/")
    })

    it("explicit options win over the environment, which fills in the rest", async () => {
      const { sent } = await build({ AWS_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "2" }, {
        maxAttempts: 4,
        retryUndefined: true
      })
      assert.deepEqual(sent.map((s) => [s.url, s.headers["amz-sdk-request"]]), [
        ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=1; max=4"],
        ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=2; max=4"],
        ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=3; max=4"],
        ["https://cognito-idp.eu-west-1.amazonaws.com/", "attempt=4; max=4"]
      ])
    })

    it("an unknown AWS_RETRY_MODE means standard, with a warning, as in the AWS SDKs", async () => {
      const { logs, sent } = await build({ AWS_RETRY_MODE: "legacy" }, {}, { logs: true })
      assert.deepEqual(sent.map((s) => s.headers["amz-sdk-request"]), [
        "attempt=1; max=3",
        "attempt=2; max=3",
        "attempt=3; max=3"
      ])
      assert.ok(logs.some((line) => line.startsWith("WARN") && line.includes("AWS_RETRY_MODE")))
    })

    it("a bad value is a ConfigError naming the variable", async () => {
      for (
        const [name, value] of [
          ["AWS_MAX_ATTEMPTS", "three"],
          ["AWS_MAX_ATTEMPTS", "0"],
          ["AWS_USE_FIPS_ENDPOINT", "maybe"]
        ] as const
      ) {
        const { outcome, sent } = await build({ [name]: value })
        assert.equal(sent.length, 0)
        assert.ok(failure(outcome).text.includes(name))
      }
    })
  })
}
