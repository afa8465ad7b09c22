/**
 * The wire codec against oracles that are not this code: the AWS SDK for JavaScript v3 itself (its
 * client's request serializer and error deserializer driven through a fake request handler, its
 * error-code readers `loadRestJsonErrorCode` / `loadJsonRpcErrorCode`, its `Retry-After` reader and
 * HTTP-date parser), the Smithy AWS JSON 1.1 compliance tests' literal wire examples, the RFC 9110
 * examples, the Unicode character database (through the engine's `\p{…}` classes) and Node's own
 * terminal-escape stripper. Inputs are generated with a seeded generator, so a failure replays.
 */
import * as Sdk from "@aws-sdk/client-cognito-identity-provider"
import { createRequire } from "node:module"
import { Readable } from "node:stream"
import { stripVTControlCharacters } from "node:util"
import { afterEach, describe, expect, it, vi } from "vitest"
import * as AwsJson from "../src/AwsJson.js"
import type * as Operation from "../src/Operation.js"
import * as Operations from "../src/Operations.js"
import * as ServiceError from "../src/ServiceError.js"

type Headers = Record<string, string>
interface WireError {
  readonly $metadata: { readonly requestId?: string | undefined }
}

const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-cognito-identity-provider"))
const sdkCore = sdkRequire("@aws-sdk/core") as {
  readonly loadRestJsonErrorCode: (output: { headers: Headers }, data: unknown) => string | undefined
  readonly loadJsonRpcErrorCode: (output: { headers: Headers }, data: unknown) => string | undefined
}
const { HttpResponse } = sdkRequire("@smithy/protocol-http") as {
  readonly HttpResponse: new(options: { statusCode: number; headers: Headers; body?: unknown }) => object
}
const { getRetryAfterHint } = sdkRequire("@smithy/core/retry") as {
  readonly getRetryAfterHint: (response: object) => Date | undefined
}
const { parseRfc7231DateTime } = sdkRequire("@smithy/smithy-client") as {
  readonly parseRfc7231DateTime: (value: string) => Date
}

// ---------------------------------------------------------------------------------------------
// A seeded generator
// ---------------------------------------------------------------------------------------------

type Random = () => number
const random = (seed: number): Random => () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const int = (rand: Random, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1))
const pick = <A>(rand: Random, values: ReadonlyArray<A>): A => values[int(rand, 0, values.length - 1)] as A
const chance = (rand: Random, p = 0.5): boolean => rand() < p
const text = (rand: Random, alphabet: ReadonlyArray<string>, min: number, max: number): string =>
  Array.from({ length: int(rand, min, max) }, () => pick(rand, alphabet)).join("")
const shuffled = <A>(rand: Random, values: ReadonlyArray<A>): Array<A> =>
  values.map((value) => [rand(), value] as const).sort(([a], [b]) => a - b).map(([, value]) => value)

const uri = "http://internal.amazon.com/coral/com.amazon.coral.validate/"
const letters = [..."AZaz09_-.", "é", "Ü", "中", "😀"]

// ---------------------------------------------------------------------------------------------
// The AWS SDK's client over a fake request handler
// ---------------------------------------------------------------------------------------------

interface Captured {
  readonly headers: Headers
  readonly body: string
}
const stop = new Error("captured")
let captured: Captured | undefined
let reply: { status: number; headers: Headers; body: string } | undefined

// the SDK's body is a Uint8Array whose valueOf gives a string (with a warning): read its bytes
const bodyText = (body: unknown): string => {
  if (typeof body === "string") return body
  const bytes = body as Uint8Array
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")
}

const client = new Sdk.CognitoIdentityProviderClient({
  region: "us-east-1",
  maxAttempts: 1,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  requestHandler: {
    handle: async (request: { headers: Headers; body: unknown }) => {
      if (reply === undefined) {
        captured = { headers: request.headers, body: bodyText(request.body) }
        throw stop
      }
      return {
        response: new HttpResponse({
          statusCode: reply.status,
          headers: reply.headers,
          body: Readable.from([Buffer.from(reply.body, "utf8")])
        })
      }
    }
  }
})

const sends: Record<string, (input: object) => Promise<unknown>> = {
  UpdateAuthEventFeedback: (input) =>
    client.send(new Sdk.UpdateAuthEventFeedbackCommand(input as Sdk.UpdateAuthEventFeedbackCommandInput)),
  AdminUpdateAuthEventFeedback: (input) =>
    client.send(new Sdk.AdminUpdateAuthEventFeedbackCommand(input as Sdk.AdminUpdateAuthEventFeedbackCommandInput)),
  AdminListUserAuthEvents: (input) =>
    client.send(new Sdk.AdminListUserAuthEventsCommand(input as Sdk.AdminListUserAuthEventsCommandInput))
}

/** What the SDK sends for `input`. */
const sdkRequest = async (operation: Operation.Operation, input: object): Promise<Captured> => {
  const send = sends[operation.name]
  if (send === undefined) throw new Error(`no SDK command for ${operation.name}`)
  captured = undefined
  reply = undefined
  await expect(send(input)).rejects.toBe(stop)
  if (captured === undefined) throw new Error("nothing captured")
  return captured
}

