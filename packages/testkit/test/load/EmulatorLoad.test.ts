/**
 * Load: the emulator under 20,000 requests from the live client at 256 in flight over real
 * sockets. Every call answered, every write recorded once, memory back near where it started.
 * Run by `pnpm test:load` (and by CI), not by `pnpm test`.
 */
import { AuthEventFeedback } from "@cognito-feedback/core"
import type { FeedbackValue } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
import { NodeHttpClient } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import * as CognitoEmulator from "../../src/CognitoEmulator.js"
import * as CognitoSimulator from "../../src/CognitoSimulator.js"
import type * as SimulatorSeed from "../../src/SimulatorSeed.js"

const poolId = "us-east-1_Load1"
const users = 40
const eventsPerUser = 5
const requests = 20_000
const inFlight = 256

const seed: SimulatorSeed.SeedFile = {
  userPools: [{
    id: poolId,
    users: Array.from({ length: users }, (_, u) => ({
      username: `user-${u}`,
      authEvents: Array.from({ length: eventsPerUser }, (_, e) => ({
        eventId: `evt-${u}-${e}`,
        feedbackToken: `tok.${u}-${e}`
      }))
    }))
  }]
}

/** Each event always gets the same value, so its final feedback is known whatever the order. */
const valueOf = (u: number, e: number): FeedbackValue => ((u + e) % 2 === 0 ? "Valid" : "Invalid")

const heapAfterGc = () => {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

describe("the emulator under load", () => {
  it.live(
    `${requests} requests at ${inFlight} in flight: all answered, no lost or doubled write`,
    () =>
      Effect.gen(function*() {
        const simulator = yield* CognitoSimulator.CognitoSimulator
        const emulator = yield* CognitoEmulator.CognitoEmulator
        const client = yield* Layer.build(
          // client and server share one process and its two cores here: at 256 in flight a request may
          // queue for seconds, which is load, not a fault, so the attempt timeout must not cut it short
          AuthEventFeedbackHttp.layer({ endpoint: emulator.url, attemptTimeout: "60 seconds" }).pipe(
            Layer.provide(NodeHttpClient.layerUndici)
          )
        )
        const service = yield* Effect.provide(AuthEventFeedback.AuthEventFeedback, client)

        const send = (i: number) => {
          const u = i % users
          const e = Math.floor(i / users) % eventsPerUser
          return service.update({
            UserPoolId: poolId,
            Username: `user-${u}`,
            EventId: `evt-${u}-${e}`,
            FeedbackToken: `tok.${u}-${e}`,
            FeedbackValue: valueOf(u, e)
          })
        }

        // a first round warms the sockets and the JIT, so the memory check compares like with like
        yield* Effect.forEach(Array.from({ length: 2_000 }, (_, i) => i), send, {
          concurrency: inFlight,
          discard: true
        })
        const before = heapAfterGc()

        const outcomes = yield* Effect.forEach(
          Array.from({ length: requests }, (_, i) => i),
          (i) => Effect.either(send(i)),
          { concurrency: inFlight }
        )
        const failures = outcomes.filter((o) => o._tag === "Left")
        assert.strictEqual(failures.length, 0, JSON.stringify(failures.slice(0, 3)))

        const calls = yield* simulator.calls
        const updates = calls.filter((c) => c.operation === "UpdateAuthEventFeedback")
        assert.strictEqual(updates.length, 2_000 + requests, "one recorded call per request sent")
        assert.isTrue(updates.every((c) => c.outcome === "Success"))
        for (let u = 0; u < users; u++) {
          for (let e = 0; e < eventsPerUser; e++) {
            const feedback = yield* simulator.feedbackOf(poolId, `user-${u}`, `evt-${u}-${e}`)
            assert.strictEqual(Option.getOrUndefined(feedback)?.FeedbackValue, valueOf(u, e))
          }
        }

        const after = heapAfterGc()
        // the simulator's call log grows by design (a few hundred bytes a call); anything past that
        // bound would be a leak in the client or the server
        assert.isBelow(after - before, 40 * 1024 * 1024, `heap grew by ${Math.round((after - before) / 1e6)} MB`)
      }).pipe(
        Effect.scoped,
        Effect.provide(CognitoEmulator.layerWithSimulator({ seed }))
      ),
    { timeout: 120_000 }
  )
})
