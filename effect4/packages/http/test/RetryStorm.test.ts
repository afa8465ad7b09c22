/**
 * The live client under sustained throttling: the shared retry quota stops a retry storm, and
 * the client recovers once throttling stops. Driven by TestClock, through a fake HttpClient.
 */
import { AuthEventFeedback, RetryPolicy } from "@cognito-feedback/core"
import { assert, describe, it } from "@effect/vitest"
import { Context, Effect, Fiber, Layer, Ref } from "effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as TestClock from "effect/testing/TestClock"
import * as AuthEventFeedbackHttp from "../src/AuthEventFeedbackHttp.js"
import { request } from "./support.js"

/** An endpoint that throttles everything while `throttling` is on, and counts what it is sent. */
const switchableEndpoint = Effect.gen(function*() {
  const throttling = yield* Ref.make(true)
  const sent = yield* Ref.make(0)
  const client = HttpClient.make((req) =>
    Effect.gen(function*() {
      yield* Ref.update(sent, (n) => n + 1)
      const throttled = yield* Ref.get(throttling)
      return HttpClientResponse.fromWeb(
        req,
        throttled
          ? new Response("{\"message\":\"Rate exceeded\"}", {
            status: 400,
            headers: { "x-amzn-errortype": "TooManyRequestsException" }
          })
          : new Response("{}", { status: 200 })
      )
    })
  )
  return { throttling, sent, layer: Layer.succeed(HttpClient.HttpClient, client) }
})

/** `n` concurrent calls, the clock run far enough for every retry delay. */
const burst = (service: AuthEventFeedback.AuthEventFeedback.Service, n: number) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.forEach(
      Array.from({ length: n }),
      () => Effect.result(service.update(request)),
      { concurrency: "unbounded" }
    ).pipe(Effect.forkChild)
    yield* TestClock.adjust("10 minutes")
    return yield* Fiber.join(fiber)
  })

describe("retry storm", () => {
  it.effect("the quota bounds the requests per call, and refills once throttling stops", () =>
    Effect.gen(function*() {
      const endpoint = yield* switchableEndpoint
      // the standard policy with a tenth of the default quota, so the storm stays small
      const policy = RetryPolicy.standard({ quota: { capacity: 50 } })
      const context = yield* Layer.build(
        AuthEventFeedbackHttp.layer({ retryPolicy: policy }).pipe(Layer.provide(endpoint.layer))
      )
      const service = Context.get(context, AuthEventFeedback.AuthEventFeedback)

      // 200 calls under throttling: 50 tokens at 5 per throttled retry allow 10 retries in all,
      // where without a quota there would be 400
      const storm = yield* burst(service, 200)
      assert.isTrue(storm.every((r) => r._tag === "Failure" && r.failure._tag === "TooManyRequestsException"))
      const stormRequests = yield* Ref.get(endpoint.sent)
      assert.strictEqual(stormRequests, 210)

      // throttling stops: every call succeeds at once, and each success gives a token back
      yield* Ref.set(endpoint.throttling, false)
      const calm = yield* burst(service, 50)
      assert.isTrue(calm.every((r) => r._tag === "Success"))
      assert.strictEqual((yield* Ref.get(endpoint.sent)) - stormRequests, 50)

      // the 50 successes refilled the quota (+1 each): it pays for one retry of each of 10 calls
      // again (10 x 5 tokens), and no more
      yield* Ref.set(endpoint.throttling, true)
      const before = yield* Ref.get(endpoint.sent)
      yield* burst(service, 10)
      assert.strictEqual((yield* Ref.get(endpoint.sent)) - before, 20)
    }).pipe(Effect.scoped))

  it.effect("without throttling, a burst sends exactly one request per call", () =>
    Effect.gen(function*() {
      const endpoint = yield* switchableEndpoint
      yield* Ref.set(endpoint.throttling, false)
      const context = yield* Layer.build(AuthEventFeedbackHttp.layer().pipe(Layer.provide(endpoint.layer)))
      yield* burst(Context.get(context, AuthEventFeedback.AuthEventFeedback), 100)
      assert.strictEqual(yield* Ref.get(endpoint.sent), 100)
    }).pipe(Effect.scoped))
})
