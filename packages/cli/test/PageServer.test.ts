/**
 * The feedback page's server under odd framing and slow or broken clients, over real sockets: every
 * refusal is the page's own response with its security headers, a refused connection closes, the
 * form leads back to the page from any path it is served on, and the origin check compares the
 * whole origin when the page knows it.
 */
import { AuthEventFeedbackTest, SimulatorSeed } from "@cognito-feedback/testkit"
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import * as Net from "node:net"
import { serve } from "../src/FeedbackPageCommand.js"
import type { Limits } from "../src/PageServer.js"
import { defaultLimits } from "../src/PageServer.js"

const Memory = AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed })
const pool = "us-east-1_Example1"
const path = FeedbackPage.defaultPath
const quick: Limits = { ...defaultLimits, headersTimeoutMillis: 400, requestTimeoutMillis: 800 }

const startPage = (options: Partial<FeedbackPage.Options> = {}, limits: Limits = quick) =>
  Effect.gen(function*() {
    const app = Either.getOrThrow(FeedbackPage.app({ productName: "Example", userPoolId: pool, ...options }))
    const url = yield* serve(app, { host: "127.0.0.1", port: 0, limits })
    return new URL(url)
  })

interface Exchange {
  /** Everything the server sent before it closed the connection. */
  readonly response: string
  /** Whether the server closed the connection within the wait. */
  readonly closed: boolean
}

/**
 * Writes `parts` to a new connection (`pause` ms apart), and reads until the server closes it or
 * `waitMillis` have passed.
 */
const exchange = (url: URL, parts: ReadonlyArray<string | Buffer>, pause = 0, waitMillis = 3_000) =>
  Effect.async<Exchange>((resume) => {
    const socket = Net.connect(Number(url.port), url.hostname)
    let response = ""
    let settled = false
    const done = (closed: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resume(Effect.succeed({ response, closed }))
    }
    const timer = setTimeout(() => done(false), waitMillis)
    socket.setEncoding("latin1")
    socket.on("data", (chunk: string) => (response += chunk))
    socket.on("end", () => done(true))
    socket.on("close", () => done(true))
    socket.on("error", () => done(true))
    socket.on("connect", () => {
      let index = 0
      const next = () => {
        if (settled || index >= parts.length) return
        const part = parts[index++]
        if (part !== undefined && socket.writable) socket.write(part)
        setTimeout(next, pause)
      }
      next()
    })
    return Effect.sync(() => socket.destroy())
  })

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)

const assertPageHeaders = (response: string, label: string) => {
  const head = response.slice(0, response.indexOf("\r\n\r\n")).toLowerCase()
  for (const [name, value] of Object.entries(FeedbackPage.securityHeaders)) {
    assert.include(head, `\r\n${name}: ${value.toLowerCase()}`, `${label}: ${name}`)
  }
}

const form = new URLSearchParams({
  username: "alice",
  "event-id": "evt-1",
  "feedback-token": "tok.valid-1",
  feedback: "invalid"
}).toString()

