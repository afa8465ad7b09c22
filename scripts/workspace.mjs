// What the release, docs and consumer scripts share: the publishable packages (every
// packages/* whose package.json is not private, found by listing, so a new package is included
// without editing anything) and small process helpers.
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** `{ dir, short, manifest }` for each publishable package, sorted by folder name. */
export const publicPackages = () =>
  fs.readdirSync(path.join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, "packages", entry.name, "package.json")))
    .map((entry) => {
      const dir = path.join(root, "packages", entry.name)
      return { dir, short: entry.name, manifest: JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) }
    })
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.short.localeCompare(b.short))

/** Runs a command with inherited output; returns whether it exited 0. */
export const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: "inherit", ...options })
  return result.status === 0
}

export const pnpm = (args, options) => run("npx", ["-y", "pnpm@10", ...args], { cwd: root, ...options })

/** The tarball `pnpm pack` writes for a manifest: `@scope/name@1.0.0` → `scope-name-1.0.0.tgz`. */
export const tarballName = (manifest) => `${manifest.name.replace(/^@/, "").replace("/", "-")}-${manifest.version}.tgz`

/** Builds, then packs every publishable package into `destination`; returns `[{ dir, short, manifest, tarball }]`. */
export const packAll = (destination) => {
  fs.mkdirSync(destination, { recursive: true })
  if (!pnpm(["-s", "build"])) throw new Error("build failed")
  const packed = publicPackages().map(({ dir, manifest, short }) => {
    if (!pnpm(["pack", "--pack-destination", destination], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] })) {
      throw new Error(`pnpm pack failed in packages/${short}`)
    }
    const tarball = path.join(destination, tarballName(manifest))
    if (!fs.existsSync(tarball)) throw new Error(`pnpm pack wrote no ${path.basename(tarball)}`)
    // a stale incremental build can leave dist/ out of the tarball while everything else looks fine
    const listing = spawnSync("tar", ["-tzf", tarball], { encoding: "utf8" }).stdout ?? ""
    if (!listing.split("\n").includes("package/dist/index.js")) {
      throw new Error(`${path.basename(tarball)} holds no dist/index.js`)
    }
    return { dir, short, manifest, tarball }
  })
  if (packed.length === 0) throw new Error("no package was packed")
  return packed
}
