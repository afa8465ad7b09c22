// End to end: `serve-feedback-page` in front of an emulator process, and `feedback-link-template`.
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { adminListUserAuthEvents, cli, Emulator, emulatorLayer, requestLines, startServer } from "./support.js"

const pool = "us-east-1_Example1"
const link = "user-pool-id=us-east-1_Example1&username=alice&event-id=evt-1&feedback-token=tok.valid-1&feedback=invalid"

const fetchText = (url: string, init?: RequestInit) =>
  Effect.promise(async () => {
    const response = await fetch(url, init)
    return { status: response.status, headers: response.headers, body: await response.text() }
  })

const sourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
const required = ["--user-pool-id", pool, "--source-arn", sourceArn] as const

describe("feedback-link-template", () => {
  it.live("prints the Valid and Invalid links with Cognito's placeholders, then each email", () =>
    Effect.gen(function*() {
      const result = yield* cli(["feedback-link-template", "--base-url", "https://example.com/app", ...required])
      assert.strictEqual(result.code, 0, result.stderr)
      const lines = result.stdout.split("\n")
      const valid = lines[1] ?? ""
      const invalid = lines[3] ?? ""
      assert.strictEqual(
        valid,
        "https://example.com/app/auth-events/feedback?user-pool-id=us-east-1_Example1&username={username}&" +
          "event-id={event-id}&feedback-token={feedback-token}&feedback=valid"
      )
      assert.strictEqual(invalid, valid.replace("feedback=valid", "feedback=invalid"))
      assert.notInclude(valid, "invalid")
      for (const email of ["NoActionEmail", "MfaEmail", "BlockEmail"]) assert.include(result.stdout, `\n${email} (`)
      assert.include(result.stdout, "Text body:")
      assert.include(result.stdout, "HTML body:")
      assert.include(result.stdout, `SourceArn: ${sourceArn}`)
    }))

  it.live("--output json prints exactly the web package's AccountTakeoverRiskConfiguration, pretty-printed", () =>
    Effect.gen(function*() {
      const result = yield* cli([
        "feedback-link-template",
        "--base-url",
        "https://example.com",
        ...required,
        "--from",
        "no-reply@example.com",
        "--output",
        "json"
      ])
      assert.strictEqual(result.code, 0, result.stderr)
      const expected = Either.getOrThrow(FeedbackPage.linkTemplates({
        baseUrl: "https://example.com",
        userPoolId: pool,
        sourceArn,
        from: "no-reply@example.com"
      }))
      assert.deepStrictEqual(JSON.parse(result.stdout), expected.riskConfiguration)
      assert.strictEqual(result.stdout, `${JSON.stringify(expected.riskConfiguration, null, 2)}\n`)
    }))

  it.live("--path, --reply-to, the actions and --no-notify change the configuration", () =>
    Effect.gen(function*() {
      const result = yield* cli([
        "feedback-link-template",
        "--base-url",
        "https://example.com",
        ...required,
        "--path",
        "/fb",
        "--reply-to",
        "Support <support@example.com>",
        "--high-action",
        "BLOCK",
        "--no-notify",
        "low",
        "--no-notify",
        "medium",
        "--output",
        "json"
      ])
      assert.strictEqual(result.code, 0, result.stderr)
      const risk = JSON.parse(result.stdout) as FeedbackPage.AccountTakeoverRiskConfiguration
      assert.deepStrictEqual(risk.Actions, {
        LowAction: { Notify: false, EventAction: "NO_ACTION" },
        MediumAction: { Notify: false, EventAction: "MFA_IF_CONFIGURED" },
        HighAction: { Notify: true, EventAction: "BLOCK" }
      })
      assert.strictEqual(risk.NotifyConfiguration.ReplyTo, "Support <support@example.com>")
      assert.isUndefined(risk.NotifyConfiguration.From)
      assert.include(risk.NotifyConfiguration.NoActionEmail.TextBody, "\nhttps://example.com/fb?user-pool-id=")
      assert.include(risk.NotifyConfiguration.BlockEmail.HtmlBody, "&amp;feedback=invalid")
    }))

  it.live("an option that cannot be used: exit 2, one line naming the flag as typed", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
        [
          ["--base-url", "https://example.com", "--user-pool-id", pool, "--source-arn", "no-reply@example.com"],
          "OptionsError: --source-arn: must be an ARN, e.g. arn:aws:ses:us-east-1:123456789012:identity/" +
          "no-reply@example.com\n"
        ],
        [
          ["--base-url", "example.com", ...required],
          "OptionsError: --base-url: must be an absolute http or https URL\n"
        ],
        [
          ["--base-url", "https://x.example", "--user-pool-id", "x", "--source-arn", sourceArn],
          "OptionsError: --user-pool-id: must match"
        ],
        [
          ["--base-url", "https://x.example", ...required, "--from", "nobody"],
          "OptionsError: --from: must be an email address"
        ],
        [["--base-url", "https://x.example", ...required, "--path", "fb"], "OptionsError: --path: must start with /"]
      ]
      for (const [args, message] of cases) {
        const result = yield* cli(["feedback-link-template", ...args])
        assert.strictEqual(result.code, 2, args.join(" "))
        assert.isTrue(result.stderr.startsWith(message), result.stderr)
        assert.strictEqual(result.stdout, "")
      }
      const json = yield* cli([
        "feedback-link-template",
        "--base-url",
        "https://x.example",
        "--user-pool-id",
        pool,
        "--source-arn",
        "x",
        "--output",
        "json"
      ])
      assert.strictEqual(json.code, 2)
      assert.deepStrictEqual(JSON.parse(json.stderr), {
        error: "OptionsError",
        message: "--source-arn: must be an ARN, e.g. arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
      })
      // --source-arn is required
      const missing = yield* cli(["feedback-link-template", "--base-url", "https://x.example", "--user-pool-id", pool])
      assert.strictEqual(missing.code, 2)
      assert.include(missing.stderr, "--source-arn")
    }))
})

