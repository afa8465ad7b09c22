// End to end: `cognito-feedback emulator`, spawned as a shell would.
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { adminListUserAuthEvents, cli, isListening, linesOf, requestLines, startEmulator, tempFile } from "./support.js"

const stop = (signal: NodeJS.Signals) =>
  Effect.gen(function*() {
    const emulator = yield* startEmulator()
    assert.isTrue(yield* isListening(emulator.port))
    emulator.child.kill(signal)
    const exit = yield* emulator.exited.pipe(Effect.timeout(Duration.seconds(10)))
    assert.deepStrictEqual(exit, { code: 0, signal: null })
    assert.isFalse(yield* isListening(emulator.port))
    assert.strictEqual(yield* emulator.stderr, "")
  })

describe("cognito-feedback emulator", () => {
  it.scopedLive("prints its URL first, serves the built-in sample and logs each request without secrets", () =>
    Effect.gen(function*() {
      const emulator = yield* startEmulator()
      const [first] = yield* emulator.lines
      assert.strictEqual(first, `listening on http://127.0.0.1:${emulator.port}`)
      assert.isAbove(emulator.port, 0)

      const args = [
        "update-auth-event-feedback",
        "--endpoint-url",
        emulator.url,
        "--user-pool-id",
        "us-east-1_Example1",
        "--username",
        "alice@example.com",
        "--event-id",
        "evt-1",
        "--feedback-token",
        "tok.valid-1",
        "--feedback-value",
        "Invalid"
      ]
      const ok = yield* cli(args)
      assert.strictEqual(ok.code, 0, ok.stderr)
      const wrong = yield* cli(args.map((arg) => arg === "tok.valid-1" ? "tok.valid-2" : arg))
      assert.strictEqual(wrong.code, 1)

      const list = yield* adminListUserAuthEvents(emulator.url, "us-east-1_Example1", "alice")
      assert.strictEqual(
        list.AuthEvents.find((event) => event.EventId === "evt-1")?.EventFeedback?.FeedbackValue,
        "Invalid"
      )

      const logged = yield* requestLines(emulator, 1, 3)
      assert.match(logged[0] ?? "", /^UpdateAuthEventFeedback Success 200 [0-9a-f-]{36}$/)
      assert.match(logged[1] ?? "", /^UpdateAuthEventFeedback NotAuthorizedException 400 [0-9a-f-]{36}$/)
      assert.match(logged[2] ?? "", /^AdminListUserAuthEvents Success 200 [0-9a-f-]{36}$/)
      const output = (yield* emulator.lines).join("\n") + (yield* emulator.stderr)
      for (const secret of ["alice", "tok.valid"]) assert.notInclude(output, secret)
    }))

  it.scopedLive("stops cleanly on SIGTERM: exit code 0, port closed", () => stop("SIGTERM"))

  it.scopedLive("stops cleanly on SIGINT: exit code 0, port closed", () => stop("SIGINT"))

  it.scopedLive("serves a seed file", () =>
    Effect.gen(function*() {
      const seed = {
        userPools: [{
          id: "eu-west-3_Seeded1",
          users: [{ username: "dora", authEvents: [{ eventId: "evt-s", feedbackToken: "tok.seeded" }] }]
        }]
      }
      const file = yield* tempFile("seed.json", JSON.stringify(seed))
      const emulator = yield* startEmulator(["--seed", file])
      const result = yield* cli([
        "update-auth-event-feedback",
        "--endpoint-url",
        emulator.url,
        "--user-pool-id",
        "eu-west-3_Seeded1",
        "--username",
        "dora",
        "--event-id",
        "evt-s",
        "--feedback-token",
        "tok.seeded",
        "--feedback-value",
        "Valid"
      ])
      assert.strictEqual(result.code, 0, result.stderr)
      // the sample is not loaded alongside a seed file
      const sample = yield* adminListUserAuthEvents(emulator.url, "us-east-1_Example1", "alice")
      assert.notProperty(sample, "AuthEvents")
    }))

  it.scopedLive("refuses a bad seed file with exit code 2 and the path of the bad field", () =>
    Effect.gen(function*() {
      const bad = yield* tempFile("bad.json", JSON.stringify({ userPools: [{ id: "us-east-1_Ok1", users: [{}] }] }))
      const result = yield* cli(["emulator", "--port", "0", "--seed", bad])
      assert.strictEqual(result.code, 2)
      assert.strictEqual(result.stdout, "")
      assert.strictEqual(result.stderr, "SeedError: userPools.0.users.0.username: is required\n")

      const missing = yield* cli(["emulator", "--port", "0", "--seed", `${bad}.missing`])
      assert.strictEqual(missing.code, 2)
      assert.match(missing.stderr, /^ConfigurationError: --seed: cannot read .*\n$/)
      assert.strictEqual(linesOf(missing.stderr).length, 1)
    }))

  it.scopedLive("fails with exit code 1 when the port is taken", () =>
    Effect.gen(function*() {
      const running = yield* startEmulator()
      const result = yield* cli(["emulator", "--port", String(running.port)])
      assert.strictEqual(result.code, 1)
      assert.match(result.stderr, /^ServeError: .*EADDRINUSE.*\n$/)
      const outOfRange = yield* cli(["emulator", "--port", "70000"])
      assert.strictEqual(outOfRange.code, 2)
      assert.match(outOfRange.stderr, /^ConfigurationError: --port/)
    }))

  it.live("its help states a default port that no common tool listens on", () =>
    Effect.gen(function*() {
      const help = yield* cli(["emulator", "--help"])
      assert.strictEqual(help.code, 0, help.stderr)
      const stated = /--port PORT\s[\s\S]*?\[default: (\d+)\]/.exec(help.stdout)?.[1]
      assert.isDefined(stated, help.stdout)
      const port = Number(stated)
      // Node's inspector (9229), web and API dev servers, LocalStack, DynamoDB Local, Vite's HMR socket,
      // OpenTelemetry collectors, databases and brokers that developers run next to an emulator
      const common = (
        "1433 1521 2375 2376 3000 3001 3306 4000 4200 4317 4318 4321 4566 5000 5173 5432 5555 5672 6006 6379 " +
        "6443 7000 8000 8001 8080 8081 8443 8787 8888 9000 9090 9200 9229 9324 9411 11211 15672 16686 24678 27017"
      ).split(" ").map(Number)
      assert.notInclude(common, port)
      // below the ephemeral ranges (Linux from 32768, IANA's dynamic ports from 49152), so an
      // outgoing connection never holds it
      assert.isAbove(port, 1023)
      assert.isBelow(port, 32768)
    }))
})
