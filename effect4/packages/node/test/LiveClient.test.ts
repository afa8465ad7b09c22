/**
 * Every live client against a loopback server: the request arrives as sent, a service error is
 * its tagged error, a refused connection is retried as transient, the attempt timeout fires on the
 * test clock, and interrupting the caller aborts the request in flight.
 */
import { AuthEventFeedback, RetryPolicy } from "@cognito-feedback/core"
import type { AuthEventFeedbackClient } from "@cognito-feedback/http"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber } from "effect"
import * as TestClock from "effect/testing/TestClock"
import type { LiveClient } from "./liveClients.js"
import { liveClients, request } from "./liveClients.js"
import { closedPort, loopbackServer } from "./loopback.js"

const update = (client: LiveClient, options: AuthEventFeedbackClient.Options) =>
  AuthEventFeedback.update(request).pipe(Effect.provide(client.layer(options)))

const fastRetries = RetryPolicy.standard({
  throttlingBaseDelay: Duration.millis(1),
  transientBaseDelay: Duration.millis(1)
})

describe.each(liveClients)("over $name and a loopback server", (client) => {
  it.effect("success: the request arrives as sent", () =>
    Effect.gen(function*() {
      const server = yield* loopbackServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "r-1" })
        res.end("{}")
      })
      const response = yield* update(client, { endpoint: server.url })
      assert.deepStrictEqual(response, {})
      const received = yield* Effect.promise(() => server.received)
      assert.strictEqual(received.headers["x-amz-target"], "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
      assert.strictEqual(received.headers["content-type"], "application/x-amz-json-1.1")
      assert.deepStrictEqual(JSON.parse(received.body), request)
    }))

  it.effect("a service error becomes its tagged error with the request id", () =>
    Effect.gen(function*() {
      const server = yield* loopbackServer((_req, res) => {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "r-2" })
        res.end(JSON.stringify({ __type: "NotAuthorizedException", message: "Invalid feedback token." }))
      })
      const error = yield* Effect.flip(update(client, { endpoint: server.url }))
      assert.strictEqual(error._tag, "NotAuthorizedException")
      assert.strictEqual(error.message, "Invalid feedback token.")
      assert.strictEqual("requestId" in error ? error.requestId : undefined, "r-2")
    }))

  it.live("connection refused is a TransportError, retried as transient", () =>
    Effect.gen(function*() {
      const port = yield* closedPort
      const retries: Array<RetryPolicy.RetryEvent> = []
      const error = yield* Effect.flip(
        update(client, {
          endpoint: `http://127.0.0.1:${port}`,
          retryPolicy: fastRetries,
          onRetry: (event) => Effect.sync(() => retries.push(event))
        })
      )
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" ? error.reason : undefined, "Connect")
      // the standard policy's 3 attempts in all: attempts 1 and 2 failed and were retried as
      // transient, each with a refused connection; the third one's error is the call's
      assert.deepStrictEqual(
        retries.map((event) => [event.attempt, event.retryClass, event.error._tag]),
        [[1, "transient", "TransportError"], [2, "transient", "TransportError"]]
      )
    }))

  it.effect("a server that never answers: the attempt timeout fires (TestClock)", () =>
    Effect.gen(function*() {
      const server = yield* loopbackServer(() => {
        // never answers
      })
      const fiber = yield* Effect.forkChild(
        update(client, { endpoint: server.url, attemptTimeout: "2 seconds", retryPolicy: RetryPolicy.disabled })
      )
      yield* Effect.promise(() => server.received)
      yield* TestClock.adjust("2 seconds")
      const exit = yield* Fiber.await(fiber)
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(exit)
      assert.strictEqual(error._tag, "TransportError")
      assert.strictEqual(error._tag === "TransportError" ? error.reason : undefined, "Timeout")
      yield* Effect.promise(() => server.aborted)
    }))

  it.effect("interrupting the caller aborts the request in flight", () =>
    Effect.gen(function*() {
      const server = yield* loopbackServer(() => {
        // never answers
      })
      const fiber = yield* Effect.forkChild(update(client, { endpoint: server.url }))
      yield* Effect.promise(() => server.received)
      yield* Fiber.interrupt(fiber)
      yield* Effect.promise(() => server.aborted)
      assert.isTrue(Exit.hasInterrupts(yield* Fiber.await(fiber)))
    }))
})
