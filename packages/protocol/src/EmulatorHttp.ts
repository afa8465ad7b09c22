/**
 * The Effect-free parts of the Cognito emulator's HTTP front door that every edition's emulator
 * shares: the CORS table it answers with and the response headers built from it, the folding of a
 * Node request's repeated headers, and the URL of a bound address.
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
