/**
 * The Effect 3 runner of the simulator's suite: the world and the model are
 * `@cognito-feedback/test-support/simulatorModel`, and the cases that need neither the TestClock
 * nor an edition-only API are `@cognito-feedback/test-support/simulatorSuite`, both shared with the
 * Effect 4 edition; this runs them through the Effect 3 simulator and keeps the rest.
 */
import { assert, describe, expectTypeOf, it } from "@effect/vitest"
import { Duration, Effect, FastCheck as fc, Fiber, Option, Redacted, Schema, TestClock } from "effect"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import * as SimulatorSeed from "../src/SimulatorSeed.js"

import {
  newestFirst,
  offPoolId,
  paginationCase,
  paginationSeed,
  poolId,
  request,
  uuidV4,
  world,
  worldEvents
} from "@cognito-feedback/test-support/simulatorModel"
import type { Outcome, SimulatorDriver, SimulatorError } from "@cognito-feedback/test-support/simulatorSuite"
import { simulatorSuite } from "@cognito-feedback/test-support/simulatorSuite"

const simulator = CognitoSimulator.make({ seed: world })

/** The shared suite's driver: each call run on its own, its outcome as data. */
const outcome = (effect: Effect.Effect<unknown, SimulatorError>): Promise<Outcome> =>
  Effect.runPromise(
    Effect.match(effect, {
      onFailure: (error): Outcome => ({ _tag: "Failure", error }),
      onSuccess: (value): Outcome => ({ _tag: "Success", value })
    })
  )

const driver: SimulatorDriver = {
  make: (seed) =>
    Effect.runPromise(CognitoSimulator.make({ seed })).then((sim) => ({
      update: (input) => outcome(sim.updateAuthEventFeedback(input)),
      adminUpdate: (input) => outcome(sim.adminUpdateAuthEventFeedback(input)),
      list: (input) => outcome(sim.adminListUserAuthEvents(input)),
      throttleNext: (n) => Effect.runPromise(sim.throttleNext(n)),
      failNext: (n, error) => Effect.runPromise(sim.failNext(n, error)),
      feedbackOf: (pool, user, eventId) =>
        Effect.runPromise(Effect.map(sim.feedbackOf(pool, user, eventId), Option.getOrUndefined)),
      userOf: (pool, user) => Effect.runPromise(Effect.map(sim.userOf(pool, user), Option.getOrUndefined)),
      calls: () => Effect.runPromise(sim.calls)
    })),
  redact: (value) => Redacted.make(value)
}

const recordedFeedback = (sim: CognitoSimulator.CognitoSimulator.Service) =>
  Effect.forEach(worldEvents, ([pool, user, event]) => sim.feedbackOf(pool, user, event)).pipe(
    Effect.map((all) => all.filter(Option.isSome).length)
  )

const feedbackValue = (feedback: Option.Option<CognitoSimulator.EventFeedbackType>) =>
  Option.getOrUndefined(Option.map(feedback, (f) => f.FeedbackValue))

