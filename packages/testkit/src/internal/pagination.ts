/**
 * Pagination of `AdminListUserAuthEvents`: events newest first, in pages cut after a `NextToken`
 * that names the last event shown and is bound to the pool and user it lists.
 */
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as Option from "effect/Option"
import type { EventState } from "./simulatorState.js"

/** Where a page ends: the creation time and insertion order of its last event. */
export interface PageKey {
  readonly time: number
  readonly seq: number
}

/** FNV-1a: enough to reject forged or garbled tokens, which is all a simulator needs. */
const fnv1a = (s: string): string => {
  let hash = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, "0")
}

// bound to the pool and the user (by sub), so a token from another listing is rejected
const checksum = (userPoolId: string, sub: string, key: PageKey) =>
  fnv1a(`cognito-simulator|${userPoolId}|${sub}|${key.time}|${key.seq}`)

export const encodeToken = (userPoolId: string, sub: string, key: PageKey): string =>
  Encoding.encodeBase64Url(`${key.time}.${key.seq}.${checksum(userPoolId, sub, key)}`)

/** None for a token that is garbled, forged, or issued for another pool or user. */
export const decodeToken = (token: string, userPoolId: string, sub: string): Option.Option<PageKey> =>
  Either.getRight(Encoding.decodeBase64UrlString(token)).pipe(
    Option.flatMap((text) => {
      const [, time, seq, sum] = /^(-?\d{1,16})\.(\d{1,16})\.([0-9a-f]{8})$/.exec(text) ?? []
      if (time === undefined || seq === undefined || sum === undefined) return Option.none()
      const key = { time: Number(time), seq: Number(seq) }
      return sum === checksum(userPoolId, sub, key) ? Option.some(key) : Option.none()
    })
  )

const newestFirst = (a: EventState, b: EventState): number =>
  b.creationDate.getTime() - a.creationDate.getTime() || b.seq - a.seq

const isAfter = (event: EventState, key: PageKey): boolean => {
  const time = event.creationDate.getTime()
  return time < key.time || (time === key.time && event.seq < key.seq)
}

/** `MaxResults`: 0, like leaving it out, means 60. */
export const pageSize = (maxResults: number | undefined): number =>
  maxResults === undefined || maxResults === 0 ? 60 : maxResults

/** The events after `after` (all without it), newest first, at most `size`; `next` when more remain. */
export const page = (
  events: ReadonlyArray<EventState>,
  after: Option.Option<PageKey>,
  size: number
): { readonly events: ReadonlyArray<EventState>; readonly next: Option.Option<PageKey> } => {
  const remaining = [...events].sort(newestFirst).filter((event) =>
    Option.match(after, {
      onNone: () => true,
      onSome: (key) => isAfter(event, key)
    })
  )
  const shown = remaining.slice(0, size)
  const last = shown[shown.length - 1]
  return {
    events: shown,
    next: remaining.length > size && last !== undefined
      ? Option.some({ time: last.creationDate.getTime(), seq: last.seq })
      : Option.none()
  }
}
