/**
 * The engine calls any described operation, not only UpdateAuthEventFeedback: bound from the
 * protocol's description of AdminUpdateAuthEventFeedback, a call sends that operation's target and
 * members, keeps that operation's sensitive values out of what comes back, names its span and tags
 * its metrics with it, and decodes only that operation's errors as service exceptions.
 */
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import * as Operations from "@cognito-feedback/protocol/Operations"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber, Metric, Redacted } from "effect"
import * as TestClock from "effect/testing/TestClock"
import * as ClientMetrics from "../src/ClientMetrics.js"
import * as Binding from "../src/internal/binding.js"
import * as Engine from "../src/internal/engine.js"
import type * as Transport from "../src/Transport.js"
import { recordingTracer } from "./support.js"

interface AdminUpdate {
  readonly UserPoolId: string
  readonly Username: Redacted.Redacted<string>
  readonly EventId: string
  readonly FeedbackValue: "Valid" | "Invalid"
}

const adminUpdate = Binding.make<AdminUpdate, "done">(Operations.AdminUpdateAuthEventFeedback, () => "done")

const request: AdminUpdate = {
  UserPoolId: "eu-west-1_AbCdEf123",
  Username: Redacted.make("alice@example.com"),
  EventId: "c3f1a2b4",
  FeedbackValue: "Invalid"
}

const engineAnswering = (replies: ReadonlyArray<Transport.Response>) =>
  Effect.gen(function*() {
    const sent: Array<Transport.Request> = []
    const transport: Transport.Transport = {
      exchange: (req) =>
        Effect.sync(() => {
          sent.push(req)
          return replies[Math.min(sent.length, replies.length) - 1] as Transport.Response
        })
    }
    const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ maxAttempts: 2 }))
    const engine = Engine.make(transport, {
      endpoint: {},
      retrier,
      attemptTimeout: Duration.infinity,
      timeout: undefined,
      maxResponseBytes: 1024,
      onRetry: undefined
    })
    return { sent, call: engine.call(adminUpdate) }
  })

describe("the engine over another described operation", () => {
  it.effect("sends its target and members to its region's endpoint and returns its output", () =>
    Effect.gen(function*() {
      const { call, sent } = yield* engineAnswering([{ status: 200, headers: {}, body: "{}" }])
      assert.strictEqual(yield* call(request), "done")
      assert.strictEqual(sent[0]?.url, "https://cognito-idp.eu-west-1.amazonaws.com")
      assert.strictEqual(
        sent[0]?.headers["x-amz-target"],
        "AWSCognitoIdentityProviderService.AdminUpdateAuthEventFeedback"
      )
      assert.strictEqual(
        sent[0]?.body,
        "{\"UserPoolId\":\"eu-west-1_AbCdEf123\",\"Username\":\"alice@example.com\",\"EventId\":\"c3f1a2b4\",\"FeedbackValue\":\"Invalid\"}"
      )
    }))

  it.effect("redacts its sensitive member where a server echoes it", () =>
    Effect.gen(function*() {
      const { call } = yield* engineAnswering([{
        status: 400,
        headers: { "x-amzn-requestid": "id-alice@example.com" },
        body: "{\"__type\":\"UserNotFoundException\",\"message\":\"no user alice@example.com\"}"
      }])
      const exit = yield* Effect.exit(call(request))
      assert.isTrue(Exit.isFailure(exit))
      const text = JSON.stringify(exit)
      assert.notInclude(text, "alice@example.com")
      assert.include(text, "no user <redacted>")
    }))

  it.effect("names its span Cognito.<Operation> and tags its metrics with the operation", () =>
    Effect.gen(function*() {
      const { spans, tracer } = recordingTracer()
      const metrics = ClientMetrics.ofOperation("AdminUpdateAuthEventFeedback")
      const before = (yield* Metric.value(metrics.retries("throttling"))).count
      const { call } = yield* engineAnswering([
        { status: 400, headers: {}, body: "{\"__type\":\"TooManyRequestsException\"}" },
        { status: 200, headers: {}, body: "" }
      ])
      // the retry waits out its backoff on the test clock
      const fiber = yield* Effect.forkChild(call(request).pipe(Effect.withTracer(tracer)))
      yield* TestClock.adjust("1 minute")
      yield* Fiber.join(fiber)
      assert.deepStrictEqual(spans.map((span) => span.name), [
        "Cognito.AdminUpdateAuthEventFeedback",
        "Cognito.AdminUpdateAuthEventFeedback.attempt",
        "Cognito.AdminUpdateAuthEventFeedback.attempt"
      ])
      assert.strictEqual(spans[0]?.attributes.get("rpc.method"), "AdminUpdateAuthEventFeedback")
      assert.strictEqual((yield* Metric.value(metrics.retries("throttling"))).count - before, 1)
    }))
})
