/**
 * The seed's schemas (public, for callers) and the protocol's validator (what every simulator
 * reads seeds with) are two readings of one format: over seeds drawn valid and broken in every
 * way, both accept the same ones, decode them alike, and refuse the others with the same message.
 * And the simulator's validation of requests (the protocol's, from the descriptions) gives the
 * messages the request schemas give.
 */
import { UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { listInput, seedOf, updateInput } from "@cognito-feedback/test-support/testkitSeedCases"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import * as fc from "fast-check"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import * as SimulatorSeed from "../src/SimulatorSeed.js"

// The Effect 4 runner: the generators are `@cognito-feedback/test-support/testkitSeedCases`,
// shared with the Effect 3 edition.

const parseOptions = { errors: "all", onExcessProperty: "error" } as const

const decodeBySchema = Schema.decodeUnknownResult(SimulatorSeed.SeedFile, parseOptions)

const messageOf = <A, E extends { readonly message: string }>(result: Result.Result<A, E>) =>
  Result.match(result, { onFailure: (error) => error.message, onSuccess: () => "Ok" })

/** A fast-check property over an effect, each run in a fresh runtime. */
const property = <A>(arbitrary: fc.Arbitrary<A>, run: (value: A) => Effect.Effect<void, unknown>, numRuns = 300) =>
  Effect.promise(() => fc.assert(fc.asyncProperty(arbitrary, (value) => Effect.runPromise(run(value))), { numRuns }))

describe("SimulatorSeed and the protocol's validator", () => {
  it.effect(
    "a seed file's JSON: the same seeds accepted, decoded alike, the others refused with the same message",
    () =>
      property(seedOf("iso"), (json) =>
        Effect.gen(function*() {
          const bySchema = Result.mapError(
            decodeBySchema(json),
            (error) => new SimulatorSeed.SeedError({ message: SimulatorSeed.describeSeedIssues(error) })
          )
          const byProtocol = yield* Effect.result(SimulatorSeed.decodeSeed(json))
          assert.strictEqual(messageOf(byProtocol), messageOf(bySchema))
          if (Result.isSuccess(bySchema) && Result.isSuccess(byProtocol)) {
            assert.deepStrictEqual(byProtocol.success, bySchema.success)
          }
        })),
    30_000
  )

  it.effect(
    "a seed built in code: the simulator refuses what the schema refuses, with the same message",
    () =>
      property(seedOf("Date"), (value) =>
        Effect.gen(function*() {
          const bySchema = yield* Effect.result(SimulatorSeed.validateWith(SimulatorSeed.SeedFile)(value as never))
          const simulator = yield* CognitoSimulator.make()
          const bySimulator = yield* Effect.result(simulator.seed(value as SimulatorSeed.SeedFile))
          // the simulator also refuses pools that clash with its own: it starts empty here
          assert.strictEqual(messageOf(bySimulator), messageOf(bySchema))
        })),
    30_000
  )
})

describe("the simulator's request validation and the request schemas", () => {
  it.effect(
    "UpdateAuthEventFeedback: the core's message for any input is the simulator's",
    () =>
      property(updateInput, (input) =>
        Effect.gen(function*() {
          const bySchema = yield* Effect.result(UpdateAuthEventFeedback.decodeRequest(input))
          const simulator = yield* CognitoSimulator.make()
          const bySimulator = yield* Effect.result(simulator.updateAuthEventFeedback(input))
          if (Result.isFailure(bySchema)) {
            assert.isTrue(Result.isFailure(bySimulator))
            if (Result.isFailure(bySimulator)) {
              assert.strictEqual(bySimulator.failure._tag, "InvalidParameterException")
              assert.strictEqual(bySimulator.failure.message, bySchema.failure.message)
            }
          } else if (Result.isFailure(bySimulator)) {
            assert.notStrictEqual(bySimulator.failure._tag, "InvalidParameterException")
          }
        })),
    30_000
  )

  it.effect(
    "AdminListUserAuthEvents: the schema's message for any input is the simulator's",
    () =>
      property(listInput, (input) =>
        Effect.gen(function*() {
          const bySchema = Schema.decodeUnknownResult(CognitoSimulator.AdminListUserAuthEventsRequest, {
            errors: "all"
          })(
            input
          )
          const simulator = yield* CognitoSimulator.make()
          const bySimulator = yield* Effect.result(simulator.adminListUserAuthEvents(input))
          if (Result.isFailure(bySchema)) {
            assert.isTrue(Result.isFailure(bySimulator))
            if (Result.isFailure(bySimulator)) {
              assert.strictEqual(bySimulator.failure._tag, "InvalidParameterException")
              assert.strictEqual(
                bySimulator.failure.message,
                // the schemas' own wording: `path: rule`, the whole input as `request`
                SimulatorSeed.describeSeedIssues(bySchema.failure).replace(/^seed /, "request ")
              )
            }
          } else if (Result.isFailure(bySimulator)) {
            assert.notStrictEqual(bySimulator.failure._tag, "InvalidParameterException")
          }
        })),
    30_000
  )
})
