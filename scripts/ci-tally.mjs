// CI's closing line, `N passed, N failed` (and `, N skipped`), read from the consumer test's
// results file and vitest's JSON reports. Every way a run can fail counts as a failure, not only a
// failed test: a file that did not load, a beforeAll/afterAll that threw, an unhandled error, a
// consumer run that could not start, and a run that counted nothing at all.
// `node scripts/ci-tally.mjs consumer.json vitest.json:EXIT [vitest-load.json:EXIT]`, each report
// with the exit code of its run; exits 1 on any failure.
import * as fs from "node:fs"
import { fileURLToPath } from "node:url"

/**
 * The counts of one vitest JSON report and the exit code of its run. The report misses an error
 * thrown outside any test (a timer after its test ended: the report says success, vitest exits 1),
 * so a failed run whose report shows no failure counts as one.
 */
export const tallyVitest = (report, exitCode = 0) => {
  // a file that failed without a failed test of its own: it did not load, or a hook threw
  const brokenFiles =
    report.testResults.filter((file) =>
      file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")
    ).length
  const unhandled = (report.success === false || exitCode !== 0) && report.numFailedTests + brokenFiles === 0 ? 1 : 0
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles + unhandled,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0)
  }
}

/** The counts of the consumer test's results file, or one failure when it could not run at all. */
export const tallyConsumer = (results) =>
  results === undefined
    ? { passed: 0, failed: 1, skipped: 0 }
    : { passed: results.passed, failed: results.failed, skipped: 0 }

/** The closing line of all the counts; a run that counted nothing is a failure. */
export const closingLine = (tallies) => {
  const sum = (key) => tallies.reduce((total, tally) => total + tally[key], 0)
  const passed = sum("passed")
  const failed = passed + sum("failed") === 0 ? 1 : sum("failed")
  const skipped = sum("skipped")
  return { failed, line: `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : "") }
}

const readJson = (file) => file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [consumer, ...vitestRuns] = process.argv.slice(2)
  const tallies = [tallyConsumer(readJson(consumer))]
  for (const run of vitestRuns) {
    const separator = run.lastIndexOf(":")
    const file = separator === -1 ? run : run.slice(0, separator)
    const exitCode = separator === -1 ? 0 : Number(run.slice(separator + 1))
    const report = readJson(file)
    // a run that wrote no report, yet failed, failed as a whole
    if (report !== undefined) tallies.push(tallyVitest(report, exitCode))
    else if (file !== "" && exitCode !== 0) tallies.push({ passed: 0, failed: 1, skipped: 0 })
  }
  const { failed, line } = closingLine(tallies)
  console.log(line)
  process.exit(failed > 0 ? 1 : 0)
}
