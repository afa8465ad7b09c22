/**
 * The golden wire cases through the protocol's pure codec, and against oracles that are not this
 * code: every request case through `AwsJson`'s encoder and the AWS SDK's own serializer, every
 * invalid input against the description's rules and botocore's model, every response case through
 * `AwsJson.decodeResponse` and `Retry`'s classification and through the AWS SDK's own error
 * deserializer, retry classification and `Retry-After` reader (each difference being one the case
 * names in `sdk`).
 */
import * as Sdk from "@aws-sdk/client-cognito-identity-provider"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { Readable } from "node:stream"
import { fileURLToPath } from "node:url"
import { afterEach, describe, expect, it, vi } from "vitest"
import * as AwsJson from "../src/AwsJson.js"
import * as Member from "../src/Member.js"
import * as Operations from "../src/Operations.js"
import * as Retry from "../src/Retry.js"
import * as WireCases from "../src/WireCases.js"

const operation = Operations.UpdateAuthEventFeedback
type Headers = Record<string, string>

const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-cognito-identity-provider"))
const { HttpResponse } = sdkRequire("@smithy/protocol-http") as {
  readonly HttpResponse: new(options: { statusCode: number; headers: Headers; body?: unknown }) => object
}
const sdkRetry = sdkRequire("@smithy/core/retry") as {
  readonly getRetryAfterHint: (response: object) => Date | undefined
  readonly isThrottlingError: (error: unknown) => boolean
  readonly isTransientError: (error: unknown) => boolean
}

const bodyText = (body: WireCases.ResponseCase["body"]): string =>
  typeof body === "string" ? body : new TextDecoder().decode(Uint8Array.from(body))
const bodyBytes = (body: WireCases.ResponseCase["body"]): Buffer =>
  typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body)

// ---------------------------------------------------------------------------------------------
// The AWS SDK's client over a fake request handler
// ---------------------------------------------------------------------------------------------

interface Captured {
  readonly headers: Headers
  readonly body: string
}
const stop = new Error("captured")
let captured: Captured | undefined
let reply: { readonly status: number; readonly headers: Headers; readonly body: Buffer } | undefined

const sentText = (body: unknown): string => {
  if (typeof body === "string") return body
  const bytes = body as Uint8Array
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")
}

const client = new Sdk.CognitoIdentityProviderClient({
  region: "us-east-1",
  maxAttempts: 1,
  requestHandler: {
    handle: async (request: { headers: Headers; body: unknown }) => {
      if (reply === undefined) {
        captured = { headers: request.headers, body: sentText(request.body) }
        throw stop
      }
      return {
        response: new HttpResponse({
          statusCode: reply.status,
          headers: reply.headers,
          body: Readable.from([reply.body])
        })
      }
    }
  }
})

type SdkError = Error & {
  readonly $metadata?: { readonly requestId?: string | undefined }
  readonly reasonCode?: string
}
type SdkOutcome = { readonly _tag: "Success" } | { readonly _tag: "Failure"; readonly error: SdkError }

const sdkSend = (input: object) =>
  client.send(new Sdk.UpdateAuthEventFeedbackCommand(input as Sdk.UpdateAuthEventFeedbackCommandInput))

/** What the SDK sends for `input`. */
const sdkRequest = async (input: object): Promise<Captured> => {
  captured = undefined
  reply = undefined
  await expect(sdkSend(input)).rejects.toBe(stop)
  if (captured === undefined) throw new Error("nothing captured")
  return captured
}

/** How the SDK ends a call answered by `response` (its Node handler hands over lower-case names). */
const sdkOutcome = async (response: WireCases.ResponseCase): Promise<SdkOutcome> => {
  reply = { status: response.status, headers: WireCases.foldHeaders(response.headers), body: bodyBytes(response.body) }
  try {
    await sdkSend(WireCases.requestCases[0]?.input ?? {})
    return { _tag: "Success" }
  } catch (error) {
    return { _tag: "Failure", error: error as SdkError }
  } finally {
    reply = undefined
  }
}

// the standard strategy retries THROTTLING and TRANSIENT, never SERVER_ERROR or CLIENT_ERROR
const sdkRetryClass = (error: unknown): WireCases.RetryClass =>
  sdkRetry.isThrottlingError(error) ? "throttling" : sdkRetry.isTransientError(error) ? "transient" : "none"

const sdkRetryAfter = (response: WireCases.ResponseCase): number | undefined => {
  vi.useFakeTimers({ toFake: ["Date"] })
  vi.setSystemTime(WireCases.readAtMillis)
  try {
    const hint = sdkRetry.getRetryAfterHint(
      new HttpResponse({ statusCode: response.status, headers: WireCases.foldHeaders(response.headers) })
    )
    return hint === undefined ? undefined : hint.getTime() - WireCases.readAtMillis
  } finally {
    vi.useRealTimers()
  }
}

