/**
 * The results of a run, as JSON and as the Markdown of `bench/RESULTS.md`: medians with min–max
 * over the rounds, and the issue's targets as ratios measured in the same run.
 */
import type { Bundle } from "./bundles.js"
import type { LoadResult } from "./load.js"
import type { ProfileSummary } from "./profile.js"
import { clientLabels, type ClientName, type CommandName, commands, summarize, type Summary } from "./shared.js"
import type { StormResult } from "./storm.js"

export interface ColdSample {
  readonly client: string
  readonly from: "node_modules" | "bundle"
  /** From spawning `node` to the first response, as the parent saw it. */
  readonly firstResponseMillis: number
  /** From spawning `node` to the process's exit. */
  readonly exitMillis: number
  /** The first response by the child's own clock (from its start, without the spawn). */
  readonly inProcessFirstResponseMillis: number
}

export interface StormSample extends StormResult {
  /** Requests the endpoint received during the run. */
  readonly requestsSent: number
  readonly admitted: number
}

export interface Results {
  readonly date: string
  readonly durationSeconds: number
  readonly machine: {
    readonly cpu: string
    readonly cores: number
    readonly memoryGiB: number
    readonly os: string
    readonly node: string
    readonly loadAverage: ReadonlyArray<number>
    readonly loadAverageAfter: ReadonlyArray<number>
  }
  readonly versions: Record<string, string>
  readonly settings: {
    readonly rounds: number
    readonly coldRounds: number
    readonly commandRounds: number
    readonly stormRounds: number
    readonly load: {
      readonly warmup: number
      readonly sequential: number
      readonly concurrency: number
      readonly seconds: number
      readonly warmupSeconds: number
    }
    readonly storm: {
      readonly callers: number
      readonly seconds: number
      readonly rate: number
      readonly burst: number
    }
  }
  readonly load: ReadonlyArray<LoadResult>
  readonly cold: ReadonlyArray<ColdSample>
  readonly commands: ReadonlyArray<CommandSample>
  readonly bundles: ReadonlyArray<Omit<Bundle, "file"> & { readonly file: string }>
  readonly storm: ReadonlyArray<StormSample>
  readonly profiles: ReadonlyArray<ProfileSummary & { readonly client: string; readonly file: string }>
}

/** Tables list the floors first, then the other clients, then this library's (the labels' order). */
const displayOrder = Object.keys(clientLabels) as ReadonlyArray<ClientName>

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–")
const cell = (s: Summary, digits = 0) =>
  s.samples.length === 1 ?
    fixed(s.median, digits) :
    `${fixed(s.median, digits)} [${fixed(s.min, digits)}–${fixed(s.max, digits)}]`
const mib = (bytes: number) => bytes / 2 ** 20
const kib = (bytes: number) => bytes / 1024

/** A client's samples of one figure, one per round in round order. */
const loadSamples = (results: Results, client: string, pick: (r: LoadResult) => number) =>
  results.load.filter((r) => r.client === client).map(pick)

const coldSamples = (results: Results, client: string, from: ColdSample["from"], pick: (c: ColdSample) => number) =>
  results.cold.filter((c) => c.client === client && c.from === from).map(pick)

const commandSamples = (results: Results, command: CommandName) =>
  results.commands.filter((c) => c.command === command).map((c) => c.exitMillis)

const loadOf = (results: Results, client: string, pick: (r: LoadResult) => number): Summary =>
  summarize(loadSamples(results, client, pick))

const coldOf = (results: Results, client: string, from: ColdSample["from"], pick: (c: ColdSample) => number) =>
  summarize(coldSamples(results, client, from, pick))

const stormOf = (results: Results, client: string, retry: string) =>
  results.storm.filter((s) => s.client === client && s.retry === retry)

const stormFigures = (samples: ReadonlyArray<StormSample>) => ({
  goodput: summarize(samples.map((s) => s.succeeded / s.wallSeconds)),
  amplification: summarize(samples.map((s) => s.requestsSent / s.logicalCalls)),
  p99: summarize(samples.map((s) => s.p99Millis)),
  p50: summarize(samples.map((s) => s.p50Millis)),
  calls: summarize(samples.map((s) => s.logicalCalls)),
  successRate: summarize(samples.map((s) => (100 * s.succeeded) / Math.max(1, s.logicalCalls)))
})

