/**
 * The live client against a loopback server that misbehaves on purpose, over both real
 * `HttpClient`s: each fault ends in the right typed error, the right retry decision and attempt
 * count, never a defect or a hang, and leaves no fiber, timer or socket once the scope closes.
 */
import { AuthEventFeedback, RetryPolicy } from "@cognito-feedback/core"
import { ResponseText } from "@cognito-feedback/http"
import * as FaultMatrix from "@cognito-feedback/test-support/faultMatrix"
import { echoCases, echoHandler, echoRequest, hasControls, leakIn } from "@cognito-feedback/test-support/hostileEcho"
import { countResources as count } from "@cognito-feedback/test-support/loopback"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Duration, Effect, Exit, Fiber, Inspectable, Logger, LogLevel } from "effect"
import { recordingLogger, recordingTracer } from "../../http/test/support.js"
import { liveClients, request } from "./liveClients.js"
import { closedPort, loopbackServer } from "./loopback.js"

const faultyServer = (handler: FaultMatrix.Handler) => loopbackServer((req, res) => handler(req, res))

/** Polls `check` for up to a second: closing sockets and timers takes a turn of the event loop. */
const eventually = (check: () => boolean, message: string) =>
  Effect.gen(function*() {
    for (let i = 0; i < 50 && !check(); i++) yield* Effect.sleep("20 millis")
    assert.isTrue(check(), message)
  })

const quickRetries = RetryPolicy.standard({
  throttlingBaseDelay: Duration.millis(FaultMatrix.retryDelayMillis),
  transientBaseDelay: Duration.millis(FaultMatrix.retryDelayMillis)
})

describe.each(liveClients)("faults over a real socket ($name)", (client) => {
  for (const fault of FaultMatrix.faultCases) {
    it.live(fault.name, () =>
      Effect.gen(function*() {
        const rootsBefore = (yield* Fiber.roots).length
        const timersBefore = count("Timeout")
        const server = yield* faultyServer(fault.handler)
        const exit = yield* Effect.scoped(
          AuthEventFeedback.update(request).pipe(
            Effect.provide(
              client.layer({
                endpoint: server.url,
                retryPolicy: quickRetries,
                attemptTimeout: Duration.millis(FaultMatrix.attemptTimeoutMillis)
              })
            ),
            Effect.exit
          )
        )
        assert.isTrue(Exit.isFailure(exit), "the call must fail")
        if (Exit.isFailure(exit)) {
          assert.isTrue(Cause.isFailType(exit.cause), `not a typed failure: ${Cause.pretty(exit.cause)}`)
          const error = Cause.squash(exit.cause) as { _tag: string; reason?: string }
          assert.strictEqual(error._tag, fault.tag)
          if (fault.reason !== undefined) assert.strictEqual(error.reason, fault.reason)
        }
        assert.strictEqual(server.requests(), fault.attempts)
        // nothing of the call outlives its scope: no fiber, no timer, and (with a client whose
        // connections belong to the layer, not to a process-wide pool) no socket
        assert.strictEqual((yield* Fiber.roots).length, rootsBefore)
        yield* eventually(() => count("Timeout") <= timersBefore, "a timer outlived the call")
        if (client.ownsConnections) yield* eventually(() => server.openSockets() === 0, "a socket outlived the call")
      }).pipe(Effect.scoped), { timeout: 20_000 })
  }

  it.live("connection refused: typed, retried, no defect", () =>
    Effect.gen(function*() {
      const port = yield* closedPort
      const { spans, tracer } = recordingTracer()
      const error = yield* Effect.flip(
        AuthEventFeedback.update(request).pipe(
          Effect.provide(client.layer({ endpoint: `http://127.0.0.1:${port}`, retryPolicy: quickRetries })),
          Effect.withTracer(tracer)
        )
      )
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" ? error.reason : undefined, "Connect")
      // one span per attempt: the standard policy's 3 attempts in all, each refused
      const attempts = spans.filter((span) => span.name === "Cognito.UpdateAuthEventFeedback.attempt")
      assert.deepStrictEqual(attempts.map((span) => span.attributes.get("aws.attempt")), [1, 2, 3])
    }))
})

describe.each(liveClients)("a hostile server that echoes the call's secrets ($name)", (client) => {
  for (const echoCase of echoCases) {
    it.live(`${echoCase.status} ${echoCase.code ?? "with no code"}: the error names it, holds no secret or control`, () =>
      Effect.gen(function*() {
        const server = yield* loopbackServer(echoHandler(echoCase))
        const { spans, tracer } = recordingTracer()
        const logs = recordingLogger()
        const exit = yield* AuthEventFeedback.update(echoRequest).pipe(
          Effect.provide(client.layer({ endpoint: server.url, retryPolicy: quickRetries })),
          Effect.exit,
          Effect.withTracer(tracer),
          Effect.provide(logs.layer),
          Logger.withMinimumLogLevel(LogLevel.All)
        )
        assert.isTrue(Exit.isFailure(exit) && Cause.isFailType(exit.cause), "a typed failure")
        const error = Cause.squash(Exit.isFailure(exit) ? exit.cause : Cause.empty) as {
          _tag: string
          message: string
          requestId?: string
        }
        assert.strictEqual(error._tag, echoCase.tag)
        // what the server said is kept, with the secrets taken out
        if (echoCase.code !== undefined && echoCase.tag !== "UnexpectedResponseError") {
          assert.include(error.message, "for user <redacted> is wrong")
        }
        assert.match(error.requestId ?? "", /^<redacted>-/)
        assert.isAtMost(error.message.length, ResponseText.maxMessageLength)
        const everything = [
          String(error),
          JSON.stringify(error),
          Inspectable.format(error),
          Exit.isFailure(exit) ? Cause.pretty(exit.cause) : "",
          ...logs.lines,
          ...spans.flatMap((span) => [span.name, ...[...span.attributes].map(([k, v]) => `${k}=${String(v)}`)])
        ].join("\n")
        assert.isUndefined(leakIn(everything), "a secret came back")
        assert.isFalse(hasControls(error.message) || hasControls(error.requestId ?? ""), "a control character")
        assert.isTrue(logs.lines.some((line) => line.includes("attempt")), "the attempts were logged")
      }).pipe(Effect.scoped))
  }
})

describe.each(liveClients.filter((client) => client.ownsConnections))("no socket left open ($name)", (client) => {
  it.live("after the scope of a client with in-flight and finished calls closes", () =>
    Effect.gen(function*() {
      const before = process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap" || r === "Timeout")
      const slowServer = yield* faultyServer(FaultMatrix.silent)
      const okServer = yield* faultyServer(FaultMatrix.succeeding)
      yield* Effect.scoped(
        Effect.gen(function*() {
          yield* Effect.provide(AuthEventFeedback.update(request), client.layer({ endpoint: okServer.url }))
          yield* Effect.provide(AuthEventFeedback.update(request), client.layer({ endpoint: slowServer.url })).pipe(
            Effect.timeout("100 millis"),
            Effect.ignore
          )
        })
      )
      // give the kernel a moment to deliver the FINs
      yield* Effect.sleep("100 millis")
      assert.strictEqual(slowServer.openSockets(), 0)
      assert.strictEqual(okServer.openSockets(), 0)
      // the client side too: no socket or timer of ours is still alive in this process
      const after = process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap" || r === "Timeout")
      for (const kind of ["TCPSocketWrap", "Timeout"]) {
        assert.isAtMost(after.filter((r) => r === kind).length, before.filter((r) => r === kind).length, kind)
      }
    }).pipe(Effect.scoped))
})
