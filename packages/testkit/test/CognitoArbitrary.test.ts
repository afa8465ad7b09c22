import { AuthEventFeedback, CognitoError, UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { AwsJsonProtocol } from "@cognito-feedback/http"
import { assert, describe, expectTypeOf, it } from "@effect/vitest"
import { Effect, Either, FastCheck as fc } from "effect"
import * as AuthEventFeedbackTest from "../src/AuthEventFeedbackTest.js"
import * as CognitoArbitrary from "../src/CognitoArbitrary.js"

describe("CognitoArbitrary", () => {
  it.effect.prop(
    "validInput always passes validation",
    [CognitoArbitrary.validInput],
    ([input]) =>
      Effect.map(UpdateAuthEventFeedback.decodeRequest(input), (request) => {
        assert.strictEqual(request.EventId, input.EventId)
      })
  )

  it.effect.prop(
    "invalidInput is rejected with exactly the message it predicts",
    [CognitoArbitrary.invalidInput],
    ([bad]) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(UpdateAuthEventFeedback.decodeRequest(bad.input))
        assert.strictEqual(error.message, bad.expectedMessage)
        assert.isTrue(error.message.startsWith(`${bad.field}: `))
      })
  )

  it.prop(
    "wireError decodes to the service error it carries, in every form",
    [CognitoArbitrary.wireError],
    ([wire]) => {
      const decoded = AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse(wire)
      assert.isTrue(Either.isLeft(decoded))
      if (Either.isLeft(decoded)) {
        assert.strictEqual(decoded.left._tag, wire.code)
        assert.strictEqual(decoded.left.message, wire.message)
        assert.strictEqual(decoded.left.requestId, wire.requestId)
      }
    }
  )

  it("error and wireError cover every tag and every wire form", () => {
    const tags = new Set(fc.sample(CognitoArbitrary.error, { numRuns: 2000, seed: 7 }).map((e) => e._tag))
    assert.strictEqual(tags.size, 10)
    const wires = fc.sample(CognitoArbitrary.wireError, { numRuns: 2000, seed: 7 })
    assert.strictEqual(new Set(wires.map((w) => w.form)).size, 6)
    assert.strictEqual(new Set(wires.map((w) => w.code)).size, 8)
  })

  it.effect.prop(
    "a caller's error handling, checked over every outcome with the scripted layer",
    [CognitoArbitrary.outcome, CognitoArbitrary.validInput],
    ([outcome, input]) =>
      Effect.gen(function*() {
        const result = yield* AuthEventFeedback.update(input).pipe(
          Effect.as("recorded"),
          Effect.catchTag("NotAuthorizedException", () => Effect.succeed("expired")),
          Effect.catchAll((e) => Effect.succeed(e._tag)),
          Effect.provide(AuthEventFeedbackTest.layerScripted([outcome]))
        )
        const expected = outcome._tag === "Success"
          ? "recorded"
          : outcome.error._tag === "NotAuthorizedException"
          ? "expired"
          : outcome.error._tag
        assert.strictEqual(result, expected)
      })
  )

  it("error meets all eight service exceptions in a property test's first 100 runs, whatever the seed", () => {
    for (const seed of [1, 2, 3, 7, 42, 1234, 99_999, 31_337]) {
      const tags = new Set(fc.sample(CognitoArbitrary.error, { numRuns: 100, seed }).map((e) => e._tag))
      for (const code of CognitoError.serviceErrorCodes) assert.isTrue(tags.has(code), `seed ${seed}: no ${code}`)
    }
  })

  it("error draws each service exception 1/9 of the time, transport and unexpected responses 1/18 each", () => {
    const draws = fc.sample(CognitoArbitrary.error, { numRuns: 9_000, seed: 5 })
    const share = (tag: string) => draws.filter((e) => e._tag === tag).length / draws.length
    for (const code of CognitoError.serviceErrorCodes) assert.approximately(share(code), 1 / 9, 0.02, code)
    assert.approximately(share("TransportError"), 1 / 18, 0.015)
    assert.approximately(share("UnexpectedResponseError"), 1 / 18, 0.015)
  })

  it("a failing property's report shows the generated error's tag and message, not new Error(\"\")", () => {
    const property = fc.property(
      CognitoArbitrary.error,
      (error) => !(error._tag === "NotAuthorizedException" && error.message.length >= 2)
    )
    const details = fc.check(property, { seed: 11 })
    const [counterexample] = details.counterexample ?? []
    assert.strictEqual(counterexample?._tag, "NotAuthorizedException")
    const message = counterexample?.message ?? ""
    assert.isAtLeast(message.length, 2)
    let report = ""
    try {
      fc.assert(property, { seed: 11 })
    } catch (error) {
      report = error instanceof Error ? error.message : String(error)
    }
    assert.include(report, `Counterexample: [new NotAuthorizedException({ message: ${JSON.stringify(message)}`)
    assert.notInclude(report, "new Error(")
  })

  it("Outcome is one type, exported by AuthEventFeedbackTest and CognitoArbitrary", () => {
    expectTypeOf<CognitoArbitrary.Outcome>().toEqualTypeOf<AuthEventFeedbackTest.Outcome>()
    expectTypeOf(AuthEventFeedbackTest.failure).returns.toEqualTypeOf<AuthEventFeedbackTest.Outcome>()
    expectTypeOf(AuthEventFeedbackTest.success).toEqualTypeOf<AuthEventFeedbackTest.Outcome>()
    expectTypeOf(CognitoArbitrary.outcome).toEqualTypeOf<fc.Arbitrary<AuthEventFeedbackTest.Outcome>>()
  })
})
