// `pnpm release:check`: build and pack every publishable package of both editions as it would be
// published (workspace:^ ranges rewritten by pnpm), then lint each tarball with publint (strict)
// and @arethetypeswrong/cli (ESM-only profile: the packages ship ESM alone), and check the
// editions' versions: never the same major, the Effect 4 edition's the higher. Publishes nothing.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import semver from "semver"
import { editions, packAll, publicPackages, root, run } from "./workspace.mjs"

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
const packed = editions.flatMap((edition) =>
  packAll(path.join(destination, edition.name), edition).map((pkg) => ({ ...pkg, edition: edition.name }))
)
for (const { dir, edition, manifest, short, tarball } of packed) {
  console.log(`\n::: ${edition} ${short}: ${path.basename(tarball)}`)
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
// a package of both editions: the Effect 4 one a major above, so `npm install <name>` gets it
const [effect3, effect4] = editions.map((edition) =>
  new Map(publicPackages(edition).map((pkg) => [pkg.manifest.name, pkg.manifest.version]))
)
for (const [name, version4] of effect4) {
  const version3 = effect3.get(name)
  if (version3 === undefined) failures.push(`${name}: in the Effect 4 edition only`)
  else if (!(semver.major(version4) > semver.major(version3))) {
    failures.push(`${name}: the Effect 4 edition's ${version4} is not a major above the Effect 3 edition's ${version3}`)
  }
}
if (failures.length > 0) {
  console.error(`\nrelease check failed: ${failures.join(", ")}`)
  process.exit(1)
}
console.log("\nrelease check passed: every package packs, and publint and attw find nothing")
