import { Deferred, Effect } from "effect"
import * as http from "node:http"
import type { AddressInfo, Socket } from "node:net"

export interface Received {
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

/**
 * A plain Node server on 127.0.0.1, port 0, closed by the scope. `handle` answers each request;
 * `received` resolves with the first request, `aborted` when a client goes away mid-request;
 * it counts requests and open sockets, to prove retries and clean-up.
 */
export const loopbackServer = (
  handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void
) =>
  Effect.gen(function*() {
    const received = yield* Deferred.make<Received>()
    const aborted = yield* Deferred.make<void>()
    const sockets = new Set<Socket>()
    let requests = 0
    const server = yield* Effect.acquireRelease(
      Effect.async<http.Server>((resume) => {
        const server = http.createServer((req, res) => {
          requests++
          const chunks: Array<Buffer> = []
          req.on("data", (chunk: Buffer) => chunks.push(chunk))
          req.on("end", () => {
            const body = Buffer.concat(chunks).toString("utf8")
            Deferred.unsafeDone(received, Effect.succeed({ headers: req.headers, body }))
            handle(req, res, body)
          })
          res.on("close", () => {
            if (!res.writableFinished) Deferred.unsafeDone(aborted, Effect.void)
          })
        })
        server.on("connection", (socket) => {
          sockets.add(socket)
          socket.on("close", () => sockets.delete(socket))
        })
        server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
      }),
      (server) =>
        Effect.async<void>((resume) => {
          server.closeAllConnections()
          server.close(() => resume(Effect.void))
        })
    )
    const { port } = server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${port}`,
      received,
      aborted,
      requests: () => requests,
      openSockets: () => sockets.size
    }
  })

/** A port that was just free: nothing listens on it. */
export const closedPort = Effect.async<number>((resume) => {
  const server = http.createServer()
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo
    server.close(() => resume(Effect.succeed(port)))
  })
})
