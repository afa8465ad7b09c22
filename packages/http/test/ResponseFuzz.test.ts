/**
 * The whole response path under random input: for any status, headers and body bytes, a call
 * through the live client ends in a typed success or a typed failure, never a defect or a hang.
 */
import { AuthEventFeedback, CognitoError, RetryPolicy } from "@cognito-feedback/core"
import { HttpClient, HttpClientResponse } from "@effect/platform"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Context, Effect, Exit, FastCheck as fc, Layer, Schema } from "effect"
import * as AuthEventFeedbackHttp from "../src/AuthEventFeedbackHttp.js"
import { request } from "./support.js"

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
    "content-length-ish"
  ),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)
)
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  fc.constantFrom("TooManyRequestsException", "aws#NotAuthorizedException:http://x", "-1", "NaN", "1e400")
)
const jsonish = fc.oneof(
  fc.json().map((s) => new TextEncoder().encode(s)),
  fc.record({ __type: fc.string(), message: fc.anything(), code: fc.anything() }, { requiredKeys: [] }).map((o) =>
    new TextEncoder().encode(JSON.stringify(o))
  )
)

const reply: fc.Arbitrary<RawReply> = fc.record({
  // `Response` accepts 200..599; statuses that must have no body get none
  status: fc.integer({ min: 200, max: 599 }),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
  body: fc.oneof(fc.uint8Array({ maxLength: 512 }), jsonish)
})

const nullBodyStatus = new Set([204, 205, 304])

describe("fuzzing the response path", () => {
  it.effect("3000 random responses: always a typed success or failure", () =>
    Effect.gen(function*() {
      let current: RawReply = { status: 200, headers: [], body: new Uint8Array() }
      const client = HttpClient.make((req) =>
        Effect.sync(() =>
          HttpClientResponse.fromWeb(
            req,
            new Response(
              nullBodyStatus.has(current.status) ? null : new Blob([current.body as Uint8Array<ArrayBuffer>]),
              {
                status: current.status,
                headers: current.headers.map(([k, v]) => [k, v] as [string, string])
              }
            )
          )
        )
      )
      const context = yield* Layer.build(
        AuthEventFeedbackHttp.layer({ retryPolicy: RetryPolicy.disabled }).pipe(
          Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
        )
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
              assert.isTrue(isTyped(Cause.squash(exit.cause)))
            } else {
              assert.isTrue(r.status >= 200 && r.status < 300)
            }
          }),
          { numRuns: 3000 }
        )
      )
    }).pipe(Effect.scoped), { timeout: 60_000 })
})
