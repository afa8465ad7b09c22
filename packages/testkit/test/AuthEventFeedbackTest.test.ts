import { AuthEventFeedback, CognitoError, RetryPolicy } from "@cognito-feedback/core"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit, FastCheck as fc, Fiber, Logger, LogLevel, Option, Redacted, TestClock } from "effect"
import * as AuthEventFeedbackTest from "../src/AuthEventFeedbackTest.js"
import * as CognitoArbitrary from "../src/CognitoArbitrary.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import { sampleSeed } from "../src/SimulatorSeed.js"

import * as Secrets from "@cognito-feedback/test-support/secrets"
import { alice } from "@cognito-feedback/test-support/secrets"

const levels: Secrets.LevelNames = { debug: "DEBUG", info: "INFO", warn: "WARN", error: "ERROR" }

const throttled = AuthEventFeedbackTest.failure(
  new CognitoError.TooManyRequestsException({ message: "Rate exceeded" })
)

describe("layerMemory", () => {
  it.effect("records feedback in the simulator, where the test reads it back", () =>
    Effect.gen(function*() {
      yield* AuthEventFeedback.update(alice)
      const simulator = yield* CognitoSimulator.CognitoSimulator
      const feedback = yield* simulator.feedbackOf("us-east-1_Example1", "alice@example.com", "evt-1")
      assert.strictEqual(Option.getOrUndefined(feedback)?.FeedbackValue, "Invalid")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: sampleSeed }))))

  it.effect("answers each outcome as the service would", () =>
    Effect.gen(function*() {
      const wrongToken = yield* Effect.flip(AuthEventFeedback.update({ ...alice, FeedbackToken: "tok.wrong" }))
      assert.strictEqual(wrongToken._tag, "NotAuthorizedException")
      const unknownUser = yield* Effect.flip(AuthEventFeedback.update({ ...alice, Username: "mallory" }))
      assert.strictEqual(unknownUser._tag, "UserNotFoundException")
      const invalid = yield* Effect.flip(AuthEventFeedback.update({ ...alice, EventId: "" }))
      assert.strictEqual(invalid._tag, "InvalidParameterException")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: sampleSeed }))))

  it.effect("with a retry policy, injected throttling is retried as the live client would (TestClock)", () =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      yield* simulator.throttleNext(2)
      const fiber = yield* Effect.fork(AuthEventFeedback.update(alice))
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      const outcomes = (yield* simulator.calls).map((call) => call.outcome)
      assert.deepStrictEqual(outcomes, ["TooManyRequestsException", "TooManyRequestsException", "Success"])
    }).pipe(
      Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: sampleSeed, retryPolicy: RetryPolicy.standard() }))
    ))
})

describe("layerScripted", () => {
  it.effect.prop(
    "answers the script's outcomes in order, then the fallback",
    [fc.array(CognitoArbitrary.outcome, { maxLength: 8 })],
    ([outcomes]) =>
      Effect.gen(function*() {
        const { calls, service } = yield* AuthEventFeedbackTest.makeScripted(outcomes)
        for (const expected of [...outcomes, AuthEventFeedbackTest.success]) {
          const exit = yield* Effect.exit(service.update(alice))
          if (expected._tag === "Success") {
            assert.isTrue(exit._tag === "Success")
          } else {
            assert.deepStrictEqual(exit, Exit.fail(expected.error))
          }
        }
        assert.lengthOf(calls, outcomes.length + 1)
      })
  )

  it.effect("records what it was sent, secrets still redacted", () =>
    Effect.gen(function*() {
      yield* AuthEventFeedback.update(alice)
      const sent = yield* AuthEventFeedbackTest.ScriptedCalls
      assert.lengthOf(sent, 1)
      assert.strictEqual(String(sent[0]?.FeedbackToken), "<redacted>")
      assert.strictEqual(sent[0] && Redacted.value(sent[0].FeedbackToken), "tok.valid-1")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerScripted([AuthEventFeedbackTest.success]))))

  it.effect("the record is a value that grows with each call", () =>
    Effect.gen(function*() {
      const sent = yield* AuthEventFeedbackTest.ScriptedCalls
      assert.deepStrictEqual(sent, [])
      yield* AuthEventFeedback.update(alice)
      yield* Effect.flip(AuthEventFeedback.update({ ...alice, EventId: "evt-2" }))
      assert.deepStrictEqual(sent.map((request) => request.EventId), [alice.EventId, "evt-2"])
    }).pipe(
      Effect.provide(
        AuthEventFeedbackTest.layerScripted([
          AuthEventFeedbackTest.success,
          AuthEventFeedbackTest.failure(new CognitoError.NotAuthorizedException({ message: "Invalid token." }))
        ])
      )
    ))

  it.effect("invalid input never reaches the script", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(AuthEventFeedback.update({ ...alice, UserPoolId: "nope" }))
      assert.strictEqual(error._tag, "InvalidParameterException")
      assert.lengthOf(yield* AuthEventFeedbackTest.ScriptedCalls, 0)
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerScripted([]))))

  it.effect("with the standard policy, throttled twice then success takes three attempts (TestClock)", () =>
    Effect.gen(function*() {
      const fiber = yield* Effect.fork(AuthEventFeedback.update(alice))
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      assert.lengthOf(yield* AuthEventFeedbackTest.ScriptedCalls, 3)
    }).pipe(
      Effect.provide(
        AuthEventFeedbackTest.layerScripted([throttled, throttled, AuthEventFeedbackTest.success], {
          retryPolicy: RetryPolicy.standard()
        })
      )
    ))

  it.effect("a non-retryable error is returned at once even with a policy", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(AuthEventFeedback.update(alice))
      assert.strictEqual(error._tag, "NotAuthorizedException")
      assert.lengthOf(yield* AuthEventFeedbackTest.ScriptedCalls, 1)
    }).pipe(
      Effect.provide(
        AuthEventFeedbackTest.layerScripted(
          [AuthEventFeedbackTest.failure(new CognitoError.NotAuthorizedException({ message: "Invalid token." }))],
          { retryPolicy: RetryPolicy.standard() }
        )
      )
    ))
})

