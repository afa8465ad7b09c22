import { Context, Data, Duration, Effect, Layer } from "effect"
import type { ChildProcess } from "node:child_process"
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as Net from "node:net"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
export const bin = path.join(root, "packages", "cli", "bin", "cognito-feedback.js")
export const demo = path.join(root, "packages", "cli", "dist", "demo.js")

export class ProcessError extends Data.TaggedError("ProcessError")<{ readonly message: string }> {}

export interface Result {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** A path where no file is: the shared config and credentials files of a test that names none. */
export const noFile = path.join(os.tmpdir(), "cognito-feedback-cli-no-such-dir", "none")

/**
 * The environment of a spawned command: the parent's without any AWS_* variable and with no
 * shared config or credentials file (so the machine's AWS settings, `~/.aws/config` included,
 * cannot change a test), without colours, plus `extra`.
 */
const envWith = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith("AWS_")) env[name] = value
  }
  return { ...env, NO_COLOR: "1", AWS_CONFIG_FILE: noFile, AWS_SHARED_CREDENTIALS_FILE: noFile, ...extra }
}

export interface RunOptions {
  /** Written to standard input, which is then closed (closed at once when absent). */
  readonly stdin?: string
  readonly env?: Record<string, string>
  readonly timeout?: Duration.DurationInput
}

/**
 * `node script ...args` to completion, as a shell runs it; killed if it outlives `timeout`.
 */
export const runScript = (script: string, args: ReadonlyArray<string>, options: RunOptions = {}) =>
  Effect.async<Result, ProcessError>((resume) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: envWith(options.env ?? {}) })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", (error) => resume(Effect.fail(new ProcessError({ message: error.message }))))
    child.on("close", (code, signal) => resume(Effect.succeed({ code, signal, stdout, stderr })))
    child.stdin.on("error", () => {}) // the command may exit before reading it all
    child.stdin.end(options.stdin ?? "")
    return Effect.sync(() => {
      child.kill("SIGKILL")
    })
  }).pipe(
    Effect.timeoutFail({
      duration: options.timeout ?? Duration.seconds(30),
      onTimeout: () => new ProcessError({ message: `${path.basename(script)} ${args.join(" ")}: timed out` })
    })
  )

/** `cognito-feedback ...args`. */
export const cli = (args: ReadonlyArray<string>, options?: RunOptions) => runScript(bin, args, options)

/** Every line of `text`, without the empty last one. */
export const linesOf = (text: string): ReadonlyArray<string> => text.split("\n").filter((line) => line !== "")

/** Polls `check` every 20 ms until it holds, failing after `timeout`. */
export const eventually = <A>(
  what: string,
  check: Effect.Effect<A | undefined>,
  timeout: Duration.DurationInput = Duration.seconds(10)
) =>
  Effect.gen(function*() {
    for (;;) {
      const value = yield* check
      if (value !== undefined) return value
      yield* Effect.sleep(Duration.millis(20))
    }
  }).pipe(
    Effect.timeoutFail({ duration: timeout, onTimeout: () => new ProcessError({ message: `${what}: timed out` }) })
  )

/** Whether anything accepts connections on `port` of 127.0.0.1. */
export const isListening = (port: number) =>
  Effect.async<boolean>((resume) => {
    const socket = Net.connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resume(Effect.succeed(true))
    })
    socket.once("error", () => resume(Effect.succeed(false)))
    return Effect.sync(() => socket.destroy())
  })

/** A port that was just free: nothing listens on it. */
export const closedPort = Effect.async<number>((resume) => {
  const server = Net.createServer()
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

/** A temporary file holding `text`, removed with the scope. */
export const tempFile = (name: string, text: string) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-cli-"))
      const file = path.join(dir, name)
      fs.writeFileSync(file, text)
      return file
    }),
    (file) => Effect.sync(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }))
  )

export interface EmulatorProcess {
  readonly url: string
  readonly port: number
  readonly child: ChildProcess
  /** Every line the emulator printed on standard output so far. */
  readonly lines: Effect.Effect<ReadonlyArray<string>>
  readonly stderr: Effect.Effect<string>
  /** Resolves with the exit code and signal once the process has exited. */
  readonly exited: Effect.Effect<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>
}