const chunked = (body: string, chunkSize: number): Array<string> => {
  const chunks: Array<string> = []
  for (let i = 0; i < body.length; i += chunkSize) {
    const chunk = body.slice(i, i + chunkSize)
    chunks.push(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
  }
  return [...chunks, "0\r\n\r\n"]
}

const post = (url: URL, headers: string, body: ReadonlyArray<string>) => [
  `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-www-form-urlencoded\r\n${headers}\r\n`,
  ...body
]

describe("the page's server", () => {
  it.live("a chunked body over 16 KiB gets the 413 page, and the connection closes", () =>
    Effect.gen(function*() {
      const url = yield* startPage()
      const body = `${form}&pad=${"x".repeat(20 * 1024)}`
      const result = yield* exchange(url, post(url, "Transfer-Encoding: chunked\r\n", chunked(body, 4096)))
      assert.strictEqual(statusOf(result.response), 413, result.response.slice(0, 200))
      assertPageHeaders(result.response, "413")
      assert.include(result.response.toLowerCase(), "connection: close")
      assert.isTrue(result.closed, "the connection stayed open")
    }).pipe(Effect.scoped, Effect.provide(Memory)))

  it.live("a declared body over 16 KiB gets the 413 page at once, and the connection closes", () =>
    Effect.gen(function*() {
      const url = yield* startPage()
      // the body is never sent: the answer must not wait for it
      const result = yield* exchange(url, post(url, "Content-Length: 20000\r\n", []))
      assert.strictEqual(statusOf(result.response), 413)
      assertPageHeaders(result.response, "413")
      assert.isTrue(result.closed, "the connection stayed open")
    }).pipe(Effect.scoped, Effect.provide(Memory)))

  it.live("the form leads back to the page after a trailing slash, and under any prefix", () =>
    Effect.gen(function*() {
      const url = yield* startPage()
      const link = FeedbackPage.links({ baseUrl: url.origin, userPoolId: pool }, {
        username: "alice",
        eventId: "evt-1",
        feedbackToken: "tok.valid-1"
      })
      assert.isTrue(Either.isRight(link))
      for (const served of [path, `${path}/`]) {
        const page = new URL(Either.getOrThrow(link).invalid)
        page.pathname = served
        const answer = yield* Effect.promise(() => fetch(page))
        const html = yield* Effect.promise(() => answer.text())
        const action = /<form method="post" action="([^"]*)">/.exec(html)?.[1]
        assert.isDefined(action, html)
        const target = new URL(action ?? "", page)
        assert.strictEqual(target.search, "", "the token must leave the address bar")
        const posted = yield* Effect.promise(() =>
          fetch(target, {
            method: "POST",
            body: new URLSearchParams(form),
            headers: { "sec-fetch-site": "same-origin" }
          })
        )
        assert.notStrictEqual(posted.status, 404, `${served} posts to ${target.pathname}`)
        assert.notStrictEqual(posted.status, 405, `${served} posts to ${target.pathname}`)
      }
      assert.strictEqual(FeedbackPage.securityHeaders["cache-control"], "no-store")
    }).pipe(Effect.scoped, Effect.provide(Memory)))

  it.live("every response the server sends has the page's headers: 404, 400, 431, 408", () =>
    Effect.gen(function*() {
      const url = yield* startPage()
      const host = `Host: ${url.host}\r\n`
      const cases: ReadonlyArray<readonly [number, ReadonlyArray<string>, number]> = [
        [404, [`GET /elsewhere HTTP/1.1\r\n${host}Connection: close\r\n\r\n`], 0],
        [400, [`GET ${path} HTTP/1.1\r\n${host}bad header line\r\n\r\n`], 0],
        [400, ["\u0000\u0001 not http\r\n\r\n"], 0],
        [431, [`GET ${path} HTTP/1.1\r\n${host}X-Big: ${"a".repeat(20 * 1024)}\r\n\r\n`], 0],
        // headers that never end: refused when the headers' time is up
        [408, [`GET ${path} HTTP/1.1\r\n`, host, "X-Slow: 1\r\n"], 100],
        // a body sent a byte at a time: refused when the request's time is up
        [408, post(url, "Content-Length: 2000\r\n", Array.from({ length: 40 }, () => "a")), 50]
      ]
      for (const [status, parts, pause] of cases) {
        const result = yield* exchange(url, parts, pause)
        assert.strictEqual(statusOf(result.response), status, result.response.slice(0, 300))
        assertPageHeaders(result.response, String(status))
        if (status !== 404) assert.isTrue(result.closed, `${status}: the connection stayed open`)
      }
    }).pipe(Effect.scoped, Effect.provide(Memory)), { timeout: 20_000 })

  it.live("with its public origin given, a form's Origin must match it whole, scheme included", () =>
    Effect.gen(function*() {
      const send = (url: URL, origin: string) =>
        Effect.promise(() =>
          fetch(new URL(path, url), {
            method: "POST",
            body: new URLSearchParams(form),
            headers: { origin }
          })
        )
      const behindProxy = yield* startPage({ publicOrigin: "https://feedback.example.com" })
      assert.strictEqual((yield* send(behindProxy, "http://feedback.example.com")).status, 403)
      assert.strictEqual((yield* send(behindProxy, "https://evil.example.com")).status, 403)
      assert.notStrictEqual((yield* send(behindProxy, "https://feedback.example.com")).status, 403)
      // without it, the host is what can be compared
      const plain = yield* startPage()
      assert.strictEqual((yield* send(plain, "http://evil.example.com")).status, 403)
      assert.notStrictEqual((yield* send(plain, `https://${plain.host}`)).status, 403)
      assert.isTrue(Either.isLeft(FeedbackPage.app({ productName: "x", publicOrigin: "https://a.example/path" })))
    }).pipe(Effect.scoped, Effect.provide(Memory)))
})
