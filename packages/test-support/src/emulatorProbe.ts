/**
 * What both editions' emulator suites send to a running `CognitoEmulator` and how: the hostile
 * requests (each kind with the code the live service gives it), a seed and a valid request for
 * them, and raw `node:http`/`node:net` probes as Promises (a chunked body that never ends, an idle
 * connection, a connection attempt). Effect-free; each edition's suite is a thin runner over them.
 */
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import type * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"
import * as fc from "fast-check"
import * as Http from "node:http"
import * as Net from "node:net"

// ---------------------------------------------------------------------------------------------
// hostile input
// ---------------------------------------------------------------------------------------------

export const hostilePoolId = "us-east-1_Hostile1"

export const hostileSeed: SimulationSeed.SeedFile = {
  userPools: [{
    id: hostilePoolId,
    users: [{ username: "alice", authEvents: [{ eventId: "evt-1", feedbackToken: "tok.secret-1" }] }]
  }]
}

export const hostileSecret = "tok.secret-1"

export const valid = {
  UserPoolId: hostilePoolId,
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: hostileSecret,
  FeedbackValue: "Valid"
}

export const hostileMaxBodyBytes = 16 * 1024

export interface Hostile {
  readonly kind: string
  readonly target: string
  readonly contentType: string
  readonly body: string
  readonly status: number
  readonly code: string
}

export const target = AwsJson.target("UpdateAuthEventFeedback")
export const json = AwsJson.contentType

const hostile = (kind: string, code: string, status = 400) =>
(
  fields: Partial<Pick<Hostile, "target" | "contentType">> & { readonly body: string }
): Hostile => ({ kind, code, status, target, contentType: json, ...fields })

const wrongValue = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.object())

/** Each kind of bad request, with the code the live service gives it. */
export const hostileRequest: fc.Arbitrary<Hostile> = fc.oneof(
  // an empty (or blank) body reads as `{}` in AWS JSON, so it is not bad JSON
  fc.string({ minLength: 1 }).filter((s) => {
    if (s.trim() === "") return false
    try {
      JSON.parse(s)
      return false
    } catch {
      return true
    }
  }).map((body) => hostile("bad JSON", "SerializationException")({ body })),
  fc.oneof(fc.integer(), fc.string(), fc.array(fc.anything())).map((v) =>
    hostile("not an object", "SerializationException")({ body: JSON.stringify(v) })
  ),
  fc.tuple(fc.constantFrom("UserPoolId", "Username", "EventId", "FeedbackToken"), wrongValue.filter((v) => v !== null))
    .map(([field, value]) =>
      hostile("wrong type", "SerializationException")({ body: JSON.stringify({ ...valid, [field]: value }) })
    ),
  fc.subarray(Object.keys(valid), { minLength: 1 }).map((missing) =>
    hostile("missing members", "InvalidParameterException")({
      body: JSON.stringify(Object.fromEntries(Object.entries(valid).filter(([k]) => !missing.includes(k))))
    })
  ),
  fc.constantFrom("Username", "EventId", "UserPoolId").map((field) =>
    hostile("huge string", "InvalidParameterException")({
      body: JSON.stringify({ ...valid, [field]: "x".repeat(10_000) })
    })
  ),
  fc.stringMatching(/^[A-Za-z.]{1,40}$/).map((op) =>
    hostile("unknown target", "UnknownOperationException")({
      target: `AWSCognitoIdentityProviderService.X${op}`,
      body: JSON.stringify(valid)
    })
  ),
  fc.constantFrom("application/json", "text/plain", "application/x-amz-json-1.0", "").map((contentType) =>
    hostile("wrong content type", "SerializationException")({ contentType, body: JSON.stringify(valid) })
  ),
  fc.integer({ min: hostileMaxBodyBytes + 1, max: hostileMaxBodyBytes * 4 }).map((size) =>
    hostile("body over the limit", "RequestEntityTooLargeException", 413)({ body: "{" + " ".repeat(size) + "}" })
  )
)

/** POSTs a request with `fetch`: its status and body text. */
export const send = (
  url: string,
  request: Pick<Hostile, "target" | "contentType" | "body">
): Promise<{ readonly status: number; readonly body: string }> =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": request.contentType, "x-amz-target": request.target },
    body: request.body
  }).then(async (response) => ({ status: response.status, body: await response.text() }))

/** Why the answer to a hostile request is wrong (`undefined` when it is right). */
export const wrongAnswer = (
  request: Hostile,
  response: { readonly status: number; readonly body: string }
): string | undefined => {
  let answer: { __type?: unknown; message?: unknown }
  try {
    answer = JSON.parse(response.body) as { __type?: unknown; message?: unknown }
  } catch {
    return `${request.kind}: the body is not JSON`
  }
  if (answer.__type !== request.code) return `${request.kind}: ${String(answer.__type)} instead of ${request.code}`
  if (response.status !== request.status) return `${request.kind}: ${response.status} instead of ${request.status}`
  if (typeof answer.message !== "string") return `${request.kind}: no message`
  if (response.body.includes(hostileSecret)) return `${request.kind}: the token was echoed`
  return undefined
}

// ---------------------------------------------------------------------------------------------
// raw probes
// ---------------------------------------------------------------------------------------------

export interface RawResponse {
  readonly status: number
  readonly headers: Http.IncomingHttpHeaders
  readonly body: string
}

/** The `__type` of an AWS JSON error body. */
export const errorType = (body: string): unknown => (JSON.parse(body) as { __type?: unknown }).__type

/**
 * A request through node:http that writes `chunks` (chunked encoding) and never ends the body,
 * so the answer can only come from the server stopping at its limit. `cancel` destroys it.
 */
export const unendedChunkedPost = (
  port: number,
  headers: Readonly<Record<string, string>>,
  chunks: ReadonlyArray<string>
): { readonly response: Promise<RawResponse>; readonly cancel: () => void } => {
  const request = Http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers, agent: false })
  const response = new Promise<RawResponse>((resolve) => {
    request.on("response", (answer) => {
      let body = ""
      answer.setEncoding("utf8")
      answer.on("data", (chunk: string) => (body += chunk))
      answer.on("end", () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body }))
    })
  })
  // the server may close while the client still writes: only the answer matters here
  request.on("error", () => {})
  for (const chunk of chunks) request.write(chunk)
  return { response, cancel: () => request.destroy() }
}

/** An idle connection to `port`, once connected; `closed` settles when the server ends it. */
export const idleConnection = (port: number): Promise<{ readonly closed: Promise<void> }> =>
  new Promise((resolve, reject) => {
    const socket = Net.connect(port, "127.0.0.1")
    const closed = new Promise<void>((done) => socket.once("close", () => done()))
    socket.once("error", () => {})
    socket.once("connect", () => resolve({ closed }))
    socket.once("error", reject)
  })

/** `"connected"`, or the error code of a connection attempt to `port` (`ECONNREFUSED` once closed). */
export const probeConnect = (port: number): Promise<string> =>
  new Promise((resolve) => {
    const probe = Net.connect(port, "127.0.0.1")
    probe.once("connect", () => {
      probe.destroy()
      resolve("connected")
    })
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"))
  })
