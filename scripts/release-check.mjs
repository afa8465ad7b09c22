// `pnpm release:check`: build and pack every publishable package as it would be published
// (workspace:^ ranges rewritten by pnpm), then lint each tarball with publint (strict) and
// @arethetypeswrong/cli (ESM-only profile: the packages ship ESM alone). Publishes nothing.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { packAll, root, run } from "./workspace.mjs"

// attw does not expand a "./*" export: name each module it serves (dist/*.js), less those mapped to null
const entrypoints = (dir, manifest) => {
  const closed = new Set(Object.keys(manifest.exports).filter((key) => manifest.exports[key] === null))
  const modules = manifest.exports["./*"] === undefined ? [] : fs.readdirSync(path.join(dir, "dist"))
    .filter((file) => file.endsWith(".js") && file !== "index.js")
    .map((file) => `./${file.slice(0, -3)}`)
  return [...Object.keys(manifest.exports).filter((key) => !key.includes("*")), ...modules]
    .filter((key) => !closed.has(key))
}

const destination = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-release-"))
const bin = (name) => path.join(root, "node_modules", ".bin", name)
const failures = []
for (const { dir, manifest, short, tarball } of packAll(destination)) {
  console.log(`\n::: ${short}: ${path.basename(tarball)}`)
  // npm packs a LICENSE only from the package's own folder
  if (!fs.existsSync(path.join(dir, "LICENSE"))) failures.push(`${short}: no LICENSE (copy the root one)`)
  if (!run(bin("publint"), ["run", tarball, "--strict"])) failures.push(`${short}: publint`)
  if (
    !run(bin("attw"), [
      tarball,
      "--profile",
      "esm-only",
      "--format",
      "table-flipped",
      "--entrypoints",
      ...entrypoints(dir, manifest)
    ])
  ) failures.push(`${short}: attw`)
}
fs.rmSync(destination, { recursive: true, force: true })
if (failures.length > 0) {
  console.error(`\nrelease check failed: ${failures.join(", ")}`)
  process.exit(1)
}
console.log("\nrelease check passed: every package packs, and publint and attw find nothing")
