/**
 * Whether a `POST` comes from the page itself. Browsers say so in `Sec-Fetch-Site`; older ones
 * only in `Origin`. The page's own `Referrer-Policy: no-referrer` makes browsers send
 * `Origin: null` with its form, so `null` (like a missing header: a non-browser client) cannot be
 * refused: it tells nothing about the sender.
 */
import type * as Headers from "@effect/platform/Headers"

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/**
 * `true` when the headers name another site as the sender. `ownUrl` is the request's URL as
 * received (absolute on edge runtimes); the `Host` header wins when present.
 */
export const isCrossSite = (headers: Headers.Headers, ownUrl: string): boolean => {
  const fetchSite = headers["sec-fetch-site"]
  if (fetchSite !== undefined) return fetchSite !== "same-origin" && fetchSite !== "none"
  const origin = headers["origin"]
  if (origin === undefined || origin === "null") return false
  const ownHost = headers["host"] ?? hostOf(ownUrl)
  return ownHost === undefined || hostOf(origin) !== ownHost
}