afterEach(() => {
  vi.useRealTimers()
})

// ---------------------------------------------------------------------------------------------
// The service model (botocore), as the oracle of members and rules
// ---------------------------------------------------------------------------------------------

interface Shape {
  readonly type: string
  readonly min?: number
  readonly max?: number
  readonly pattern?: string
  readonly enum?: ReadonlyArray<string>
  readonly required?: ReadonlyArray<string>
  readonly members?: Readonly<Record<string, { readonly shape: string }>>
}
const model = JSON.parse(
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "botocore-model.json"), "utf8")
) as { readonly shapes: Readonly<Record<string, Shape>> }
const inputShape = model.shapes["UpdateAuthEventFeedbackRequest"] as Shape

/** The rules of the model `input` breaks, by member; the service matches a pattern against the whole value. */
const modelBreaks = (input: Readonly<Record<string, unknown>>): Record<string, WireCases.BrokenRule> => {
  const broken: Record<string, WireCases.BrokenRule> = {}
  for (const [name, { shape: shapeName }] of Object.entries(inputShape.members ?? {})) {
    const shape = model.shapes[shapeName] as Shape
    const value = input[name]
    if (value === undefined) {
      if (inputShape.required?.includes(name)) broken[name] = "required"
    } else if (typeof value !== "string") {
      broken[name] = "type"
    } else if (shape.enum !== undefined) {
      if (!shape.enum.includes(value)) broken[name] = "enum"
    } else {
      const length = Array.from(value).length
      if ((shape.min !== undefined && length < shape.min) || (shape.max !== undefined && length > shape.max)) {
        broken[name] = "length"
      } else if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`, "u").test(value)) {
        broken[name] = "pattern"
      }
    }
  }
  return broken
}

/** The rules of the operation's description `input` breaks, by member (`Member`'s checks). */
const descriptionBreaks = (input: Readonly<Record<string, unknown>>): Record<string, WireCases.BrokenRule> => {
  const broken: Record<string, WireCases.BrokenRule> = {}
  for (const [name, member] of Object.entries(operation.input) as Array<[string, Member.Member]>) {
    const value = input[name]
    if (value === undefined) {
      if (member.required) broken[name] = "required"
    } else if (member.type === "enum") {
      if (typeof value !== "string") broken[name] = "type"
      else if (!member.values.includes(value)) broken[name] = "enum"
    } else if (member.type === "string") {
      if (typeof value !== "string") {
        broken[name] = "type"
      } else {
        const rule = Member.brokenRule(value, member)
        if (rule !== undefined) broken[name] = rule.startsWith("must match") ? "pattern" : "length"
      }
    }
  }
  return broken
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

describe("request cases", () => {
  const encode = AwsJson.requestEncoder(operation)

  it.each(WireCases.requestCases.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    expect(encode(c.input)).toBe(c.body)
    expect(AwsJson.requestHeaders(operation)).toEqual(c.headers)
    // the body holds exactly the input
    expect(JSON.parse(c.body)).toEqual(c.input)
    // valid by the description and by the model
    expect(descriptionBreaks(c.input)).toEqual({})
    expect(modelBreaks(c.input)).toEqual({})
    // the AWS SDK sends the same bytes and protocol headers
    const sent = await sdkRequest(c.input)
    expect(sent.body).toBe(c.body)
    expect({ "content-type": sent.headers["content-type"], "x-amz-target": sent.headers["x-amz-target"] }).toEqual(
      c.headers
    )
  })
})

describe("invalid request cases", () => {
  it.each(WireCases.invalidRequestCases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    // exactly this member breaks exactly this rule, by the model and by the description
    expect(modelBreaks(c.input)).toEqual({ [c.member]: c.rule })
    expect(descriptionBreaks(c.input)).toEqual({ [c.member]: c.rule })
  })

  it("cover every member and every kind of rule", () => {
    expect(new Set(WireCases.invalidRequestCases.map((c) => c.member))).toEqual(new Set(inputShape.required))
    expect(new Set(WireCases.invalidRequestCases.map((c) => c.rule))).toEqual(
      new Set(["required", "length", "pattern", "enum", "type"])
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const hasRepeatedName = (headers: ReadonlyArray<readonly [string, string]>): boolean =>
  new Set(headers.map(([name]) => name.toLowerCase())).size !== headers.length

/** The case through the protocol: the decoder, the retry classification and the retry hint. */
const decoded = (c: WireCases.ResponseCase, headers: AwsJson.Headers): WireCases.Outcome => {
  const redact = c.secrets === undefined ? AwsJson.noSecrets : AwsJson.redactorFor(c.secrets)
  const result = AwsJson.decodeResponse(operation, { status: c.status, headers, body: bodyText(c.body) }, redact)
  const retryAfterMillis = AwsJson.readRetryAfter(headers, WireCases.readAtMillis)
  switch (result._tag) {
    case "Ok":
      return { _tag: "Success" }
    case "ServiceException": {
      const { code, message, reasonCode, requestId } = result
      const retry = Retry.classifyServiceError(code)
      return reasonCode === undefined
        ? { _tag: code, code, message, requestId, retry, retryAfterMillis }
        : { _tag: code, code, message, requestId, reasonCode, retry, retryAfterMillis }
    }
    case "UnexpectedResponse": {
      const { code, message, requestId, status } = result
      const retry = Retry.classifyResponse(status, code)
      return { _tag: "UnexpectedResponseError", status, code, message, requestId, retry, retryAfterMillis }
    }
  }
}

describe("response cases", () => {
  const cases = WireCases.responseCases.map((c) => [c.name, c] as const)

  it("have unique names", () => {
    expect(new Set(WireCases.responseCases.map((c) => c.name)).size).toBe(WireCases.responseCases.length)
  })

  it("fold headers as the Fetch standard's Headers does", () => {
    for (const c of WireCases.responseCases) {
      expect([c.name, WireCases.foldHeaders(c.headers)]).toEqual([
        c.name,
        Object.fromEntries(new globalThis.Headers(c.headers.map(([name, value]): [string, string] => [name, value])))
      ])
    }
  })

  describe("through AwsJson.decodeResponse", () => {
    it.each(cases)("%s", (_, c) => {
      expect(decoded(c, WireCases.foldHeaders(c.headers))).toEqual(c.expected)
      // the names as sent, in any case, read the same
      if (!hasRepeatedName(c.headers)) expect(decoded(c, Object.fromEntries(c.headers))).toEqual(c.expected)
    })
  })

  describe("as the AWS SDK reads them, but where the case says otherwise", () => {
    it.each(cases)("%s", async (_, c) => {
      const sdk: WireCases.SdkReading = c.sdk ?? {}
      const outcome = await sdkOutcome(c)
      const { expected } = c
      if (sdk.success === true || (expected._tag === "Success" && sdk.name === undefined)) {
        expect(outcome).toEqual({ _tag: "Success" })
        return
      }
      if (outcome._tag === "Success") return expect.fail("the SDK took it for success")
      const { error } = outcome
      if (expected._tag === "Success") {
        expect(error.name).toBe(sdk.name)
        return
      }
      const name = sdk.name ?? expected.code
      expect(error.name).toBe(name)
      // a message is compared where the SDK read the same exception; an unexpected response's is the
      // library's own, compared only where the case gives the SDK's (which may be any JSON value)
      const sameException = name === expected.code && expected._tag !== "UnexpectedResponseError"
      const message = sdk.message ?? (sameException ? expected.message : undefined)
      if (message !== undefined) expect(String(error.message)).toBe(message)
      expect(error.$metadata?.requestId).toBe("requestId" in sdk ? sdk.requestId : expected.requestId)
      if ("reasonCode" in expected) expect(error.reasonCode).toBe(expected.reasonCode)
      expect(sdkRetryClass(error)).toBe(sdk.retry ?? expected.retry)
      expect(sdkRetryAfter(c)).toBe("retryAfterMillis" in sdk ? sdk.retryAfterMillis : expected.retryAfterMillis)
    })
  })

  it("name every service code as the AWS SDK's exception classes do, each in a case", () => {
    const tags = new Set(
      WireCases.responseCases.map((c) => c.expected._tag).filter((tag) =>
        tag !== "Success" && tag !== "UnexpectedResponseError"
      )
    )
    expect(tags.size).toBe(8)
    for (const tag of tags) {
      const exported = (Sdk as unknown as Record<string, unknown>)[tag]
      expect([
        tag,
        typeof exported === "function" && exported.prototype instanceof Sdk.CognitoIdentityProviderServiceException
      ])
        .toEqual([tag, true])
    }
  })

  it("cover every retry class, every body form and every request-id header", () => {
    const expectedOf = (c: WireCases.ResponseCase) => c.expected
    const failures = WireCases.responseCases.map(expectedOf).filter((o) => o._tag !== "Success")
    expect(new Set(failures.map((o) => "retry" in o && o.retry))).toEqual(new Set(["throttling", "transient", "none"]))
    expect(WireCases.responseCases.some((c) => typeof c.body !== "string")).toBe(true)
    expect(WireCases.responseCases.some((c) => c.body === "" && c.status >= 400)).toBe(true)
    for (const name of ["x-amzn-requestid", "x-amzn-request-id", "x-amz-request-id", "x-amzn-errortype"]) {
      expect([name, WireCases.responseCases.some((c) => c.headers.some(([n]) => n === name))]).toEqual([name, true])
    }
    for (const status of [200, 204, 400, 403, 404, 408, 429, 500, 501, 502, 503, 504]) {
      expect([status, WireCases.responseCases.some((c) => c.status === status)]).toEqual([status, true])
    }
  })
})