describe("layerHttp: the live client over the simulator, one layer", () => {
  it.effect("records feedback through the real HTTP code, and the test reads it back from the simulator", () =>
    Effect.gen(function*() {
      yield* AuthEventFeedback.update(alice)
      const simulator = yield* CognitoSimulator.CognitoSimulator
      const feedback = yield* simulator.feedbackOf("us-east-1_Example1", "alice", "evt-1")
      assert.strictEqual(Option.getOrUndefined(feedback)?.FeedbackValue, "Invalid")
      const wrong = yield* Effect.flip(AuthEventFeedback.update({ ...alice, FeedbackToken: "tok.wrong" }))
      assert.strictEqual(wrong._tag, "NotAuthorizedException")
      assert.isString(wrong._tag === "NotAuthorizedException" ? wrong.requestId : undefined)
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerHttp({ seed: sampleSeed }))))

  it.effect("a throttled first attempt is retried once the test moves the clock: fork, adjust, join", () =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      yield* simulator.throttleNext(1)
      const fiber = yield* Effect.fork(AuthEventFeedback.update(alice))
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      const calls = yield* simulator.calls
      assert.deepStrictEqual(calls.map((call) => call.outcome), ["TooManyRequestsException", "Success"])
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerHttp({ seed: sampleSeed }))))

  it.effect("without the adjust, the retry waits on the clock: the call is still running", () =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      yield* simulator.throttleNext(1)
      const fiber = yield* Effect.fork(AuthEventFeedback.update(alice))
      yield* TestClock.adjust("1 millis")
      assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
      assert.lengthOf(yield* simulator.calls, 1)
      yield* Fiber.interrupt(fiber)
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerHttp({ seed: sampleSeed }))))

  it.effect("takes the live client's options: maxAttempts 1 gives the throttling error at once", () =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      yield* simulator.throttleNext(1)
      const error = yield* Effect.flip(AuthEventFeedback.update(alice))
      assert.strictEqual(error._tag, "TooManyRequestsException")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerHttp({ seed: sampleSeed, maxAttempts: 1 }))))

  it.effect("input that breaks a rule fails locally and never reaches the simulator", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(AuthEventFeedback.update({ ...alice, FeedbackToken: "tok/with a space" }))
      assert.strictEqual(error._tag, "InvalidParameterException")
      assert.strictEqual(error._tag === "InvalidParameterException" ? error.origin : undefined, "local")
      assert.lengthOf(yield* (yield* CognitoSimulator.CognitoSimulator).calls, 0)
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerHttp({ seed: sampleSeed }))))
})

