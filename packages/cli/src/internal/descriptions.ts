/**
 * How the commands write the help of their descriptors, each the same way: an option that takes a
 * value names it and says what it is for; a command is described in paragraphs (the `DESCRIPTION`
 * paragraphs that `CommandSpec` reads back for `Help`).
 */
import * as Command from "@effect/cli/Command"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Options from "@effect/cli/Options"

/** The value's name (`--port PORT`), then the description; a default or `optional` goes after. */
export const withHelp =
  (pseudoName: string, description: string) => <A>(self: Options.Options<A>): Options.Options<A> =>
    self.pipe(Options.withPseudoName(pseudoName), Options.withDescription(description))

/** A command's description, one paragraph each. */
export const withParagraphs = (...paragraphs: ReadonlyArray<string>) =>
  Command.withDescription(HelpDoc.blocks(paragraphs.map((paragraph) => HelpDoc.p(paragraph))))
