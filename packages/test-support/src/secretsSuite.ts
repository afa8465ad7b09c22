/**
 * Both editions' `AuthEventFeedbackTest` suite (the test layers, `captureTelemetry` and
 * `expectNoSecrets`): the cases, the programs and the assertions, run over a driver each edition
 * builds with its own Effect. A program is a list of `Step`s the driver interprets (an update, a
 * log line, a span, a fault, a fork over the test clock); a session is one test layer over the
 * test services, in which the suite runs programs, captures them or checks them for secrets.
 */
import * as assert from "node:assert/strict"
import * as Secrets from "./secrets.js"
import type { TestApi } from "./testApi.js"

/** The level names an edition reports, `trace` included. */
export interface Levels extends Secrets.LevelNames {
  readonly trace: string
}

/** A value the driver wraps in its `Redacted` before use. */
export interface RedactedValue {
  readonly redacted: string
}
export const redacted = (value: string): RedactedValue => ({ redacted: value })
export const isRedacted = (value: unknown): value is RedactedValue =>
  typeof value === "object" && value !== null && "redacted" in value && typeof value.redacted === "string"

/** A request: each field a string, or a `RedactedValue`. */
export type Input = { readonly [K in keyof typeof Secrets.alice]: string | RedactedValue }

export type Level = "trace" | "debug" | "info" | "warning" | "error"

export type Step =
  /** `update(input)`; its outcome's tag ("Success" or the error's) is a result, or, with `orFail`, it fails the program. */
  | { readonly _tag: "update"; readonly input: Input; readonly orFail?: boolean }
  /** Adds `value` to the results. */
  | { readonly _tag: "value"; readonly value: unknown }
  | {
    readonly _tag: "log"
    readonly level: Level
    readonly message: ReadonlyArray<unknown>
    readonly annotations?: Readonly<Record<string, unknown>>
    readonly logSpan?: string
    /** The cause logged with the line: a failure with this error, or a defect `new Error(die)`. */
    readonly cause?: { readonly fail: string } | { readonly die: string }
  }
  | {
    readonly _tag: "span"
    readonly name: string
    readonly attributes?: Readonly<Record<string, unknown>>
    readonly steps: ReadonlyArray<Step>
  }
  | { readonly _tag: "annotateSpan"; readonly key: string; readonly value: unknown }
  | { readonly _tag: "spanEvent"; readonly name: string; readonly attributes: Readonly<Record<string, unknown>> }
  | { readonly _tag: "throttleNext"; readonly times: number }
  /**
   * Forks `steps`, moves the test clock by `adjust`; with `join`, joins (the fork's results are
   * the results); without, the result is whether the fork is done, and the fork is interrupted.
   */
  | { readonly _tag: "fork"; readonly steps: ReadonlyArray<Step>; readonly adjust: string; readonly join: boolean }

/** How a program ended: its results, or its failure, read off the error. */
export type Result =
  | { readonly ok: true; readonly value: ReadonlyArray<unknown> }
  | {
    readonly ok: false
    readonly tag: string
    readonly requestId: unknown
    readonly origin: unknown
    readonly message: string
    readonly locations: ReadonlyArray<string>
    /** The message, `String(error)`, `JSON.stringify(error)` and the locations: none may show a secret. */
    readonly texts: ReadonlyArray<string>
  }

/** A program's `Result` when it failed with `error` (any edition's error: read by its fields). */
export const failureOf = (error: unknown): Result => {
  const fields = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>
  const message = typeof fields.message === "string" ? fields.message : ""
  const locations = Array.isArray(fields.locations) ? fields.locations.map(String) : []
  return {
    ok: false,
    tag: String(fields._tag),
    requestId: fields.requestId,
    origin: fields.origin,
    message,
    locations,
    texts: [message, String(error), JSON.stringify(error), ...locations]
  }
}

