/**
 * The live client under sustained throttling from the emulator, over a real socket: the shared
 * retry quota keeps the requests per call bounded, and the client recovers when throttling stops.
 */
import { AuthEventFeedback, RetryPolicy } from "@cognito-feedback/core"
import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
import { alice as request } from "@cognito-feedback/test-support/secrets"
import { NodeHttpClient } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Layer } from "effect"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import { sampleSeed } from "../src/SimulatorSeed.js"

// the standard policy with short delays (real sockets run on the real clock) and a tenth of the
// default quota, so the storm stays small: 50 tokens at 5 per throttled retry pay for 10 retries
const policy = RetryPolicy.standard({
  throttlingBaseDelay: Duration.millis(2),
  transientBaseDelay: Duration.millis(2),
  quota: { capacity: 50 }
})

describe("retry storm against the emulator", () => {
  it.live("the quota stops the storm, and the client recovers once throttling stops", () =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.CognitoEmulator
      const simulator = yield* CognitoSimulator.CognitoSimulator
      const context = yield* Layer.build(
        AuthEventFeedbackHttp.layer({ endpoint: emulator.url, retryPolicy: policy }).pipe(
          Layer.provide(NodeHttpClient.layerUndici)
        )
      )
      const service = yield* Effect.provide(AuthEventFeedback.AuthEventFeedback, context)
      const burst = (n: number) =>
        Effect.forEach(Array.from({ length: n }), () => Effect.either(service.update(request)), {
          concurrency: 32
        })
      const requestsSent = Effect.map(simulator.calls, (calls) => calls.length)

      yield* simulator.throttleNext(1_000_000)
      const storm = yield* burst(200)
      assert.isTrue(storm.every((r) => r._tag === "Left" && r.left._tag === "TooManyRequestsException"))
      // 200 first attempts and the 10 retries the quota paid for; without it, 400 retries
      assert.strictEqual(yield* requestsSent, 210)

      yield* simulator.clearFaults
      const calm = yield* burst(50)
      assert.isTrue(calm.every((r) => r._tag === "Right"))
      assert.strictEqual(yield* requestsSent, 260)
    }).pipe(Effect.scoped, Effect.provide(CognitoEmulator.layerWithSimulator({ seed: sampleSeed }))), {
    timeout: 60_000
  })
})
