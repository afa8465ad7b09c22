/**
 * Pagination of `AdminListUserAuthEvents` in a simulator: a user's events newest first (ties in
 * reverse order of insertion), cut into pages of `MaxResults` (0 or absent: the model's maximum,
 * 60), each but the last with a `NextToken` that names the last event shown. A token is bound to
 * the pool and the user (by sub) it lists, so a token from another listing, a garbled one or a
 * forged one is refused. The token is base64url text, written here without any platform encoder
 * so that every runtime mints the same tokens.
 *
 * @since 0.1.0
 */
import { members } from "./Operations.js"

/**
 * Where a page ends: the creation time (epoch milliseconds) and insertion order of its last event.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageKey {
  readonly time: number
  readonly seq: number
}

/**
 * What pagination needs to know of an event.
 *
 * @since 0.1.0
 * @category models
 */
export interface Pageable {
  readonly seq: number
  readonly creationDate: Date
}

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
const sextets: ReadonlyMap<string, number> = new Map(Array.from(alphabet, (c, i) => [c, i]))

/**
 * Base64url without padding (RFC 4648 §5) of text whose characters are all below U+0080, which
 * the tokens' are.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeBase64Url = (ascii: string): string => {
  let out = ""
  for (let i = 0; i < ascii.length; i += 3) {
    const bytes = [ascii.charCodeAt(i), ascii.charCodeAt(i + 1), ascii.charCodeAt(i + 2)]
    const n = ((bytes[0] || 0) << 16) | ((bytes[1] || 0) << 8) | (bytes[2] || 0)
    const chars = Math.min(4, Math.ceil(((ascii.length - i) * 8) / 6))
    for (let j = 0; j < chars; j++) out += alphabet[(n >> (18 - 6 * j)) & 63]
  }
  return out
}

/**
 * The text of base64url (padding optional), as one character per byte; `undefined` for anything
 * that is not base64url.
 *
 * @since 0.1.0
 * @category encoding
 */
export const decodeBase64Url = (token: string): string | undefined => {
  const body = token.replace(/={1,2}$/, "")
  if (body.length % 4 === 1) return undefined
  let out = ""
  for (let i = 0; i < body.length; i += 4) {
    const group = body.slice(i, i + 4)
    let n = 0
    for (const c of group) {
      const sextet = sextets.get(c)
      if (sextet === undefined) return undefined
      n = (n << 6) | sextet
    }
    n <<= 6 * (4 - group.length)
    const bytes = group.length - 1
    for (let j = 0; j < bytes; j++) out += String.fromCharCode((n >> (16 - 8 * j)) & 255)
  }
  return out
}

/** FNV-1a: enough to reject forged or garbled tokens, which is all a simulator needs. */
const fnv1a = (s: string): string => {
  let hash = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, "0")
}

const checksum = (userPoolId: string, sub: string, key: PageKey) =>
  fnv1a(`cognito-simulator|${userPoolId}|${sub}|${key.time}|${key.seq}`)

/**
 * The `NextToken` of a page that ends at `key`, for the listing of the user `sub` of `userPoolId`.
 *
 * @since 0.1.0
 * @category encoding
 */
export const encodeToken = (userPoolId: string, sub: string, key: PageKey): string =>
  encodeBase64Url(`${key.time}.${key.seq}.${checksum(userPoolId, sub, key)}`)

/**
 * Where the page before `token` ended; `undefined` for a token that is garbled, forged, or issued
 * for another pool or user.
 *
 * @since 0.1.0
 * @category encoding
 */
export const decodeToken = (token: string, userPoolId: string, sub: string): PageKey | undefined => {
  const text = decodeBase64Url(token)
  if (text === undefined) return undefined
  const [, time, seq, sum] = /^(-?\d{1,16})\.(\d{1,16})\.([0-9a-f]{8})$/.exec(text) ?? []
  if (time === undefined || seq === undefined || sum === undefined) return undefined
  const key = { time: Number(time), seq: Number(seq) }
  return sum === checksum(userPoolId, sub, key) ? key : undefined
}

/**
 * The page size a `MaxResults` asks for: 0, like leaving it out, means the model's maximum (60).
 *
 * @since 0.1.0
 * @category getters
 */
export const pageSize = (maxResults: number | undefined): number =>
  maxResults === undefined || maxResults === 0 ? members.MaxResults.max : maxResults

const newestFirst = (a: Pageable, b: Pageable): number =>
  b.creationDate.getTime() - a.creationDate.getTime() || b.seq - a.seq

const isAfter = (event: Pageable, key: PageKey): boolean => {
  const time = event.creationDate.getTime()
  return time < key.time || (time === key.time && event.seq < key.seq)
}

/**
 * The events after `after` (all without it), newest first, at most `size`; `next` when more remain.
 *
 * @since 0.1.0
 * @category pagination
 */
export const page = <E extends Pageable>(
  events: ReadonlyArray<E>,
  after: PageKey | undefined,
  size: number
): { readonly events: ReadonlyArray<E>; readonly next: PageKey | undefined } => {
  const remaining = [...events].sort(newestFirst).filter((event) => after === undefined || isAfter(event, after))
  const shown = remaining.slice(0, size)
  const last = shown[shown.length - 1]
  return {
    events: shown,
    next: remaining.length > size && last !== undefined
      ? { time: last.creationDate.getTime(), seq: last.seq }
      : undefined
  }
}
