/**
 * HTML built only through the `html` tagged template, which escapes every interpolated value that is
 * not itself `Html`: no text can reach a page unescaped, whatever its source.
 */

/** A fragment of markup that is safe to send: built by `html`, never from a plain string. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** What may be interpolated: text (escaped), markup built by `html`, lists of either, or nothing. */
export type Interpolation = string | number | Html | undefined | null | false | ReadonlyArray<Interpolation>

const replacements: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\"": "&quot;",
  "'": "&#39;"
}

/** Text as HTML that shows exactly that text, in element content and in quoted attribute values. */
export const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => replacements[c] ?? c)

const render = (value: Interpolation): string => {
  if (value === undefined || value === null || value === false) return ""
  if (value instanceof Html) return value.value
  if (typeof value === "string") return escape(value)
  if (typeof value === "number") return escape(String(value))
  return value.map(render).join("")
}

/** Markup from a template: the literal parts as written, every interpolation escaped. */
export const html = (strings: TemplateStringsArray, ...values: ReadonlyArray<Interpolation>): Html => {
  let out = strings[0] ?? ""
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? "")
  }
  return new Html(out)
}
