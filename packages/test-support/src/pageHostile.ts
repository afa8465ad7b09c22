/**
 * The feedback page's hostile-input properties, for both editions: no query string or form body,
 * however hostile, gives a 5xx, a character the page did not escape, or the token or username
 * anywhere in the response (but the question's hidden fields), the logs or the spans. Each property
 * is its generator, the requests it sends and the checks on the answers (`node:assert`); an
 * edition's runner passes its `describe`, `it` and `PageDriver` to `hostileSuite`. Effect-free.
 */
import { parameters } from "@cognito-feedback/protocol/FeedbackLink"
import * as fc from "fast-check"
import * as assert from "node:assert/strict"
import type { Answer, Recorded } from "./pageClient.js"
import { aliceLink, hiddenFields, options, origin, pagePath, post } from "./pageClient.js"
import type { PageDriver } from "./pageDriver.js"
import { simulator, withPage } from "./pageDriver.js"
import type { TestApi } from "./testApi.js"

/** Pieces of text that break naive pages, URLs and parsers. */
export const piece = fc.constantFrom(
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
export const hostile = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(""))

/** Markers that make a token or username easy to find wherever it leaks. */
export const token = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9\-_=.]{4,40}$/).map((s) => `TKN${s}`),
  hostile.map((s) => `TKN${s}`)
)
export const username = fc.oneof(
  fc.stringMatching(/^[a-z0-9@.+_-]{2,20}$/).map((s) => `USR${s}`),
  hostile.map((s) => `USR${s}`)
)

const names = [...Object.values(parameters), "__proto__", "constructor", "", "feedback-token "] as const

/** A query or form: the page's parameters with valid, hostile or repeated values, and strangers. */
export const fields = fc.record({
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

export const encoded = (s: string): string => {
  try {
    return encodeURIComponent(s)
  } catch {
    return s // a lone surrogate: sent and looked for as it is
  }
}

export const isWellFormed = (s: string): boolean =>
  !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))

