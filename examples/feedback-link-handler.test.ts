/**
 * How a user tests their own code with the testkit: against the in-memory Cognito (seeded, with
 * recorded feedback read back), and over every possible outcome with the scripted layer.
 */
import { AuthEventFeedbackTest, CognitoArbitrary, CognitoSimulator, SimulatorSeed } from "@cognito-feedback/testkit"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { handleFeedbackLink } from "./feedback-link-handler.js"

const link = {
  userPoolId: "us-east-1_Example1",
  username: "alice",
  eventId: "evt-1",
  token: "tok.valid-1",
  wasMe: false
}

describe("handleFeedbackLink against the simulator", () => {
  it.effect("records 'this wasn't me' as Invalid feedback", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* handleFeedbackLink(link), "recorded")
      const simulator = yield* CognitoSimulator.CognitoSimulator
      const feedback = yield* simulator.feedbackOf(link.userPoolId, link.username, link.eventId)
      assert.strictEqual(Option.getOrUndefined(feedback)?.FeedbackValue, "Invalid")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))))

  it.effect("tells the user when the link no longer works", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* handleFeedbackLink({ ...link, token: "tok.used" }), "link-expired")
      assert.strictEqual(yield* handleFeedbackLink({ ...link, eventId: "bad id!" }), "bad-link")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))))

  it.effect("asks the user to try later when Cognito fails", () =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      yield* simulator.failNext(1)
      assert.strictEqual(yield* handleFeedbackLink(link), "try-again-later")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))))
})

describe("handleFeedbackLink over every outcome", () => {
  it.effect.prop(
    "never fails, and maps each outcome to what the page shows",
    [CognitoArbitrary.outcome],
    ([outcome]) =>
      Effect.gen(function*() {
        const shown = yield* handleFeedbackLink(link).pipe(
          Effect.provide(AuthEventFeedbackTest.layerScripted([outcome]))
        )
        if (outcome._tag === "Success") return assert.strictEqual(shown, "recorded")
        const expected = {
          NotAuthorizedException: "link-expired",
          UserNotFoundException: "unknown-user",
          InvalidParameterException: "bad-link",
          ResourceNotFoundException: "bad-link"
        }[outcome.error._tag as string] ?? "try-again-later"
        assert.strictEqual(shown, expected)
      })
  )
})
