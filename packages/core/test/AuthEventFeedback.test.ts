import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted, Ref } from "effect"
import { expectTypeOf } from "vitest"
import * as AuthEventFeedback from "../src/AuthEventFeedback.js"
import type * as CognitoError from "../src/CognitoError.js"
import type { UpdateAuthEventFeedbackRequest } from "../src/UpdateAuthEventFeedback.js"

const request = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: "alice",
  EventId: "c3f1a2b4",
  FeedbackToken: Redacted.make("tok.valid-1"),
  FeedbackValue: "Invalid"
} as const

const recording = Effect.gen(function*() {
  const sent = yield* Ref.make<ReadonlyArray<UpdateAuthEventFeedbackRequest>>([])
  const service = AuthEventFeedback.make((decoded) => Effect.as(Ref.update(sent, (all) => [...all, decoded]), {}))
  return { sent, layer: Layer.succeed(AuthEventFeedback.AuthEventFeedback, service) }
})

describe("AuthEventFeedback", () => {
  it.effect("passes the validated request, secrets redacted, to the implementation", () =>
    Effect.gen(function*() {
      const { layer, sent } = yield* recording
      const response = yield* AuthEventFeedback.update(request).pipe(Effect.provide(layer))
      assert.deepStrictEqual(response, {})
      const [decoded] = yield* Ref.get(sent)
      assert.isTrue(decoded !== undefined && Redacted.isRedacted(decoded.Username))
      assert.strictEqual(decoded && Redacted.value(decoded.Username), "alice")
    }))

  it.effect("rejects invalid input before the implementation is called", () =>
    Effect.gen(function*() {
      const { layer, sent } = yield* recording
      const error = yield* Effect.flip(
        AuthEventFeedback.update({ ...request, EventId: "" }).pipe(Effect.provide(layer))
      )
      assert.strictEqual(error._tag, "InvalidParameterException")
      assert.strictEqual(error.message, "EventId: must be at least 1 character long")
      assert.lengthOf(yield* Ref.get(sent), 0)
    }))

  it("locks the operation's error channel", () => {
    type Failure = Effect.Effect.Error<ReturnType<typeof AuthEventFeedback.update>>
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