describe("serve-feedback-page", () => {
  it.live("serves the page over the live client: GET and HEAD record nothing, the button's POST records", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator
      const skip = (yield* emulator.lines).length
      const page = yield* startServer([
        "serve-feedback-page",
        "--port",
        "0",
        "--endpoint-url",
        emulator.url,
        "--user-pool-id",
        pool,
        "--product-name",
        "Example"
      ])
      const url = `${page.url}/auth-events/feedback`
      const question = yield* fetchText(`${url}?${link}`)
      assert.strictEqual(question.status, 200)
      assert.include(question.body, "Was this you?")
      assert.strictEqual(question.headers.get("cache-control"), "no-store")
      const head = yield* fetchText(`${url}?${link}`, { method: "HEAD" })
      assert.strictEqual(head.status, 200)
      assert.deepStrictEqual(yield* requestLines(emulator, skip, 0), [])

      const recorded = yield* fetchText(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "username=alice&event-id=evt-1&feedback-token=tok.valid-1&feedback=invalid"
      })
      assert.strictEqual(recorded.status, 200)
      assert.include(recorded.body, "Thank you for telling us")
      const [line] = yield* requestLines(emulator, skip, 1)
      assert.match(line ?? "", /^UpdateAuthEventFeedback Success 200 /)
      const events = yield* adminListUserAuthEvents(emulator.url, pool, "alice")
      const event = events.AuthEvents.find((event) => event.EventId === "evt-1")
      assert.deepInclude(event?.EventFeedback, { FeedbackValue: "Invalid", Provider: "User" })

      const wrong = yield* fetchText(url, {
        method: "POST",
        body: new URLSearchParams({
          username: "alice",
          "event-id": "evt-1",
          "feedback-token": "tok.x",
          feedback: "valid"
        })
      })
      assert.strictEqual(wrong.status, 403)

      // the page's log lines are on standard error, without the query, the username or the token
      const stderr = yield* page.stderr
      assert.include(stderr, "http.route=/auth-events/feedback")
      assert.include(stderr, "feedback recorded")
      for (const secret of ["alice", "tok.valid-1", "tok.x"]) assert.notInclude(stderr, secret)
      page.child.kill("SIGTERM")
      assert.deepStrictEqual(yield* page.exited, { code: 0, signal: null })
    }).pipe(Effect.scoped, Effect.provide(emulatorLayer())))

  it.live("bad options: exit 2 with one line, nothing served", () =>
    Effect.gen(function*() {
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, RegExp]> = [
        [["--path", "feedback"], /^OptionsError: --path: must start with \//],
        [["--port", "70000"], /^ConfigurationError: --port: must be an integer from 0 to 65535/],
        [["--user-pool-id", "nope"], /^OptionsError: --user-pool-id: must match/],
        [["--secure-account-url", "javascript:x"], /^OptionsError: --secure-account-url:/],
        [["--max-attempts", "0"], /^ConfigurationError: --max-attempts/]
      ]
      for (const [args, message] of cases) {
        const result = yield* cli(["serve-feedback-page", ...args])
        assert.strictEqual(result.code, 2, args.join(" "))
        assert.match(result.stderr, message)
        assert.strictEqual(result.stdout, "")
      }
    }))
})