/** What `captureTelemetry` saw, as plain data. */
export interface Captured {
  readonly exit: Result
  readonly logs: ReadonlyArray<{
    readonly level: string
    readonly message: unknown
    readonly annotations: unknown
    readonly spans: ReadonlyArray<string>
    /** The errors of the line's cause's failures. */
    readonly failures: ReadonlyArray<unknown>
  }>
  readonly spans: ReadonlyArray<{
    readonly name: string
    readonly attributes: unknown
    readonly events: unknown
    readonly succeeded: boolean
  }>
  readonly secrets: ReadonlyArray<{ readonly name: string; readonly value: string }>
  /** `JSON.stringify` of the captured secrets, as the edition holds them. */
  readonly json: string
}

export interface CheckOptions {
  readonly secrets?: ReadonlyArray<string | RedactedValue>
  readonly minLength?: number
  /** Run the program with the minimum log level at debug. */
  readonly debug?: boolean
}

export interface Session {
  readonly run: (steps: ReadonlyArray<Step>) => Promise<Result>
  /** `captureTelemetry` of the program. */
  readonly capture: (steps: ReadonlyArray<Step>) => Promise<Captured>
  /** The program under `expectNoSecrets`. */
  readonly check: (steps: ReadonlyArray<Step>, options?: CheckOptions) => Promise<Result>
  /** An outer logger in place, `logInfo(message)` captured: the messages the outer logger saw. */
  readonly outerLogger: (message: string) => Promise<ReadonlyArray<unknown>>
  /** The simulator's `feedbackOf`: the FeedbackValue. */
  readonly feedbackOf: (pool: string, user: string, event: string) => Promise<string | undefined>
  /** The simulator's calls' outcomes. */
  readonly calls: () => Promise<ReadonlyArray<string>>
  /** The scripted layer's `ScriptedCalls`, taken now, read each time the function is called. */
  readonly sent: () => Promise<
    () => ReadonlyArray<{ readonly eventId: string; readonly shown: string; readonly revealed: string }>
  >
  readonly close: () => Promise<void>
}

export type Script = ReadonlyArray<"success" | "throttled" | "notAuthorized">

export type LayerSpec =
  | { readonly _tag: "none" }
  | { readonly _tag: "memory"; readonly retry?: boolean }
  | { readonly _tag: "scripted"; readonly script: Script; readonly retry?: boolean }
  | { readonly _tag: "http"; readonly maxAttempts?: number }

export interface SecretsDriver {
  readonly levels: Levels
  /** The span-event attribute the edition's tracer records a logged cause under. */
  readonly causeAttribute: string
  /** The layer over the test services, seeded with the sample seed where it has a simulator. */
  readonly session: (layer: LayerSpec) => Promise<Session>
}

const { alice } = Secrets
const update = (input: Input, orFail = false): Step => ({ _tag: "update", input, orFail })
const log = (level: Level, ...message: ReadonlyArray<unknown>): Step => ({ _tag: "log", level, message })
const fork = (steps: ReadonlyArray<Step>, adjust = "1 minute", join = true): Step => ({
  _tag: "fork",
  steps,
  adjust,
  join
})
const throttleNext = (times: number): Step => ({ _tag: "throttleNext", times })
const ok = (...value: ReadonlyArray<unknown>): Result => ({ ok: true, value })
const libraryCalls = Secrets.libraryCalls.map(({ input }) => update(input))
const libraryOutcomes = ok(...Secrets.libraryCalls.map((call) => call.outcome))

const expectFailure = (result: Result): Extract<Result, { ok: false }> => {
  if (result.ok) assert.fail(`expected a failure, got ${JSON.stringify(result.value)}`)
  return result
}

const assertNoValue = (result: Result) => assert.equal(Secrets.leakedIn(expectFailure(result).texts), undefined)

