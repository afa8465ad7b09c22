// The built `cognito-feedback` command as servers for the browser tests: each started on port 0,
// read from its first line, and stopped with its scope.
import { Data, Duration, Effect } from "effect"
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { adminListUserAuthEvents } from "../../cli/test/support.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const bin = path.join(root, "packages", "cli", "bin", "cognito-feedback.js")

export class ProcessError extends Data.TaggedError("ProcessError")<{ readonly message: string }> {}

export interface Server {
  readonly url: string
  /** Every line printed on standard output so far, the first (`listening on …`) included. */
  readonly lines: () => ReadonlyArray<string>
  readonly stderr: () => string
}

/** `cognito-feedback ...args` (a server), once it prints `listening on URL`; stopped with the scope. */
export const startServer = (args: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    let stdout = ""
    let stderr = ""
    const child = yield* Effect.acquireRelease(
      Effect.sync(() => {
        const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")))
        const child = spawn(process.execPath, [bin, ...args], { cwd: root, env })
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
        return child
      }),
      (child) =>
        Effect.async<void>((resume) => {
          if (child.exitCode !== null || child.signalCode !== null) return resume(Effect.void)
          const timer = setTimeout(() => child.kill("SIGKILL"), 5_000)
          child.once("exit", () => {
            clearTimeout(timer)
            resume(Effect.void)
          })
          child.kill("SIGTERM")
        })
    )
    const url = yield* Effect.gen(function*() {
      for (;;) {
        const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)
        if (match?.[1] !== undefined) return match[1]
        if (child.exitCode !== null) {
          return yield* new ProcessError({ message: `${args[0]} exited (${child.exitCode}): ${stderr}` })
        }
        yield* Effect.sleep(Duration.millis(20))
      }
    }).pipe(
      Effect.timeoutFail({
        duration: Duration.seconds(20),
        onTimeout: () => new ProcessError({ message: `${args[0]}: no first line` })
      })
    )
    return {
      url,
      lines: () => stdout.split("\n").filter((line) => line !== ""),
      stderr: () => stderr
    } satisfies Server
  })

/** The feedback the emulator recorded for one event, read through AdminListUserAuthEvents. */
export const feedbackOf = (emulatorUrl: string, userPoolId: string, username: string, eventId: string) =>
  Effect.map(
    Effect.orDie(adminListUserAuthEvents(emulatorUrl, userPoolId, username)),
    (listed) => listed.AuthEvents.find((event) => event.EventId === eventId)?.EventFeedback
  )
