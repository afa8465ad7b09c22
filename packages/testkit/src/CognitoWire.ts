/**
 * The server side of AWS JSON 1.1 for `UpdateAuthEventFeedback`, `AdminUpdateAuthEventFeedback`,
 * `AdminListUserAuthEvents` and the risk configuration's `SetRiskConfiguration` and
 * `DescribeRiskConfiguration`, answered from a `CognitoSimulator`. Pure of transport: the HTTP
 * emulator (`CognitoEmulator`) and the socket-less `SimulatorHttpClient` both hand it a request
 * and send back what it returns, so both answer exactly alike.
 *
 * It answers as the live service does: client errors are HTTP 400 with
 * `{"__type": code, "message": text}`, server faults 500, every response carries
 * `x-amzn-requestid` (for a request that reaches the simulator, the id it records the call under).
 * The checks, in order:
 *
 * 1. a body over the size limit: 413 `RequestEntityTooLargeException` (the front door refuses it
 *    before anything else; the status is the one HTTP gives this case, so clients see why);
 * 2. a method other than `POST`, or an `X-Amz-Target` that is not
 *    `AWSCognitoIdentityProviderService.<one of the operations served>`: `UnknownOperationException`
 *    (AWS JSON services route on method and target alone);
 * 3. the signed operations without a SigV4 `Authorization` header: `MissingAuthenticationTokenException`;
 *    one that is not `AWS4-HMAC-SHA256 Credential=…`: `IncompleteSignatureException`. Any signature
 *    is accepted, as other emulators do. `UpdateAuthEventFeedback` is unsigned and needs none;
 * 4. a `Content-Type` whose media type is not `application/x-amz-json-1.1` (parameters such as
 *    `charset` are ignored): `SerializationException`, the code AWS JSON services give a body they
 *    cannot read;
 * 5. a body that is not JSON, or not a JSON object, or a member of the wrong JSON type (a number
 *    for a string member…): `SerializationException`. An empty body reads as `{}` and a `null`
 *    member as an absent one, as the AWS JSON protocol has it;
 * 6. the simulator decides the rest (missing or invalid members: `InvalidParameterException`, …).
 *
 * Nothing here logs, and no message repeats a value from the request: usernames and tokens stay out.
 *
 * @since 0.1.0
 */
import * as AwsJsonProtocol from "@cognito-feedback/http/AwsJsonProtocol"
import * as Member from "@cognito-feedback/protocol/Member"
import type * as ProtocolOperation from "@cognito-feedback/protocol/Operation"
import * as Operations from "@cognito-feedback/protocol/Operations"
import * as Simulation from "@cognito-feedback/protocol/Simulation"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as CognitoSimulator from "./CognitoSimulator.js"
import { methodOf } from "./internal/operationMethods.js"
import { uuidV4 } from "./internal/uuid.js"

/**
 * An HTTP request as the wire sees it. Header names are lower-case. `bodyTooLarge` says the
 * transport stopped reading the body at its limit (then `body` is not to be read).
 *
 * @since 0.1.0
 * @category models
 */
export interface WireRequest {
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  readonly bodyTooLarge?: boolean | undefined
}

/**
 * The answer to one request: the response to send, the operation it named (`"Unknown"` when the
 * target is not one of `operations`) and the outcome (`"Success"` or the error code), for logs.
 *
 * @since 0.1.0
 * @category models
 */
export interface WireResult {
  readonly response: AwsJsonProtocol.WireResponse
  readonly operation: string
  readonly outcome: string
}

type NamesOf<T extends ReadonlyArray<{ readonly name: string }>> = { readonly [K in keyof T]: T[K]["name"] }

/**
 * The operations served: the protocol's descriptions.
 *
 * @since 0.1.0
 * @category constants
 */
export const operations = Operations.served.map((operation) => operation.name) as unknown as NamesOf<
  typeof Operations.served
>

/**
 * @since 0.1.0
 * @category models
 */
export type Operation = typeof operations[number]

/**
 * The request body size both transports accept by default: 256 KiB, far above any valid request.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultMaxBodyBytes = 256 * 1024

/**
 * The `operation` of a request whose target is not one of `operations`. The raw target is never
 * reported: it comes from the client and could hold anything.
 *
 * @since 0.1.0
 * @category constants
 */
export const unknownOperation = "Unknown"

interface WireError {
  readonly code: string
  readonly message: string
  readonly status?: number
}

type JsonObject = Readonly<Record<string, unknown>>

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value)

// Names should already be lower-case, but a hand-built record may not be: look up any case.
const header = (headers: Readonly<Record<string, string>>, name: string): string | undefined => {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === "string") return value
  }
  return undefined
}

type MemberType = ReturnType<typeof Member.jsonType>

// Per operation, once: its description and the JSON type of each member it reads (others are
// ignored, as the service does).
interface Served {
  readonly operation: Operation
  readonly description: ProtocolOperation.Operation
  readonly members: ReadonlyMap<string, MemberType>
}

const served: ReadonlyArray<Served> = Operations.served.map((description: ProtocolOperation.Operation) => ({
  operation: description.name as Operation,
  description,
  members: new Map(Object.entries(description.input).map(([name, member]) => [name, Member.jsonType(member)]))
}))

const jsonTypeOf = (value: unknown): MemberType | "null" =>
  Array.isArray(value) ? "array" : value === null ? "null" : typeof value as MemberType

