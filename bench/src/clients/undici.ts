/** The floor: `undici.request` with the body serialized once, ahead of time. */
import { Agent, request as send } from "undici"
import { contentType, type MakeClient, request, target } from "../shared.js"

export const make: MakeClient = async (endpoint) => {
  const dispatcher = new Agent()
  const body = JSON.stringify(request)
  const headers = { "content-type": contentType, "x-amz-target": target }
  return {
    call: async () => {
      const response = await send(endpoint, { method: "POST", headers, body, dispatcher })
      await response.body.text()
      if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`)
    },
    close: () => dispatcher.close()
  }
}
