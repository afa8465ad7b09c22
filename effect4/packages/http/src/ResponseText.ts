/**
 * Text that came from the network (an error's message and code, a request id), made safe to keep
 * in errors, logs, spans and terminals: no terminal control sequences or control characters, a
 * bounded length, and none of the call's secrets. A server may repeat what it was sent — a proxy, a
 * mock, a gateway's error page — so the client redacts the username and the feedback token in every
 * form it sent them (as is, JSON-escaped, URL-encoded) before anything reads the text. The rules
 * are the protocol's (`@cognito-feedback/protocol/AwsJson`); this module names them for the client.
 *
 * @since 1.0.0
 */
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"

/**
 * What replaces a secret found in a server's text.
 *
 * @since 1.0.0
 * @category constants
 */
export const redactedMarker = AwsJson.redactedMarker

/**
 * The longest message an error keeps: the service's own are one sentence.
 *
 * @since 1.0.0
 * @category constants
 */
export const maxMessageLength = AwsJson.maxMessageLength

/**
 * The longest request id or error code an error keeps.
 *
 * @since 1.0.0
 * @category constants
 */
export const maxIdentifierLength = AwsJson.maxIdentifierLength

/**
 * `text` without terminal escape sequences (colours, window titles, …); other characters stay.
 *
 * @since 1.0.0
 * @category sanitizing
 */
export const withoutEscapes: (text: string) => string = AwsJson.withoutEscapes

/**
 * `text` without terminal escape sequences, with every other control character (newlines and tabs
 * included) made a space: what a terminal shows of it is what it says.
 *
 * @since 1.0.0
 * @category sanitizing
 */
export const withoutControls: (text: string) => string = AwsJson.withoutControls

/**
 * `text` cut to `maxLength` characters, ending in `…` when cut (never inside a surrogate pair).
 *
 * @since 1.0.0
 * @category sanitizing
 */
export const truncate: (text: string, maxLength: number) => string = AwsJson.truncate

/**
 * Replaces every secret of a call in a text.
 *
 * @since 1.0.0
 * @category models
 */
export type Redactor = AwsJson.Redactor

/**
 * Leaves a text as it is: for texts that cannot hold a secret of the call.
 *
 * @since 1.0.0
 * @category constructors
 */
export const noSecrets: Redactor = AwsJson.noSecrets

/**
 * The forms in which a server may repeat a secret it was sent: as is; JSON-escaped (also with
 * `\uXXXX` escapes), once or twice (the request body quoted inside a JSON message); and each of
 * those URL-encoded (also as a form).
 *
 * @since 1.0.0
 * @category redacting
 */
export const echoedForms: (secret: string) => ReadonlyArray<string> = AwsJson.echoedForms

/**
 * A `Redactor` for `secrets` in every form of `echoedForms`, compared without regard to case (a
 * percent-escape or `\u` escape may come back in either case). Built on first use: a call that
 * ends well pays for it only when its request id is read for a span or a debug log.
 *
 * @since 1.0.0
 * @category constructors
 */
export const redactorFor: (secrets: ReadonlyArray<string>) => Redactor = AwsJson.redactorFor

/**
 * A text read from a response, ready to keep: controls removed first (so that a control character
 * inside a secret cannot hide it), then the secrets redacted, then cut to `maxLength`.
 *
 * @since 1.0.0
 * @category sanitizing
 */
export const fromNetwork: (text: string, redact: Redactor, maxLength: number) => string = AwsJson.fromNetwork
