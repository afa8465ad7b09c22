/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and says where the time went: self time by
 * package (ours, effect, @effect/platform, undici, Node itself, GC) and the hottest functions.
 *
 * node build/profile.js FILE.cpuprofile [--top 25]
 */
import { readFileSync } from "node:fs"

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}
interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
}
interface CpuProfile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

export interface Share {
  readonly name: string
  readonly micros: number
  readonly percent: number
}

export interface ProfileSummary {
  /** Sampled time, idle excluded. */
  readonly busyMicros: number
  readonly byPackage: ReadonlyArray<Share>
  readonly topFunctions: ReadonlyArray<Share>
}

/** Which package a frame belongs to, from its script URL. */
export const packageOf = (frame: CallFrame): string => {
  const { functionName, url } = frame
  if (url === "") {
    if (functionName === "(garbage collector)") return "GC"
    if (functionName === "(idle)") return "(idle)"
    return "V8/native"
  }
  if (url.startsWith("node:")) return "Node core"
  const ours = /\/packages\/(core|http|node|protocol)\/(?:dist|src)\//.exec(url)
  if (ours !== null) return `@cognito-feedback/${ours[1]}`
  const modules = url.lastIndexOf("/node_modules/")
  if (modules !== -1) {
    const [scope, name] = url.slice(modules + "/node_modules/".length).split("/")
    return scope?.startsWith("@") ? `${scope}/${name}` : scope ?? url
  }
  if (url.includes("/bench/")) return "bench harness"
  return url
}

export const summarizeProfile = (path: string, top = 25): ProfileSummary => {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const packages = new Map<string, number>()
  const functions = new Map<string, number>()
  let busy = 0
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)
    const delta = profile.timeDeltas[index] ?? 0
    if (node === undefined) return
    const pkg = packageOf(node.callFrame)
    if (pkg === "(idle)") return
    busy += delta
    packages.set(pkg, (packages.get(pkg) ?? 0) + delta)
    const file = node.callFrame.url.slice(node.callFrame.url.lastIndexOf("/") + 1)
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${pkg} ${file}:${node.callFrame.lineNumber + 1}`
    functions.set(fn, (functions.get(fn) ?? 0) + delta)
  })
  const shares = (map: Map<string, number>, limit: number): Array<Share> =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, micros]) => ({
      name,
      micros,
      percent: busy === 0 ? 0 : (100 * micros) / busy
    }))
  return { busyMicros: busy, byPackage: shares(packages, 20), topFunctions: shares(functions, top) }
}

if (process.argv[1]?.endsWith("profile.js") === true && process.argv[2] !== undefined) {
  const topIndex = process.argv.indexOf("--top")
  const summary = summarizeProfile(process.argv[2], topIndex === -1 ? 25 : Number(process.argv[topIndex + 1]))
  const line = (s: Share) =>
    `${s.percent.toFixed(1).padStart(5)}%  ${(s.micros / 1000).toFixed(0).padStart(6)} ms  ${s.name}`
  process.stdout.write(`busy ${(summary.busyMicros / 1000).toFixed(0)} ms\n\nby package\n`)
  process.stdout.write(summary.byPackage.map(line).join("\n") + "\n\nhottest functions (self time)\n")
  process.stdout.write(summary.topFunctions.map(line).join("\n") + "\n")
}
