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
import { assert, describe, it } from "@effect/vitest"
import { Effect, Option, TestClock } from "effect"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import type * as SimulatorSeed from "../src/SimulatorSeed.js"

const poolId = "us-east-1_Sdk1"
const offPoolId = "us-east-1_SdkOff"
const token = "tok.sdk-1"

const manyEvents = Array.from({ length: 7 }, (_, i) => ({
  eventId: `many-${i}`,
  feedbackToken: `tok.many-${i}`,
  creationDate: new Date(Date.UTC(2026, 10, 1, 10, i, 0, i * 125))
}))

const seed: SimulatorSeed.SeedFile = {
  userPools: [
    {
      id: poolId,
      users: [
        {
          username: "alice",
          authEvents: [
            {
              eventId: "evt-1",
              feedbackToken: token,
              creationDate: new Date("2026-11-01T10:00:00.500Z"),
              riskLevel: "High",
              riskDecision: "AccountTakeover",
              eventContextData: { ipAddress: "192.0.2.1", city: "Lisbon" }
            },
            { eventId: "evt-2", feedbackToken: "tok.sdk-2", creationDate: new Date("2026-11-02T10:00:00Z") }
          ]
        },
        { username: "bob", authEvents: manyEvents }
      ]
    },
    {
      id: offPoolId,
      advancedSecurityMode: "OFF",
      users: [{ username: "carol", authEvents: [{ eventId: "evt-c", feedbackToken: "tok.c" }] }]
    }
  ]
}

const update: UpdateAuthEventFeedbackCommandInput = {
  UserPoolId: poolId,
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: token,
  FeedbackValue: "Invalid"
}

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

/**
 * Each error, as the service documents it and as the SDK must read it, written out here and not
 * taken from the simulator: the SDK's exception class and `name` (the error code, the API
 * reference's list of exceptions), the status the live service answers with (every client error
 * 400, server faults 500: the facts sheet), whether the SDK calls it a client or a server fault,
 * and the message the emulator words (the model's rule for an invalid member; the live service's
 * "Rate exceeded" for throttling).
 */
const errorCases = [
  [
    "NotAuthorizedException",
    NotAuthorizedException,
    { ...update, FeedbackToken: "tok.wrong" },
    undefined,
    400,
    "Invalid feedback token."
  ],
  [
    "UserNotFoundException",
    UserNotFoundException,
    { ...update, Username: "nobody" },
    undefined,
    400,
    "User does not exist."
  ],
  [
    "ResourceNotFoundException (pool)",
    ResourceNotFoundException,
    { ...update, UserPoolId: "us-east-1_Nope" },
    undefined,
    400,
    "User pool us-east-1_Nope does not exist."
  ],
  [
    "ResourceNotFoundException (event)",
    ResourceNotFoundException,
    { ...update, EventId: "evt-nope" },
    undefined,
    400,
    "Auth event not found."
  ],
  [
    "UserPoolAddOnNotEnabledException",
    UserPoolAddOnNotEnabledException,
    { ...update, UserPoolId: offPoolId, Username: "carol", EventId: "evt-c", FeedbackToken: "tok.c" },
    undefined,
    400,
    "Threat protection (advanced security) is not enabled for this user pool."
  ],
  [
    "InvalidParameterException",
    InvalidParameterException,
    { ...update, EventId: "evt!1" },
    undefined,
    400,
    // the model's EventIdType pattern, anchored
    "EventId: must match ^[\\w+-]+$"
  ],
  ["TooManyRequestsException", TooManyRequestsException, update, "throttle", 400, "Rate exceeded"],
  ["InternalErrorException", InternalErrorException, update, "fail", 500, "An internal error occurred."]
] as const

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
