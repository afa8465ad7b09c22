/**
 * UUID v4 text from sixteen random bytes (and a simulated feedback token from more), without Effect: each edition draws the bytes from its
 * fiber's `Random` (so that seeded runs repeat their request ids and generated subs) and formats
 * them here, so that a seed gives the same ids in both.
 *
 * @since 0.1.0
 */

const hex = (byte: number) => (byte & 0xff).toString(16).padStart(2, "0")

/**
 * The UUID of sixteen bytes (0 to 255), with the version (4) and variant (10xx) bits set.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatV4 = (bytes: ArrayLike<number>): string => {
  let h = ""
  for (let i = 0; i < 16; i++) {
    const b = bytes[i] ?? 0
    h += hex(i === 6 ? (b & 0x0f) | 0x40 : i === 8 ? (b & 0x3f) | 0x80 : b)
  }
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * How many random bytes a simulator's feedback token is made of (as many as a 256-bit secret).
 *
 * @since 0.1.0
 * @category formatting
 */
export const feedbackTokenBytes = 32

/**
 * A simulated feedback token of `feedbackTokenBytes` bytes, in hex (the service's form is
 * opaque; this one matches the model's pattern, non-whitespace, and is safe in any URL).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatFeedbackToken = (bytes: ArrayLike<number>): string => {
  let h = ""
  for (let i = 0; i < feedbackTokenBytes; i++) h += hex(bytes[i] ?? 0)
  return h
}
