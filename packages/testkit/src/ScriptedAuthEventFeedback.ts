/**
 * An `AuthEventFeedback` that answers from a script: the next outcomes, in order. For testing how a
 * caller handles each error and sequence of errors, exhaustively, with no simulator and no HTTP.
 *
 * @since 0.1.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import type { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import type { Outcome } from "./CognitoArbitrary.js"

/**
 * What the scripted service saw: each validated request, in order (secrets stay `Redacted`).
 *
 * @since 0.1.0
 * @category tags
 */
export class ScriptedCalls extends Context.Tag("@cognito-feedback/testkit/ScriptedAuthEventFeedback/ScriptedCalls")<
  ScriptedCalls,
  Effect.Effect<ReadonlyArray<UpdateAuthEventFeedbackRequest>>
>() {}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * Apply this retry policy around the script, as the live client does, so a script of
   * `[throttled, throttled, success]` succeeds on the third attempt. Default: no retries.
   */
  readonly retryPolicy?: RetryPolicy.RetryPolicy | undefined
  /** What to answer once the script is used up (default: success). */
  readonly whenExhausted?: Outcome | undefined
}

/**
 * Builds the service and the recorder of what it was sent.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (outcomes: ReadonlyArray<Outcome>, options: Options = {}) =>
  Effect.gen(function*() {
    const calls = yield* Ref.make<ReadonlyArray<UpdateAuthEventFeedbackRequest>>([])
    const retrier = yield* RetryPolicy.makeRetrier(options.retryPolicy ?? RetryPolicy.disabled)
    const fallback: Outcome = options.whenExhausted ?? { _tag: "Success" }
    const next = (request: UpdateAuthEventFeedbackRequest) =>
      Ref.modify(calls, (all) => [outcomes[all.length] ?? fallback, [...all, request]])
    const service = AuthEventFeedback.make((request) =>
      retrier.run(() =>
        Effect.flatMap(next(request), (outcome) =>
          outcome._tag === "Success" ? Effect.succeed({}) : Effect.fail({ error: outcome.error }))
      ).pipe(Effect.as({}))
    )
    return { service, calls: Ref.get(calls) }
  })

/**
 * `AuthEventFeedback` answering `outcomes` in order, and `ScriptedCalls` to read what it was sent.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  outcomes: ReadonlyArray<Outcome>,
  options?: Options
): Layer.Layer<AuthEventFeedback.AuthEventFeedback | ScriptedCalls> =>
  Layer.effectContext(
    Effect.map(make(outcomes, options), ({ calls, service }) =>
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
export const failure = (error: Extract<Outcome, { _tag: "Failure" }>["error"]): Outcome => ({ _tag: "Failure", error })
