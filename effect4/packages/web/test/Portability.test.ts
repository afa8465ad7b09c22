// The page runs on Bun, Deno and edge runtimes: its source imports no Node module, and no
// package but its declared ones.
import { assert, describe, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src")
const files = fs.readdirSync(src, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"))

describe("portability", () => {
  it("imports only effect, @cognito-feedback/core, @cognito-feedback/protocol and its own modules", () => {
    assert.isAbove(files.length, 3)
    for (const file of files) {
      // without the doc comments: their examples import the package by name, as its users do
      const text = fs.readFileSync(path.join(src, file), "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "")
      for (const [, specifier] of text.matchAll(/from "([^"]+)"/g)) {
        assert.match(specifier ?? "", /^(effect\/|@cognito-feedback\/(core|protocol)\/|\.\/|\.\.\/)/, file)
      }
    }
  })
})
