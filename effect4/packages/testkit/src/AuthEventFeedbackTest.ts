/**
 * `AuthEventFeedback` layers for tests: one backed by the in-memory Cognito (seed it, inject
 * faults, assert on recorded feedback), one that answers from a script of outcomes, to test a
 * caller's handling of every error and sequence of errors, and one that runs the live HTTP client
 * over the in-memory Cognito without a socket (`layerHttp`). And `captureTelemetry` /
 * `expectNoSecrets`, to prove that a handler's logs and spans never show a username or a token.
 *
 * Input that breaks the request's rules (`UpdateAuthEventFeedback.rules`) never reaches any of
 * these layers: the client rejects it first, with an `InvalidParameterException` of `origin`
 * `"local"`, whichever layer is behind it. Draw inputs with `CognitoArbitrary.validInput` to reach
 * the layer.
 *
 * @since 1.0.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import type { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as AuthEventFeedbackHttp from "@cognito-feedback/http/AuthEventFeedbackHttp"
import type * as Endpoint from "@cognito-feedback/http/Endpoint"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as CognitoSimulator from "./CognitoSimulator.js"
import * as telemetry from "./internal/telemetry.js"
import * as SimulatorHttpClient from "./SimulatorHttpClient.js"
import type { SeedError, SeedFile } from "./SimulatorSeed.js"

/**
 * The outcome of one call of a scripted service: success, or a failure with the error to fail
 * with. Build them with `success` and `failure`; `CognitoArbitrary.outcome` draws them.
 *
 * @since 1.0.0
 * @category models
 */
export type Outcome =
  | { readonly _tag: "Success" }
  | { readonly _tag: "Failure"; readonly error: UpdateAuthEventFeedbackError }

/**
 * @since 1.0.0
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
 * `AuthEventFeedback` answered by the `CognitoSimulator` in the context, with no HTTP: the
 * request is validated (bad input fails locally and never reaches the simulator), then decided by
 * the simulator.
 *
 * @since 1.0.0
 * @category layers
 */
