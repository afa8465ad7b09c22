// The example's application answers its own routes and the page's, over the simulator.
import { AuthEventFeedbackTest, SimulatorSeed } from "@cognito-feedback/testkit"
import { HttpApp } from "@effect/platform"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { app } from "./feedback-page-server.js"

describe("the feedback page mounted in an application", () => {
  it.effect("serves the application's route and the page's", () =>
    Effect.gen(function*() {
      const handler = HttpApp.toWebHandlerRuntime(yield* Effect.runtime<never>())(
        (yield* app).pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed })))
      )
      const home = yield* Effect.promise(() => handler(new Request("http://localhost/")))
      assert.strictEqual(home.status, 200)
      const page = yield* Effect.promise(() =>
        handler(
          new Request(
            "http://localhost/auth-events/feedback?username=alice&event-id=evt-1&feedback-token=tok.valid-1&feedback=valid"
          )
        )
      )
      assert.strictEqual(page.status, 200)
      assert.include(yield* Effect.promise(() => page.text()), "Was this you?")
    }))
})
