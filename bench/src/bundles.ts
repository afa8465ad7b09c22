/**
 * One-call entries bundled with esbuild as Lambda users deploy them: minified ESM for Node, every
 * dependency inlined. Reports the size, minified and gzipped, and which packages the bytes come from.
 */
import * as esbuild from "esbuild"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { gzipSync } from "node:zlib"

export interface Bundle {
  readonly name: string
  readonly entry: string
  /** `module` first (the ESM builds, what esbuild picks for the browser) or `main` first (esbuild's Node default). */
  readonly mainFields: "module" | "main"
  readonly file: string
  readonly bytes: number
  readonly gzipBytes: number
  /** Minified bytes by package, largest first. */
  readonly byPackage: ReadonlyArray<{ readonly name: string; readonly bytes: number }>
}

const packageOfInput = (path: string): string => {
  const modules = path.lastIndexOf("node_modules/")
  if (modules === -1) {
    const ours = /packages\/(\w+)\//.exec(path)
    return ours === null ? "bench entry" : `@cognito-feedback/${ours[1]}`
  }
  const [scope, name] = path.slice(modules + "node_modules/".length).split("/")
  return scope?.startsWith("@") ? `${scope}/${name}` : scope ?? path
}

// CommonJS dependencies call `require` for Node's modules; an ESM bundle has to provide it.
const banner = "import { createRequire as __benchCreateRequire } from \"node:module\";" +
  "const require = __benchCreateRequire(import.meta.url);"

export const bundle = async (
  options: { readonly name: string; readonly entry: string; readonly mainFields: "module" | "main"; outDir: string }
): Promise<Bundle> => {
  const file = join(options.outDir, `${options.name}.mjs`)
  const result = await esbuild.build({
    entryPoints: [options.entry],
    outfile: file,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    mainFields: options.mainFields === "module" ? ["module", "main"] : ["main", "module"],
    banner: { js: banner },
    metafile: true,
    logLevel: "silent",
    legalComments: "none"
  })
  const output = Object.values(result.metafile.outputs)[0]
  const byPackage = new Map<string, number>()
  for (const [path, input] of Object.entries(output?.inputs ?? {})) {
    const name = packageOfInput(path)
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput)
  }
  const contents = readFileSync(file)
  return {
    name: options.name,
    entry: options.entry,
    mainFields: options.mainFields,
    file,
    bytes: contents.length,
    gzipBytes: gzipSync(contents).length,
    byPackage: [...byPackage.entries()].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes }))
  }
}
