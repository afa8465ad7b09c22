/**
 * The fake Cognito endpoint, in its own process on 127.0.0.1 (port 0): answers
 * `UpdateAuthEventFeedback` with `200 {}` after cheap checks of the target header and the body.
 * With `--rate N` it admits N requests a second (a token bucket of `--burst` tokens) and answers
 * the rest as the live service throttles: `400 TooManyRequestsException`. `GET /__stats` reports
 * and `POST /__reset` clears the counters (and refills the bucket); neither is counted.
 * Prints `listening <port>` once ready; exits when its parent closes the pipe on stdin, on SIGTERM,
 * or after `--max-seconds`.
 */
import { fstatSync } from "node:fs"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { contentType, numberArgument, target } from "./shared.js"

const rate = numberArgument("rate", 0)
const burst = numberArgument("burst", Math.max(1, Math.round(rate / 20)))
const limitSeconds = numberArgument("max-seconds", 1800)

let requests = 0
let admitted = 0
let throttled = 0
let rejected = 0
let connections = 0
let tokens = burst
let lastRefill = performance.now()

const admit = (): boolean => {
  if (rate <= 0) return true
  const now = performance.now()
  tokens = Math.min(burst, tokens + ((now - lastRefill) / 1000) * rate)
  lastRefill = now
  if (tokens < 1) return false
  tokens -= 1
  return true
}

const ok = Buffer.from("{}")
const throttledBody = Buffer.from(JSON.stringify({ __type: "TooManyRequestsException", message: "Rate exceeded" }))
const badBody = Buffer.from(JSON.stringify({ __type: "SerializationException", message: "bad request" }))

const answer = (res: http.ServerResponse, status: number, body: Buffer) => {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": body.length,
    "x-amzn-requestid": `bench-${requests}`
  })
  res.end(body)
}

const server = http.createServer((req, res) => {
  if (req.url === "/__stats") {
    res.end(JSON.stringify({ requests, admitted, throttled, rejected, connections }))
    return
  }
  if (req.url === "/__reset") {
    requests =
      admitted =
      throttled =
      rejected =
      connections =
        0
    tokens = burst
    lastRefill = performance.now()
    req.resume()
    res.end("{}")
    return
  }
  requests++
  const chunks: Array<Buffer> = []
  req.on("data", (chunk: Buffer) => chunks.push(chunk))
  req.on("end", () => {
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
    // Cheap checks: the operation, a JSON object, the members that tell this request apart.
    if (
      req.method !== "POST" || req.headers["x-amz-target"] !== target || body === undefined || body[0] !== 0x7b ||
      !body.includes("\"FeedbackValue\"") || !body.includes("\"FeedbackToken\"")
    ) {
      rejected++
      return answer(res, 400, badBody)
    }
    if (!admit()) {
      throttled++
      return answer(res, 400, throttledBody)
    }
    admitted++
    answer(res, 200, ok)
  })
})
server.on("connection", () => {
  connections++
})
// Keep connections open across the whole run, as a real endpoint would for a busy client.
server.keepAliveTimeout = 60_000
server.headersTimeout = 65_000

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`)
})

const stop = () => {
  server.closeAllConnections()
  server.close()
  process.exit(0)
}
// A parent holding a pipe to stdin keeps the server alive; its exit (even a crash) ends the pipe.
if (fstatSync(0).isFIFO()) {
  process.stdin.on("end", stop)
  process.stdin.resume()
}
process.on("SIGTERM", stop)
// Never outlive a forgotten benchmark.
setTimeout(stop, limitSeconds * 1000).unref()
