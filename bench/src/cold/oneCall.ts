/**
 * A cold start as a Lambda handler or a CLI sees it: the imports (done by the entry before this
 * runs), building the client, one call, then letting the process exit by itself. Prints the time
 * of the first response, measured from the process's own time origin, for the parent to read.
 */
import type { MakeClient } from "../shared.js"

export const oneCall = async (make: MakeClient): Promise<void> => {
  const endpoint = process.argv[2]
  if (endpoint === undefined) throw new Error("usage: node <entry> <endpoint>")
  const client = await make(endpoint)
  await client.call()
  process.stdout.write(`first-response ${performance.now().toFixed(2)}\n`)
  await client.close()
}
