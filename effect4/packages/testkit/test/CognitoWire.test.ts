/**
 * The Effect 4 runner of the wire suite: the world, the requests and the generators are
 * `@cognito-feedback/test-support/testkitWireCases`, shared with the Effect 3 edition.
 */
import { AwsJsonProtocol } from "@cognito-feedback/http"
import {
  body,
  headerEntries,
  headersFor,
  poolId,
  post,
  rejectedAtTheWire,
  secret,
  token,
  update,
  username,
  world,
  wrongTwice
} from "@cognito-feedback/test-support/testkitWireCases"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Option } from "effect"
import * as fc from "fast-check"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import * as CognitoWire from "../src/CognitoWire.js"

const withSimulator = <A, E>(
  f: (
    send: (request: CognitoWire.WireRequest) => Effect.Effect<CognitoWire.WireResult>,
    simulator: CognitoSimulator.CognitoSimulator.Service
  ) => Effect.Effect<A, E>
) => Effect.flatMap(CognitoSimulator.make({ seed: world }), (simulator) => f(CognitoWire.handle(simulator), simulator))

interface ErrorBody {
  readonly __type: string
  readonly message: string
}

/** The response is an AWS JSON 1.1 error: content type, request id, `{__type, message}`. */
const assertAwsError = (result: CognitoWire.WireResult, code: string, status: number): ErrorBody => {
  const { response } = result
  assert.strictEqual(response.status, status)
  assert.strictEqual(response.headers["content-type"], "application/x-amz-json-1.1")
  assert.match(response.headers["x-amzn-requestid"] ?? "", /^[0-9a-f-]{36}$/)
  const body = JSON.parse(response.body) as ErrorBody
  assert.deepStrictEqual(Object.keys(body).sort(), ["__type", "message"])
  assert.strictEqual(body.__type, code)
  assert.isString(body.message)
  assert.strictEqual(AwsJsonProtocol.readErrorCode(response.headers, body), code)
  assert.strictEqual(result.outcome, code)
  assert.notInclude(response.body, username)
  assert.notInclude(response.body, token)
  return body
}

/** Nothing was recorded anywhere: no feedback on any event and, unless `calls` says so, no call. */
const assertUnchanged = (simulator: CognitoSimulator.CognitoSimulator.Service, calls = 0) =>
  Effect.gen(function*() {
    for (const eventId of ["evt-1", "evt-2"]) {
      assert.isTrue(Option.isNone(yield* simulator.feedbackOf(poolId, username, eventId)))
    }
    assert.strictEqual((yield* simulator.calls).length, calls)
  })

