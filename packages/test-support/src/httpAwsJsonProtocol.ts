/**
 * The suite of `AwsJsonProtocol` both editions run: the codec's Effect-free constants and functions,
 * and the edition's decoder mapped from Either/Result to a plain outcome by each runner.
 */
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import { serviceErrorCodes } from "@cognito-feedback/protocol/ServiceError"
import * as fc from "fast-check"
import { assert, propOf } from "./httpAssert.js"
import type { TestApi } from "./testApi.js"

export interface DecodedError {
  readonly _tag: string
  readonly message: string
  readonly requestId?: string | undefined
  readonly status?: number
  readonly code?: string | undefined
  readonly reasonCode?: string | undefined
}

export type Decoded =
  | { readonly _tag: "Success"; readonly value: unknown }
  | { readonly _tag: "Failure"; readonly error: DecodedError }

export interface Response {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export interface Driver {
  /** the edition's `AwsJsonProtocol` module (its Effect-free part) */
  readonly protocol: Pick<
    typeof AwsJson,
    | "contentType"
    | "targetPrefix"
    | "target"
    | "sanitizeErrorCode"
    | "readErrorCode"
    | "readRequestId"
    | "encodeErrorResponse"
    | "encodeSuccessResponse"
  >
  /** `decodeUpdateAuthEventFeedbackResponse`, its Either/Result as a plain union */
  readonly decode: (response: Response) => Decoded
  /** the request decoded with the edition's Schema, encoded, and printed the three usual ways */
  readonly encodeRequest: (fields: Readonly<Record<string, string>>) => {
    readonly json: string
    readonly printed: ReadonlyArray<string>
  }
  /** `readRetryAfter`, its Duration in milliseconds */
  readonly readRetryAfter: (headers: Readonly<Record<string, string>>, now: number) => number | undefined
  /** the value is a `CognitoServiceError` or an `UnexpectedResponseError` (the edition's Schema) */
  readonly isDecodedError: (value: unknown) => boolean
  readonly isTooManyRequestsException: (value: unknown) => boolean
}

const success = { _tag: "Success", value: {} }
const isSuccess = (result: Decoded) => result._tag === "Success"
const ms = (n: number) => n

const left = (result: Decoded): DecodedError =>
  result._tag === "Failure" ? result.error : assert.fail(`expected failure, got ${JSON.stringify(result.value)}`)

const unexpected = (error: DecodedError) => {
  if (error._tag !== "UnexpectedResponseError") {
    return assert.fail(`expected UnexpectedResponseError, got ${error._tag}`)
  }
  return error
}

const uri = "http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/"
const errorTags: ReadonlyArray<string> = [...serviceErrorCodes, "UnexpectedResponseError"]

/** The tests of `AwsJsonProtocol` that mean the same in both editions (inside its `describe`). */
export const awsJsonProtocolSuite = (t: TestApi, driver: Driver) => {
  const prop = propOf(t)
  const protocol = driver.protocol
  const decode = (status: number, headers: Record<string, string>, body: string) =>
    driver.decode({ status, headers, body })
  const decodeError = (status: number, headers: Record<string, string>, body: string) =>
    left(decode(status, { "x-amzn-requestid": "req-1", ...headers }, body))

  t.it("names the protocol's constants", () => {
    assert.strictEqual(protocol.contentType, "application/x-amz-json-1.1")
    assert.strictEqual(
      protocol.target("UpdateAuthEventFeedback"),
      "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback"
    )
  })

  t.describe("encodeUpdateAuthEventFeedback", () => {
    const encoded = driver.encodeRequest({
      FeedbackValue: "Invalid",
      FeedbackToken: "tok.en-1=",
      EventId: "c3f1a2b4",
      Username: "alice@example.com",
      UserPoolId: "us-east-1_AbCdEf123"
    })

    t.it("writes the AWS member names in the model's order, secrets unwrapped only there", () => {
      assert.strictEqual(
        encoded.json,
        "{\"UserPoolId\":\"us-east-1_AbCdEf123\",\"Username\":\"alice@example.com\",\"EventId\":\"c3f1a2b4\","
          + "\"FeedbackToken\":\"tok.en-1=\",\"FeedbackValue\":\"Invalid\"}"
      )
      for (const printed of encoded.printed) {
        assert.notInclude(printed, "alice")
        assert.notInclude(printed, "tok.en-1=")
        assert.include(printed, "<redacted>")
      }
    })
  })

  t.it("binds the protocol's codec, which its own tests check against the AWS SDK", () => {
    assert.strictEqual(protocol.contentType, AwsJson.contentType)
    assert.strictEqual(protocol.targetPrefix, AwsJson.targetPrefix)
    assert.strictEqual(protocol.target, AwsJson.target)
    assert.strictEqual(protocol.sanitizeErrorCode, AwsJson.sanitizeErrorCode)
    assert.strictEqual(protocol.readErrorCode, AwsJson.readErrorCode)
    assert.strictEqual(protocol.readRequestId, AwsJson.readRequestId)
    assert.strictEqual(protocol.encodeErrorResponse, AwsJson.encodeErrorResponse)
    assert.strictEqual(protocol.encodeSuccessResponse, AwsJson.encodeSuccessResponse)
    assert.strictEqual(protocol.readErrorCode({ "X-Amzn-ErrorType": `ns#A:${uri}` }, { code: "B" }), "A")
  })

  t.describe("decodeUpdateAuthEventFeedbackResponse: errors", () => {
    const otherCode = (code: string) =>
      code === "NotAuthorizedException" ? "UserNotFoundException" : "NotAuthorizedException"
    // every wire form of a code the protocol allows; `message` is "m" unless the form has none
    const forms = (
      code: string
    ): ReadonlyArray<readonly [string, Record<string, string>, string, string | undefined]> => [
      ["header only", { "x-amzn-errortype": code }, "", undefined],
      ["header with URI suffix", { "x-amzn-errortype": `${code}:${uri}` }, "{\"message\":\"m\"}", "m"],
      ["header with namespace and suffix", { "x-amzn-errortype": `aws.ns#${code}:${uri}` }, "{\"Message\":\"m\"}", "m"],
      ["header with a non-JSON body", { "x-amzn-errortype": code }, "<html><body>Bad Gateway</body></html>", undefined],
      ["code", {}, JSON.stringify({ code, message: "m" }), "m"],
      ["Code", {}, JSON.stringify({ Code: code, Message: "m" }), "m"],
      ["CODE", {}, JSON.stringify({ CODE: code, message: "m" }), "m"],
      ["__type", {}, JSON.stringify({ __type: code, message: "m" }), "m"],
      [
        "__type with namespace",
        {},
        JSON.stringify({ __type: `com.amazonaws.cognito.identity.idp.model#${code}` }),
        undefined
      ],
      ["__type with URI suffix", {}, JSON.stringify({ __type: `${code}:${uri}`, message: "m" }), "m"],
      ["__type with namespace and suffix", {}, JSON.stringify({ __type: `aws.ns#${code}:${uri}`, message: "m" }), "m"],
      ["code and __type disagree: code wins", {}, JSON.stringify({ __type: otherCode(code), code, message: "m" }), "m"],
      [
        "header and body disagree: header wins",
        { "x-amzn-errortype": code },
        JSON.stringify({ __type: otherCode(code), code: otherCode(code), message: "m" }),
        "m"
      ]
    ]

    for (const code of serviceErrorCodes) {
      t.describe(code, () => {
        for (const [name, headers, body, message] of forms(code)) {
          t.it(name, () => {
            // the status never decides when a code is present
            for (const status of [400, 403, 404, 429, 500, 503]) {
              const error = decodeError(status, headers, body)
              assert.strictEqual(error._tag, code)
              assert.instanceOf(error, Error)
              assert.strictEqual(error.requestId, "req-1")
              if (message === undefined) {
                assert.include(error.message, code)
                assert.notInclude(error.message, "html")
              } else {
                assert.strictEqual(error.message, message)
              }
            }
          })
        }
      })
    }

    t.it("reads throttling as HTTP 400 with the code only in the header", () => {
      const error = decodeError(
        400,
        { "x-amzn-errortype": "TooManyRequestsException" },
        "{\"message\":\"Rate exceeded\"}"
      )
      assert.isTrue(driver.isTooManyRequestsException(error))
      assert.strictEqual(error.message, "Rate exceeded")
    })

    t.it("takes `message` over `Message`, ignores non-string messages", () => {
      const both = decodeError(
        400,
        {},
        JSON.stringify({ __type: "NotAuthorizedException", Message: "M", message: "m" })
      )
      assert.strictEqual(both.message, "m")
      const notString = decodeError(400, {}, JSON.stringify({ __type: "NotAuthorizedException", message: 5 }))
      assert.strictEqual(notString.message, "NotAuthorizedException (HTTP 400)")
      const empty = decodeError(400, {}, JSON.stringify({ __type: "NotAuthorizedException", message: "" }))
      assert.strictEqual(empty.message, "")
    })

    t.it("keeps reasonCode on InvalidParameterException only", () => {
      const body = (code: string) => JSON.stringify({ __type: code, message: "m", reasonCode: "INVALID_FOO" })
      const invalid = decodeError(400, {}, body("InvalidParameterException"))
      assert.strictEqual(invalid._tag === "InvalidParameterException" ? invalid.reasonCode : "", "INVALID_FOO")
      assert.notProperty(decodeError(400, {}, body("NotAuthorizedException")), "reasonCode")
      const without = decodeError(400, {}, JSON.stringify({ __type: "InvalidParameterException", message: "m" }))
      assert.isUndefined(without._tag === "InvalidParameterException" ? without.reasonCode : "")
    })

    t.it("reads the request id from any header spelling, and leaves it out when absent", () => {
      for (const name of ["x-amzn-requestid", "X-Amzn-RequestId", "x-amzn-request-id", "x-amz-request-id"]) {
        const error = left(decode(400, { [name]: "abc", "x-amzn-errortype": "NotAuthorizedException" }, ""))
        assert.strictEqual(error.requestId, "abc")
      }
      assert.isUndefined(left(decode(400, { "x-amzn-errortype": "NotAuthorizedException" }, "")).requestId)
      assert.isUndefined(left(decode(503, { "x-amzn-requestid": "" }, "")).requestId)
    })

    t.it("turns an unknown code into UnexpectedResponseError keeping status, code and request id", () => {
      const cases: ReadonlyArray<readonly [number, Record<string, string>, string, string]> = [
        [400, { "x-amzn-errortype": "SerializationException" }, "", "SerializationException"],
        [
          400,
          {},
          "{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\"}",
          "UnrecognizedClientException"
        ],
        [403, {}, "{\"code\":\"AccessDenied\",\"message\":\"alice is not allowed\"}", "AccessDenied"],
        [400, {}, "{\"__type\":\"toString\"}", "toString"]
      ]
      for (const [status, headers, body, code] of cases) {
        const error = unexpected(decodeError(status, headers, body))
        assert.deepStrictEqual([error.status, error.code, error.requestId], [status, code, "req-1"])
        assert.include(error.message, `HTTP ${status}`)
        assert.include(error.message, code)
        assert.notInclude(error.message, "alice")
      }
      const odd = unexpected(decodeError(400, { "x-amzn-errortype": "Not a code <script>" }, ""))
      assert.strictEqual(odd.code, "Not a code <script>")
      assert.notInclude(odd.message, "<script>")
    })

    t.it("turns a body with no code into UnexpectedResponseError that says what was wrong, never quoting it", () => {
      const cases: ReadonlyArray<readonly [number, string, string]> = [
        [503, "", "HTTP 503 with an empty body and no error code"],
        [502, "<html><body>alice Bad Gateway</body></html>", "HTTP 502 with a body that is not JSON and no error code"],
        [503, "<html>Service Unavailable</html>", "HTTP 503 with a body that is not JSON and no error code"],
        [400, "{\"__type\": \"NotAuthorizedException\"", "HTTP 400 with a body that is not JSON and no error code"],
        [
          400,
          "[{\"__type\":\"NotAuthorizedException\"}]",
          "HTTP 400 with a JSON body that is not an object and no error code"
        ],
        [400, "42", "HTTP 400 with a JSON body that is not an object and no error code"],
        [400, "null", "HTTP 400 with a JSON body that is not an object and no error code"],
        [400, "\"NotAuthorizedException\"", "HTTP 400 with a JSON body that is not an object and no error code"],
        [400, "{\"error\":{\"__type\":\"NotAuthorizedException\"}}", "HTTP 400 with a JSON body and no error code"],
        [429, "{\"message\":\"Rate exceeded\"}", "HTTP 429 with a JSON body and no error code"],
        [302, "", "HTTP 302 with an empty body and no error code"]
      ]
      for (const [status, body, message] of cases) {
        const error = unexpected(decodeError(status, {}, body))
        assert.deepStrictEqual([error.status, error.code, error.requestId, error.message], [
          status,
          undefined,
          "req-1",
          message
        ])
      }
    })

    t.it("with the code in the header, a nested `__type` does not matter", () => {
      const error = decodeError(
        400,
        { "x-amzn-errortype": "UserNotFoundException" },
        "{\"error\":{\"__type\":\"NotAuthorizedException\"}}"
      )
      assert.strictEqual(error._tag, "UserNotFoundException")
    })
  })

  t.describe("decodeUpdateAuthEventFeedbackResponse: success", () => {
    t.it("accepts an empty body, `{}` and any JSON object on 2xx", () => {
      for (
        const [status, body] of [[200, ""], [200, "{}"], [200, " \n"], [200, "{\"extra\":[1]}"], [204, ""]] as const
      ) {
        assert.deepStrictEqual(decode(status, {}, body), success)
      }
      // a 2xx is success whatever error header a proxy leaves on it
      assert.isTrue(isSuccess(decode(200, { "x-amzn-errortype": "NotAuthorizedException" }, "{}")))
    })

    t.it("rejects a 2xx body that is not a JSON object", () => {
      const cases: ReadonlyArray<readonly [string, string]> = [
        ["[]", "HTTP 200 with a JSON body that is not an object"],
        ["\"x\"", "HTTP 200 with a JSON body that is not an object"],
        ["null", "HTTP 200 with a JSON body that is not an object"],
        ["{bad", "HTTP 200 with a body that is not JSON"]
      ]
      for (const [body, message] of cases) {
        const error = unexpected(left(decode(200, { "x-amzn-requestid": "r" }, body)))
        assert.deepStrictEqual([error.status, error.code, error.requestId, error.message], [
          200,
          undefined,
          "r",
          message
        ])
      }
    })
  })

  t.describe("decodeUpdateAuthEventFeedbackResponse: properties", () => {
    const headerName = fc.oneof(
      fc.constantFrom("x-amzn-errortype", "X-Amzn-ErrorType", "x-amzn-requestid", "retry-after", "x-amz-retry-after"),
      fc.string()
    )
    const headerValue = fc.oneof(
      fc.constantFrom(...serviceErrorCodes, "", ":", "#", `ns#:${uri}`, "__proto__", "constructor"),
      fc.string(),
      fc.string({ unit: "binary" })
    )
    const errorShaped = fc.record(
      {
        __type: fc.oneof(fc.constantFrom(...serviceErrorCodes), fc.string(), fc.jsonValue()),
        code: fc.oneof(fc.constantFrom(...serviceErrorCodes), fc.jsonValue()),
        message: fc.jsonValue(),
        Message: fc.jsonValue(),
        reasonCode: fc.jsonValue()
      },
      { requiredKeys: [] }
    ).map((value) => JSON.stringify(value))
    const body = fc.oneof(fc.string(), fc.json(), fc.string({ unit: "binary" }), errorShaped)

    prop(
      "never throws, and fails only with a well-formed error of a known tag",
      [fc.integer({ min: 100, max: 599 }), fc.dictionary(headerName, headerValue), body],
      ([status, headers, body]) => {
        const result = decode(status, headers, body)
        if (isSuccess(result)) {
          assert.isTrue(status >= 200 && status < 300)
          return
        }
        assert.include(errorTags, result.error._tag)
        assert.isTrue(driver.isDecodedError(result.error))
      },
      { fastCheck: { numRuns: 500 } }
    )

    prop(
      "a known code decides the error whatever the status and body",
      [
        fc.integer({ min: 300, max: 599 }),
        fc.constantFrom(...serviceErrorCodes),
        fc.constantFrom("", "aws.ns#"),
        fc.constantFrom("", `:${uri}`),
        body
      ],
      ([status, code, namespace, suffix, body]) => {
        const error = left(decode(status, { "x-amzn-errortype": `${namespace}${code}${suffix}` }, body))
        assert.strictEqual(error._tag, code)
      }
    )

    prop(
      "encodeErrorResponse then decode gives back every service error's code, message and request id",
      [
        fc.constantFrom(...serviceErrorCodes),
        // any text a terminal shows as it is (controls are replaced: tested with ResponseText)
        fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 200 })).map((text) =>
          text.replace(/[\p{Cc}\p{Cf}]/gu, "")
        ),
        fc.uuid()
      ],
      ([code, message, requestId]) => {
        const response = protocol.encodeErrorResponse({ code, message }, requestId)
        assert.strictEqual(response.status, code === "InternalErrorException" ? 500 : 400)
        const error = left(driver.decode(response))
        assert.deepStrictEqual([error._tag, error.message, error.requestId], [code, message, requestId])
      }
    )
  })

  t.describe("encodeErrorResponse and encodeSuccessResponse", () => {
    t.it("answer as the live service does", () => {
      assert.deepStrictEqual(
        protocol.encodeErrorResponse({ code: "NotAuthorizedException", message: "m" }, "r"),
        {
          status: 400,
          headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "r" },
          body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"m\"}"
        }
      )
      for (const code of ["InternalErrorException", "InternalFailure", "ServiceUnavailable"]) {
        assert.strictEqual(protocol.encodeErrorResponse({ code, message: "m" }, "r").status, 500)
      }
      assert.strictEqual(
        protocol.encodeErrorResponse({ code: "TooManyRequestsException", message: "Rate exceeded" }, "r").status,
        400
      )
      assert.deepStrictEqual(protocol.encodeSuccessResponse({}, "r"), {
        status: 200,
        headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "r" },
        body: "{}"
      })
    })

    t.it("round-trip through decode, unknown codes included", () => {
      assert.deepStrictEqual(
        driver.decode(protocol.encodeSuccessResponse({}, "r")),
        success
      )
      const error = unexpected(
        left(
          driver.decode(
            protocol.encodeErrorResponse({ code: "SerializationException", message: "m" }, "r")
          )
        )
      )
      assert.deepStrictEqual([error.status, error.code, error.requestId], [400, "SerializationException", "r"])
    })
  })

  t.describe("readRetryAfter", () => {
    const now = Date.UTC(2026, 10, 1, 10, 0, 0)
    const read = (headers: Record<string, string>) => driver.readRetryAfter(headers, now)

    t.it("gives the protocol's hint as a Duration, and none where it reads none", () => {
      assert.deepStrictEqual(read({ "x-amz-retry-after": "1500", "retry-after": "9" }), ms(1500))
      assert.deepStrictEqual(read({ "x-amz-retry-after": "0" }), ms(0))
      assert.deepStrictEqual(read({ "Retry-After": " 2 " }), ms(2000))
      assert.deepStrictEqual(read({ "retry-after": "Sun, 01 Nov 2026 10:00:10 GMT" }), ms(10_000))
      assert.isUndefined(read({}))
      assert.isUndefined(read({ "retry-after": "soon" }))
      assert.isUndefined(read({ "retry-after": "Sun, 01 Nov 2026 09:59:59 GMT" }))
    })

    prop("reads any whole number in either header", [fc.nat()], ([n]) => {
      assert.deepStrictEqual(read({ "x-amz-retry-after": `${n}` }), ms(n))
      assert.deepStrictEqual(read({ "retry-after": `${n}` }), ms(n * 1000))
    })

    // every run carries a hint, so a reader that ignores one fails the first run
    const notWholeNumber = fc.string().filter((value) => !/^\d+$/.test(value.trim()))
    const hint = fc.oneof(
      fc.tuple(fc.constantFrom("x-amz-retry-after", "X-Amz-Retry-After"), fc.nat()).map(([name, millis]) => ({
        headers: { [name]: `${millis}` },
        millis
      })),
      fc.tuple(
        fc.constantFrom("retry-after", "Retry-After"),
        fc.nat({ max: 10_000_000 }),
        fc.constantFrom("seconds", "padded seconds", "HTTP date"),
        fc.option(notWholeNumber, { nil: undefined })
      ).map(([name, seconds, form, amzGarbage]) => ({
        headers: {
          [name]: form === "HTTP date"
            ? new Date(now + seconds * 1000).toUTCString()
            : form === "padded seconds"
            ? ` ${seconds}\t`
            : `${seconds}`,
          // an x-amz-retry-after that is no whole number is passed over for Retry-After
          ...(amzGarbage === undefined ? {} : { "x-amz-retry-after": amzGarbage })
        },
        millis: seconds * 1000
      }))
    )
    const otherHeaders = fc.dictionary(
      fc.constantFrom("content-type", "x-amzn-requestid", "x-amzn-errortype", "retry-after-ms", "date"),
      fc.string()
    )
    prop("reads the hint of every spelling and form, whatever other headers come with it", [hint, otherHeaders], ([
      { headers, millis },
      others
    ]) => {
      const read = driver.readRetryAfter({ ...others, ...headers }, now)
      assert.isDefined(read, JSON.stringify(headers))
      assert.deepStrictEqual(read, ms(millis), JSON.stringify(headers))
    })
  })
}
