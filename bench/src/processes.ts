/**
 * Child processes of the benchmark: every one is tracked, bounded in time and killed when the run
 * ends, however it ends.
 */
import { type ChildProcess, spawn } from "node:child_process"

const children = new Set<ChildProcess>()

export const killAll = (): void => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  }
  children.clear()
}

process.on("exit", killAll)
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAll()
    process.exit(130)
  })
}

/** The environment of every child: no AWS settings leak in, and no SDK looks for instance metadata. */
export const childEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("AWS_") && !key.startsWith("NODE_OPTIONS")) env[key] = value
  }
  env.AWS_EC2_METADATA_DISABLED = "true"
  return env
}

export interface Finished {
  readonly stdout: string
  readonly stderr: string
  readonly code: number | null
  /** Milliseconds from spawning to the first stdout line containing `mark`, if asked for. */
  readonly markMillis: number | undefined
  /** Milliseconds from spawning to the process's exit. */
  readonly exitMillis: number
}

/** Runs `node args` to completion (killed after `timeoutMillis`), timing its first `mark` and its exit. */
export const runNode = (
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly timeoutMillis: number; readonly mark?: string | undefined }
): Promise<Finished> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe"]
    })
    children.add(child)
    let stdout = ""
    let stderr = ""
    let markMillis: number | undefined
    child.stdout.setEncoding("utf8")
    child.stderr.setEncoding("utf8")
    child.stdout.on("data", (data: string) => {
      if (markMillis === undefined && options.mark !== undefined && (stdout + data).includes(options.mark)) {
        markMillis = performance.now() - started
      }
      stdout += data
    })
    child.stderr.on("data", (data: string) => {
      stderr += data
    })
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMillis)
    child.on("error", (error) => {
      clearTimeout(timer)
      children.delete(child)
      reject(error)
    })
    child.on("exit", (code) => {
      const exitMillis = performance.now() - started
      clearTimeout(timer)
      children.delete(child)
      resolve({ stdout, stderr, code, markMillis, exitMillis })
    })
  })

export interface Server {
  readonly url: string
  readonly stop: () => void
}

/** Starts the fake endpoint; it lives until `stop` or until this process goes (its stdin closes). */
export const startServer = (script: string, args: ReadonlyArray<string>): Promise<Server> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: childEnv(), stdio: ["pipe", "pipe", "inherit"] })
    children.add(child)
    let out = ""
    child.stdout.setEncoding("utf8")
    child.stdout.on("data", (data: string) => {
      out += data
      const match = /listening (\d+)/.exec(out)
      if (match !== null) {
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          stop: () => {
            child.stdin.end()
            child.kill("SIGTERM")
            children.delete(child)
          }
        })
      }
    })
    child.on("error", reject)
    child.on("exit", (code) => reject(new Error(`the fake endpoint exited early (${code})`)))
  })

/** A request to the fake endpoint's own routes (`/__stats`, `/__reset`). */
export const control = async (url: string, path: string): Promise<unknown> => {
  const response = await fetch(`${url}${path}`, { method: path === "/__reset" ? "POST" : "GET" })
  return response.json()
}
