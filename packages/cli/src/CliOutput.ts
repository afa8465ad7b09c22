/**
 * What the `cognito-feedback` command prints and the exit code it ends with: one line per outcome
 * in `text` or `json`, the request a `--dry-run` shows, and the emulator's request log; and the two
 * effects that print a line. Pure functions over values that hold no secret (the library's messages
 * never repeat a username or a token, and previews carry them redacted), so they can be tested alone.
 *
 * @since 0.1.0
 */
import type { RequestPreview } from "@cognito-feedback/http/AuthEventFeedbackClient"
import * as ResponseText from "@cognito-feedback/http/ResponseText"
import type { RequestLogEntry } from "@cognito-feedback/testkit/CognitoEmulator"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

/**
 * `--output`: `text` (the default) for people, `json` for scripts.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = "text" | "json"

/**
 * The formats `--output` accepts, the default first.
 *
 * @since 0.1.0
 * @category models
 */
export const formats = ["text", "json"] as const satisfies ReadonlyArray<Format>

/**
 * 0 success, 1 a service or transport error, 2 invalid input or configuration (nothing was sent).
 *
 * @since 0.1.0
 * @category models
 */
export type ExitCode = 0 | 1 | 2

/**
 * @since 0.1.0
 * @category models
 */
export const ExitCode = {
  Success: 0,
  ServiceError: 1,
  InvalidInput: 2
} as const satisfies Record<string, ExitCode>

/**
 * A failure as the command reports it: the error's `_tag`, its message and the request id when
 * the service gave one.
 *
 * @since 0.1.0
 * @category models
 */
export interface Failure {
  readonly error: string
  readonly message: string
  readonly requestId?: string | undefined
}

/**
 * The report of a tagged error. Only `_tag`, `message` and `requestId` are read: never a cause.
 *
 * @since 0.1.0
 * @category constructors
 */
export const failureOf = (error: {
  readonly _tag: string
  readonly message: string
  readonly requestId?: string | undefined
}): Failure => ({ error: error._tag, message: error.message, requestId: error.requestId })

/**
 * `text` without terminal escape sequences (colours, window titles, …).
 *
 * @since 0.1.0
 * @category formatting
 */
export const stripAnsi = (text: string): string => ResponseText.withoutEscapes(text)

/**
 * `text` as one bounded line that a terminal shows as it is: no escape sequences or control
 * characters, every run of whitespace (newlines included) one space, cut at
 * `ResponseText.maxMessageLength`. Everything a report prints that came from elsewhere goes
 * through it.
 *
 * @since 0.1.0
 * @category formatting
 */
export const oneLine = (text: string): string =>
  ResponseText.truncate(
    ResponseText.withoutControls(text).replace(/\s+/g, " ").trim(),
    ResponseText.maxMessageLength
  )

/**
 * The single line written to standard error for a failure: `Tag: message [request id: …]`, or
 * `{"error": …, "message": …, "requestId": …}` (`requestId` only when there is one).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatFailure = (format: Format, failure: Failure): string => {
  const message = oneLine(failure.message)
  if (format === "json") {
    return JSON.stringify({
      error: failure.error,
      message,
      ...(failure.requestId === undefined ? {} : { requestId: oneLine(failure.requestId) })
    })
  }
  const requestId = failure.requestId === undefined ? "" : ` [request id: ${oneLine(failure.requestId)}]`
  return `${failure.error}: ${message}${requestId}`
}

/**
 * What a success recorded; no username, no token.
 *
 * @since 0.1.0
 * @category models
 */
export interface Recorded {
  readonly userPoolId: string
  readonly eventId: string
  readonly feedbackValue: "Valid" | "Invalid"
}

/**
 * The line written to standard output on success: a sentence, or the response object (`{}`: the
 * operation's response is empty).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatSuccess = (format: Format, recorded: Recorded, response: object = {}): string =>
  format === "json"
    ? JSON.stringify(response)
    : `Recorded feedback ${recorded.feedbackValue} for event ${recorded.eventId} in user pool ${recorded.userPoolId}.`

/**
 * The request `--dry-run` shows: as an HTTP message (`text`) or as the preview object (`json`).
 * The preview already has the username and the token replaced by `<redacted>`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPreview = (format: Format, preview: RequestPreview): string => {
  if (format === "json") {
    return JSON.stringify(
      {
        method: preview.method,
        url: preview.url,
        region: preview.region,
        headers: preview.headers,
        body: JSON.parse(preview.body) as unknown
      },
      null,
      2
    )
  }
  return [
    `# dry run: nothing was sent (region ${preview.region})`,
    `${preview.method} ${preview.url}`,
    ...Object.entries(preview.headers).map(([name, value]) => `${name}: ${value}`),
    "",
    preview.body
  ].join("\n")
}

/**
 * The emulator's line for one request: operation, outcome, status and request id.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatRequestLog = (entry: RequestLogEntry): string =>
  `${entry.operation} ${entry.outcome} ${entry.status} ${entry.requestId}`

/**
 * The emulator's first line.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatListening = (url: string): string => `listening on ${url}`

// Our own lines go through the console's unsafe methods: `Cli.run` silences `Console.error`, which
// only @effect/cli uses (to print its multi-line parse errors, which `run` prints as one line).

/**
 * Prints a line on standard output.
 *
 * @since 0.1.0
 * @category printing
 */
export const printOut = (line: string): Effect.Effect<void> =>
  Console.consoleWith((console) => Effect.sync(() => console.unsafe.log(line)))

/**
 * Prints a line on standard error.
 *
 * @since 0.1.0
 * @category printing
 */
export const printErr = (line: string): Effect.Effect<void> =>
  Console.consoleWith((console) => Effect.sync(() => console.unsafe.error(line)))
