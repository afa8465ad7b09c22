/**
 * The response path under random input, for both editions' fuzz suites: fast-check generators of
 * raw HTTP/1.1 replies — fully random, the protocol's golden wire cases as they are (then the call
 * must end with the case's expected `_tag`), or mutated (an extra, repeated or re-cased header, a
 * body cut short or with a byte changed, another status) — a raw socket server that answers with
 * them byte for byte, and the verdict on a call's outcome. Effect-free: each edition's runner maps
 * its exit to an `Outcome` and runs the property with `fc.assert`.
 */
import * as TransportFailure from "@cognito-feedback/protocol/TransportFailure"
import * as WireCases from "@cognito-feedback/protocol/WireCases"
import * as fc from "fast-check"
import * as net from "node:net"
import type { AddressInfo } from "node:net"

/** Responses a run, in all: shared by the live clients. */
export const totalRuns = 10_000

export interface RawReply {
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: Uint8Array
  /** The reply closes the connection after it (else the connection stays open for the next). */
  readonly close: boolean
  /** The golden case it is, unmutated: the call must end with its expected `_tag`. */
  readonly golden?: WireCases.ResponseCase | undefined
  /** Sent without `Content-Length` (only what RFC 9110 requires of a 204 is sent so). */
  readonly unframed?: true
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

/** Any status, up to six random headers, random bytes or JSON-ish bodies. */
export const randomReply: fc.Arbitrary<RawReply> = fc.record({
  status: fc.integer({ min: 200, max: 599 }),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
  body: fc.oneof(fc.uint8Array({ maxLength: 512 }), jsonish),
  close: fc.constant(false)
})

const bytesOf = (body: WireCases.ResponseCase["body"]): Uint8Array =>
  typeof body === "string" ? new TextEncoder().encode(body) : Uint8Array.from(body)

/** A golden response case as it is. */
export const goldenReply: fc.Arbitrary<RawReply> = fc.constantFrom(...WireCases.responseCases).map((c) => ({
  status: c.status,
  headers: c.headers,
  body: bytesOf(c.body),
  close: false,
  golden: c
}))

type Mutation = (reply: RawReply) => fc.Arbitrary<RawReply>
const mutations: ReadonlyArray<Mutation> = [
  // an extra header, anywhere
  (r) =>
    fc.tuple(fc.tuple(headerName, headerValue), fc.nat(r.headers.length)).map(([extra, at]) => ({
      ...r,
      headers: [...r.headers.slice(0, at), extra, ...r.headers.slice(at)]
    })),
  // one of its headers repeated, with another value
  (r) =>
    r.headers.length === 0 ? fc.constant(r) : fc.tuple(fc.nat(r.headers.length - 1), headerValue).map(([i, value]) => ({
      ...r,
      headers: [...r.headers, [r.headers[i]?.[0] ?? "x-extra", value] as const]
    })),
  // every header name in another case
  (r) =>
    fc.boolean().map((upper) => ({
      ...r,
      headers: r.headers.map(([name, value]) => [upper ? name.toUpperCase() : name.toLowerCase(), value] as const)
    })),
  // the body cut short
  (r) => fc.nat(Math.max(0, r.body.length - 1)).map((length) => ({ ...r, body: r.body.subarray(0, length) })),
  // a byte of the body changed
  (r) =>
    r.body.length === 0 ? fc.constant(r) : fc.tuple(fc.nat(r.body.length - 1), fc.integer({ min: 0, max: 255 })).map((
      [i, byte]
    ) => {
      const body = Uint8Array.from(r.body)
      body[i] = byte
      return { ...r, body }
    }),
  // another status
  (r) => fc.integer({ min: 200, max: 599 }).map((status) => ({ ...r, status }))
]

/** A golden case, changed by one mutation: no longer golden. */
export const mutatedGolden: fc.Arbitrary<RawReply> = fc.tuple(goldenReply, fc.constantFrom(...mutations)).chain((
  [r, mutate]
) => mutate({ ...r, golden: undefined }))

/** Three in ten golden cases as they are, three mutated, four random; closing the connection or not. */
export const reply = (close: boolean): fc.Arbitrary<RawReply> =>
  fc.oneof(
    { weight: 3, arbitrary: goldenReply },
    { weight: 3, arbitrary: mutatedGolden },
    { weight: 4, arbitrary: randomReply }
  ).map((r) => ({ ...r, close }))

/** The reply as raw HTTP/1.1 bytes, framed by its length. */
export const encode = (r: RawReply): Buffer => {
  const body = TransportFailure.nullBodyStatuses.has(r.status) ? new Uint8Array() : r.body
  const head = [
    `HTTP/1.1 ${r.status} Fuzz`,
    ...r.headers.map(([name, value]) => `${name}: ${value}`),
    ...(r.unframed === true ? [] : [`content-length: ${body.length}`]),
    ...(r.close ? ["connection: close"] : []),
    "",
    ""
  ].join("\r\n")
  return Buffer.concat([Buffer.from(head, "latin1"), body])
}

export interface RawServer {
  readonly url: string
  readonly close: () => Promise<void>
}

/**
 * A server on 127.0.0.1 that answers every request with whatever `current()` says, byte for byte,
 * on the connection it came on: kept open for the next request unless the reply closes it. Closing
 * it ends the connections still open (fetch's pool would keep them, and the close waiting, 4 s).
 */
export const rawServer = (current: () => RawReply): Promise<RawServer> => {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
    socket.setNoDelay(true)
    let received = Buffer.alloc(0)
    socket.on("error", () => {})
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk])
      for (;;) {
        const end = received.indexOf("\r\n\r\n")
        if (end === -1) return
        const head = received.subarray(0, end).toString("latin1")
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0)
        if (received.length < end + 4 + length) return
        received = received.subarray(end + 4 + length)
        const r = current()
        if (r.close) return void socket.end(encode(r))
        socket.write(encode(r))
      }
    })
  })
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            for (const socket of sockets) socket.destroy()
          })
      })
    })
  })
}

