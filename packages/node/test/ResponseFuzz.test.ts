/**
 * The whole response path under random input, over a real socket and every transport: for any
 * status, headers and body bytes a server sends, a call ends in a typed success or a typed
 * failure, never a defect or a hang.
 */
import { AuthEventFeedback, CognitoError, RetryPolicy } from "@cognito-feedback/core"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Context, Effect, Exit, FastCheck as fc, Layer, Schema } from "effect"
import * as net from "node:net"
import type { AddressInfo } from "node:net"
import { liveClients, request } from "./liveClients.js"

interface RawReply {
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: Uint8Array
}

const headerName = fc.oneof(
  fc.constantFrom(
    "x-amzn-errortype",
    "X-Amzn-ErrorType",
    "retry-after",
    "x-amz-retry-after",
    "x-amzn-requestid",
    "content-type",
    "content-encoding",
    "content-length-ish"
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)
)
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  fc.constantFrom("TooManyRequestsException", "aws#NotAuthorizedException:http://x", "-1", "NaN", "1e400", "gzip")
)
const jsonish = fc.oneof(
  fc.json().map((s) => new TextEncoder().encode(s)),
  fc.record({ __type: fc.string(), message: fc.anything(), code: fc.anything() }, { requiredKeys: [] }).map((o) =>
    new TextEncoder().encode(JSON.stringify(o))
  )
)

const reply: fc.Arbitrary<RawReply> = fc.record({
  status: fc.integer({ min: 200, max: 599 }),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
  body: fc.oneof(fc.uint8Array({ maxLength: 512 }), jsonish)
})

const nullBodyStatus = new Set([204, 205, 304])

/** The reply as raw HTTP/1.1 bytes, framed by its length; the connection closes after it. */
const encode = (r: RawReply): Buffer => {
  const body = nullBodyStatus.has(r.status) ? new Uint8Array() : r.body
  const head = [
    `HTTP/1.1 ${r.status} Fuzz`,
    ...r.headers.map(([name, value]) => `${name}: ${value}`),
    `content-length: ${body.length}`,
    "connection: close",
    "",
    ""
  ].join("\r\n")
  return Buffer.concat([Buffer.from(head, "latin1"), body])
}

/** A server that answers every request with whatever `current()` says, byte for byte. */
const rawServer = (current: () => RawReply) =>
  Effect.acquireRelease(
    Effect.async<net.Server>((resume) => {
      const server = net.createServer((socket) => {
        let received = Buffer.alloc(0)
        socket.on("error", () => {})
        socket.on("data", (chunk) => {
          received = Buffer.concat([received, chunk])
          const end = received.indexOf("\r\n\r\n")
          if (end === -1) return
          const length = Number(/content-length: *(\d+)/i.exec(received.subarray(0, end).toString("latin1"))?.[1] ?? 0)
          if (received.length >= end + 4 + length) socket.end(encode(current()))
        })
      })
      server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
    }),
    (server) =>
      Effect.async<void>((resume) => {
        server.close(() => resume(Effect.void))
      })
  )

describe.each(liveClients)("fuzzing the response path ($name)", (client) => {
  it.live("1000 random responses over a socket: always a typed success or failure", () =>
    Effect.gen(function*() {
      let current: RawReply = { status: 200, headers: [], body: new Uint8Array() }
      const server = yield* rawServer(() => current)
      const { port } = server.address() as AddressInfo
      const context = yield* Layer.build(
        client.layer({
          endpoint: `http://127.0.0.1:${port}`,
          retryPolicy: RetryPolicy.disabled,
          attemptTimeout: "5 seconds"
        })
      )
      const service = Context.get(context, AuthEventFeedback.AuthEventFeedback)
      const isTyped = Schema.is(CognitoError.UpdateAuthEventFeedbackError)
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(reply, async (r) => {
            current = r
            const exit = await Effect.runPromiseExit(service.update(request))
            if (Exit.isFailure(exit)) {
              assert.isTrue(Cause.isFailType(exit.cause), Cause.pretty(exit.cause))
              const error = Cause.squash(exit.cause)
              assert.isTrue(isTyped(error))
              // nothing a server sends makes a timeout: every reply here is complete
              assert.notStrictEqual((error as { reason?: string }).reason, "Timeout")
            } else {
              assert.isTrue(r.status >= 200 && r.status < 300)
            }
          }),
          { numRuns: 1000 }
        )
      )
    }).pipe(Effect.scoped), { timeout: 120_000 })
})
