/**
 * A plain Node server on 127.0.0.1, port 0, for the suites of both editions: Effect-free, so each
 * edition wraps `loopbackServer` in its own scope (acquire: the promise; release: `close`).
 */
import * as http from "node:http"
import type { AddressInfo, Socket } from "node:net"

export interface Received {
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

export interface LoopbackServer {
  readonly url: string
  /** Resolves with the first request. */
  readonly received: Promise<Received>
  /** Resolves when a client goes away mid-request. */
  readonly aborted: Promise<void>
  /** Requests received so far: to prove retries. */
  readonly requests: () => number
  /** Sockets open now: to prove clean-up. */
  readonly openSockets: () => number
  /** Ends every connection and closes the server. */
  readonly close: () => Promise<void>
}

const deferred = <A>() => {
  let resolve!: (value: A) => void
  const promise = new Promise<A>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/**
 * A server where `handle` answers each request, once its body has arrived; it counts requests and
 * open sockets.
 */
export const loopbackServer = (
  handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void
): Promise<LoopbackServer> => {
  const received = deferred<Received>()
  const aborted = deferred<void>()
  const sockets = new Set<Socket>()
  let requests = 0
  const server = http.createServer((req, res) => {
    requests++
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8")
      received.resolve({ headers: req.headers, body })
      handle(req, res, body)
    })
    res.on("close", () => {
      if (!res.writableFinished) aborted.resolve()
    })
  })
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        received: received.promise,
        aborted: aborted.promise,
        requests: () => requests,
        openSockets: () => sockets.size,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })
}

/** A port that was just free: nothing listens on it. */
export const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = http.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })

/** Active resources of `resource` kind in this process (`"Timeout"`, `"TCPSocketWrap"`). */
export const countResources = (resource: string): number =>
  process.getActiveResourcesInfo().filter((r) => r === resource).length
