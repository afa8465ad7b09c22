/**
 * The Effect 3 runner of the secrets suite: the cases, programs and assertions are
 * `@cognito-feedback/test-support/secretsSuite`, shared with the Effect 4 edition; this file
 * interprets its programs. The property test over `CognitoArbitrary` stays here (each edition's
 * property API).
 */
import { AuthEventFeedback, CognitoError, RetryPolicy } from "@cognito-feedback/core"
import { assert, describe, it } from "@effect/vitest"
import type { Layer as L } from "effect"
import {
  Cause,
  Effect,
  Exit,
  FastCheck as fc,
  Fiber,
  Layer,
  Logger,
  LogLevel,
  ManagedRuntime,
  Option,
  Redacted,
  TestClock,
  TestContext
} from "effect"
import * as AuthEventFeedbackTest from "../src/AuthEventFeedbackTest.js"
import * as CognitoArbitrary from "../src/CognitoArbitrary.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import { sampleSeed } from "../src/SimulatorSeed.js"

import { alice } from "@cognito-feedback/test-support/secrets"
import * as Suite from "@cognito-feedback/test-support/secretsSuite"

type Services =
  | AuthEventFeedback.AuthEventFeedback
  | CognitoSimulator.CognitoSimulator
  | AuthEventFeedbackTest.ScriptedCalls

/** What `it.effect` gives a test: the test services, no default logger. */
const TestEnv = TestContext.TestContext.pipe(Layer.provide(Logger.remove(Logger.defaultLogger)))

const outcome = {
  success: AuthEventFeedbackTest.success,
  throttled: AuthEventFeedbackTest.failure(new CognitoError.TooManyRequestsException({ message: "Rate exceeded" })),
  notAuthorized: AuthEventFeedbackTest.failure(new CognitoError.NotAuthorizedException({ message: "Invalid token." }))
}
const retryPolicy = (retry: boolean | undefined) => retry ? RetryPolicy.standard() : undefined
const layerOf = (spec: Suite.LayerSpec) =>
  (spec._tag === "memory"
    ? AuthEventFeedbackTest.layerMemory({ seed: sampleSeed, retryPolicy: retryPolicy(spec.retry) })
    : spec._tag === "scripted"
    ? AuthEventFeedbackTest.layerScripted(spec.script.map((name) => outcome[name]), {
      retryPolicy: retryPolicy(spec.retry)
    })
    : spec._tag === "http"
    ? AuthEventFeedbackTest.layerHttp({ seed: sampleSeed, maxAttempts: spec.maxAttempts })
    : Layer.empty) as L.Layer<Services>

const reveal = (value: unknown) => Suite.isRedacted(value) ? Redacted.make(value.redacted) : value
const logAt = {
  trace: Effect.logTrace,
  debug: Effect.logDebug,
  info: Effect.logInfo,
  warning: Effect.logWarning,
  error: Effect.logError
}
const simulator = CognitoSimulator.CognitoSimulator

const steps = (all: ReadonlyArray<Suite.Step>): Effect.Effect<ReadonlyArray<unknown>, unknown, Services> =>
  Effect.map(Effect.forEach(all, step), (results) => results.flat())
const step = (s: Suite.Step): Effect.Effect<ReadonlyArray<unknown>, unknown, Services> => {
  switch (s._tag) {
    case "update": {
      const input = Object.fromEntries(Object.entries(s.input).map(([k, v]) => [k, reveal(v)])) as typeof alice
      const call = AuthEventFeedback.update(input)
      return s.orFail
        ? Effect.as(call, [])
        : Effect.map(Effect.either(call), (r) => [r._tag === "Right" ? "Success" : r.left._tag])
    }
    case "value":
      return Effect.succeed([s.value])
    case "log": {
      const cause = s.cause && ("fail" in s.cause ? Cause.fail(s.cause.fail) : Cause.die(new Error(s.cause.die)))
      const line = logAt[s.level](...s.message.map(reveal), ...(cause ? [cause] : [])).pipe(
        Effect.annotateLogs(Object.fromEntries(Object.entries(s.annotations ?? {}).map(([k, v]) => [k, reveal(v)])))
      )
      return Effect.as(s.logSpan ? Effect.withLogSpan(line, s.logSpan) : line, [])
    }
    case "span":
      return Effect.withSpan(steps(s.steps), s.name, { attributes: s.attributes ?? {} })
    case "annotateSpan":
      return Effect.as(Effect.annotateCurrentSpan(s.key, s.value), [])
    case "spanEvent":
      return Effect.map(Effect.orDie(Effect.currentSpan), (span) => (span.event(s.name, BigInt(0), s.attributes), []))
    case "throttleNext":
      return Effect.as(Effect.flatMap(simulator, (sim) => sim.throttleNext(s.times)), [])
    case "fork":
      return Effect.gen(function*() {
        const fiber = yield* Effect.fork(steps(s.steps))
        yield* TestClock.adjust(s.adjust as "1 minute")
        if (s.join) return yield* Fiber.join(fiber)
        const done = Option.isSome(yield* Fiber.poll(fiber))
        yield* Fiber.interrupt(fiber)
        return [done]
      })
  }
}

