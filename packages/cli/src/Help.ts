/**
 * The help the command prints for `--help`: the program's (its commands, once each) and each
 * command's (its usage line after the program's name, its description, its options with their
 * defaults, its own examples), as plain text. Rendered from the commands' specs (`CommandSpec`,
 * read from their descriptors), so it lists exactly the options the parser takes, and nothing of
 * the parser's own (no `--wizard`, `--completions` or `--log-level`, which the command refuses).
 *
 * @since 0.1.0
 */
import type { CommandSpec, OptionSpec } from "./CommandSpec.js"

/**
 * An example: what it does, then the command lines (shell) that do it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Example {
  readonly title: string
  readonly lines: ReadonlyArray<string>
}

/**
 * What a help page shows beside a spec.
 *
 * @since 0.1.0
 * @category models
 */
export interface Program {
  /** The program's name, `cognito-feedback`. */
  readonly name: string
  readonly version: string
  /** The examples of each command, by the command's name; the program's own under its name. */
  readonly examples: Readonly<Record<string, ReadonlyArray<Example>>>
  /** Paragraphs at the end of every page (the exit codes). */
  readonly footer: ReadonlyArray<string>
}

const width = 100

/**
 * `text` wrapped at `max` columns (default 100), each line after `indent`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const wrap = (text: string, indent: string, max: number = width): Array<string> =>
  wrapUnits(text.split(/\s+/).filter((word) => word !== ""), indent, indent, max)

/** `units` (words, or an option with its value) on lines of at most `max` columns, never split. */
const wrapUnits = (units: ReadonlyArray<string>, first: string, rest: string, max: number = width) => {
  const lines: Array<string> = []
  let line = ""
  for (const unit of units) {
    const indent = lines.length === 0 ? first : rest
    if (line !== "" && indent.length + line.length + 1 + unit.length > max) {
      lines.push(indent + line)
      line = unit
    } else {
      line = line === "" ? unit : `${line} ${unit}`
    }
  }
  if (line !== "") lines.push((lines.length === 0 ? first : rest) + line)
  return lines
}

const usageOf = (option: OptionSpec): string => {
  const name = option.names[0] ?? ""
  const shown = option.placeholder === undefined ? name : `${name} ${option.placeholder}`
  return option.required ? shown : option.repeated ? `[${shown}]...` : `[${shown}]`
}

/** The usage line: the program, the command, each option; continued lines are indented further. */
const usageLines = (program: string, spec: CommandSpec): Array<string> =>
  wrapUnits([`${program} ${spec.name}`, ...spec.options.map(usageOf)], "  ", "      ")

const section = (title: string, lines: ReadonlyArray<string>): Array<string> =>
  lines.length === 0 ? [] : ["", title, ...lines]

const exampleLines = (examples: ReadonlyArray<Example>): Array<string> =>
  examples.flatMap((example, i) => [
    ...(i === 0 ? [] : [""]),
    ...wrap(example.title, "  "),
    ...example.lines.map((line) => `    ${line}`)
  ])

const footerLines = (program: Program): Array<string> => program.footer.flatMap((text) => ["", ...wrap(text, "")])

const optionLines = (option: OptionSpec): Array<string> => {
  const term = [option.names.join(", "), option.placeholder].filter((part) => part !== undefined).join(" ")
  return [`  ${term}`, ...wrap(option.description.join(" "), "      ")]
}

/**
 * A command's help page.
 *
 * @since 0.1.0
 * @category formatting
 */
export const command = (program: Program, spec: CommandSpec): string =>
  [
    `${program.name} ${program.version}`,
    ...section("USAGE", usageLines(program.name, spec)),
    ...section("DESCRIPTION", spec.description.flatMap((text, i) => [...(i === 0 ? [] : [""]), ...wrap(text, "  ")])),
    ...section("OPTIONS", [
      ...spec.options.flatMap(optionLines),
      "  --help, -h",
      "      Show this help.",
      "  --version",
      "      Print the version."
    ]),
    ...section("EXAMPLES", exampleLines(program.examples[spec.name] ?? [])),
    ...footerLines(program)
  ].join("\n")

/**
 * What a command does, for the program's list: its description up to the first `.`, `:` or `;`
 * that ends a clause outside parentheses.
 *
 * @since 0.1.0
 * @category formatting
 */
export const summaryOf = (spec: CommandSpec): string => {
  const text = spec.description[0] ?? ""
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === "(") depth++
    else if (char === ")") depth = Math.max(0, depth - 1)
    else if (depth === 0 && (char === "." || char === ":" || char === ";") && /\s/.test(text[i + 1] ?? " ")) {
      return `${text.slice(0, i)}.`
    }
  }
  return text
}

/**
 * The program's help page: what it does, its commands once each with what they do, its options,
 * its examples.
 *
 * @since 0.1.0
 * @category formatting
 */
export const root = (program: Program, description: ReadonlyArray<string>, commands: ReadonlyArray<CommandSpec>) => {
  const column = Math.max(...commands.map((spec) => spec.name.length)) + 4
  return [
    `${program.name} ${program.version}`,
    ...section("USAGE", [`  ${program.name} <command> [options]`, `  ${program.name} <command> --help`]),
    ...section("DESCRIPTION", description.flatMap((text) => wrap(text, "  "))),
    ...section(
      "COMMANDS",
      commands.flatMap((spec) => {
        const [first = "", ...rest] = wrap(summaryOf(spec), "", width - 2 - column)
        return [`  ${spec.name.padEnd(column)}${first}`, ...rest.map((line) => `  ${" ".repeat(column)}${line}`)]
      })
    ),
    ...section("OPTIONS", [
      "  --help, -h",
      `      Show this help; with a command, that command's (also: ${program.name} <command> help).`,
      "  --version",
      "      Print the version."
    ]),
    ...section("EXAMPLES", exampleLines(program.examples[program.name] ?? [])),
    ...footerLines(program)
  ].join("\n")
}
