// Node, Bun and Deno: `main.js ENDPOINT` prints the sample's outcomes as JSON.
import { runSample } from "./app.js"

runSample(process.argv[2] ?? "").then(
  (outcomes) => console.log(JSON.stringify(outcomes)),
  (error: unknown) => {
    console.error(String(error))
    process.exitCode = 1
  }
)
