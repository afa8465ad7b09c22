// A page on another origin than the emulator: `?endpoint=URL`; the outcomes land on `globalThis.result`.
import { runSample } from "./app.js"

runSample(new URLSearchParams(location.search).get("endpoint") ?? "").then(
  (outcomes) => Object.assign(globalThis, { result: outcomes }),
  (error: unknown) => Object.assign(globalThis, { result: { error: String(error) } })
)
