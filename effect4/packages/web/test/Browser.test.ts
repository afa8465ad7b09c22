// In a real browser: headless Chromium (Debian's package) driven by playwright-core, against the
// Effect 4 page's `toWebHandler` served from this test (`node:http` on 127.0.0.1 port 0, closed
// with the scope) over the testkit's in-memory Cognito. The scenario (scanner, question, button,
// recorded; used link; damaged link; axe-core; screenshots in test/artifacts/) is the shared
// `@cognito-feedback/test-support/pageBrowser`.
import { AuthEventFeedback } from "@cognito-feedback/core"
import { runBrowserScenario, serveWebHandler } from "@cognito-feedback/test-support/pageBrowser"
import { textOf } from "@cognito-feedback/test-support/pageClient"
import { AuthEventFeedbackTest, CognitoSimulator, SimulatorSeed } from "@cognito-feedback/testkit"
import { FeedbackPage } from "@cognito-feedback/web"
import { describe, it } from "@effect/vitest"
import { Duration, Effect, Layer, Logger, Option, References } from "effect"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), "artifacts")
const pool = "us-east-1_Example1"

describe("the feedback page in Chromium", () => {
  it.live(
    "scanner, question, button, recorded; used link; malformed link; accessible; screenshots",
    () =>
      Effect.gen(function*() {
        const simulator = yield* CognitoSimulator.CognitoSimulator
        const service = yield* AuthEventFeedback.AuthEventFeedback
        let output = ""
        const logger = Logger.make(({ fiber, message }) => {
          const annotations = fiber.getRef(References.CurrentLogAnnotations)
          output += [
            ...(Array.isArray(message) ? message : [message]).map(textOf),
            ...Object.entries(annotations).map(([k, v]) => `${k}=${textOf(v)}`)
          ].join(" ") + "\n"
        })
        const { dispose, handler } = yield* Effect.fromResult(FeedbackPage.toWebHandler(
          { productName: "Example", secureAccountUrl: "https://example.com/account/security" },
          Layer.merge(Layer.succeed(AuthEventFeedback.AuthEventFeedback, service), Logger.layer([logger]))
        ))
        yield* Effect.addFinalizer(() => Effect.promise(dispose))
        const server = yield* Effect.acquireRelease(
          Effect.promise(() => serveWebHandler(handler)),
          (server) => Effect.promise(server.close)
        )
        const templates = yield* Effect.fromResult(FeedbackPage.linkTemplates({
          baseUrl: server.url,
          userPoolId: pool,
          sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
        }))
        yield* Effect.promise(() =>
          runBrowserScenario({
            url: server.url,
            templates,
            updates: () =>
              Effect.runPromise(
                Effect.map(simulator.calls, (calls) =>
                  calls.filter((call) => call.operation === "UpdateAuthEventFeedback").length)
              ),
            feedbackOf: (eventId) =>
              Effect.runPromise(Effect.map(simulator.feedbackOf(pool, "alice", eventId), Option.getOrUndefined)),
            output: () =>
              output,
            artifacts
          })
        )
      }).pipe(
        Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed })),
        Effect.timeout(Duration.seconds(150))
      ),
    180_000
  )
})
