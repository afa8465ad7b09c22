/**
 * `AuthEventFeedback` layers for tests, with no HTTP at all: one backed by the in-memory Cognito
 * (seed it, inject faults, assert on recorded feedback), and one that answers from a script of
 * outcomes, to test a caller's handling of every error and sequence of errors.
 *
 * @since 0.1.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import type { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Outcome } from "./CognitoArbitrary.js"
import * as CognitoSimulator from "./CognitoSimulator.js"
import type { SeedError, SeedFile } from "./SimulatorSeed.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * Retry as the live client does, around the simulator or the script: a script of
   * `[throttled, throttled, success]` then succeeds on the third attempt. Default: no retries, so
   * each call is one attempt and tests need no clock.
   */
  readonly retryPolicy?: RetryPolicy.RetryPolicy | undefined
}

const withRetries = (
  policy: RetryPolicy.RetryPolicy | undefined,
  attempt: (request: UpdateAuthEventFeedbackRequest) => Effect.Effect<unknown, UpdateAuthEventFeedbackError>
): Effect.Effect<AuthEventFeedback.AuthEventFeedback.Service> =>
  Effect.map(
    RetryPolicy.makeRetrier(policy ?? RetryPolicy.disabled),
    (retrier) =>
      AuthEventFeedback.make((request) =>
        retrier.run(() => Effect.mapError(attempt(request), (error) => ({ error }))).pipe(Effect.as({}))
      )
  )

/**
 * `AuthEventFeedback` answered by the `CognitoSimulator` in the context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSimulator = (
  options: Options = {}
): Layer.Layer<AuthEventFeedback.AuthEventFeedback, never, CognitoSimulator.CognitoSimulator> =>
  Layer.effect(
    AuthEventFeedback.AuthEventFeedback,
    Effect.flatMap(
      CognitoSimulator.CognitoSimulator,
      (simulator) => withRetries(options.retryPolicy, (request) => simulator.updateAuthEventFeedback(request))
    )
  )

/**
 * A fresh simulator, seeded, and `AuthEventFeedback` on top of it; both are in the context, so a
 * test can inject faults and read recorded feedback back.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackTest, CognitoSimulator, SimulatorSeed } from "@cognito-feedback/testkit"
 * import { Effect, Option } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   yield* AuthEventFeedback.update({
 *     UserPoolId: "us-east-1_Example1",
 *     Username: "alice",
 *     EventId: "evt-1",
 *     FeedbackToken: "tok.valid-1",
 *     FeedbackValue: "Invalid"
 *   })
 *   const simulator = yield* CognitoSimulator.CognitoSimulator
 *   return yield* simulator.feedbackOf("us-east-1_Example1", "alice", "evt-1")
 * })
 *
 * Effect.runPromise(
 *   Effect.provide(program, AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))
 * ).then((feedback) => assert.strictEqual(Option.getOrThrow(feedback).FeedbackValue, "Invalid"))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (
  options: Options & { readonly seed?: SeedFile | undefined } = {}
): Layer.Layer<AuthEventFeedback.AuthEventFeedback | CognitoSimulator.CognitoSimulator, SeedError> =>
  layerSimulator(options).pipe(
    Layer.provideMerge(CognitoSimulator.layer(options.seed === undefined ? {} : { seed: options.seed }))
  )

/**
 * What the scripted service was sent: each validated request, in order (secrets stay `Redacted`).
 * `yield* ScriptedCalls` gives the record itself, which grows as calls arrive: read it after them.
 *
 * @since 0.1.0
 * @category tags
 */
export class ScriptedCalls extends Context.Tag("@cognito-feedback/testkit/AuthEventFeedbackTest/ScriptedCalls")<
  ScriptedCalls,
  ReadonlyArray<UpdateAuthEventFeedbackRequest>
>() {}

/**
 * @since 0.1.0
 * @category models
 */
export interface ScriptOptions extends Options {
  /** What to answer once the script is used up (default: success). */
  readonly whenExhausted?: Outcome | undefined
}

/**
 * A scripted service and the record of what it was sent (see `ScriptedCalls`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Scripted {
  readonly service: AuthEventFeedback.AuthEventFeedback.Service
  readonly calls: ReadonlyArray<UpdateAuthEventFeedbackRequest>
}

/**
 * The scripted service and the record of what it was sent.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeScripted = (outcomes: ReadonlyArray<Outcome>, options: ScriptOptions = {}): Effect.Effect<Scripted> =>
  Effect.gen(function*() {
    const calls: Array<UpdateAuthEventFeedbackRequest> = []
    const fallback = options.whenExhausted ?? success
    const service = yield* withRetries(options.retryPolicy, (request) =>
      Effect.suspend(() => {
        const outcome = outcomes[calls.length] ?? fallback
        calls.push(request)
        return outcome._tag === "Success" ? Effect.void : Effect.fail(outcome.error)
      }))
    return { service, calls }
  })

/**
 * `AuthEventFeedback` answering `outcomes` in order, and `ScriptedCalls` to read what it was sent.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback, CognitoError } from "@cognito-feedback/core"
 * import { AuthEventFeedbackTest } from "@cognito-feedback/testkit"
 * import { Effect } from "effect"
 *
 * const Scripted = AuthEventFeedbackTest.layerScripted([
 *   AuthEventFeedbackTest.failure(new CognitoError.NotAuthorizedException({ message: "Invalid token" })),
 *   AuthEventFeedbackTest.success
 * ])
 *
 * const request = {
 *   UserPoolId: "us-east-1_Example1",
 *   Username: "alice",
 *   EventId: "evt-1",
 *   FeedbackToken: "tok.valid-1",
 *   FeedbackValue: "Valid"
 * } as const
 * const outcome = AuthEventFeedback.update(request).pipe(
 *   Effect.as("recorded"),
 *   Effect.catchTag("NotAuthorizedException", () => Effect.succeed("link expired"))
 * )
 *
 * Effect.runPromise(Effect.provide(Effect.all([outcome, outcome]), Scripted))
 *   .then((outcomes) => assert.deepStrictEqual(outcomes, ["link expired", "recorded"]))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerScripted = (
  outcomes: ReadonlyArray<Outcome>,
  options?: ScriptOptions
): Layer.Layer<AuthEventFeedback.AuthEventFeedback | ScriptedCalls> =>
  Layer.effectContext(
    Effect.map(makeScripted(outcomes, options), ({ calls, service }) =>
      Context.make(AuthEventFeedback.AuthEventFeedback, service).pipe(Context.add(ScriptedCalls, calls)))
  )

/**
 * @since 0.1.0
 * @category constructors
 */
export const success: Outcome = { _tag: "Success" }

/**
 * @since 0.1.0
 * @category constructors
 */
export const failure = (error: UpdateAuthEventFeedbackError): Outcome => ({ _tag: "Failure", error })
