import { AwsJsonProtocol } from "@cognito-feedback/http"
import * as Probe from "@cognito-feedback/test-support/emulatorProbe"
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { NodeHttpClient } from "@effect/platform-node"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit, Layer, Option, Ref, Scope } from "effect"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import type * as SimulatorSeed from "../src/SimulatorSeed.js"

const poolId = "us-east-1_Emu1"
const username = "alice"
const token = "tok.emu-1"

const seed: SimulatorSeed.SeedFile = {
  userPools: [{ id: poolId, users: [{ username, authEvents: [{ eventId: "evt-1", feedbackToken: token }] }] }]
}

const update = {
  UserPoolId: poolId,
  Username: username,
  EventId: "evt-1",
  FeedbackToken: token,
  FeedbackValue: "Valid"
}

const headers = {
  "content-type": AwsJsonProtocol.contentType,
  "x-amz-target": AwsJsonProtocol.target("UpdateAuthEventFeedback")
}

const simulatorLayer = CognitoSimulator.layer({ seed })

/** POSTs `body` to the emulator over a real socket (undici). */
const postTo = (url: string, body: string, extra: Record<string, string> = {}) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const response = yield* client.execute(
      HttpClientRequest.post(url).pipe(
        HttpClientRequest.setHeaders({ ...headers, ...extra }),
        HttpClientRequest.bodyText(body, AwsJsonProtocol.contentType)
      )
    )
    return { status: response.status, headers: response.headers, body: yield* response.text }
  }).pipe(Effect.scoped)

const unendedChunkedPost = (port: number, chunks: ReadonlyArray<string>) =>
  Effect.async<Probe.RawResponse>((resume) => {
    const { cancel, response } = Probe.unendedChunkedPost(port, headers, chunks)
    response.then((raw) => resume(Effect.succeed(raw)))
    return Effect.sync(cancel)
  })

const errorType = Probe.errorType

