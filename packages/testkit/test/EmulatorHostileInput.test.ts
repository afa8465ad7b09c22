/**
 * Random and malformed requests into the emulator over a real socket: each gets an AWS-shaped
 * error with the right code, the server stays up, and the simulator's state does not change.
 */
import { AwsJsonProtocol } from "@cognito-feedback/http"
import { assert, describe, it } from "@effect/vitest"
import { Effect, FastCheck as fc, Option } from "effect"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import type * as SimulatorSeed from "../src/SimulatorSeed.js"

const poolId = "us-east-1_Hostile1"
const seed: SimulatorSeed.SeedFile = {
  userPools: [{
    id: poolId,
    users: [{ username: "alice", authEvents: [{ eventId: "evt-1", feedbackToken: "tok.secret-1" }] }]
  }]
}
const valid = {
  UserPoolId: poolId,
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: "tok.secret-1",
  FeedbackValue: "Valid"
}
const maxBodyBytes = 16 * 1024

interface Hostile {
  readonly kind: string
  readonly target: string
  readonly contentType: string
  readonly body: string
  readonly status: number
  readonly code: string
}

const target = AwsJsonProtocol.target("UpdateAuthEventFeedback")
const json = AwsJsonProtocol.contentType
const hostile = (kind: string, code: string, status = 400) =>
(
  fields: Partial<Pick<Hostile, "target" | "contentType">> & { readonly body: string }
): Hostile => ({ kind, code, status, target, contentType: json, ...fields })

const wrongValue = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.object())

/** Each kind of bad request, with the code the live service gives it. */
const hostileRequest: fc.Arbitrary<Hostile> = fc.oneof(
  // an empty (or blank) body reads as `{}` in AWS JSON, so it is not bad JSON
  fc.string({ minLength: 1 }).filter((s) => {
    if (s.trim() === "") return false
    try {
      JSON.parse(s)
      return false
    } catch {
      return true
    }
  }).map((body) => hostile("bad JSON", "SerializationException")({ body })),
  fc.oneof(fc.integer(), fc.string(), fc.array(fc.anything())).map((v) =>
    hostile("not an object", "SerializationException")({ body: JSON.stringify(v) })
  ),
  fc.tuple(fc.constantFrom("UserPoolId", "Username", "EventId", "FeedbackToken"), wrongValue.filter((v) => v !== null))
    .map(([field, value]) =>
      hostile("wrong type", "SerializationException")({ body: JSON.stringify({ ...valid, [field]: value }) })
    ),
  fc.subarray(Object.keys(valid), { minLength: 1 }).map((missing) =>
    hostile("missing members", "InvalidParameterException")({
      body: JSON.stringify(Object.fromEntries(Object.entries(valid).filter(([k]) => !missing.includes(k))))
    })
  ),
  fc.constantFrom("Username", "EventId", "UserPoolId").map((field) =>
    hostile("huge string", "InvalidParameterException")({
      body: JSON.stringify({ ...valid, [field]: "x".repeat(10_000) })
    })
  ),
  fc.stringMatching(/^[A-Za-z.]{1,40}$/).map((op) =>
    hostile("unknown target", "UnknownOperationException")({
      target: `AWSCognitoIdentityProviderService.X${op}`,
      body: JSON.stringify(valid)
    })
  ),
  fc.constantFrom("application/json", "text/plain", "application/x-amz-json-1.0", "").map((contentType) =>
    hostile("wrong content type", "SerializationException")({ contentType, body: JSON.stringify(valid) })
  ),
  fc.integer({ min: maxBodyBytes + 1, max: maxBodyBytes * 4 }).map((size) =>
    hostile("body over the limit", "RequestEntityTooLargeException", 413)({ body: "{" + " ".repeat(size) + "}" })
  )
)

describe("the emulator under hostile input", () => {
  it.live(
    "answers every malformed request with an AWS-shaped error and stays up, state unchanged",
    () =>
      Effect.gen(function*() {
        const emulator = yield* CognitoEmulator.CognitoEmulator
        const simulator = yield* CognitoSimulator.CognitoSimulator
        const send = (request: Pick<Hostile, "target" | "contentType" | "body">) =>
          fetch(emulator.url, {
            method: "POST",
            headers: { "content-type": request.contentType, "x-amz-target": request.target },
            body: request.body
          }).then(async (response) => ({ status: response.status, body: await response.text() }))

        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(hostileRequest, async (request) => {
              const response = await send(request)
              const answer = JSON.parse(response.body) as { __type?: string; message?: string }
              assert.strictEqual(answer.__type, request.code, request.kind)
              assert.strictEqual(response.status, request.status, request.kind)
              assert.typeOf(answer.message, "string")
              assert.notInclude(response.body, "tok.secret-1")
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
