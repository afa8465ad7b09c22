// What the release, docs and consumer scripts share: the two editions' workspaces, their
// publishable packages (every packages/* whose package.json is not private, found by listing, so
// a new package is included without editing anything) and small process helpers.
import { execFileSync, spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** A folder holding Node 22 (the Effect 4 edition's floor): CI's, or one fetched by npx. */
let node22
export const node22Bin = () =>
  node22 ??= process.env.COGNITO_FEEDBACK_NODE22 ??
    path.dirname(execFileSync("npx", ["-y", "-p", "node@22", "-c", "command -v node"], { encoding: "utf8" }).trim())

/**
 * The two editions: each a pnpm workspace of its own, with the npm dist-tag it is published under.
 * The Effect 4 edition holds the higher major and is `latest`; its tools run on Node 22. The
 * protocol, which both share, is published from the Effect 3 workspace's listing alone.
 */
export const editions = [
  { name: "effect3", root, distTag: "effect3", env: () => process.env },
  {
    name: "effect4",
    root: path.join(root, "effect4"),
    distTag: "latest",
    env: () => ({ ...process.env, PATH: `${node22Bin()}${path.delimiter}${process.env.PATH}` })
  }
]

/** `{ dir, short, manifest }` for each publishable package of an edition, sorted by folder name. */
export const publicPackages = (edition = editions[0]) =>
  fs.readdirSync(path.join(edition.root, "packages"), { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory() && fs.existsSync(path.join(edition.root, "packages", entry.name, "package.json"))
    )
    .map((entry) => {
      const dir = path.join(edition.root, "packages", entry.name)
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

/**
 * Builds an edition, then packs each of its publishable packages into `destination`; returns
 * `[{ dir, short, manifest, tarball }]`.
 */
export const packAll = (destination, edition = editions[0]) => {
  fs.mkdirSync(destination, { recursive: true })
  const env = edition.env()
  if (!pnpm(["-s", "build"], { cwd: edition.root, env })) throw new Error(`${edition.name}: build failed`)
  const packed = publicPackages(edition).map(({ dir, manifest, short }) => {
    if (!pnpm(["pack", "--pack-destination", destination], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] })) {
      throw new Error(`pnpm pack failed in ${path.relative(root, dir)}`)
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
