// The app's live client over fetch against the testkit's emulator (its own entry point). The
// in-memory layers and the arbitraries are exercised by feedback-link-handler.test.ts.
import { SimulatorSeed } from "@cognito-feedback/testkit"
import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { CognitoLive, expectedOutcomes, sampleLinks } from "./app.js"
import { handleFeedbackLink } from "./feedback-link-handler.js"

describe("the app against the testkit's emulator", () => {
  it.effect("the live client over fetch: recorded, link expired, bad link", () =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.CognitoEmulator
      const outcomes = yield* Effect.forEach(sampleLinks, handleFeedbackLink).pipe(
        Effect.provide(CognitoLive(emulator.url))
      )
      assert.deepStrictEqual(outcomes, expectedOutcomes)
    }).pipe(Effect.provide(CognitoEmulator.layerWithSimulator({ seed: SimulatorSeed.sampleSeed }))))
})
