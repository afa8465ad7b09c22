/**
 * How the consumer test finds the README blocks it compiles: every fenced TypeScript block of
 * every README, fragments marked by their info string, names that say where each block is.
 */
import { describe, expect, it } from "@effect/vitest"
// @ts-expect-error: a plain script of the repository, without types
import { fencedBlocks, readmeBlocks, readmeFiles } from "../readme-blocks.mjs"

interface Block {
  readonly file: string
  readonly line: number
  readonly fragment: boolean
  readonly code: string
  readonly name: string
}

describe("fencedBlocks", () => {
  it("reads each block's language, info and code, and the line of its fence", () => {
    const text = [
      "# Title",
      "```ts",
      "const a = 1",
      "```",
      "",
      "````ts fragment",
      "```",
      "x",
      "````",
      "- a list item:",
      "  ~~~sh",
      "  ls",
      "  ~~~"
    ].join("\n")
    expect(fencedBlocks(text)).toEqual([
      { line: 2, lang: "ts", info: "", code: "const a = 1\n" },
      { line: 6, lang: "ts", info: "fragment", code: "```\nx\n" },
      { line: 11, lang: "sh", info: "", code: "ls\n" }
    ])
  })

  it("refuses a block that is never closed", () => {
    expect(() => fencedBlocks("a\n```ts\nconst a = 1\n", "X.md")).toThrow("X.md:2: a code block that is never closed")
  })
})

describe("readmeBlocks", () => {
  const blocks: ReadonlyArray<Block> = readmeBlocks()

  it("reads the root README and every package's", () => {
    expect(readmeFiles()).toEqual(expect.arrayContaining(["README.md", "packages/core/README.md"]))
    expect(blocks.some((block) => block.file === "README.md")).toBe(true)
  })

  it("gives every block a file name of its own that names its README and line", () => {
    expect(new Set(blocks.map((block) => block.name)).size).toBe(blocks.length)
    for (const block of blocks) expect(block.name).toMatch(/^[\w.-]+-L\d+(\.test)?\.ts$/)
  })

  it("names the blocks that are tests .test.ts, so that vitest runs them", () => {
    for (const block of blocks) {
      expect(block.name.endsWith(".test.ts")).toBe(/from "(@effect\/)?vitest"/.test(block.code))
    }
  })
})
