/**
 * Validation messages for the testkit's schemas (seed files, admin requests), in core's style:
 * `path: rule`, and never a value from the input, which may hold usernames and tokens.
 */
import * as Arr from "effect/Array"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/** A type mismatch says what was expected, and does not echo the value. */
export const mustBe = (expected: string) => () => ({ message: `must be ${expected}`, override: true })

/**
 * `Schema.optional` whose "or undefined" member fails silently: for a present but wrong value, the
 * member's own message is the one to read, and "Expected undefined, actual …" would echo the value.
 */
const absent = "\u0000absent"
const Absent = Schema.Undefined.annotations({ message: () => ({ message: absent, override: true }) })

export const optional = <S extends Schema.Schema.All>(schema: S) =>
  Schema.optionalWith(Schema.Union(schema, Absent), { exact: true })

/** `path: rule` for each issue, `subject rule` for the whole input; `prefix` goes before every path. */
export const describeIssues = (
  error: ParseResult.ParseError,
  subject: string,
  prefix: ReadonlyArray<PropertyKey> = []
): string =>
  Arr.dedupe(
    ParseResult.ArrayFormatter.formatErrorSync(error).filter((issue) => issue.message !== absent).map((issue) => {
      const rule = issue._tag === "Missing"
        ? "is required"
        : issue._tag === "Unexpected"
        ? "is not a known field"
        : issue.message
      const path = [...prefix, ...issue.path].map(String).join(".")
      return path === "" ? `${subject} ${rule}` : `${path}: ${rule}`
    })
  ).join("; ")
