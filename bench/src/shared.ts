/**
 * What every part of the benchmark agrees on: the request all clients send, the wire constants the
 * fake endpoint checks, and the small statistics helpers.
 */

/** The one request every client makes; the token has the length and alphabet of a real one. */
export const request = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: "alice",
  EventId: "c3f1a2b4-5d6e-4f70-8192-a3b4c5d6e7f8",
  FeedbackToken: "AYADeE9nQ2dbvQ.fake-token_for-bench." + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo".repeat(3) + "==",
  FeedbackValue: "Invalid"
} as const

export const target = "AWSCognitoIdentityProviderService.UpdateAuthEventFeedback"
export const contentType = "application/x-amz-json-1.1"
export const region = "us-east-1"

/** The retry behaviours the retry-storm run compares. */
export type Retry = "standard" | "adaptive" | "none"

/** A client as the harness drives it: one logical call, and a way to let the process exit. */
export interface Client {
  readonly call: () => Promise<void>
  readonly close: () => Promise<void>
}

export type MakeClient = (endpoint: string, retry?: Retry) => Promise<Client>

/**
 * Clients measured side by side, in the order they run within a round: each target's two clients
 * next to each other where they can be, so that the machine's drift between them is least.
 */
export const clientNames = [
  "undici",
  "node-http",
  "ours-node",
  "ours4-node",
  "aws-sdk",
  "effect-aws",
  "effect-plain",
  "ours-undici",
  "ours-fetch",
  "ours4-fetch",
  "effect-plain-fetch",
  "fetch"
] as const
export type ClientName = typeof clientNames[number]

export const clientLabels: Record<ClientName, string> = {
  "node-http": "raw node:http, keep-alive agent (Node floor)",
  "undici": "raw undici.request (floor)",
  "fetch": "raw fetch (floor of the fetch variants)",
  "aws-sdk": "AWS SDK v3",
  "effect-aws": "@effect-aws",
  "effect-plain": "plain Effect HttpClient (undici)",
  "effect-plain-fetch": "plain Effect HttpClient (fetch)",
  "ours-node": "cognito-feedback, node:http (@cognito-feedback/node)",
  "ours-undici": "cognito-feedback, undici",
  "ours-fetch": "cognito-feedback, fetch",
  "ours4-node": "cognito-feedback, Effect 4 edition, node:http (@cognito-feedback/node)",
  "ours4-fetch": "cognito-feedback, Effect 4 edition, fetch (Effect 4's FetchHttpClient)"
}

/**
 * The Effect 4 edition's clients. Their sources are in the Effect 4 workspace (`effect4/bench`),
 * where `effect` resolves to 4 and `@cognito-feedback/*` to that edition's packages; the root
 * bench only runs what that package built.
 */
export const effect4Clients: ReadonlyArray<ClientName> = ["ours4-node", "ours4-fetch"]

/**
 * Where a client's module is, relative to the root bench's build folder (`bench/build`): its
 * `make` (`clients`) or its one-call cold-start entry (`cold`). The Effect 4 edition's are built by
 * `effect4/bench` with the repository root as its `rootDir` (see its tsconfig.json), hence the path.
 */
export const clientModule = (name: ClientName, kind: "clients" | "cold"): string =>
  effect4Clients.includes(name)
    ? `../../effect4/bench/build/effect4/bench/src/${kind}/${name}.js`
    : `./${kind}/${name}.js`

/** The command whose start-to-exit time is measured, beside its floor: a `node` that does nothing. */
export const commands = {
  "node -e 0": ["-e", "0"],
  "cognito-feedback --dry-run": [
    "packages/cli/bin/cognito-feedback.js",
    "update-auth-event-feedback",
    "--user-pool-id",
    "us-east-1_AbCdEf123",
    "--username",
    "alice",
    "--event-id",
    "e1",
    "--feedback-token",
    "tok",
    "--feedback-value",
    "valid",
    "--dry-run"
  ]
} as const
export type CommandName = keyof typeof commands

const sorted = (values: ReadonlyArray<number>): Array<number> => [...values].sort((a, b) => a - b)

/** Nearest-rank percentile, `p` in 0..100. */
export const percentile = (values: ReadonlyArray<number>, p: number): number => {
  const s = sorted(values)
  if (s.length === 0) return Number.NaN
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))
  return s[rank] ?? Number.NaN
}

export const median = (values: ReadonlyArray<number>): number => {
  const s = sorted(values)
  if (s.length === 0) return Number.NaN
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] ?? Number.NaN : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly samples: ReadonlyArray<number>
}

export const summarize = (samples: ReadonlyArray<number>): Summary => ({
  median: median(samples),
  min: samples.length === 0 ? Number.NaN : Math.min(...samples),
  max: samples.length === 0 ? Number.NaN : Math.max(...samples),
  samples
})

/** Reads `--name value` from the command line. */
export const argument = (name: string, fallback?: string): string => {
  const index = process.argv.indexOf(`--${name}`)
  const value = index === -1 ? undefined : process.argv[index + 1]
  if (value !== undefined) return value
  if (fallback !== undefined) return fallback
  throw new Error(`missing --${name}`)
}

export const numberArgument = (name: string, fallback: number): number => {
  const value = Number(argument(name, String(fallback)))
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number`)
  return value
}
