/**
 * The shipped command: `dist/bin.js` and everything it imports, bundled by esbuild into minified
 * `bin/cognito-feedback.js`: one file to read and compile at start-up instead of hundreds of
 * modules to resolve. The emulator's modules stay behind their dynamic import, in a chunk of their
 * own (`bin/chunks/`), read only when `emulator` runs. Run after `tsc -b` (root `build`).
 */
import * as esbuild from "esbuild"
import { chmodSync, rmSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const cli = dirname(dirname(fileURLToPath(import.meta.url)))
const outdir = join(cli, "bin")

// chunk names carry a hash: start empty so no stale chunk ships
rmSync(outdir, { recursive: true, force: true })
await esbuild.build({
  entryPoints: [{ in: join(cli, "dist", "bin.js"), out: "cognito-feedback" }],
  outdir,
  // the emulator's code (an HTTP server and the simulator) goes to a chunk of its own
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  minify: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // CommonJS dependencies call `require` for Node's modules; an ESM bundle has to provide it
  banner: {
    js:
      "import { createRequire as __cfCreateRequire } from \"node:module\";const require = __cfCreateRequire(import.meta.url);"
  },
  legalComments: "none",
  logLevel: "warning"
})
chmodSync(join(outdir, "cognito-feedback.js"), 0o755)
