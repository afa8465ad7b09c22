/**
 * The `node:http` server that `serve-feedback-page` runs the page on, bounded for the open
 * internet: how long a connection may take to send its headers and its whole request, how long
 * an idle one is kept, how many are open at once, and how large the headers may be. The server's
 * own refusals (a malformed request, headers too large, a request too slow) are the page's
 * responses, with its security headers, and close the connection.
 *
 * @since 0.1.0
 */
import * as FeedbackPage from "@cognito-feedback/web/FeedbackPage"
import * as Http from "node:http"
import type * as Net from "node:net"

/**
 * What a connection may hold, and for how long.
 *
 * @since 0.1.0
 * @category models
 */
export interface Limits {
  /** Time to receive the request's headers. */
  readonly headersTimeoutMillis: number
  /** Time to receive the whole request, body included: a body sent a byte at a time ends here. */
  readonly requestTimeoutMillis: number
  /** How long an idle keep-alive connection is kept. */
  readonly keepAliveTimeoutMillis: number
  /** Connections open at once; those past it are closed as they arrive. */
  readonly maxConnections: number
  /** The size of a request's headers. */
  readonly maxHeaderBytes: number
}

/**
 * The limits `serve-feedback-page` uses: a person's browser sends the page's form in milliseconds,
 * so a request still arriving after 10 s is not one; and at most 256 connections, which keeps
 * the page within 128 MB however slowly each one sends (the load test checks it).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultLimits: Limits = {
  headersTimeoutMillis: 5_000,
  requestTimeoutMillis: 10_000,
  keepAliveTimeoutMillis: 5_000,
  maxConnections: 256,
  maxHeaderBytes: 16 * 1024
}

const reasons: Record<number, string> = {
  400: "Bad Request",
  408: "Request Timeout",
  431: "Request Header Fields Too Large"
}

/**
 * A refusal written straight to the socket, as Node's own are, but with the page's headers.
 *
 * @since 0.1.0
 * @category responses
 */
export const refusal = (status: 400 | 408 | 431): string => {
  const body = `${reasons[status]}\n`
  const headers = {
    ...FeedbackPage.securityHeaders,
    "content-type": "text/plain; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    connection: "close"
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  return `HTTP/1.1 ${status} ${reasons[status]}\r\n${lines.join("\r\n")}\r\n\r\n${body}`
}

const statusOf = (code: string | undefined): 400 | 408 | 431 =>
  code === "HPE_HEADER_OVERFLOW" ? 431 : code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400

/** Node's own check: a response already under way on the socket cannot be followed by another. */
const responseStarted = (socket: Net.Socket): boolean => {
  const message = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage
  return message?.headersSent === true
}

/**
 * A server with `limits`, not yet listening.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (limits: Limits = defaultLimits): Http.Server => {
  const server = Http.createServer({
    headersTimeout: limits.headersTimeoutMillis,
    requestTimeout: limits.requestTimeoutMillis,
    keepAliveTimeout: limits.keepAliveTimeoutMillis,
    maxHeaderSize: limits.maxHeaderBytes,
    // how often the timeouts above are checked (Node's default, 30 s, would let them run that late)
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMillis)
  })
  server.maxConnections = limits.maxConnections
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Net.Socket) => {
    if (error.code === "ECONNRESET" || !socket.writable || responseStarted(socket)) {
      socket.destroy()
      return
    }
    // and closed once written, as Node does: a client still sending must not keep it half open
    socket.end(refusal(statusOf(error.code)), () => socket.destroy())
  })
  return server
}
