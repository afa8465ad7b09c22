/**
 * HTML built only through the `html` tagged template, which escapes every interpolated value that
 * is not itself `Html`: no text can reach a page or an email unescaped, whatever its source. Plain
 * strings in, plain strings out, so that every edition renders the feedback page alike.
 *
 * @since 0.1.0
 */

/**
 * A fragment of markup that is safe to send: built by `html` (or from a constant the caller
 * vouches for), never from text that came from outside.
 *
 * @since 0.1.0
 * @category models
 */
export class Html {
  constructor(readonly value: string) {}
  /**
   * The markup itself.
   *
   * @since 0.1.0
   */
  toString(): string {
    return this.value
  }
}

/**
 * What may be interpolated: text (escaped), markup built by `html`, lists of either, or nothing
 * (`undefined`, `null` and `false` render as nothing).
 *
 * @since 0.1.0
 * @category models
 */
export type Interpolation = string | number | Html | undefined | null | false | ReadonlyArray<Interpolation>

const replacements: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\"": "&quot;",
  "'": "&#39;"
}

/**
 * Text as HTML that shows exactly that text, in element content and in quoted attribute values.
 *
 * @since 0.1.0
 * @category escaping
 */
export const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => replacements[c] ?? c)

const render = (value: Interpolation): string => {
  if (value === undefined || value === null || value === false) return ""
  if (value instanceof Html) return value.value
  if (typeof value === "string") return escape(value)
  if (typeof value === "number") return escape(String(value))
  return value.map(render).join("")
}

/**
 * Markup from a template: the literal parts as written, every interpolation escaped.
 *
 * @since 0.1.0
 * @category constructors
 */
export const html = (strings: TemplateStringsArray, ...values: ReadonlyArray<Interpolation>): Html => {
  let out = strings[0] ?? ""
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? "")
  }
  return new Html(out)
}
