import {
  candidateCodes,
  documentedCodes,
  prototypeKeys,
  serviceErrorCodesInOrder
} from "@cognito-feedback/test-support/coreCases"
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
    assert.deepStrictEqual(CognitoError.serviceErrorCodes, serviceErrorCodesInOrder)
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

  it.prop(
    "isServiceErrorCode accepts exactly the eight documented codes",
    [candidateCodes],
    ([code]) => {
      assert.strictEqual(CognitoError.isServiceErrorCode(code), documentedCodes.includes(code))
    }
  )

  it("isServiceErrorCode accepts each documented code", () => {
    for (const code of documentedCodes) assert.isTrue(CognitoError.isServiceErrorCode(code), code)
  })

  it("isServiceErrorCode is not fooled by Object.prototype members", () => {
    for (const code of prototypeKeys) {
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

  it("every error shows its tag, message and non-secret fields in String(error), never its cause", () => {
    for (const code of CognitoError.serviceErrorCodes) {
      const error = CognitoError.makeServiceError(code, { message: "Rate exceeded", requestId: "r-1" })
      const origin = code === "InvalidParameterException" ? "origin: service, " : ""
      assert.strictEqual(String(error), `${code}: Rate exceeded (${origin}requestId: r-1)`)
      assert.strictEqual(error.toString(), String(error))
      assert.strictEqual(`${error}`, String(error))
    }
    assert.strictEqual(
      String(new CognitoError.NotAuthorizedException({ message: "Invalid token." })),
      "NotAuthorizedException: Invalid token."
    )
    assert.strictEqual(String(new CognitoError.NotAuthorizedException({ message: "" })), "NotAuthorizedException")
    assert.strictEqual(
      String(
        new CognitoError.InvalidParameterException({
          message: "EventId: must match ^[\\w+-]+$",
          origin: "local",
          reasonCode: "R"
        })
      ),
      "InvalidParameterException: EventId: must match ^[\\w+-]+$ (reasonCode: R, origin: local)"
    )
    const transport = new CognitoError.TransportError({
      reason: "Timeout",
      message: "attempt timed out",
      cause: new Error("tok.secret-in-cause")
    })
    assert.strictEqual(String(transport), "TransportError: attempt timed out (reason: Timeout)")
    const unexpected = new CognitoError.UnexpectedResponseError({
      status: 502,
      code: "Weird",
      requestId: "r-2",
      message: "not the protocol's body",
      cause: "tok.secret-in-cause"
    })
    assert.strictEqual(
      String(unexpected),
      "UnexpectedResponseError: not the protocol's body (status: 502, code: Weird, requestId: r-2)"
    )
    for (const error of [transport, unexpected]) {
      assert.notInclude(String(error), "secret")
      assert.notInclude(fc.stringify(error), "secret")
    }
  })

  it("fast-check prints every error as its constructor call, not as new Error(...)", () => {
    assert.strictEqual(
      fc.stringify(new CognitoError.NotAuthorizedException({ message: "", requestId: "r-1" })),
      "new NotAuthorizedException({ message: \"\", requestId: \"r-1\" })"
    )
    assert.strictEqual(
      fc.stringify([new CognitoError.TransportError({ reason: "Reset", message: "reset" })]),
      "[new TransportError({ message: \"reset\", reason: \"Reset\" })]"
    )
    assert.strictEqual(fc.toStringMethod, Symbol.for("fast-check/toStringMethod"))
  })

  it.prop("every error of every tag shows its tag and message to String and to fast-check", [anyError], ([error]) => {
    assert.isTrue(String(error).startsWith(error.message === "" ? error._tag : `${error._tag}: ${error.message}`))
    assert.isTrue(fc.stringify(error).startsWith(`new ${error._tag}({ message: ${JSON.stringify(error.message)}`))
  })

  it("a failing property's report names the error's tag and message", () => {
    const property = fc.property(
      anyError,
      (error) => error._tag !== "UserNotFoundException" || error.message.length < 3
    )
    const details = fc.check(property, { seed: 42 })
    assert.isTrue(details.failed)
    const [counterexample] = details.counterexample ?? []
    assert.isDefined(counterexample)
    let report = ""
    try {
      fc.assert(property, { seed: 42 })
    } catch (error) {
      report = error instanceof Error ? error.message : String(error)
    }
    assert.include(report, "UserNotFoundException")
    assert.include(report, JSON.stringify(counterexample?.message))
    assert.notInclude(report, "new Error(")
  })
})
