// End to end: the demo (`pnpm demo` runs `node packages/cli/dist/demo.js`).
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { assert, describe, it } from "@effect/vitest"
import { Console, Duration, Effect, Fiber } from "effect"
import * as Walkthrough from "../src/Walkthrough.js"
import { demo, eventually, runScript } from "./support.js"

const pageLink = /^ +(http:\/\/127\.0\.0\.1:\d+\/auth-events\/feedback\?\S+)$/m

describe("the demo", () => {
  it.live("walks through every step against its own emulator and exits 0 within seconds", () =>
    Effect.gen(function*() {
      const started = Date.now()
      const result = yield* runScript(demo, [], { timeout: Duration.seconds(30) })
      assert.strictEqual(result.code, 0, result.stdout + result.stderr)
      assert.strictEqual(result.stderr, "")
      assert.isBelow(Date.now() - started, 20_000)
      const out = result.stdout
      assert.match(out, /against the emulator at http:\/\/127\.0\.0\.1:\d+/)
      // 1. recorded and read back
      assert.include(out, "Recorded feedback Invalid for event evt-1 in user pool us-east-1_Example1.")
      assert.match(
        out,
        /AdminListUserAuthEvents reads it back: evt-1 EventFeedback = \{ FeedbackValue: Invalid, Provider: User/
      )
      // 2. and 3.
      assert.match(out, /-> NotAuthorizedException: .+ \[request id: [0-9a-f-]{36}\]/)
      assert.match(out, /-> UserPoolAddOnNotEnabledException: .+ \[request id: [0-9a-f-]{36}\]/)
      // 4. two throttled attempts with their delays, then success
      assert.match(out, /attempt 1: TooManyRequestsException, retried after \d+ ms/)
      assert.match(out, /attempt 2: TooManyRequestsException, retried after \d+ ms/)
      assert.include(
        out,
        "ClientMetrics.retries{operation=UpdateAuthEventFeedback,retry_class=throttling} went up by 2"
      )
      assert.match(out, /attempt 3: success -> Recorded feedback Valid for event evt-2/)
      // 5. the dry run, secrets redacted
      assert.include(out, "x-amz-target: AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
      assert.include(out, "\"Username\":\"<redacted>\"")
      assert.include(out, "\"FeedbackToken\":\"<redacted>\"")
      // 6. the feedback page: a working link (the one place a token is printed: it is the email's
      // link), opened without recording anything, then its button
      const link = pageLink.exec(out)?.[1] ?? ""
      assert.include(link, "username=alice&event-id=evt-4&feedback-token=tok.valid-4&feedback=invalid")
      assert.include(out, "GET the link -> 200 \"Was this you?\" with one button; nothing recorded")
      assert.match(
        out,
        /POST the button's form -> 200 "Thank you for telling us"; .+ evt-4 EventFeedback = \{ FeedbackValue: Invalid, Provider: User \}/
      )
      const withoutLink = out.replace(link, "")
      assert.notInclude(withoutLink, "tok.valid")
      assert.notInclude(out, "tok.not-the-right-one")
    }))

  it.live("on a terminal, it ends by serving the page until interrupted", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const console = yield* Console.consoleWith(Effect.succeed)
      const fiber = yield* Walkthrough.run(NodeHttpClient.layerUndici, { interactive: true }).pipe(
        Effect.withConsole({ ...console, log: (...args) => Effect.sync(() => void lines.push(args.join(" "))) }),
        Effect.fork
      )
      const link = yield* eventually(
        "the page's link",
        Effect.sync(() => pageLink.exec(lines.join("\n"))?.[1])
      )
      yield* Effect.sleep(Duration.millis(300))
      assert.isNull(fiber.unsafePoll(), "still serving")
      const page = yield* Effect.promise(() =>
        fetch(link).then(async (r) => ({ status: r.status, body: await r.text() }))
      )
      assert.strictEqual(page.status, 200)
      assert.include(page.body, "Was this you?")
      assert.include(lines.join("\n"), "Serving the page until Ctrl-C.")
      yield* Fiber.interrupt(fiber)
      const closed = yield* Effect.promise(() => fetch(link).then(() => "answered", () => "closed"))
      assert.strictEqual(closed, "closed")
    }))
})