/** One timed run of a command, for the start-up figure. */
export interface CommandSample {
  readonly command: CommandName
  /** From spawning `node` to the process's exit. */
  readonly exitMillis: number
}

type Comparison = "≤" | "<" | "≥"

export interface Target {
  /** The issue that set the goal. */
  readonly issue: 6 | 10 | 22
  readonly name: string
  /** Medians over the rounds. */
  readonly ours: number
  readonly reference: number
  /**
   * `ours / reference` (or `ours − reference` for a difference) in each round, both measured in that
   * round; the median of those decides. The machine's speed drifts over minutes, and a round compares
   * the clients under the same conditions, so the pairs cancel the drift that medians taken apart keep.
   */
  readonly perRound: Summary
  /** The same from the medians, for comparison. */
  readonly ofMedians: number
  readonly measured: number
  readonly kind: "ratio" | "difference"
  readonly goal: string
  readonly met: boolean
  readonly unit: string
}

const holds = (measured: number, comparison: Comparison, limit: number): boolean =>
  comparison === "≥" ? measured >= limit : comparison === "<" ? measured < limit : measured <= limit

/** Samples of one figure, one per round in round order (a single one when the figure is not per round). */
type Rounds = ReadonlyArray<number>

/** Two clients' figures compared round by round, and from their medians (see `Target`). */
const compared = (oursRounds: Rounds, referenceRounds: Rounds, kind: Target["kind"] = "ratio") => {
  const compare = (a: number, b: number) => kind === "difference" ? a - b : a / b
  const ours = summarize(oursRounds).median
  const reference = summarize(referenceRounds).median
  const ofMedians = compare(ours, reference)
  const perRound = summarize(
    oursRounds.length === referenceRounds.length && oursRounds.length > 1
      ? oursRounds.map((value, round) => compare(value, referenceRounds[round] ?? Number.NaN))
      : [ofMedians]
  )
  return { ours, reference, ofMedians, perRound }
}

const target = (
  issue: Target["issue"],
  name: string,
  [oursRounds, referenceRounds, unit]: readonly [Rounds, Rounds, string],
  [comparison, limit, kind]: readonly [Comparison, number, Target["kind"]?]
): Target => {
  const { ofMedians, ours, perRound, reference } = compared(oursRounds, referenceRounds, kind)
  const goal = kind === "difference" ? `${comparison} ${limit} ${unit}` : `${comparison} ${limit}×`
  return {
    issue,
    name,
    ours,
    reference,
    perRound,
    ofMedians,
    measured: perRound.median,
    kind: kind ?? "ratio",
    goal,
    met: holds(perRound.median, comparison, limit),
    unit
  }
}

const commandOf = (results: Results, command: CommandName): Summary => summarize(commandSamples(results, command))

