/**
 * The Effect-free parts of the Cognito emulator's HTTP front door that every edition's emulator
 * shares: the CORS table it answers with and the response headers built from it, the folding of a
 * Node request's repeated headers, the URL of a bound address, and the testkit's own endpoints
 * (a risky sign-in, the outbox) with their answers.
 *
 * @since 0.1.0
 */

/**
 * The CORS rules the emulator answers with: any origin, `POST`, the headers the AWS SDKs send from
 * a browser, the W3C Trace Context and Baggage headers (`traceparent`, `tracestate`, `baggage`)
 * that a page traced with OpenTelemetry adds to every `fetch`, and the response headers a client
 * reads (request id, error type and message, date) exposed to it. Preflights (`OPTIONS`) are
 * answered 204 without reaching the simulator.
 *
 * @since 0.1.0
 * @category cors
 */
export const cors = {
  allowedOrigins: [],
  allowedMethods: ["POST"],
  // What the real cognito-idp endpoint allows beyond the SDK's headers is not documented, and we
  // have not observed its answer to a preflight that asks for the trace headers. A traced page
  // sends them on every call, and refusing them would fail the page's calls here for a reason that
  // has nothing to do with Cognito, so they are allowed.
  allowedHeaders: [
    "content-type",
    "x-amz-target",
    "x-amz-user-agent",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
    "traceparent",
    "tracestate",
    "baggage"
  ],
  exposedHeaders: ["x-amzn-requestid", "x-amzn-errortype", "x-amzn-errormessage", "date"],
  maxAge: 172_800
} as const

/**
 * The CORS headers of an answer to a request other than a preflight (any origin, no credentials).
 *
 * @since 0.1.0
 * @category cors
 */
export const corsHeaders: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": cors.exposedHeaders.join(",")
}

/**
 * The headers of the 204 answer to a preflight (`OPTIONS`).
 *
 * @since 0.1.0
 * @category cors
 */
export const preflightHeaders: Readonly<Record<string, string>> = {
  ...corsHeaders,
  "access-control-allow-methods": cors.allowedMethods.join(", "),
  "access-control-allow-headers": cors.allowedHeaders.join(","),
  "access-control-max-age": String(cors.maxAge)
}

/**
 * Node's request headers may hold arrays (repeated headers): joined as HTTP folds them.
 *
 * @since 0.1.0
 * @category headers
 */
export const flattenHeaders = (
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
): Record<string, string> => {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") flat[name] = value
    else if (Array.isArray(value)) flat[name] = value.join(", ")
  }
  return flat
}

/**
 * `http://HOST:PORT`, an IPv6 host in brackets.
 *
 * @since 0.1.0
 * @category headers
 */
export const urlOf = (host: string, port: number): string => `http://${host.includes(":") ? `[${host}]` : host}:${port}`

// ---------------------------------------------------------------------------------------------
// the testkit's own paths, apart from the AWS API (which answers on any path)
// ---------------------------------------------------------------------------------------------

/**
 * The emulator's own endpoints for tests in any language: `POST` a risky sign-in, `GET` the
 * outbox. Under `/_testkit/`, a prefix no AWS client uses.
 *
 * @since 0.1.0
 * @category testkit
 */
export const testkitPaths = {
  riskySignIn: "/_testkit/risky-sign-in",
  outbox: "/_testkit/outbox"
} as const

const testkitMethods = { riskySignIn: "POST", outbox: "GET" } as const

/**
 * Which testkit endpoint a request is for: `undefined` for one outside `/_testkit/` (the AWS API's),
 * `NotFound` for an unknown path under it, `MethodNotAllowed` (with the method to use) for a known
 * path and another method. The query is ignored.
 *
 * @since 0.1.0
 * @category testkit
 */
export const testkitRoute = (method: string, url: string):
  | { readonly _tag: "RiskySignIn" | "Outbox" }
  | { readonly _tag: "NotFound" }
  | { readonly _tag: "MethodNotAllowed"; readonly allow: string }
  | undefined =>
{
  const path = url.split("?")[0] ?? ""
  if (!path.startsWith("/_testkit/")) return undefined
  const endpoint = (Object.keys(testkitPaths) as Array<keyof typeof testkitPaths>).find((key) =>
    testkitPaths[key] === path
  )
  if (endpoint === undefined) return { _tag: "NotFound" }
  const allow = testkitMethods[endpoint]
  if (method.toUpperCase() !== allow) return { _tag: "MethodNotAllowed", allow }
  return { _tag: endpoint === "riskySignIn" ? "RiskySignIn" : "Outbox" }
}

/**
 * One answer of a testkit endpoint: JSON, with the CORS headers of any other answer.
 *
 * @since 0.1.0
 * @category testkit
 */
export interface TestkitAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * `value` as JSON with `status`; `extra` headers besides the content type and CORS headers.
 *
 * @since 0.1.0
 * @category testkit
 */
export const testkitAnswer = (
  status: number,
  value: unknown,
  extra: Readonly<Record<string, string>> = {}
): TestkitAnswer => ({
  status,
  headers: { "content-type": "application/json", ...corsHeaders, ...extra },
  body: JSON.stringify(value)
})

/**
 * The answer to a route that is not served: 404, or 405 with `Allow`.
 *
 * @since 0.1.0
 * @category testkit
 */
export const testkitRefusal = (
  route: { readonly _tag: "NotFound" } | { readonly _tag: "MethodNotAllowed"; readonly allow: string }
): TestkitAnswer =>
  route._tag === "NotFound"
    ? testkitAnswer(404, { message: `No such testkit endpoint (${Object.values(testkitPaths).join(", ")}).` })
    : testkitAnswer(405, { message: `Use ${route.allow}.` }, { allow: route.allow })

/**
 * The outbox as `GET /_testkit/outbox` answers it: `{"messages": [...]}`, oldest first.
 *
 * @since 0.1.0
 * @category testkit
 */
export const outboxAnswer = (messages: ReadonlyArray<unknown>): TestkitAnswer => testkitAnswer(200, { messages })

/**
 * How `POST /_testkit/risky-sign-in` answers: `{"eventId"}`; a request it cannot take, 400
 * `{"message"}` (naming the field, never a value); a custom email sender that failed, 502.
 *
 * @since 0.1.0
 * @category testkit
 */
export const riskySignInAnswer = (
  result:
    | { readonly _tag: "Ok"; readonly eventId: string }
    | { readonly _tag: "Refused"; readonly message: string }
    | { readonly _tag: "SenderFailed"; readonly message: string }
): TestkitAnswer =>
  result._tag === "Ok"
    ? testkitAnswer(200, { eventId: result.eventId })
    : testkitAnswer(result._tag === "Refused" ? 400 : 502, { message: result.message })

/**
 * The request that hands a takeover event to a custom email sender at a URL: a `POST` of the event
 * as JSON, as a Lambda function URL takes it.
 *
 * @since 0.1.0
 * @category testkit
 */
export const customEmailSenderRequest = (event: unknown): {
  readonly method: "POST"
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
} => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(event) })
