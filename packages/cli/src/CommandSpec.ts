/**
 * What a command accepts, read from its own `@effect/cli` descriptor (`Command.getUsage`,
 * `Command.getHelp`): its name, its description, and each option's names, value, choices, whether
 * it is required, and its description. The check of the command line (`CommandLine`) and the help
 * (`Help`) are both built from it, so neither can disagree with the parser about what exists.
 * Pure functions over public descriptor types.
 *
 * @since 0.1.0
 */
import * as CliConfig from "@effect/cli/CliConfig"
import * as CommandDescriptor from "@effect/cli/CommandDescriptor"
import type * as HelpDoc from "@effect/cli/HelpDoc"
import type * as Span from "@effect/cli/HelpDoc/Span"
import * as Options from "@effect/cli/Options"
import type * as Usage from "@effect/cli/Usage"
import * as Option from "effect/Option"

/**
 * One option of a command.
 *
 * @since 0.1.0
 * @category models
 */
export interface OptionSpec {
  /** Every name, dashes included: `--user-pool-id`; the first is the one to show. */
  readonly names: ReadonlyArray<string>
  /** What the value is called (`ID`, `text|json`); `undefined` for a flag, which takes no value. */
  readonly placeholder: string | undefined
  /** The only values accepted, for a choice. */
  readonly choices: ReadonlyArray<string> | undefined
  readonly required: boolean
  /** May be given more than once. */
  readonly repeated: boolean
  /** The paragraphs that describe it (the parser's own boilerplate left out). */
  readonly description: ReadonlyArray<string>
}

/**
 * One command: its name, the paragraphs of its description and its options.
 *
 * @since 0.1.0
 * @category models
 */
export interface CommandSpec {
  readonly name: string
  readonly description: ReadonlyArray<string>
  readonly options: ReadonlyArray<OptionSpec>
}

// @effect/cli's usage writes the choices of a choice option as `a | b`, and its placeholder otherwise
const choiceSeparator = " | "

// The paragraphs the parser adds to every option's help: the type first ("A user-defined piece of
// text.", "An integer.", …), then "This setting is optional." for an option with a default. The
// help says the same more usefully (the usage's brackets, `[default: X]`).
const isBoilerplate = (paragraph: string): boolean => paragraph.startsWith("This setting is optional")

const usageOptions = (usage: Usage.Usage, required: boolean, repeated: boolean): Array<OptionSpec> => {
  switch (usage._tag) {
    case "Named": {
      const name = usage.names[0]
      if (name === undefined || !name.startsWith("-")) return [] // the command's own name
      const placeholder = Option.getOrUndefined(usage.acceptedValues)
      const choices = placeholder?.includes(choiceSeparator) ? placeholder.split(choiceSeparator) : undefined
      return [{
        names: usage.names,
        placeholder: choices === undefined ? placeholder : choices.join("|"),
        choices,
        required,
        repeated,
        description: []
      }]
    }
    case "Optional":
      return usageOptions(usage.usage, false, repeated)
    case "Repeated":
      return usageOptions(usage.usage, false, true)
    case "Alternation":
      return [...usageOptions(usage.left, false, repeated), ...usageOptions(usage.right, false, repeated)]
    case "Concat":
      return [...usageOptions(usage.left, required, repeated), ...usageOptions(usage.right, required, repeated)]
    case "Empty":
    case "Mixed":
      return []
  }
}

/**
 * The options a usage describes, without descriptions.
 *
 * @since 0.1.0
 * @category constructors
 */
export const optionsOfUsage = (usage: Usage.Usage): ReadonlyArray<OptionSpec> => usageOptions(usage, true, false)

/**
 * The text of a span, without its styles.
 *
 * @since 0.1.0
 * @category formatting
 */
export const spanText = (span: Span.Span): string => {
  switch (span._tag) {
    case "Text":
    case "URI":
      return span.value
    case "Sequence":
      return spanText(span.left) + spanText(span.right)
    case "Highlight":
    case "Strong":
    case "Weak":
      return spanText(span.value)
  }
}