describe("CognitoEmulator", () => {
  it.scoped("binds 127.0.0.1 on a free port and reports its URL", () =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.make()
      assert.strictEqual(emulator.host, "127.0.0.1")
      assert.isAbove(emulator.port, 0)
      assert.strictEqual(emulator.url, `http://127.0.0.1:${emulator.port}`)
      const other = yield* CognitoEmulator.make()
      assert.notStrictEqual(other.port, emulator.port)
    }).pipe(Effect.provide(simulatorLayer)))

  it.scoped("serves AWS JSON 1.1 over a real socket and logs one entry per request", () =>
    Effect.gen(function*() {
      const log = yield* Ref.make<ReadonlyArray<CognitoEmulator.RequestLogEntry>>([])
      const emulator = yield* CognitoEmulator.make({
        onRequest: (entry) => Ref.update(log, (entries) => [...entries, entry])
      })
      const simulator = yield* CognitoSimulator.CognitoSimulator

      const ok = yield* postTo(emulator.url, JSON.stringify(update))
      assert.strictEqual(ok.status, 200)
      assert.strictEqual(ok.body, "{}")
      assert.strictEqual(ok.headers["content-type"], AwsJsonProtocol.contentType)
      const feedback = yield* simulator.feedbackOf(poolId, username, "evt-1")
      assert.strictEqual(Option.getOrThrow(feedback).FeedbackValue, "Valid")

      const refused = yield* postTo(emulator.url, JSON.stringify({ ...update, FeedbackToken: "tok.wrong" }))
      assert.strictEqual(refused.status, 400)
      assert.strictEqual(errorType(refused.body), "NotAuthorizedException")

      const entries = yield* Ref.get(log)
      assert.deepStrictEqual(entries.map(({ operation, outcome, status }) => [operation, outcome, status]), [
        ["UpdateAuthEventFeedback", "Success", 200],
        ["UpdateAuthEventFeedback", "NotAuthorizedException", 400]
      ])
      assert.strictEqual(entries[0]?.requestId, ok.headers["x-amzn-requestid"])
      assert.strictEqual(entries[1]?.requestId, refused.headers["x-amzn-requestid"])
      // a log line built from an entry holds no secret
      assert.notInclude(JSON.stringify(entries), username)
      assert.notInclude(JSON.stringify(entries), token)
    }).pipe(Effect.provide(Layer.merge(simulatorLayer, NodeHttpClient.layerUndici))))

  it.scoped("a log hook that dies does not cost the client its answer", () =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.make({ onRequest: () => Effect.dieMessage("logger broke") })
      const ok = yield* postTo(emulator.url, JSON.stringify(update))
      assert.strictEqual(ok.status, 200)
    }).pipe(Effect.provide(Layer.merge(simulatorLayer, NodeHttpClient.layerUndici))))

  describe("body limit", () => {
    it.scoped("a declared Content-Length over the limit: 413, the simulator never called", () =>
      Effect.gen(function*() {
        const emulator = yield* CognitoEmulator.make({ maxBodyBytes: 1024 })
        const simulator = yield* CognitoSimulator.CognitoSimulator
        const response = yield* postTo(emulator.url, JSON.stringify({ ...update, Padding: "x".repeat(4096) }))
        assert.strictEqual(response.status, 413)
        assert.strictEqual(errorType(response.body), "RequestEntityTooLargeException")
        assert.isString(response.headers["x-amzn-requestid"])
        assert.strictEqual((yield* simulator.calls).length, 0)
      }).pipe(Effect.provide(Layer.merge(simulatorLayer, NodeHttpClient.layerUndici))))

    it.scoped("a chunked body is read up to the limit only: 413 although the body never ends", () =>
      Effect.gen(function*() {
        const emulator = yield* CognitoEmulator.make({ maxBodyBytes: 1024 })
        const response = yield* unendedChunkedPost(emulator.port, ["{\"Padding\":\"", "x".repeat(600), "x".repeat(600)])
        assert.strictEqual(response.status, 413)
        assert.strictEqual(response.headers.connection, "close")
        assert.strictEqual(errorType(response.body), "RequestEntityTooLargeException")
      }).pipe(Effect.provide(simulatorLayer)))

    it.scoped("a body of exactly the limit is served", () =>
      Effect.gen(function*() {
        const emulator = yield* CognitoEmulator.make({ maxBodyBytes: 1024 })
        const body = JSON.stringify(update)
        const response = yield* postTo(emulator.url, body.padEnd(1024, " "))
        assert.strictEqual(response.status, 200)
        const over = yield* postTo(emulator.url, body.padEnd(1025, " "))
        assert.strictEqual(over.status, 413)
      }).pipe(Effect.provide(Layer.merge(simulatorLayer, NodeHttpClient.layerUndici))))
  })

  it.effect("closing the scope closes the server and its open connections", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const emulator = yield* CognitoEmulator.make().pipe(Scope.extend(scope))
      const ok = yield* postTo(emulator.url, JSON.stringify(update))
      assert.strictEqual(ok.status, 200)

      // an idle connection left open by a client
      const idle = yield* Effect.promise(() => Probe.idleConnection(emulator.port))

      yield* Scope.close(scope, Exit.void)
      yield* Effect.promise(() => idle.closed)

      const after = yield* Effect.exit(postTo(emulator.url, JSON.stringify(update)))
      assert.isTrue(Exit.isFailure(after))
      const refused = yield* Effect.promise(() => Probe.probeConnect(emulator.port))
      assert.strictEqual(refused, "ECONNREFUSED")
    }).pipe(Effect.provide(Layer.merge(simulatorLayer, NodeHttpClient.layerUndici))))

  it.scoped("layerWithSimulator: a seeded simulator behind the server, both in the context", () =>
    Effect.gen(function*() {
      const emulator = yield* CognitoEmulator.CognitoEmulator
      const simulator = yield* CognitoSimulator.CognitoSimulator
      const ok = yield* postTo(emulator.url, JSON.stringify(update))
      assert.strictEqual(ok.status, 200)
      assert.isTrue(Option.isSome(yield* simulator.feedbackOf(poolId, username, "evt-1")))
    }).pipe(
      Effect.provide(Layer.merge(CognitoEmulator.layerWithSimulator({ seed }), NodeHttpClient.layerUndici))
    ))

  it.effect("layerWithSimulator: a bad seed fails the layer with a SeedError", () =>
    Effect.gen(function*() {
      const exit = yield* Effect.exit(
        Layer.build(
          CognitoEmulator.layerWithSimulator({
            seed: { userPools: [{ id: poolId }, { id: poolId }] }
          })
        ).pipe(Effect.scoped)
      )
      assert.strictEqual(
        Exit.isFailure(exit) ? Option.getOrThrow(Cause.failureOption(exit.cause))._tag : "",
        "SeedError"
      )
    }))

  it.effect("a port in use fails with a ServeError", () =>
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const first = yield* CognitoEmulator.make().pipe(Scope.extend(scope))
      const exit = yield* Effect.exit(CognitoEmulator.make({ port: first.port }).pipe(Effect.scoped))
      yield* Scope.close(scope, Exit.void)
      assert.strictEqual(
        Exit.isFailure(exit) ? Option.getOrThrow(Cause.failureOption(exit.cause))._tag : "",
        "ServeError"
      )
    }).pipe(Effect.provide(simulatorLayer)))
})
