import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Cause, Effect, Exit, FastCheck as fc, Schema } from "effect"
import * as CognitoError from "../src/CognitoError.js"

const anyError = Arbitrary.make(CognitoError.UpdateAuthEventFeedbackError)
const roundTrip = (error: CognitoError.UpdateAuthEventFeedbackError) =>
  Schema.decodeUnknownSync(CognitoError.UpdateAuthEventFeedbackError)(
    JSON.parse(JSON.stringify(Schema.encodeSync(CognitoError.UpdateAuthEventFeedbackError)(error)))
  )

describe("CognitoError", () => {
  it("has one class per service exception, named and tagged as the AWS code", () => {
    assert.deepStrictEqual(CognitoError.serviceErrorCodes, [
      "InvalidParameterException",
      "ResourceNotFoundException",
      "TooManyRequestsException",
      "NotAuthorizedException",
      "UserNotFoundException",
      "UserPoolAddOnNotEnabledException",
      "OperationNotEnabledException",
      "InternalErrorException"
    ])
    for (const code of CognitoError.serviceErrorCodes) {
      const error = CognitoError.makeServiceError(code, { message: "m", requestId: "r-1" })
      assert.strictEqual(error._tag, code)
      assert.strictEqual(error.constructor.name, code)
      assert.strictEqual(error.message, "m")
      assert.strictEqual(error.requestId, "r-1")
      assert.instanceOf(error, Error)
      assert.isTrue(Schema.is(CognitoError.CognitoServiceError)(error))
    }
  })

  it("keeps reasonCode on InvalidParameterException only", () => {
    const error = CognitoError.makeServiceError("InvalidParameterException", { message: "m", reasonCode: "R" })
    assert.strictEqual(error._tag === "InvalidParameterException" ? error.reasonCode : undefined, "R")
    const other = CognitoError.makeServiceError("NotAuthorizedException", { message: "m", reasonCode: "R" })
    assert.notProperty(other, "reasonCode")
  })

  it("InvalidParameterException says where it was decided: the service unless said otherwise", () => {
    const decode = Schema.decodeUnknownSync(CognitoError.InvalidParameterException)
    const encode = Schema.encodeSync(CognitoError.InvalidParameterException)
    assert.strictEqual(new CognitoError.InvalidParameterException({ message: "m" }).origin, "service")
    const fromCode = CognitoError.makeServiceError("InvalidParameterException", { message: "m" })
    assert.strictEqual(fromCode._tag === "InvalidParameterException" ? fromCode.origin : undefined, "service")
    const local = new CognitoError.InvalidParameterException({ message: "m", origin: "local" })
    assert.strictEqual(local.origin, "local")
    assert.strictEqual(encode(local).origin, "local")
    assert.strictEqual(decode(encode(local)).origin, "local")
    // an error encoded before the field existed decodes as the service's
    assert.strictEqual(decode({ _tag: "InvalidParameterException", message: "m" }).origin, "service")
    assert.throws(() => decode({ _tag: "InvalidParameterException", message: "m", origin: "elsewhere" }))
  })

  it.prop("isServiceErrorCode accepts exactly the eight codes", [fc.string()], ([code]) => {
    assert.strictEqual(
      CognitoError.isServiceErrorCode(code),
      (CognitoError.serviceErrorCodes as ReadonlyArray<string>).includes(code)
    )
  })

  it("isServiceErrorCode is not fooled by Object.prototype members", () => {
    for (const code of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      assert.isFalse(CognitoError.isServiceErrorCode(code))
    }
  })

  it.prop("every error value of every tag survives encode and decode", [anyError], ([error]) => {
    const again = roundTrip(error)
    assert.strictEqual(again._tag, error._tag)
    assert.strictEqual(again.message, error.message)
    assert.strictEqual(again.constructor, error.constructor)
    if ("requestId" in error) assert.strictEqual((again as typeof error).requestId, error.requestId)
    if (error._tag === "InvalidParameterException" && again._tag === "InvalidParameterException") {
      assert.strictEqual(again.origin, error.origin)
    }
    if (error._tag === "UnexpectedResponseError" && again._tag === "UnexpectedResponseError") {
      assert.strictEqual(again.status, error.status)
      assert.strictEqual(again.code, error.code)
    }
  })

  it.prop("the union schema recognises every error and nothing else", [anyError, fc.anything()], ([error, other]) => {
    assert.isTrue(Schema.is(CognitoError.UpdateAuthEventFeedbackError)(error))
    assert.isFalse(Schema.is(CognitoError.UpdateAuthEventFeedbackError)(other))
  })

  it.effect("errors are yieldable and caught by tag", () =>
    Effect.gen(function*() {
      const caught = yield* new CognitoError.NotAuthorizedException({ message: "Invalid feedback token." }).pipe(
        Effect.catchTag("NotAuthorizedException", (e) => Effect.succeed(`caught: ${e.message}`))
      )
      assert.strictEqual(caught, "caught: Invalid feedback token.")
      const exit = yield* Effect.exit(new CognitoError.TransportError({ reason: "Timeout", message: "timed out" }))
      assert.isTrue(Exit.isFailure(exit) && Cause.isFailType(exit.cause))
    }))
})
