// `cognito-feedback --version` is the version in the package's manifest, wherever the built
// command is installed: read beside the code, never written by hand.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fs from "node:fs"
import * as path from "node:path"
import { cli, linesOf, root, runScript } from "./support.js"

const packageDir = path.join(root, "packages", "cli")

const manifestVersion = (dir: string): string =>
  (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version

/**
 * A copy of the built and the bundled command (`dist/`, `bin/`) beside a manifest of another version. It sits inside the
 * package, so that its imports still resolve through the package's `node_modules`.
 */
const installedCopy = (version: string) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      fs.mkdirSync(path.join(packageDir, "build"), { recursive: true })
      const dir = fs.mkdtempSync(path.join(packageDir, "build", "version-test-"))
      fs.cpSync(path.join(packageDir, "dist"), path.join(dir, "dist"), { recursive: true })
      fs.cpSync(path.join(packageDir, "bin"), path.join(dir, "bin"), { recursive: true })
      fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "@cognito-feedback/cli", version, type: "module" })
      )
      return dir
    }),
    (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
  )

describe("cognito-feedback --version", () => {
  it.live("prints the version of package.json", () =>
    Effect.gen(function*() {
      const result = yield* cli(["--version"])
      assert.strictEqual(result.code, 0, result.stderr)
      assert.deepStrictEqual(linesOf(result.stdout), [manifestVersion(packageDir)])
    }))

  it.scoped("follows the manifest it is installed with", () =>
    Effect.gen(function*() {
      const dir = yield* installedCopy("9.8.7-version.test")
      // as built, and as shipped: the bundled command
      for (const script of [path.join(dir, "dist", "bin.js"), path.join(dir, "bin", "cognito-feedback.js")]) {
        const result = yield* runScript(script, ["--version"])
        assert.strictEqual(result.code, 0, result.stderr)
        assert.deepStrictEqual(linesOf(result.stdout), ["9.8.7-version.test"])
      }
    }))
})
