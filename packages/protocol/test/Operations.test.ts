/**
 * The descriptions against oracles that are not this code: botocore's service model (its shapes
 * for the described operations, copied into botocore-model.json with the version they came from), the
 * AWS SDK for JavaScript v3's own schemas and exception classes, and the AWS SDKs' retry
 * classification (`@smithy/core/retry`) of those exceptions.
 */
import * as Sdk from "@aws-sdk/client-cognito-identity-provider"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import * as Member from "../src/Member.js"
import type * as Operation from "../src/Operation.js"
import * as Operations from "../src/Operations.js"
import * as ServiceError from "../src/ServiceError.js"
import type * as OutputShape from "../src/Shape.js"

interface Shape {
  readonly type: string
  readonly required?: ReadonlyArray<string>
  readonly members?: Record<string, { readonly shape: string }>
  readonly min?: number
  readonly max?: number
  readonly pattern?: string
  readonly sensitive?: boolean
  readonly enum?: ReadonlyArray<string>
  readonly member?: { readonly shape: string }
}

const here = path.dirname(fileURLToPath(import.meta.url))
const model = JSON.parse(fs.readFileSync(path.join(here, "botocore-model.json"), "utf8")) as {
  readonly metadata: { readonly targetPrefix: string }
  readonly operations: Record<
    string,
    { readonly input: string; readonly errors: ReadonlyArray<string>; readonly authtype: string | null }
  >
  readonly shapes: Record<string, Shape>
}
const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-cognito-identity-provider"))
const retry = sdkRequire("@smithy/core/retry") as {
  readonly isThrottlingError: (error: unknown) => boolean
  readonly isTransientError: (error: unknown) => boolean
  readonly isServerError: (error: unknown) => boolean
}

/**
 * A shape as the AWS SDK's schema arrays give it: `[3, ns, name, traits, memberNames, memberSchemas,
 * requiredCount?]` for a structure, `[1, ns, name, traits, member]` for a list, `0` a string, `2` a
 * boolean, `4` a timestamp, `64 + n` a list of `n`, `[schema, traits]` a member with traits of its
 * own, a function for a shape defined later. Enumerations are strings there;
 * their values are checked against the SDK's enum objects separately.
 */
const sdkShape = (schema: unknown): unknown => {
  const resolved = typeof schema === "function" ? (schema as () => unknown)() : schema
  if (resolved === 0) return "string"
  if (resolved === 2) return "boolean"
  if (resolved === 4) return "timestamp"
  // a list of a simple type: 64 plus the item's code
  if (typeof resolved === "number" && resolved >= 64 && resolved < 128) return { list: sdkShape(resolved - 64) }
  const parts = resolved as ReadonlyArray<unknown>
  // a member with traits of its own: [schema, traits]
  if (parts.length === 2) return sdkShape(parts[0])
  // a named simple shape (a sensitive string): [0, ns, name, traits, schema]
  if (parts[0] === 0) return sdkShape(parts[4])
  if (parts[0] === 1) return { list: sdkShape(parts[4]) }
  const names = parts[4] as ReadonlyArray<string>
  const members = parts[5] as ReadonlyArray<unknown>
  return {
    members: Object.fromEntries(names.map((member, i) => [member, sdkShape(members[i])])),
    required: names.slice(0, (parts[6] as number | undefined) ?? 0)
  }
}

const ourShape = (shape: OutputShape.Shape): unknown => {
  switch (shape.type) {
    case "structure":
      return {
        members: Object.fromEntries(Object.entries(shape.members).map(([name, member]) => [name, ourShape(member)])),
        required: shape.required
      }
    case "list":
      return { list: ourShape(shape.member) }
    case "enum":
      return "string"
    default:
      return shape.type
  }
}

describe("the output shapes' enumerations", () => {
  it.each(
    [
      ["EventType", Sdk.EventType],
      ["EventResponseType", Sdk.EventResponseType],
      ["RiskDecisionType", Sdk.RiskDecisionType],
      ["RiskLevelType", Sdk.RiskLevelType],
      ["ChallengeName", Sdk.ChallengeName],
      ["ChallengeResponse", Sdk.ChallengeResponse],
      ["FeedbackValueType", Sdk.FeedbackValueType]
    ] as const
  )("%s has the AWS SDK's values", (name, values) => {
    expect([...Operations.shapes[name].values].sort()).toEqual(Object.values(values).sort())
  })

  it("FeedbackProvider is the model's User or Admin (a plain string in the SDK)", () => {
    expect(Operations.shapes.FeedbackProvider.values).toEqual(["User", "Admin"])
  })
})