describe("captureTelemetry", () => {
  it.effect("records every log line at every level, with annotations, cause and log spans", () =>
    Effect.gen(function*() {
      const captured = yield* AuthEventFeedbackTest.captureTelemetry(
        Effect.gen(function*() {
          yield* Effect.logTrace("trace")
          yield* Effect.logDebug("debug", 42).pipe(Effect.annotateLogs("k", "v"), Effect.withLogSpan("phase"))
          yield* Effect.logError("oops", Cause.fail("bad"))
          return "done"
        })
      )
      assert.deepStrictEqual(captured.exit, Exit.succeed("done"))
      assert.deepStrictEqual(captured.logs.map((log) => log.level), ["TRACE", "DEBUG", "ERROR"])
      assert.deepStrictEqual(captured.logs[1]?.message, ["debug", 42])
      assert.deepStrictEqual(captured.logs[1]?.annotations, { k: "v" })
      assert.deepStrictEqual(captured.logs[1]?.spans, ["phase"])
      assert.deepStrictEqual(captured.logs[2]?.message, ["oops"])
      assert.deepStrictEqual(captured.logs[2] && Cause.failures(captured.logs[2].cause).pipe((c) => [...c]), ["bad"])
    }))

  it.effect("records every span: name, attributes in order, events, exit", () =>
    Effect.gen(function*() {
      const captured = yield* AuthEventFeedbackTest.captureTelemetry(
        Effect.gen(function*() {
          yield* Effect.annotateCurrentSpan("later", 2)
          const span = yield* Effect.orDie(Effect.currentSpan)
          span.event("checkpoint", BigInt(0), { step: "one" })
        }).pipe(Effect.withSpan("outer", { attributes: { first: 1 } }))
      )
      assert.lengthOf(captured.spans, 1)
      const [span] = captured.spans
      assert.strictEqual(span?.name, "outer")
      assert.deepStrictEqual(span?.attributes, [["first", 1], ["later", 2]])
      assert.deepStrictEqual(span?.events, [{ name: "checkpoint", attributes: { step: "one" } }])
      assert.isTrue(span !== undefined && Option.isSome(span.exit) && Exit.isSuccess(span.exit.value))
    }))

  it.effect("notes the username and token of each call, redacted, even of a call rejected locally", () =>
    Effect.gen(function*() {
      const captured = yield* AuthEventFeedbackTest.captureTelemetry(
        Effect.zipRight(
          AuthEventFeedback.update(alice),
          Effect.flip(AuthEventFeedback.update({ ...alice, Username: Redacted.make("bob"), EventId: "" }))
        )
      )
      assert.isTrue(Exit.isSuccess(captured.exit))
      assert.deepStrictEqual(captured.secrets.map((secret) => secret.name), [
        "the Username of call 1",
        "the FeedbackToken of call 1",
        "the Username of call 2",
        "the FeedbackToken of call 2"
      ])
      assert.deepStrictEqual(captured.secrets.map((secret) => Redacted.value(secret.value)), [
        "alice",
        "tok.valid-1",
        "bob",
        "tok.valid-1"
      ])
      assert.notInclude(JSON.stringify(captured.secrets), "tok.valid-1")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: sampleSeed }))))

  it.effect("leaves the loggers and the tracer that were there in place", () =>
    Effect.gen(function*() {
      const lines: Array<unknown> = []
      const outer = Logger.make(({ message }) => lines.push(message))
      yield* AuthEventFeedbackTest.captureTelemetry(Effect.logInfo("seen by both")).pipe(
        Effect.provide(Logger.add(outer))
      )
      assert.deepStrictEqual(lines, [["seen by both"]])
    }))
})

