// The Effect 4 runner: the cases are `@cognito-feedback/test-support/testkitLiveCases`, shared with
// the Effect 3 edition; the live clients are the Effect 4 node package's (`node/test/liveClients`).
import { AuthEventFeedback, RetryPolicy } from "@cognito-feedback/core"
import type { UpdateAuthEventFeedbackInput } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { AuthEventFeedbackHttp, AwsJsonProtocol } from "@cognito-feedback/http"
import * as Live from "@cognito-feedback/test-support/testkitLiveCases"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber, Layer, Option, Scope, Stream } from "effect"
import * as HttpBody from "effect/http/HttpBody"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as TestClock from "effect/testing/TestClock"
import { liveClients } from "../../node/test/liveClients.js"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import * as CognitoWire from "../src/CognitoWire.js"
import * as SimulatorHttpClient from "../src/SimulatorHttpClient.js"

const seed = Live.seed
const poolId = Live.poolId
const request: UpdateAuthEventFeedbackInput = Live.request

const fastRetries = RetryPolicy.standard({
  throttlingBaseDelay: Duration.millis(1),
  transientBaseDelay: Duration.millis(1)
})

/** The simulator's method for each fault of the shared cases. */
const faults: Record<Live.Fault, (simulator: CognitoSimulator.CognitoSimulator.Service) => Effect.Effect<void>> = {
  throttleNext: (simulator) => simulator.throttleNext(1),
  failNext: (simulator) => simulator.failNext(1),
  failNextOperationNotEnabled: (simulator) => simulator.failNext(1, "OperationNotEnabledException")
}

const serviceErrors = Live.serviceErrors.map(([tag, input, fault]) =>
  [tag, input as UpdateAuthEventFeedbackInput, fault === undefined ? undefined : faults[fault]] as const
)

/** The error of `update`, with the simulator's record of the one call it made. */
const failedCall = (simulator: CognitoSimulator.CognitoSimulator.Service, input: UpdateAuthEventFeedbackInput) =>
  Effect.gen(function*() {
    const error = yield* Effect.flip(AuthEventFeedback.update(input))
    const calls = yield* simulator.calls
    return { error, calls }
  })

describe.each(liveClients)("the live client against the emulator, over a real socket ($name)", (client) => {
  const withEmulator = <A, E>(
    options: AuthEventFeedbackHttp.Options,
    f: (
      simulator: CognitoSimulator.CognitoSimulator.Service,
      emulator: CognitoEmulator.CognitoEmulator["Service"]
    ) => Effect.Effect<A, E, AuthEventFeedback.AuthEventFeedback>
  ) =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.CognitoEmulator
      const simulator = yield* CognitoSimulator.CognitoSimulator
      return yield* f(simulator, emulator).pipe(
        Effect.provide(client.layer({ endpoint: emulator.url, ...options }))
      )
    }).pipe(Effect.provide(CognitoEmulator.layerWithSimulator({ seed })))

  it.live("success: the feedback is recorded, found through the email alias", () =>
    withEmulator({}, (simulator) =>
      Effect.gen(function*() {
        assert.deepStrictEqual(yield* AuthEventFeedback.update(request), {})
        const feedback = Option.getOrThrow(yield* simulator.feedbackOf(poolId, "alice", "evt-1"))
        assert.strictEqual(feedback.FeedbackValue, "Invalid")
        assert.strictEqual(feedback.Provider, "User")
        const calls = yield* simulator.calls
        assert.deepStrictEqual(calls.map((call) => call.outcome), ["Success"])
      })))

  for (const [tag, input, fault] of serviceErrors) {
    it.live(`${tag} arrives as its tagged error with the request id`, () =>
      withEmulator({ retryPolicy: RetryPolicy.disabled }, (simulator) =>
        Effect.gen(function*() {
          if (fault !== undefined) yield* fault(simulator)
          const { calls, error } = yield* failedCall(simulator, input)
          assert.strictEqual(error._tag, tag)
          assert.strictEqual(calls.length, 1)
          assert.strictEqual(calls[0]?.outcome, tag)
          assert.strictEqual("requestId" in error ? error.requestId : undefined, calls[0]?.requestId)
          assert.isTrue(Option.isNone(yield* simulator.feedbackOf(poolId, "alice", "evt-1")))
        })))
  }

  it.live("InvalidParameterException: caught by the client before anything is sent", () =>
    withEmulator({}, (simulator) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(AuthEventFeedback.update({ ...request, EventId: "evt!1" }))
        assert.strictEqual(error._tag, "InvalidParameterException")
        assert.strictEqual((yield* simulator.calls).length, 0)
      })))

  it.live("a throttled emulator (throttleNext(2)) is retried to success", () =>
    withEmulator({ retryPolicy: fastRetries }, (simulator) =>
      Effect.gen(function*() {
        yield* simulator.throttleNext(2)
        assert.deepStrictEqual(yield* AuthEventFeedback.update(request), {})
        const calls = yield* simulator.calls
        assert.deepStrictEqual(calls.map((call) => call.outcome), [
          "TooManyRequestsException",
          "TooManyRequestsException",
          "Success"
        ])
        assert.isTrue(Option.isSome(yield* simulator.feedbackOf(poolId, "alice", "evt-1")))
      })))

  it.live("an internal error twice, then success: retried as transient", () =>
    withEmulator({ retryPolicy: fastRetries }, (simulator) =>
      Effect.gen(function*() {
        yield* simulator.failNext(2)
        assert.deepStrictEqual(yield* AuthEventFeedback.update(request), {})
        assert.strictEqual((yield* simulator.calls).length, 3)
      })))

  it.live("once the emulator's scope is closed: a TransportError", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const emulator = yield* CognitoEmulator.make().pipe(Scope.provide(scope))
      yield* Scope.close(scope, Exit.void)
      const error = yield* Effect.flip(
        AuthEventFeedback.update(request).pipe(
          Effect.provide(client.layer({ endpoint: emulator.url, retryPolicy: RetryPolicy.disabled }))
        )
      )
      assert.strictEqual(error._tag, "TransportError")
    }).pipe(Effect.provide(CognitoSimulator.layer({ seed }))))
})