export const layerSimulator = (
  options: Options = {}
): Layer.Layer<AuthEventFeedback.AuthEventFeedback, never, CognitoSimulator.CognitoSimulator> =>
  Layer.effect(
    AuthEventFeedback.AuthEventFeedback,
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      return yield* withRetries(options.retryPolicy, (request) => simulator.updateAuthEventFeedback(request))
    })
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
 * import { strictEqual } from "node:assert"
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
 * ).then((feedback) => strictEqual(Option.getOrThrow(feedback).FeedbackValue, "Invalid"))
 * ```
 *
 * @since 1.0.0
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
 * @since 1.0.0
 * @category tags
 */
export class ScriptedCalls extends Context.Service<ScriptedCalls, ReadonlyArray<UpdateAuthEventFeedbackRequest>>()(
  "@cognito-feedback/testkit/AuthEventFeedbackTest/ScriptedCalls"
) {}

/**
 * @since 1.0.0
 * @category models
 */
export interface ScriptOptions extends Options {
  /** What to answer once the script is used up (default: success). */
  readonly whenExhausted?: Outcome | undefined
}

/**
 * A scripted service and the record of what it was sent (see `ScriptedCalls`).
 *
 * @since 1.0.0
 * @category models
 */
export interface Scripted {
  readonly service: AuthEventFeedback.AuthEventFeedback.Service
  readonly calls: ReadonlyArray<UpdateAuthEventFeedbackRequest>
}

/**
 * The scripted service and the record of what it was sent.
 *
 * @since 1.0.0
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
 * Only requests that pass the local rules are answered from the script (and recorded): invalid
 * input fails with an `InvalidParameterException` of `origin` `"local"` and uses up no outcome.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback, CognitoError } from "@cognito-feedback/core"
 * import { AuthEventFeedbackTest } from "@cognito-feedback/testkit"
 * import { Effect } from "effect"
 * import { deepStrictEqual } from "node:assert"
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
 *   .then((outcomes) => deepStrictEqual(outcomes, ["link expired", "recorded"]))
 * ```
 *
 * @since 1.0.0
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
 * The outcome of a call that succeeds, for `layerScripted` and `makeScripted`.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackTest } from "@cognito-feedback/testkit"
 * import { Effect } from "effect"
 * import { deepStrictEqual } from "node:assert"
 *
 * const outcomes: ReadonlyArray<AuthEventFeedbackTest.Outcome> = [AuthEventFeedbackTest.success]
 *
 * const program = AuthEventFeedback.update({
 *   UserPoolId: "us-east-1_Example1",
 *   Username: "alice",
 *   EventId: "evt-1",
 *   FeedbackToken: "tok.valid-1",
 *   FeedbackValue: "Valid"
 * })
 *
 * Effect.runPromise(Effect.provide(program, AuthEventFeedbackTest.layerScripted(outcomes)))
 *   .then((response) => deepStrictEqual(response, {}))
 * ```
 *
 * @since 1.0.0
 * @category constructors
 */
export const success: Outcome = { _tag: "Success" }

/**
 * The outcome of a call that fails with `error`, for `layerScripted` and `makeScripted`. Any error
 * of the operation: a service exception, a `TransportError` or an `UnexpectedResponseError`.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback, CognitoError } from "@cognito-feedback/core"
 * import { AuthEventFeedbackTest } from "@cognito-feedback/testkit"
 * import { Effect } from "effect"
 * import { strictEqual } from "node:assert"
 *
 * const expired: AuthEventFeedbackTest.Outcome = AuthEventFeedbackTest.failure(
 *   new CognitoError.NotAuthorizedException({ message: "Invalid token", requestId: "req-1" })
 * )
 *
 * const program = AuthEventFeedback.update({
 *   UserPoolId: "us-east-1_Example1",
 *   Username: "alice",
 *   EventId: "evt-1",
 *   FeedbackToken: "tok.valid-1",
 *   FeedbackValue: "Valid"
 * }).pipe(Effect.flip)
 *
 * Effect.runPromise(Effect.provide(program, AuthEventFeedbackTest.layerScripted([expired])))
 *   .then((error) => strictEqual(String(error), "NotAuthorizedException: Invalid token (requestId: req-1)"))
 * ```
 *
 * @since 1.0.0
 * @category constructors
 */
export const failure = (error: UpdateAuthEventFeedbackError): Outcome => ({ _tag: "Failure", error })

// ---------------------------------------------------------------------------------------------
// The live client over the simulator
// ---------------------------------------------------------------------------------------------

/**
 * Options of `layerHttp`: the live client's own (`AuthEventFeedbackHttp.Options`: retry policy,
 * timeouts, `onRetry`, …), and the simulator's seed.
 *
 * @since 1.0.0
 * @category models
 */
export interface HttpOptions extends AuthEventFeedbackHttp.Options {
  readonly seed?: SeedFile | undefined
}

/**
 * The live client (`AuthEventFeedbackHttp`, the real encoding, error decoding, retries and
 * timeouts) over `SimulatorHttpClient` over a fresh simulator, seeded: AWS JSON 1.1 without a
 * socket. Both `AuthEventFeedback` and the `CognitoSimulator` are in the context, so a test can
 * seed, throttle or fail the simulator and read its calls. The endpoint is resolved as in
 * production (from the pool id) and ignored by the simulator.
 *
 * The client retries as in production (the standard policy, 3 attempts) and sleeps between
 * attempts on `Clock`: under `TestClock` (`it.effect`), fork the call, `TestClock.adjust`, then
 * join it, or a retried call waits for ever.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackTest, CognitoSimulator, SimulatorSeed } from "@cognito-feedback/testkit"
 * import { Effect, Fiber } from "effect"
 * import * as TestClock from "effect/testing/TestClock"
 * import { deepStrictEqual } from "node:assert"
 *
 * const program = Effect.gen(function*() {
 *   const simulator = yield* CognitoSimulator.CognitoSimulator
 *   yield* simulator.throttleNext(1)
 *   // the retry sleeps on the clock: fork the call, move the clock, join
 *   const fiber = yield* Effect.forkChild(
 *     AuthEventFeedback.update({
 *       UserPoolId: "us-east-1_Example1",
 *       Username: "alice",
 *       EventId: "evt-1",
 *       FeedbackToken: "tok.valid-1",
 *       FeedbackValue: "Invalid"
 *     })
 *   )
 *   yield* TestClock.adjust("1 minute")
 *   yield* Fiber.join(fiber)
 *   return (yield* simulator.calls).map((call) => call.outcome)
 * })
 *
 * Effect.runPromise(
 *   program.pipe(
 *     Effect.provide(AuthEventFeedbackTest.layerHttp({ seed: SimulatorSeed.sampleSeed })),
 *     Effect.provide(TestClock.layer())
 *   )
 * ).then((outcomes) => deepStrictEqual(outcomes, ["TooManyRequestsException", "Success"]))
 * ```
 *
 * @since 1.0.0
 * @category layers
 */
