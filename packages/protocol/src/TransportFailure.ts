/**
 * How a transport failure is classified, without Effect: the errno-style code of an error (or of
 * its causes, as undici, Node and `fetch` nest them), what it says about the exchange (could not
 * connect, reset, timed out), and the texts both editions' `TransportError`s and
 * `UnexpectedResponseError`s carry. Each edition builds its own error classes from these answers.
 *
 * @since 0.1.0
 */

/**
 * Why an exchange failed, as `TransportError.reason` says it.
 *
 * @since 0.1.0
 * @category models
 */
export type Reason = "Connect" | "Reset" | "Timeout" | "NotSent" | "Unknown"

/**
 * The errno-style code of `cause` or of one of its first causes (undici and Node put it on the
 * error or on its cause; fetch wraps it once more).
 *
 * @since 0.1.0
 * @category classification
 */
export const codeOf = (cause: unknown): string | undefined => {
  for (let current = cause, depth = 0; current !== null && typeof current === "object" && depth < 4; depth++) {
    const code = (current as { readonly code?: unknown }).code
    if (typeof code === "string") return code
    current = (current as { readonly cause?: unknown }).cause
  }
  return undefined
}

/**
 * Codes of a connection that could not be made.
 *
 * @since 0.1.0
 * @category classification
 */
export const connectCodes: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT"
])

/**
 * Codes of a connection that broke.
 *
 * @since 0.1.0
 * @category classification
 */
export const resetCodes: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "ECONNABORTED"
])

/**
 * Codes of a connection that timed out.
 *
 * @since 0.1.0
 * @category classification
 */
export const timeoutCodes: ReadonlySet<string> = new Set([
  "ETIMEDOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT"
])

/**
 * A request that failed before an answer began: its reason and message, by the code of `cause`.
 *
 * @since 0.1.0
 * @category classification
 */
export const requestFailed = (cause: unknown): { readonly reason: Reason; readonly message: string } => {
  const code = codeOf(cause)
  const reason: Reason = code === undefined
    ? "Unknown"
    : connectCodes.has(code)
    ? "Connect"
    : timeoutCodes.has(code)
    ? "Timeout"
    : "Reset"
  return { reason, message: `could not complete the request${code === undefined ? "" : ` (${code})`}` }
}

/**
 * The message of a request that could not even be built or handed to the network.
 *
 * @since 0.1.0
 * @category classification
 */
export const requestNotSentMessage = (what: string): string => `the request could not be sent (${what})`

/**
 * A body that could not be read: a connection that broke or timed out while it arrived (a
 * transport failure, retried), or a body that arrived but cannot be read (an unexpected response).
 *
 * @since 0.1.0
 * @category classification
 */
export const bodyFailed = (
  cause: unknown,
  status: number,
  fallbackCode = "unreadable"
):
  | { readonly _tag: "Transport"; readonly reason: "Timeout" | "Reset"; readonly message: string }
  | { readonly _tag: "Unexpected"; readonly message: string } =>
{
  const code = codeOf(cause)
  if (code !== undefined && (resetCodes.has(code) || timeoutCodes.has(code))) {
    return {
      _tag: "Transport",
      reason: timeoutCodes.has(code) ? "Timeout" : "Reset",
      message: `the connection failed while reading the response (${code})`
    }
  }
  return { _tag: "Unexpected", message: `HTTP ${status}: the body could not be read (${code ?? fallbackCode})` }
}

/**
 * The status codes that have no body whatever the headers say (RFC 9110): fetch gives them no
 * stream at all.
 *
 * @since 0.1.0
 * @category body
 */
export const nullBodyStatuses: ReadonlySet<number> = new Set([204, 205, 304])

const digits = /^\d+$/

/**
 * Whether a body may be read whole in one step: the response declares a length within `limit` and
 * no content coding (a compressed body could inflate past it), so HTTP framing keeps the bound.
 *
 * @since 0.1.0
 * @category body
 */
export const readsWhole = (
  contentLength: string | undefined,
  contentEncoding: string | undefined,
  limit: number
): boolean =>
  contentLength !== undefined && digits.test(contentLength) && Number(contentLength) <= limit &&
  (contentEncoding === undefined || contentEncoding === "" || contentEncoding === "identity")
