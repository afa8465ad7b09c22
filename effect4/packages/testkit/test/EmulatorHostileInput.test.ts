/**
 * Random and malformed requests into the emulator over a real socket: each gets an AWS-shaped
 * error with the right code, the server stays up, and the simulator's state does not change.
 */
import type { Hostile } from "@cognito-feedback/test-support/emulatorProbe"
import {
  hostileMaxBodyBytes,
  hostilePoolId,
  hostileRequest,
  hostileSeed,
  json,
  send as sendTo,
  target,
  valid,
  wrongAnswer
} from "@cognito-feedback/test-support/emulatorProbe"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import * as fc from "fast-check"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"

const poolId = hostilePoolId
const seed = hostileSeed
const maxBodyBytes = hostileMaxBodyBytes

describe("the emulator under hostile input", () => {
  it.live(
    "answers every malformed request with an AWS-shaped error and stays up, state unchanged",
    () =>
      Effect.gen(function*() {
        const emulator = yield* CognitoEmulator.CognitoEmulator
        const simulator = yield* CognitoSimulator.CognitoSimulator
        const send = (request: Pick<Hostile, "target" | "contentType" | "body">) => sendTo(emulator.url, request)

        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(hostileRequest, async (request) => {
              assert.isUndefined(wrongAnswer(request, await send(request)))
            }),
            { numRuns: 300 }
          )
        )

        // nothing was recorded, and the server still answers a good request
        assert.isTrue(Option.isNone(yield* simulator.feedbackOf(poolId, "alice", "evt-1")))
        const calls = yield* simulator.calls
        assert.isTrue(calls.every((call) => call.outcome !== "Success"))
        const good = yield* Effect.promise(() => send({ target, contentType: json, body: JSON.stringify(valid) }))
        assert.deepStrictEqual(good, { status: 200, body: "{}" })
        assert.strictEqual(
          Option.getOrUndefined(yield* simulator.feedbackOf(poolId, "alice", "evt-1"))?.FeedbackValue,
          "Valid"
        )
      }).pipe(Effect.provide(CognitoEmulator.layerWithSimulator({ seed, maxBodyBytes }))),
    { timeout: 60_000 }
  )
})
