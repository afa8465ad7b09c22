/**
 * The command line as typed, checked against the commands' specs (`CommandSpec`, read from their
 * descriptors) before `@effect/cli` parses it, so that every mistake names what the user typed: an
 * unknown option with the nearest real one, an AWS CLI option the command does not take, an
 * option without its value, a required option missing, a value outside its choices. `--help`
 * (`-h`, or `help` as the AWS CLI has it) anywhere asks for the help instead. `explain` words the
 * parser's own errors the same way. Pure functions; no value is ever repeated in a message, as a
 * stray argument may be a token.
 *
 * @since 0.1.0
 */
import * as AutoCorrect from "@effect/cli/AutoCorrect"
import * as CliConfig from "@effect/cli/CliConfig"
import * as HelpDoc from "@effect/cli/HelpDoc"
import type * as ValidationError from "@effect/cli/ValidationError"
import * as AwsCliOptions from "./AwsCliOptions.js"
import * as CliOutput from "./CliOutput.js"
import type { CommandSpec, OptionSpec } from "./CommandSpec.js"

/**
 * What to do with a command line: hand it to the parser, show a help (the program's when
 * `command` is undefined), or refuse it with one error.
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome =
  | { readonly _tag: "Parse" }
  | { readonly _tag: "Help"; readonly command: CommandSpec | undefined }
  | { readonly _tag: "Invalid"; readonly error: string; readonly message: string }

/**
 * The options every command takes besides its own: `--help` (`-h`) and `--version`.
 *
 * @since 0.1.0
 * @category models
 */
export const builtInOptions: ReadonlyArray<string> = ["--help", "-h", "--version"]

const helpNames: ReadonlyArray<string> = ["--help", "-h"]

const parse: Outcome = { _tag: "Parse" }
const invalid = (error: string, message: string): Outcome => ({ _tag: "Invalid", error, message })

// the parser takes these after a flag as its value (`--debug false`)
const booleanWords: ReadonlyArray<string> = ["true", "1", "y", "yes", "on", "false", "0", "n", "no", "off"]

// the parser compares names without case (its default configuration)
const cliConfig = CliConfig.defaultConfig

/** An option or a flag, not a value: `-` alone is standard input, `-1` a number. */
const isOptionLike = (token: string): boolean => token.startsWith("-") && token !== "-" && !/^-\d/.test(token)

/**
 * The candidate nearest to `typed` by edit distance, if it is near enough to be what was meant:
 * at most a third of the typed name's letters apart (at least 2), or containing it whole.
 *
 * @since 0.1.0
 * @category suggestions
 */
export const nearest = (typed: string, candidates: ReadonlyArray<string>): string | undefined => {
  const bare = typed.replace(/^-+/, "").toLowerCase()
  const limit = Math.max(2, Math.floor(bare.length / 3))
  let best: { readonly name: string; readonly distance: number } | undefined = undefined
  for (const name of candidates) {
    const distance = AutoCorrect.levensteinDistance(typed, name, cliConfig)
    const contains = bare.length >= 4 && name.toLowerCase().includes(bare)
    if ((distance <= limit || contains) && (best === undefined || distance < best.distance)) {
      best = { name, distance }
    }
  }
  return best?.name
}

