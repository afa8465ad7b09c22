/**
 * The fault matrix both editions' fault suites run: a loopback server that misbehaves on purpose
 * (`handler`), and what the live client must end with — the typed error's `_tag`, its `reason` if
 * it matters, and how many attempts reached the server. Effect-free: each edition's runner sends
 * the call with `retryDelayMillis` for both base delays and `attemptTimeoutMillis` per attempt.
 */
import type * as http from "node:http"

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface FaultCase {
  readonly name: string
  readonly handler: Handler
  readonly tag: string
  readonly attempts: number
  readonly reason?: string
}

/** The base delay of both retry classes in the matrix's calls (the standard policy otherwise). */
export const retryDelayMillis = 1

/** The attempt timeout of the matrix's calls. */
export const attemptTimeoutMillis = 300

const html = (status: number): Handler => (_req, res) => {
  res.writeHead(status, { "content-type": "text/html" })
  res.end("<html><body>Bad Gateway</body></html>")
}

export const faultCases: ReadonlyArray<FaultCase> = [
  {
    name: "reset before the response",
    handler: (req) => req.socket.destroy(),
    tag: "TransportError",
    attempts: 3
  },
  {
    name: "reset in the middle of the body",
    handler: (req, res) => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "100" })
      res.write("{\"a\":")
      setTimeout(() => req.socket.destroy(), 5)
    },
    tag: "TransportError",
    attempts: 3
  },
  {
    name: "headers then silence",
    handler: (_req, res) => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" })
      res.flushHeaders()
    },
    tag: "TransportError",
    reason: "Timeout",
    attempts: 3
  },
  {
    name: "a body that never ends",
    handler: (_req, res) => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" })
      const timer = setInterval(() => res.write(" "), 5)
      res.on("close", () => clearInterval(timer))
    },
    tag: "TransportError",
    reason: "Timeout",
    attempts: 3
  },
  {
    name: "a 200 whose body is not JSON",
    handler: (_req, res) => {
      res.writeHead(200)
      res.end("not json")
    },
    tag: "UnexpectedResponseError",
    attempts: 1
  },
  {
    name: "a 200 whose body is not an object",
    handler: (_req, res) => {
      res.writeHead(200)
      res.end("[1,2]")
    },
    tag: "UnexpectedResponseError",
    attempts: 1
  },
  { name: "502 with HTML", handler: html(502), tag: "UnexpectedResponseError", attempts: 3 },
  { name: "503 with HTML", handler: html(503), tag: "UnexpectedResponseError", attempts: 3 },
  { name: "504 with HTML", handler: html(504), tag: "UnexpectedResponseError", attempts: 3 },
  {
    name: "a gzip header on an unencoded error body",
    handler: (_req, res) => {
      res.writeHead(400, { "content-encoding": "gzip", "x-amzn-errortype": "NotAuthorizedException" })
      res.end("{\"message\":\"not gzip\"}")
    },
    tag: "NotAuthorizedException",
    attempts: 1
  },
  {
    name: "a huge error body (reading stops at the bound)",
    handler: (_req, res) => {
      res.writeHead(400, { "x-amzn-errortype": "NotAuthorizedException" })
      const chunk = "x".repeat(64 * 1024)
      let sent = 0
      const pump = () => {
        while (sent < 4096) {
          sent++
          if (!res.write(chunk)) return res.once("drain", pump)
        }
        res.end()
      }
      pump()
    },
    tag: "NotAuthorizedException",
    attempts: 1
  },
  {
    name: "a redirect",
    handler: (_req, res) => {
      res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" })
      res.end()
    },
    tag: "UnexpectedResponseError",
    attempts: 1
  }
]

/** A server that never answers: for in-flight calls cut by a scope, a timeout or an interruption. */
export const silent: Handler = () => {
  // never answers
}

/** A server that answers every call with success. */
export const succeeding: Handler = (_req, res) => {
  res.writeHead(200)
  res.end("{}")
}