/** How a call ended, as an edition's runner reads its exit. */
export type Outcome =
  | { readonly _tag: "Success" }
  | {
    readonly _tag: "Failure"
    /** A failure of the operation's error type (not a defect, not an interruption). */
    readonly typed: boolean
    readonly tag: string | undefined
    readonly reason: string | undefined
    /** The cause, rendered for a failed assertion. */
    readonly detail: string
  }

/**
 * What is wrong with `outcome` as the answer to `r`, or `undefined`: every call ends in a typed
 * success or failure, never a timeout (every reply here is complete), a success only for a 2xx, and
 * a golden case as it expects.
 */
export const verdict = (r: RawReply, outcome: Outcome): string | undefined => {
  const expected = r.golden?.expected
  const name = r.golden?.name ?? `status ${r.status}`
  if (outcome._tag === "Failure") {
    if (!outcome.typed) return `not a typed failure: ${outcome.detail}`
    if (outcome.reason === "Timeout") return `a timeout: ${outcome.detail}`
    if (expected !== undefined && outcome.tag !== expected._tag) {
      return `${name}: expected ${expected._tag}, got ${outcome.tag}`
    }
    return undefined
  }
  if (r.status < 200 || r.status >= 300) return `a success for status ${r.status}`
  if (expected !== undefined && expected._tag !== "Success") return `${name}: expected ${expected._tag}, got a success`
  return undefined
}

/** A 204 framed as RFC 9110 requires: no `Content-Length`, the connection kept. */
export const unframed204: RawReply = { status: 204, headers: [], body: new Uint8Array(), close: false, unframed: true }

/** A success whose body opens with a UTF-8 byte-order mark (TextDecoder drops it; so must all). */
export const bomSuccess: RawReply = {
  status: 200,
  headers: [["content-type", "application/x-amz-json-1.1"]],
  body: new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
  close: false
}

/** An error whose body opens with a UTF-8 byte-order mark: a `NotAuthorizedException`. */
export const bomError: RawReply = {
  status: 400,
  headers: [],
  body: new TextEncoder().encode("\uFEFF{\"__type\":\"NotAuthorizedException\",\"message\":\"m\"}"),
  close: false
}

/**
 * Runs `call` on `numRuns` replies of `reply(close)` (fast-check, shrinking on failure): `call`
 * serves the reply and rejects when its outcome is wrong (see `verdict`).
 */
export const checkReplies = (
  close: boolean,
  numRuns: number,
  call: (r: RawReply) => Promise<void>
): Promise<void> => fc.assert(fc.asyncProperty(reply(close), call), { numRuns })