/** A member (at `path`) against the model's shape `shapeName`, recursing into structures and lists. */
const expectModelled = (path: string, description: Member.Member, shapeName: string): void => {
  const shape = model.shapes[shapeName] as Shape
  expect([path, description.sensitive]).toEqual([path, shape.sensitive === true])
  switch (description.type) {
    case "string":
      expect([path, shape.type, description.minLength, description.maxLength]).toEqual([
        path,
        "string",
        shape.min,
        shape.max
      ])
      // anchored here: the service matches the whole value
      expect([path, description.pattern?.source]).toEqual([
        path,
        shape.pattern && `^${shape.pattern.replace("[\\S]+", "\\S+")}$`
      ])
      return
    case "enum":
      return expect([path, description.values]).toEqual([path, shape.enum])
    case "integer":
      return expect([path, description.min, description.max]).toEqual([path, shape.min, shape.max])
    case "boolean":
      return expect([path, shape.type]).toEqual([path, "boolean"])
    case "list":
      expect([path, shape.type, description.maxItems]).toEqual([path, "list", shape.max])
      return expectModelled(`${path}[]`, description.item, shape.member?.shape ?? "")
    case "structure":
      expect([path, Object.keys(description.members)]).toEqual([path, Object.keys(shape.members ?? {})])
      for (const [name, child] of Object.entries(description.members)) {
        expect([`${path}.${name}`, child.required]).toEqual([
          `${path}.${name}`,
          shape.required?.includes(name) ?? false
        ])
        expectModelled(`${path}.${name}`, child, shape.members?.[name]?.shape ?? "")
      }
  }
}

describe.each(Operations.served.map((operation) => [operation.name, operation] as const))("%s", (name, operation) => {
  const described: Operation.Operation = operation
  const modelled = model.operations[name]
  const input = model.shapes[modelled?.input ?? ""]

  it("has the model's target and authorisation", () => {
    expect(described.target).toBe(`${model.metadata.targetPrefix}.${name}`)
    expect(described.authorization).toBe(modelled?.authtype === "none" ? "none" : "sigv4")
  })

  it("has the output shape of the AWS SDK's schema, member by member", () => {
    const schemas = Sdk as unknown as Record<string, unknown>
    expect(sdkShape(schemas[`${name}Response$`])).toEqual(ourShape(described.output))
  })

  it("has the model's members, in its order, required as it says", () => {
    expect(Object.keys(described.input)).toEqual(Object.keys(input?.members ?? {}))
    for (const [member, description] of Object.entries(described.input)) {
      expect([member, description.required]).toEqual([member, input?.required?.includes(member) ?? false])
    }
  })

  it("has each member's constraints and sensitivity from the model's shape, nested members too", () => {
    for (const [member, description] of Object.entries(described.input)) {
      expectModelled(member, description, input?.members?.[member]?.shape ?? "")
    }
  })

  it("has the JavaScript SDK's members and sensitivity", () => {
    const schema = (Sdk as unknown as Record<string, ReadonlyArray<unknown>>)[`${name}Request$`] ?? []
    const names = schema[4] as ReadonlyArray<string>
    const schemas = schema[5] as ReadonlyArray<unknown>
    expect(names).toEqual(Object.keys(described.input))
    const sensitive = schemas.map((member) =>
      Array.isArray(member) && typeof member[0] === "function" &&
      (((member[0]() as ReadonlyArray<number>)[3] ?? 0) & 8) !== 0
    )
    expect(sensitive).toEqual(Object.values(described.input).map((member) => member.sensitive))
  })

  it("returns the errors the JavaScript SDK declares, which include botocore's", () => {
    const declaration = fs.readFileSync(
      path.join(
        path.dirname(sdkRequire.resolve("@aws-sdk/client-cognito-identity-provider")),
        "..",
        "dist-types",
        "commands",
        `${name}Command.d.ts`
      ),
      "utf8"
    )
    const thrown = [...declaration.matchAll(/@throws \{@link (\w+)\}/g)].flatMap((match) =>
      match[1] === undefined ? [] : [match[1]]
    )
      .filter((code) => code !== "CognitoIdentityProviderServiceException")
    // less the ones about sending email through SES, which no simulator decides
    const notDecided: ReadonlyArray<string> = Operations.notDecided
    expect([...described.errors].sort()).toEqual(
      [...new Set(thrown)].filter((code) => !notDecided.includes(code)).sort()
    )
    expect(described.errors).toEqual(
      expect.arrayContaining((modelled?.errors ?? []).filter((code) => !notDecided.includes(code)))
    )
  })
})

