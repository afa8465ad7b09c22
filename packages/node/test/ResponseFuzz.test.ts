/**
 * The whole response path under random input, over a real socket and every transport: for any
 * status, headers and body bytes a server sends, a call ends in a typed success or a typed
 * failure, never a defect or a hang. 10,000 responses a run in all, shared by the live clients:
 * fully random replies, and the protocol's golden wire cases, as they are (then the call must end
 * with the case's expected `_tag`) or mutated (an extra, repeated or re-cased header, a body cut
 * short or with a byte changed, another status). The generators, the server and the verdict are
 * shared with the Effect 4 edition (`@cognito-feedback/test-support/responseFuzz`).
 *
 * Nine replies in ten keep the connection open for the next request, as the service does; the
 * last tenth of each client's run closes the connection after every reply, as this suite once
 * did for all of them. Why not all, and why last: a new connection per reply costs undici and
 * fetch about 4 ms on loopback against about 1.3 ms on a kept one (node:http: 1.4 against 0.6),
 * which would make 10,000 replies take over a minute; and once a reply has closed a connection,
 * undici's pool opens a new connection for nearly every later request (3,298 connections for
 * 3,334 replies when one in five closed), so closing replies mixed in cost as much as all closing.
 */
import { AuthEventFeedback, CognitoError, RetryPolicy } from "@cognito-feedback/core"
import * as ResponseFuzz from "@cognito-feedback/test-support/responseFuzz"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Context, Effect, Exit, Layer, Schema } from "effect"
import { liveClients, request } from "./liveClients.js"
import { rawServer } from "./loopback.js"

const isTyped = Schema.is(CognitoError.UpdateAuthEventFeedbackError)

const outcomeOf = (exit: Exit.Exit<unknown, unknown>): ResponseFuzz.Outcome => {
  if (Exit.isSuccess(exit)) return { _tag: "Success" }
  const error = Cause.squash(exit.cause) as { readonly _tag?: string; readonly reason?: string }
  return {
    _tag: "Failure",
    typed: Cause.isFailType(exit.cause) && isTyped(error),
    tag: error._tag,
    reason: error.reason,
    detail: Cause.pretty(exit.cause)
  }
}

/** `client`'s service, one attempt a call, against a server answering whatever `current()` says. */
const serviceAgainst = (client: (typeof liveClients)[number], current: () => ResponseFuzz.RawReply) =>
  Effect.gen(function*() {
    const server = yield* rawServer(current)
    const context = yield* Layer.build(
      client.layer({ endpoint: server.url, retryPolicy: RetryPolicy.disabled, attemptTimeout: "5 seconds" })
    )
    return Context.get(context, AuthEventFeedback.AuthEventFeedback)
  })

/** `count` calls of `client` against `fixed`, the connection kept. */
const callsAgainst = (client: (typeof liveClients)[number], fixed: ResponseFuzz.RawReply, count: number) =>
  Effect.gen(function*() {
    const service = yield* serviceAgainst(client, () => fixed)
    const exits = []
    for (let i = 0; i < count; i++) exits.push(yield* Effect.exit(service.update(request)))
    return exits
  })

// fetch gives a 204 no body stream at all, where the other transports give an empty one
describe.each(liveClients)("a 204 framed as RFC 9110 requires ($name)", (client) => {
  it.live("no Content-Length, the connection kept: a success, twice", () =>
    Effect.gen(function*() {
      const exits = yield* callsAgainst(client, ResponseFuzz.unframed204, 2)
      for (const exit of exits) assert.deepStrictEqual(exit, Exit.succeed({}))
    }).pipe(Effect.scoped))

  // TextDecoder drops a UTF-8 byte-order mark; every transport reads the body as it does
  it.live("a body opening with a UTF-8 byte-order mark reads as without it", () =>
    Effect.gen(function*() {
      const [success, failure] = yield* Effect.all([
        callsAgainst(client, ResponseFuzz.bomSuccess, 1),
        callsAgainst(client, ResponseFuzz.bomError, 1)
      ])
      assert.deepStrictEqual(success?.[0], Exit.succeed({}))
      const outcome = failure?.[0] === undefined ? undefined : outcomeOf(failure[0])
      assert.strictEqual(outcome?._tag === "Failure" ? outcome.tag : undefined, "NotAuthorizedException")
    }).pipe(Effect.scoped))
})

describe.each(liveClients.map((client, i) => ({
  ...client,
  // 10,000 in all: the first client takes what does not divide evenly
  runs: Math.floor(ResponseFuzz.totalRuns / liveClients.length) +
    (i === 0 ? ResponseFuzz.totalRuns % liveClients.length : 0)
})))("fuzzing the response path ($name)", (client) => {
  it.live(
    `${client.runs} responses over a socket, random and golden: a typed success or failure`,
    () =>
      Effect.gen(function*() {
        let current: ResponseFuzz.RawReply = { status: 200, headers: [], body: new Uint8Array(), close: true }
        const service = yield* serviceAgainst(client, () => current)
        let golden = 0
        const call = async (r: ResponseFuzz.RawReply) => {
          current = r
          const exit = await Effect.runPromiseExit(service.update(request))
          if (r.golden !== undefined) golden++
          assert.isUndefined(ResponseFuzz.verdict(r, outcomeOf(exit)))
        }
        const closing = Math.round(client.runs / 10)
        yield* Effect.promise(() => ResponseFuzz.checkReplies(false, client.runs - closing, call))
        yield* Effect.promise(() => ResponseFuzz.checkReplies(true, closing, call))
        // about three in ten are golden cases as they are
        assert.isAbove(golden, client.runs / 5)
      }).pipe(Effect.scoped),
    { timeout: 120_000 }
  )
})
