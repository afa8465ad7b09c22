/**
 * The cases of both editions' `CognitoWire` suites: the seeded world, well-formed and malformed
 * requests with the answer each must get, and fast-check generators of any request, for the
 * property that every request gets an AWS-shaped answer. Effect-free; each edition's suite is a
 * thin runner over them with its own `CognitoWire.handle`.
 */
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import * as Operations from "@cognito-feedback/protocol/Operations"
import type * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"
import * as fc from "fast-check"

/** An HTTP request as `CognitoWire.handle` takes it (both editions' `WireRequest`). */
export interface WireRequest {
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly bodyTooLarge?: boolean | undefined
}

export const poolId = "us-east-1_Wire1"
export const username = "alice-secret-name"
export const token = "tok.secret-token-1"

export const world: SimulationSeed.SeedFile = {
  userPools: [
    {
      id: poolId,
      users: [
        {
          username,
          authEvents: [
            { eventId: "evt-1", feedbackToken: token, creationDate: new Date("2026-11-01T10:00:00Z") },
            {
              eventId: "evt-2",
              feedbackToken: "tok.secret-token-2",
              creationDate: new Date("2026-11-02T10:00:00.250Z")
            }
          ]
        }
      ]
    }
  ]
}

export const update = {
  UserPoolId: poolId,
  Username: username,
  EventId: "evt-1",
  FeedbackToken: token,
  FeedbackValue: "Invalid"
}

export const authorization =
  "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00"

export const headersFor = (operation: string, extra: Record<string, string> = {}): Record<string, string> => ({
  "content-type": "application/x-amz-json-1.1",
  "x-amz-target": AwsJson.target(operation),
  ...(operation.startsWith("Admin") ? { authorization } : {}),
  ...extra
})

export const post = (operation: string, body: unknown, extra: Record<string, string> = {}): WireRequest => ({
  method: "POST",
  headers: headersFor(operation, extra),
  body: typeof body === "string" ? body : JSON.stringify(body)
})

export const rejectedAtTheWire: ReadonlyArray<readonly [string, WireRequest, string, number]> = [
  [
    "an unknown target",
    post("UpdateAuthEventFeedback", update, { "x-amz-target": "AWSCognitoIdentityProviderService.DeleteUser" }),
    "UnknownOperationException",
    400
  ],
  [
    "another service's target",
    post("UpdateAuthEventFeedback", update, { "x-amz-target": "DynamoDB_20120810.UpdateAuthEventFeedback" }),
    "UnknownOperationException",
    400
  ],
  [
    "no target",
    { method: "POST", headers: { "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(update) },
    "UnknownOperationException",
    400
  ],
  [
    "a GET",
    { ...post("UpdateAuthEventFeedback", update), method: "GET" },
    "UnknownOperationException",
    400
  ],
  [
    "a PUT",
    { ...post("UpdateAuthEventFeedback", update), method: "PUT" },
    "UnknownOperationException",
    400
  ],
  [
    "a JSON 1.0 content type",
    post("UpdateAuthEventFeedback", update, { "content-type": "application/x-amz-json-1.0" }),
    "SerializationException",
    400
  ],
  [
    "application/json",
    post("UpdateAuthEventFeedback", update, { "content-type": "application/json" }),
    "SerializationException",
    400
  ],
  [
    "no content type",
    {
      method: "POST",
      headers: { "x-amz-target": AwsJson.target("UpdateAuthEventFeedback") },
      body: JSON.stringify(update)
    },
    "SerializationException",
    400
  ],
  ["a body that is not JSON", post("UpdateAuthEventFeedback", "{\"UserPoolId\":"), "SerializationException", 400],
  ["a JSON array", post("UpdateAuthEventFeedback", [update]), "SerializationException", 400],
  ["a JSON string", post("UpdateAuthEventFeedback", "\"{}\""), "SerializationException", 400],
  ["a JSON number", post("UpdateAuthEventFeedback", "42"), "SerializationException", 400],
  ["JSON null", post("UpdateAuthEventFeedback", "null"), "SerializationException", 400],
  [
    "a number for a string member",
    post("UpdateAuthEventFeedback", { ...update, UserPoolId: 42 }),
    "SerializationException",
    400
  ],
  [
    "an object for the username",
    post("UpdateAuthEventFeedback", { ...update, Username: { value: username } }),
    "SerializationException",
    400
  ],
  [
    "a string for MaxResults",
    post("AdminListUserAuthEvents", { UserPoolId: poolId, Username: username, MaxResults: "10" }),
    "SerializationException",
    400
  ],
  [
    "a body over the limit",
    { ...post("UpdateAuthEventFeedback", update), bodyTooLarge: true },
    "RequestEntityTooLargeException",
    413
  ],
  [
    "AdminUpdateAuthEventFeedback without Authorization",
    {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": AwsJson.target("AdminUpdateAuthEventFeedback")
      },
      body: JSON.stringify({ UserPoolId: poolId, Username: username, EventId: "evt-1", FeedbackValue: "Valid" })
    },
    "MissingAuthenticationTokenException",
    400
  ],
  [
    "AdminListUserAuthEvents without Authorization",
    {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": AwsJson.target("AdminListUserAuthEvents")
      },
      body: JSON.stringify({ UserPoolId: poolId, Username: username })
    },
    "MissingAuthenticationTokenException",
    400
  ],
  [
    "an admin call with a Basic Authorization",
    post("AdminUpdateAuthEventFeedback", { UserPoolId: poolId, Username: username, EventId: "evt-1" }, {
      authorization: "Basic YWxpY2U6c2VjcmV0"
    }),
    "IncompleteSignatureException",
    400
  ]
]