/** A help document as a list of blocks in order: headers, paragraphs and description-list entries. */
type Block =
  | { readonly _tag: "Header"; readonly text: string }
  | { readonly _tag: "Paragraph"; readonly text: string }
  | { readonly _tag: "Entry"; readonly term: string; readonly paragraphs: ReadonlyArray<string> }

const paragraphsOf = (doc: HelpDoc.HelpDoc): Array<string> =>
  blocksOf(doc).flatMap((block) => block._tag === "Paragraph" ? [block.text] : [])

const blocksOf = (doc: HelpDoc.HelpDoc): Array<Block> => {
  switch (doc._tag) {
    case "Empty":
      return []
    case "Header":
      return [{ _tag: "Header", text: spanText(doc.value) }]
    case "Paragraph":
      return [{ _tag: "Paragraph", text: spanText(doc.value) }]
    case "DescriptionList":
      return doc.definitions.map(([term, body]) => ({
        _tag: "Entry",
        term: spanText(term),
        paragraphs: paragraphsOf(body)
      }))
    case "Enumeration":
      return doc.elements.flatMap(blocksOf)
    case "Sequence":
      return [...blocksOf(doc.left), ...blocksOf(doc.right)]
  }
}

/** The entry of the options' help whose term names `option` (`--port PORT`, `(-h, --help)`). */
const entryOf = (entries: ReadonlyArray<Block>, option: OptionSpec) =>
  entries.find((block) =>
    block._tag === "Entry" &&
    block.term.split(/[\s(),]+/).some((word) => option.names.includes(word))
  )

const helpConfig = CliConfig.make({ showBuiltIns: false })

/**
 * A command's spec from its usage and its help document (as `Command.getUsage` and
 * `Command.getHelp` give them).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromDescriptor = (usage: Usage.Usage, help: HelpDoc.HelpDoc): CommandSpec => {
  const blocks = blocksOf(help)
  const name = usage._tag === "Concat" && usage.left._tag === "Named" ? usage.left.names[0] ?? "" : ""
  const description: Array<string> = []
  let section = ""
  for (const block of blocks) {
    if (block._tag === "Header") section = block.text
    else if (block._tag === "Paragraph" && section === "DESCRIPTION") description.push(block.text)
  }
  const options = optionsOfUsage(usage).map((option) => {
    const entry = entryOf(blocks, option)
    // the first paragraph of an option's help is always its type ("An integer."): left out
    const paragraphs = entry?._tag === "Entry" ? entry.paragraphs.slice(1) : []
    return { ...option, description: paragraphs.filter((paragraph) => !isBoilerplate(paragraph)) }
  })
  return { name, description, options }
}

/**
 * The spec of a command.
 *
 * @since 0.1.0
 * @category constructors
 */
export const of = (command: { readonly descriptor: CommandDescriptor.Command<unknown> }): CommandSpec =>
  fromDescriptor(
    CommandDescriptor.getUsage(command.descriptor),
    CommandDescriptor.getHelp(command.descriptor, helpConfig)
  )

/**
 * `Options.withDefault`, with the default shown in the help as `[default: VALUE]`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withDefault = <const B extends string | number>(value: B) => <A>(self: Options.Options<A>) =>
  self.pipe(Options.withDescription(`[default: ${value}]`), Options.withDefault(value))

/**
 * The flag the AWS CLI derives from a member or option name: `UserPoolId` and `userPoolId` are
 * both `--user-pool-id`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const flagOf = (name: string): string =>
  `--${name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z])([A-Z][a-z])/g, "$1-$2").toLowerCase()}`

/**
 * `message` with each leading field name (`EventId: …`, `path: …`, also after a `; `) written as
 * the flag of `spec` it stands for (`--event-id: …`); a field with no flag is left as it is.
 *
 * @since 0.1.0
 * @category formatting
 */
export const withFlags = (spec: CommandSpec, message: string): string =>
  message.replace(/(^|; )([A-Za-z][A-Za-z0-9]*): /g, (whole, before: string, field: string) => {
    const flag = flagOf(field)
    return spec.options.some((option) => option.names.includes(flag)) ? `${before}${flag}: ` : whole
  })
