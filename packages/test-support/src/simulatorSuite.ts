/**
 * The `CognitoSimulator` suite, for both editions: the order in which UpdateAuthEventFeedback
 * decides, user lookup, and the model-based and concurrency properties, over `simulatorModel`'s
 * world. An edition's runner passes its `describe` and `it` and its `SimulatorDriver`; what needs
 * the TestClock or an edition-only API stays in the runner. Effect-free.
 */
import type * as SimulationFaults from "@cognito-feedback/protocol/SimulationFaults"
import type * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"
import * as fc from "fast-check"
import * as assert from "node:assert/strict"
import {
  aliceSub,
  callOf,
  commands,
  concurrencySeed,
  concurrentValues,
  lastValues,
  offPoolId,
  poolId,
  request,
  uuidV4,
  world,
  worldEvents
} from "./simulatorModel.js"
import type { TestApi } from "./testApi.js"

/** A service error as data. */
export interface SimulatorError {
  readonly _tag: string
  readonly message: string
  readonly requestId?: string | undefined
}

/** How one call ended: its response, or its error. */
export type Outcome =
  | { readonly _tag: "Success"; readonly value: unknown }
  | { readonly _tag: "Failure"; readonly error: SimulatorError }

export interface Feedback {
  readonly FeedbackValue: string
  readonly Provider: string
  readonly FeedbackDate?: Date | undefined
}

/** One edition's simulator, behind Promise-returning functions of plain data. */
export interface Simulator {
  readonly update: (input: unknown) => Promise<Outcome>
  readonly adminUpdate: (input: unknown) => Promise<Outcome>
  readonly list: (input: unknown) => Promise<Outcome>
  readonly throttleNext: (n: number) => Promise<void>
  readonly failNext: (n: number, error?: SimulationFaults.InjectedFailure) => Promise<void>
  readonly feedbackOf: (pool: string, user: string, eventId: string) => Promise<Feedback | undefined>
  readonly userOf: (pool: string, user: string) => Promise<{ readonly sub: string } | undefined>
  /** The call log (`sim.calls`). */
  readonly calls: () => Promise<ReadonlyArray<{ readonly outcome: string }>>
}

export interface SimulatorDriver {
  /** `CognitoSimulator.make({ seed })`. */
  readonly make: (seed: SimulationSeed.SeedFile) => Promise<Simulator>
  /** `Redacted.make(value)` of the edition. */
  readonly redact: (value: string) => unknown
}

const includes = (text: string, part: string): void =>
  assert.ok(text.includes(part), `${JSON.stringify(part)} not in ${JSON.stringify(text)}`)

const notIncludes = (text: string, part: string): void =>
  assert.ok(!text.includes(part), `${JSON.stringify(part)} in ${JSON.stringify(text)}`)

const errorOf = (outcome: Outcome): SimulatorError => {
  if (outcome._tag === "Success") return assert.fail(`succeeded: ${JSON.stringify(outcome.value)}`)
  return outcome.error
}

const tagOf = (outcome: Outcome): string => outcome._tag === "Success" ? "Success" : outcome.error._tag

