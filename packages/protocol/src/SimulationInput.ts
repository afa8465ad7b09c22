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
 * What is wrong with one present value of `member`, or `undefined`.
 *
 * @since 0.1.0
 * @category validation
 */
export const memberProblem = (member: Member, value: unknown, options: Options = {}): string | undefined => {
  switch (member.type) {
    case "string":
      return typeof value === "string"
        ? brokenRule(value, member)
        : `must be ${member.sensitive ? options.sensitiveType ?? "a string" : "a string"}`
    case "enum":
      return typeof value === "string" && member.values.includes(value)
        ? undefined
        : `must be ${member.values.map((v) => `"${v}"`).join(" or ")}`
    case "integer":
      return typeof value === "number" ? brokenIntegerRule(value, member) : "must be a number"
  }
}

/**
 * Checks `input` against `operation`'s members, in the description's order.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (operation: Operation, input: unknown, options: Options = {}): Validated => {
  if (!isObject(input)) return { _tag: "Invalid", message: "request must be an object" }
  const problems: Array<string> = []
  const request: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(operation.input)) {
    const present = Object.prototype.hasOwnProperty.call(input, name)
    const value = present ? input[name] : undefined
    if (!present || (value === undefined && !member.required)) {
      if (member.required) problems.push(`${name}: is required`)
      continue
    }
    const problem = memberProblem(member, value, options)
    if (problem === undefined) request[name] = value
    else problems.push(`${name}: ${problem}`)
  }
  return problems.length === 0
    ? { _tag: "Valid", request }
    : { _tag: "Invalid", message: Array.from(new Set(problems)).join("; ") }
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