export const encodeEntries = (entries: ReadonlyArray<readonly [string, string]>, raw: boolean): string =>
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
export const assertEscaped = (body: string): void => {
  const text = body.replace(/<style>[\s\S]*?<\/style>/, "").replace(allowedTag, "")
  assert.doesNotMatch(text, /[<>"']/, "an unescaped character")
  assert.doesNotMatch(text.replace(/&(amp|lt|gt|quot|#39);/g, ""), /&/, "a bare &")
}

const notInclude = (text: string, part: string, message: string) =>
  assert.ok(!text.includes(part), `${message}: ${JSON.stringify(part)}`)

export const assertNoLeak = (
  secrets: ReadonlyArray<string>,
  answer: Answer,
  recorded: Recorded,
  question: boolean
): void => {
  const telemetry = recorded.telemetry().join("\n")
  for (const secret of secrets) {
    for (const form of new Set([secret, encoded(secret)])) notInclude(telemetry, form, "a secret in the logs or spans")
  }
  // on the question page, the link's values are in the hidden fields and only there
  const body = question ? answer.body.replace(/<input type="hidden"[^>]*>/g, "") : answer.body
  for (const secret of secrets) notInclude(body, secret, "a secret in the page")
}

/** The page's options of a property (`FeedbackPage.Options` of both editions); `undefined`: the suite's default. */
export interface PageOptions {
  readonly productName: string
  readonly userPoolId?: string | undefined
  readonly secureAccountUrl?: string | undefined
}

/** One hostile-input property: requests generated from `arbitrary`, sent in order, then checked. */
export interface HostileProperty<A> {
  readonly name: string
  readonly arbitrary: fc.Arbitrary<A>
  readonly runs: number
  readonly pageOptions?: PageOptions | undefined
  readonly requests: (value: A) => ReadonlyArray<Request>
  readonly check: (value: A, answers: ReadonlyArray<Answer>, recorded: Recorded) => void
}

const property = <A>(p: HostileProperty<A>): HostileProperty<unknown> => p as unknown as HostileProperty<unknown>

const oneOf = (status: number, allowed: ReadonlyArray<number>) =>
  assert.ok(allowed.includes(status), `status ${status} not in ${allowed.join(", ")}`)

const only = (answers: ReadonlyArray<Answer>): Answer => {
  const [answer] = answers
  assert.ok(answer !== undefined, "no answer")
  return answer
}

export const hostileProperties: ReadonlyArray<HostileProperty<unknown>> = [
  property({
    name: "GET with any query: 200 or 400, escaped, secrets nowhere but the hidden fields",
    arbitrary: fc.tuple(fields, fc.boolean()),
    runs: 150,
    requests: ([{ entries }, raw]) => [new Request(`${origin}${pagePath}?${encodeEntries(entries, raw)}`)],
    check: ([{ token, username }, raw], answers, recorded) => {
      const answer = only(answers)
      oneOf(answer.status, [200, 400])
      assertEscaped(answer.body)
      // (a lone surrogate reaches the server as U+FFFD: URLs cannot carry it)
      if (answer.status === 200 && !raw && isWellFormed(token + username)) {
        const shown = hiddenFields(answer.body)
        assert.strictEqual(shown["feedback-token"], token)
        assert.strictEqual(shown.username, username)
      }
      assertNoLeak([token, username], answer, recorded, answer.status === 200)
    }
  }),
  property({
    name: "GET with any raw query string: 200 or 400, escaped",
    arbitrary: fc.string({ unit: fc.oneof(piece, fc.char()), maxLength: 60 }),
    runs: 150,
    requests: (query) => [new Request(`${origin}${pagePath}?${query}`)],
    check: (_, answers) => {
      const answer = only(answers)
      oneOf(answer.status, [200, 400])
      assertEscaped(answer.body)
    }
  }),
  property({
    name: "POST with any form: no 5xx, escaped, the secrets in neither the page nor the logs and spans",
    arbitrary: fc.tuple(
      fields,
      fc.boolean(),
      fc.constantFrom("application/x-www-form-urlencoded", "text/plain", "multipart/form-data")
    ),
    runs: 150,
    pageOptions: { productName: "Example" },
    requests: ([{ entries }, raw, contentType]) => [
      post(encodeEntries([["user-pool-id", "us-east-1_Example1"], ...entries], raw), { "content-type": contentType })
    ],
    check: ([{ token, username }], answers, recorded) => {
      const answer = only(answers)
      oneOf(answer.status, [200, 400, 403, 404, 413])
      assertEscaped(answer.body)
      assertNoLeak([token, username], answer, recorded, false)
    }
  }),
  property({
    name: "POST with any bytes: no 5xx",
    arbitrary: fc.uint8Array({ maxLength: 200 }),
    runs: 100,
    requests: (bytes) => [
      post(""),
      new Request(`${origin}${pagePath}`, {
        method: "POST",
        body: new Blob([new Uint8Array(bytes)]),
        headers: { host: "x" }
      })
    ],
    check: (_, [empty, binary]) => {
      assert.strictEqual(empty?.status, 400)
      oneOf(binary?.status ?? 0, [200, 400])
      assertEscaped(binary?.body ?? "")
    }
  })
]

/** One hostile request with its checks. */
export interface HostileExample {
  readonly name: string
  /** New requests on each call (a `Request`'s body is read once). */
  readonly requests: () => ReadonlyArray<Request>
  readonly check: (answers: ReadonlyArray<Answer>, recorded: Recorded) => void
}

const aliceQuery = () => encodeEntries(Object.entries(aliceLink), false)

export const hostileExamples: ReadonlyArray<HostileExample> = [
  {
    name: "a path with parameters after `;` is logged as the page's route, not as received",
    requests: () => [new Request(`${origin}${pagePath};zqPathJunk=1?${aliceQuery()}`)],
    check: (answers, recorded) => {
      assert.strictEqual(only(answers).status, 200)
      const logs = recorded.logs()
      assert.ok(logs.some((line) => line.includes(`http.route=${pagePath}`)), logs.join("\n"))
      for (const line of [...logs, ...recorded.telemetry()]) notInclude(line, "zqPathJunk", "the path's parameters")
    }
  },
  {
    name: "the server's access log and span never see the query",
    requests: () => [new Request(`${origin}${pagePath}?${aliceQuery()}`)],
    check: (_, recorded) => {
      const telemetry = recorded.telemetry()
      assert.ok(telemetry.some((line) => line.includes("url.query=<redacted>")), telemetry.join("\n"))
      assert.ok(
        telemetry.some((line) => line.startsWith("url.full=") && line.endsWith(`${pagePath}?<redacted>`)),
        telemetry.join("\n")
      )
      assert.ok(
        recorded.logs().some((line) => line.includes(`http.route=${pagePath}`)),
        recorded.logs().join("\n")
      )
      for (const line of telemetry) {
        notInclude(line, "tok.valid-1", "the token")
        notInclude(line, "alice", "the username")
      }
    }
  }
]

/** The hostile-input suite: each property and example through the edition's page over the simulator. */
export const hostileSuite = ({ describe, it }: TestApi, driver: PageDriver): void => {
  const sendAll = (requests: ReadonlyArray<Request>, pageOptions: PageOptions | undefined) =>
    withPage(driver, pageOptions ?? options, simulator, async ({ recorded, send }) => {
      const answers: Array<Answer> = []
      for (const request of requests) answers.push(await send(request))
      return { answers, recorded }
    })

  describe("hostile input", () => {
    for (const property of hostileProperties) {
      it(property.name, () =>
        fc.assert(
          fc.asyncProperty(property.arbitrary, async (value) => {
            const { answers, recorded } = await sendAll(property.requests(value), property.pageOptions)
            property.check(value, answers, recorded)
          }),
          { numRuns: property.runs }
        ))
    }

    for (const example of hostileExamples) {
      it(example.name, async () => {
        const { answers, recorded } = await sendAll(example.requests(), undefined)
        example.check(answers, recorded)
      })
    }
  })
}
