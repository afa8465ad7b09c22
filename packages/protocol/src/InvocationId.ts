/**
 * `amz-sdk-invocation-id` from two random 32-bit words, without Effect: both editions draw the
 * words from their fiber's `Random` and format them here, so that a seed gives the same ids in each.
 *
 * @since 0.1.0
 */

const byteHex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"))
const byteAt = (word: number, shift: number): string => byteHex[(word >>> shift) & 0xff] ?? "00"
// by table: number-to-hex conversion of 32-bit words showed up in profiles of the hot path
const hex = (word: number): string => byteAt(word, 24) + byteAt(word, 16) + byteAt(word, 8) + byteAt(word, 0)

// splitmix32's finalizer: spreads two random words over the two the id still needs
const mix = (word: number): number => {
  let z = Math.imul(word ^ (word >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/**
 * A UUID v4 from two random 32-bit words `a` and `b`, mixed into the other two words.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (a: number, b: number): string => {
  const c = mix(a ^ 0x9e3779b9)
  const d = mix(b ^ 0x7f4a7c15)
  // version 4 in byte 6, the RFC 4122 variant in byte 8
  const b4 = hex(((b & 0xffff0fff) | 0x00004000) >>> 0)
  const c4 = hex(((c & 0x3fffffff) | 0x80000000) >>> 0)
  return `${hex(a)}-${b4.slice(0, 4)}-${b4.slice(4)}-${c4.slice(0, 4)}-${c4.slice(4)}${hex(d)}`
}
