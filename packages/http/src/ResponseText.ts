/**
 * Text that came from the network (an error's message and code, a request id), made safe to keep
 * in errors, logs, spans and terminals: no terminal control sequences or control characters, a
 * bounded length, and none of the call's secrets. A server may repeat what it was sent — a proxy, a
 * mock, a gateway's error page — so the client redacts the username and the feedback token in every
 * form it sent them (as is, JSON-escaped, URL-encoded) before anything reads the text.
 *
 * @since 0.1.0
 */

/**
 * What replaces a secret found in a server's text.
 *
 * @since 0.1.0
 * @category constants
 */
export const redactedMarker = "<redacted>"

/**
 * The longest message an error keeps: the service's own are one sentence.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxMessageLength = 1024

/**
 * The longest request id or error code an error keeps.
 *
 * @since 0.1.0
 * @category constants
 */
export const maxIdentifierLength = 256

// Escape sequences whole (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, DCS/SOS/PM/APC up to their
// terminator, the 8-bit CSI and OSC introducers, and two-character `ESC x`), so that no part of one is
// left to be read as text; then every C0/C1 control, DEL, and the bidirectional overrides that can
// make a line read other than it is.
/* eslint-disable no-control-regex */
const escapeSequence =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/* eslint-enable no-control-regex */

/**
 * `text` without terminal escape sequences (colours, window titles, …); other characters stay.
 *
 * @since 0.1.0
 * @category sanitizing
 */
export const withoutEscapes = (text: string): string => text.replace(escapeSequence, "")

/**
 * `text` without terminal escape sequences, with every other control character (newlines and tabs
 * included) made a space: what a terminal shows of it is what it says.
 *
 * @since 0.1.0
 * @category sanitizing
 */
export const withoutControls = (text: string): string => withoutEscapes(text).replace(controlCharacter, " ")

/**
 * `text` cut to `maxLength` characters, ending in `…` when cut (never inside a surrogate pair).
 *
 * @since 0.1.0
 * @category sanitizing
 */
export const truncate = (text: string, maxLength: number): string => {
  if (text.length <= maxLength) return text
  let end = Math.max(0, maxLength - 1)
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/**
 * Replaces every secret of a call in a text.
 *
 * @since 0.1.0
 * @category models
 */
export type Redactor = (text: string) => string

/**
 * Leaves a text as it is: for texts that cannot hold a secret of the call.
 *
 * @since 0.1.0
 * @category constructors
 */
export const noSecrets: Redactor = (text) => text

const jsonEscaped = (secret: string): string => JSON.stringify(secret).slice(1, -1)
// JSON with every non-ASCII character as \uXXXX, as many servers write it (Python's default)
const asciiJsonEscaped = (secret: string): string =>
  jsonEscaped(secret).replace(/[^\u0020-\u007e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
const formEncoded = (text: string): string => encodeURIComponent(text).replace(/%20/g, "+")

/**
 * The forms in which a server may repeat a secret it was sent: as is; JSON-escaped (also with
 * `\uXXXX` escapes), once or twice (the request body quoted inside a JSON message); and each of
 * those URL-encoded (also as a form).
 *
 * @since 0.1.0
 * @category redacting
 */
export const echoedForms = (secret: string): ReadonlyArray<string> => {
  const escaped = [secret, jsonEscaped(secret), asciiJsonEscaped(secret)]
  const twice = escaped.slice(1).flatMap((once) => [jsonEscaped(once), asciiJsonEscaped(once)])
  const forms = new Set<string>()
  for (const form of [...escaped, ...twice]) {
    forms.add(form)
    forms.add(encodeURIComponent(form))
    forms.add(formEncoded(form))
  }
  return [...forms]
}

const regExpEscaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

/**
 * A `Redactor` for `secrets` in every form of `echoedForms`, compared without regard to case (a
 * percent-escape or `\u` escape may come back in either case). Built on first use: a call that
 * ends well pays for it only when its request id is read for a span or a debug log.
 *
 * @since 0.1.0
 * @category constructors
 */
export const redactorFor = (secrets: ReadonlyArray<string>): Redactor => {
  let pattern: RegExp | undefined | null = null
  return (text) => {
    if (pattern === null) {
      const forms = secrets.filter((secret) => secret !== "").flatMap(echoedForms)
      // the longest first, so that a form is never cut short by a shorter one it contains
      forms.sort((a, b) => b.length - a.length)
      pattern = forms.length === 0 ? undefined : new RegExp(forms.map(regExpEscaped).join("|"), "giu")
    }
    return pattern === undefined ? text : text.replace(pattern, redactedMarker)
  }
}

/**
 * A text read from a response, ready to keep: controls removed first (so that a control character
 * inside a secret cannot hide it), then the secrets redacted, then cut to `maxLength`.
 *
 * @since 0.1.0
 * @category sanitizing
 */
export const fromNetwork = (text: string, redact: Redactor, maxLength: number): string =>
  truncate(redact(withoutControls(text)), maxLength)