describe("ServiceError", () => {
  it("classifies each code as the AWS SDKs' retry strategy classifies the SDK's own exception", () => {
    for (const { code, retry: expected } of ServiceError.serviceErrors) {
      const ErrorClass = (Sdk as unknown as Record<string, new(options: object) => Error>)[code]
      if (ErrorClass === undefined) throw new Error(`the SDK has no ${code}`)
      const status = code === "InternalErrorException" ? 500 : code === "TooManyRequestsException" ? 429 : 400
      const error = Object.assign(new ErrorClass({ message: "m", $metadata: { httpStatusCode: status } }), {
        $metadata: { httpStatusCode: status }
      })
      const actual = retry.isThrottlingError(error)
        ? "throttling"
        : retry.isTransientError(error) || retry.isServerError(error)
        ? "transient"
        : "none"
      expect([code, actual]).toEqual([code, expected])
    }
  })

  it("gives each code the HTTP status of the AWS SDK's error schema (httpError; a server fault: 500)", () => {
    const schemas = Sdk as unknown as Record<string, unknown>
    for (const { code, modelStatus } of ServiceError.serviceErrors) {
      // [-3, namespace, name, traits, ...]: the traits hold `error` ("client" | "server") and `httpError`
      const traits = (schemas[`${code}$`] as ReadonlyArray<unknown> | undefined)?.[3] as
        | { readonly error?: string; readonly httpError?: number }
        | undefined
      const expected = traits?.httpError ?? (traits?.error === "server" ? 500 : undefined)
      expect([code, modelStatus]).toEqual([code, expected])
    }
  })

  it("names each code by itself in codes", () => {
    expect(Object.entries(ServiceError.codes).sort()).toEqual(
      Object.values(Sdk).flatMap((value) =>
        typeof value === "function" && "prototype" in value &&
          value.prototype instanceof Sdk.CognitoIdentityProviderServiceException &&
          ServiceError.isServiceErrorCode(value.name)
          ? [[value.name, value.name]]
          : []
      ).sort()
    )
  })

  it("knows every code and nothing else", () => {
    for (const code of ServiceError.serviceErrorCodes) expect(ServiceError.isServiceErrorCode(code)).toBe(true)
    for (const other of ["", "toString", "constructor", "__proto__", "notauthorizedexception", "Throttling"]) {
      expect(ServiceError.isServiceErrorCode(other)).toBe(false)
    }
  })
})

describe("Member.brokenRule", () => {
  // literals from the documentation's examples, not from the patterns
  it("passes what the service takes and names the rule of what it refuses, never the value", () => {
    const { members } = Operations
    expect(Member.brokenRule("us-east-1_Example1", members.UserPoolId)).toBeUndefined()
    expect(Member.brokenRule("alice@example.com", members.Username)).toBeUndefined()
    expect(Member.brokenRule("😀".repeat(128), members.Username)).toBeUndefined()
    expect(Member.brokenRule("😀".repeat(129), members.Username)).toBe("must be at most 128 characters long")
    expect(Member.brokenRule("us-east-1", members.UserPoolId)).toBe("must match ^[\\w-]+_[0-9a-zA-Z]+$")
    expect(Member.brokenRule("", members.EventId)).toBe("must be at least 1 character long")
    expect(Member.brokenRule("secret token", members.FeedbackToken)).not.toContain("secret")
  })
})
