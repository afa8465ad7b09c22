/**
 * What the page answers for each outcome, against the statuses and headers the README promises
 * (recorded 200; a link expired, used or wrong 403; an unknown user, event or pool 404, one wording
 * for the three; a malformed link 400; throttled 503 with `Retry-After`; the service failing or
 * unreachable 503; threat protection off 500 and an error log for the operator; a form over 16 KiB
 * 413 and the connection closed), written here as literals.
 */
import { describe, expect, it } from "vitest"
import * as PageOutcome from "../src/PageOutcome.js"
import * as ServiceError from "../src/ServiceError.js"

/** Each service exception: the page's status, its `Retry-After`, and whether the operator is told. */
const expected: Readonly<Record<string, readonly [status: number, retryAfter: string | undefined, operator: boolean]>> =
  {
    InvalidParameterException: [400, undefined, false],
    ResourceNotFoundException: [404, undefined, false],
    TooManyRequestsException: [503, "60", false],
    NotAuthorizedException: [403, undefined, false],
    UserNotFoundException: [404, undefined, false],
    UserPoolAddOnNotEnabledException: [500, undefined, true],
    OperationNotEnabledException: [500, undefined, true],
    InternalErrorException: [503, undefined, false]
  }

const answer = (failure: PageOutcome.Failure) => {
  const response = PageOutcome.response(PageOutcome.ofFailure(failure))
  return [response.status, response.headers["retry-after"], PageOutcome.isConfigurationFailure(failure)] as const
}

describe("PageOutcome", () => {
  it("has an outcome for every service exception, and for no other code", () => {
    expect(Object.keys(PageOutcome.serviceErrorOutcomes).sort()).toEqual([...ServiceError.serviceErrorCodes].sort())
    expect(Object.keys(expected).sort()).toEqual([...ServiceError.serviceErrorCodes].sort())
  })

  it.each(Object.entries(expected))("%s: status %j", (code, answered) => {
    if (!ServiceError.isServiceErrorCode(code)) throw new Error(`${code} is not a service code`)
    expect(answer({ _tag: "ServiceError", code })).toEqual(answered)
  })

  it("an unknown user, event or pool read alike", () => {
    const kinds = ["UserNotFoundException", "ResourceNotFoundException"].map((code) =>
      ServiceError.isServiceErrorCode(code) ? PageOutcome.ofFailure({ _tag: "ServiceError", code }) : code
    )
    expect(kinds).toEqual(["linkUnknown", "linkUnknown"])
  })

  it("the transport failing: 503 without Retry-After", () => {
    expect(answer({ _tag: "Transport" })).toEqual([503, undefined, false])
  })

  it("an unexpected 429 is throttling whatever its body; another unexpected status is unavailability", () => {
    expect(answer({ _tag: "UnexpectedResponse", status: 429 })).toEqual([503, "60", false])
    for (const status of [200, 400, 413, 500, 502, 503, 504]) {
      expect([status, answer({ _tag: "UnexpectedResponse", status })]).toEqual([status, [503, undefined, false]])
    }
  })

  it("an unexpected throttling code (the AWS SDKs' list) is throttling at any status; another code is not", () => {
    for (const code of ["ThrottlingException", "RequestLimitExceeded", "SlowDown", "Throttling"]) {
      expect([code, answer({ _tag: "UnexpectedResponse", status: 400, code })]).toEqual([code, [503, "60", false]])
    }
    expect(answer({ _tag: "UnexpectedResponse", status: 400, code: "SerializationException" })).toEqual([
      503,
      undefined,
      false
    ])
    expect(answer({ _tag: "UnexpectedResponse", status: 429, code: "RequestTimeout" })).toEqual([503, "60", false])
  })

  it("a recorded answer: 200, the page of its value", () => {
    expect(PageOutcome.recorded("Valid")).toBe("recordedValid")
    expect(PageOutcome.recorded("Invalid")).toBe("recordedInvalid")
    expect(PageOutcome.response("recordedValid")).toEqual({ kind: "recordedValid", status: 200, headers: {} })
    expect(PageOutcome.response("recordedInvalid")).toEqual({ kind: "recordedInvalid", status: 200, headers: {} })
  })

  it("the refusals: another site 403, another method 405 with Allow, a damaged link 400", () => {
    expect(PageOutcome.response("crossSite")).toEqual({ kind: "crossSite", status: 403, headers: {} })
    expect(PageOutcome.response("methodNotAllowed")).toEqual({
      kind: "methodNotAllowed",
      status: 405,
      headers: { allow: "GET, HEAD, POST" }
    })
    expect(PageOutcome.response("malformedLink")).toEqual({ kind: "malformedLink", status: 400, headers: {} })
  })

  it("a body too large: the damaged-link page, 413, and the connection closed; an unreadable one 400", () => {
    expect(PageOutcome.bodyTooLarge).toEqual({ kind: "malformedLink", status: 413, headers: { connection: "close" } })
    expect(PageOutcome.bodyUnreadable).toEqual({ kind: "malformedLink", status: 400, headers: {} })
  })

  it("every outcome has a status of the page's set", () => {
    expect(PageOutcome.statusOf).toEqual({
      recordedValid: 200,
      recordedInvalid: 200,
      linkNotUsable: 403,
      linkUnknown: 404,
      malformedLink: 400,
      throttled: 503,
      unavailable: 503,
      failed: 500,
      crossSite: 403,
      methodNotAllowed: 405
    })
  })
})
