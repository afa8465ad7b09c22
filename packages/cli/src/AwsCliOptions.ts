/**
 * The AWS CLI's global options, for the habits of its users: those a command of ours does not
 * take are named as such ("an AWS CLI option this command does not support") rather than as
 * unknown, and so are the AWS CLI's output formats other than `text` and `json`.
 *
 * @since 0.1.0
 */

/**
 * Every global option of the AWS CLI (version 2). The live commands take `--profile`, `--region`,
 * `--endpoint-url`, `--cli-read-timeout`, `--cli-connect-timeout` and `--no-cli-pager`;
 * `update-auth-event-feedback` also `--output` and `--debug`; every command `--version`.
 *
 * @since 0.1.0
 * @category models
 */
export const globalOptions: ReadonlyArray<string> = [
  "--debug",
  "--endpoint-url",
  "--no-verify-ssl",
  "--no-paginate",
  "--output",
  "--query",
  "--profile",
  "--region",
  "--version",
  "--color",
  "--no-sign-request",
  "--ca-bundle",
  "--cli-read-timeout",
  "--cli-connect-timeout",
  "--cli-binary-format",
  "--no-cli-pager",
  "--cli-auto-prompt",
  "--no-cli-auto-prompt"
]

/**
 * The AWS CLI's `--output` formats that no command of ours prints.
 *
 * @since 0.1.0
 * @category models
 */
export const otherOutputFormats: ReadonlyArray<string> = ["table", "yaml", "yaml-stream"]

/**
 * Whether `name` (`--query`) is a global option of the AWS CLI.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isGlobalOption = (name: string): boolean => globalOptions.includes(name)

/**
 * The message for an AWS CLI option a command does not take.
 *
 * @since 0.1.0
 * @category formatting
 */
export const unsupported = (name: string): string => `${name} is an AWS CLI option this command does not support`
