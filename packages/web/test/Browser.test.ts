// In a real browser: headless Chromium (Debian's package, which .ci/run installs) driven by
// playwright-core, against `cognito-feedback serve-feedback-page` in front of an emulator process.
// The scenario (scanner, question, button, recorded; used link; damaged link; axe-core; screenshots
// in test/artifacts/) is the shared `@cognito-feedback/test-support/pageBrowser`.
import { runBrowserScenario } from "@cognito-feedback/test-support/pageBrowser"
import { FeedbackPage } from "@cognito-feedback/web"
import { describe, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { feedbackOf, startServer } from "./processes.js"

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), "artifacts")
const pool = "us-east-1_Example1"

describe("the feedback page in Chromium", () => {
  it.live(
    "scanner, question, button, recorded; used link; malformed link; accessible; screenshots",
    () =>
      Effect.gen(function*() {
        const emulator = yield* startServer(["emulator", "--port", "0"])
        const server = yield* startServer([
          "serve-feedback-page",
          "--port",
          "0",
          "--endpoint-url",
          emulator.url,
          "--product-name",
          "Example",
          "--secure-account-url",
          "https://example.com/account/security"
        ])
        const templates = yield* FeedbackPage.linkTemplates({
          baseUrl: server.url,
          userPoolId: pool,
          sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
        })
        yield* Effect.promise(() =>
          runBrowserScenario({
            url: server.url,
            templates,
            updates: () =>
              Promise.resolve(
                emulator.lines().filter((line) => line.startsWith("UpdateAuthEventFeedback ")).length
              ),
            feedbackOf: (eventId) => Effect.runPromise(feedbackOf(emulator.url, pool, "alice", eventId)),
            output: server.stderr,
            artifacts
          })
        )
      }).pipe(Effect.scoped, Effect.timeout(Duration.seconds(150))),
    180_000
  )
})
