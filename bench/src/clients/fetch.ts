/** The floor of the fetch variants: the runtime's own `fetch` with the body serialized once. */
import { contentType, type MakeClient, request, target } from "../shared.js"

export const make: MakeClient = async (endpoint) => {
  const body = JSON.stringify(request)
  const headers = { "content-type": contentType, "x-amz-target": target }
  return {
    call: async () => {
      const response = await fetch(endpoint, { method: "POST", headers, body })
      await response.text()
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
    },
    close: async () => {}
  }
}
