// Property tests: no query string or form body, however hostile, gives a defect, a 5xx, a
// character the page did not escape, or the token or username anywhere in the response (but the
// question's hidden fields), the logs or the spans.
import { AuthEventFeedbackTest, SimulatorSeed } from "@cognito-feedback/testkit"
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import type { Answer, Recorded } from "./support.js"
import { aliceLink, hiddenFields, makePage, origin, post } from "./support.js"

const Memory = AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed })

/** Pieces of text that break naive pages, URLs and parsers. */
const piece = fc.constantFrom(
  "<",
  ">",
  "&",
  "\"",
  "'",
  "`",
  "=",
  "?",
  "+",
  "%",
  "%3C",
  "%22",
  "%2",
  "%%",
  "#",
  ";",
  "/",
  " ",
  "\u0000",
  "\n",
  "é",
  "😀",
  "\ud800",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:",
  "&amp;",
  "a",
  "Z",
  "1",
  "-",
  "_",
  "."
)
const hostile = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(""))

/** Markers that make a token or username easy to find wherever it leaks. */
const token = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9\-_=.]{4,40}$/).map((s) => `TKN${s}`),
  hostile.map((s) => `TKN${s}`)
)
const username = fc.oneof(
  fc.stringMatching(/^[a-z0-9@.+_-]{2,20}$/).map((s) => `USR${s}`),
  hostile.map((s) => `USR${s}`)
)

const names = [...Object.values(FeedbackPage.parameters), "__proto__", "constructor", "", "feedback-token "] as const

/** A query or form: the page's parameters with valid, hostile or repeated values, and strangers. */
const fields = fc.record({
  token,
  username,
  others: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), hostile), fc.oneof(hostile, fc.constant("evt-1")))),
  feedback: fc.constantFrom("valid", "invalid", "Valid", "INVALID", "", "maybe"),
  order: fc.boolean()
}).map(({ feedback, order, others, token, username }) => {
  const own: Array<readonly [string, string]> = [
    ["username", username],
    ["feedback-token", token],
    ["event-id", "evt-1"],
    ["feedback", feedback]
  ]
  return { token, username, entries: order ? [...own, ...others] : [...others, ...own] }
})

const encoded = (s: string) => {
  try {
    return encodeURIComponent(s)
  } catch {
    return s // a lone surrogate: sent and looked for as it is
  }
}

const isWellFormed = (s: string) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))

const encodeEntries = (entries: ReadonlyArray<readonly [string, string]>, raw: boolean) =>
  entries.map(([k, v]) => raw ? `${k}=${v}` : `${encoded(k)}=${encoded(v)}`).join("&")

const allowedTag = new RegExp(
  [
    "<!doctype html>",
    "<html lang=\"[^\"<>]*\">",
    "<meta charset=\"utf-8\">",
    "<meta name=\"(viewport|robots)\" content=\"[^\"<>]*\">",
    "</?(html|head|title|style|body|main|p|h1|form|button|a)>",
    "<p class=\"product\">",
    "<form method=\"post\" action=\"[^\"<>]*\">",
    "<input type=\"hidden\" name=\"[^\"<>]*\" value=\"[^\"<>]*\">",
    "<button type=\"submit\" class=\"(valid|invalid)\">",
    "<a href=\"[^\"<>]*\">"
  ].map((tag) => `(?:${tag})`).join("|"),
  "g"
)

