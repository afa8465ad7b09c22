/**
 * `node:assert/strict` with the few chai names the ported suites read best with, and fast-check
 * properties as plain tests: Effect-free, for the shared suites of both editions.
 */
import * as fc from "fast-check"
import strict from "node:assert/strict"
import type { TestApi } from "./testApi.js"

const show = (value: unknown) => typeof value === "string" ? JSON.stringify(value) : String(value)

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = abstract new(...args: Array<any>) => unknown

/** `node:assert/strict`, and chai's names for what it says otherwise. */
export interface Assert {
  readonly ok: typeof strict.ok
  readonly fail: typeof strict.fail
  readonly strictEqual: typeof strict.strictEqual
  readonly deepStrictEqual: typeof strict.deepStrictEqual
  readonly notStrictEqual: typeof strict.notStrictEqual
  readonly match: typeof strict.match
  readonly include: (haystack: string | ReadonlyArray<unknown>, needle: unknown, message?: string) => void
  readonly notInclude: (haystack: string | ReadonlyArray<unknown>, needle: unknown, message?: string) => void
  readonly isTrue: (value: unknown, message?: string) => void
  readonly isFalse: (value: unknown, message?: string) => void
  readonly isUndefined: (value: unknown, message?: string) => void
  readonly isDefined: (value: unknown, message?: string) => void
  readonly property: (object: object, key: string, message?: string) => void
  readonly notProperty: (object: object, key: string, message?: string) => void
  readonly lengthOf: (value: { readonly length: number }, length: number, message?: string) => void
  readonly isAbove: (value: number, than: number, message?: string) => void
  readonly isBelow: (value: number, than: number, message?: string) => void
  readonly instanceOf: (value: unknown, constructor: Constructor, message?: string) => void
}

export const assert: Assert = {
  ok: strict.ok,
  fail: strict.fail,
  strictEqual: strict.strictEqual,
  deepStrictEqual: strict.deepStrictEqual,
  notStrictEqual: strict.notStrictEqual,
  match: strict.match,
  include: (haystack: string | ReadonlyArray<unknown>, needle: unknown, message?: string) =>
    strict.ok(
      (haystack as ReadonlyArray<unknown>).includes(needle),
      message ?? `expected ${show(haystack)} to include ${show(needle)}`
    ),
  notInclude: (haystack: string | ReadonlyArray<unknown>, needle: unknown, message?: string) =>
    strict.ok(
      !(haystack as ReadonlyArray<unknown>).includes(needle),
      message ?? `expected ${show(haystack)} not to include ${show(needle)}`
    ),
  isTrue: (value: unknown, message?: string) => strict.equal(value, true, message),
  isFalse: (value: unknown, message?: string) => strict.equal(value, false, message),
  isUndefined: (value: unknown, message?: string) => strict.equal(value, undefined, message),
  isDefined: (value: unknown, message?: string) => strict.notEqual(value, undefined, message),
  property: (object: object, key: string, message?: string) =>
    strict.ok(key in object, message ?? `expected a property ${key}`),
  notProperty: (object: object, key: string, message?: string) =>
    strict.ok(!(key in object), message ?? `expected no property ${key}`),
  lengthOf: (value: { readonly length: number }, length: number, message?: string) =>
    strict.equal(value.length, length, message),
  isAbove: (value: number, than: number, message?: string) =>
    strict.ok(value > than, message ?? `expected ${value} to be above ${than}`),
  isBelow: (value: number, than: number, message?: string) =>
    strict.ok(value < than, message ?? `expected ${value} to be below ${than}`),
  instanceOf: (value: unknown, constructor: Constructor, message?: string) =>
    strict.ok(value instanceof constructor, message ?? `expected an instance of ${constructor.name}`)
}

/**
 * A fast-check property as a test (100 runs unless told; 30 seconds: some take a second alone,
 * more on a loaded machine), as `it.prop` with fast-check arbitraries in both editions.
 */
export const propOf = (t: TestApi) =>
<const Arbs extends ReadonlyArray<fc.Arbitrary<unknown>>>(
  name: string,
  arbitraries: Arbs,
  body: (values: { -readonly [K in keyof Arbs]: Arbs[K] extends fc.Arbitrary<infer A> ? A : never }) => void,
  options?: { readonly fastCheck?: { readonly numRuns?: number } }
) =>
  t.it(name, () =>
    fc.assert(
      fc.property(...(arbitraries as unknown as [fc.Arbitrary<unknown>]), (...values: Array<unknown>) => {
        body(values as never)
      }),
      { numRuns: options?.fastCheck?.numRuns ?? 100 }
    ), 30_000)