/** The issues' targets, each as `ours / reference` (or `ours − reference`) round by round (see `Target`). */
export const targets = (results: Results): ReadonlyArray<Target> => {
  const cpu = (c: string) => loadSamples(results, c, (r) => r.concurrent.cpuMicrosPerCall)
  const tput = (c: string) => loadSamples(results, c, (r) => r.concurrent.callsPerSecond)
  const p99 = (c: string) => loadSamples(results, c, (r) => r.sequential.p99Micros)
  const heap = (c: string) => loadSamples(results, c, (r) => r.memory.heapUsedBytes)
  const coldExit = (c: string) => coldSamples(results, c, "bundle", (s) => s.exitMillis)
  const coldFirst = (c: string, from: ColdSample["from"] = "bundle") =>
    coldSamples(results, c, from, (s) => s.firstResponseMillis)
  // the faster of the AWS SDK's two bundles, round by round
  const faster = (a: Rounds, b: Rounds) => a.map((value, round) => Math.min(value, b[round] ?? value))
  const gzip = (name: string) => [results.bundles.find((b) => b.name === name)?.gzipBytes ?? Number.NaN]
  const storm = (c: string, r: string) => stormFigures(stormOf(results, c, r))
  const awsColdBest = faster(coldExit("aws-sdk"), coldExit("aws-sdk-cjs"))
  const awsFirstBest = faster(coldFirst("aws-sdk"), coldFirst("aws-sdk-cjs"))
  return [
    // the Effect 4 edition (effect4/packages), its Node path
    target(
      22,
      "CPU per call at 64 in flight (Effect 4, node) vs raw node:http",
      [cpu("ours4-node"), cpu("node-http"), "µs"],
      ["≤", 1.5]
    ),
    target(22, "CPU per call at 64 in flight (Effect 4, node) vs AWS SDK", [cpu("ours4-node"), cpu("aws-sdk"), "µs"], [
      "≤",
      0.25
    ]),
    target(
      22,
      "Throughput at 64 in flight (Effect 4, node) vs AWS SDK",
      [tput("ours4-node"), tput("aws-sdk"), "calls/s"],
      ["≥", 4]
    ),
    target(22, "Heap after the run (Effect 4, node) vs AWS SDK", [heap("ours4-node"), heap("aws-sdk"), "MiB"], [
      "≤",
      1.5
    ]),
    target(22, "Bundle gzip (Effect 4, node) vs AWS SDK ESM bundle", [gzip("ours4-node"), gzip("aws-sdk"), "KiB"], [
      "≤",
      0.5
    ]),
    target(
      22,
      "Cold start of the bundle to first response (Effect 4, node) vs AWS SDK ESM bundle",
      [coldFirst("ours4-node"), coldFirst("aws-sdk"), "ms"],
      ["≤", 0.85]
    ),
    target(10, "CPU per call at 64 in flight (node) vs raw node:http", [cpu("ours-node"), cpu("node-http"), "µs"], [
      "≤",
      2
    ]),
    target(10, "CPU per call at 64 in flight (node) vs AWS SDK", [cpu("ours-node"), cpu("aws-sdk"), "µs"], ["≤", 0.4]),
    target(10, "Throughput at 64 in flight (node) vs AWS SDK", [tput("ours-node"), tput("aws-sdk"), "calls/s"], [
      "≥",
      2.5
    ]),
    target(10, "Sequential latency p99 (node) vs AWS SDK", [p99("ours-node"), p99("aws-sdk"), "µs"], ["≤", 1]),
    target(10, "Heap after the run (node) vs AWS SDK", [heap("ours-node"), heap("aws-sdk"), "MiB"], ["≤", 2]),
    target(10, "Heap after the run (node) vs @effect-aws", [heap("ours-node"), heap("effect-aws"), "MiB"], ["<", 1]),
    target(
      10,
      "Cold start of the bundle to first response (node) vs AWS SDK ESM bundle",
      [coldFirst("ours-node"), coldFirst("aws-sdk"), "ms"],
      ["≤", 1]
    ),
    target(
      10,
      "Cold start from node_modules to first response (node) vs @effect-aws",
      [coldFirst("ours-node", "node_modules"), coldFirst("effect-aws", "node_modules"), "ms"],
      ["≤", 0.75]
    ),
    target(10, "Bundle gzip (node) vs AWS SDK ESM bundle", [gzip("ours-node"), gzip("aws-sdk"), "KiB"], ["≤", 0.8]),
    target(
      10,
      "Command dry run, start to exit, vs `node -e 0`",
      [commandSamples(results, "cognito-feedback --dry-run"), commandSamples(results, "node -e 0"), "ms"],
      ["≤", 4]
    ),
    target(
      10,
      "CPU per call added over a plain HttpClient call (undici)",
      [cpu("ours-undici"), cpu("effect-plain"), "µs"],
      ["<", 40, "difference"]
    ),
    target(6, "CPU per call at 64 in flight (undici) vs AWS SDK", [cpu("ours-undici"), cpu("aws-sdk"), "µs"], [
      "≤",
      0.5
    ]),
    target(6, "CPU per call at 64 in flight (undici) vs raw undici", [cpu("ours-undici"), cpu("undici"), "µs"], [
      "≤",
      3
    ]),
    target(6, "Throughput at 64 in flight (undici) vs AWS SDK", [tput("ours-undici"), tput("aws-sdk"), "calls/s"], [
      "≥",
      2
    ]),
    target(
      6,
      "Cold start of the bundle to exit (undici) vs AWS SDK bundle",
      [coldExit("ours-undici"), awsColdBest, "ms"],
      ["≤", 1]
    ),
    target(
      6,
      "Cold start of the bundle to exit (fetch) vs AWS SDK bundle",
      [coldExit("ours-fetch"), awsColdBest, "ms"],
      ["≤", 1]
    ),
    target(
      6,
      "Cold start of the bundle to first response (undici) vs AWS SDK bundle",
      [coldFirst("ours-undici"), awsFirstBest, "ms"],
      ["≤", 1]
    ),
    target(
      6,
      "Cold start of the bundle to first response (fetch) vs AWS SDK bundle",
      [coldFirst("ours-fetch"), awsFirstBest, "ms"],
      ["≤", 1]
    ),
    target(6, "Bundle gzip (fetch) vs AWS SDK ESM bundle", [gzip("ours-fetch"), gzip("aws-sdk"), "KiB"], ["<", 0.5]),
    target(6, "Heap after the run (undici) vs AWS SDK", [heap("ours-undici"), heap("aws-sdk"), "MiB"], ["≤", 1.5]),
    target(
      6,
      "Retry storm amplification (standard) vs AWS SDK standard",
      [
        storm("ours-undici", "standard").amplification.samples,
        storm("aws-sdk", "standard").amplification.samples,
        "requests/call"
      ],
      ["≤", 1]
    ),
    target(
      6,
      "Retry storm goodput (standard) vs AWS SDK standard",
      [storm("ours-undici", "standard").goodput.samples, storm("aws-sdk", "standard").goodput.samples, "calls/s"],
      ["≥", 1]
    )
  ]
}

