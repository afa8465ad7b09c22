/**
 * A retry storm, in a fresh process: `--callers` concurrent callers each make call after call for
 * `--seconds` against an endpoint that admits a fixed rate and throttles the rest. Reports the
 * logical calls, how they ended and how long they took; the parent reads from the endpoint how
 * many requests were really sent.
 *
 * node build/storm.js --client ours-undici --retry standard --endpoint URL [--callers 200] [--seconds 8]
 */
import { argument, clientModule, type MakeClient, numberArgument, percentile, type Retry } from "./shared.js"

export interface StormResult {
  readonly client: string
  readonly retry: Retry
  readonly callers: number
  readonly logicalCalls: number
  readonly succeeded: number
  readonly failed: number
  readonly failures: Record<string, number>
  /** From the first call to the last caller's last completion. */
  readonly wallSeconds: number
  readonly p50Millis: number
  readonly p99Millis: number
}

const clientName = argument("client")
if (clientName !== "ours-undici" && clientName !== "ours4-node" && clientName !== "aws-sdk") {
  throw new Error(`no storm for ${clientName}`)
}
const retry = argument("retry") as Retry
if (retry !== "standard" && retry !== "adaptive" && retry !== "none") throw new Error(`unknown retry ${retry}`)
const endpoint = argument("endpoint")
const callers = numberArgument("callers", 200)
const seconds = numberArgument("seconds", 8)

const { make } = (await import(clientModule(clientName, "clients"))) as { make: MakeClient }
const client = await make(endpoint, retry)

const durations: Array<number> = []
const failures: Record<string, number> = {}
let succeeded = 0

const nameOf = (error: unknown): string => {
  if (typeof error !== "object" || error === null) return String(error)
  // Effect's FiberFailure names itself after the error it carries
  const name = (error as { readonly name?: unknown }).name
  return typeof name === "string" ? name.replace(/^\(FiberFailure\) /, "") : "unknown"
}

const started = performance.now()
const deadline = started + seconds * 1000
const caller = async () => {
  while (performance.now() < deadline) {
    const start = performance.now()
    try {
      await client.call()
      succeeded++
    } catch (error) {
      const name = nameOf(error)
      failures[name] = (failures[name] ?? 0) + 1
    }
    durations.push(performance.now() - start)
  }
}
await Promise.all(Array.from({ length: callers }, caller))
const wallSeconds = (performance.now() - started) / 1000
await client.close()

const result: StormResult = {
  client: clientName,
  retry,
  callers,
  logicalCalls: durations.length,
  succeeded,
  failed: durations.length - succeeded,
  failures,
  wallSeconds,
  p50Millis: percentile(durations, 50),
  p99Millis: percentile(durations, 99)
}
process.stdout.write(JSON.stringify(result) + "\n")
