/** The Node floor: `node:http` with a keep-alive agent, the body serialized once, ahead of time. */
import * as http from "node:http"
import { contentType, type MakeClient, request, target } from "../shared.js"

export const make: MakeClient = async (endpoint) => {
  const agent = new http.Agent({ keepAlive: true })
  const body = JSON.stringify(request)
  const headers = { "content-type": contentType, "x-amz-target": target, "content-length": Buffer.byteLength(body) }
  const url = new URL(endpoint)
  const options: http.RequestOptions = {
    method: "POST",
    hostname: url.hostname,
    port: url.port,
    path: "/",
    headers,
    agent
  }
  return {
    call: () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(options, (res) => {
          const chunks: Array<Buffer> = []
          res.on("data", (chunk: Buffer) => chunks.push(chunk))
          res.on("end", () => {
            Buffer.concat(chunks).toString("utf8")
            if (res.statusCode === 200) resolve()
            else reject(new Error(`HTTP ${res.statusCode}`))
          })
          res.on("error", reject)
        })
        req.on("error", reject)
        req.end(body)
      }),
    close: async () => agent.destroy()
  }
}