// A request wrong in two ways gets the error of the first check in the service's order: the size,
// then the method and the target (AWS JSON services route on them alone), then the signature of an
// admin operation, then the content type, then the body.
export const wrongContentType = { "content-type": "application/json" }
export const wrongTwice: ReadonlyArray<readonly [string, WireRequest, string, number]> = [
  [
    "a body over the limit with an unknown target",
    {
      ...post("UpdateAuthEventFeedback", update, { "x-amz-target": "AWSCognitoIdentityProviderService.DeleteUser" }),
      bodyTooLarge: true
    },
    "RequestEntityTooLargeException",
    413
  ],
  [
    "an unknown target with a wrong content type",
    post("UpdateAuthEventFeedback", update, {
      ...wrongContentType,
      "x-amz-target": "AWSCognitoIdentityProviderService.DeleteUser"
    }),
    "UnknownOperationException",
    400
  ],
  [
    "no target and no content type",
    { method: "POST", headers: {}, body: JSON.stringify(update) },
    "UnknownOperationException",
    400
  ],
  [
    "a GET with a wrong content type",
    { ...post("UpdateAuthEventFeedback", update, wrongContentType), method: "GET" },
    "UnknownOperationException",
    400
  ],
  [
    "a GET of an admin operation without Authorization",
    {
      method: "GET",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": AwsJson.target("AdminListUserAuthEvents")
      },
      body: JSON.stringify({ UserPoolId: poolId, Username: username })
    },
    "UnknownOperationException",
    400
  ],
  [
    "an admin operation without Authorization and with a wrong content type",
    {
      method: "POST",
      headers: { ...wrongContentType, "x-amz-target": AwsJson.target("AdminUpdateAuthEventFeedback") },
      body: JSON.stringify({ UserPoolId: poolId, Username: username, EventId: "evt-1", FeedbackValue: "Valid" })
    },
    "MissingAuthenticationTokenException",
    400
  ],
  [
    "an admin operation with a Basic Authorization and no content type",
    {
      method: "POST",
      headers: {
        "x-amz-target": AwsJson.target("AdminListUserAuthEvents"),
        authorization: "Basic YWxpY2U6c2VjcmV0"
      },
      body: JSON.stringify({ UserPoolId: poolId, Username: username })
    },
    "IncompleteSignatureException",
    400
  ],
  [
    "an admin operation without Authorization and a body that is not JSON",
    {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": AwsJson.target("AdminListUserAuthEvents")
      },
      body: "{\"UserPoolId\":"
    },
    "MissingAuthenticationTokenException",
    400
  ]
]

export const secret = "SeCrEtVaLuE"
// secrets go in the sensitive members only: a pool or event id may be named in a message
export const secretValue = fc.oneof(fc.constant(secret), fc.string().map((s) => `${s}${secret}`), fc.jsonValue())
export const memberValue = fc.oneof(fc.string(), fc.jsonValue(), fc.constant(null))
export const body = fc.oneof(
  fc.string(),
  fc.json(),
  fc.record(
    {
      UserPoolId: fc.oneof(fc.constant(poolId), memberValue),
      Username: fc.oneof(fc.constant(username), secretValue, memberValue),
      EventId: fc.oneof(fc.constant("evt-1"), memberValue),
      FeedbackToken: fc.oneof(fc.constant(token), secretValue, memberValue),
      FeedbackValue: fc.oneof(fc.constantFrom("Valid", "Invalid"), memberValue),
      MaxResults: fc.oneof(fc.integer({ min: -5, max: 100 }), memberValue),
      NextToken: memberValue
    },
    { requiredKeys: [] }
  ).map((members) => JSON.stringify(members))
)
export const target = fc.oneof(
  fc.constantFrom(...Operations.all.map((operation) => AwsJson.target(operation.name))),
  fc.string(),
  fc.string().map((s) => `${AwsJson.targetPrefix}.${s}`)
)
export const contentType = fc.oneof(
  fc.constantFrom("application/x-amz-json-1.1", "application/x-amz-json-1.1; charset=UTF-8", "application/json"),
  fc.string()
)
export const headerEntries = fc.record({
  "x-amz-target": target,
  "content-type": contentType,
  authorization: fc.oneof(fc.constant(authorization), fc.string())
}, { requiredKeys: [] })