/** Once the page's own tags and stylesheet are removed, no markup character is left unescaped. */
const assertEscaped = (body: string) => {
  const text = body.replace(/<style>[\s\S]*?<\/style>/, "").replace(allowedTag, "")
  assert.notMatch(text, /[<>"']/, "an unescaped character")
  assert.notMatch(text.replace(/&(amp|lt|gt|quot|#39);/g, ""), /&/, "a bare &")
}

const assertNoLeak = (secrets: ReadonlyArray<string>, answer: Answer, recorded: Recorded, question: boolean) => {
  const telemetry = recorded.telemetry().join("\n")
  for (const secret of secrets) {
    for (const form of new Set([secret, encoded(secret)])) {
      assert.notInclude(telemetry, form, "a secret in the logs or spans")
    }
  }
  if (question) {
    // on the question page, the link's values are in the hidden fields and only there
    const withoutFields = answer.body.replace(/<input type="hidden"[^>]*>/g, "")
    for (const secret of secrets) assert.notInclude(withoutFields, secret)
  } else {
    for (const secret of secrets) assert.notInclude(answer.body, secret)
  }
}

describe("hostile input", () => {
  it.effect.prop(
    "GET with any query: 200 or 400, escaped, secrets nowhere but the hidden fields",
    [fields, fc.boolean()],
    ([{ entries, token, username }, raw]) =>
      Effect.gen(function*() {
        const { recorded, send } = yield* makePage()
        const answer = yield* send(new Request(`${origin}${FeedbackPage.defaultPath}?${encodeEntries(entries, raw)}`))
        assert.oneOf(answer.status, [200, 400])
        assertEscaped(answer.body)
        // (a lone surrogate reaches the server as U+FFFD: URLs cannot carry it)
        if (answer.status === 200 && !raw && isWellFormed(token + username)) {
          const fieldsShown = hiddenFields(answer.body)
          assert.strictEqual(fieldsShown["feedback-token"], token)
          assert.strictEqual(fieldsShown.username, username)
        }
        assertNoLeak([token, username], answer, recorded, answer.status === 200)
      }).pipe(Effect.provide(Memory)),
    { fastCheck: { numRuns: 150 } }
  )

  it.effect.prop(
    "GET with any raw query string: 200 or 400, escaped",
    [fc.string({ unit: fc.oneof(piece, fc.char()), maxLength: 60 })],
    ([query]) =>
      Effect.gen(function*() {
        const { send } = yield* makePage()
        const answer = yield* send(new Request(`${origin}${FeedbackPage.defaultPath}?${query}`))
        assert.oneOf(answer.status, [200, 400])
        assertEscaped(answer.body)
      }).pipe(Effect.provide(Memory)),
    { fastCheck: { numRuns: 150 } }
  )

  it.effect.prop(
    "POST with any form: no 5xx, escaped, the secrets in neither the page nor the logs and spans",
    [fields, fc.boolean(), fc.constantFrom("application/x-www-form-urlencoded", "text/plain", "multipart/form-data")],
    ([{ entries, token, username }, raw, contentType]) =>
      Effect.gen(function*() {
        const { recorded, send } = yield* makePage({ productName: "Example" })
        const answer = yield* send(
          post(encodeEntries([["user-pool-id", "us-east-1_Example1"], ...entries], raw), {
            "content-type": contentType
          })
        )
        assert.oneOf(answer.status, [200, 400, 403, 404, 413])
        assertEscaped(answer.body)
        assertNoLeak([token, username], answer, recorded, false)
      }).pipe(Effect.provide(Memory)),
    { fastCheck: { numRuns: 150 } }
  )

  it.effect.prop(
    "POST with any bytes: no 5xx",
    [fc.uint8Array({ maxLength: 200 })],
    ([bytes]) =>
      Effect.gen(function*() {
        const { send } = yield* makePage()
        const answer = yield* send(post(""))
        const binary = yield* send(
          new Request(`${origin}${FeedbackPage.defaultPath}`, {
            method: "POST",
            body: new Blob([new Uint8Array(bytes)]),
            headers: { host: "x" }
          })
        )
        assert.strictEqual(answer.status, 400)
        assert.oneOf(binary.status, [200, 400])
        assertEscaped(binary.body)
      }).pipe(Effect.provide(Memory)),
    { fastCheck: { numRuns: 100 } }
  )

  it.effect("a path with parameters after `;` is logged as the page's route, not as received", () =>
    Effect.gen(function*() {
      const { recorded, send } = yield* makePage()
      const answer = yield* send(
        new Request(
          `${origin}${FeedbackPage.defaultPath};zqPathJunk=1?${encodeEntries(Object.entries(aliceLink), false)}`
        )
      )
      assert.strictEqual(answer.status, 200)
      const logs = recorded.logs()
      assert.isTrue(logs.some((line) => line.includes(`http.route=${FeedbackPage.defaultPath}`)), logs.join("\n"))
      for (const line of [...logs, ...recorded.telemetry()]) assert.notInclude(line, "zqPathJunk")
    }).pipe(Effect.provide(Memory)))

  it.effect("the platform's access log and server span never see the query", () =>
    Effect.gen(function*() {
      const { recorded, send } = yield* makePage()
      yield* send(
        new Request(`${origin}${FeedbackPage.defaultPath}?${encodeEntries(Object.entries(aliceLink), false)}`)
      )
      const telemetry = recorded.telemetry()
      assert.isTrue(telemetry.some((line) => line.includes("url.query=<redacted>")), telemetry.join("\n"))
      assert.isTrue(
        telemetry.some((line) =>
          line.startsWith("url.full=") && line.endsWith(`${FeedbackPage.defaultPath}?<redacted>`)
        ),
        telemetry.join("\n")
      )
      assert.isTrue(
        recorded.logs().some((line) => line.includes(`http.route=${FeedbackPage.defaultPath}`)),
        recorded.logs().join("\n")
      )
      for (const line of telemetry) {
        assert.notInclude(line, "tok.valid-1")
        assert.notInclude(line, "alice")
      }
    }).pipe(Effect.provide(Memory)))
})