describe("expectNoSecrets", () => {
  const leakOf = <A, E>(self: Effect.Effect<A, E, AuthEventFeedback.AuthEventFeedback>) =>
    self.pipe(
      AuthEventFeedbackTest.expectNoSecrets(),
      Effect.flip,
      Effect.filterOrDieMessage(
        (error): error is AuthEventFeedbackTest.SecretLeakError =>
          error instanceof AuthEventFeedbackTest.SecretLeakError,
        "expected a SecretLeakError"
      ),
      Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: sampleSeed }))
    )

  const assertNoValue = (error: AuthEventFeedbackTest.SecretLeakError) =>
    assert.isUndefined(Secrets.leakedIn([error.message, String(error), JSON.stringify(error), ...error.locations]))

  it.effect("fails on a token logged in a message, naming the log line, without the token", () =>
    Effect.gen(function*() {
      const error = yield* leakOf(
        AuthEventFeedback.update(alice).pipe(Effect.tap(() => Effect.logInfo(`recorded ${alice.FeedbackToken}`)))
      )
      assert.deepStrictEqual(error.locations, [Secrets.messageLeak(levels)])
      assert.strictEqual(error.message, `a secret appeared in the telemetry: ${Secrets.messageLeak(levels)}`)
      assertNoValue(error)
    }))

  it.effect("fails on a username in a log annotation, naming the annotation", () =>
    Effect.gen(function*() {
      const error = yield* leakOf(
        AuthEventFeedback.update(alice).pipe(
          Effect.tap(() => Effect.logDebug("recorded").pipe(Effect.annotateLogs("user", alice.Username)))
        )
      )
      assert.deepStrictEqual(error.locations, [Secrets.annotationLeak(levels)])
      assertNoValue(error)
    }))

  it.effect("fails on a token in a span attribute, naming the span and the attribute", () =>
    Effect.gen(function*() {
      const error = yield* leakOf(
        AuthEventFeedback.update(alice).pipe(
          Effect.withSpan("handler", { attributes: { "feedback.token": alice.FeedbackToken } })
        )
      )
      assert.deepStrictEqual(error.locations, [Secrets.attributeLeak])
      assertNoValue(error)
    }))

  it.effect("fails on a secret in a span event, an error's cause, nested values, JSON-escaped or URL-encoded", () =>
    Effect.gen(function*() {
      const token = Secrets.hostileToken
      const failing = Effect.gen(function*() {
        const span = yield* Effect.orDie(Effect.currentSpan)
        span.event("sent", BigInt(0), { body: { nested: [token] } })
        yield* Effect.logWarning("failed").pipe(Effect.annotateLogs("request", JSON.stringify({ token })))
        yield* Effect.logError("failed", Cause.die(new Error(`bad token ${encodeURIComponent(token)}`)))
      }).pipe(Effect.withSpan("handler"))
      const captured = yield* failing.pipe(
        AuthEventFeedbackTest.expectNoSecrets({ secrets: [Redacted.make(token)] }),
        Effect.flip
      )
      assert.deepStrictEqual(captured.locations, Secrets.hostileLeaks(levels, "effect.cause"))
      for (const text of [captured.message, ...captured.locations]) assert.notInclude(text, "tok.a")
    }))

  it.effect("a leak is reported even when the effect fails; with none, the effect's own failure passes", () =>
    Effect.gen(function*() {
      const error = yield* leakOf(
        Effect.zipRight(Effect.logInfo(alice.FeedbackToken), AuthEventFeedback.update({ ...alice, EventId: "evt-9" }))
      )
      assert.strictEqual(error._tag, "SecretLeakError")
      const own = yield* AuthEventFeedback.update({ ...alice, EventId: "evt-9" }).pipe(
        AuthEventFeedbackTest.expectNoSecrets(),
        Effect.flip,
        Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: sampleSeed }))
      )
      assert.strictEqual(own._tag, "ResourceNotFoundException")
    }))

  it.effect("a Redacted value logged shows as <redacted>: no leak", () =>
    Effect.gen(function*() {
      const token = Redacted.make(alice.FeedbackToken)
      const value = yield* AuthEventFeedback.update({ ...alice, FeedbackToken: token }).pipe(
        Effect.tap(() => Effect.logInfo("sent", token).pipe(Effect.annotateLogs("token", token))),
        Effect.as("ok"),
        AuthEventFeedbackTest.expectNoSecrets(),
        Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: sampleSeed }))
      )
      assert.strictEqual(value, "ok")
    }))

  it.effect("secrets shorter than minLength are not looked for", () =>
    Effect.gen(function*() {
      const program = Effect.logInfo("a cat sat on the mat")
      yield* AuthEventFeedbackTest.expectNoSecrets(program, { secrets: ["at"] })
      const error = yield* Effect.flip(
        AuthEventFeedbackTest.expectNoSecrets(program, { secrets: ["at"], minLength: 2 })
      )
      assert.strictEqual(error._tag, "SecretLeakError")
    }))

  const outcomesOfTheLibrary = Effect.forEach(Secrets.libraryCalls, ({ input, outcome }) =>
    Effect.map(
      Effect.either(AuthEventFeedback.update(input)),
      (result) => assert.strictEqual(result._tag === "Right" ? "Success" : result.left._tag, outcome)
    ), { discard: true })

  it.effect("passes on the library's own calls over the memory layer, debug logging on", () =>
    Effect.gen(function*() {
      const captured = yield* AuthEventFeedbackTest.captureTelemetry(outcomesOfTheLibrary)
      assert.lengthOf(captured.secrets, Secrets.libraryCallSecrets)
      yield* outcomesOfTheLibrary.pipe(
        AuthEventFeedbackTest.expectNoSecrets(),
        Logger.withMinimumLogLevel(LogLevel.Debug)
      )
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: sampleSeed }))))

  it.effect("passes on the live client's calls over the simulator, retries included, debug logging on", () =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      const program = Effect.gen(function*() {
        yield* simulator.throttleNext(1)
        const fiber = yield* Effect.fork(outcomesOfTheLibrary)
        yield* TestClock.adjust("1 minute")
        yield* Fiber.join(fiber)
      })
      // the check is not vacuous: the client did log and trace, and saw every call
      const captured = yield* AuthEventFeedbackTest.captureTelemetry(program)
      assert.isTrue(Exit.isSuccess(captured.exit))
      assert.includeMembers(captured.logs.map((log) => log.message).flat(), ["retrying", "feedback recorded"])
      assert.include(captured.spans.map((span) => span.name), "Cognito.UpdateAuthEventFeedback")
      assert.lengthOf(captured.secrets, Secrets.libraryCallSecrets)
      yield* program.pipe(AuthEventFeedbackTest.expectNoSecrets(), Logger.withMinimumLogLevel(LogLevel.Debug))
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerHttp({ seed: sampleSeed }))))
})
