/**
 * The seed's schemas (public, for callers) and the protocol's validator (what every simulator
 * reads seeds with) are two readings of one format: over seeds drawn valid and broken in every
 * way, both accept the same ones, decode them alike, and refuse the others with the same message.
 * And the simulator's validation of requests (the protocol's, from the descriptions) gives the
 * messages the request schemas give.
 */
import { UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, Schema } from "effect"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import * as SimulatorSeed from "../src/SimulatorSeed.js"

const parseOptions = { errors: "all", onExcessProperty: "error" } as const

import { listInput, seedOf, updateInput } from "@cognito-feedback/test-support/testkitSeedCases"

const decodeBySchema = Schema.decodeUnknownEither(SimulatorSeed.SeedFile, parseOptions)

const messageOf = <A, E extends { readonly message: string }>(either: Either.Either<A, E>) =>
  Either.match(either, { onLeft: (error) => error.message, onRight: () => "Ok" })

describe("SimulatorSeed and the protocol's validator", () => {
  it.effect.prop(
    "a seed file's JSON: the same seeds accepted, decoded alike, the others refused with the same message",
    [seedOf("iso")],
    ([json]) =>
      Effect.gen(function*() {
        const bySchema = Either.mapLeft(
          decodeBySchema(json),
          (error) => new SimulatorSeed.SeedError({ message: SimulatorSeed.describeSeedIssues(error) })
        )
        const byProtocol = yield* Effect.either(SimulatorSeed.decodeSeed(json))
        assert.strictEqual(messageOf(byProtocol), messageOf(bySchema))
        if (Either.isRight(bySchema) && Either.isRight(byProtocol)) {
          assert.deepStrictEqual(byProtocol.right, bySchema.right)
        }
      }),
    { fastCheck: { numRuns: 300 }, timeout: 30_000 }
  )

  it.effect.prop(
    "a seed built in code: the simulator refuses what the schema refuses, with the same message",
    [seedOf("Date")],
    ([value]) =>
      Effect.gen(function*() {
        const bySchema = yield* Effect.either(SimulatorSeed.validateWith(SimulatorSeed.SeedFile)(value as never))
        const simulator = yield* CognitoSimulator.make()
        const bySimulator = yield* Effect.either(simulator.seed(value as SimulatorSeed.SeedFile))
        // the simulator also refuses pools that clash with its own: it starts empty here
        assert.strictEqual(messageOf(bySimulator), messageOf(bySchema))
      }),
    { fastCheck: { numRuns: 300 }, timeout: 30_000 }
  )
})

describe("the simulator's request validation and the request schemas", () => {
  it.effect.prop(
    "UpdateAuthEventFeedback: the core's message for any input is the simulator's",
    [
      updateInput
    ],
    ([input]) =>
      Effect.gen(function*() {
        const bySchema = yield* Effect.either(UpdateAuthEventFeedback.decodeRequest(input))
        const simulator = yield* CognitoSimulator.make()
        const bySimulator = yield* Effect.either(simulator.updateAuthEventFeedback(input))
        if (Either.isLeft(bySchema)) {
          assert.isTrue(Either.isLeft(bySimulator))
          if (Either.isLeft(bySimulator)) {
            assert.strictEqual(bySimulator.left._tag, "InvalidParameterException")
            assert.strictEqual(bySimulator.left.message, bySchema.left.message)
          }
        } else if (Either.isLeft(bySimulator)) {
          assert.notStrictEqual(bySimulator.left._tag, "InvalidParameterException")
        }
      }),
    { fastCheck: { numRuns: 300 } }
  )

  it.effect.prop(
    "AdminListUserAuthEvents: the schema's message for any input is the simulator's",
    [
      listInput
    ],
    ([input]) =>
      Effect.gen(function*() {
        const bySchema = Schema.decodeUnknownEither(CognitoSimulator.AdminListUserAuthEventsRequest, { errors: "all" })(
          input
        )
        const simulator = yield* CognitoSimulator.make()
        const bySimulator = yield* Effect.either(simulator.adminListUserAuthEvents(input))
        if (Either.isLeft(bySchema)) {
          assert.isTrue(Either.isLeft(bySimulator))
          if (Either.isLeft(bySimulator)) {
            assert.strictEqual(bySimulator.left._tag, "InvalidParameterException")
            assert.strictEqual(
              bySimulator.left.message,
              // the schemas' own wording: `path: rule`, the whole input as `request`
              SimulatorSeed.describeSeedIssues(bySchema.left).replace(/^seed /, "request ")
            )
          }
        } else if (Either.isLeft(bySimulator)) {
          assert.notStrictEqual(bySimulator.left._tag, "InvalidParameterException")
        }
      }),
    { fastCheck: { numRuns: 300 } }
  )
})