export const layerHttp = (
  options: HttpOptions = {}
): Layer.Layer<
  AuthEventFeedback.AuthEventFeedback | CognitoSimulator.CognitoSimulator,
  SeedError | Endpoint.EndpointError
> => {
  const { seed, ...http } = options
  return AuthEventFeedbackHttp.layer(http).pipe(
    Layer.provide(SimulatorHttpClient.layer),
    Layer.provideMerge(CognitoSimulator.layer(seed === undefined ? {} : { seed }))
  )
}

// ---------------------------------------------------------------------------------------------
// Telemetry
// ---------------------------------------------------------------------------------------------

/**
 * One log line: its level, its message as logged (an array when several values were logged), its
 * annotations, its cause (empty when none) and the labels of its log spans.
 *
 * @since 1.0.0
 * @category models
 */
export interface CapturedLog extends telemetry.CapturedLog {}

/**
 * One span: its name, every attribute set on it in order (at its start or later), its events, and
 * how it ended (`None` while open).
 *
 * @since 1.0.0
 * @category models
 */
export interface CapturedSpan extends telemetry.CapturedSpan {}

/**
 * A secret to look for, named by where it came from (`the FeedbackToken of call 1`, `secret 1`).
 *
 * @since 1.0.0
 * @category models
 */
export interface Secret extends telemetry.Secret {}

/**
 * What a test effect did and emitted: its exit, every log line and every span, and the username
 * and token of each call it made through the `AuthEventFeedback` in the context (before
 * validation: a call rejected locally counts too).
 *
 * @since 1.0.0
 * @category models
 */
export interface Telemetry<A = unknown, E = unknown> extends telemetry.Telemetry<A, E> {}

/**
 * Runs `self` with a logger and a tracer that record every log line (all levels: the minimum
 * level is lowered to `All` for it, so debug lines are built and seen) and every span, alongside
 * the loggers and the tracer already there. The calls `self` makes through the `AuthEventFeedback`
 * provided around it are noted with their username and token; one provided inside `self` is not
 * seen, so pass its secrets to `expectNoSecrets` yourself.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackTest, SimulatorSeed } from "@cognito-feedback/testkit"
 * import { Effect } from "effect"
 * import { deepStrictEqual } from "node:assert"
 *
 * const handler = AuthEventFeedback.update({
 *   UserPoolId: "us-east-1_Example1",
 *   Username: "alice",
 *   EventId: "evt-1",
 *   FeedbackToken: "tok.valid-1",
 *   FeedbackValue: "Invalid"
 * }).pipe(Effect.tap(() => Effect.logInfo("feedback sent")))
 *
 * Effect.runPromise(
 *   AuthEventFeedbackTest.captureTelemetry(handler).pipe(
 *     Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))
 *   )
 * ).then(({ logs, secrets }) => {
 *   deepStrictEqual(logs.map((log) => log.message), [["feedback sent"]])
 *   deepStrictEqual(secrets.map((secret) => secret.name), ["the Username of call 1", "the FeedbackToken of call 1"])
 * })
 * ```
 *
 * @since 1.0.0
 * @category telemetry
 */