describe("CognitoWire.handle", () => {
  describe("rejects at the wire, before the simulator", () => {
    for (const [name, request, code, status] of rejectedAtTheWire) {
      it.effect(`${name}: ${status} ${code}, nothing recorded`, () =>
        withSimulator((send, simulator) =>
          Effect.gen(function*() {
            assertAwsError(yield* send(request), code, status)
            yield* assertUnchanged(simulator)
          })
        ))
    }

    for (const [name, request, code, status] of wrongTwice) {
      it.effect(`wrong in two ways, the first check in the service's order decides: ${name}: ${status} ${code}`, () =>
        withSimulator((send, simulator) =>
          Effect.gen(function*() {
            assertAwsError(yield* send(request), code, status)
            yield* assertUnchanged(simulator)
          })
        ))
    }

    it.effect("the missing-token message is the service's", () =>
      withSimulator((send) =>
        Effect.gen(function*() {
          const result = yield* send({
            ...post("AdminListUserAuthEvents", { UserPoolId: poolId, Username: username }),
            headers: headersFor("UpdateAuthEventFeedback", {
              "x-amz-target": AwsJsonProtocol.target("AdminListUserAuthEvents")
            })
          })
          assert.strictEqual(
            assertAwsError(result, "MissingAuthenticationTokenException", 400).message,
            "Missing Authentication Token"
          )
          assert.strictEqual(result.operation, "AdminListUserAuthEvents")
        })
      ))

    it.effect("an unknown target is reported as Unknown, never as sent", () =>
      withSimulator((send) =>
        Effect.gen(function*() {
          const result = yield* send(
            post("UpdateAuthEventFeedback", update, { "x-amz-target": `AWSCognitoIdentityProviderService.${token}` })
          )
          assert.strictEqual(result.operation, CognitoWire.unknownOperation)
          assert.notInclude(result.response.body, token)
        })
      ))
  })

  describe("the simulator decides the rest", () => {
    const invalid: ReadonlyArray<readonly [string, CognitoWire.WireRequest]> = [
      ["an empty object", post("UpdateAuthEventFeedback", {})],
      ["an empty body (read as {})", post("UpdateAuthEventFeedback", "")],
      ["a missing FeedbackToken", post("UpdateAuthEventFeedback", { ...update, FeedbackToken: undefined })],
      ["a null member (read as absent)", post("UpdateAuthEventFeedback", { ...update, EventId: null })],
      ["a feedback value out of the enum", post("UpdateAuthEventFeedback", { ...update, FeedbackValue: "Maybe" })],
      [
        "a huge username",
        post("UpdateAuthEventFeedback", { ...update, Username: `${username}${"x".repeat(100_000)}` })
      ],
      ["a huge event id", post("UpdateAuthEventFeedback", { ...update, EventId: "e".repeat(100_000) })],
      [
        "MaxResults out of range",
        post("AdminListUserAuthEvents", { UserPoolId: poolId, Username: username, MaxResults: 61 })
      ]
    ]
    for (const [name, request] of invalid) {
      it.effect(`${name}: 400 InvalidParameterException, one call answered, no feedback`, () =>
        withSimulator((send, simulator) =>
          Effect.gen(function*() {
            const result = yield* send(request)
            assertAwsError(result, "InvalidParameterException", 400)
            yield* assertUnchanged(simulator, 1)
            const [call] = yield* simulator.calls
            assert.strictEqual(call?.outcome, "InvalidParameterException")
            // the error keeps the simulator's request id, so a response can be matched to its call
            assert.strictEqual(result.response.headers["x-amzn-requestid"], call?.requestId)
          })
        ))
    }

    it.effect("a huge FeedbackToken (the model sets no limit) is checked like any other: NotAuthorized", () =>
      withSimulator((send, simulator) =>
        Effect.gen(function*() {
          const result = yield* send(post("UpdateAuthEventFeedback", { ...update, FeedbackToken: "t".repeat(200_000) }))
          assertAwsError(result, "NotAuthorizedException", 400)
          yield* assertUnchanged(simulator, 1)
        })
      ))

    it.effect("UpdateAuthEventFeedback: 200 {}, unsigned, charset ignored; the feedback is recorded", () =>
      withSimulator((send, simulator) =>
        Effect.gen(function*() {
          const result = yield* send(
            post("UpdateAuthEventFeedback", update, { "content-type": "application/x-amz-json-1.1; charset=utf-8" })
          )
          assert.strictEqual(result.response.status, 200)
          assert.strictEqual(result.response.body, "{}")
          assert.strictEqual(result.outcome, "Success")
          assert.strictEqual(result.operation, "UpdateAuthEventFeedback")
          assert.isString(result.response.headers["x-amzn-requestid"])
          const feedback = yield* simulator.feedbackOf(poolId, username, "evt-1")
          assert.strictEqual(Option.getOrThrow(feedback).FeedbackValue, "Invalid")
          assert.strictEqual(Option.getOrThrow(feedback).Provider, "User")
        })
      ))

    it.effect("unknown members are ignored, as the service ignores them", () =>
      withSimulator((send) =>
        Effect.gen(function*() {
          const result = yield* send(post("UpdateAuthEventFeedback", { ...update, Extra: [1, 2] }))
          assert.strictEqual(result.response.status, 200)
          // a "__proto__" member is a member like any other, not a prototype
          const proto = yield* send(
            post(
              "UpdateAuthEventFeedback",
              JSON.stringify(update).replace("{", "{\"__proto__\":{\"EventId\":\"evt-2\"},")
            )
          )
          assert.strictEqual(proto.response.status, 200)
        })
      ))

    it.effect("every simulator error keeps its code and message", () =>
      withSimulator((send, simulator) =>
        Effect.gen(function*() {
          const cases = [
            [{ ...update, FeedbackToken: "tok.wrong" }, "NotAuthorizedException"],
            [{ ...update, Username: "nobody" }, "UserNotFoundException"],
            [{ ...update, UserPoolId: "us-east-1_Nope" }, "ResourceNotFoundException"],
            [{ ...update, EventId: "evt-nope" }, "ResourceNotFoundException"]
          ] as const
          for (const [body, code] of cases) {
            assertAwsError(yield* send(post("UpdateAuthEventFeedback", body)), code, 400)
          }
          yield* simulator.throttleNext(1)
          assertAwsError(yield* send(post("UpdateAuthEventFeedback", update)), "TooManyRequestsException", 400)
          yield* simulator.failNext(1)
          assertAwsError(yield* send(post("UpdateAuthEventFeedback", update)), "InternalErrorException", 500)
          yield* simulator.failNext(1, "OperationNotEnabledException")
          assertAwsError(yield* send(post("UpdateAuthEventFeedback", update)), "OperationNotEnabledException", 400)
          yield* assertUnchanged(simulator, 7)
        })
      ))

    it.effect("every answer, success or error, carries the request id the simulator recorded for it", () =>
      withSimulator((send, simulator) =>
        Effect.gen(function*() {
          const admin = { UserPoolId: poolId, Username: username }
          const results = [
            yield* send(post("UpdateAuthEventFeedback", update)),
            yield* send(post("UpdateAuthEventFeedback", { ...update, FeedbackToken: "tok.wrong" })),
            yield* send(post("AdminUpdateAuthEventFeedback", { ...admin, EventId: "evt-2", FeedbackValue: "Valid" })),
            yield* send(post("AdminListUserAuthEvents", admin)),
            yield* send(post("AdminListUserAuthEvents", { ...admin, Username: "nobody" }))
          ]
          const calls = yield* simulator.calls
          assert.deepStrictEqual(calls.map((call) => call.outcome), [
            "Success",
            "NotAuthorizedException",
            "Success",
            "Success",
            "UserNotFoundException"
          ])
          assert.deepStrictEqual(
            results.map((result) => result.response.headers["x-amzn-requestid"]),
            calls.map((call) => call.requestId)
          )
        })
      ))

    it.effect("AdminUpdateAuthEventFeedback with any SigV4 signature: 200 {}, Provider Admin", () =>
      withSimulator((send, simulator) =>
        Effect.gen(function*() {
          const result = yield* send(
            post("AdminUpdateAuthEventFeedback", {
              UserPoolId: poolId,
              Username: username,
              EventId: "evt-2",
              FeedbackValue: "Valid"
            })
          )
          assert.strictEqual(result.response.status, 200)
          assert.strictEqual(result.response.body, "{}")
          const feedback = Option.getOrThrow(yield* simulator.feedbackOf(poolId, username, "evt-2"))
          assert.strictEqual(feedback.Provider, "Admin")
        })
      ))

    it.effect("AdminListUserAuthEvents: dates as epoch seconds, newest first, paginated", () =>
      withSimulator((send) =>
        Effect.gen(function*() {
          yield* send(post("UpdateAuthEventFeedback", update))
          const first = yield* send(
            post("AdminListUserAuthEvents", { UserPoolId: poolId, Username: username, MaxResults: 1 })
          )
          assert.strictEqual(first.response.status, 200)
          const page1 = JSON.parse(first.response.body) as {
            AuthEvents: ReadonlyArray<Record<string, unknown>>
            NextToken?: string
          }
          assert.strictEqual(page1.AuthEvents.length, 1)
          assert.strictEqual(page1.AuthEvents[0]?.EventId, "evt-2")
          assert.strictEqual(page1.AuthEvents[0]?.CreationDate, Date.parse("2026-11-02T10:00:00.250Z") / 1000)
          assert.isString(page1.NextToken)
          const second = yield* send(
            post("AdminListUserAuthEvents", {
              UserPoolId: poolId,
              Username: username,
              MaxResults: 1,
              NextToken: page1.NextToken
            })
          )
          const page2 = JSON.parse(second.response.body) as {
            AuthEvents: ReadonlyArray<{ EventId: string; EventFeedback?: { FeedbackDate: unknown } }>
            NextToken?: string
          }
          assert.strictEqual(page2.AuthEvents[0]?.EventId, "evt-1")
          assert.isNumber(page2.AuthEvents[0]?.EventFeedback?.FeedbackDate)
          assert.isUndefined(page2.NextToken)
        })
      ))
  })

  it.effect("any request gets an AWS-shaped JSON answer, never a failure or a defect, never an echoed secret", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(
          fc.record({
            method: fc.oneof(fc.constantFrom("POST", "GET", "post", "DELETE"), fc.string()),
            headers: headerEntries,
            body,
            bodyTooLarge: fc.boolean()
          }),
          ({ body, bodyTooLarge, headers, method }) =>
            Effect.runPromise(withSimulator((send) =>
              Effect.gen(function*() {
                const exit = yield* Effect.exit(send({ method, headers, body, bodyTooLarge }))
                assert.isTrue(Exit.isSuccess(exit))
                if (Exit.isFailure(exit)) return
                const { outcome, response } = exit.value
                assert.include([200, 400, 413, 500], response.status)
                assert.strictEqual(response.headers["content-type"], "application/x-amz-json-1.1")
                assert.isNotEmpty(response.headers["x-amzn-requestid"])
                const parsed: unknown = JSON.parse(response.body)
                assert.isTrue(typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
                assert.notInclude(response.body, secret)
                if (response.status === 200) {
                  assert.strictEqual(outcome, "Success")
                } else {
                  const error = parsed as ErrorBody
                  assert.match(error.__type, /^[A-Za-z]+$/)
                  assert.isString(error.message)
                  assert.strictEqual(outcome, error.__type)
                  assert.notInclude(error.message, username)
                }
                if (bodyTooLarge) assert.strictEqual(response.status, 413)
              })
            ))
        ),
        { numRuns: 300 }
      )
    ))
})
