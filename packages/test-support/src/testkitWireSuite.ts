/**
 * The `CognitoWire.handle` suite, for both editions: requests rejected at the wire before the
 * simulator, the simulator's answers in AWS JSON 1.1, and the property that any request gets an
 * AWS-shaped answer that never echoes a secret. An edition's runner passes its `describe` and `it`
 * and its `WireDriver` (its `CognitoWire.handle` over its `CognitoSimulator`, behind Promises).
 * Effect-free.
 */
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import type { InjectedFailure } from "@cognito-feedback/protocol/SimulationFaults"
import * as fc from "fast-check"
import * as assert from "node:assert/strict"
import type { TestApi } from "./testApi.js"
import type { WireRequest } from "./testkitWireCases.js"
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
  wrongTwice
} from "./testkitWireCases.js"

/** An AWS JSON response as `CognitoWire.handle` answers (both editions' `WireResponse`). */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** What `CognitoWire.handle` returns (both editions' `WireResult`). */
export interface WireResult {
  readonly response: WireResponse
  readonly operation: string
  readonly outcome: string
}

/** `CognitoWire.handle` over a fresh simulator of `testkitWireCases.world`, and the simulator read back. */
export interface WireSimulator {
  /** The wire's answer; rejects if the handler fails or dies. */
  readonly send: (request: WireRequest) => Promise<WireResult>
  readonly feedbackOf: (
    userPoolId: string,
    username: string,
    eventId: string
  ) => Promise<{ readonly FeedbackValue: string; readonly Provider: string } | undefined>
  readonly calls: () => Promise<ReadonlyArray<{ readonly outcome: string; readonly requestId: string }>>
  readonly throttleNext: (n: number) => Promise<void>
  readonly failNext: (n: number, error?: InjectedFailure) => Promise<void>
}

export interface WireDriver {
  /** A fresh simulator over `testkitWireCases.world`, with the wire in front of it. */
  readonly simulator: () => Promise<WireSimulator>
  /** `CognitoWire.unknownOperation`. */
  readonly unknownOperation: string
}

interface ErrorBody {
  readonly __type: string
  readonly message: string
}

const notIncludes = (text: string, part: string): void =>
  assert.ok(!text.includes(part), `${JSON.stringify(part)} in ${JSON.stringify(text.slice(0, 2000))}`)

const isString = (value: unknown): void => assert.strictEqual(typeof value, "string", String(value))

/** The response is an AWS JSON 1.1 error: content type, request id, `{__type, message}`. */
const assertAwsError = (result: WireResult, code: string, status: number): ErrorBody => {
  const { response } = result
  assert.strictEqual(response.status, status)
  assert.strictEqual(response.headers["content-type"], "application/x-amz-json-1.1")
  assert.match(response.headers["x-amzn-requestid"] ?? "", /^[0-9a-f-]{36}$/)
  const body = JSON.parse(response.body) as ErrorBody
  assert.deepStrictEqual(Object.keys(body).sort(), ["__type", "message"])
  assert.strictEqual(body.__type, code)
  isString(body.message)
  assert.strictEqual(AwsJson.readErrorCode(response.headers, body), code)
  assert.strictEqual(result.outcome, code)
  notIncludes(response.body, username)
  notIncludes(response.body, token)
  return body
}

/** Nothing was recorded anywhere: no feedback on any event and, unless `calls` says so, no call. */
const assertUnchanged = async (simulator: WireSimulator, calls = 0) => {
  for (const eventId of ["evt-1", "evt-2"]) {
    assert.strictEqual(await simulator.feedbackOf(poolId, username, eventId), undefined)
  }
  assert.strictEqual((await simulator.calls()).length, calls)
}

export const testkitWireSuite = (t: TestApi, driver: WireDriver): void => {
  const { describe, it } = t
  /** A test over a fresh simulator. */
  const withSimulator = (body: (simulator: WireSimulator) => Promise<void>) => async () =>
    body(await driver.simulator())

  describe("CognitoWire.handle", () => {
    describe("rejects at the wire, before the simulator", () => {
      for (const [name, request, code, status] of rejectedAtTheWire) {
        it(
          `${name}: ${status} ${code}, nothing recorded`,
          withSimulator(async (simulator) => {
            assertAwsError(await simulator.send(request), code, status)
            await assertUnchanged(simulator)
          })
        )
      }

      for (const [name, request, code, status] of wrongTwice) {
        it(
          `wrong in two ways, the first check in the service's order decides: ${name}: ${status} ${code}`,
          withSimulator(async (simulator) => {
            assertAwsError(await simulator.send(request), code, status)
            await assertUnchanged(simulator)
          })
        )
      }

      it(
        "the missing-token message is the service's",
        withSimulator(async ({ send }) => {
          const result = await send({
            ...post("AdminListUserAuthEvents", { UserPoolId: poolId, Username: username }),
            headers: headersFor("UpdateAuthEventFeedback", {
              "x-amz-target": AwsJson.target("AdminListUserAuthEvents")
            })
          })
          assert.strictEqual(
            assertAwsError(result, "MissingAuthenticationTokenException", 400).message,
            "Missing Authentication Token"
          )
          assert.strictEqual(result.operation, "AdminListUserAuthEvents")
        })
      )

      it(
        "an unknown target is reported as Unknown, never as sent",
        withSimulator(async ({ send }) => {
          const result = await send(
            post("UpdateAuthEventFeedback", update, { "x-amz-target": `AWSCognitoIdentityProviderService.${token}` })
          )
          assert.strictEqual(result.operation, driver.unknownOperation)
          notIncludes(result.response.body, token)
        })
      )
    })

    describe("the simulator decides the rest", () => {
      const invalid: ReadonlyArray<readonly [string, WireRequest]> = [
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
        it(
          `${name}: 400 InvalidParameterException, one call answered, no feedback`,
          withSimulator(async (simulator) => {
            const result = await simulator.send(request)
            assertAwsError(result, "InvalidParameterException", 400)
            await assertUnchanged(simulator, 1)
            const [call] = await simulator.calls()
            assert.strictEqual(call?.outcome, "InvalidParameterException")
            // the error keeps the simulator's request id, so a response can be matched to its call
            assert.strictEqual(result.response.headers["x-amzn-requestid"], call?.requestId)
          })
        )
      }

      it(
        "a huge FeedbackToken (the model sets no limit) is checked like any other: NotAuthorized",
        withSimulator(async (simulator) => {
          const result = await simulator.send(
            post("UpdateAuthEventFeedback", { ...update, FeedbackToken: "t".repeat(200_000) })
          )
          assertAwsError(result, "NotAuthorizedException", 400)
          await assertUnchanged(simulator, 1)
        })
      )

      it(
        "UpdateAuthEventFeedback: 200 {}, unsigned, charset ignored; the feedback is recorded",
        withSimulator(async (simulator) => {
          const result = await simulator.send(
            post("UpdateAuthEventFeedback", update, { "content-type": "application/x-amz-json-1.1; charset=utf-8" })
          )
          assert.strictEqual(result.response.status, 200)
          assert.strictEqual(result.response.body, "{}")
          assert.strictEqual(result.outcome, "Success")
          assert.strictEqual(result.operation, "UpdateAuthEventFeedback")
          isString(result.response.headers["x-amzn-requestid"])
          const feedback = await simulator.feedbackOf(poolId, username, "evt-1")
          assert.ok(feedback, "no feedback on evt-1")
          assert.strictEqual(feedback.FeedbackValue, "Invalid")
          assert.strictEqual(feedback.Provider, "User")
        })
      )

      it(
        "unknown members are ignored, as the service ignores them",
        withSimulator(async ({ send }) => {
          const result = await send(post("UpdateAuthEventFeedback", { ...update, Extra: [1, 2] }))
          assert.strictEqual(result.response.status, 200)
          // a "__proto__" member is a member like any other, not a prototype
          const proto = await send(
            post(
              "UpdateAuthEventFeedback",
              JSON.stringify(update).replace("{", "{\"__proto__\":{\"EventId\":\"evt-2\"},")
            )
          )
          assert.strictEqual(proto.response.status, 200)
        })
      )

      it(
        "every simulator error keeps its code and message",
        withSimulator(async (simulator) => {
          const { send } = simulator
          const cases = [
            [{ ...update, FeedbackToken: "tok.wrong" }, "NotAuthorizedException"],
            [{ ...update, Username: "nobody" }, "UserNotFoundException"],
            [{ ...update, UserPoolId: "us-east-1_Nope" }, "ResourceNotFoundException"],
            [{ ...update, EventId: "evt-nope" }, "ResourceNotFoundException"]
          ] as const
          for (const [body, code] of cases) {
            assertAwsError(await send(post("UpdateAuthEventFeedback", body)), code, 400)
          }
          await simulator.throttleNext(1)
          assertAwsError(await send(post("UpdateAuthEventFeedback", update)), "TooManyRequestsException", 400)
          await simulator.failNext(1)
          assertAwsError(await send(post("UpdateAuthEventFeedback", update)), "InternalErrorException", 500)
          await simulator.failNext(1, "OperationNotEnabledException")
          assertAwsError(await send(post("UpdateAuthEventFeedback", update)), "OperationNotEnabledException", 400)
          await assertUnchanged(simulator, 7)
        })
      )

      it(
        "every answer, success or error, carries the request id the simulator recorded for it",
        withSimulator(async (simulator) => {
          const { send } = simulator
          const admin = { UserPoolId: poolId, Username: username }
          const results = [
            await send(post("UpdateAuthEventFeedback", update)),
            await send(post("UpdateAuthEventFeedback", { ...update, FeedbackToken: "tok.wrong" })),
            await send(post("AdminUpdateAuthEventFeedback", { ...admin, EventId: "evt-2", FeedbackValue: "Valid" })),
            await send(post("AdminListUserAuthEvents", admin)),
            await send(post("AdminListUserAuthEvents", { ...admin, Username: "nobody" }))
          ]
          const calls = await simulator.calls()
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
      )

      it(
        "AdminUpdateAuthEventFeedback with any SigV4 signature: 200 {}, Provider Admin",
        withSimulator(async (simulator) => {
          const result = await simulator.send(
            post("AdminUpdateAuthEventFeedback", {
              UserPoolId: poolId,
              Username: username,
              EventId: "evt-2",
              FeedbackValue: "Valid"
            })
          )
          assert.strictEqual(result.response.status, 200)
          assert.strictEqual(result.response.body, "{}")
          const feedback = await simulator.feedbackOf(poolId, username, "evt-2")
          assert.ok(feedback, "no feedback on evt-2")
          assert.strictEqual(feedback.Provider, "Admin")
        })
      )

      it(
        "AdminListUserAuthEvents: dates as epoch seconds, newest first, paginated",
        withSimulator(async ({ send }) => {
          await send(post("UpdateAuthEventFeedback", update))
          const first = await send(
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
          isString(page1.NextToken)
          const second = await send(
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
          assert.strictEqual(typeof page2.AuthEvents[0]?.EventFeedback?.FeedbackDate, "number")
          assert.strictEqual(page2.NextToken, undefined)
        })
      )
    })

    it(
      "any request gets an AWS-shaped JSON answer, never a failure or a defect, never an echoed secret",
      () =>
        fc.assert(
          fc.asyncProperty(
            fc.record({
              method: fc.oneof(fc.constantFrom("POST", "GET", "post", "DELETE"), fc.string()),
              headers: headerEntries,
              body,
              bodyTooLarge: fc.boolean()
            }),
            async ({ body, bodyTooLarge, headers, method }) => {
              const { send } = await driver.simulator()
              // a failure or a defect rejects, and so fails the property
              const { outcome, response } = await send({ method, headers, body, bodyTooLarge })
              assert.ok([200, 400, 413, 500].includes(response.status), String(response.status))
              assert.strictEqual(response.headers["content-type"], "application/x-amz-json-1.1")
              const requestId = response.headers["x-amzn-requestid"]
              assert.ok(requestId !== undefined && requestId.length > 0, "no request id")
              const parsed: unknown = JSON.parse(response.body)
              assert.ok(typeof parsed === "object" && parsed !== null && !Array.isArray(parsed), response.body)
              notIncludes(response.body, secret)
              if (response.status === 200) {
                assert.strictEqual(outcome, "Success")
              } else {
                const error = parsed as ErrorBody
                assert.match(error.__type, /^[A-Za-z]+$/)
                isString(error.message)
                assert.strictEqual(outcome, error.__type)
                notIncludes(error.message, username)
              }
              if (bodyTooLarge) assert.strictEqual(response.status, 413)
            }
          ),
          { numRuns: 300 }
        )
    )
  })
}