const byTarget: ReadonlyMap<string, Served> = new Map(served.map((entry) => [entry.description.target, entry]))
const byName = new Map(served.map((entry) => [entry.operation, entry])) as ReadonlyMap<Operation, Served>
const servedAs = (operation: Operation): Served => byName.get(operation) as Served

const operationOf = (target: string | undefined): Operation | undefined =>
  target === undefined ? undefined : byTarget.get(target.trim())?.operation

const serialization = (message: string): WireError => ({ code: "SerializationException", message })

const sigV4 = /^AWS4-HMAC-SHA256\s+Credential=\S/

const checkAuthorization = (operation: Operation, headers: WireRequest["headers"]): WireError | undefined => {
  if (servedAs(operation).description.authorization === "none") return undefined
  const authorization = header(headers, "authorization")?.trim()
  if (authorization === undefined || authorization === "") {
    return { code: "MissingAuthenticationTokenException", message: "Missing Authentication Token" }
  }
  return sigV4.test(authorization) ? undefined : {
    code: "IncompleteSignatureException",
    message: "Authorization header requires the AWS4-HMAC-SHA256 algorithm and a 'Credential' parameter."
  }
}

const checkContentType = (headers: WireRequest["headers"]): WireError | undefined => {
  const mediaType = header(headers, "content-type")?.split(";")[0]?.trim().toLowerCase()
  return mediaType === AwsJsonProtocol.contentType
    ? undefined
    : serialization(`Content-Type must be ${AwsJsonProtocol.contentType}.`)
}

/** The request object, with `null` members dropped; or why it cannot be read. */
const parseInput = (operation: Operation, body: string): Either.Either<JsonObject, WireError> => {
  if (body.trim() === "") return Either.right({})
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return Either.left(serialization("The request body is not valid JSON."))
  }
  if (!isJsonObject(value)) return Either.left(serialization("The request body must be a JSON object."))
  const input: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(value)) {
    if (member === null) continue
    const expected = servedAs(operation).members.get(name)
    if (expected !== undefined && jsonTypeOf(member) !== expected) {
      // the member's name is the model's (it was looked up), never the request's value
      return Either.left(serialization(`${name} must be a JSON ${expected}.`))
    }
    // defineProperty, so that a "__proto__" member stays a plain member
    Object.defineProperty(input, name, { value: member, enumerable: true, writable: true, configurable: true })
  }
  return Either.right(input)
}

const failure = (operation: string, error: WireError, requestId: string): WireResult => {
  const response = AwsJsonProtocol.encodeErrorResponse(error, requestId)
  return {
    response: error.status === undefined ? response : { ...response, status: error.status },
    operation,
    outcome: error.code
  }
}

const success = (operation: string, body: object, requestId: string): WireResult => ({
  response: AwsJsonProtocol.encodeSuccessResponse(body, requestId),
  operation,
  outcome: "Success"
})

/**
 * Calls the simulator's method for the operation (`methodOf`, the table keyed by the protocol's
 * operation names) under the wire's request id, so that every answer, success or error, can be
 * matched to its entry in `CognitoSimulator.calls`; the output is written as AWS JSON 1.1 does
 * (dates as epoch seconds, as the AWS SDKs read them).
 */
const dispatch = (
  simulator: CognitoSimulator.CognitoSimulator.Service,
  operation: Operation,
  input: JsonObject,
  requestId: string
): Effect.Effect<WireResult> => {
  const method = simulator[methodOf[operation]]
  const call: Effect.Effect<object, CognitoSimulator.UpdateError | CognitoSimulator.RiskConfigurationError> = method(
    input,
    { requestId }
  )
  return Effect.match(call, {
    onFailure: (error) => failure(operation, { code: error._tag, message: error.message }, requestId),
    onSuccess: (body) => success(operation, Simulation.wireOutput(body) as object, requestId)
  })
}

/**
 * Answers one request from `simulator`. Never fails: every request gets an AWS-shaped response,
 * and a defect (a bug) becomes a 500 `InternalFailure`.
 *
 * @since 0.1.0
 * @category handlers
 */
export const handle = (
  simulator: CognitoSimulator.CognitoSimulator.Service
): (request: WireRequest) => Effect.Effect<WireResult> =>
(request) =>
  Effect.flatMap(uuidV4, (requestId) => {
    const operation = operationOf(header(request.headers, "x-amz-target"))
    const name = operation ?? unknownOperation
    return Effect.suspend((): Effect.Effect<WireResult> => {
      if (request.bodyTooLarge === true) {
        return Effect.succeed(failure(name, {
          code: "RequestEntityTooLargeException",
          message: "The request body is too large.",
          status: 413
        }, requestId))
      }
      if (request.method.toUpperCase() !== "POST") {
        return Effect.succeed(
          failure(name, { code: "UnknownOperationException", message: "Only POST is supported." }, requestId)
        )
      }
      if (operation === undefined) {
        return Effect.succeed(failure(name, {
          code: "UnknownOperationException",
          message: "X-Amz-Target does not name an operation this endpoint serves."
        }, requestId))
      }
      const refused = checkAuthorization(operation, request.headers) ?? checkContentType(request.headers)
      if (refused !== undefined) return Effect.succeed(failure(operation, refused, requestId))
      const input = parseInput(operation, request.body)
      if (Either.isLeft(input)) return Effect.succeed(failure(operation, input.left, requestId))
      return dispatch(simulator, operation, input.right, requestId)
    }).pipe(
      Effect.catchAllDefect(() =>
        Effect.succeed(failure(name, { code: "InternalFailure", message: "The emulator failed." }, requestId))
      )
    )
  })
