// Every outcome of the page (Effect 4) over the testkit's simulator: the status, the words a person
// reads, and what the simulator recorded (nothing at all on GET and HEAD). The suite is the shared
// `@cognito-feedback/test-support/pageSuite`; this runs it through the Effect 4 page, and adds what
// only this edition has: the page's routes as a Layer, merged into an application's router.
import { feedbackPageSuite } from "@cognito-feedback/test-support/pageSuite"
import { AuthEventFeedbackTest, SimulatorSeed } from "@cognito-feedback/testkit"
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServerResponse } from "effect/http"
import { aliceLink, driver, linkTo, options, origin } from "./support.js"

feedbackPageSuite({ describe, it }, driver)

describe("the web handler", () => {
  it.effect("the routes merge into an application's router, next to its own routes and the service", () =>
    Effect.gen(function*() {
      const page = yield* Effect.fromResult(FeedbackPage.router(options))
      const health = HttpRouter.add("GET", "/health", HttpServerResponse.text("ok"))
      const memory = AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed })
      const { dispose, handler } = HttpRouter.toWebHandler(Layer.mergeAll(page, health, memory))
      yield* Effect.addFinalizer(() => Effect.promise(dispose))
      const question = yield* Effect.promise(() => handler(new Request(linkTo(aliceLink))))
      assert.strictEqual(question.status, 200)
      const ok = yield* Effect.promise(() => handler(new Request(`${origin}/health`)))
      assert.strictEqual(yield* Effect.promise(() => ok.text()), "ok")
      // without `app`'s catch-all, another path gets the router's own 404
      const other = yield* Effect.promise(() => handler(new Request(`${origin}/other`)))
      assert.strictEqual(other.status, 404)
    }))
})
