/**
 * How a command reports input it cannot use: exit code 2, with each field an error names
 * (`EventId: …`, `path: …`) said as the flag the user typed (`--event-id: …`).
 */
import * as CliOutput from "../CliOutput.js"
import type { CommandFailed } from "../CommandFailure.js"
import { failWith } from "../CommandFailure.js"
import * as CommandSpec from "../CommandSpec.js"

/**
 * `spec` is a thunk: a handler is defined before the command that holds it, whose spec names the
 * flags.
 */
export const invalidInput =
  (format: CliOutput.Format, spec: () => CommandSpec.CommandSpec) =>
  (error: { readonly _tag: string; readonly message: string }): CommandFailed =>
    failWith(CliOutput.ExitCode.InvalidInput, format)({
      _tag: error._tag,
      message: CommandSpec.withFlags(spec(), error.message)
    })
