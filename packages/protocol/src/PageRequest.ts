/**
 * What the feedback page reads from a request, and how it writes its URLs, without any runtime
 * library: the query of a link as written in the email, the page's URL from a base URL, whether a
 * `POST` comes from another site, and a URL with its query and path parameters redacted for spans
 * and logs. Shared by every edition's page; each wraps the results in its own types.
 *
 * @since 0.1.0
 */
import type { Params } from "./FeedbackLink.js"

// The WHATWG URL and URLSearchParams classes, globals of every runtime the protocol runs on (Node,
// browsers, Deno, Bun, workers); declared here, with what is read of them, because the protocol
// compiles against ES2022 only.
declare const URL: new(input: string) => HttpUrl
declare const URLSearchParams: new(init: string) => {
  readonly getAll: (name: string) => Array<string>
}

/**
 * An absolute URL, as parsed by the runtime's `URL`, with what the page reads of it.
 *
 * @since 0.1.0
 * @category models
 */
export interface HttpUrl {
  readonly protocol: string
  readonly host: string
  readonly username: string
  readonly search: string
  readonly hash: string
  readonly origin: string
  readonly pathname: string
}

/**
 * The query of a link as written in the email, from a request's URL (relative or absolute). `+` is
 * kept as `+`: Cognito puts the username and event id into the link as they are, both may contain
 * `+` and neither may contain a space, so reading `+` as a space (as form encoding does) would only
 * break valid links.
 *
 * @since 0.1.0
 * @category decoding
 */
export const queryOfUrl = (url: string): Params => {
  const start = url.indexOf("?")
  if (start === -1) return new URLSearchParams("")
  const end = url.indexOf("#", start)
  return new URLSearchParams(url.slice(start + 1, end === -1 ? undefined : end).replaceAll("+", "%2B"))
}

/**
 * `url` parsed, when it is an absolute http or https URL; otherwise `undefined`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const httpUrl = (url: string): HttpUrl | undefined => {
  let parsed: HttpUrl
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed : undefined
}

/**
 * The page's URL, or the rule the base URL breaks.
 *
 * @since 0.1.0
 * @category models
 */
export type PageUrl =
  | { readonly _tag: "Ok"; readonly value: string }
  | { readonly _tag: "Invalid"; readonly rule: string }

/**
 * Where the page is: an http(s) base URL (origin and any prefix, trailing `/` dropped) followed by
 * the page's path. The base URL must have no query or fragment.
 *
 * @since 0.1.0
 * @category encoding
 */
export const pageUrl = (baseUrl: string, path: string): PageUrl => {
  const parsed = httpUrl(baseUrl)
  if (parsed === undefined) return { _tag: "Invalid", rule: "must be an absolute http or https URL" }
  if (parsed.search !== "" || parsed.hash !== "") return { _tag: "Invalid", rule: "must have no query or fragment" }
  return { _tag: "Ok", value: parsed.origin + parsed.pathname.replace(/\/+$/, "") + path }
}

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/**
 * The origin `text` names when it is an http(s) origin and nothing more (a trailing `/` aside):
 * `https://example.com:8443`, or `undefined`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const exactOriginOf = (text: string): string | undefined => {
  const url = httpUrl(text)
  return url !== undefined && url.pathname === "/" && url.username === "" && !/[?#]/.test(text)
    ? url.origin
    : undefined
}

/**
 * `true` when a `POST`'s headers (lower-case names) name another site as the sender. Browsers say
 * so in `Sec-Fetch-Site`; older ones only in `Origin`. The page's own `Referrer-Policy: no-referrer`
 * makes browsers send `Origin: null` with its form, so `null` (like a missing header: a
 * non-browser client) cannot be refused: it tells nothing about the sender. With the page's
 * `publicOrigin` known, an `Origin` must be exactly it (scheme, host and port); without it, behind
 * a proxy that ends TLS the server cannot know its own scheme, so only the host is compared:
 * `ownUrl` is the request's URL as received (absolute on edge runtimes), and the `Host` header wins
 * when present.
 *
 * @since 0.1.0
 * @category decoding
 */
export const isCrossSite = (
  headers: Readonly<Record<string, string | undefined>>,
  ownUrl: string,
  publicOrigin: string | undefined
): boolean => {
  const fetchSite = headers["sec-fetch-site"]
  if (fetchSite !== undefined) return fetchSite !== "same-origin" && fetchSite !== "none"
  const origin = headers["origin"]
  if (origin === undefined || origin === "null") return false
  if (publicOrigin !== undefined) return httpUrl(origin)?.origin !== publicOrigin
  const ownHost = headers["host"] ?? hostOf(ownUrl)
  return ownHost === undefined || hostOf(origin) !== ownHost
}

/**
 * What replaces a query, or path parameters, in spans and logs.
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactedQuery = "<redacted>"

/**
 * The URL without its query or path parameters (a redacted marker instead) and without any
 * fragment: the link's query holds the username and the feedback token, and what follows a `;`
 * in a path reaches the page too, and may hold anything.
 *
 * @since 0.1.0
 * @category redaction
 */
export const redactUrl = (url: string): string => {
  const end = url.search(/[;?#]/)
  if (end === -1) return url
  const query = url.indexOf("?", end)
  const fragment = url.indexOf("#", end)
  const params = url[end] === ";" ? `;${redactedQuery}` : ""
  return url.slice(0, end) + params + (query !== -1 && (fragment === -1 || query < fragment) ? `?${redactedQuery}` : "")
}
