/**
 * How a subcommand fails: `ConfigurationError` for a setting that cannot be used, and
 * `CommandFailed`, which carries what to print and the exit code. `Cli.run` prints every
 * `CommandFailed` the same way.
 *
 * @since 0.1.0
 */
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Schema from "effect/Schema"
import * as CliOutput from "./CliOutput.js"

/**
 * A setting that cannot be used: a bad AWS_* environment variable, an option out of range, a
 * file or standard input that cannot be read. Exit code 2.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConfigurationError extends Schema.TaggedError<ConfigurationError>()("ConfigurationError", {
  message: Schema.String
}) {}

/**
 * An option's value that the parser took but the command cannot use (`--feedback-value maybe`):
 * the message names the option as typed. Exit code 2.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidValue extends Schema.TaggedError<InvalidValue>()("InvalidValue", {
  message: Schema.String
}) {}

/**
 * A subcommand ended in failure: what to print, in which format, and the exit code. The line is
 * printed by `run`, which also prints @effect/cli's own parse errors, so every failure looks alike.
 *
 * @since 0.1.0
 * @category errors
 */
export class CommandFailed extends Schema.TaggedError<CommandFailed>()("CommandFailed", {
  exitCode: Schema.Literal(1, 2),
  format: Schema.Literal(...CliOutput.formats),
  failure: Schema.Struct({
    error: Schema.String,
    message: Schema.String,
    requestId: Schema.optional(Schema.String)
  })
}) {}

/**
 * The `CommandFailed` of an error, with its exit code and output format.
 *
 * @since 0.1.0
 * @category constructors
 */
export const failWith = (exitCode: 1 | 2, format: CliOutput.Format) =>
(error: {
  readonly _tag: string
  readonly message: string
  readonly requestId?: string | undefined
}) => new CommandFailed({ exitCode, format, failure: CliOutput.failureOf(error) })

/**
 * A server could not start (the port is taken, the address cannot be bound…): exit code 1.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serveFailed = (error: ServeError): CommandFailed =>
  failWith(CliOutput.ExitCode.ServiceError, "text")({
    _tag: "ServeError",
    message: error.cause instanceof Error ? error.cause.message : "the server could not start"
  })

/**
 * `CommandFailed` (exit code 2) for a port that is not an integer from 0 to 65535.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkPort = (port: number): CommandFailed | undefined =>
  Number.isInteger(port) && port >= 0 && port <= 65535
    ? undefined
    : failWith(CliOutput.ExitCode.InvalidInput, "text")(
      new ConfigurationError({ message: "--port: must be an integer from 0 to 65535" })
    )
