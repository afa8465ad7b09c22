/**
 * The protocol is for every edition and runtime: it depends on nothing, and its source imports
 * only its own modules (no `effect`, no `node:`), which the lint rule also enforces.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"
import { describe, expect, it } from "vitest"

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..")

describe("packages/protocol", () => {
  it("declares no dependency of any kind but its tests'", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
      expect([field, manifest[field]]).toEqual([field, undefined])
    }
  })

  it("imports only its own modules", () => {
    const sources = fs.readdirSync(path.join(root, "src"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
    expect(sources.length).toBeGreaterThan(0)
    for (const file of sources) {
      const text = fs.readFileSync(path.join(root, "src", file), "utf8")
      // the compiler's own reading: static imports, re-exports and import() calls, not strings
      const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName)
      expect([file, specifiers.filter((specifier) => !specifier?.startsWith("."))]).toEqual([file, []])
    }
  })
})