export const captureTelemetry: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<Telemetry<A, E>, never, R> =
  telemetry.capture

/**
 * A secret appeared in a log line or a span. `locations` says which secret (by where it came
 * from) and where (`log line 2 (Info) annotation "user"`, `span 1 ("handler") attribute "token"`);
 * neither they nor the message contain a secret.
 *
 * @since 1.0.0
 * @category errors
 */
export class SecretLeakError extends Schema.TaggedError<SecretLeakError>()("SecretLeakError", {
  message: Schema.String,
  locations: Schema.Array(Schema.String)
}) {}

/**
 * @since 1.0.0
 * @category models
 */
export interface NoSecretsOptions {
  /** More values that must not appear (an API key, an email address), besides the calls' own. */
  readonly secrets?: ReadonlyArray<string | Redacted.Redacted<string>> | undefined
  /**
   * Secrets shorter than this are not looked for (default 4): a one-letter username would be
   * found in any text. Draw usernames and tokens at least this long in property tests.
   */
  readonly minLength?: number | undefined
}

const check = <A, E>(
  captured: Telemetry<A, E>,
  options: NoSecretsOptions | undefined
): Effect.Effect<A, E | SecretLeakError> => {
  const extra = (options?.secrets ?? []).map((secret, i): Secret => ({
    name: `secret ${i + 1}`,
    value: Redacted.isRedacted(secret) ? secret : Redacted.make(secret)
  }))
  const found = telemetry.leaks(
    captured,
    [...captured.secrets, ...extra],
    options?.minLength ?? telemetry.defaultMinLength
  )
  if (found.length === 0) return captured.exit
  const locations = found.map((leak) => `${leak.secret} in ${leak.where}`)
  return Effect.fail(
    new SecretLeakError({
      message: `a secret appeared in the telemetry: ${locations.join("; ")}`,
      locations
    })
  )
}

/**
 * Runs `self` as `captureTelemetry` does and fails with a `SecretLeakError` if the username or the
 * token of any call it made, or any of `options.secrets`, appears in a log line (message,
 * annotation key or value, cause, log span) or a span (name, attribute key or value, event, exit):
 * as is, JSON-escaped or URL-encoded, anywhere in nested values. A `Redacted` shows as
 * `<redacted>`, which is no leak. Otherwise it ends as `self` did.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackTest, SimulatorSeed } from "@cognito-feedback/testkit"
 * import { Effect } from "effect"
 * import { strictEqual } from "node:assert"
 *
 * const careless = (token: string) =>
 *   AuthEventFeedback.update({
 *     UserPoolId: "us-east-1_Example1",
 *     Username: "alice",
 *     EventId: "evt-1",
 *     FeedbackToken: token,
 *     FeedbackValue: "Invalid"
 *   }).pipe(Effect.tap(() => Effect.logDebug(`recorded with ${token}`)))
 *
 * Effect.runPromise(
 *   careless("tok.valid-1").pipe(
 *     AuthEventFeedbackTest.expectNoSecrets(),
 *     Effect.flip,
 *     Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))
 *   )
 * ).then((error) =>
 *   strictEqual(
 *     error.message,
 *     "a secret appeared in the telemetry: the FeedbackToken of call 1 in log line 1 (Debug) message"
 *   )
 * )
 * ```
 *
 * @since 1.0.0
 * @category telemetry
 */
export const expectNoSecrets: {
  (
    options?: NoSecretsOptions
  ): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E | SecretLeakError, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, options?: NoSecretsOptions): Effect.Effect<A, E | SecretLeakError, R>
} = dual(
  (args) => Effect.isEffect(args[0]),
  <A, E, R>(self: Effect.Effect<A, E, R>, options?: NoSecretsOptions): Effect.Effect<A, E | SecretLeakError, R> =>
    Effect.flatMap(telemetry.capture(self), (captured) => check(captured, options))
)
