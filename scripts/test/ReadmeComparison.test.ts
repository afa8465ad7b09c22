/**
 * The README's testing section compares its suite with the same suite written with
 * aws-sdk-client-mock, in lines: the figures it states are the files' own.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
// @ts-expect-error: a plain script of the repository, without types
import { readmeBlocks } from "../readme-blocks.mjs"

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const nonBlank = (lines: ReadonlyArray<string>) => lines.filter((line) => line.trim() !== "").length

describe("the README's comparison with aws-sdk-client-mock", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")
  const stated = /The tests are (\d+) lines \(imports included, blank lines not\)[\s\S]*?is (\d+) lines/.exec(readme)

  it("states both counts", () => {
    expect(stated).not.toBeNull()
  })

  it("states the lines of its own suite: the block's, without the code under test", () => {
    const block = (readmeBlocks() as ReadonlyArray<{ file: string; name: string; code: string }>)
      .find((candidate) => candidate.file === "README.md" && candidate.name.endsWith(".test.ts"))
    const lines = block?.code.split("\n") ?? []
    const from = lines.findIndex((line) => line.startsWith("// the code under test"))
    const to = lines.findIndex((line) => line.startsWith("// the tests"))
    expect(from).toBeGreaterThanOrEqual(0)
    expect(to).toBeGreaterThan(from)
    expect(nonBlank([...lines.slice(0, from), ...lines.slice(to)])).toBe(Number(stated?.[1]))
  })

  it("states the lines of the aws-sdk-client-mock suite, without its header comment", () => {
    const file = path.join(root, "examples", "comparison", "feedback-link-handler-sdk.test.ts")
    const source = fs.readFileSync(file, "utf8").replace(/^\/\*\*[\s\S]*?\*\/\n/, "")
    expect(nonBlank(source.split("\n"))).toBe(Number(stated?.[2]))
  })
})