export const simulatorSuite = (t: TestApi, driver: SimulatorDriver): void => {
  const { describe, it } = t
  const simulator = () => driver.make(world)

  const recordedFeedback = async (sim: Simulator): Promise<number> => {
    let count = 0
    for (const [pool, user, event] of worldEvents) {
      if ((await sim.feedbackOf(pool, user, event)) !== undefined) count++
    }
    return count
  }

  /** Calls `update`, expects failure with `tag`, and checks that nothing was recorded anywhere. */
  const expectRefused = async (input: unknown, tag: string, message?: string): Promise<SimulatorError> => {
    const sim = await simulator()
    const error = errorOf(await sim.update(input))
    assert.strictEqual(error._tag, tag)
    if (message !== undefined) assert.strictEqual(error.message, message)
    assert.match(error.requestId ?? "", uuidV4)
    assert.strictEqual(await recordedFeedback(sim), 0)
    const calls = await sim.calls()
    assert.deepStrictEqual(calls.map((call) => call.outcome), [tag])
    return error
  }

  const feedbackValue = async (feedback: Promise<Feedback | undefined>) => (await feedback)?.FeedbackValue

  describe("UpdateAuthEventFeedback decides in the service's order", () => {
    it("invalid parameters first, even when the pool is unknown", async () => {
      const error = await expectRefused(
        { ...request, UserPoolId: "no pool", FeedbackValue: "Maybe" },
        "InvalidParameterException"
      )
      includes(error.message, "UserPoolId: must match")
      includes(error.message, "FeedbackValue: must be")
    })

    it("then an unknown pool", () =>
      expectRefused(
        { ...request, UserPoolId: "us-east-1_Nope1", Username: "nobody" },
        "ResourceNotFoundException",
        "User pool us-east-1_Nope1 does not exist."
      ))

    it("then threat protection off, even for an unknown user", () =>
      expectRefused({ ...request, UserPoolId: offPoolId, Username: "nobody" }, "UserPoolAddOnNotEnabledException"))

    it("then an unknown user, even for an unknown event", () =>
      expectRefused(
        { ...request, Username: "nobody", EventId: "evt-x" },
        "UserNotFoundException",
        "User does not exist."
      ))

    it("then an unknown event, even with a wrong token", () =>
      expectRefused(
        { ...request, EventId: "evt-x", FeedbackToken: "wrong" },
        "ResourceNotFoundException",
        "Auth event not found."
      ))

    it("another user's event is not found, even with its own token", () =>
      expectRefused({ ...request, EventId: "evt-b", FeedbackToken: "tok.bob-1" }, "ResourceNotFoundException"))

    it("then a wrong token, with a message that does not repeat it", async () => {
      const error = await expectRefused(
        { ...request, FeedbackToken: "tok.alice-2" },
        "NotAuthorizedException",
        "Invalid feedback token."
      )
      notIncludes(error.message, "tok.")
    })

    it("otherwise records the feedback on that event only", async () => {
      const sim = await simulator()
      const response = await sim.update(request)
      assert.deepStrictEqual(response, { _tag: "Success", value: {} })
      assert.strictEqual(await feedbackValue(sim.feedbackOf(poolId, "alice", "evt-1")), "Invalid")
      assert.strictEqual(await recordedFeedback(sim), 1)
    })

    it("accepts Redacted secrets", async () => {
      const sim = await simulator()
      const response = await sim.update({
        ...request,
        Username: driver.redact("alice"),
        FeedbackToken: driver.redact("tok.alice-1")
      })
      assert.strictEqual(response._tag, "Success")
      assert.strictEqual(await recordedFeedback(sim), 1)
    })

    it("no error message or call log contains a username or token", async () => {
      const sim = await simulator()
      const inputs = [
        { ...request, Username: "secret-user" },
        { ...request, FeedbackToken: "secret.token" },
        { ...request, Username: "secret user with spaces" },
        { ...request, FeedbackToken: "secret token!" }
      ]
      const errors: Array<SimulatorError> = []
      for (const input of inputs) errors.push(errorOf(await sim.update(input)))
      const text = JSON.stringify([errors.map((e) => e.message), await sim.calls()])
      notIncludes(text, "secret")
      notIncludes(text, "alice")
    })
  })

  describe("user lookup", () => {
    it("by username, alias attribute or sub: the same user", async () => {
      const sim = await simulator()
      const outcomes = [
        await sim.update({ ...request, Username: "alice", FeedbackValue: "Valid" }),
        await sim.update({
          ...request,
          Username: "alice@example.com",
          EventId: "evt-2",
          FeedbackToken: "tok.alice-2"
        }),
        await sim.update({ ...request, Username: aliceSub, FeedbackValue: "Invalid" })
      ]
      assert.deepStrictEqual(outcomes.map(tagOf), ["Success", "Success", "Success"])
      assert.strictEqual(await feedbackValue(sim.feedbackOf(poolId, "alice", "evt-1")), "Invalid")
      assert.strictEqual(await feedbackValue(sim.feedbackOf(poolId, aliceSub, "evt-2")), "Invalid")
    })

    it("an attribute that is not an alias attribute of the pool does not match", () =>
      expectRefused({ ...request, Username: "+15550100" }, "UserNotFoundException"))

    it("a generated sub is a UUID v4 and finds the user", async () => {
      const sim = await simulator()
      const bob = await sim.userOf(poolId, "bob")
      assert.ok(bob !== undefined)
      assert.match(bob.sub, uuidV4)
      const outcome = await sim.update({ ...request, Username: bob.sub, EventId: "evt-b", FeedbackToken: "tok.bob-1" })
      assert.strictEqual(outcome._tag, "Success")
      assert.strictEqual(await feedbackValue(sim.feedbackOf(poolId, "bob", "evt-b")), "Invalid")
    })
  })

  describe("recorded feedback", () => {
    it("AdminUpdateAuthEventFeedback makes the same checks, token aside", async () => {
      const sim = await simulator()
      const admin = { UserPoolId: poolId, Username: "alice", EventId: "evt-1", FeedbackValue: "Valid" }
      const cases = [
        [{ ...admin, EventId: "bad id!" }, "InvalidParameterException"],
        [{ ...admin, Username: undefined }, "InvalidParameterException"],
        [{ ...admin, UserPoolId: "us-east-1_Nope1" }, "ResourceNotFoundException"],
        [{ ...admin, UserPoolId: offPoolId }, "UserPoolAddOnNotEnabledException"],
        [{ ...admin, Username: "+15550100" }, "UserNotFoundException"],
        [{ ...admin, EventId: "evt-b" }, "ResourceNotFoundException"]
      ] as const
      for (const [input, tag] of cases) {
        const error = errorOf(await sim.adminUpdate(input))
        assert.strictEqual(error._tag, tag)
      }
      assert.strictEqual(await recordedFeedback(sim), 0)
      const { Username: _, ...withoutUsername } = admin
      const error = errorOf(await sim.adminUpdate(withoutUsername))
      assert.strictEqual(error.message, "Username: is required")
    })

    it("feedbackOf is none for unknown pools, users and events", async () => {
      const sim = await simulator()
      assert.strictEqual((await sim.update(request))._tag, "Success")
      assert.notStrictEqual(await sim.feedbackOf(poolId, "alice@example.com", "evt-1"), undefined)
      assert.strictEqual(await sim.feedbackOf("us-east-1_Nope1", "alice", "evt-1"), undefined)
      assert.strictEqual(await sim.feedbackOf(poolId, "nobody", "evt-1"), undefined)
      assert.strictEqual(await sim.feedbackOf(poolId, "alice", "evt-x"), undefined)
      assert.strictEqual(await sim.feedbackOf(poolId, "+15550100", "evt-1"), undefined)
    })
  })

  describe("faults", () => {
    it("throttleNext: the next n calls of any operation are throttled, before any other check", async () => {
      const sim = await simulator()
      await sim.throttleNext(3)
      const errors = [
        errorOf(await sim.update(request)),
        errorOf(await sim.adminUpdate({ invalid: true })),
        errorOf(await sim.list({ UserPoolId: poolId, Username: "alice" }))
      ]
      assert.deepStrictEqual(errors.map((e) => [e._tag, e.message]), [
        ["TooManyRequestsException", "Rate exceeded"],
        ["TooManyRequestsException", "Rate exceeded"],
        ["TooManyRequestsException", "Rate exceeded"]
      ])
      assert.strictEqual(await recordedFeedback(sim), 0)
      assert.strictEqual((await sim.update(request))._tag, "Success")
      assert.strictEqual(await recordedFeedback(sim), 1)
    })

    it("failNext: internal errors (or OperationNotEnabledException), then normal service", async () => {
      const sim = await simulator()
      await sim.failNext(2)
      assert.strictEqual(errorOf(await sim.update(request))._tag, "InternalErrorException")
      assert.strictEqual(
        errorOf(await sim.list({ UserPoolId: poolId, Username: "alice" }))._tag,
        "InternalErrorException"
      )
      assert.strictEqual(await recordedFeedback(sim), 0)
      await sim.failNext(1, "OperationNotEnabledException")
      assert.strictEqual(errorOf(await sim.update(request))._tag, "OperationNotEnabledException")
      assert.strictEqual((await sim.update(request))._tag, "Success")
      assert.strictEqual(await recordedFeedback(sim), 1)
    })
  })

  describe("properties", () => {
    it("recorded feedback is the value of the last successful call for each event (model-based)", () =>
      fc.assert(
        fc.asyncProperty(commands, async (commands) => {
          const sim = await simulator()
          const outcomes: Array<string> = []
          for (const c of commands) {
            const { admin, input } = callOf(c)
            outcomes.push(tagOf(await (admin ? sim.adminUpdate(input) : sim.update(input))))
          }
          const { last, mismatch } = lastValues(commands, outcomes)
          assert.strictEqual(mismatch, undefined)
          for (const [pool, name, eventId] of worldEvents) {
            assert.strictEqual(await feedbackValue(sim.feedbackOf(pool, name, eventId)), last.get(`${name}/${eventId}`))
          }
        }),
        { numRuns: 100 }
      ))

    it("concurrent updates lose no write", () =>
      fc.assert(
        fc.asyncProperty(concurrentValues, async (values) => {
          const sim = await driver.make(concurrencySeed(values.length))
          const outcomes = await Promise.all(
            values.map(({ admin, value }, i) => {
              const input = { UserPoolId: poolId, Username: "dave", EventId: `e${i}`, FeedbackValue: value }
              return admin ? sim.adminUpdate(input) : sim.update({ ...input, FeedbackToken: `t${i}` })
            })
          )
          assert.deepStrictEqual(outcomes.map(tagOf), values.map(() => "Success"))
          for (const [i, { admin, value }] of values.entries()) {
            const feedback = await sim.feedbackOf(poolId, "dave", `e${i}`)
            assert.strictEqual(feedback?.FeedbackValue, value)
            assert.strictEqual(feedback?.Provider, admin ? "Admin" : "User")
          }
          assert.strictEqual((await sim.calls()).length, values.length)
        })
      ))
  })
}
