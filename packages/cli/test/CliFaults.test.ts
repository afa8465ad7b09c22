/**
 * The spawned command against an emulator on loopback that this test drives, so that throttling
 * and internal errors, which only fault injection can produce, are seen through the real command:
 * exit code 1, one JSON line, retries made as the attempt limit says.
 */
import { CognitoSimulator, SimulatorSeed } from "@cognito-feedback/testkit"
import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { cli, linesOf } from "./support.js"

const args = (url: string, maxAttempts: number) => [
  "update-auth-event-feedback",
  "--endpoint-url",
  url,
  "--user-pool-id",
  "us-east-1_Example1",
  "--username",
  "alice",
  "--event-id",
  "evt-4",
  "--feedback-token",
  "tok.valid-4",
  "--feedback-value",
  "Valid",
  "--max-attempts",
  String(maxAttempts),
  "--output",
  "json"
]

const cases = [
  ["TooManyRequestsException", (s: CognitoSimulator.CognitoSimulator.Service) => s.throttleNext(5)],
  ["InternalErrorException", (s: CognitoSimulator.CognitoSimulator.Service) => s.failNext(5)]
] as const

describe("the command against injected faults", () => {
  for (const [code, inject] of cases) {
    it.live(`${code}: exit 1 and one JSON line after --max-attempts attempts`, () =>
      Effect.gen(function*() {
        const emulator = yield* CognitoEmulator.CognitoEmulator
        const simulator = yield* CognitoSimulator.CognitoSimulator
        yield* inject(simulator)
        const result = yield* cli(args(emulator.url, 2), { timeout: "20 seconds" })
        assert.strictEqual(result.code, 1, result.stderr)
        assert.strictEqual(result.stdout, "")
        const lines = linesOf(result.stderr)
        assert.lengthOf(lines, 1)
        const line = JSON.parse(lines[0] ?? "") as { error: string; message: string; requestId?: string }
        assert.strictEqual(line.error, code)
        assert.match(line.requestId ?? "", /^[0-9a-f-]{36}$/)
        const calls = yield* simulator.calls
        assert.deepStrictEqual(calls.map((c) => c.outcome), [code, code])
      }).pipe(Effect.provide(CognitoEmulator.layerWithSimulator({ seed: SimulatorSeed.sampleSeed }))), {
      timeout: 30_000
    })
  }
})
