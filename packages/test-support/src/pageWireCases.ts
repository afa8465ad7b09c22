/**
 * The golden page cases through the feedback page's public API, for both editions: for each way
 * the call can end (a recorded answer, each service exception, a local refusal, each transport
 * failure, unexpected responses), the button's `POST` answers with the case's status,
 * `Retry-After` and sentence, over an `AuthEventFeedback` that ends that way. Effect-free.
 */
import * as WireCases from "@cognito-feedback/protocol/WireCases"
import * as assert from "node:assert/strict"
import { aliceLink, formOf, options, post } from "./pageClient.js"
import type { PageDriver } from "./pageDriver.js"
import { withPage } from "./pageDriver.js"
import { includes, notIncludes } from "./pageSuite.js"
import type { TestApi } from "./testApi.js"

export const wireCasesPageSuite = ({ describe, it }: TestApi, driver: PageDriver): void => {
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
        assert.ok(tags.has(tag as WireCases.ErrorData["_tag"]), tag)
      }
      assert.ok(failures.some((error) => "origin" in error && error.origin === "local"))
      const reasons = new Set(failures.flatMap((error) => error._tag === "TransportError" ? [error.reason] : []))
      assert.deepStrictEqual([...reasons].sort(), ["Connect", "NotSent", "Reset", "Timeout", "Unknown"])
      assert.ok(failures.some((error) => error._tag === "UnexpectedResponseError" && error.status === 429))
    })

    for (const c of WireCases.pageCases) {
      it(
        `${c.name}: ${c.status}${c.retryAfter === undefined ? "" : `, Retry-After ${c.retryAfter}`}`,
        () =>
          withPage(driver, options, { _tag: "EndingAs", outcome: c.outcome }, async ({ send }) => {
            const page = await send(
              post(formOf({ ...aliceLink, feedback: c.feedback === "Valid" ? "valid" : "invalid" }))
            )
            assert.strictEqual(page.status, c.status)
            assert.strictEqual(page.headers.get("retry-after"), c.retryAfter ?? null)
            includes(page.body, c.says)
            assert.strictEqual(page.headers.get("content-type"), "text/html; charset=utf-8")
            // nothing of the link's secret, nor of the error's texts, reaches the person
            notIncludes(page.body, aliceLink["feedback-token"])
            if (c.outcome._tag === "Failure") notIncludes(page.body, c.outcome.error.message)
          })
      )
    }
  })
}
