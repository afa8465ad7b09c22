/**
 * How the editions' error classes show themselves, written once: `String(error)` (the tag, the
 * message and the fields that are not secret) and the text fast-check prints for a counterexample.
 * Neither ever reads `cause`, which may hold anything. Each edition sets both functions on every
 * class of its error union with `install`.
 *
 * @since 0.1.0
 */

/**
 * What the texts may read of any of the errors: every field but `cause`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shown {
  readonly _tag: string
  readonly message: string
  readonly reason?: string | undefined
  readonly status?: number | undefined
  readonly code?: string | undefined
  readonly reasonCode?: string | undefined
  readonly origin?: string | undefined
  readonly requestId?: string | undefined
}

const shownFields = (error: Shown): ReadonlyArray<readonly [string, string | number]> => {
  const fields: Array<readonly [string, string | number]> = []
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined) fields.push([name, value])
  }
  add("reason", error.reason)
  add("status", error.status)
  add("code", error.code)
  add("reasonCode", error.reasonCode)
  add("origin", error.origin)
  add("requestId", error.requestId)
  return fields
}

/**
 * `NotAuthorizedException: Invalid token. (requestId: 7c9e…)`, as `Error.prototype.toString` with
 * the fields.
 *
 * @since 0.1.0
 * @category texts
 */
export const toText = (error: Shown): string => {
  const head = error.message === "" ? error._tag : `${error._tag}: ${error.message}`
  const fields = shownFields(error)
  return fields.length === 0 ? head : `${head} (${fields.map(([name, value]) => `${name}: ${value}`).join(", ")})`
}

/**
 * `new NotAuthorizedException({ message: "", requestId: "r-1" })`: what fast-check prints for a
 * counterexample, which would otherwise be `new Error("")`. Values are quoted, so an empty or
 * blank message shows.
 *
 * @since 0.1.0
 * @category texts
 */
export const toConstructorText = (error: Shown): string => {
  const fields = [["message", error.message] as const, ...shownFields(error)]
  return `new ${error._tag}({ ${fields.map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join(", ")} })`
}

// fast-check's `fc.toStringMethod`, a registered symbol: no edition depends on fast-check
const fastCheckToString = Symbol.for("fast-check/toStringMethod")

/**
 * Sets `toString` and fast-check's `toStringMethod` on each class's prototype (an edition's error
 * classes each have a base of their own, so the methods cannot live in one shared class).
 *
 * @since 0.1.0
 * @category texts
 */
export const install = (classes: Iterable<{ readonly prototype: object }>): void => {
  for (const errorClass of classes) {
    Object.defineProperty(errorClass.prototype, "toString", {
      value(this: Shown) {
        return toText(this)
      },
      writable: true,
      configurable: true
    })
    Object.defineProperty(errorClass.prototype, fastCheckToString, {
      value(this: Shown) {
        return toConstructorText(this)
      },
      writable: true,
      configurable: true
    })
  }
}
