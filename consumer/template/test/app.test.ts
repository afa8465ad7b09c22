import { AuthEventFeedbackTest, CognitoArbitrary, CognitoSimulator, SimulatorSeed } from "@cognito-feedback/testkit"
import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import type { FeedbackLink } from "../src/app.js"
import { CognitoLive, expectedOutcomes, handleFeedbackLink, sampleLinks } from "../src/app.js"

const link: FeedbackLink = {
  userPoolId: "us-east-1_Example1",
  username: "alice",
  eventId: "evt-1",
  token: "tok.valid-1",
  wasMe: false
}

describe("the app, with the testkit", () => {
  it.effect("records 'this wasn't me' in the in-memory Cognito", () =>
    Effect.gen(function*() {
      assert.strictEqual(yield* handleFeedbackLink(link), "recorded")
      const simulator = yield* CognitoSimulator.CognitoSimulator
      const feedback = yield* simulator.feedbackOf(link.userPoolId, link.username, link.eventId)
      assert.strictEqual(Option.getOrUndefined(feedback)?.FeedbackValue, "Invalid")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))))

  it.effect.prop("maps every outcome, never fails", [CognitoArbitrary.outcome], ([outcome]) =>
    Effect.gen(function*() {
      const shown = yield* handleFeedbackLink(link).pipe(Effect.provide(AuthEventFeedbackTest.layerScripted([outcome])))
      if (outcome._tag === "Success") assert.strictEqual(shown, "recorded")
      else assert.notStrictEqual(shown, "recorded")
    }))

  it.effect("the live client over fetch against the testkit's emulator", () =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.CognitoEmulator
      const outcomes = yield* Effect.forEach(sampleLinks, handleFeedbackLink).pipe(
        Effect.provide(CognitoLive(emulator.url))
      )
      assert.deepStrictEqual(outcomes, expectedOutcomes)
    }).pipe(Effect.provide(CognitoEmulator.layerWithSimulator({ seed: SimulatorSeed.sampleSeed }))))
})
