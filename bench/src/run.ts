/**
 * `pnpm bench`: the whole benchmark in one run, from the repository root. Bundles the one-call
 * entries, starts the fake endpoint, runs every client interleaved in fresh processes for several
 * rounds (load, then cold starts), times the bundled command's dry run against `node -e 0`, runs the
 * retry storm, profiles this library under load, and writes `bench/RESULTS.md` and
 * `bench/results.json`. Loopback only; every child is killed at the end. Run after `pnpm build`: the
 * command's bundle (`packages/cli/bin`) is what the dry run starts.
 *
 * Both editions run in the same run, on the same Node: the Effect 4 edition's clients are built by
 * `effect4/bench` (see `clientModule` in shared.ts), and Effect 4 needs Node 22.19, so this runs on
 * Node ≥ 22.19 and its children on the same `node` (`process.execPath`). `bench/launch.mjs` (what
 * `pnpm bench` calls) builds `effect4/bench` and starts this on such a Node.
 *
 * node bench/build/run.js [--rounds 5] [--cold-rounds 9] [--command-rounds 10] [--storm-rounds 3] [--quick]
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import * as os from "node:os"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { type Bundle, bundle } from "./bundles.js"
import type { LoadResult } from "./load.js"
import { control, killAll, runNode, startServer } from "./processes.js"
import { summarizeProfile } from "./profile.js"
import {
  type ColdSample,
  type CommandSample,
  renderMarkdown,
  type Results,
  type StormSample,
  targets
} from "./report.js"
import {
  clientModule,
  type ClientName,
  clientNames,
  type CommandName,
  commands,
  effect4Clients,
  numberArgument,
  type Retry
} from "./shared.js"
import type { StormResult } from "./storm.js"

const buildDir = dirname(fileURLToPath(import.meta.url))
const benchDir = dirname(buildDir)
const rootDir = dirname(benchDir)
const tmpDir = join(benchDir, ".tmp")
const quick = process.argv.includes("--quick")

const settings = {
  rounds: numberArgument("rounds", quick ? 1 : 5),
  coldRounds: numberArgument("cold-rounds", quick ? 2 : 9),
  commandRounds: numberArgument("command-rounds", quick ? 3 : 10),
  stormRounds: numberArgument("storm-rounds", quick ? 1 : 3),
  load: {
    warmup: quick ? 500 : 1000,
    sequential: quick ? 1000 : 3000,
    concurrency: 64,
    seconds: quick ? 2 : 3,
    warmupSeconds: 1
  },
  storm: { callers: 200, seconds: quick ? 4 : 8, rate: 1000, burst: 250 }
}

const log = (line: string) => process.stderr.write(`${line}\n`)

const requireFromBench = createRequire(join(benchDir, "package.json"))
// the Effect 4 edition's clients resolve their packages from their own package, effect4/bench
const requireFromEffect4Bench = createRequire(join(rootDir, "effect4", "bench", "package.json"))
const versionOf = (name: string, from: NodeJS.Require = requireFromBench): string => {
  try {
    const main = from.resolve(`${name}/package.json`)
    return (JSON.parse(readFileSync(main, "utf8")) as { version: string }).version
  } catch {
    // packages whose exports map hides package.json: walk up from the entry point
    let dir = dirname(from.resolve(name))
    while (dir !== dirname(dir)) {
      const candidate = join(dir, "package.json")
      if (existsSync(candidate)) {
        const manifest = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version: string }
        if (manifest.name === name) return manifest.version
      }
      dir = dirname(dir)
    }
    return "unknown"
  }
}

const gitCommit = (): string => {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: rootDir, encoding: "utf8" }).trim()
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "packages", "effect4/packages"], {
      cwd: rootDir,
      encoding: "utf8"
    })
    return dirty.trim() === "" ? commit : `${commit} (with uncommitted changes in packages/ or effect4/packages/)`
  } catch {
    return "unknown"
  }
}

const parseLine = <A>(stdout: string, what: string): A => {
  const line = stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop()
  if (line === undefined) throw new Error(`${what}: no result line in ${JSON.stringify(stdout.slice(-500))}`)
  return JSON.parse(line) as A
}

const machine = () => ({
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  loadAverage: os.loadavg().map((n) => Number(n.toFixed(2)))
})

/** The oldest Node the Effect 4 edition runs on, so the oldest every client of one run shares. */
const nodeFloor = [22, 19] as const

