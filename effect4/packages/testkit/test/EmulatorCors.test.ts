// The Effect 4 emulator answers CORS from the protocol's table (`EmulatorHttp`) on plain node:http.
// The emulator answers CORS as the service does, so a page on another origin can call it with
// fetch (the consumer test does so from headless Chromium). Raw requests over a real socket.
import { AwsJsonProtocol } from "@cognito-feedback/http"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as fc from "fast-check"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import type * as SimulatorSeed from "../src/SimulatorSeed.js"

const poolId = "us-east-1_Cors1"
const seed: SimulatorSeed.SeedFile = {
  userPools: [{
    id: poolId,
    users: [{ username: "alice", authEvents: [{ eventId: "evt-1", feedbackToken: "tok.c" }] }]
  }]
}
const origin = "http://page.example.test:8080"

// what a browser's fetch of the live client asks for, in the order it lists them
const sdkHeaders = ["amz-sdk-invocation-id", "amz-sdk-request", "content-type", "x-amz-target", "x-amz-user-agent"]
// what a page traced with OpenTelemetry adds to every fetch (W3C Trace Context and Baggage)
const traceHeaders = ["traceparent", "tracestate", "baggage"]

const send = (request: HttpClientRequest.HttpClientRequest) =>
  Effect.gen(function*() {
    const response = yield* (yield* HttpClient.HttpClient).execute(request)
    return { status: response.status, headers: response.headers, body: yield* response.text }
  })

const preflight = (url: string, requestHeaders: ReadonlyArray<string>) =>
  send(
    HttpClientRequest.make("OPTIONS")(url).pipe(HttpClientRequest.setHeaders({
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": requestHeaders.join(",")
    }))
  )

const update = (url: string, token: string) =>
  send(
    HttpClientRequest.post(url).pipe(
      HttpClientRequest.setHeaders({ origin, "x-amz-target": AwsJsonProtocol.target("UpdateAuthEventFeedback") }),
      HttpClientRequest.bodyText(
        JSON.stringify({
          UserPoolId: poolId,
          Username: "alice",
          EventId: "evt-1",
          FeedbackToken: token,
          FeedbackValue: "Valid"
        }),
        AwsJsonProtocol.contentType
      )
    )
  )

const listOf = (value: string | undefined): ReadonlyArray<string> =>
  (value ?? "").split(",").map((name) => name.trim().toLowerCase()).filter((name) => name.length > 0)

const TestLive = Layer.merge(
  CognitoEmulator.layer().pipe(Layer.provideMerge(CognitoSimulator.layer({ seed }))),
  FetchHttpClient.layer
)

describe("CognitoEmulator CORS", () => {
  it.layer(TestLive)((it) => {
    it.effect("a preflight for the SDK's headers is allowed, from any origin, without reaching the simulator", () =>
      Effect.gen(function*() {
        const { url } = yield* CognitoEmulator.CognitoEmulator
        const simulator = yield* CognitoSimulator.CognitoSimulator
        const callsBefore = (yield* simulator.calls).length
        const response = yield* preflight(url, sdkHeaders)
        assert.strictEqual(response.status, 204)
        assert.strictEqual(response.body, "")
        assert.strictEqual(response.headers["access-control-allow-origin"], "*")
        assert.include(listOf(response.headers["access-control-allow-methods"]), "POST".toLowerCase())
        const allowed = listOf(response.headers["access-control-allow-headers"])
        for (const name of sdkHeaders) assert.include(allowed, name)
        assert.strictEqual(response.headers["access-control-max-age"], "172800")
        assert.strictEqual((yield* simulator.calls).length, callsBefore)
      }))

    it.effect("a preflight of a page traced with OpenTelemetry (traceparent, tracestate, baggage) is allowed", () =>
      Effect.gen(function*() {
        const { url } = yield* CognitoEmulator.CognitoEmulator
        const response = yield* preflight(url, [...sdkHeaders, ...traceHeaders])
        assert.strictEqual(response.status, 204)
        const allowed = listOf(response.headers["access-control-allow-headers"])
        for (const name of [...sdkHeaders, ...traceHeaders]) assert.include(allowed, name)
        assert.includeMembers([...CognitoEmulator.cors.allowedHeaders], traceHeaders)
      }))

    it.effect("a traced call carrying traceparent is answered as any other", () =>
      Effect.gen(function*() {
        const { url } = yield* CognitoEmulator.CognitoEmulator
        const response = yield* send(
          HttpClientRequest.post(url).pipe(
            HttpClientRequest.setHeaders({
              origin,
              "x-amz-target": AwsJsonProtocol.target("UpdateAuthEventFeedback"),
              traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
              tracestate: "vendor=opaque",
              baggage: "userId=anonymous"
            }),
            HttpClientRequest.bodyText(
              JSON.stringify({
                UserPoolId: poolId,
                Username: "alice",
                EventId: "evt-1",
                FeedbackToken: "tok.wrong",
                FeedbackValue: "Valid"
              }),
              AwsJsonProtocol.contentType
            )
          )
        )
        assert.strictEqual(response.status, 400, response.body)
        assert.include(response.body, "NotAuthorizedException")
        assert.strictEqual(response.headers["access-control-allow-origin"], "*")
      }))

    it.effect("any subset of the SDK's and the trace headers, in any order and case, is allowed by the preflight", () =>
      Effect.gen(function*() {
        const { url } = yield* CognitoEmulator.CognitoEmulator
        const context = yield* Effect.context<HttpClient.HttpClient>()
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(
              fc.shuffledSubarray([...sdkHeaders, ...traceHeaders]).chain((names) =>
                fc.tuple(...names.map((name) => fc.constantFrom(name, name.toUpperCase())))
              ),
              (requested) =>
                Effect.runPromiseWith(context)(Effect.gen(function*() {
                  const response = yield* preflight(url, requested)
                  const allowed = listOf(response.headers["access-control-allow-headers"])
                  for (const name of requested) assert.include(allowed, name.toLowerCase())
                }))
            ),
            { numRuns: 25 }
          )
        )
      }))

    it.effect("success and error answers expose the request id and error type to the page", () =>
      Effect.gen(function*() {
        const { url } = yield* CognitoEmulator.CognitoEmulator
        for (const [token, status] of [["tok.wrong", 400], ["tok.c", 200]] as const) {
          const response = yield* update(url, token)
          assert.strictEqual(response.status, status, response.body)
          assert.strictEqual(response.headers["access-control-allow-origin"], "*")
          const exposed = listOf(response.headers["access-control-expose-headers"])
          assert.includeMembers([...exposed], ["x-amzn-requestid", "x-amzn-errortype"])
          assert.isString(response.headers["x-amzn-requestid"])
        }
      }))
  })
})
