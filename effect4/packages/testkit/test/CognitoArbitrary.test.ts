/**
 * The Effect 4 `CognitoArbitrary` are Effect `Arbitrary`s (`effect/Arbitrary`), not fast-check's:
 * the same properties as the Effect 3 suite, run with `Arbitrary.checkEffect` and `sampleEffect`.
 */
import { AuthEventFeedback, CognitoError, UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { AwsJsonProtocol } from "@cognito-feedback/http"
import { assert, describe, expectTypeOf, it } from "@effect/vitest"
import { Arbitrary, Effect, Result } from "effect"
import * as AuthEventFeedbackTest from "../src/AuthEventFeedbackTest.js"
import * as CognitoArbitrary from "../src/CognitoArbitrary.js"

/** Checks a property with Effect's runner; the failure report is the assertion's message. */
const check = <A, E, R>(
  arbitrary: Arbitrary.Arbitrary<A>,
  property: (value: A) => Effect.Effect<boolean, E, R> | boolean,
  runs = 100
) =>
  Effect.map(Arbitrary.checkEffect(arbitrary, property, { runs }), (result) => {
    assert.strictEqual(result._tag, "Passed", Arbitrary.formatCheckFailure(result))
  })

const sample = <A>(arbitrary: Arbitrary.Arbitrary<A>, count: number, seed: number) =>
  Arbitrary.sampleEffect(arbitrary, { count, seed })

describe("CognitoArbitrary", () => {
  it.effect("validInput always passes validation", () =>
    check(
      CognitoArbitrary.validInput,
      (input) =>
        Effect.map(UpdateAuthEventFeedback.decodeRequest(input), (request) => request.EventId === input.EventId)
    ))

  it.effect("invalidInput is rejected with exactly the message it predicts", () =>
    check(CognitoArbitrary.invalidInput, (bad) =>
      Effect.map(
        Effect.flip(UpdateAuthEventFeedback.decodeRequest(bad.input)),
        (error) => error.message === bad.expectedMessage && error.message.startsWith(`${bad.field}: `)
      )))

  it.effect("wireError decodes to the service error it carries, in every form", () =>
    check(CognitoArbitrary.wireError, (wire) => {
      const decoded = AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse(wire)
      return Result.isFailure(decoded) && decoded.failure._tag === wire.code &&
        decoded.failure.message === wire.message &&
        (decoded.failure as { readonly requestId?: string | undefined }).requestId === wire.requestId
    }))

  it.effect("error and wireError cover every tag and every wire form", () =>
    Effect.gen(function*() {
      const tags = new Set((yield* sample(CognitoArbitrary.error, 2000, 7)).map((e) => e._tag))
      assert.strictEqual(tags.size, 10)
      const wires = yield* sample(CognitoArbitrary.wireError, 2000, 7)
      assert.strictEqual(new Set(wires.map((w) => w.form)).size, 6)
      assert.strictEqual(new Set(wires.map((w) => w.code)).size, 8)
    }))

  it.effect("a caller's error handling, checked over every outcome with the scripted layer", () =>
    check(
      Arbitrary.all([CognitoArbitrary.outcome, CognitoArbitrary.validInput]),
      ([outcome, input]) =>
        Effect.gen(function*() {
          const result = yield* AuthEventFeedback.update(input).pipe(
            Effect.as("recorded"),
            Effect.catchTag("NotAuthorizedException", () => Effect.succeed("expired")),
            Effect.catch((e) => Effect.succeed(e._tag)),
            Effect.provide(AuthEventFeedbackTest.layerScripted([outcome]))
          )
          const expected = outcome._tag === "Success"
            ? "recorded"
            : outcome.error._tag === "NotAuthorizedException"
            ? "expired"
            : outcome.error._tag
          return result === expected
        })
    ))

  it.effect("error meets all eight service exceptions in a property test's first 100 runs, whatever the seed", () =>
    Effect.gen(function*() {
      for (const seed of [1, 2, 3, 7, 42, 1234, 99_999, 31_337]) {
        const tags = new Set((yield* sample(CognitoArbitrary.error, 100, seed)).map((e) => e._tag))
        for (const code of CognitoError.serviceErrorCodes) assert.isTrue(tags.has(code), `seed ${seed}: no ${code}`)
      }
    }))

  it.effect("error draws each service exception 1/9 of the time, transport and unexpected responses 1/18 each", () =>
    Effect.gen(function*() {
      const draws = yield* sample(CognitoArbitrary.error, 9_000, 5)
      const share = (tag: string) => draws.filter((e) => e._tag === tag).length / draws.length
      for (const code of CognitoError.serviceErrorCodes) assert.approximately(share(code), 1 / 9, 0.02, code)
      assert.approximately(share("TransportError"), 1 / 18, 0.015)
      assert.approximately(share("UnexpectedResponseError"), 1 / 18, 0.015)
    }))

  it.effect("a failing property's report shows the generated error's tag, not new Error(\"\")", () =>
    Effect.gen(function*() {
      const result = yield* Arbitrary.checkEffect(
        CognitoArbitrary.error,
        (error) => !(error._tag === "NotAuthorizedException" && error.message.length >= 2),
        { runs: 1000, seed: 11 }
      )
      assert.strictEqual(result._tag, "Falsified")
      if (result._tag !== "Falsified") return
      assert.strictEqual(result.shrunkInput._tag, "NotAuthorizedException")
      assert.isAtLeast(result.shrunkInput.message.length, 2)
      const report = Arbitrary.formatCheckFailure(result) ?? ""
      assert.include(report, "NotAuthorizedException")
      assert.notInclude(report, "new Error(")
    }))

  it("Outcome is one type, exported by AuthEventFeedbackTest and CognitoArbitrary", () => {
    expectTypeOf<CognitoArbitrary.Outcome>().toEqualTypeOf<AuthEventFeedbackTest.Outcome>()
    expectTypeOf(AuthEventFeedbackTest.failure).returns.toEqualTypeOf<AuthEventFeedbackTest.Outcome>()
    expectTypeOf(AuthEventFeedbackTest.success).toEqualTypeOf<AuthEventFeedbackTest.Outcome>()
    expectTypeOf(CognitoArbitrary.outcome).toEqualTypeOf<Arbitrary.Arbitrary<AuthEventFeedbackTest.Outcome>>()
  })
})
