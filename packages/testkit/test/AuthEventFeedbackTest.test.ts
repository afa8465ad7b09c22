import { AuthEventFeedback, CognitoError, RetryPolicy } from "@cognito-feedback/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, FastCheck as fc, Fiber, Option, Redacted, TestClock } from "effect"
import * as AuthEventFeedbackTest from "../src/AuthEventFeedbackTest.js"
import * as CognitoArbitrary from "../src/CognitoArbitrary.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import { sampleSeed } from "../src/SimulatorSeed.js"

const alice = {
  UserPoolId: "us-east-1_Example1",
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
} as const

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