/** What the SDK throws for a response to `UpdateAuthEventFeedback`. */
const sdkError = async (response: { status: number; headers: Headers; body: string }) => {
  reply = response
  try {
    await client.send(
      new Sdk.UpdateAuthEventFeedbackCommand({
        UserPoolId: "us-east-1_Example",
        Username: "u",
        EventId: "e",
        FeedbackToken: "t",
        FeedbackValue: "Valid"
      })
    )
  } catch (error) {
    return error as Error & WireError & { readonly reasonCode?: string }
  } finally {
    reply = undefined
  }
  throw new Error("the SDK did not fail")
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

const generatedInput = (rand: Random, operation: Operation.Operation): Record<string, unknown> => {
  const value = (name: string): unknown => {
    switch (name) {
      case "FeedbackValue":
        return pick(rand, ["Valid", "Invalid"])
      case "MaxResults":
        return int(rand, 0, 60)
      default:
        // JSON's escapes included: quotes, backslashes, controls, line separators, astral planes
        return text(rand, [...letters, "\"", "\\", "/", "\n", "\u0000", "\u2028", "<", "&"], 1, 30)
    }
  }
  const input: Record<string, unknown> = {}
  // in any order: the body's order is the description's
  for (const [name, member] of shuffled(rand, Object.entries(operation.input))) {
    if (member.required || chance(rand)) input[name] = value(name)
  }
  return input
}

describe("requests", () => {
  it("names the protocol's constants", () => {
    expect(AwsJson.contentType).toBe("application/x-amz-json-1.1")
    expect(AwsJson.target("UpdateAuthEventFeedback")).toBe("AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
    for (const operation of Operations.all) expect(AwsJson.target(operation.name)).toBe(operation.target)
  })

  describe.each(Operations.all.map((operation) => [operation.name, operation] as const))("%s", (_, operation) => {
    const encode = AwsJson.requestEncoder(operation)

    it("has the AWS SDK's content type, target and body, byte for byte", async () => {
      const rand = random(0x5eed + operation.name.length)
      for (let run = 0; run < 60; run++) {
        const input = generatedInput(rand, operation)
        const sent = await sdkRequest(operation, input)
        const headers = AwsJson.requestHeaders(operation)
        expect(headers).toEqual({
          "content-type": sent.headers["content-type"],
          "x-amz-target": sent.headers["x-amz-target"]
        })
        expect(encode(input)).toBe(sent.body)
      }
    })
  })

  it("writes what JSON.stringify writes of the members, in the description's order", () => {
    const encode = AwsJson.requestEncoder(Operations.AdminListUserAuthEvents)
    expect(encode({ NextToken: "n", Username: "u", UserPoolId: "p" })).toBe(
      JSON.stringify({ UserPoolId: "p", Username: "u", NextToken: "n" })
    )
    // what JSON.stringify leaves out of an object, and what is no member at all
    const odd = { UserPoolId: "p", Username: undefined, MaxResults: () => 1, NextToken: Symbol("n"), Other: "x" }
    expect(encode(odd)).toBe("{\"UserPoolId\":\"p\"}")
    expect(encode({})).toBe("{}")
  })

  it("opens the sensitive members only, with `reveal`", () => {
    class Secret {
      constructor(readonly value: string) {}
      toJSON() {
        return "<secret>"
      }
    }
    const revealed: Array<unknown> = []
    const encode = AwsJson.requestEncoder(Operations.UpdateAuthEventFeedback, (secret) => {
      revealed.push(secret)
      return (secret as Secret).value
    })
    const username = new Secret("alice")
    const token = new Secret("tok.en-1=")
    expect(
      encode({
        UserPoolId: "us-east-1_Example",
        Username: username,
        EventId: "e1",
        FeedbackToken: token,
        FeedbackValue: "Valid"
      })
    ).toBe(
      "{\"UserPoolId\":\"us-east-1_Example\",\"Username\":\"alice\",\"EventId\":\"e1\",\"FeedbackToken\":\"tok.en-1=\","
        + "\"FeedbackValue\":\"Valid\"}"
    )
    expect(revealed).toEqual([username, token])
    // without `reveal`, a wrapper is written as it writes itself
    expect(AwsJson.requestEncoder(Operations.UpdateAuthEventFeedback)({ Username: username })).toBe(
      "{\"Username\":\"<secret>\"}"
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Error codes
// ---------------------------------------------------------------------------------------------

// The Smithy AWS JSON 1.1 compliance tests (`aws.protocoltests.json#JsonProtocol`, GreetingWithErrors):
// every one expects `FooError`.
const fooErrorExamples: ReadonlyArray<readonly [string, Headers, string]> = [
  ["AwsJson11FooErrorUsingXAmznErrorType", { "x-amzn-errortype": "FooError" }, ""],
  ["AwsJson11FooErrorUsingXAmznErrorTypeWithUri", { "x-amzn-errortype": `FooError:${uri}` }, ""],
  [
    "AwsJson11FooErrorUsingXAmznErrorTypeWithUriAndNamespace",
    { "x-amzn-errortype": `aws.protocoltests.restjson#FooError:${uri}` },
    ""
  ],
  ["AwsJson11FooErrorUsingCode", {}, "{\n    \"code\": \"FooError\"\n}"],
  ["AwsJson11FooErrorUsingCodeAndNamespace", {}, "{\n    \"code\": \"aws.protocoltests.restjson#FooError\"\n}"],
  [
    "AwsJson11FooErrorUsingCodeUriAndNamespace",
    {},
    `{\n    "code": "aws.protocoltests.restjson#FooError:${uri}"\n}`
  ],
  ["AwsJson11FooErrorWithDunderType", {}, "{\n    \"__type\": \"FooError\"\n}"],
  ["AwsJson11FooErrorWithDunderTypeAndNamespace", {}, "{\n    \"__type\": \"aws.protocoltests.restjson#FooError\"\n}"],
  [
    "AwsJson11FooErrorWithDunderTypeUriAndNamespace",
    {},
    `{\n    "__type": "aws.protocoltests.restjson#FooError:${uri}"\n}`
  ],
  [
    "AwsJson11FooErrorWithNestedTypeProperty",
    {},
    "{\n    \"__type\": \"aws.protocoltests.json#FooError\",\n    \"ErrorDetails\": [\n      {\n"
    + "          \"__type\": \"com.amazon.internal#ErrorDetails\",\n          \"reason\": \"Some reason\"\n      }\n    ]\n}"
  ]
]

const parsed = (body: string): unknown => (body === "" ? undefined : JSON.parse(body))

/** The SDK's sanitiser, through the header, where it reads the code as is. */
const sdkSanitized = (raw: string): string | undefined =>
  sdkCore.loadRestJsonErrorCode({ headers: { "x-amzn-errortype": raw } }, {})

const rawCode = (rand: Random): string =>
  text(
    rand,
    [...letters, "#", ":", "/", ",", " ", "aws.cognito", "com.amazonaws.cognito.identity.idp.model", uri],
    0,
    8
  )

// Where the SDK and this codec differ by design (see the tests that name them)
const inSharedDomain = (raw: string): boolean => {
  const beforeColon = raw.split(":")[0] ?? ""
  return !beforeColon.includes(",") && beforeColon.split("#").length <= 2
}

describe("error codes", () => {
  it.each(fooErrorExamples)("%s", (_, headers, body) => {
    expect(AwsJson.readErrorCode(headers, parsed(body))).toBe("FooError")
    expect(sdkCore.loadRestJsonErrorCode({ headers }, parsed(body) ?? {})).toBe("FooError")
    const decoded = AwsJson.decodeResponse(Operations.UpdateAuthEventFeedback, { status: 500, headers, body })
    expect(decoded).toMatchObject({ _tag: "UnexpectedResponse", status: 500, code: "FooError" })
  })

  it("sanitizes as the AWS SDK does, over generated codes", () => {
    const rand = random(21)
    let compared = 0
    for (let run = 0; run < 5000; run++) {
      const raw = rawCode(rand)
      if (!inSharedDomain(raw)) continue
      compared++
      expect([raw, AwsJson.sanitizeErrorCode(raw)]).toEqual([raw, sdkSanitized(raw)])
    }
    expect(compared).toBeGreaterThan(2000)
  })

  it("recovers the code from every `ns#Code:suffix` form, and leaves neither `:` nor `#`", () => {
    const rand = random(1)
    for (let run = 0; run < 2000; run++) {
      const code = text(rand, [..."ABCXYZabcxyz0189"], 1, 30)
      const ns = text(rand, [..."abz09."], 1, 20)
      const suffix = text(rand, [...letters, "#", ":", "/", ","], 0, 20)
      for (const form of [code, `${ns}#${code}`, `${code}:${suffix}`, `${ns}#${code}:${suffix}`]) {
        expect([form, AwsJson.sanitizeErrorCode(form)]).toEqual([form, code])
      }
      const raw = rawCode(rand)
      const sanitized = AwsJson.sanitizeErrorCode(raw)
      expect([raw, /[:#]/.test(sanitized), AwsJson.sanitizeErrorCode(sanitized)]).toEqual([raw, false, sanitized])
    }
  })

  it("differs from the AWS SDK on two pathological forms, by design", () => {
    // a comma before the code's end: the SDK keeps what comes before it (a header sent twice and
    // joined); this codec keeps the whole, which is no known code, so the error stays unexpected
    expect([AwsJson.sanitizeErrorCode("FooError,BarError"), sdkSanitized("FooError,BarError")]).toEqual([
      "FooError,BarError",
      "FooError"
    ])
    // two namespaces: the compliance tests say "the last part of the string after '#'"; the SDK
    // takes the part after the first
    expect([AwsJson.sanitizeErrorCode("a#b#FooError"), sdkSanitized("a#b#FooError")]).toEqual(["FooError", "b"])
  })

  it("reads the header, then `code` in any case, then `__type`, as the SDK's loadRestJsonErrorCode", () => {
    const rand = random(1169)
    const nonEmpty = (): string => {
      for (;;) {
        const raw = rawCode(rand)
        if (inSharedDomain(raw) && AwsJson.sanitizeErrorCode(raw) !== "") return raw
      }
    }
    for (let run = 0; run < 3000; run++) {
      const headers: Headers = {}
      if (chance(rand, 0.3)) {
        headers[pick(rand, ["x-amzn-errortype", "X-Amzn-Errortype", "X-AMZN-ERRORTYPE"])] = nonEmpty()
      }
      if (chance(rand, 0.3)) headers["x-amzn-requestid"] = "r"
      const body: Record<string, unknown> = {}
      if (chance(rand)) body[pick(rand, ["code", "Code", "CODE", "cOdE"])] = nonEmpty()
      if (chance(rand)) body.__type = nonEmpty()
      if (chance(rand, 0.3)) body.message = "m"
      const ours = AwsJson.readErrorCode(headers, body)
      expect([headers, body, ours]).toEqual([headers, body, sdkCore.loadRestJsonErrorCode({ headers }, body)])
      // the SDK's JSON-RPC reader looks in the other order: the same answer when the places agree
      const places = Object.keys(headers).length - ("x-amzn-requestid" in headers ? 1 : 0) +
        Object.keys(body).filter((key) => key !== "message").length
      if (places <= 1) expect(ours).toBe(sdkCore.loadJsonRpcErrorCode({ headers }, body))
    }
  })

  it("skips what the SDK would throw on or take: non-strings, empty codes, nested and non-object bodies", () => {
    const read = AwsJson.readErrorCode
    expect(read({}, { code: 5, Code: "B" })).toBe("B")
    expect(read({}, { code: null, __type: "C" })).toBe("C")
    expect(read({ "x-amzn-errortype": "" }, { __type: "C" })).toBe("C")
    expect(read({ "x-amzn-errortype": ":x" }, { __type: "ns#" })).toBeUndefined()
    expect(read({ "x-amzn-errortype": ["A", "B"] }, { __type: "C" })).toBe("C")
    expect(read({}, { __type: { __type: "C" } })).toBeUndefined()
    expect(read({}, { error: { __type: "C", code: "D" } })).toBeUndefined()
    for (const body of [[{ __type: "C" }], "C", null, undefined, 42]) expect(read({}, body)).toBeUndefined()
  })

  it("reads the message as the SDK's parseJsonErrorBody does: `message`, else `Message`", () => {
    expect(AwsJson.readErrorMessage({ message: "m", Message: "M" })).toBe("m")
    expect(AwsJson.readErrorMessage({ Message: "M" })).toBe("M")
    expect(AwsJson.readErrorMessage({ message: 5, Message: "M" })).toBe("M")
    expect(AwsJson.readErrorMessage({ errorMessage: "e" })).toBeUndefined()
    expect(AwsJson.readErrorMessage("m")).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------
// Error responses, against the SDK's client
// ---------------------------------------------------------------------------------------------

const requestIdHeaders = ["x-amzn-requestid", "x-amzn-request-id", "x-amz-request-id"] as const
const otherCodes = ["SerializationException", "UnrecognizedClientException", "FooError", "ThrottlingException"]
const namespaces = ["", "aws.cognito#", "com.amazonaws.cognito.identity.idp.model#", "aws.protocoltests.json#"]
const messageAlphabet = [..."Aaz09 .,;'!?()-_/", "é", "Ü", "中", "😀", "\"", "\\"]

const generatedErrorResponse = (rand: Random) => {
  const code = pick(rand, [...ServiceError.serviceErrorCodes, ...otherCodes])
  const raw = `${pick(rand, namespaces)}${code}${chance(rand, 0.3) ? `:${uri}` : ""}`
  const headers: Headers = { "content-type": AwsJson.contentType }
  const body: Record<string, unknown> = {}
  const place = pick(rand, ["header", "code", "__type", "all"])
  if (place === "header" || place === "all") headers["x-amzn-errortype"] = raw
  if (place === "code" || place === "all") body[pick(rand, ["code", "Code"])] = raw
  if (place === "__type" || place === "all") body.__type = raw
  // never empty: the SDK's exceptions replace an empty message with their own ("UnknownError")
  const message = chance(rand, 0.8) ? text(rand, messageAlphabet, 1, 60) : undefined
  if (message !== undefined) body[pick(rand, ["message", "Message"])] = message
  if (chance(rand, 0.2)) body.Message = "the other one"
  if (code === "InvalidParameterException" && chance(rand)) body.reasonCode = pick(rand, ["INVALID_A", "B_C"])
  for (const name of requestIdHeaders) {
    if (chance(rand)) headers[name] = `${name}-${int(rand, 0, 1e9)}`
  }
  const status = pick(rand, [400, 403, 404, 429, 500, 502, 503])
  return { code, message, response: { status, headers, body: JSON.stringify(body) } }
}

describe("decodeResponse", () => {
  it("reads the code, message, request id and reason as the AWS SDK's client does", async () => {
    const rand = random(2016_04_18)
    for (let run = 0; run < 300; run++) {
      const { code, message, response } = generatedErrorResponse(rand)
      const sdk = await sdkError(response)
      const decoded = AwsJson.decodeResponse(Operations.UpdateAuthEventFeedback, response)
      const context = JSON.stringify(response)
      expect(decoded._tag, context).toBe(
        ServiceError.isServiceErrorCode(code) ? "ServiceException" : "UnexpectedResponse"
      )
      if (decoded._tag === "Ok") throw new Error(context)
      expect([context, decoded.code, decoded.requestId]).toEqual([context, sdk.name, sdk.$metadata.requestId])
      if (decoded._tag === "ServiceException") {
        if (message !== undefined) expect([context, decoded.message]).toEqual([context, sdk.message])
        expect([context, decoded.reasonCode]).toEqual([context, sdk.reasonCode])
      }
    }
  })

  const decode = (status: number, headers: AwsJson.Headers, body: string) =>
    AwsJson.decodeResponse(Operations.UpdateAuthEventFeedback, { status, headers, body })

  it("takes a 2xx with an empty body or a JSON object for success, reading no header", () => {
    const untouchable = new Proxy({}, {
      get: () => expect.fail("a header was read"),
      has: () => expect.fail("a header was read"),
      ownKeys: () => expect.fail("a header was read"),
      getOwnPropertyDescriptor: () => expect.fail("a header was read")
    })
    for (const [status, body] of [[200, ""], [200, "{}"], [200, " \n"], [200, "{\"extra\":[1]}"], [204, ""]] as const) {
      expect(decode(status, untouchable, body)).toEqual({ _tag: "Ok" })
    }
    expect(decode(200, { "x-amzn-errortype": "NotAuthorizedException" }, "{}")).toEqual({ _tag: "Ok" })
  })

  it("says what was wrong with a body, never quoting it", () => {
    const cases: ReadonlyArray<readonly [number, string, string]> = [
      [200, "[]", "HTTP 200 with a JSON body that is not an object"],
      [200, "{bad", "HTTP 200 with a body that is not JSON"],
      [503, "", "HTTP 503 with an empty body and no error code"],
      [502, "<html><body>alice Bad Gateway</body></html>", "HTTP 502 with a body that is not JSON and no error code"],
      [400, "null", "HTTP 400 with a JSON body that is not an object and no error code"],
      [400, "{\"error\":{\"__type\":\"NotAuthorizedException\"}}", "HTTP 400 with a JSON body and no error code"],
      [429, "{\"message\":\"Rate exceeded\"}", "HTTP 429 with a JSON body and no error code"]
    ]
    for (const [status, body, message] of cases) {
      expect(decode(status, { "x-amzn-requestid": "r" }, body)).toEqual({
        _tag: "UnexpectedResponse",
        status,
        code: undefined,
        requestId: "r",
        message
      })
    }
  })

  it("names an unknown code only when it is an identifier, and makes it safe to keep", () => {
    expect(decode(400, { "x-amzn-errortype": "SerializationException" }, "")).toEqual({
      _tag: "UnexpectedResponse",
      status: 400,
      code: "SerializationException",
      requestId: undefined,
      message: "HTTP 400 with error code SerializationException that UpdateAuthEventFeedback does not return"
    })
    const odd = decode(400, { "x-amzn-errortype": "Not a code\u001b[31m <script>" }, "")
    expect(odd).toMatchObject({
      code: "Not a code <script>",
      message: expect.stringContaining("with an error code that")
    })
  })

  it("reads throttling as HTTP 400 with the code only in the header (the facts sheet's example)", () => {
    expect(decode(400, { "x-amzn-errortype": "TooManyRequestsException" }, "{\"message\":\"Rate exceeded\"}")).toEqual({
      _tag: "ServiceException",
      code: "TooManyRequestsException",
      message: "Rate exceeded",
      requestId: undefined,
      reasonCode: undefined
    })
    expect(decode(400, {}, "{\"__type\":\"NotAuthorizedException\"}")).toMatchObject({
      message: "NotAuthorizedException (HTTP 400)"
    })
  })

  it("redacts the call's secrets and controls in every text it keeps", () => {
    const redact = AwsJson.redactorFor(["alice", "tok.en-1="])
    const decoded = AwsJson.decodeResponse(Operations.UpdateAuthEventFeedback, {
      status: 400,
      headers: { "x-amzn-requestid": "id-alice", "x-amzn-errortype": "InvalidParameterException" },
      body: JSON.stringify({ message: "user ali\u001b[0mce, token tok.en-1%3D\n", reasonCode: "alice" })
    }, redact)
    expect(decoded).toEqual({
      _tag: "ServiceException",
      code: "InvalidParameterException",
      message: "user <redacted>, token <redacted> ",
      requestId: "id-<redacted>",
      reasonCode: "<redacted>"
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Request ids
// ---------------------------------------------------------------------------------------------

describe("readRequestId", () => {
  it("takes the SDK's headers in the SDK's order, in any case, skipping empty values", () => {
    expect(AwsJson.readRequestId({ "x-amz-request-id": "c", "x-amzn-request-id": "b", "x-amzn-requestid": "a" })).toBe(
      "a"
    )
    expect(AwsJson.readRequestId({ "x-amz-request-id": "c", "x-amzn-request-id": "b" })).toBe("b")
    expect(AwsJson.readRequestId({ "X-Amz-Request-Id": "c" })).toBe("c")
    expect(AwsJson.readRequestId({ "x-amzn-requestid": "", "x-amz-request-id": "c" })).toBe("c")
    // x-amz-id-2 is the SDK's extendedRequestId, not the request id
    expect(AwsJson.readRequestId({ "x-amz-id-2": "ext" })).toBeUndefined()
    expect(AwsJson.readRequestId({ "set-cookie": ["a"], "x-amzn-requestid": ["x", "y"] })).toBeUndefined()
  })

  it("keeps an id safe: no controls, bounded, secrets redacted", () => {
    const id = AwsJson.readRequestId(
      { "x-amzn-requestid": `\u001b]0;t\u0007a\nb-tok${"x".repeat(300)}` },
      (t) => t.replace("tok", "<redacted>")
    )
    expect(id).toBe(`a b-<redacted>${"x".repeat(AwsJson.maxIdentifierLength - 15)}…`)
    expect(id?.length).toBe(AwsJson.maxIdentifierLength)
  })
})

// ---------------------------------------------------------------------------------------------
// Retry hints
// ---------------------------------------------------------------------------------------------

describe("retry hints", () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it("parses the RFC 9110 examples", () => {
    expect(AwsJson.parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT")).toBe(784_111_777_000)
    expect(AwsJson.readRetryAfter({ "retry-after": "120" }, 0)).toBe(120_000)
    const now = Date.UTC(1999, 11, 31, 23, 57, 59)
    expect(AwsJson.readRetryAfter({ "retry-after": "Fri, 31 Dec 1999 23:59:59 GMT" }, now)).toBe(120_000)
  })

  it("parses IMF-fixdates as the SDK's parseRfc7231DateTime does, rejecting what it rejects", () => {
    const rand = random(9110)
    const two = (n: number) => String(n).padStart(2, "0")
    let accepted = 0
    for (let run = 0; run < 5000; run++) {
      const date = `${pick(rand, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])}, ${two(int(rand, 0, 33))} ${
        pick(rand, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Foo"])
      } ${int(rand, 1970, 2400)} ${two(int(rand, 0, 26))}:${two(int(rand, 0, 62))}:${two(int(rand, 0, 59))} GMT`
      let expected: number | undefined
      try {
        expected = parseRfc7231DateTime(date).getTime()
      } catch {
        expected = undefined
      }
      if (expected !== undefined) accepted++
      expect([date, AwsJson.parseHttpDate(date)]).toEqual([date, expected])
    }
    expect(accepted).toBeGreaterThan(1000)
  })

  it("reads each hint as the SDK's getRetryAfterHint does", () => {
    const now = Date.UTC(2026, 10, 1, 10, 0, 0)
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(now)
    const rand = random(5)
    for (let run = 0; run < 2000; run++) {
      const kind = pick(rand, ["seconds", "date", "amz"])
      const value = kind === "date"
        ? new Date(now + int(rand, 0, 1e6) * 1000).toUTCString()
        : String(int(rand, 0, 1e8))
      const name = kind === "amz"
        ? pick(rand, ["x-amz-retry-after", "X-Amz-Retry-After"])
        : pick(rand, ["retry-after", "Retry-After"])
      const hint = getRetryAfterHint(new HttpResponse({ statusCode: 429, headers: { [name]: value } }))
      expect([name, value, AwsJson.readRetryAfter({ [name]: value }, now)]).toEqual([
        name,
        value,
        hint === undefined ? undefined : hint.getTime() - now
      ])
    }
  })

  it("never throws on any text in either header, and reads nothing from text that is neither form", () => {
    const rand = random(429)
    for (let run = 0; run < 3000; run++) {
      // never a whole number (it holds a non-digit that is not white space) nor an IMF-fixdate (no comma)
      const garbage = `${text(rand, [..."0123456789 .-+eE:GMTSun/"], 0, 12)}${pick(rand, [..."x.-e/:"])}${
        text(rand, [..."0123456789 \t"], 0, 4)
      }`
      const arbitrary = Array.from({ length: int(rand, 0, 40) }, () => String.fromCharCode(int(rand, 0, 0xffff))).join(
        ""
      )
      expect([garbage, AwsJson.readRetryAfter({ "x-amz-retry-after": garbage, "retry-after": garbage }, 0)]).toEqual([
        garbage,
        undefined
      ])
      const hint = AwsJson.readRetryAfter({ "x-amz-retry-after": arbitrary, "Retry-After": arbitrary }, 0)
      expect([arbitrary, hint === undefined || (Number.isFinite(hint) && hint >= 0)]).toEqual([arbitrary, true])
    }
  })

  it("prefers x-amz-retry-after, and gives nothing for garbage, fractions, negative, past or impossible values", () => {
    const now = Date.UTC(2026, 10, 1, 10, 0, 0)
    const read = (headers: Headers) => AwsJson.readRetryAfter(headers, now)
    expect(read({ "retry-after": "9", "x-amz-retry-after": "1500" })).toBe(1500)
    expect(read({ "x-amz-retry-after": "soon", "retry-after": "2" })).toBe(2000)
    expect(read({ "x-amz-retry-after": "-5", "retry-after": " 2 " })).toBe(2000)
    expect(read({ "retry-after": "Sun, 01 Nov 2026 10:00:00 GMT" })).toBe(0)
    for (
      const headers of [
        {},
        { "x-amz-retry-after": "-1" },
        { "x-amz-retry-after": "1.5" },
        { "retry-after": "" },
        { "retry-after": "-5" },
        { "retry-after": "1.5" },
        { "retry-after": "1e3" },
        { "retry-after": "soon" },
        { "retry-after": "9".repeat(400) },
        { "retry-after": "Sun, 01 Nov 2026 09:59:59 GMT" },
        { "retry-after": "Tue, 31 Feb 2026 10:00:00 GMT" },
        { "retry-after": "Sun, 01 Nov 2026 24:00:00 GMT" },
        { "retry-after": "Sun, 01 Foo 2026 10:00:10 GMT" },
        { "retry-after": "Sunday, 01-Nov-26 10:00:10 GMT" },
        { "retry-after": "2026-11-01T10:00:10Z" }
      ]
    ) {
      expect([headers, read(headers)]).toEqual([headers, undefined])
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Texts from the network
// ---------------------------------------------------------------------------------------------

describe("texts from the network", () => {
  // ESC and the 8-bit introducers start a sequence, which goes whole (`ESC x` takes the next
  // character with it, so each is tested last); a lone one goes too
  const introducers = new Set([0x1b, 0x9b, 0x9d, 0x90, 0x98, 0x9e, 0x9f])
  const shownAsSpace = /^[\p{Cc}\p{Bidi_Control}]$/u

  it("makes every control character (Unicode Cc) and bidi control (Bidi_Control) a space", () => {
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += codePoint < 0x10000 ? 1 : 97) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue
      const c = String.fromCodePoint(codePoint)
      const expected = introducers.has(codePoint) ? "" : shownAsSpace.test(c) ? " " : c
      if (AwsJson.withoutControls(`a${c}`) !== `a${expected}`) {
        expect([codePoint.toString(16), AwsJson.withoutControls(`a${c}`)]).toEqual([
          codePoint.toString(16),
          `a${expected}`
        ])
      }
    }
  })

  // the sequences Node's (ansi-regex) grammar knows: CSI with up to four digits a parameter, OSC
  // ended by BEL with a plain payload
  it("removes well-formed escape sequences as Node's stripVTControlCharacters does", () => {
    const rand = random(48)
    const parameters = () =>
      Array.from({ length: int(rand, 0, 3) }, () => text(rand, [..."0123456789"], 1, 4)).join(";")
    const sequences = [
      () => `\u001b[${parameters()}${pick(rand, [..."mABCDHJKfsu"])}`,
      () => `\u009b${parameters()}${pick(rand, [..."mJK"])}`,
      () => `\u001b]0;${text(rand, [..."titleAB09"], 1, 10)}\u0007`
    ]
    for (let run = 0; run < 2000; run++) {
      const parts = Array.from(
        { length: int(rand, 1, 6) },
        () => chance(rand) ? pick(rand, sequences)() : text(rand, [...letters, " ", "[", "]", ";"], 1, 8)
      )
      const line = parts.join("")
      expect([line, AwsJson.withoutEscapes(line)]).toEqual([line, stripVTControlCharacters(line)])
    }
  })

  it("gives out no control character and no more than the length asked for", () => {
    const rand = random(1024)
    const control = /[\p{Cc}\p{Bidi_Control}]/u
    for (let run = 0; run < 3000; run++) {
      // any UTF-16 code units, lone surrogates included
      const raw = Array.from({ length: int(rand, 0, 300) }, () => String.fromCharCode(int(rand, 0, 0xffff))).join("")
      const max = int(rand, 1, 200)
      const cleaned = AwsJson.fromNetwork(raw, AwsJson.noSecrets, max)
      expect([raw, control.test(cleaned), cleaned.length <= max]).toEqual([raw, false, true])
    }
  })

  it("removes colours, window titles, hyperlinks and 8-bit introducers whole", () => {
    const hostile =
      "a\u001b[31mred\u001b[0m b\u001b]0;owned title\u0007c\u001b]8;;http://x\u001b\\d\u0007e\u009b2Jf\u202eg"
    expect(AwsJson.withoutControls(hostile)).toBe("ared bcd ef g")
  })

  it("cuts a long text with an ellipsis, never inside a surrogate pair", () => {
    expect(AwsJson.truncate("abcdef", 4)).toBe("abc…")
    expect(AwsJson.truncate("ab😀cd", 4)).toBe("ab…")
    expect(AwsJson.truncate("abc", 3)).toBe("abc")
  })

  it("knows the forms of a secret with characters each encoding changes", () => {
    const forms = AwsJson.echoedForms("a\"Ü+b=")
    for (
      const form of [
        "a\"Ü+b=",
        "a\\\"Ü+b=",
        "a\\\"\\u00dc+b=",
        "a\\\\\\\"Ü+b=",
        "a%22%C3%9C%2Bb%3D",
        "a%5C%22%C3%9C%2Bb%3D"
      ]
    ) {
      expect(forms).toContain(form)
    }
  })

  it("redacts a secret as JSON, JSON in JSON and a URL component write it, in either case", () => {
    const rand = random(128)
    for (let run = 0; run < 1000; run++) {
      const secret = text(rand, [...letters, "\"", "\\", "+", "=", "&", "%", " ", "@"], 1, 16)
      const redact = AwsJson.redactorFor([secret])
      const json = JSON.stringify(secret).slice(1, -1)
      const jsonInJson = JSON.stringify(JSON.stringify(secret)).slice(2, -2)
      for (const echoed of [secret, json, jsonInJson, encodeURIComponent(secret), encodeURIComponent(json)]) {
        for (const form of [echoed, echoed.toUpperCase(), echoed.toLowerCase()]) {
          const cleaned = AwsJson.fromNetwork(`before ${form} after`, redact, 10_000)
          for (const piece of cleaned.split(AwsJson.redactedMarker)) {
            expect([secret, form, piece.toLowerCase().includes(secret.toLowerCase())]).toEqual([secret, form, false])
          }
        }
      }
    }
  })

  it("a control character inside a secret does not hide it; a text without secrets stays", () => {
    expect(AwsJson.fromNetwork("x SECRET\u001b[0mTOKEN y", AwsJson.redactorFor(["SECRETTOKEN"]), 100)).toBe(
      "x <redacted> y"
    )
    expect(AwsJson.redactorFor(["", "tok"])("Invalid feedback.")).toBe("Invalid feedback.")
    expect(AwsJson.redactorFor([])("a.b")).toBe("a.b")
    expect(AwsJson.noSecrets("a.b")).toBe("a.b")
  })
})

// ---------------------------------------------------------------------------------------------
// Responses as the service writes them
// ---------------------------------------------------------------------------------------------

describe("encodeErrorResponse and encodeSuccessResponse", () => {
  it("answer as the live service does, and the SDK reads them back", async () => {
    const response = AwsJson.encodeErrorResponse({ code: "NotAuthorizedException", message: "m" }, "r")
    expect(response).toEqual({
      status: 400,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "r" },
      body: "{\"__type\":\"NotAuthorizedException\",\"message\":\"m\"}"
    })
    for (const code of ["InternalErrorException", "InternalFailure", "ServiceUnavailable"]) {
      expect(AwsJson.encodeErrorResponse({ code, message: "m" }, "r").status).toBe(500)
    }
    for (const code of ServiceError.serviceErrorCodes) {
      const error = await sdkError({ ...AwsJson.encodeErrorResponse({ code, message: `m ${code}` }, "rid") })
      expect([error.name, error.message, error.$metadata.requestId]).toEqual([code, `m ${code}`, "rid"])
    }
    expect(AwsJson.encodeSuccessResponse({}, "r")).toEqual({
      status: 200,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "r" },
      body: "{}"
    })
  })
})

describe("redactorFor", () => {
  // usernames the service takes (any punctuation or symbol), echoed by servers with the encoders
  // they use: URLSearchParams (WHATWG forms), RFC 3986 strict (Python's quote), encodeURIComponent
  const usernames = ["o'brien!(x)*~", "a b", "ünïcødé+tag@example.com", "(paren)", "star*", "tilde~"]
  const encoders: ReadonlyArray<readonly [string, (s: string) => string]> = [
    ["URLSearchParams", (s) => new URLSearchParams({ u: s }).toString().slice(2)],
    [
      "RFC 3986",
      (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    ],
    ["encodeURIComponent", encodeURIComponent],
    ["lower-case escapes", (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())]
  ]

  it.each(encoders)("redacts a username echoed %s-encoded", (_name, encode) => {
    for (const username of usernames) {
      const redact = AwsJson.redactorFor([username])
      const echoed = `user ${encode(username)} not found`
      expect([username, redact(echoed)]).toEqual([username, `user ${AwsJson.redactedMarker} not found`])
    }
  })
})
