// End to end: the demo (`pnpm demo` runs `node packages/cli/dist/demo.js`).
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { demo, runScript } from "./support.js"

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
      assert.match(out, /attempt 3: success -> Recorded feedback Valid for event evt-2/)
      // 5. the dry run, secrets redacted
      assert.include(out, "x-amz-target: AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
      assert.include(out, "\"Username\":\"<redacted>\"")
      assert.include(out, "\"FeedbackToken\":\"<redacted>\"")
      assert.notInclude(out, "tok.valid")
      assert.notInclude(out, "tok.not-the-right-one")
    }))
})
