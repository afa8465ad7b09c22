/**
 * The golden page cases through the feedback page's public API: for each way the call can end (a
 * recorded answer, each service exception, a local refusal, each transport failure, unexpected
 * responses), the button's `POST` answers with the case's status, `Retry-After` and sentence, over
 * an `AuthEventFeedback` that ends that way (the Effect 4 edition; the cases are the protocol's).
 */
import { AuthEventFeedback, CognitoError } from "@cognito-feedback/core"
import * as WireCases from "@cognito-feedback/protocol/WireCases"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { aliceLink, formOf, makePage, post } from "./support.js"

const errorOf = (error: WireCases.ErrorData): CognitoError.UpdateAuthEventFeedbackError => {
  switch (error._tag) {
    case "TransportError":
      return new CognitoError.TransportError({ reason: error.reason, message: error.message })
    case "UnexpectedResponseError":
      return new CognitoError.UnexpectedResponseError({
        status: error.status,
        code: error.code,
        requestId: error.requestId,
        message: error.message
      })
    case "InvalidParameterException":
      return new CognitoError.InvalidParameterException({
        message: error.message,
        requestId: error.requestId,
        reasonCode: error.reasonCode,
        origin: error.origin ?? "service"
      })
    default:
      return CognitoError.makeServiceError(error._tag, { message: error.message, requestId: error.requestId })
  }
}

/** An `AuthEventFeedback` whose every (valid) call ends as the case says. */
const endingAs = (outcome: WireCases.PageCase["outcome"]) =>
  Layer.succeed(
    AuthEventFeedback.AuthEventFeedback,
    AuthEventFeedback.make(() => outcome._tag === "Success" ? Effect.succeed({}) : Effect.fail(errorOf(outcome.error)))
  )

describe("page cases: the button's POST", () => {
  it("cover every service exception, a local refusal, every transport failure and unexpected 429", () => {
    const failures = WireCases.pageCases.flatMap((c) => c.outcome._tag === "Failure" ? [c.outcome.error] : [])
    const tags = new Set(failures.map((error) => error._tag))
    for (
      const tag of [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "TooManyRequestsException",
        "NotAuthorizedException",
        "UserNotFoundException",
        "UserPoolAddOnNotEnabledException",
        "OperationNotEnabledException",
        "InternalErrorException",
        "TransportError",
        "UnexpectedResponseError"
      ]
    ) {
      assert.isTrue(tags.has(tag as WireCases.ErrorData["_tag"]), tag)
    }
    assert.isTrue(failures.some((error) => "origin" in error && error.origin === "local"))
    const reasons = new Set(failures.flatMap((error) => error._tag === "TransportError" ? [error.reason] : []))
    assert.deepStrictEqual([...reasons].sort(), ["Connect", "NotSent", "Reset", "Timeout", "Unknown"])
    assert.isTrue(failures.some((error) => error._tag === "UnexpectedResponseError" && error.status === 429))
  })

  for (const c of WireCases.pageCases) {
    it.effect(`${c.name}: ${c.status}${c.retryAfter === undefined ? "" : `, Retry-After ${c.retryAfter}`}`, () =>
      Effect.gen(function*() {
        const { send } = yield* makePage()
        const page = yield* send(post(formOf({ ...aliceLink, feedback: c.feedback === "Valid" ? "valid" : "invalid" })))
        assert.strictEqual(page.status, c.status)
        assert.strictEqual(page.headers.get("retry-after"), c.retryAfter ?? null)
        assert.include(page.body, c.says)
        assert.strictEqual(page.headers.get("content-type"), "text/html; charset=utf-8")
        // nothing of the link's secret, nor of the error's texts, reaches the person
        assert.notInclude(page.body, aliceLink["feedback-token"])
        if (c.outcome._tag === "Failure") assert.notInclude(page.body, c.outcome.error.message)
      }).pipe(Effect.provide(endingAs(c.outcome))))
  }
})
