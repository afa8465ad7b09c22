import { execFileSync } from "node:child_process"
import { createRequire } from "node:module"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")

// The end-to-end tests spawn the bundled command as a user would: build and bundle it first.
// Incremental, so it costs about a second when nothing changed; a build error stops the run
// instead of testing a stale bundle.
export default function setup() {
  const tsc = createRequire(path.join(root, "package.json")).resolve("typescript/bin/tsc")
  execFileSync(process.execPath, [tsc, "-b", "tsconfig.build.json"], { cwd: root, stdio: "inherit" })
  execFileSync(process.execPath, [path.join(root, "packages/cli/scripts/bundle.mjs")], { cwd: root, stdio: "inherit" })
}
