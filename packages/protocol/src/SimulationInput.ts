/**
 * How a simulator reads an operation's input: checked against the members of the operation's
 * description (required, type, length, pattern, values, range), every problem named in one
 * message as `Member: rule` (`request must be an object` for input that is not one), never with
 * a value from the input, which may hold usernames and tokens. The wording is the one the Effect
 * editions give for the same input, so a simulator of either edition, or any other, answers an
 * invalid request with the same `InvalidParameterException` message.
 *
 * Members the description does not know are ignored, as the service does. A member that is absent
 * is `is required` when the description requires it; one present as `undefined` is read as a
 * value of the wrong type, except for an optional member, where it counts as absent.
 *
 * @since 0.1.0
 */
import type { Member } from "./Member.js"
import { brokenIntegerRule, brokenRule } from "./Member.js"
import type { Operation } from "./Operation.js"
import { members } from "./Operations.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * What a sensitive string member may be, in the message for a value of another type (default
   * `a string`). The Effect editions also accept a `Redacted` (and unwrap it before validating):
   * they say `a string or a Redacted string`.
   */
  readonly sensitiveType?: string | undefined
}

/**
 * The input, checked: `request` holds the members the description knows, as given.
 *
 * @since 0.1.0
 * @category models
 */
export type Validated =
  | { readonly _tag: "Valid"; readonly request: Readonly<Record<string, unknown>> }
  | { readonly _tag: "Invalid"; readonly message: string }

// an array is not an object here, as in the Effect editions' schemas
const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * One problem of a value: where inside it (member names and list indices, empty for the value
 * itself) and the rule it breaks.
 *
 * @since 0.1.0
 * @category models
 */
export interface Problem {
  readonly path: ReadonlyArray<string | number>
  readonly rule: string
}

/**
 * The members of `value`, at any depth, that `member` does not describe (their paths), for a
 * reader that refuses them rather than dropping them as the service does.
 *
 * @since 0.1.0
 * @category validation
 */
export const unknownMembers = (member: Member, value: unknown): ReadonlyArray<ReadonlyArray<string | number>> => {
  const found: Array<ReadonlyArray<string | number>> = []
  const walk = (m: Member, v: unknown, path: ReadonlyArray<string | number>): void => {
    if (m.type === "list" && Array.isArray(v)) v.forEach((item, i) => walk(m.item, item, [...path, i]))
    if (m.type !== "structure" || !isObject(v)) return
    for (const [name, child] of Object.entries(v)) {
      const described = Object.prototype.hasOwnProperty.call(m.members, name) ? m.members[name] : undefined
      if (described === undefined) found.push([...path, name])
      else walk(described, child, [...path, name])
    }
  }
  walk(member, value, [])
  return found
}

/**
 * `path: rule` (the rule alone for the value itself).
 *
 * @since 0.1.0
 * @category validation
 */
export const formatProblem = (problem: Problem): string =>
  problem.path.length === 0 ? problem.rule : `${problem.path.join(".")}: ${problem.rule}`

/**
 * Every problem of one present value of `member`: for a structure or a list, each problem inside
 * it with its path (`Actions.LowAction.Notify: is required`).
 *
 * @since 0.1.0
 * @category validation
 */
export const problems = (member: Member, value: unknown, options: Options = {}): ReadonlyArray<Problem> => {
  const found: Array<Problem> = []
  collect(member, value, [], options, found)
  return found
}

/**
 * What is wrong with one present value of `member`, or `undefined`: the first of its `problems`.
 *
 * @since 0.1.0
 * @category validation
 */
export const memberProblem = (member: Member, value: unknown, options: Options = {}): string | undefined => {
  const first = problems(member, value, options)[0]
  return first === undefined ? undefined : formatProblem(first)
}

type Path = ReadonlyArray<string | number>

/** Pushes each problem of `value` (at `path`) onto `found`. */
const collect = (member: Member, value: unknown, path: Path, options: Options, found: Array<Problem>): void => {
  const problem = (rule: string | undefined) => {
    if (rule !== undefined) found.push({ path, rule })
  }
  switch (member.type) {
    case "string":
      return problem(
        typeof value === "string"
          ? brokenRule(value, member)
          : `must be ${member.sensitive ? options.sensitiveType ?? "a string" : "a string"}`
      )
    case "enum":
      return problem(
        typeof value === "string" && member.values.includes(value)
          ? undefined
          : `must be ${member.values.map((v) => `"${v}"`).join(" or ")}`
      )
    case "integer":
      return problem(typeof value === "number" ? brokenIntegerRule(value, member) : "must be a number")
    case "boolean":
      return problem(typeof value === "boolean" ? undefined : "must be a boolean")
    case "list": {
      if (!Array.isArray(value)) return problem("must be a list")
      if (member.maxItems !== undefined && value.length > member.maxItems) {
        return problem(`must have at most ${member.maxItems} items`)
      }
      value.forEach((item, i) => collect(member.item, item, [...path, i], options, found))
      return
    }
    case "structure": {
      if (!isObject(value)) return problem("must be an object")
      for (const [name, child] of Object.entries(member.members)) {
        const present = Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined &&
          value[name] !== null
        if (!present) {
          if (child.required) found.push({ path: [...path, name], rule: "is required" })
          continue
        }
        collect(child, value[name], [...path, name], options, found)
      }
      return
    }
  }
}

/**
 * A value as the decision reads it: inside structures only the members the description knows
 * (others are dropped, as the service ignores them), `null` members as absent.
 *
 * @since 0.1.0
 * @category validation
 */
export const known = (member: Member, value: unknown): unknown => {
  if (member.type === "list" && Array.isArray(value)) return value.map((item) => known(member.item, item))
  if (member.type !== "structure" || !isObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [name, child] of Object.entries(member.members)) {
    const v = Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined
    if (v !== undefined && v !== null) out[name] = known(child, v)
  }
  return out
}

/**
 * Checks `input` against `operation`'s members, in the description's order.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (operation: Operation, input: unknown, options: Options = {}): Validated => {
  if (!isObject(input)) return { _tag: "Invalid", message: "request must be an object" }
  const found: Array<Problem> = []
  const request: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(operation.input)) {
    const present = Object.prototype.hasOwnProperty.call(input, name)
    const value = present ? input[name] : undefined
    if (!present || (value === undefined && !member.required)) {
      if (member.required) found.push({ path: [name], rule: "is required" })
      continue
    }
    const before = found.length
    collect(member, value, [name], options, found)
    if (found.length === before) request[name] = known(member, value)
  }
  return found.length === 0
    ? { _tag: "Valid", request }
    : { _tag: "Invalid", message: Array.from(new Set(found.map(formatProblem))).join("; ") }
}

/**
 * What a call log may show of an input: its `UserPoolId` and `EventId` when they are valid, and
 * nothing else (never a username or a token, nor a value that breaks the rules, which could be
 * anything).
 *
 * @since 0.1.0
 * @category getters
 */
export const callLabels = (input: unknown): { readonly userPoolId?: string; readonly eventId?: string } => {
  if (!isObject(input)) return {}
  const valid = (name: "UserPoolId" | "EventId") => {
    const value = name in input ? input[name] : undefined
    return typeof value === "string" && brokenRule(value, members[name]) === undefined ? value : undefined
  }
  const userPoolId = valid("UserPoolId")
  const eventId = valid("EventId")
  return {
    ...(userPoolId === undefined ? {} : { userPoolId }),
    ...(eventId === undefined ? {} : { eventId })
  }
}
