/**
 * CI's closing line (`scripts/ci-tally.mjs`) from real vitest runs of small broken suites: a
 * beforeAll or afterAll that throws, an error thrown by a timer after its test, a file that does
 * not load. None may be tallied as "0 failed"; a good suite is.
 */
import { assert, describe, it } from "@effect/vitest"
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
// @ts-expect-error: a plain script of the repository, without types
import { closingLine, tallyConsumer, tallyVitest } from "../../../scripts/ci-tally.mjs"
import { root } from "./support.js"

const suites: Record<string, { readonly source: string; readonly broken: boolean }> = {
  good: { source: `it("passes", () => expect(1).toBe(1))`, broken: false },
  beforeAll: {
    source: `beforeAll(() => { throw new Error("setup") })\nit("a", () => {})\nit("b", () => {})`,
    broken: true
  },
  afterAll: { source: `afterAll(() => { throw new Error("teardown") })\nit("a", () => {})`, broken: true },
  lateTimer: {
    source:
      `it("a", async () => {\n  setTimeout(() => { throw new Error("late") }, 1)\n  await new Promise((r) => setTimeout(r, 50))\n})`,
    broken: true
  },
  notLoading: { source: `import "./does-not-exist.js"\nit("a", () => {})`, broken: true }
}

const vitestRun = (name: string, source: string) => {
  // outside the repository: inside it, vitest would find the workspace's own projects
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-tally-"))
  try {
    fs.writeFileSync(
      path.join(dir, `${name}.test.ts`),
      `import { afterAll, beforeAll, expect, it } from "vitest"\n${source}\n`
    )
    const report = path.join(dir, "report.json")
    const run = spawnSync(process.execPath, [
      path.join(root, "node_modules", "vitest", "vitest.mjs"),
      "run",
      "--root",
      dir,
      "--reporter=json",
      `--outputFile=${report}`
    ], { cwd: dir, encoding: "utf8" })
    return { report: JSON.parse(fs.readFileSync(report, "utf8")) as unknown, exitCode: run.status ?? 1 }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe("CI's closing line", () => {
  for (const [name, { broken, source }] of Object.entries(suites)) {
    it(`${name}: ${broken ? "counted as a failure" : "counted as passed"}`, () => {
      const { exitCode, report } = vitestRun(name, source)
      const tally = tallyVitest(report, exitCode) as { passed: number; failed: number; skipped: number }
      if (broken) assert.isAtLeast(tally.failed, 1, JSON.stringify(tally))
      else assert.deepStrictEqual(tally, { passed: 1, failed: 0, skipped: 0 })
    }, 30_000)
  }

  it("a consumer test that could not run, or a run that counted nothing, is a failure", () => {
    assert.strictEqual(closingLine([tallyConsumer(undefined)]).line, "0 passed, 1 failed")
    assert.strictEqual(closingLine([{ passed: 0, failed: 0, skipped: 2 }]).line, "0 passed, 1 failed, 2 skipped")
    assert.strictEqual(closingLine([{ passed: 3, failed: 0, skipped: 0 }]).line, "3 passed, 0 failed")
  })
})
