/**
 * The one boundary where platform errors become domain errors.
 */
import { TransportError, UnexpectedResponseError } from "@cognito-feedback/core/CognitoError"
import type * as HttpClientError from "@effect/platform/HttpClientError"

const codeOf = (cause: unknown): string | undefined => {
  // undici and Node put the errno code on the error or on its cause; fetch wraps it once more
  for (let current = cause, depth = 0; current !== null && typeof current === "object" && depth < 4; depth++) {
    const code = (current as { readonly code?: unknown }).code
    if (typeof code === "string") return code
    current = (current as { readonly cause?: unknown }).cause
  }
  return undefined
}

const connectCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT"
])

/** Keeps only the low-level cause: the platform error holds the request, and with it the body. */
export const fromRequestError = (error: HttpClientError.RequestError): TransportError | UnexpectedResponseError => {
  if (error.reason !== "Transport") {
    return new UnexpectedResponseError({ status: 0, message: `the request could not be sent (${error.reason})` })
  }
  const code = codeOf(error.cause)
  const reason = code !== undefined && connectCodes.has(code) ? "Connect" : code === undefined ? "Unknown" : "Reset"
  return new TransportError({
    reason,
    message: `could not complete the request${code === undefined ? "" : ` (${code})`}`,
    cause: error.cause
  })
}

const resetCodes = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"])
const timeoutCodes = new Set(["ETIMEDOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"])

/** A body that stopped arriving is the transport's fault (retryable); one that arrived garbled is not. */
export const fromResponseError = (
  error: HttpClientError.ResponseError,
  requestId: string | undefined
): TransportError | UnexpectedResponseError => {
  const code = codeOf(error.cause)
  if (code !== undefined && (resetCodes.has(code) || timeoutCodes.has(code))) {
    return new TransportError({
      reason: timeoutCodes.has(code) ? "Timeout" : "Reset",
      message: `the connection failed while reading the response (${code})`,
      cause: error.cause
    })
  }
  return new UnexpectedResponseError({
    status: error.response.status,
    requestId,
    message: `HTTP ${error.response.status}: the body could not be read (${code ?? error.reason})`,
    cause: error.cause
  })
}

export const fromHttpClientError = (
  error: HttpClientError.HttpClientError,
  requestId?: string
): TransportError | UnexpectedResponseError =>
  error._tag === "RequestError" ? fromRequestError(error) : fromResponseError(error, requestId)
