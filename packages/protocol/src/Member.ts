/**
 * A member of an operation's input as the service model states it: a string with lengths and a
 * pattern, one of a set of values, an integer in a range, a boolean, a structure of members or a
 * list; required or not; sensitive or not (a
 * sensitive value is never shown: not in a message, a log or a span). The validation here is the
 * one every edition runs before anything is sent, with messages that never contain the value.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category models
 */
export interface StringMember {
  readonly type: "string"
  readonly required: boolean
  readonly sensitive: boolean
  readonly minLength?: number
  readonly maxLength?: number
  /** Anchored: the whole value must match. */
  readonly pattern?: RegExp
  /** Smithy counts lengths in Unicode code points; said where it differs from UTF-16 units. */
  readonly codePoints?: boolean
}

/**
 * @since 0.1.0
 * @category models
 */
export interface EnumMember<Values extends ReadonlyArray<string> = ReadonlyArray<string>> {
  readonly type: "enum"
  readonly required: boolean
  readonly sensitive: false
  readonly values: Values
}

/**
 * @since 0.1.0
 * @category models
 */
export interface IntegerMember {
  readonly type: "integer"
  readonly required: boolean
  readonly sensitive: false
  readonly min: number
  readonly max: number
}

/**
 * @since 0.1.0
 * @category models
 */
export interface BooleanMember {
  readonly type: "boolean"
  readonly required: boolean
  readonly sensitive: false
}

/**
 * A structure of members (`SetRiskConfiguration`'s nested configuration).
 *
 * @since 0.1.0
 * @category models
 */
export interface StructureMember<Members extends Readonly<Record<string, Member>> = Readonly<Record<string, Member>>> {
  readonly type: "structure"
  readonly required: boolean
  readonly sensitive: false
  /** In the model's order. */
  readonly members: Members
}

/**
 * A list of one member type, with at most `maxItems` items when the model bounds it.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListMember<Item extends Member = Member> {
  readonly type: "list"
  readonly required: boolean
  readonly sensitive: false
  readonly item: Item
  readonly maxItems?: number
}

/**
 * @since 0.1.0
 * @category models
 */
export type Member = StringMember | EnumMember | IntegerMember | BooleanMember | StructureMember | ListMember

/**
 * A string's constraints: what `brokenRule` checks.
 *
 * @since 0.1.0
 * @category models
 */
export type StringRules = Pick<StringMember, "minLength" | "maxLength" | "pattern" | "codePoints">

const lengthOf = (s: string, rules: StringRules) => (rules.codePoints ? Array.from(s).length : s.length)

/**
 * The first rule `s` breaks, as a message that never contains `s`; `undefined` when it breaks none.
 *
 * @since 0.1.0
 * @category validation
 */
export const brokenRule = (s: string, rules: StringRules): string | undefined => {
  const length = lengthOf(s, rules)
  if (rules.minLength !== undefined && length < rules.minLength) {
    return `must be at least ${rules.minLength} character${rules.minLength === 1 ? "" : "s"} long`
  }
  if (rules.maxLength !== undefined && length > rules.maxLength) {
    return `must be at most ${rules.maxLength} characters long`
  }
  if (rules.pattern !== undefined && !rules.pattern.test(s)) {
    return `must match ${rules.pattern.source}`
  }
  return undefined
}

/**
 * The rule `n` breaks of an integer member, as a message; `undefined` when it breaks none.
 *
 * @since 0.1.0
 * @category validation
 */
export const brokenIntegerRule = (n: number, member: Pick<IntegerMember, "min" | "max">): string | undefined =>
  Number.isInteger(n) && n >= member.min && n <= member.max
    ? undefined
    : `must be an integer from ${member.min} to ${member.max}`

/**
 * A required string member.
 *
 * @since 0.1.0
 * @category constructors
 */
export const string = <const Rules extends StringRules>(
  rules: Rules,
  options: { readonly sensitive?: boolean } = {}
): StringMember & Rules => ({
  type: "string",
  required: true,
  sensitive: options.sensitive ?? false,
  ...rules
})

/**
 * A required member that is one of `values`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const oneOf = <const Values extends ReadonlyArray<string>>(values: Values): EnumMember<Values> => ({
  type: "enum",
  required: true,
  sensitive: false,
  values
})

/**
 * A required integer member from `min` to `max`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const integer = (min: number, max: number): IntegerMember => ({
  type: "integer",
  required: true,
  sensitive: false,
  min,
  max
})

/**
 * A required boolean member.
 *
 * @since 0.1.0
 * @category constructors
 */
export const boolean: BooleanMember = { type: "boolean", required: true, sensitive: false }

/**
 * A required structure; its members say which of them are required.
 *
 * @since 0.1.0
 * @category constructors
 */
export const structure = <const Members extends Readonly<Record<string, Member>>>(
  members: Members
): StructureMember<Members> => ({ type: "structure", required: true, sensitive: false, members })

/**
 * A required list of `item`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const list = <const Item extends Member>(
  item: Item,
  options: { readonly maxItems?: number } = {}
): ListMember<Item> => ({ type: "list", required: true, sensitive: false, item, ...options })

/**
 * The JSON type a member's value has on the wire (what a server checks before anything else: a
 * value of another JSON type is a `SerializationException`).
 *
 * @since 0.1.0
 * @category getters
 */
export const jsonType = (member: Member): "string" | "number" | "boolean" | "object" | "array" => {
  switch (member.type) {
    case "string":
    case "enum":
      return "string"
    case "integer":
      return "number"
    case "boolean":
      return "boolean"
    case "structure":
      return "object"
    case "list":
      return "array"
  }
}

/**
 * The same member, not required.
 *
 * @since 0.1.0
 * @category combinators
 */
export const optional = <M extends Member>(member: M): M => ({ ...member, required: false })
