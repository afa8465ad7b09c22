import {
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  InternalErrorException,
  InvalidParameterException,
  NotAuthorizedException,
  paginateAdminListUserAuthEvents,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateAuthEventFeedbackCommand,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException
} from "@aws-sdk/client-cognito-identity-provider"
import type { AuthEventType, UpdateAuthEventFeedbackCommandInput } from "@aws-sdk/client-cognito-identity-provider"
import * as Sdk from "@cognito-feedback/test-support/testkitSdkCases"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, TestClock } from "effect"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"

const { manyEvents, poolId, seed, update } = Sdk

/** The SDK's class for each error of the shared cases, by the error's name. */
const exceptionClasses = {
  NotAuthorizedException,
  UserNotFoundException,
  ResourceNotFoundException,
  UserPoolAddOnNotEnabledException,
  InvalidParameterException,
  TooManyRequestsException,
  InternalErrorException
} as const

const errorCases = Sdk.errorCases.map(([name, input, fault, status, message]) =>
  [
    name,
    exceptionClasses[name.split(" ")[0] as keyof typeof exceptionClasses],
    input as UpdateAuthEventFeedbackCommandInput,
    fault,
    status,
    message
  ] as const
)

/** The official SDK pointed at a fresh emulator, both closed with the test's scope. */
const setup = Effect.gen(function*() {
  const emulator = yield* CognitoEmulator.make()
  const simulator = yield* CognitoSimulator.CognitoSimulator
  const client = yield* Effect.acquireRelease(
    Effect.sync(() =>
      new CognitoIdentityProviderClient({
        endpoint: emulator.url,
        region: "us-east-1",
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
        // one attempt: the error cases must reach the caller, not be retried with real delays
        maxAttempts: 1
      })
    ),
    (client) => Effect.sync(() => client.destroy())
  )
  const send = <A>(call: (client: CognitoIdentityProviderClient) => Promise<A>) =>
    Effect.tryPromise({ try: () => call(client), catch: (error) => error })
  return { emulator, simulator, client, send }
}).pipe(Effect.provide(CognitoSimulator.layer({ seed })))

describe("the AWS SDK for JavaScript v3 against the emulator", () => {
  it.scoped("UpdateAuthEventFeedbackCommand succeeds and the feedback is recorded", () =>
    Effect.gen(function*() {
      const { send, simulator } = yield* setup
      const output = yield* send((client) => client.send(new UpdateAuthEventFeedbackCommand(update)))
      assert.strictEqual(output.$metadata.httpStatusCode, 200)
      assert.strictEqual(output.$metadata.requestId, (yield* simulator.calls)[0]?.requestId)
      const feedback = Option.getOrThrow(yield* simulator.feedbackOf(poolId, "alice", "evt-1"))
      assert.strictEqual(feedback.FeedbackValue, "Invalid")
      assert.strictEqual(feedback.Provider, "User")
    }))

  for (const [name, ExceptionClass, input, fault, status, message] of errorCases) {
    it.scoped(`${name} reaches the SDK as its modeled exception`, () =>
      Effect.gen(function*() {
        const { send, simulator } = yield* setup
        if (fault === "throttle") yield* simulator.throttleNext(1)
        if (fault === "fail") yield* simulator.failNext(1)

        const error = yield* Effect.flip(send((client) => client.send(new UpdateAuthEventFeedbackCommand(input))))
        assert.isTrue(error instanceof ExceptionClass, `an instance of ${ExceptionClass.name}`)
        assert.instanceOf(error, CognitoIdentityProviderServiceException)
        if (!(error instanceof CognitoIdentityProviderServiceException)) return
        assert.strictEqual(error.name, name.split(" ")[0])
        assert.strictEqual(error.message, message)
        assert.strictEqual(error.$fault, status === 500 ? "server" : "client")
        assert.strictEqual(error.$metadata.httpStatusCode, status)
        const calls = yield* simulator.calls
        assert.strictEqual(calls.length, 1)
        assert.strictEqual(error.$metadata.requestId, calls[0]?.requestId)
      }))
  }

  it.scoped("AdminUpdateAuthEventFeedbackCommand and AdminListUserAuthEventsCommand round-trip (signed, dates as Date)", () =>
    Effect.gen(function*() {
      const { send } = yield* setup
      // the simulator dates feedback from the Clock: the TestClock makes the date exact
      yield* TestClock.setTime(Date.parse("2026-11-03T08:30:00.750Z"))
      yield* send((client) =>
        client.send(
          new AdminUpdateAuthEventFeedbackCommand({
            UserPoolId: poolId,
            Username: "alice",
            EventId: "evt-1",
            FeedbackValue: "Valid"
          })
        )
      )
      const output = yield* send((client) =>
        client.send(new AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username: "alice" }))
      )
      const events = output.AuthEvents ?? []
      assert.deepStrictEqual(events.map((event) => event.EventId), ["evt-2", "evt-1"])
      const event = events[1]
      assert.instanceOf(event?.CreationDate, Date)
      assert.strictEqual(event?.CreationDate?.toISOString(), "2026-11-01T10:00:00.500Z")
      assert.strictEqual(event?.EventType, "SignIn")
      assert.deepStrictEqual(event?.EventRisk, {
        RiskDecision: "AccountTakeover",
        RiskLevel: "High",
        CompromisedCredentialsDetected: false
      })
      assert.deepStrictEqual(event?.EventContextData, { IpAddress: "192.0.2.1", City: "Lisbon" })
      assert.strictEqual(event?.EventFeedback?.FeedbackValue, "Valid")
      assert.strictEqual(event?.EventFeedback?.Provider, "Admin")
      assert.instanceOf(event?.EventFeedback?.FeedbackDate, Date)
      assert.strictEqual(event?.EventFeedback?.FeedbackDate?.toISOString(), "2026-11-03T08:30:00.750Z")
      assert.isUndefined(events[0]?.EventFeedback)
      assert.isUndefined(output.NextToken)
    }))

  it.scoped("AdminListUserAuthEvents errors reach the SDK as modeled exceptions too", () =>
    Effect.gen(function*() {
      const { send } = yield* setup
      const error = yield* Effect.flip(
        send((client) => client.send(new AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username: "nobody" })))
      )
      assert.instanceOf(error, UserNotFoundException)
    }))

  it.scoped("paginateAdminListUserAuthEvents returns every event once, newest first", () =>
    Effect.gen(function*() {
      const { client, send } = yield* setup
      const pages = yield* send(async (client) => {
        const pages: Array<ReadonlyArray<AuthEventType>> = []
        for await (
          const page of paginateAdminListUserAuthEvents(
            { client, pageSize: 3 },
            { UserPoolId: poolId, Username: "bob" }
          )
        ) {
          pages.push(page.AuthEvents ?? [])
        }
        return pages
      })
      assert.isDefined(client)
      assert.deepStrictEqual(pages.map((page) => page.length), [3, 3, 1])
      const ids = pages.flat().map((event) => event.EventId)
      assert.deepStrictEqual(ids, manyEvents.map((event) => event.eventId).reverse())
      assert.deepStrictEqual(
        pages.flat().map((event) => event.CreationDate?.getTime()),
        manyEvents.map((event) => event.creationDate.getTime()).reverse()
      )
    }))
})
