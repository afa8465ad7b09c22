/**
 * The generated API reference as a renderer reads it: every module page opens with front matter
 * that parses as YAML and names its title, its place in the navigation and its parent; every
 * package of the index has its pages.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { parse } from "yaml"

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "docs")
const pages = fs.readdirSync(docs, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts.md"))
  .sort()

/** The front matter of a page: the YAML between a first line `---` and the next `---` line. */
const frontMatter = (text: string): unknown => {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  if (match === null) throw new Error("the page does not open with a front matter block (---, fields, ---)")
  return parse(match[1] ?? "")
}

describe("docs/", () => {
  it("has module pages", () => {
    expect(pages.length).toBeGreaterThan(10)
  })

  it.each(pages)("%s opens with front matter that parses", (page) => {
    const fields = frontMatter(fs.readFileSync(path.join(docs, page), "utf8"))
    expect(fields).toMatchObject({
      title: path.basename(page, ".md"),
      nav_order: expect.any(Number),
      parent: expect.any(String)
    })
  })

  it("links every page from the index, and nothing else", () => {
    const index = fs.readFileSync(path.join(docs, "README.md"), "utf8")
    const linked = [...index.matchAll(/\]\(([^)]+\.ts\.md)\)/g)].map((match) => match[1]).sort()
    expect(linked).toEqual(pages.map((page) => page.replaceAll(path.sep, "/")))
  })

  it("finds a broken page broken", () => {
    expect(() => frontMatter("***\n\ntitle: X.ts\nnav_order: 1\n")).toThrow(/front matter/)
    expect(() => frontMatter("---\ntitle: [unclosed\n---\n")).toThrow()
  })
})
