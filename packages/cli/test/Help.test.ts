// `--help` of the built command and of each subcommand, as a user reads it: its own usage line
// after the program's name, its own examples, no parser boilerplate, the title once.
import * as Examples from "@cognito-feedback/cli/Examples"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { cli, linesOf } from "./support.js"

const commands = ["update-auth-event-feedback", "emulator", "serve-feedback-page", "feedback-link-template"]

// what @effect/cli writes into its own help, and its built-ins the command refuses
const boilerplate = [
  "A user-defined piece of text",
  "A true or false value",
  "One of the following",
  "This setting is optional",
  "An integer.",
  "--wizard",
  "--completions",
  "--log-level",
  "$ "
]

const assertClean = (text: string) => {
  for (const phrase of boilerplate) assert.notInclude(text, phrase)
  assert.notInclude(text, "\u001b[")
  assert.strictEqual(linesOf(text).filter((line) => line === "cognito-feedback 0.1.0").length, 1, text)
  assert.strictEqual(linesOf(text)[0], "cognito-feedback 0.1.0")
}

describe("cognito-feedback --help", () => {
  it.live("lists each command once, with the program's own examples", () =>
    Effect.gen(function*() {
      const result = yield* cli(["--help"])
      assert.strictEqual(result.code, 0, result.stderr)
      assertClean(result.stdout)
      assert.include(result.stdout, "cognito-feedback <command> [options]")
      const commandLines = linesOf(result.stdout).filter((line) => /^ {2}[a-z-]+ {2,}\S/.test(line))
      assert.deepStrictEqual(commandLines.map((line) => line.trim().split(/\s+/)[0]), commands)
      for (const example of Examples.examples["cognito-feedback"] ?? []) {
        for (const line of example.lines) assert.include(result.stdout, line)
      }
      const help = yield* cli(["help"])
      assert.strictEqual(help.stdout, result.stdout)
    }))

  for (const command of commands) {
    it.live(`${command} --help: its usage after the program's name, its options, its own examples`, () =>
      Effect.gen(function*() {
        const result = yield* cli([command, "--help"])
        assert.strictEqual(result.code, 0, result.stderr)
        assert.strictEqual(result.stderr, "")
        assertClean(result.stdout)
        const lines = linesOf(result.stdout)
        assert.strictEqual(lines[lines.indexOf("USAGE") + 1]?.trim().startsWith(`cognito-feedback ${command}`), true)
        const examples = Examples.examples[command] ?? []
        assert.isAbove(examples.length, 1)
        for (const example of examples) {
          assert.include(result.stdout, example.title)
          for (const line of example.lines) assert.include(result.stdout, line)
        }
        // not the other commands' examples
        for (const other of commands.filter((other) => other !== command)) {
          for (const example of Examples.examples[other] ?? []) {
            if (!examples.some((own) => own.title === example.title)) assert.notInclude(result.stdout, example.title)
          }
        }
        assert.include(result.stdout, "Exit codes: 0 success")
        // -h and `help` say the same
        const short = yield* cli([command, "-h"])
        assert.strictEqual(short.stdout, result.stdout)
      }))
  }

  it.live("shows each default as [default: X]", () =>
    Effect.gen(function*() {
      const emulator = yield* cli(["emulator", "--help"])
      assert.include(emulator.stdout, "[default: 127.0.0.1]")
      assert.include(emulator.stdout, "[default: 26464]")
      const page = yield* cli(["serve-feedback-page", "--help"])
      assert.include(page.stdout, "[default: 8080]")
      assert.include(page.stdout, "[default: /auth-events/feedback]")
      for (const option of ["--profile NAME", "--region REGION", "--endpoint-url URL", "--cli-read-timeout SECONDS"]) {
        assert.include(page.stdout, option)
      }
    }))

  it.live("--wizard (which needs a terminal) is refused, exit 2, one line", () =>
    Effect.gen(function*() {
      for (
        const args of [["--wizard"], ["emulator", "--wizard"], ["--completions", "bash"], [
          "emulator",
          "--log-level",
          "debug"
        ]]
      ) {
        const result = yield* cli(args)
        assert.strictEqual(result.code, 2, args.join(" "))
        assert.strictEqual(result.stdout, "")
        assert.match(result.stderr, /^UnknownOption: unknown option --(wizard|completions|log-level)/)
        assert.strictEqual(linesOf(result.stderr).length, 1)
      }
    }))
})