export const secretsSuite = (t: TestApi, d: SecretsDriver): void => {
  const { describe, it } = t
  const { levels } = d
  const within = (layer: LayerSpec, body: (session: Session) => Promise<void>) => async () => {
    const session = await d.session(layer)
    try {
      await body(session)
    } finally {
      await session.close()
    }
  }
  const memory: LayerSpec = { _tag: "memory" }
  const http: LayerSpec = { _tag: "http" }
  const none: LayerSpec = { _tag: "none" }

  describe("layerMemory", () => {
    it(
      "records feedback in the simulator, where the test reads it back",
      within(memory, async (s) => {
        assert.deepEqual(await s.run([update(alice)]), ok("Success"))
        assert.equal(await s.feedbackOf("us-east-1_Example1", "alice@example.com", "evt-1"), "Invalid")
      })
    )

    it(
      "answers each outcome as the service would",
      within(memory, async (s) => {
        const result = await s.run([
          update({ ...alice, FeedbackToken: "tok.wrong" }),
          update({ ...alice, Username: "mallory" }),
          update({ ...alice, EventId: "" })
        ])
        assert.deepEqual(result, ok("NotAuthorizedException", "UserNotFoundException", "InvalidParameterException"))
      })
    )

    it(
      "with a retry policy, injected throttling is retried as the live client would (TestClock)",
      within({ _tag: "memory", retry: true }, async (s) => {
        assert.deepEqual(await s.run([throttleNext(2), fork([update(alice, true)])]), ok())
        assert.deepEqual(await s.calls(), ["TooManyRequestsException", "TooManyRequestsException", "Success"])
      })
    )
  })

  describe("layerScripted", () => {
    it(
      "records what it was sent, secrets still redacted",
      within({ _tag: "scripted", script: ["success"] }, async (s) => {
        assert.deepEqual(await s.run([update(alice)]), ok("Success"))
        const sent = (await s.sent())()
        assert.equal(sent.length, 1)
        assert.equal(sent[0]?.shown, "<redacted>")
        assert.equal(sent[0]?.revealed, "tok.valid-1")
      })
    )

    it(
      "the record is a value that grows with each call",
      within({ _tag: "scripted", script: ["success", "notAuthorized"] }, async (s) => {
        const sent = await s.sent()
        assert.deepEqual(sent(), [])
        assert.deepEqual(
          await s.run([update(alice), update({ ...alice, EventId: "evt-2" })]),
          ok("Success", "NotAuthorizedException")
        )
        assert.deepEqual(sent().map((request) => request.eventId), [alice.EventId, "evt-2"])
      })
    )

    it(
      "invalid input never reaches the script",
      within({ _tag: "scripted", script: [] }, async (s) => {
        assert.deepEqual(await s.run([update({ ...alice, UserPoolId: "nope" })]), ok("InvalidParameterException"))
        assert.equal((await s.sent())().length, 0)
      })
    )

    it(
      "with the standard policy, throttled twice then success takes three attempts (TestClock)",
      within({ _tag: "scripted", script: ["throttled", "throttled", "success"], retry: true }, async (s) => {
        assert.deepEqual(await s.run([fork([update(alice, true)])]), ok())
        assert.equal((await s.sent())().length, 3)
      })
    )

    it(
      "a non-retryable error is returned at once even with a policy",
      within({ _tag: "scripted", script: ["notAuthorized"], retry: true }, async (s) => {
        assert.deepEqual(await s.run([update(alice)]), ok("NotAuthorizedException"))
        assert.equal((await s.sent())().length, 1)
      })
    )
  })

  describe("layerHttp: the live client over the simulator, one layer", () => {
    it(
      "records feedback through the real HTTP code, and the test reads it back from the simulator",
      within(http, async (s) => {
        assert.deepEqual(await s.run([update(alice)]), ok("Success"))
        assert.equal(await s.feedbackOf("us-east-1_Example1", "alice", "evt-1"), "Invalid")
        const wrong = expectFailure(await s.run([update({ ...alice, FeedbackToken: "tok.wrong" }, true)]))
        assert.equal(wrong.tag, "NotAuthorizedException")
        assert.equal(typeof wrong.requestId, "string")
      })
    )

    it(
      "a throttled first attempt is retried once the test moves the clock: fork, adjust, join",
      within(http, async (s) => {
        assert.deepEqual(await s.run([throttleNext(1), fork([update(alice, true)])]), ok())
        assert.deepEqual(await s.calls(), ["TooManyRequestsException", "Success"])
      })
    )

    it(
      "without the adjust, the retry waits on the clock: the call is still running",
      within(http, async (s) => {
        assert.deepEqual(await s.run([throttleNext(1), fork([update(alice, true)], "1 millis", false)]), ok(false))
        assert.equal((await s.calls()).length, 1)
      })
    )

    it(
      "takes the live client's options: maxAttempts 1 gives the throttling error at once",
      within({ _tag: "http", maxAttempts: 1 }, async (s) => {
        assert.deepEqual(await s.run([throttleNext(1), update(alice)]), ok("TooManyRequestsException"))
      })
    )

    it(
      "input that breaks a rule fails locally and never reaches the simulator",
      within(http, async (s) => {
        const error = expectFailure(await s.run([update({ ...alice, FeedbackToken: "tok/with a space" }, true)]))
        assert.equal(error.tag, "InvalidParameterException")
        assert.equal(error.origin, "local")
        assert.equal((await s.calls()).length, 0)
      })
    )
  })

  describe("captureTelemetry", () => {
    it(
      "records every log line at every level, with annotations, cause and log spans",
      within(none, async (s) => {
        const captured = await s.capture([
          log("trace", "trace"),
          { _tag: "log", level: "debug", message: ["debug", 42], annotations: { k: "v" }, logSpan: "phase" },
          { _tag: "log", level: "error", message: ["oops"], cause: { fail: "bad" } },
          { _tag: "value", value: "done" }
        ])
        assert.deepEqual(captured.exit, ok("done"))
        assert.deepEqual(captured.logs.map((line) => line.level), [levels.trace, levels.debug, levels.error])
        assert.deepEqual(captured.logs[1]?.message, ["debug", 42])
        assert.deepEqual(captured.logs[1]?.annotations, { k: "v" })
        assert.deepEqual(captured.logs[1]?.spans, ["phase"])
        assert.deepEqual(captured.logs[2]?.message, ["oops"])
        assert.deepEqual(captured.logs[2]?.failures, ["bad"])
      })
    )

    it(
      "records every span: name, attributes in order, events, exit",
      within(none, async (s) => {
        const captured = await s.capture([{
          _tag: "span",
          name: "outer",
          attributes: { first: 1 },
          steps: [
            { _tag: "annotateSpan", key: "later", value: 2 },
            { _tag: "spanEvent", name: "checkpoint", attributes: { step: "one" } }
          ]
        }])
        assert.equal(captured.spans.length, 1)
        const [span] = captured.spans
        assert.equal(span?.name, "outer")
        assert.deepEqual(span?.attributes, [["first", 1], ["later", 2]])
        assert.deepEqual(span?.events, [{ name: "checkpoint", attributes: { step: "one" } }])
        assert.equal(span?.succeeded, true)
      })
    )

    it(
      "notes the username and token of each call, redacted, even of a call rejected locally",
      within(memory, async (s) => {
        const captured = await s.capture([update(alice), update({ ...alice, Username: redacted("bob"), EventId: "" })])
        assert.deepEqual(captured.exit, ok("Success", "InvalidParameterException"))
        assert.deepEqual(captured.secrets.map((secret) => secret.name), [
          "the Username of call 1",
          "the FeedbackToken of call 1",
          "the Username of call 2",
          "the FeedbackToken of call 2"
        ])
        assert.deepEqual(captured.secrets.map((secret) => secret.value), ["alice", "tok.valid-1", "bob", "tok.valid-1"])
        assert.ok(!captured.json.includes("tok.valid-1"))
      })
    )

    it(
      "leaves the loggers and the tracer that were there in place",
      within(none, async (s) => {
        assert.deepEqual(await s.outerLogger("seen by both"), [["seen by both"]])
      })
    )
  })

  describe("expectNoSecrets", () => {
    it(
      "fails on a token logged in a message, naming the log line, without the token",
      within(memory, async (s) => {
        const error = expectFailure(await s.check([update(alice), log("info", `recorded ${alice.FeedbackToken}`)]))
        assert.equal(error.tag, "SecretLeakError")
        assert.deepEqual(error.locations, [Secrets.messageLeak(levels)])
        assert.equal(error.message, `a secret appeared in the telemetry: ${Secrets.messageLeak(levels)}`)
        assertNoValue(error)
      })
    )

    it(
      "fails on a username in a log annotation, naming the annotation",
      within(memory, async (s) => {
        const error = expectFailure(
          await s.check([update(alice), {
            _tag: "log",
            level: "debug",
            message: ["recorded"],
            annotations: { user: alice.Username }
          }])
        )
        assert.equal(error.tag, "SecretLeakError")
        assert.deepEqual(error.locations, [Secrets.annotationLeak(levels)])
        assertNoValue(error)
      })
    )

    it(
      "fails on a token in a span attribute, naming the span and the attribute",
      within(memory, async (s) => {
        const error = expectFailure(
          await s.check([{
            _tag: "span",
            name: "handler",
            attributes: { "feedback.token": alice.FeedbackToken },
            steps: [update(alice)]
          }])
        )
        assert.equal(error.tag, "SecretLeakError")
        assert.deepEqual(error.locations, [Secrets.attributeLeak])
        assertNoValue(error)
      })
    )

    it(
      "fails on a secret in a span event, an error's cause, nested values, JSON-escaped or URL-encoded",
      within(none, async (s) => {
        const token = Secrets.hostileToken
        const captured = expectFailure(
          await s.check([{
            _tag: "span",
            name: "handler",
            steps: [
              { _tag: "spanEvent", name: "sent", attributes: { body: { nested: [token] } } },
              {
                _tag: "log",
                level: "warning",
                message: ["failed"],
                annotations: { request: JSON.stringify({ token }) }
              },
              {
                _tag: "log",
                level: "error",
                message: ["failed"],
                cause: { die: `bad token ${encodeURIComponent(token)}` }
              }
            ]
          }], { secrets: [redacted(token)] })
        )
        assert.deepEqual(captured.locations, Secrets.hostileLeaks(levels, d.causeAttribute))
        for (const text of [captured.message, ...captured.locations]) assert.ok(!text.includes("tok.a"), text)
      })
    )

    it(
      "a leak is reported even when the effect fails; with none, the effect's own failure passes",
      within(memory, async (s) => {
        const failing = update({ ...alice, EventId: "evt-9" }, true)
        assert.equal(expectFailure(await s.check([log("info", alice.FeedbackToken), failing])).tag, "SecretLeakError")
        assert.equal(expectFailure(await s.check([failing])).tag, "ResourceNotFoundException")
      })
    )

    it(
      "a Redacted value logged shows as <redacted>: no leak",
      within(memory, async (s) => {
        const token = redacted(alice.FeedbackToken)
        const result = await s.check([
          update({ ...alice, FeedbackToken: token }, true),
          { _tag: "log", level: "info", message: ["sent", token], annotations: { token } },
          { _tag: "value", value: "ok" }
        ])
        assert.deepEqual(result, ok("ok"))
      })
    )

    it(
      "secrets shorter than minLength are not looked for",
      within(none, async (s) => {
        const program = [log("info", "a cat sat on the mat")]
        assert.deepEqual(await s.check(program, { secrets: ["at"] }), ok())
        assert.equal(expectFailure(await s.check(program, { secrets: ["at"], minLength: 2 })).tag, "SecretLeakError")
      })
    )

    it(
      "passes on the library's own calls over the memory layer, debug logging on",
      within(memory, async (s) => {
        const captured = await s.capture(libraryCalls)
        assert.deepEqual(captured.exit, libraryOutcomes)
        assert.equal(captured.secrets.length, Secrets.libraryCallSecrets)
        assert.deepEqual(await s.check(libraryCalls, { debug: true }), libraryOutcomes)
      })
    )

    it(
      "passes on the live client's calls over the simulator, retries included, debug logging on",
      within(http, async (s) => {
        const program = [throttleNext(1), fork(libraryCalls)]
        // the check is not vacuous: the client did log and trace, and saw every call
        const captured = await s.capture(program)
        assert.deepEqual(captured.exit, libraryOutcomes)
        const messages = captured.logs.map((line) => line.message).flat()
        for (const line of ["retrying", "feedback recorded"]) assert.ok(messages.includes(line), line)
        assert.ok(captured.spans.map((span) => span.name).includes("Cognito.UpdateAuthEventFeedback"))
        assert.equal(captured.secrets.length, Secrets.libraryCallSecrets)
        assert.deepEqual(await s.check(program, { debug: true }), libraryOutcomes)
      })
    )
  })
}
