/**
 * An operation's output as the service model states it: structures of members (some required),
 * lists, strings (some one of a set of values), timestamps (epoch seconds on the wire) and
 * booleans. What an edition builds its output schemas and a simulator its answers from.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 * @category models
 */
export type Shape = StructureShape | ListShape | StringShape | EnumShape | TimestampShape | BooleanShape

/**
 * @since 0.1.0
 * @category models
 */
export interface StructureShape<Members extends Readonly<Record<string, Shape>> = Readonly<Record<string, Shape>>> {
  readonly type: "structure"
  /** In the model's order. */
  readonly members: Members
  /** Names of `members` (typed so at construction; plain strings here, so structures stay covariant). */
  readonly required: ReadonlyArray<string>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ListShape<Member extends Shape = Shape> {
  readonly type: "list"
  readonly member: Member
}

/**
 * @since 0.1.0
 * @category models
 */
export interface StringShape {
  readonly type: "string"
}

/**
 * @since 0.1.0
 * @category models
 */
export interface EnumShape<Values extends ReadonlyArray<string> = ReadonlyArray<string>> {
  readonly type: "enum"
  readonly values: Values
}

/**
 * @since 0.1.0
 * @category models
 */
export interface TimestampShape {
  readonly type: "timestamp"
}

/**
 * @since 0.1.0
 * @category models
 */
export interface BooleanShape {
  readonly type: "boolean"
}

/**
 * The values of an enumeration, as a type.
 *
 * @since 0.1.0
 * @category models
 */
export type Values<S extends EnumShape> = S["values"][number]

/**
 * A structure; `required` names the members it always has.
 *
 * @since 0.1.0
 * @category constructors
 */
export const structure = <const Members extends Readonly<Record<string, Shape>>>(
  members: Members,
  required: ReadonlyArray<keyof Members & string> = []
): StructureShape<Members> => ({ type: "structure", members, required })

/**
 * @since 0.1.0
 * @category constructors
 */
export const list = <const Member extends Shape>(member: Member): ListShape<Member> => ({ type: "list", member })

/**
 * @since 0.1.0
 * @category constructors
 */
export const string: StringShape = { type: "string" }

/**
 * A string that is one of `values`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const enumOf = <const Values extends ReadonlyArray<string>>(values: Values): EnumShape<Values> => ({
  type: "enum",
  values
})

/**
 * @since 0.1.0
 * @category constructors
 */
export const timestamp: TimestampShape = { type: "timestamp" }

/**
 * @since 0.1.0
 * @category constructors
 */
export const boolean: BooleanShape = { type: "boolean" }
