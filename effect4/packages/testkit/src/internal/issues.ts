/**
 * Validation messages for the testkit's schemas (seed files, admin requests), in core's style:
 * `path: rule`, and never a value from the input, which may hold usernames and tokens.
 */
import * as Arr from "effect/Array"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"

/** A type mismatch says what was expected, and does not echo the value. */
export const mustBe = (expected: string): string => `must be ${expected}`

/**
 * An optional key whose "or undefined" member fails silently: for a present but wrong value, the
 * member's own message is the one to read, and "Expected undefined, actual …" would echo the value.
 */
const absent = "\u0000absent"
const Absent = Schema.Undefined.annotate({ message: absent })

export const optional = <S extends Schema.Top>(schema: S) => {
  // a value of no member's type is reported by the union: with the member's own message
  const message = schema.ast.annotations?.message
  const union = Schema.Union([schema, Absent])
  return Schema.optionalKey(typeof message === "string" ? union.annotate({ message }) : union)
}

const sensitiveMismatch = mustBe("a string or a Redacted string")

const keyOf = (key: PropertyKey | { readonly key: PropertyKey }): string =>
  String(typeof key === "object" ? key.key : key)

/** `path: rule` for each issue, `subject rule` for the whole input; `prefix` goes before every path. */
export const describeIssues = (
  error: Schema.SchemaError,
  subject: string,
  prefix: ReadonlyArray<PropertyKey> = []
): string => {
  // one problem per path, the first (a union of a plain and a `Redacted` string reports both members)
  const paths = new Set<string>()
  const lines: Array<string> = []
  for (const issue of SchemaIssue.makeFormatterStandardSchemaV1()(error.issue).issues) {
    if (issue.message === absent) continue
    const path = [...prefix.map(String), ...(issue.path ?? []).map(keyOf)].join(".")
    if (paths.has(path)) continue
    paths.add(path)
    const rule = issue.message === "Missing key"
      ? "is required"
      : issue.message === "Expected no excess property" || issue.message.startsWith("Unexpected key")
      ? "is not a known field"
      // the sensitive members are unions of a plain and a `Redacted` string, whose own message
      // annotation Effect 4 does not use: a value of neither type is reported by its last member
      : issue.message === "Expected Redacted"
      ? sensitiveMismatch
      : issue.message
    lines.push(path === "" ? `${subject} ${rule}` : `${path}: ${rule}`)
  }
  return Arr.dedupe(lines).join("; ")
}
