// The command line checked against the real commands' specs, in process: every mistake named as
// typed, the AWS CLI's options recognised, the parser's own errors said with the option's name.
import * as Cli from "@cognito-feedback/cli/Cli"
import * as CommandLine from "@cognito-feedback/cli/CommandLine"
import * as CommandSpec from "@cognito-feedback/cli/CommandSpec"
import * as Examples from "@cognito-feedback/cli/Examples"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as ValidationError from "@effect/cli/ValidationError"
import { assert, describe, it } from "@effect/vitest"
import { sampleUpdate } from "./support.js"

const specs = Cli.specs()
const specOf = (name: string) => {
  const spec = specs.find((spec) => spec.name === name)
  if (spec === undefined) throw new Error(`no command ${name}`)
  return spec
}

const invalid = (error: string, message: string): CommandLine.Outcome => ({ _tag: "Invalid", error, message })
const check = (args: ReadonlyArray<string>) => CommandLine.check(specs, args)

describe("CommandLine.check", () => {
  it("hands a right command line to the parser", () => {
    assert.deepStrictEqual(check(sampleUpdate), { _tag: "Parse" })
    assert.deepStrictEqual(check([...sampleUpdate, "--output=json", "--dry-run", "--debug", "false"]), {
      _tag: "Parse"
    })
    assert.deepStrictEqual(check(["emulator", "--port", "-1"]), { _tag: "Parse" }) // the range is the handler's
    assert.deepStrictEqual(check(["--version"]), { _tag: "Parse" })
    assert.deepStrictEqual(check([]), { _tag: "Parse" })
  })

  it("names an unknown option with the nearest real one", () => {
    const typed = sampleUpdate.map((arg) => arg === "--user-pool-id" ? "--user-pool" : arg)
    assert.deepStrictEqual(
      check(typed),
      invalid("UnknownOption", "unknown option --user-pool (did you mean --user-pool-id?)")
    )
    assert.deepStrictEqual(
      check([...sampleUpdate, "--feedbak-value", "Valid"]),
      invalid("UnknownOption", "unknown option --feedbak-value (did you mean --feedback-value?)")
    )
    assert.deepStrictEqual(check([...sampleUpdate, "--bogus", "1"]), invalid("UnknownOption", "unknown option --bogus"))
    // a value is never repeated: `--feedback-tokn=SECRET` names the option only
    assert.deepStrictEqual(
      check([...sampleUpdate, "--dry-rn=yes"]),
      invalid("UnknownOption", "unknown option --dry-rn (did you mean --dry-run?)")
    )
  })

  it("takes none of the parser's other built-ins: --wizard, --completions, --log-level", () => {
    for (const builtIn of ["--wizard", "--completions", "--log-level"]) {
      for (const args of [[builtIn], ["emulator", builtIn], [...sampleUpdate, builtIn]]) {
        const outcome = check(args)
        assert.strictEqual(outcome._tag, "Invalid", args.join(" "))
        if (outcome._tag === "Invalid") assert.match(outcome.message, new RegExp(`^unknown option ${builtIn}`))
      }
    }
  })

  it("names each AWS CLI option a command does not take as such", () => {
    const notTaken = [
      "--query",
      "--no-verify-ssl",
      "--ca-bundle",
      "--color",
      "--no-paginate",
      "--no-sign-request",
      "--cli-binary-format",
      "--cli-auto-prompt",
      "--no-cli-auto-prompt"
    ]
    for (const option of notTaken) {
      assert.deepStrictEqual(
        check([...sampleUpdate, option]),
        invalid("UnsupportedOption", `${option} is an AWS CLI option this command does not support`)
      )
    }
    assert.deepStrictEqual(
      check(["emulator", "--region", "eu-west-1"]),
      invalid("UnsupportedOption", "--region is an AWS CLI option this command does not support")
    )
    assert.deepStrictEqual(
      check(["serve-feedback-page", "--output", "json"]),
      invalid("UnsupportedOption", "--output is an AWS CLI option this command does not support")
    )
    for (const format of ["table", "yaml", "yaml-stream"]) {
      assert.deepStrictEqual(
        check([...sampleUpdate, "--output", format]),
        invalid(
          "InvalidValue",
          `--output ${format} is an AWS CLI output format this command does not support (use text or json)`
        )
      )
    }
  })

  it("takes the AWS CLI's options the live commands take", () => {
    const aws = ["--profile", "dev", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:1"]
    const timeouts = ["--cli-read-timeout", "5", "--cli-connect-timeout", "0", "--no-cli-pager"]
    assert.deepStrictEqual(check([...sampleUpdate, ...aws, ...timeouts, "--debug"]), { _tag: "Parse" })
    assert.deepStrictEqual(check(["serve-feedback-page", ...aws, ...timeouts]), { _tag: "Parse" })
  })

  it("names a missing value, a missing option, a value outside its choices, an option given twice", () => {
    assert.deepStrictEqual(
      check(["emulator", "--port"]),
      invalid("MissingValue", "--port: expected a value (--port PORT)")
    )
    assert.deepStrictEqual(
      check(["emulator", "--seed", "--port", "0"]),
      invalid("MissingValue", "--seed: expected a value (--seed FILE)")
    )
    assert.deepStrictEqual(
      check(sampleUpdate.slice(0, 5)),
      invalid("MissingValue", "missing options --event-id, --feedback-token, --feedback-value")
    )
    assert.deepStrictEqual(
      check([...sampleUpdate, "--output", "xml"]),
      invalid("InvalidValue", "--output: expected text or json")
    )
    assert.deepStrictEqual(
      check([...sampleUpdate, "--event-id", "evt-2"]),
      invalid("DuplicateOption", "--event-id: given more than once")
    )
    const stray = check([...sampleUpdate, "tok.secret-token"])
    assert.strictEqual(stray._tag, "Invalid")
    if (stray._tag === "Invalid") {
      assert.strictEqual(stray.error, "UnexpectedArgument")
      assert.notInclude(stray.message, "tok.secret-token")
    }
  })

  it("names an unknown command with the nearest one, and an option before the command", () => {
    assert.deepStrictEqual(
      check(["emulatr"]),
      invalid("UnknownCommand", "unknown command emulatr (did you mean emulator?)")
    )
    const unknown = check(["frobnicate"])
    assert.strictEqual(unknown._tag, "Invalid")
    if (unknown._tag === "Invalid") {
      for (const spec of specs) assert.include(unknown.message, spec.name)
    }
    const before = check(["--region", "eu-west-1", "update-auth-event-feedback"])
    assert.strictEqual(before._tag === "Invalid" ? before.error : before._tag, "UnknownOption")
  })

  it("asks for the help with --help, -h or help, anywhere but as a value", () => {
    assert.deepStrictEqual(check(["--help"]), { _tag: "Help", command: undefined })
    assert.deepStrictEqual(check(["help"]), { _tag: "Help", command: undefined })
    assert.deepStrictEqual(check(["-h", "emulator"]), { _tag: "Help", command: specOf("emulator") })
    for (
      const args of [["emulator", "--help"], ["emulator", "-h"], ["emulator", "help"], ["emulator", "--bogus", "-h"]]
    ) {
      assert.deepStrictEqual(check(args), { _tag: "Help", command: specOf("emulator") }, args.join(" "))
    }
    // the value of an option is not a request for help
    assert.deepStrictEqual(check(["serve-feedback-page", "--product-name", "help"]), { _tag: "Parse" })
  })

  it("accepts every command line of every help page's examples", () => {
    const lines = Object.values(Examples.examples).flatMap((examples) => examples.flatMap((example) => example.lines))
    const ours = lines.filter((line) => line.includes("cognito-feedback "))
    assert.isAbove(ours.length, 8)
    for (const line of ours) {
      const words = line.slice(line.indexOf("cognito-feedback ")).split(/\s+/).slice(1)
      // shell redirections are not the command's
      const args = words.filter((word, i) => !["<", ">"].includes(word) && !["<", ">"].includes(words[i - 1] ?? ""))
      assert.notStrictEqual(check(args)._tag, "Invalid", line)
    }
  })
})

describe("CommandLine.explain", () => {
  const explain = (command: string, args: ReadonlyArray<string>, error: ValidationError.ValidationError) =>
    CommandLine.explain(specOf(command), args, error)

  it("names the option of a value the parser refused, without the value", () => {
    assert.deepStrictEqual(
      explain("emulator", ["--port", "abc"], ValidationError.invalidValue(HelpDoc.p("'abc' is not a integer"))),
      { error: "InvalidValue", message: "--port: expected an integer" }
    )
    assert.deepStrictEqual(
      explain(
        "update-auth-event-feedback",
        ["--max-attempts=x"],
        ValidationError.invalidValue(HelpDoc.p("'x' is not a integer"))
      ),
      { error: "InvalidValue", message: "--max-attempts: expected an integer" }
    )
    assert.deepStrictEqual(
      explain(
        "update-auth-event-feedback",
        ["--output", "xml"],
        ValidationError.invalidValue(HelpDoc.p("Expected one of the following cases: text, json"))
      ),
      { error: "InvalidValue", message: "--output: expected text or json" }
    )
    assert.deepStrictEqual(
      explain(
        "update-auth-event-feedback",
        [],
        ValidationError.missingValue(
          HelpDoc.p("Expected to find option: '--event-id' Expected to find option: '--username'")
        )
      ),
      { error: "MissingValue", message: "missing options --event-id, --username" }
    )
    const stray = explain(
      "emulator",
      ["tok.secret"],
      ValidationError.invalidValue(HelpDoc.p("Received unknown argument: 'tok.secret'"))
    )
    assert.notInclude(stray.message, "tok.secret")
  })
})

describe("CommandSpec", () => {
  it("reads each option from the descriptor: names, value, choices, required, description", () => {
    const spec = specOf("update-auth-event-feedback")
    const output = spec.options.find((option) => option.names.includes("--output"))
    assert.deepInclude(output, { placeholder: "text|json", choices: ["text", "json"], required: false })
    assert.include(output?.description.join(" "), "[default: text]")
    const pool = spec.options.find((option) => option.names.includes("--user-pool-id"))
    assert.deepInclude(pool, { placeholder: "ID", choices: undefined, required: true })
    const debug = spec.options.find((option) => option.names.includes("--debug"))
    assert.deepInclude(debug, { placeholder: undefined, required: false })
    for (const option of spec.options) {
      assert.isAbove(option.description.length, 0, option.names[0])
      for (const paragraph of option.description) assert.notMatch(paragraph, /user-defined|true or false|optional\./)
    }
  })

  it("writes a field as the AWS CLI's flag", () => {
    assert.strictEqual(CommandSpec.flagOf("UserPoolId"), "--user-pool-id")
    assert.strictEqual(CommandSpec.flagOf("secureAccountUrl"), "--secure-account-url")
    assert.strictEqual(CommandSpec.flagOf("path"), "--path")
    const spec = specOf("update-auth-event-feedback")
    assert.strictEqual(
      CommandSpec.withFlags(spec, "UserPoolId: must match x; EventId: is required; Other: stays"),
      "--user-pool-id: must match x; --event-id: is required; Other: stays"
    )
  })
})