describe("CognitoSimulator", () => {
  simulatorSuite({ describe, it }, driver)

  describe("recorded feedback", () => {
    it.effect("a later call replaces the earlier one, with the Clock's date", () =>
      Effect.gen(function*() {
        const sim = yield* simulator
        const first = Date.parse("2026-11-05T10:00:00Z")
        yield* TestClock.setTime(first)
        yield* sim.updateAuthEventFeedback({ ...request, FeedbackValue: "Valid" })
        const before = Option.getOrThrow(yield* sim.feedbackOf(poolId, "alice", "evt-1"))
        assert.deepStrictEqual(before, { FeedbackValue: "Valid", Provider: "User", FeedbackDate: new Date(first) })
        yield* TestClock.adjust(Duration.minutes(5))
        yield* sim.updateAuthEventFeedback({ ...request, FeedbackValue: "Invalid" })
        const after = Option.getOrThrow(yield* sim.feedbackOf(poolId, "alice", "evt-1"))
        assert.deepStrictEqual(after, {
          FeedbackValue: "Invalid",
          Provider: "User",
          FeedbackDate: new Date(first + 5 * 60_000)
        })
      }))

    it.effect("AdminUpdateAuthEventFeedback needs no token and records Provider Admin", () =>
      Effect.gen(function*() {
        const sim = yield* simulator
        yield* TestClock.setTime(Date.parse("2026-11-06T00:00:00Z"))
        const { FeedbackToken: _, ...admin } = request
        assert.deepStrictEqual(
          yield* sim.adminUpdateAuthEventFeedback({ ...admin, Username: "bob@example.com", EventId: "evt-b" }),
          {}
        )
        assert.deepStrictEqual(Option.getOrUndefined(yield* sim.feedbackOf(poolId, "bob", "evt-b")), {
          FeedbackValue: "Invalid",
          Provider: "Admin",
          FeedbackDate: new Date("2026-11-06T00:00:00Z")
        })
      }))
  })

  describe("AdminListUserAuthEvents", () => {
    /** A simulator whose user `dave` has `count` events, `e0` oldest, one second apart. */
    const withEvents = (count: number, date: (i: number) => Date = (i) => new Date(Date.UTC(2026, 0, 1) + i * 1000)) =>
      CognitoSimulator.make({
        seed: {
          userPools: [{
            id: poolId,
            users: [
              {
                username: "dave",
                authEvents: Array.from({ length: count }, (_, i) => ({
                  eventId: `e${i}`,
                  feedbackToken: `t${i}`,
                  creationDate: date(i)
                }))
              },
              { username: "erin", authEvents: [{ eventId: "x", feedbackToken: "y" }] }
            ]
          }]
        }
      })

    const list = { UserPoolId: poolId, Username: "dave" }

    it.effect("lists newest first, ties in reverse order of insertion, with defaults filled in", () =>
      Effect.gen(function*() {
        const dates = [3, 1, 3, 2].map((s) => new Date(s * 1000))
        const sim = yield* withEvents(4, (i) => dates[i] ?? new Date(0))
        const { AuthEvents, NextToken } = yield* sim.adminListUserAuthEvents(list)
        assert.deepStrictEqual(AuthEvents.map((e) => e.EventId), ["e2", "e0", "e3", "e1"])
        assert.isUndefined(NextToken)
        assert.deepStrictEqual(AuthEvents[0], {
          EventId: "e2",
          EventType: "SignIn",
          CreationDate: new Date(3000),
          EventResponse: "Pass",
          EventRisk: { RiskDecision: "NoRisk", RiskLevel: "Low", CompromisedCredentialsDetected: false },
          ChallengeResponses: []
        })
      }))

    it.effect("shows recorded feedback, and encodes dates as epoch seconds", () =>
      Effect.gen(function*() {
        const sim = yield* CognitoSimulator.make({ seed: SimulatorSeed.sampleSeed })
        yield* TestClock.setTime(Date.parse("2026-11-03T00:00:00.250Z"))
        yield* sim.updateAuthEventFeedback({
          UserPoolId: "us-east-1_Example1",
          Username: "alice@example.com",
          EventId: "evt-1",
          FeedbackToken: "tok.valid-1",
          FeedbackValue: "Invalid"
        })
        const response = yield* sim.adminListUserAuthEvents({ UserPoolId: "us-east-1_Example1", Username: "alice" })
        const wire = yield* Schema.encode(CognitoSimulator.AdminListUserAuthEventsResponse)(response)
        assert.deepStrictEqual(wire.AuthEvents.map((e) => e.EventId), ["evt-2", "evt-1", "evt-3", "evt-4"])
        assert.deepStrictEqual(wire.AuthEvents[1], {
          EventId: "evt-1",
          EventType: "SignIn",
          CreationDate: Date.parse("2026-11-01T10:00:00Z") / 1000,
          EventResponse: "Pass",
          EventRisk: { RiskDecision: "AccountTakeover", RiskLevel: "High", CompromisedCredentialsDetected: false },
          ChallengeResponses: [{ ChallengeName: "Password", ChallengeResponse: "Success" }],
          EventContextData: {
            IpAddress: "203.0.113.7",
            DeviceName: "Firefox, Linux",
            Timezone: "+01:00",
            City: "Lyon",
            Country: "France"
          },
          EventFeedback: {
            FeedbackValue: "Invalid",
            Provider: "User",
            FeedbackDate: Date.parse("2026-11-03T00:00:00.250Z") / 1000
          }
        })
        assert.deepStrictEqual(wire.AuthEvents[2]?.EventFeedback, {
          FeedbackValue: "Valid",
          Provider: "Admin",
          FeedbackDate: Date.parse("2026-10-31T09:00:00Z") / 1000
        })
        // and the wire form decodes back to the same response
        assert.deepStrictEqual(yield* Schema.decode(CognitoSimulator.AdminListUserAuthEventsResponse)(wire), response)
      }))

    it.effect("MaxResults 0 or absent means 60; 60 is allowed; 61, -1 and 1.5 are invalid", () =>
      Effect.gen(function*() {
        const sim = yield* withEvents(70)
        for (const MaxResults of [0, undefined, 60]) {
          const page = yield* sim.adminListUserAuthEvents(MaxResults === undefined ? list : { ...list, MaxResults })
          assert.strictEqual(page.AuthEvents.length, 60)
          assert.isString(page.NextToken)
        }
        for (const MaxResults of [61, -1, 1.5, "10"]) {
          const error = yield* Effect.flip(sim.adminListUserAuthEvents({ ...list, MaxResults }))
          assert.strictEqual(error._tag, "InvalidParameterException")
          assert.strictEqual(
            error.message,
            typeof MaxResults === "number"
              ? "MaxResults: must be an integer from 0 to 60"
              : "MaxResults: must be a number"
          )
        }
      }))

    it.effect("pages with NextToken until none is left", () =>
      Effect.gen(function*() {
        const sim = yield* withEvents(5)
        const first = yield* sim.adminListUserAuthEvents({ ...list, MaxResults: 2 })
        assert.deepStrictEqual(first.AuthEvents.map((e) => e.EventId), ["e4", "e3"])
        const second = yield* sim.adminListUserAuthEvents({ ...list, MaxResults: 2, NextToken: first.NextToken })
        assert.deepStrictEqual(second.AuthEvents.map((e) => e.EventId), ["e2", "e1"])
        // a token is bound to the pool and the user, not to the name used to look the user up
        const byAlias = yield* sim.adminListUserAuthEvents({
          UserPoolId: poolId,
          Username: Option.getOrThrow(yield* sim.userOf(poolId, "dave")).sub,
          MaxResults: 2,
          NextToken: second.NextToken
        })
        assert.deepStrictEqual(byAlias.AuthEvents.map((e) => e.EventId), ["e0"])
        assert.isUndefined(byAlias.NextToken)
      }))

    it.effect("a garbage, tampered or foreign NextToken is invalid", () =>
      Effect.gen(function*() {
        const sim = yield* withEvents(5)
        const { NextToken } = yield* sim.adminListUserAuthEvents({ ...list, MaxResults: 2 })
        const token = NextToken ?? ""
        const tampered = Buffer.from(Buffer.from(token, "base64url").toString().replace(/^\d/, "9")).toString(
          "base64url"
        )
        const forged = Buffer.from("0.0.00000000").toString("base64url")
        for (const bad of ["garbage", "", " ", tampered, forged, `${token}x`]) {
          const error = yield* Effect.flip(sim.adminListUserAuthEvents({ ...list, NextToken: bad }))
          assert.strictEqual(error._tag, "InvalidParameterException", bad)
        }
        const foreign = yield* Effect.flip(sim.adminListUserAuthEvents({ ...list, Username: "erin", NextToken: token }))
        assert.strictEqual(foreign._tag, "InvalidParameterException")
      }))

    it.effect("makes the pool, threat protection and user checks", () =>
      Effect.gen(function*() {
        const sim = yield* simulator
        const cases = [
          [{ UserPoolId: "us-east-1_Nope1", Username: "alice" }, "ResourceNotFoundException"],
          [{ UserPoolId: offPoolId, Username: "carol" }, "UserPoolAddOnNotEnabledException"],
          [{ UserPoolId: poolId, Username: "nobody" }, "UserNotFoundException"],
          [{ UserPoolId: poolId }, "InvalidParameterException"],
          ["not an object", "InvalidParameterException"]
        ] as const
        for (const [input, tag] of cases) {
          assert.strictEqual((yield* Effect.flip(sim.adminListUserAuthEvents(input)))._tag, tag)
        }
      }))
  })

  describe("faults", () => {
    it.effect("throttleAbove: a token bucket refilled by the Clock", () =>
      Effect.gen(function*() {
        const sim = yield* simulator
        const outcome = Effect.map(
          Effect.either(sim.updateAuthEventFeedback(request)),
          (result) => result._tag === "Right" ? "ok" : result.left._tag
        )
        yield* sim.throttleAbove(2, 3)
        // the burst, then nothing until the bucket refills
        assert.deepStrictEqual(yield* Effect.all(Array.from({ length: 4 }, () => outcome)), [
          "ok",
          "ok",
          "ok",
          "TooManyRequestsException"
        ])
        yield* TestClock.adjust(Duration.millis(499))
        assert.strictEqual(yield* outcome, "TooManyRequestsException")
        yield* TestClock.adjust(Duration.millis(1))
        assert.deepStrictEqual(yield* Effect.all([outcome, outcome]), ["ok", "TooManyRequestsException"])
        // a long pause refills to the burst, no further
        yield* TestClock.adjust(Duration.minutes(1))
        assert.deepStrictEqual(yield* Effect.all(Array.from({ length: 4 }, () => outcome)), [
          "ok",
          "ok",
          "ok",
          "TooManyRequestsException"
        ])
        yield* sim.clearFaults
        assert.deepStrictEqual(yield* Effect.all(Array.from({ length: 10 }, () => outcome)), Array(10).fill("ok"))
      }))

    it.effect("throttleAbove: the burst defaults to one second's worth", () =>
      Effect.gen(function*() {
        const sim = yield* simulator
        yield* sim.throttleAbove(5)
        const results = yield* Effect.all(
          Array.from({ length: 6 }, () => Effect.either(sim.updateAuthEventFeedback(request)))
        )
        assert.deepStrictEqual(results.map((r) => r._tag), ["Right", "Right", "Right", "Right", "Right", "Left"])
        yield* TestClock.adjust(Duration.millis(200))
        assert.deepStrictEqual(yield* sim.updateAuthEventFeedback(request), {})
      }))

    it.effect("setLatency: each call answers after the latency, on the Clock", () =>
      Effect.gen(function*() {
        const sim = yield* simulator
        yield* sim.setLatency(Duration.seconds(2))
        const fiber = yield* Effect.fork(sim.updateAuthEventFeedback(request))
        yield* TestClock.adjust(Duration.millis(1999))
        assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
        assert.strictEqual(yield* recordedFeedback(sim), 0)
        yield* TestClock.adjust(Duration.millis(1))
        assert.deepStrictEqual(yield* Fiber.join(fiber), {})
        assert.strictEqual(yield* recordedFeedback(sim), 1)
        // interrupted while waiting: nothing is recorded
        const late = yield* Effect.fork(sim.adminUpdateAuthEventFeedback({ ...request, EventId: "evt-2" }))
        yield* TestClock.adjust(Duration.seconds(1))
        yield* Fiber.interrupt(late)
        assert.strictEqual(yield* recordedFeedback(sim), 1)
        yield* sim.clearFaults
        const fast = yield* Effect.fork(sim.updateAuthEventFeedback(request))
        yield* TestClock.adjust(0)
        assert.isTrue(Option.isSome(yield* Fiber.poll(fast)))
      }))
  })

  describe("calls", () => {
    it.effect("logs each answer with its outcome, request id and date, but no secret", () =>
      Effect.gen(function*() {
        const sim = yield* simulator
        yield* TestClock.setTime(1_000)
        yield* sim.updateAuthEventFeedback(request)
        yield* Effect.flip(sim.adminUpdateAuthEventFeedback({ ...request, Username: "nobody" }))
        yield* Effect.flip(sim.adminListUserAuthEvents({ Username: "alice" }))
        const calls = yield* sim.calls
        assert.deepStrictEqual(calls.map(({ requestId: _, ...call }) => call), [
          {
            operation: "UpdateAuthEventFeedback",
            outcome: "Success",
            date: new Date(1_000),
            userPoolId: poolId,
            eventId: "evt-1"
          },
          {
            operation: "AdminUpdateAuthEventFeedback",
            outcome: "UserNotFoundException",
            date: new Date(1_000),
            userPoolId: poolId,
            eventId: "evt-1"
          },
          { operation: "AdminListUserAuthEvents", outcome: "InvalidParameterException", date: new Date(1_000) }
        ])
        assert.strictEqual(new Set(calls.map((c) => c.requestId)).size, 3)
        assert.notInclude(JSON.stringify(calls), "alice")
        assert.notInclude(JSON.stringify(calls), "nobody")
      }))
  })

  describe("seeding", () => {
    it.effect("defaults: AUDIT, SignIn, Pass, NoRisk/Low, creation date from the Clock, generated sub", () =>
      Effect.gen(function*() {
        yield* TestClock.setTime(Date.parse("2026-01-02T03:04:05Z"))
        const sim = yield* CognitoSimulator.make({
          seed: {
            userPools: [{ id: poolId, users: [{ username: "u", authEvents: [{ eventId: "e", feedbackToken: "t" }] }] }]
          }
        })
        const { AuthEvents } = yield* sim.adminListUserAuthEvents({ UserPoolId: poolId, Username: "u" })
        assert.deepStrictEqual(AuthEvents, [{
          EventId: "e",
          EventType: "SignIn",
          CreationDate: new Date("2026-01-02T03:04:05Z"),
          EventResponse: "Pass",
          EventRisk: { RiskDecision: "NoRisk", RiskLevel: "Low", CompromisedCredentialsDetected: false },
          ChallengeResponses: []
        }])
        assert.match(Option.getOrThrow(yield* sim.userOf(poolId, "u")).sub, uuidV4)
      }))

    it.effect("from code: addUserPool, addUser, addAuthEvent", () =>
      Effect.gen(function*() {
        const sim = yield* CognitoSimulator.make()
        yield* sim.addUserPool({ id: poolId, aliasAttributes: ["preferred_username"] })
        const user = yield* sim.addUser(poolId, { username: "zoe", attributes: { preferred_username: "z" } })
        assert.match(user.sub, uuidV4)
        yield* sim.addAuthEvent(poolId, "z", { eventId: "e1", feedbackToken: "t1" })
        yield* sim.updateAuthEventFeedback({ ...request, Username: user.sub, EventId: "e1", FeedbackToken: "t1" })
        assert.strictEqual(feedbackValue(yield* sim.feedbackOf(poolId, "zoe", "e1")), "Invalid")

        const errors = yield* Effect.all([
          Effect.flip(sim.addUserPool({ id: poolId })),
          Effect.flip(sim.addUser("us-east-1_Nope1", { username: "x" })),
          Effect.flip(sim.addUser(poolId, { username: "zoe" })),
          Effect.flip(sim.addUser(poolId, { username: "y", attributes: { preferred_username: "z" } })),
          Effect.flip(sim.addUser(poolId, { username: "y", sub: user.sub })),
          Effect.flip(sim.addAuthEvent(poolId, "zoe", { eventId: "e1", feedbackToken: "t2" })),
          Effect.flip(sim.addAuthEvent(poolId, "nobody", { eventId: "e2", feedbackToken: "t2" })),
          Effect.flip(sim.addAuthEvent(poolId, "zoe", { eventId: "bad id!", feedbackToken: "t2" }))
        ])
        assert.deepStrictEqual(errors.map((e) => e.message), [
          "id: a user pool with this id exists",
          "no user pool has this id",
          "username: another user has the same username",
          "attributes.preferred_username: another user has the same preferred_username (an alias attribute of this pool)",
          "sub: another user has the same sub",
          "eventId: another event of this user has the same id",
          "no user of this pool matches",
          "eventId: must match ^[\\w+-]+$"
        ])
      }))

    it.effect("seed is all or nothing", () =>
      Effect.gen(function*() {
        const sim = yield* simulator
        const error = yield* Effect.flip(sim.seed({ userPools: [{ id: "us-east-1_New1" }, { id: poolId }] }))
        assert.strictEqual(error.message, "userPools.1.id: a user pool with this id exists")
        const missing = yield* Effect.flip(sim.addUser("us-east-1_New1", { username: "x" }))
        assert.strictEqual(missing._tag, "SeedError")
        yield* sim.seed({ userPools: [{ id: "us-east-1_New1" }] })
        yield* sim.addUser("us-east-1_New1", { username: "x" })
      }))

    it.effect("the sample seed loads and answers as documented", () =>
      Effect.gen(function*() {
        const sim = yield* CognitoSimulator.CognitoSimulator
        yield* sim.updateAuthEventFeedback({
          UserPoolId: "us-east-1_Example1",
          Username: "alice",
          EventId: "evt-1",
          FeedbackToken: "tok.valid-1",
          FeedbackValue: "Valid"
        })
        const off = yield* Effect.flip(sim.updateAuthEventFeedback({
          UserPoolId: "us-east-1_NoThreat1",
          Username: "carol",
          EventId: "evt-c1",
          FeedbackToken: "tok.off-1",
          FeedbackValue: "Valid"
        }))
        assert.strictEqual(off._tag, "UserPoolAddOnNotEnabledException")
      }).pipe(Effect.provide(CognitoSimulator.layer({ seed: CognitoSimulator.sampleSeed }))))
  })

  describe("seed files", () => {
    const decodeMessage = (json: unknown) =>
      Effect.map(Effect.flip(SimulatorSeed.decodeSeed(json)), (error) => error.message)

    const user = (authEvents: ReadonlyArray<unknown>) => ({ username: "u", authEvents })

    it.effect("a missing field is named by its path", () =>
      Effect.gen(function*() {
        const message = yield* decodeMessage({
          userPools: [{
            id: poolId,
            users: [{ username: "a" }, { username: "b", authEvents: [{ feedbackToken: "t" }] }]
          }]
        })
        assert.strictEqual(message, "userPools.0.users.1.authEvents.0.eventId: is required")
      }))

    it.effect("wrong values and unknown fields are named by their path, without the value", () =>
      Effect.gen(function*() {
        const message = yield* decodeMessage({
          userPools: [
            {
              id: "secret pool",
              advancedSecurityMode: "SECRET",
              aliasAttribute: ["email"],
              users: [
                user([{ eventId: "e", feedbackToken: "secret token", creationDate: "secret-date" }]),
                { username: "secret user" }
              ]
            }
          ]
        })
        assert.strictEqual(
          message,
          [
            "userPools.0.aliasAttribute: is not a known field",
            "userPools.0.id: must match ^[\\w-]+_[0-9a-zA-Z]+$",
            "userPools.0.advancedSecurityMode: must be one of OFF, AUDIT, ENFORCED",
            "userPools.0.users.0.authEvents.0.feedbackToken: must match ^[A-Za-z0-9-_=.]+$",
            "userPools.0.users.0.authEvents.0.creationDate: must be an ISO 8601 date",
            "userPools.0.users.1.username: must match ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"
          ].join("; ")
        )
        assert.notInclude(message, "secret")
        assert.notInclude(message, "SECRET")
      }))

    it.effect("duplicates are named by their path", () =>
      Effect.gen(function*() {
        assert.strictEqual(
          yield* decodeMessage({ userPools: [{ id: poolId }, { id: offPoolId }, { id: poolId }] }),
          "userPools.2.id: another user pool has the same id"
        )
        assert.strictEqual(
          yield* decodeMessage({
            userPools: [{
              id: poolId,
              aliasAttributes: ["email"],
              users: [
                { username: "a", attributes: { email: "same@example.com" } },
                { username: "b", attributes: { email: "same@example.com" } },
                { username: "a" }
              ]
            }]
          }),
          [
            "userPools.0.users.1.attributes.email: another user has the same email (an alias attribute of this pool)",
            "userPools.0.users.2.username: another user has the same username"
          ].join("; ")
        )
        assert.strictEqual(
          yield* decodeMessage({
            userPools: [{
              id: poolId,
              users: [user([{ eventId: "e", feedbackToken: "t" }, { eventId: "e", feedbackToken: "t" }])]
            }]
          }),
          "userPools.0.users.0.authEvents.1.eventId: another event of this user has the same id"
        )
      }))

    it.effect("not JSON, not an object", () =>
      Effect.gen(function*() {
        assert.strictEqual(
          (yield* Effect.flip(SimulatorSeed.decodeSeedJson("{ \"userPools\": [ secret"))).message,
          "seed is not valid JSON"
        )
        assert.strictEqual(yield* decodeMessage([]), "seed must be an object")
        assert.strictEqual(yield* decodeMessage({ userPools: {} }), "userPools: must be an array")
      }))

    it.effect("the sample seed survives a round trip through JSON", () =>
      Effect.gen(function*() {
        const json = JSON.stringify(yield* SimulatorSeed.encodeSeed(SimulatorSeed.sampleSeed))
        assert.include(json, "\"creationDate\":\"2026-11-01T10:00:00.000Z\"")
        assert.deepStrictEqual(yield* SimulatorSeed.decodeSeedJson(json), SimulatorSeed.sampleSeed)
      }))
  })

  describe("wire schemas", () => {
    it.prop(
      "EpochSeconds round-trips a date through seconds",
      [fc.date({ min: new Date(0), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true })],
      ([date]) => {
        const seconds = Schema.encodeSync(CognitoSimulator.EpochSeconds)(date)
        assert.strictEqual(seconds, date.getTime() / 1000)
        assert.strictEqual(Schema.decodeSync(CognitoSimulator.EpochSeconds)(seconds).getTime(), date.getTime())
      }
    )

    it("the error channels are exactly the exceptions each operation can give", () => {
      type Tags<F> = F extends (input: unknown) => Effect.Effect<unknown, infer E>
        ? E extends { readonly _tag: infer T } ? T : never
        : never
      type Service = CognitoSimulator.CognitoSimulator.Service
      type Common =
        | "InvalidParameterException"
        | "ResourceNotFoundException"
        | "UserPoolAddOnNotEnabledException"
        | "UserNotFoundException"
        | "TooManyRequestsException"
        | "InternalErrorException"
        | "OperationNotEnabledException"
      expectTypeOf<Tags<Service["updateAuthEventFeedback"]>>().toEqualTypeOf<Common | "NotAuthorizedException">()
      expectTypeOf<Tags<Service["adminUpdateAuthEventFeedback"]>>().toEqualTypeOf<Common>()
      expectTypeOf<Tags<Service["adminListUserAuthEvents"]>>().toEqualTypeOf<Common>()
    })
  })

  describe("properties", () => {
    it.effect.prop(
      "pagination returns every event exactly once, newest first",
      { page: paginationCase },
      ({ page: { maxResults, seconds } }) =>
        Effect.gen(function*() {
          const sim = yield* CognitoSimulator.make({ seed: paginationSeed(seconds) })
          const pages: Array<ReadonlyArray<CognitoSimulator.AuthEventType>> = []
          let next: string | undefined = undefined
          do {
            const page: CognitoSimulator.AdminListUserAuthEventsResponse = yield* sim.adminListUserAuthEvents({
              UserPoolId: poolId,
              Username: "dave",
              MaxResults: maxResults,
              NextToken: next
            })
            pages.push(page.AuthEvents)
            next = page.NextToken
          } while (next !== undefined && pages.length <= seconds.length)
          const ids = pages.flat().map((e) => e.EventId)
          assert.deepStrictEqual(ids, newestFirst(seconds))
          assert.strictEqual(pages.length, Math.max(1, Math.ceil(seconds.length / maxResults)))
          assert.isTrue(pages.slice(0, -1).every((page) => page.length === maxResults))
        })
    )
  })
})
