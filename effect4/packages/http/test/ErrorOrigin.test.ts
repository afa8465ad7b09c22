// A caller tells the client's own rejection of its input from the service's InvalidParameterException
// by `origin`, not by the absence of a request id.
import { AuthEventFeedback, CognitoError, type UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Ref, Result } from "effect"
import * as fc from "fast-check"
import * as AuthEventFeedbackHttp from "../src/AuthEventFeedbackHttp.js"
import * as AwsJsonProtocol from "../src/AwsJsonProtocol.js"
import type { Reply } from "./support.js"
import { fakeClient, fcProp, request } from "./support.js"

const serviceRejection: Reply = {
  status: 400,
  headers: { "x-amzn-errortype": "InvalidParameterException", "x-amzn-requestid": "req-invalid" },
  body: "{\"message\":\"1 validation error detected\"}"
}

const update = (input: UpdateAuthEventFeedback.UpdateAuthEventFeedbackInput) =>
  Effect.gen(function*() {
    const fake = yield* fakeClient([serviceRejection])
    const error = yield* AuthEventFeedback.update(input).pipe(
      Effect.provide(AuthEventFeedbackHttp.layer({}).pipe(Layer.provide(fake.layer))),
      Effect.flip
    )
    return { error, sent: (yield* Ref.get(fake.sent)).length }
  })

describe("InvalidParameterException.origin", () => {
  it.effect("is local for input the client rejects, with nothing sent", () =>
    Effect.gen(function*() {
      const { error, sent } = yield* update({ ...request, EventId: "has space" })
      assert.strictEqual(sent, 0)
      assert.strictEqual(error._tag, "InvalidParameterException")
      if (error._tag === "InvalidParameterException") assert.strictEqual(error.origin, "local")
    }))

  it.effect("is local for a pool id whose region cannot be read, with nothing sent", () =>
    Effect.gen(function*() {
      const { error, sent } = yield* update({ ...request, UserPoolId: "-_A" })
      assert.strictEqual(sent, 0)
      assert.strictEqual(error._tag, "InvalidParameterException")
      if (error._tag === "InvalidParameterException") assert.strictEqual(error.origin, "local")
    }))

  it.effect("is service for the service's answer", () =>
    Effect.gen(function*() {
      const { error, sent } = yield* update(request)
      assert.strictEqual(sent, 1)
      assert.strictEqual(error._tag, "InvalidParameterException")
      if (error._tag === "InvalidParameterException") {
        assert.strictEqual(error.origin, "service")
        assert.strictEqual(error.requestId, "req-invalid")
      }
    }))

  fcProp("is service for every InvalidParameterException read from the wire", [fc.string(), fc.uuid()], ([
    message,
    requestId
  ]) => {
    const response = AwsJsonProtocol.encodeErrorResponse({ code: "InvalidParameterException", message }, requestId)
    const decoded = AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse(response)
    assert.isTrue(Result.isFailure(decoded) && decoded.failure instanceof CognitoError.InvalidParameterException)
    if (Result.isFailure(decoded) && decoded.failure._tag === "InvalidParameterException") {
      assert.strictEqual(decoded.failure.origin, "service")
    }
  })
})