const resultOf = <R>(self: Effect.Effect<ReadonlyArray<unknown>, unknown, R>) =>
  Effect.match(self, { onFailure: Suite.failureOf, onSuccess: (value): Suite.Result => ({ ok: true, value }) })
const exitResult = (exit: Exit.Exit<ReadonlyArray<unknown>, unknown>): Suite.Result =>
  Exit.isSuccess(exit)
    ? { ok: true, value: exit.value }
    : Suite.failureOf(Option.getOrUndefined(Cause.failureOption(exit.cause)) ?? Cause.pretty(exit.cause))

const session = (spec: Suite.LayerSpec): Promise<Suite.Session> => {
  const runtime = ManagedRuntime.make(Layer.provideMerge(layerOf(spec), TestEnv))
  const run = runtime.runPromise
  return Promise.resolve({
    run: (program) => run(resultOf(steps(program))),
    capture: (program) =>
      run(Effect.map(AuthEventFeedbackTest.captureTelemetry(steps(program)), (captured) => ({
        exit: exitResult(captured.exit),
        logs: captured.logs.map((line) => ({ ...line, failures: [...Cause.failures(line.cause)] })),
        spans: captured.spans.map((span) => ({
          ...span,
          succeeded: Option.isSome(span.exit) && Exit.isSuccess(span.exit.value)
        })),
        secrets: captured.secrets.map((secret) => ({ name: secret.name, value: Redacted.value(secret.value) })),
        json: JSON.stringify(captured.secrets)
      }))),
    check: (program, options = {}) =>
      run(resultOf(
        steps(program).pipe(
          AuthEventFeedbackTest.expectNoSecrets({
            secrets: options.secrets?.map((secret) => reveal(secret) as string),
            minLength: options.minLength
          }),
          options.debug ? Logger.withMinimumLogLevel(LogLevel.Debug) : (self) => self
        )
      )),
    outerLogger: (message) => {
      const lines: Array<unknown> = []
      const outer = Logger.make(({ message }) => lines.push(message))
      return run(
        AuthEventFeedbackTest.captureTelemetry(Effect.logInfo(message)).pipe(Effect.provide(Logger.add(outer)))
      ).then(() => lines)
    },
    feedbackOf: (pool, user, event) =>
      run(Effect.map(
        Effect.flatMap(simulator, (sim) => sim.feedbackOf(pool, user, event)),
        (feedback) => Option.getOrUndefined(feedback)?.FeedbackValue
      )),
    calls: () => run(Effect.map(Effect.flatMap(simulator, (sim) => sim.calls), (all) => all.map((c) => c.outcome))),
    sent: () =>
      run(Effect.map(AuthEventFeedbackTest.ScriptedCalls, (sent) => () =>
        sent.map((request) => ({
          eventId: request.EventId,
          shown: String(request.FeedbackToken),
          revealed: Redacted.value(request.FeedbackToken)
        })))),
    close: () => runtime.dispose()
  })
}

Suite.secretsSuite({ describe, it }, {
  levels: { trace: "TRACE", debug: "DEBUG", info: "INFO", warn: "WARN", error: "ERROR" },
  causeAttribute: "effect.cause",
  session
})

describe("layerScripted", () => {
  it.effect.prop(
    "answers the script's outcomes in order, then the fallback",
    [fc.array(CognitoArbitrary.outcome, { maxLength: 8 })],
    ([outcomes]) =>
      Effect.gen(function*() {
        const { calls, service } = yield* AuthEventFeedbackTest.makeScripted(outcomes)
        for (const expected of [...outcomes, AuthEventFeedbackTest.success]) {
          const exit = yield* Effect.exit(service.update(alice))
          if (expected._tag === "Success") {
            assert.isTrue(exit._tag === "Success")
          } else {
            assert.deepStrictEqual(exit, Exit.fail(expected.error))
          }
        }
        assert.lengthOf(calls, outcomes.length + 1)
      })
  )
})
