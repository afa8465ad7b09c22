// `pnpm bench` after the root build: builds the Effect 4 edition's bench clients (effect4/bench,
// with that workspace's packages' dist/, which those clients import) and runs bench/build/run.js on
// Node ≥ 22.19, the Effect 4 edition's floor. Every client of one run shares that Node (run.js
// starts its children with its own `process.execPath`), so the two editions are compared on the
// same one. When this Node is older, Node 22 comes from COGNITO_FEEDBACK_NODE22 or `npx -y -p
// node@22` (scripts/workspace.mjs). Arguments go to run.js: `pnpm bench -- --quick`.
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { editions, node22Bin, pnpm, root } from "../scripts/workspace.mjs"

const floor = [22, 19]
const [major, minor] = process.versions.node.split(".").map(Number)
const recentEnough = major > floor[0] || (major === floor[0] && minor >= floor[1])
const nodeBin = recentEnough ? path.dirname(process.execPath) : node22Bin()
const node = path.join(nodeBin, path.basename(process.execPath))
const effect4 = editions.find((edition) => edition.name === "effect4")
const env = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` }

if (!fs.existsSync(path.join(effect4.root, "node_modules", ".modules.yaml"))) {
  console.error("::: effect4: pnpm install")
  if (!pnpm(["install", "--frozen-lockfile"], { cwd: effect4.root, env })) process.exit(1)
}
console.error("::: effect4: tsc -b tsconfig.build.json bench")
if (!pnpm(["-s", "exec", "tsc", "-b", "tsconfig.build.json", "bench"], { cwd: effect4.root, env })) process.exit(1)

const args = process.argv.slice(2).filter((arg) => arg !== "--")
if (!recentEnough) console.error(`::: Node ${process.versions.node} < ${floor.join(".")}: running on ${node}`)
const child = spawn(node, [path.join(root, "bench", "build", "run.js"), ...args], { cwd: root, env, stdio: "inherit" })
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal))
child.on("exit", (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)))
