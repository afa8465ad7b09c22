import { base } from "@cognito-feedback/test-support/coreCases"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import { expectTypeOf } from "vitest"
import * as AuthEventFeedback from "../src/AuthEventFeedback.js"
import * as CognitoError from "../src/CognitoError.js"
import type { UpdateAuthEventFeedbackRequest } from "../src/UpdateAuthEventFeedback.js"

const request = { ...base, FeedbackToken: Redacted.make(base.FeedbackToken) } as const

const recording = Effect.gen(function*() {
  const sent = yield* Ref.make<ReadonlyArray<UpdateAuthEventFeedbackRequest>>([])
  const service = AuthEventFeedback.make((decoded) => Effect.as(Ref.update(sent, (all) => [...all, decoded]), {}))
  return { sent, layer: Layer.succeed(AuthEventFeedback.AuthEventFeedback, service) }
})

describe("AuthEventFeedback", () => {
  it("is a service keyed by the package's identifier", () => {
    assert.strictEqual(AuthEventFeedback.AuthEventFeedback.key, "@cognito-feedback/core/AuthEventFeedback")
  })

  it.effect("passes the validated request, secrets redacted, to the implementation", () =>
    Effect.gen(function*() {
      const { layer, sent } = yield* recording
      const response = yield* AuthEventFeedback.update(request).pipe(Effect.provide(layer))
      assert.deepStrictEqual(response, {})
      const all = yield* Ref.get(sent)
      assert.lengthOf(all, 1)
      const [decoded] = all
      assert.isTrue(decoded !== undefined && Redacted.isRedacted(decoded.Username))
      assert.isTrue(decoded !== undefined && Redacted.isRedacted(decoded.FeedbackToken))
      assert.strictEqual(decoded && Redacted.value(decoded.Username), "alice")
      assert.strictEqual(decoded && Redacted.value(decoded.FeedbackToken), "tok.valid-1")
      assert.strictEqual(decoded?.UserPoolId, base.UserPoolId)
      assert.strictEqual(decoded?.EventId, base.EventId)
      assert.strictEqual(decoded?.FeedbackValue, "Invalid")
    }))

  it.effect("rejects invalid input before the implementation is called", () =>
    Effect.gen(function*() {
      const { layer, sent } = yield* recording
      const error = yield* Effect.flip(
        AuthEventFeedback.update({ ...request, EventId: "" }).pipe(Effect.provide(layer))
      )
      assert.strictEqual(error._tag, "InvalidParameterException")
      assert.strictEqual(error.message, "EventId: must be at least 1 character long")
      assert.strictEqual(error._tag === "InvalidParameterException" ? error.origin : undefined, "local")
      assert.lengthOf(yield* Ref.get(sent), 0)
    }))

  it.effect("the implementation's own errors come back as they are", () =>
    Effect.gen(function*() {
      const failure = new CognitoError.InternalErrorException({ message: "boom", requestId: "r-1" })
      const layer = Layer.succeed(
        AuthEventFeedback.AuthEventFeedback,
        AuthEventFeedback.make(() => Effect.fail(failure))
      )
      const error = yield* Effect.flip(AuthEventFeedback.update(request).pipe(Effect.provide(layer)))
      assert.strictEqual(error, failure)
    }))

  it("locks the operation's error channel", () => {
    type Failure = Effect.Error<ReturnType<typeof AuthEventFeedback.update>>
    expectTypeOf<Failure>().toEqualTypeOf<CognitoError.UpdateAuthEventFeedbackError>()
    expectTypeOf<CognitoError.UpdateAuthEventFeedbackError["_tag"]>().toEqualTypeOf<
      | "InvalidParameterException"
      | "ResourceNotFoundException"
      | "TooManyRequestsException"
      | "NotAuthorizedException"
      | "UserNotFoundException"
      | "UserPoolAddOnNotEnabledException"
      | "OperationNotEnabledException"
      | "InternalErrorException"
      | "TransportError"
      | "UnexpectedResponseError"
    >()
  })
})
