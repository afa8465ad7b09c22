// The TypeScript blocks of the READMEs a user reads (the root's and each publishable package's,
// which is also its page on the registry), as the consumer test compiles them against the packed
// packages. Each `ts`/`typescript` block is a module of its own; one whose info string says
// `ts fragment` cannot stand alone (a line to add to code shown elsewhere) and is only counted.
// A block whose info string says `effect4` is written for the Effect 4 edition: the consumer test
// compiles it against that edition's tarballs, and the others against the Effect 3 edition's.
import * as fs from "node:fs"
import * as path from "node:path"
import { editions, publicPackages, root } from "./workspace.mjs"

/** The READMEs, relative to the repository's root: the root's first, then each package's. */
export const readmeFiles = () =>
  [
    "README.md",
    ...editions.flatMap((edition) =>
      publicPackages(edition).map(({ dir }) => path.relative(root, path.join(dir, "README.md")))
    )
  ].filter((file) => fs.existsSync(path.join(root, file)))

const fence = /^( *)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/

/**
 * The fenced blocks of one markdown text: `{ line, lang, info, code }`, `line` the 1-based line of
 * the opening fence. A block in a list item is indented: its indent is taken off every line. An
 * unclosed fence is an error, as a renderer would swallow the rest.
 */
export const fencedBlocks = (text, file = "markdown") => {
  const blocks = []
  const lines = text.split("\n")
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i])
    if (!open) continue
    const [, indent, marker, lang, info] = open
    const start = i
    const body = []
    for (i++; i < lines.length && !lines[i].trimStart().startsWith(marker); i++) {
      body.push(lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i])
    }
    if (i === lines.length) throw new Error(`${file}:${start + 1}: a code block that is never closed`)
    blocks.push({ line: start + 1, lang: lang.toLowerCase(), info: info.trim(), code: body.join("\n") + "\n" })
  }
  return blocks
}

const typescript = new Set(["ts", "typescript", "tsx"])

/**
 * The TypeScript blocks of every README for one edition (`effect3` by default):
 * `{ file, line, fragment, code, name }`, `name` a module file name that says where the block is
 * (`packages-core-README-L42.ts`, `.test.ts` when the block is a test file, so a runner finds it).
 * A package README of the other edition's folder, and a block marked for the other edition, are left out.
 */
export const readmeBlocks = (edition = "effect3") =>
  readmeFiles().filter((file) => file.startsWith("effect4") === (edition === "effect4") || file === "README.md")
    .flatMap((file) =>
      fencedBlocks(fs.readFileSync(path.join(root, file), "utf8"), file)
        .filter((block) => typescript.has(block.lang))
        .filter((block) => block.info.split(/\s+/).includes("effect4") === (edition === "effect4"))
        .map((block) => {
          const isTest = /from "(?:@effect\/)?vitest"/.test(block.code)
          const stem = file.replace(/\.md$/, "").replaceAll(/[/\\]/g, "-")
          return {
            file,
            line: block.line,
            fragment: block.info.split(/\s+/).includes("fragment"),
            code: block.code,
            name: `${stem}-L${block.line}${isTest ? ".test.ts" : ".ts"}`
          }
        })
    )