const didYouMean = (typed: string, candidates: ReadonlyArray<string>): string => {
  const suggestion = nearest(typed, candidates)
  return suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`
}

const namesOf = (spec: CommandSpec): ReadonlyArray<string> => spec.options.flatMap((option) => option.names)

const optionNamed = (spec: CommandSpec, name: string): OptionSpec | undefined => {
  const key = name.toLowerCase()
  return spec.options.find((option) => option.names.some((candidate) => candidate.toLowerCase() === key))
}

const orList = (words: ReadonlyArray<string>): string =>
  words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`

/**
 * The error for an option `spec` does not take.
 *
 * @since 0.1.0
 * @category checks
 */
export const unknownOption = (spec: CommandSpec, name: string): Outcome =>
  AwsCliOptions.isGlobalOption(name.toLowerCase())
    ? invalid("UnsupportedOption", AwsCliOptions.unsupported(name))
    : invalid("UnknownOption", `unknown option ${name}${didYouMean(name, [...namesOf(spec), ...builtInOptions])}`)

const badChoice = (name: string, choices: ReadonlyArray<string>, value: string): Outcome =>
  invalid(
    "InvalidValue",
    name === "--output" && AwsCliOptions.otherOutputFormats.includes(value)
      ? `--output ${value} is an AWS CLI output format this command does not support (use ${orList(choices)})`
      : `${name}: expected ${orList(choices)}`
  )

/**
 * A command's options as typed (`args` after the command's name) against its spec.
 *
 * @since 0.1.0
 * @category checks
 */
export const checkOptions = (spec: CommandSpec, args: ReadonlyArray<string>): Outcome => {
  let help = false
  let error: Outcome | undefined = undefined
  const given = new Set<OptionSpec>()
  let previous: string | undefined = undefined
  for (let i = 0; i < args.length; i++) {
    const token = args[i] ?? ""
    if (token === "--") break
    if (!isOptionLike(token)) {
      if (token === "help") help = true
      else {
        error ??= invalid(
          "UnexpectedArgument",
          previous === undefined
            ? "unexpected argument before the first option (every value follows its option: --name VALUE)"
            : `unexpected argument after ${previous} (every value follows its option: --name VALUE)`
        )
      }
      continue
    }
    const equals = token.startsWith("--") ? token.indexOf("=") : -1
    const name = equals === -1 ? token : token.slice(0, equals)
    previous = name
    if (helpNames.includes(name.toLowerCase())) {
      help = true
      continue
    }
    if (name.toLowerCase() === "--version") continue
    const option = optionNamed(spec, name)
    if (option === undefined) {
      error ??= unknownOption(spec, name)
      continue
    }
    if (given.has(option) && !option.repeated) error ??= invalid("DuplicateOption", `${name}: given more than once`)
    given.add(option)
    if (option.placeholder === undefined) {
      // a flag: the parser takes a `true` or `false` after it as its value
      const next = args[i + 1]
      if (equals === -1 && next !== undefined && booleanWords.includes(next.toLowerCase())) i++
      continue
    }
    let value: string | undefined
    if (equals !== -1) value = token.slice(equals + 1)
    else {
      const next = args[i + 1]
      value = next === undefined || next.startsWith("--") ? undefined : next
      if (value !== undefined) i++
    }
    if (value === undefined) {
      error ??= invalid("MissingValue", `${name}: expected a value (${name} ${option.placeholder})`)
    } else if (option.choices !== undefined && !option.choices.includes(value)) {
      error ??= badChoice(name, option.choices, value)
    }
  }
  if (help) return { _tag: "Help", command: spec }
  if (error !== undefined) return error
  const missing = spec.options.filter((option) => option.required && !given.has(option))
  if (missing.length > 0) {
    const names = missing.map((option) => option.names[0] ?? "")
    return invalid("MissingValue", `missing option${names.length > 1 ? "s" : ""} ${names.join(", ")}`)
  }
  return parse
}

/**
 * The whole command line (`process.argv` without the runtime and the script) against the
 * commands' specs: the command, then its options. Before the command only `--help` and
 * `--version` are taken.
 *
 * @since 0.1.0
 * @category checks
 */
export const check = (commands: ReadonlyArray<CommandSpec>, args: ReadonlyArray<string>): Outcome => {
  const [first, ...rest] = args
  if (first === undefined) return parse // the program itself says a command is needed
  if (first === "help") return { _tag: "Help", command: undefined }
  if (!isOptionLike(first)) {
    const command = commands.find((spec) => spec.name === first)
    if (command !== undefined) return checkOptions(command, rest)
    const names = commands.map((spec) => spec.name)
    const suggestion = nearest(first, names)
    return invalid(
      "UnknownCommand",
      `unknown command ${first} ${
        suggestion === undefined ? `(the commands are ${orList(names)})` : `(did you mean ${suggestion}?)`
      }`
    )
  }
  const name = first.split("=")[0] ?? first
  if (helpNames.includes(name.toLowerCase())) {
    const command = commands.find((spec) => rest.includes(spec.name))
    return { _tag: "Help", command }
  }
  if (name.toLowerCase() === "--version") return parse
  const ofACommand = commands.some((spec) => optionNamed(spec, name) !== undefined)
  return invalid(
    "UnknownOption",
    ofACommand
      ? `unknown option ${name} before the command: options go after it (cognito-feedback <command> ${name} …)`
      : `unknown option ${name}${didYouMean(name, builtInOptions)}`
  )
}

/** The option whose value in `args` is `value`, as `--name value` or `--name=value`. */
const optionWithValue = (spec: CommandSpec, args: ReadonlyArray<string>, value: string): string | undefined => {
  for (let i = 0; i < args.length; i++) {
    const token = args[i] ?? ""
    const equals = token.indexOf("=")
    const [name, inline] = equals === -1 ? [token, undefined] : [token.slice(0, equals), token.slice(equals + 1)]
    const option = optionNamed(spec, name)
    if (option !== undefined && (inline === value || (inline === undefined && args[i + 1] === value))) {
      return option.names[0]
    }
  }
  return undefined
}

const article = (word: string): string => /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`

/**
 * One of the parser's errors as one line that names the option (`--port: expected an integer`),
 * with its tag. `spec` is the command's, when the command line named one; `args` the options typed.
 * What the parser reports with the value in it is said without the value.
 *
 * @since 0.1.0
 * @category formatting
 */
export const explain = (
  spec: CommandSpec | undefined,
  args: ReadonlyArray<string>,
  error: ValidationError.ValidationError
): CliOutput.Failure => {
  const text = CliOutput.oneLine(CliOutput.stripAnsi(HelpDoc.toAnsiText(error.error)))
  const failure = (message: string): CliOutput.Failure => ({ error: error._tag, message })
  // the parser's wordings (@effect/cli 0.77): `'abc' is not a integer`, `Expected one of the
  // following cases: text, json`, `Expected to find option: '--x'`, `Expected a value following
  // option: '--x'`, `Received unknown argument: 'x'`, `Unable to recognize 'x' as a valid boolean`
  const notA = /^'(.*)' is not a (\w+)$/s.exec(text)
  if (notA !== null && notA[1] !== undefined && notA[2] !== undefined) {
    const flag = spec === undefined ? undefined : optionWithValue(spec, args, notA[1])
    return failure(`${flag ?? "a value"}: expected ${article(notA[2])}`)
  }
  const notBoolean = /^Unable to recognize '(.*)' as a valid boolean$/s.exec(text)
  if (notBoolean !== null && notBoolean[1] !== undefined) {
    const flag = spec === undefined ? undefined : optionWithValue(spec, args, notBoolean[1])
    return failure(`${flag ?? "a flag"}: expected true or false`)
  }
  const cases = /^Expected one of the following cases: (.*)$/.exec(text)
  if (cases !== null && cases[1] !== undefined) {
    const choices = cases[1].split(", ")
    const option = spec?.options.find((option) => option.choices?.join(",") === choices.join(","))
    return failure(`${option?.names[0] ?? "a value"}: expected ${orList(choices)}`)
  }
  const missing = [...text.matchAll(/Expected to find option: '([^']+)'/g)].map((match) => match[1] ?? "")
  if (missing.length > 0) return failure(`missing option${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`)
  const noValue = /Expected a value following option: '([^']+)'/.exec(text)
  if (noValue !== null) return failure(`${noValue[1]}: expected a value`)
  if (text.startsWith("Received unknown argument")) return failure("unexpected argument")
  return failure(text)
}
