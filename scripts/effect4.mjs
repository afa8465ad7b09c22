// `node scripts/effect4.mjs <script> [args…]`: runs a script of the Effect 4 edition's workspace
// (effect4/: check, build, test) with Node 22 first on PATH (its floor is 22.19; npx fetches one
// where the machine's Node is older), installing the workspace first when it is not installed yet.
// The root's `pnpm test` runs both editions' tests through it.
import * as fs from "node:fs"
import * as path from "node:path"
import { editions, pnpm } from "./workspace.mjs"

const effect4 = editions.find((edition) => edition.name === "effect4")
const env = effect4.env()
const [script = "test", ...args] = process.argv.slice(2)
if (!fs.existsSync(path.join(effect4.root, "node_modules", ".modules.yaml"))) {
  console.log("::: effect4: pnpm install")
  if (!pnpm(["install", "--frozen-lockfile"], { cwd: effect4.root, env })) process.exit(1)
}
console.log(`::: effect4: pnpm ${script} ${args.join(" ")}`.trimEnd())
process.exit(pnpm(["-s", "run", script, ...args], { cwd: effect4.root, env }) ? 0 : 1)