const shown = (t: Target, n: number) =>
  t.unit === "MiB"
    ? fixed(mib(n), 1)
    : t.unit === "KiB"
    ? fixed(kib(n), 1)
    : fixed(n, t.unit === "requests/call" ? 2 : 0)

export const renderMarkdown = (results: Results): string => {
  const { machine, settings } = results
  const lines: Array<string> = []
  const push = (...more: Array<string>) => lines.push(...more)
  const present = (c: string) => results.load.some((r) => r.client === c)

  push(
    "# Benchmark results",
    "",
    `Written by \`pnpm bench\` (bench/src/run.ts) on ${results.date}, in ${results.durationSeconds} s. Do not edit by hand.`,
    "",
    "Every figure here was measured by that run. What past experiments found while tuning, and why the " +
      "figures are what they are, is kept by hand in [NOTES.md](NOTES.md).",
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}. ` +
      `Load average before ${machine.loadAverage.join(" / ")}, after ${machine.loadAverageAfter.join(" / ")}.`,
    "",
    "Versions: " + Object.entries(results.versions).map(([name, version]) => `${name} ${version}`).join(", ") + ".",
    "",
    `Method: a fake endpoint in its own process on 127.0.0.1 answers \`200 {}\` after checking the target header ` +
      `and the body. Each client makes the same request; the clients run interleaved (every other round in reverse order), each measurement in a fresh ` +
      `process, ${settings.rounds} rounds for load and ${settings.coldRounds} for cold starts. Figures are the ` +
      `median over the rounds, [min–max] when there is more than one. Load per process: ${settings.load.warmup} ` +
      `sequential calls and ${settings.load.warmupSeconds} s at ${settings.load.concurrency} in flight to warm up, ` +
      `then ${settings.load.sequential} sequential calls (latency), then ${settings.load.seconds} s with ` +
      `${settings.load.concurrency} calls in flight (throughput, and the client process's user + system CPU ` +
      `divided by the calls), then heap and RSS after two full GCs. Two cores: the client and the endpoint ` +
      `share the machine, so the fastest clients are partly held back by the endpoint.`,
    ""
  )

  push(
    "## Targets",
    "",
    "Each goal as a ratio (or a difference) from this run. Both clients of a row are measured in every round, " +
      "so the ratio is taken round by round and the median of those decides (the range is the rounds'); the " +
      "machine's speed drifts over minutes, which those pairs cancel. The ratio of the two medians is shown " +
      "beside it. The issue-22 targets are the Effect 4 edition's (`effect4/packages`, `effect` 4) on its Node " +
      "path (its `@cognito-feedback/node`); the rest are the Effect 3 edition's. The issue-10 figures are " +
      "measured on the Node path (`@cognito-feedback/node`) unless the row says otherwise; the issue-6 targets " +
      "on the `HttpClient` path, where a cold-start reference is the faster of the AWS SDK's two bundles (ESM " +
      "build or CommonJS build) in each round.",
    ""
  )
  for (const issue of [22, 10, 6] as const) {
    push(
      `### Issue ${issue} ${issue === 10 ? "figures" : issue === 22 ? "targets (Effect 4 edition)" : "targets"}`,
      "",
      "| target | cognito-feedback | reference | measured, by round | of the medians | goal | met? |",
      "|---|---:|---:|---:|---:|:-:|:-:|"
    )
    for (const t of targets(results).filter((t) => t.issue === issue)) {
      const figure = (n: number) => t.kind === "ratio" ? `${fixed(n, 2)}×` : `${shown(t, n)} ${t.unit}`
      const range = t.perRound.samples.length > 1 ? ` [${figure(t.perRound.min)}–${figure(t.perRound.max)}]` : ""
      push(
        `| ${t.name} | ${shown(t, t.ours)} ${t.unit} | ${shown(t, t.reference)} ${t.unit} | ${
          figure(t.measured)
        }${range} | ${figure(t.ofMedians)} | ${t.goal} | ${t.met ? "yes" : "**no**"} |`
      )
    }
    push("")
  }

  const editionPairs = ([["node:http", "ours-node", "ours4-node"], ["fetch", "ours-fetch", "ours4-fetch"]] as const)
    .filter(([, three, four]) => present(three) && present(four))
  if (editionPairs.length > 0) {
    push(
      "## The two editions side by side",
      "",
      "The Effect 4 edition (`effect4/packages`, `effect` 4) against the Effect 3 edition (`packages`, `effect` 3) " +
        "on the same transport, in the same run and on the same Node: the Node path (`@cognito-feedback/node`) and " +
        "the `HttpClient` path over each `effect`'s own `FetchHttpClient` (`@cognito-feedback/http`). The ratio is " +
        "Effect 4 / Effect 3, round by round as for the targets (the range is the rounds'), then of the medians.",
      "",
      "| figure | transport | Effect 3 edition | Effect 4 edition | Effect 4 / Effect 3, by round | of the medians |",
      "|---|---|---:|---:|---:|---:|"
    )
    const figures: ReadonlyArray<readonly [string, string, (client: string) => Rounds]> = [
      ["CPU per call at 64 in flight", "µs", (c) => loadSamples(results, c, (r) => r.concurrent.cpuMicrosPerCall)],
      ["Throughput at 64 in flight", "calls/s", (c) => loadSamples(results, c, (r) => r.concurrent.callsPerSecond)],
      ["Sequential latency p50", "µs", (c) => loadSamples(results, c, (r) => r.sequential.p50Micros)],
      ["Sequential latency p99", "µs", (c) => loadSamples(results, c, (r) => r.sequential.p99Micros)],
      ["Heap after the run", "MiB", (c) => loadSamples(results, c, (r) => r.memory.heapUsedBytes)],
      ["Bundle gzip", "KiB", (c) => [results.bundles.find((b) => b.name === c)?.gzipBytes ?? Number.NaN]],
      [
        "Cold start of the bundle to first response",
        "ms",
        (c) => coldSamples(results, c, "bundle", (s) => s.firstResponseMillis)
      ],
      [
        "Cold start from node_modules to first response",
        "ms",
        (c) => coldSamples(results, c, "node_modules", (s) => s.firstResponseMillis)
      ]
    ]
    for (const [name, unit, samples] of figures) {
      for (const [transport, three, four] of editionPairs) {
        const c = compared(samples(four), samples(three))
        const show = (n: number) => unit === "MiB" ? fixed(mib(n), 1) : unit === "KiB" ? fixed(kib(n), 1) : fixed(n)
        const range = c.perRound.samples.length > 1
          ? ` [${fixed(c.perRound.min, 2)}×–${fixed(c.perRound.max, 2)}×]`
          : ""
        push(
          `| ${name} | ${transport} | ${show(c.reference)} ${unit} | ${show(c.ours)} ${unit} | ${
            fixed(c.perRound.median, 2)
          }×${range} | ${fixed(c.ofMedians, 2)}× |`
        )
      }
    }
    push("")
  }

  push(
    "## What this library adds to a plain Effect call",
    "",
    "The same figures for this library minus a hand-written `HttpClient` call over the same transport (the " +
      "floor of any Effect client of this operation): the difference is what validation, retries, error " +
      "decoding, timeouts and observability cost; the rest belongs to `effect`, `@effect/platform` and the transport. " +
      "The Effect 3 edition's: this run has no hand-written Effect 4 call to subtract from the Effect 4 edition's.",
    "",
    "| transport | CPU µs per call | heap MiB | bundle gzip KiB | bundle cold start to first response ms |",
    "|---|---:|---:|---:|---:|"
  )
  for (const [ours, plain] of [["ours-undici", "effect-plain"], ["ours-fetch", "effect-plain-fetch"]] as const) {
    if (!present(ours) || !present(plain)) continue
    const diff = (pick: (r: LoadResult) => number) =>
      loadOf(results, ours, pick).median - loadOf(results, plain, pick).median
    const gzipOf = (name: string) => results.bundles.find((b) => b.name === name)?.gzipBytes ?? Number.NaN
    const first = (name: string) => coldOf(results, name, "bundle", (c) => c.firstResponseMillis).median
    push(
      `| ${ours === "ours-undici" ? "undici" : "fetch"} | ${
        fixed(loadOf(results, ours, (r) => r.concurrent.cpuMicrosPerCall).median)
      } − ${fixed(loadOf(results, plain, (r) => r.concurrent.cpuMicrosPerCall).median)} = ${
        fixed(diff((r) => r.concurrent.cpuMicrosPerCall))
      } | ${fixed(mib(diff((r) => r.memory.heapUsedBytes)), 1)} | ${fixed(kib(gzipOf(ours) - gzipOf(plain)), 1)} | ${
        fixed(first(ours) - first(plain))
      } |`
    )
  }
  push("")

  push(
    "## Load",
    "",
    "| client | latency p50 µs | latency p99 µs | calls/s at 64 in flight | CPU µs per call | heap MiB | RSS MiB |",
    "|---|---:|---:|---:|---:|---:|---:|"
  )
  for (const client of displayOrder.filter(present)) {
    push(
      `| ${clientLabels[client]} | ${cell(loadOf(results, client, (r) => r.sequential.p50Micros))} | ${
        cell(loadOf(results, client, (r) => r.sequential.p99Micros))
      } | ${cell(loadOf(results, client, (r) => r.concurrent.callsPerSecond))} | ${
        cell(loadOf(results, client, (r) => r.concurrent.cpuMicrosPerCall))
      } | ${cell(loadOf(results, client, (r) => mib(r.memory.heapUsedBytes)), 1)} | ${
        cell(loadOf(results, client, (r) => mib(r.memory.rssBytes)), 0)
      } |`
    )
  }
  push("")

  push(
    "## Cold start",
    "",
    "A fresh `node` process imports the client, builds it, makes one call and lets the process exit by itself; " +
      "milliseconds from spawning it, as the parent sees it.",
    "",
    "| client | node_modules: first response | node_modules: exit | bundle: first response | bundle: exit |",
    "|---|---:|---:|---:|---:|"
  )
  const measuredCold = new Set(results.cold.map((c) => c.client))
  // the clients in the tables' order, then the CommonJS builds
  const coldNames = [
    ...displayOrder.filter((name) => measuredCold.has(name)),
    ...[...measuredCold].filter((name) => !(name in clientLabels))
  ]
  for (const name of coldNames) {
    const label = name in clientLabels ? clientLabels[name as ClientName] : name.endsWith("-cjs")
      ? `${clientLabels[name.slice(0, -4) as ClientName]} (CommonJS build)`
      : name
    const nm = (pick: (c: ColdSample) => number) =>
      results.cold.some((c) => c.client === name && c.from === "node_modules")
        ? cell(coldOf(results, name, "node_modules", pick))
        : "–"
    push(
      `| ${label} | ${nm((c) => c.firstResponseMillis)} | ${nm((c) => c.exitMillis)} | ${
        cell(coldOf(results, name, "bundle", (c) => c.firstResponseMillis))
      } | ${cell(coldOf(results, name, "bundle", (c) => c.exitMillis))} |`
    )
  }
  push("")

  const commandLine = (name: CommandName) => `node ${commands[name].join(" ")}`
  const commandMedian = (name: CommandName) => commandOf(results, name).median
  push(
    "## Command start-up",
    "",
    `The bundled command's dry run (it validates, prints the request and exits without sending) beside a \`node\` ` +
      `that does nothing, interleaved, ${settings.commandRounds} rounds after one unrecorded run of each; ` +
      "milliseconds from spawning to exit, as the parent sees it.",
    "",
    "| command | start to exit ms |",
    "|---|---:|"
  )
  for (const name of Object.keys(commands) as Array<CommandName>) {
    push(`| \`${commandLine(name)}\` | ${cell(commandOf(results, name))} |`)
  }
  push(
    "",
    `The dry run takes ${fixed(commandMedian("cognito-feedback --dry-run") / commandMedian("node -e 0"), 2)}× ` +
      "`node -e 0`.",
    ""
  )

  push(
    "## Bundle size",
    "",
    "The cold-start entry (import, build the client, one call) bundled by esbuild: `--bundle --minify " +
      "--format=esm --platform=node --target=node20`, everything inlined; gzip at zlib's default level. " +
      "`module` first picks the packages' ESM builds; `main` first is esbuild's default for Node.",
    "",
    "| entry | fields | minified KiB | gzip KiB | largest parts (minified KiB) |",
    "|---|---|---:|---:|---|"
  )
  for (const b of results.bundles) {
    const parts = b.byPackage.slice(0, 4).map((p) => `${p.name} ${fixed(kib(p.bytes))}`).join(", ")
    push(`| ${b.name} | ${b.mainFields} first | ${fixed(kib(b.bytes), 1)} | ${fixed(kib(b.gzipBytes), 1)} | ${parts} |`)
  }
  push("")

  const { storm } = settings
  push(
    "## Retry storm",
    "",
    `${storm.callers} callers each make call after call for ${storm.seconds} s against an endpoint that admits ` +
      `${storm.rate} requests/s (bucket of ${storm.burst}) and answers the rest \`400 TooManyRequestsException\`. ` +
      "Goodput: successful calls per second, from the first call to the last caller's end. Amplification: " +
      "requests the endpoint received per logical call. Completion: the time of a logical call, retries and " +
      "back-off included.",
    "",
    "| client, retry policy | logical calls | succeeded % | goodput calls/s | amplification | p50 ms | p99 ms |",
    "|---|---:|---:|---:|---:|---:|---:|"
  )
  const stormRows = [...new Set(results.storm.map((s) => `${s.client}|${s.retry}`))]
  for (const row of stormRows) {
    const [client, retry] = row.split("|") as [string, string]
    const f = stormFigures(stormOf(results, client, retry))
    push(
      `| ${clientLabels[client as ClientName] ?? client}, ${retry} | ${cell(f.calls)} | ${cell(f.successRate, 1)} | ${
        cell(f.goodput)
      } | ${cell(f.amplification, 2)} | ${cell(f.p50)} | ${cell(f.p99)} |`
    )
  }
  push("")

  if (results.profiles.length > 0) {
    push(
      "## Where the CPU goes",
      "",
      "One extra run of each under the same load with `node --cpu-prof`; self time by package, idle excluded " +
        "(the profiler's own overhead included, so the totals are above the figures above).",
      ""
    )
    for (const profile of results.profiles) {
      const parts = profile.byPackage.slice(0, 8).map((s) => `${s.name} ${fixed(s.percent, 1)}%`).join(", ")
      push(`- ${clientLabels[profile.client as ClientName] ?? profile.client}: ${parts}.`)
    }
    push("")
  }

  return lines.join("\n")
}