describe("the same application over SimulatorHttpClient (no socket, TestClock)", () => {
  const withSimulator = <A, E>(
    options: AuthEventFeedbackHttp.Options,
    f: (
      simulator: CognitoSimulator.CognitoSimulator.Service
    ) => Effect.Effect<A, E, AuthEventFeedback.AuthEventFeedback>
  ) =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      // the app keeps its real endpoint: the client never opens a socket
      return yield* f(simulator).pipe(
        Effect.provide(AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(SimulatorHttpClient.layer)))
      )
    }).pipe(Effect.provide(CognitoSimulator.layer({ seed })))

  it.effect("success: the feedback is recorded", () =>
    withSimulator({}, (simulator) =>
      Effect.gen(function*() {
        assert.deepStrictEqual(yield* AuthEventFeedback.update(request), {})
        const feedback = Option.getOrThrow(yield* simulator.feedbackOf(poolId, "alice", "evt-1"))
        assert.strictEqual(feedback.FeedbackValue, "Invalid")
      })))

  for (const [tag, input, fault] of serviceErrors) {
    it.effect(`${tag} arrives as its tagged error with the request id`, () =>
      withSimulator({ retryPolicy: RetryPolicy.disabled }, (simulator) =>
        Effect.gen(function*() {
          if (fault !== undefined) yield* fault(simulator)
          const { calls, error } = yield* failedCall(simulator, input)
          assert.strictEqual(error._tag, tag)
          assert.strictEqual("requestId" in error ? error.requestId : undefined, calls[0]?.requestId)
        })))
  }

  it.effect("throttleNext(2) with the default policy: the backoff runs on the TestClock, then success", () =>
    withSimulator({}, (simulator) =>
      Effect.gen(function*() {
        yield* simulator.throttleNext(2)
        const fiber = yield* Effect.forkChild(AuthEventFeedback.update(request))
        // the retries wait for the clock: nothing succeeds until it moves
        yield* TestClock.adjust(Duration.millis(0))
        assert.isUndefined(fiber.pollUnsafe())
        // full jitter on a 1 s throttling base, doubled once: at most 1 s + 2 s in all
        yield* TestClock.adjust(Duration.seconds(3))
        assert.deepStrictEqual(yield* Fiber.join(fiber), {})
        const outcomes = (yield* simulator.calls).map((call) => call.outcome)
        assert.deepStrictEqual(outcomes, ["TooManyRequestsException", "TooManyRequestsException", "Success"])
      })))

  it.effect("a slow simulator: the attempt timeout fires on the TestClock and nothing is recorded", () =>
    withSimulator(
      { attemptTimeout: Duration.seconds(2), retryPolicy: RetryPolicy.disabled },
      (simulator) =>
        Effect.gen(function*() {
          yield* simulator.setLatency(Duration.seconds(5))
          const fiber = yield* Effect.forkChild(Effect.flip(AuthEventFeedback.update(request)))
          yield* TestClock.adjust(Duration.seconds(2))
          const error = yield* Fiber.join(fiber)
          assert.strictEqual(error._tag, "TransportError")
          assert.strictEqual(error._tag === "TransportError" ? error.reason : undefined, "Timeout")
          assert.strictEqual((yield* simulator.calls).length, 0)
          assert.isTrue(Option.isNone(yield* simulator.feedbackOf(poolId, "alice", "evt-1")))
        })
    ))

  it.effect("raw requests: the same wire rules as the emulator, whatever the URL or body kind", () =>
    Effect.gen(function*() {
      const client = yield* SimulatorHttpClient.make
      const post = (body: HttpBody.HttpBody) =>
        client.execute(
          HttpClientRequest.post("https://cognito-idp.us-east-1.amazonaws.com/").pipe(
            HttpClientRequest.setHeaders({ "x-amz-target": AwsJsonProtocol.target("UpdateAuthEventFeedback") }),
            HttpClientRequest.setBody(body)
          )
        ).pipe(
          Effect.flatMap((response) =>
            Effect.map(response.text, (text) => ({ status: response.status, text, headers: response.headers }))
          )
        )
      const encoded = new TextEncoder().encode(JSON.stringify(request))
      const streamed = yield* post(
        HttpBody.stream(Stream.make(encoded.subarray(0, 10), encoded.subarray(10)), AwsJsonProtocol.contentType)
      )
      assert.strictEqual(streamed.status, 200)
      assert.isString(streamed.headers["x-amzn-requestid"])

      const huge = yield* post(
        HttpBody.text(" ".repeat(CognitoWire.defaultMaxBodyBytes + 1), AwsJsonProtocol.contentType)
      )
      assert.strictEqual(huge.status, 413)
      assert.strictEqual(JSON.parse(huge.text).__type, "RequestEntityTooLargeException")

      const hugeStream = yield* post(
        HttpBody.stream(Stream.forever(Stream.make(new Uint8Array(64 * 1024))), AwsJsonProtocol.contentType)
      )
      // an endless stream is read up to the limit only
      assert.strictEqual(hugeStream.status, 413)

      const wrongType = yield* post(HttpBody.text(JSON.stringify(request), "application/json"))
      assert.strictEqual(JSON.parse(wrongType.text).__type, "SerializationException")
    }).pipe(Effect.provide(SimulatorHttpClient.layer), Effect.provide(CognitoSimulator.layer({ seed }))))
})
