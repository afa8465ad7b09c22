/**
 * One client, in a fresh process (run with `--expose-gc`): warm-up, sequential latency, then
 * throughput and CPU per call with a fixed number of calls in flight, then heap and RSS after a
 * full GC. Prints one JSON line with the figures.
 *
 * node build/load.js --client ours-undici --endpoint http://127.0.0.1:PORT
 *   [--warmup 1000] [--sequential 3000] [--concurrency 64] [--seconds 3] [--warmup-seconds 1]
 */
import {
  argument,
  clientModule,
  type ClientName,
  clientNames,
  type MakeClient,
  numberArgument,
  percentile
} from "./shared.js"

export interface LoadResult {
  readonly client: ClientName
  readonly sequential: { readonly calls: number; readonly p50Micros: number; readonly p99Micros: number }
  readonly concurrent: {
    readonly inFlight: number
    readonly calls: number
    readonly seconds: number
    readonly callsPerSecond: number
    readonly cpuMicrosPerCall: number
  }
  readonly memory: { readonly heapUsedBytes: number; readonly rssBytes: number }
}

const clientName = argument("client") as ClientName
if (!clientNames.includes(clientName)) throw new Error(`unknown client ${clientName}`)
const endpoint = argument("endpoint")
const warmup = numberArgument("warmup", 1000)
const sequentialCalls = numberArgument("sequential", 3000)
const concurrency = numberArgument("concurrency", 64)
const seconds = numberArgument("seconds", 3)
const warmupSeconds = numberArgument("warmup-seconds", 1)

const gc = (globalThis as { gc?: () => void }).gc

/** `concurrency` loops calling back to back until `deadline`; returns the calls completed. */
const saturate = async (call: () => Promise<void>, deadline: number): Promise<number> => {
  let calls = 0
  const loop = async () => {
    while (performance.now() < deadline) {
      await call()
      calls++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop))
  return calls
}

const { make } = (await import(clientModule(clientName, "clients"))) as { make: MakeClient }
const client = await make(endpoint)

for (let i = 0; i < warmup; i++) await client.call()
await saturate(client.call, performance.now() + warmupSeconds * 1000)

const latencies: Array<number> = []
for (let i = 0; i < sequentialCalls; i++) {
  const start = process.hrtime.bigint()
  await client.call()
  latencies.push(Number(process.hrtime.bigint() - start) / 1000)
}

const cpuBefore = process.cpuUsage()
const started = performance.now()
const calls = await saturate(client.call, started + seconds * 1000)
const elapsed = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)

gc?.()
gc?.()
const memory = process.memoryUsage()

const result: LoadResult = {
  client: clientName,
  sequential: { calls: sequentialCalls, p50Micros: percentile(latencies, 50), p99Micros: percentile(latencies, 99) },
  concurrent: {
    inFlight: concurrency,
    calls,
    seconds: elapsed,
    callsPerSecond: calls / elapsed,
    cpuMicrosPerCall: (cpu.user + cpu.system) / calls
  },
  memory: { heapUsedBytes: memory.heapUsed, rssBytes: memory.rss }
}
await client.close()
process.stdout.write(JSON.stringify(result) + "\n")
