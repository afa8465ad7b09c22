/**
 * The search behind the testkits' `expectNoSecrets`, without Effect: every text a value shows
 * (strings, nested fields, `toString`), the forms a secret takes in text, and where each secret
 * appears among named places. Each edition passes what only it knows: whether a value is one of
 * its `Redacted`s (shown as `<redacted>`, no leak) and how to read one of its `Cause`s.
 *
 * @since 0.1.0
 */

/**
 * What an edition tells the search about its own values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Hooks {
  /** A value whose content is never shown (a `Redacted`). */
  readonly isHidden: (value: object) => boolean
  /** For a value the edition renders itself (a `Cause`): its text and the values inside it. */
  readonly expand?:
    | ((value: object) => { readonly text: string; readonly parts: ReadonlyArray<unknown> } | undefined)
    | undefined
}

const texts = (value: unknown, out: Array<string>, seen: Set<object>, depth: number, hooks: Hooks): void => {
  if (typeof value === "string") {
    out.push(value)
    return
  }
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    out.push(String(value))
    return
  }
  if (typeof value === "symbol") {
    out.push(value.description ?? "")
    return
  }
  if (typeof value !== "object" || value === null || depth > 8 || seen.has(value)) return
  seen.add(value)
  // what a logger or an exporter shows for a Redacted is "<redacted>": that is no leak
  if (hooks.isHidden(value)) return
  const expanded = hooks.expand?.(value)
  if (expanded !== undefined) {
    out.push(expanded.text)
    for (const part of expanded.parts) texts(part, out, seen, depth + 1, hooks)
    return
  }
  if (value instanceof Error) {
    out.push(value.name, value.message, value.stack ?? "")
    texts(value.cause, out, seen, depth + 1, hooks)
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      texts(k, out, seen, depth + 1, hooks)
      texts(v, out, seen, depth + 1, hooks)
    }
    return
  }
  if (Symbol.iterator in value && !(value instanceof String)) {
    try {
      for (const item of value as Iterable<unknown>) texts(item, out, seen, depth + 1, hooks)
    } catch {
      // an iterator that throws shows nothing more
    }
  }
  for (const key of Object.keys(value)) {
    out.push(key)
    texts((value as Readonly<Record<string, unknown>>)[key], out, seen, depth + 1, hooks)
  }
  try {
    if (typeof value.toString === "function" && value.toString !== Object.prototype.toString) {
      out.push(String(value))
    }
  } catch {
    // a toString that throws shows nothing
  }
}

/**
 * Every text a value shows, joined by newlines: its strings, its fields' (nested, 8 levels at
 * most), its own `toString`; never a hidden value's.
 *
 * @since 0.1.0
 * @category search
 */
export const textOf = (value: unknown, hooks: Hooks): string => {
  const out: Array<string> = []
  texts(value, out, new Set(), 0, hooks)
  return out.join("\n")
}

/**
 * The forms a secret takes in text: as is, JSON-escaped, URL-encoded.
 *
 * @since 0.1.0
 * @category search
 */
export const formsOf = (secret: string): ReadonlyArray<string> =>
  Array.from(new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]))

/**
 * A place in the telemetry (`log line 2 (Info) message`) and the text it shows.
 *
 * @since 0.1.0
 * @category models
 */
export interface Place {
  readonly where: string
  readonly text: string
}

/**
 * A secret (by its name, never its value) found at a place.
 *
 * @since 0.1.0
 * @category models
 */
export interface Leak {
  readonly secret: string
  readonly where: string
}

/**
 * Secrets shorter than this are not looked for by default: a one-letter username would be found
 * in any text.
 *
 * @since 0.1.0
 * @category search
 */
export const defaultMinLength = 4

/**
 * Where each secret appears among `places`. The same value given twice is reported once, under
 * its first name; values shorter than `minLength` are skipped.
 *
 * @since 0.1.0
 * @category search
 */
export const leaks = (
  places: ReadonlyArray<Place>,
  secrets: ReadonlyArray<{ readonly name: string; readonly value: string }>,
  minLength: number
): ReadonlyArray<Leak> => {
  const found: Array<Leak> = []
  const searched = new Set<string>()
  for (const secret of secrets) {
    const value = secret.value
    if (value.length < minLength || searched.has(value)) continue
    searched.add(value)
    const forms = formsOf(value)
    for (const place of places) {
      if (forms.some((form) => place.text.includes(form))) found.push({ secret: secret.name, where: place.where })
    }
  }
  return found
}