const waitForExit = (child: ChildProcess) =>
  Effect.async<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>((resume) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return resume(Effect.succeed({ code: child.exitCode, signal: child.signalCode }))
    }
    child.once("exit", (code, signal) => resume(Effect.succeed({ code, signal })))
  })

/**
 * `cognito-feedback ...args`, a server, started once its first line gives the URL. The scope stops
 * it: SIGTERM, then SIGKILL if it has not exited within 5 seconds.
 */
export const startServer = (args: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const what = args[0] ?? "the server"
    const child = yield* Effect.acquireRelease(
      Effect.sync(() => spawn(process.execPath, [bin, ...args], { cwd: root, env: envWith({}) })),
      (child) =>
        Effect.gen(function*() {
          if (child.exitCode !== null || child.signalCode !== null) return
          child.kill("SIGTERM")
          yield* waitForExit(child).pipe(
            Effect.timeout(Duration.seconds(5)),
            Effect.catchAll(() => Effect.sync(() => child.kill("SIGKILL")))
          )
        })
    )
    let stdout = ""
    let stderr = ""
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const lines = Effect.sync(() => linesOf(stdout))
    const first = yield* eventually(
      `${what}'s first line`,
      Effect.flatMap(lines, (lines) => {
        if (lines[0] !== undefined) return Effect.succeed(lines[0])
        if (child.exitCode !== null) {
          return Effect.fail(new ProcessError({ message: `${what} exited (${child.exitCode}): ${stderr}` }))
        }
        return Effect.succeed(undefined)
      }).pipe(Effect.orDie)
    )
    const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first)
    if (match === null || match[1] === undefined || match[2] === undefined) {
      return yield* new ProcessError({ message: `unexpected first line: ${first}` })
    }
    return {
      url: match[1],
      port: Number(match[2]),
      child,
      lines,
      stderr: Effect.sync(() => stderr),
      exited: waitForExit(child)
    } satisfies EmulatorProcess
  })

/** `cognito-feedback emulator --port 0 ...args`, started (see `startServer`). */
export const startEmulator = (args: ReadonlyArray<string> = []) => startServer(["emulator", "--port", "0", ...args])

export class Emulator extends Context.Tag("test/Emulator")<Emulator, EmulatorProcess>() {}

/** One emulator process shared by the tests of a file, seeded from `seed` (JSON) or the built-in sample. */
export const emulatorLayer = (seed?: unknown) =>
  Layer.scoped(
    Emulator,
    seed === undefined
      ? startEmulator()
      : Effect.flatMap(tempFile("seed.json", JSON.stringify(seed)), (file) => startEmulator(["--seed", file]))
  )

/**
 * The request lines the emulator printed after the first `skip` lines, once `count` of them are
 * there; with `count` 0, after giving it 300 ms to print anything it would have printed.
 */
export const requestLines = (emulator: EmulatorProcess, skip: number, count: number) =>
  count === 0
    ? Effect.zipRight(Effect.sleep(Duration.millis(300)), Effect.map(emulator.lines, (lines) => lines.slice(skip)))
    : eventually(
      `${count} request line(s)`,
      Effect.map(emulator.lines, (lines) => lines.length >= skip + count ? lines.slice(skip) : undefined)
    )

/** POSTs AdminListUserAuthEvents with a SigV4-shaped Authorization header (the emulator checks its shape). */
export const adminListUserAuthEvents = (url: string, userPoolId: string, username: string) =>
  Effect.tryPromise({
    try: async () => {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "AWSCognitoIdentityProviderService.AdminListUserAuthEvents",
          authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261101/us-east-1/cognito-idp/aws4_request, " +
            "SignedHeaders=host, Signature=00"
        },
        body: JSON.stringify({ UserPoolId: userPoolId, Username: username })
      })
      return await response.json() as {
        readonly AuthEvents: ReadonlyArray<{
          readonly EventId: string
          readonly EventFeedback?: { readonly FeedbackValue: string; readonly Provider: string }
        }>
      }
    },
    catch: (error) => new ProcessError({ message: String(error) })
  })

/** `update-auth-event-feedback` with every required option, for the sample's event. */
export const sampleUpdate: ReadonlyArray<string> = [
  "update-auth-event-feedback",
  "--user-pool-id",
  "us-east-1_Example1",
  "--username",
  "alice",
  "--event-id",
  "evt-1",
  "--feedback-token",
  "tok.valid-1",
  "--feedback-value",
  "Invalid"
]
