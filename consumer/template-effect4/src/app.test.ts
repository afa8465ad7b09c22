// The app's tests on Effect 4: the handler over the testkit's in-memory layer and its arbitraries,
// the Node transport and the live client over fetch against the testkit's emulator.
import { AuthEventFeedbackNode } from "@cognito-feedback/node"
import { AuthEventFeedbackTest, CognitoArbitrary, SimulatorSeed } from "@cognito-feedback/testkit"
import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as Arbitrary from "effect/Arbitrary"
import { CognitoLive, expectedOutcomes, sampleLinks } from "./app.js"
import { handleFeedbackLink } from "./feedback-link-handler.js"

describe("the app on Effect 4", () => {
  it.effect("in memory: the seed's token is recorded once, then the link has expired", () =>
    Effect.gen(function*() {
      const [first] = sampleLinks
      if (first === undefined) throw new Error("no sample link")
      assert.strictEqual(yield* handleFeedbackLink(first), "recorded")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))))

  it.effect("any valid input the arbitraries draw gets an outcome, never a defect", () =>
    Effect.gen(function*() {
      const inputs = yield* Arbitrary.sampleEffect(CognitoArbitrary.validInput, { count: 20 })
      for (const input of inputs) {
        const outcome = yield* handleFeedbackLink({
          userPoolId: input.UserPoolId,
          username: "alice",
          eventId: input.EventId,
          token: "tok.drawn",
          wasMe: input.FeedbackValue === "Valid"
        })
        assert.include(["recorded", "link-expired", "unknown-user", "bad-link", "try-again-later"], outcome)
      }
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory())))

  it.effect("the live client over fetch against the emulator: recorded, link expired, bad link", () =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.CognitoEmulator
      const overFetch = yield* Effect.forEach(sampleLinks, handleFeedbackLink).pipe(
        Effect.provide(CognitoLive(emulator.url))
      )
      assert.deepStrictEqual(overFetch, expectedOutcomes)
    }).pipe(Effect.provide(CognitoEmulator.layerWithSimulator({ seed: SimulatorSeed.sampleSeed }))))

  it.effect("the node:http transport against the emulator", () =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.CognitoEmulator
      const outcomes = yield* Effect.forEach(sampleLinks, handleFeedbackLink).pipe(
        Effect.provide(AuthEventFeedbackNode.layer({ endpoint: emulator.url, maxAttempts: 2 }))
      )
      assert.deepStrictEqual(outcomes, expectedOutcomes)
    }).pipe(Effect.provide(CognitoEmulator.layerWithSimulator({ seed: SimulatorSeed.sampleSeed }))))
})
