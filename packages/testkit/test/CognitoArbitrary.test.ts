import { AuthEventFeedback, UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { AwsJsonProtocol } from "@cognito-feedback/http"
import { assert, describe, it } from "@effect/vitest"
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
})
