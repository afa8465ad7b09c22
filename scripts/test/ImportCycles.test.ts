/**
 * No module of a package imports, through any chain, a module that imports it back: a cycle makes
 * the order of evaluation an accident, and a port to the other Effect edition would have to untie
 * it. Type-only imports count too (madge reads them), since they tie the modules' designs together.
 */
import { describe, expect, it } from "@effect/vitest"
import madge from "madge"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const packages = fs.readdirSync(path.join(root, "packages")).filter((name) =>
  fs.existsSync(path.join(root, "packages", name, "src"))
)

describe("import cycles", () => {
  it("finds the packages", () => {
    expect(packages).toContain("protocol")
  })

  it.each(packages)("packages/%s/src has none", async (name) => {
    const graph = await madge(path.join(root, "packages", name, "src"), {
      fileExtensions: ["ts"],
      tsConfig: path.join(root, "tsconfig.base.json"),
      detectiveOptions: { ts: { skipTypeImports: false } }
    })
    // another package's modules are reached through its imports too: their cycles are its own test's
    const own = graph.circular().filter((cycle) => cycle.every((file) => !file.startsWith("..")))
    expect(own).toEqual([])
  })
})