const main = async () => {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number)
  if (major < nodeFloor[0] || (major === nodeFloor[0] && minor < nodeFloor[1])) {
    throw new Error(
      `Node ${process.versions.node}: the Effect 4 edition needs ${nodeFloor.join(".")} or later, and every client ` +
        "of a run shares one Node: run `pnpm bench` (bench/launch.mjs), which starts this on Node 22"
    )
  }
  for (const name of effect4Clients) {
    if (!existsSync(join(buildDir, clientModule(name, "clients")))) {
      throw new Error(`${name} is not built: run \`pnpm bench\` (bench/launch.mjs builds effect4/bench)`)
    }
  }
  const started = Date.now()
  rmSync(tmpDir, { recursive: true, force: true })
  mkdirSync(join(tmpDir, "bundles"), { recursive: true })
  const machineBefore = machine()
  log(`machine: ${machineBefore.cpu}, ${machineBefore.cores} cores, load ${machineBefore.loadAverage.join(" ")}`)

  // Bundles first: the cold-start rounds run them.
  const bundles: Array<Bundle> = []
  for (const name of clientNames) {
    const entry = join(buildDir, clientModule(name, "cold"))
    bundles.push(await bundle({ name, entry, mainFields: "module", outDir: join(tmpDir, "bundles") }))
    if (name === "aws-sdk" || name === "effect-aws") {
      bundles.push(await bundle({ name: `${name}-cjs`, entry, mainFields: "main", outDir: join(tmpDir, "bundles") }))
    }
  }
  for (const b of bundles) log(`bundle ${b.name}: ${(b.gzipBytes / 1024).toFixed(1)} KiB gzip`)

  const server = await startServer(join(buildDir, "server.js"), [])
  log(`fake endpoint at ${server.url}`)

  const load: Array<LoadResult> = []
  // every other round in reverse, so that no client always runs right after the same neighbour
  const inRoundOrder = <A>(items: ReadonlyArray<A>, round: number): ReadonlyArray<A> =>
    round % 2 === 0 ? [...items].reverse() : items
  for (let round = 1; round <= settings.rounds; round++) {
    for (const client of inRoundOrder(clientNames, round)) {
      const { code, stderr, stdout } = await runNode([
        "--expose-gc",
        join(buildDir, "load.js"),
        "--client",
        client,
        "--endpoint",
        server.url,
        "--warmup",
        String(settings.load.warmup),
        "--sequential",
        String(settings.load.sequential),
        "--concurrency",
        String(settings.load.concurrency),
        "--seconds",
        String(settings.load.seconds),
        "--warmup-seconds",
        String(settings.load.warmupSeconds)
      ], { cwd: benchDir, timeoutMillis: 120_000 })
      if (code !== 0) throw new Error(`load ${client} exited ${code}: ${stderr.slice(-2000)}`)
      const result = parseLine<LoadResult>(stdout, `load ${client}`)
      load.push(result)
      log(
        `round ${round} ${client}: ${result.concurrent.cpuMicrosPerCall.toFixed(0)} µs CPU/call, ` +
          `${result.concurrent.callsPerSecond.toFixed(0)}/s, p50 ${result.sequential.p50Micros.toFixed(0)} µs`
      )
    }
  }

  const cold: Array<ColdSample> = []
  const coldTargets: Array<
    { readonly client: string; readonly from: "node_modules" | "bundle"; readonly file: string }
  > = []
  for (const client of clientNames) {
    coldTargets.push({ client, from: "node_modules", file: join(buildDir, clientModule(client, "cold")) })
  }
  for (const b of bundles) coldTargets.push({ client: b.name, from: "bundle", file: b.file })
  for (let round = 1; round <= settings.coldRounds; round++) {
    for (const target of inRoundOrder(coldTargets, round)) {
      const run = await runNode([target.file, server.url], {
        cwd: benchDir,
        timeoutMillis: 30_000,
        mark: "first-response"
      })
      if (run.code !== 0 || run.markMillis === undefined) {
        throw new Error(`cold start ${target.client} (${target.from}) failed: ${run.stderr.slice(-2000)}`)
      }
      const inProcess = Number(/first-response ([\d.]+)/.exec(run.stdout)?.[1])
      cold.push({
        client: target.client,
        from: target.from,
        firstResponseMillis: run.markMillis,
        exitMillis: run.exitMillis,
        inProcessFirstResponseMillis: inProcess
      })
    }
    log(`cold-start round ${round} done`)
  }
  server.stop()

  // The command's start to exit beside `node -e 0`, interleaved, the order swapped every round; one
  // unrecorded run of each first so that neither pays for a cold file cache.
  if (!existsSync(join(rootDir, commands["cognito-feedback --dry-run"][0]))) {
    throw new Error("packages/cli/bin/cognito-feedback.js is missing: run `pnpm build` first")
  }
  const commandNames = Object.keys(commands) as Array<CommandName>
  const commandRuns: Array<CommandSample> = []
  for (let round = 0; round <= settings.commandRounds; round++) {
    for (const name of round % 2 === 0 ? commandNames : [...commandNames].reverse()) {
      const run = await runNode(commands[name], { cwd: rootDir, timeoutMillis: 30_000 })
      if (run.code !== 0) throw new Error(`${name} exited ${run.code}: ${run.stderr.slice(-2000)}`)
      if (name === "cognito-feedback --dry-run" && !run.stdout.includes("dry run")) {
        throw new Error(`${name} printed no dry run: ${run.stdout.slice(-2000)}`)
      }
      if (round > 0) commandRuns.push({ command: name, exitMillis: run.exitMillis })
    }
  }
  log(`command start-up: ${settings.commandRounds} rounds done`)

  const stormServer = await startServer(join(buildDir, "server.js"), [
    "--rate",
    String(settings.storm.rate),
    "--burst",
    String(settings.storm.burst)
  ])
  const stormVariants: ReadonlyArray<{ readonly client: ClientName; readonly retry: Retry }> = [
    { client: "ours-undici", retry: "standard" },
    { client: "ours-undici", retry: "adaptive" },
    { client: "ours-undici", retry: "none" },
    { client: "ours4-node", retry: "standard" },
    { client: "ours4-node", retry: "adaptive" },
    { client: "aws-sdk", retry: "standard" },
    { client: "aws-sdk", retry: "adaptive" }
  ]
  const storm: Array<StormSample> = []
  for (let round = 1; round <= settings.stormRounds; round++) {
    for (const variant of stormVariants) {
      await control(stormServer.url, "/__reset")
      const { code, stderr, stdout } = await runNode([
        join(buildDir, "storm.js"),
        "--client",
        variant.client,
        "--retry",
        variant.retry,
        "--endpoint",
        stormServer.url,
        "--callers",
        String(settings.storm.callers),
        "--seconds",
        String(settings.storm.seconds)
      ], { cwd: benchDir, timeoutMillis: 120_000 })
      if (code !== 0) throw new Error(`storm ${variant.client} ${variant.retry} exited ${code}: ${stderr.slice(-2000)}`)
      const result = parseLine<StormResult>(stdout, "storm")
      const stats = (await control(stormServer.url, "/__stats")) as { requests: number; admitted: number }
      storm.push({ ...result, requestsSent: stats.requests, admitted: stats.admitted })
      log(
        `storm round ${round} ${variant.client} ${variant.retry}: ${
          (result.succeeded / result.wallSeconds).toFixed(0)
        }/s ` +
          `goodput, ${(stats.requests / result.logicalCalls).toFixed(2)} requests/call, p99 ${
            result.p99Millis.toFixed(0)
          } ms`
      )
    }
  }
  stormServer.stop()

  // Where the CPU goes for this library under the same load: one profiled run of each variant.
  const profileServer = await startServer(join(buildDir, "server.js"), [])
  const profiles: Array<Results["profiles"][number]> = []
  for (const client of ["ours-node", "ours4-node", "ours-undici", "ours-fetch", "ours4-fetch", "aws-sdk"] as const) {
    const dir = join(tmpDir, "profiles", client)
    const { code, stderr } = await runNode([
      "--cpu-prof",
      "--cpu-prof-dir",
      dir,
      join(buildDir, "load.js"),
      "--client",
      client,
      "--endpoint",
      profileServer.url,
      "--warmup",
      "500",
      "--sequential",
      "500",
      "--seconds",
      "3",
      "--warmup-seconds",
      "1"
    ], { cwd: benchDir, timeoutMillis: 120_000 })
    if (code !== 0) throw new Error(`profile ${client} exited ${code}: ${stderr.slice(-2000)}`)
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))
    if (file !== undefined) {
      const summary = summarizeProfile(join(dir, file), 12)
      profiles.push({ client, file: relative(rootDir, join(dir, file)), ...summary })
    }
  }
  profileServer.stop()

  const results: Results = {
    date: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { ...machineBefore, loadAverageAfter: os.loadavg().map((n) => Number(n.toFixed(2))) },
    versions: {
      "cognito-feedback": `${versionOf("@cognito-feedback/http")} @ ${gitCommit()}`,
      effect: versionOf("effect"),
      "@effect/platform": versionOf("@effect/platform"),
      "@effect/platform-node": versionOf("@effect/platform-node"),
      "cognito-feedback, Effect 4 edition": versionOf("@cognito-feedback/http", requireFromEffect4Bench),
      "effect (Effect 4 edition)": versionOf("effect", requireFromEffect4Bench),
      undici: versionOf("undici"),
      "@aws-sdk/client-cognito-identity-provider": versionOf("@aws-sdk/client-cognito-identity-provider"),
      "@effect-aws/client-cognito-identity-provider": versionOf("@effect-aws/client-cognito-identity-provider"),
      esbuild: versionOf("esbuild")
    },
    settings,
    load,
    cold,
    commands: commandRuns,
    bundles: bundles.map(({ file, ...rest }) => ({ ...rest, file: relative(rootDir, file) })),
    storm,
    profiles
  }
  // the targets as computed for RESULTS.md ride along, for readers of the JSON
  writeFileSync(
    join(benchDir, "results.json"),
    JSON.stringify({ ...results, targets: targets(results) }, null, 2) + "\n"
  )
  writeFileSync(join(benchDir, "RESULTS.md"), renderMarkdown(results))
  log(`wrote bench/RESULTS.md and bench/results.json in ${results.durationSeconds} s`)
}

main().then(
  () => {
    killAll()
    process.exit(0)
  },
  (error: unknown) => {
    log(String(error instanceof Error ? error.stack : error))
    killAll()
    process.exit(1)
  }
)
