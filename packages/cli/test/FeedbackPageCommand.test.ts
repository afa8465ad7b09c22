// End to end: `serve-feedback-page` in front of an emulator process, and `feedback-link-template`.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { adminListUserAuthEvents, cli, Emulator, emulatorLayer, requestLines, startServer } from "./support.js"

const pool = "us-east-1_Example1"
const link = "user-pool-id=us-east-1_Example1&username=alice&event-id=evt-1&feedback-token=tok.valid-1&feedback=invalid"

const fetchText = (url: string, init?: RequestInit) =>
  Effect.promise(async () => {
    const response = await fetch(url, init)
    return { status: response.status, headers: response.headers, body: await response.text() }
  })

describe("feedback-link-template", () => {
  it.live("prints the Valid and Invalid links with Cognito's placeholders, then the email", () =>
    Effect.gen(function*() {
      const result = yield* cli([
        "feedback-link-template",
        "--base-url",
        "https://example.com/app",
        "--user-pool-id",
        pool
      ])
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
      assert.include(result.stdout, "Email text body:")
      assert.include(result.stdout, "Email HTML body:")
    }))

  it.live("--output json gives one object; --path changes the links; --sign-in-details adds the details", () =>
    Effect.gen(function*() {
      const result = yield* cli([
        "feedback-link-template",
        "--base-url",
        "https://example.com",
        "--user-pool-id",
        pool,
        "--path",
        "/fb",
        "--output",
        "json",
        "--sign-in-details"
      ])
      assert.strictEqual(result.code, 0, result.stderr)
      const templates = JSON.parse(result.stdout) as { valid: string; invalid: string; email: { htmlBody: string } }
      assert.isTrue(templates.valid.startsWith("https://example.com/fb?"))
      assert.include(templates.valid, "&city={city}&country={country}&device-name={device-name}")
      assert.include(templates.email.htmlBody, "&amp;feedback=invalid")
    }))

  it.live("a bad base URL or pool id: exit 2, one line naming the option", () =>
    Effect.gen(function*() {
      const bad = yield* cli(["feedback-link-template", "--base-url", "example.com", "--user-pool-id", pool])
      assert.strictEqual(bad.code, 2)
      assert.strictEqual(bad.stderr, "OptionsError: baseUrl: must be an absolute http or https URL\n")
      const pool2 = yield* cli(["feedback-link-template", "--base-url", "https://x.example", "--user-pool-id", "x"])
      assert.strictEqual(pool2.code, 2)
      assert.match(pool2.stderr, /^OptionsError: userPoolId: must match/)
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
        [["--path", "feedback"], /^OptionsError: path: must start with \//],
        [["--port", "70000"], /^ConfigurationError: --port: must be an integer from 0 to 65535/],
        [["--user-pool-id", "nope"], /^OptionsError: userPoolId: must match/],
        [["--secure-account-url", "javascript:x"], /^OptionsError: secureAccountUrl:/],
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
