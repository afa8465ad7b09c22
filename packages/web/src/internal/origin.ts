/**
 * Whether a `POST` comes from the page itself. Browsers say so in `Sec-Fetch-Site`; older ones
 * only in `Origin`. The page's own `Referrer-Policy: no-referrer` makes browsers send
 * `Origin: null` with its form, so `null` (like a missing header: a non-browser client) cannot be
 * refused: it tells nothing about the sender.
 */
import type * as Headers from "@effect/platform/Headers"
import * as Option from "effect/Option"
import { httpUrl } from "./link.js"

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/** The origin of an absolute http(s) URL (`https://example.com:8443`), or `undefined`. */
const originOf = (url: string): string | undefined => Option.getOrUndefined(Option.map(httpUrl(url), (u) => u.origin))

/** The origin `text` names when it is an http(s) origin and nothing more (a trailing `/` aside). */
export const exactOriginOf = (text: string): string | undefined =>
  Option.getOrUndefined(
    Option.map(
      Option.filter(httpUrl(text), (url) => url.pathname === "/" && url.username === "" && !/[?#]/.test(text)),
      (url) => url.origin
    )
  )

/**
 * `true` when the headers name another site as the sender. With the page's `publicOrigin` known,
 * an `Origin` must be exactly it (scheme, host and port); without it, behind a proxy that ends TLS
 * the server cannot know its own scheme, so only the host is compared: `ownUrl` is the request's
 * URL as received (absolute on edge runtimes), and the `Host` header wins when present.
 */
export const isCrossSite = (headers: Headers.Headers, ownUrl: string, publicOrigin: string | undefined): boolean => {
  const fetchSite = headers["sec-fetch-site"]
  if (fetchSite !== undefined) return fetchSite !== "same-origin" && fetchSite !== "none"
  const origin = headers["origin"]
  if (origin === undefined || origin === "null") return false
  if (publicOrigin !== undefined) return originOf(origin) !== publicOrigin
  const ownHost = headers["host"] ?? hostOf(ownUrl)
  return ownHost === undefined || hostOf(origin) !== ownHost
}
