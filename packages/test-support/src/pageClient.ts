/**
 * The feedback page's requests as a browser or a mail scanner sends them, and what is read back
 * from its answers, for both editions' page suites. Effect-free: web `Request`s in, text out.
 */

/** The page's default path (`FeedbackPage.defaultPath` of both editions). */
export const pagePath = "/auth-events/feedback"

export const pool = "us-east-1_Example1"
export const origin = "http://127.0.0.1:8080"

/** The page's options of most tests (`FeedbackPage.Options` of both editions). */
export const options = {
  productName: "Example",
  userPoolId: pool,
  secureAccountUrl: "https://example.com/account/security"
}

/** What a suite reads of a response. */
export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: string
}

/** What an edition's page driver recorded while it answered. */
export interface Recorded {
  /** Every attribute value of every span, and every log message and annotation, as text. */
  readonly telemetry: () => ReadonlyArray<string>
  readonly logs: () => ReadonlyArray<string>
}

/** A `Response` read whole. */
export const answerOf = async (response: Response): Promise<Answer> => ({
  status: response.status,
  headers: response.headers,
  body: await response.text()
})

/** A link to the page with the given query values (percent-encoded, as `FeedbackPage.links` writes them). */
export const linkTo = (query: Record<string, string>, path: string = pagePath): string =>
  `${origin}${path}?` + Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")

export const aliceLink = {
  "user-pool-id": pool,
  username: "alice",
  "event-id": "evt-1",
  "feedback-token": "tok.valid-1",
  feedback: "invalid"
}

export const formOf = (values: Record<string, string>): string => new URLSearchParams(values).toString()

/** A same-origin form POST, as the page's own button sends it. */
export const post = (body: string, headers: Record<string, string> = {}, path: string = pagePath): Request =>
  new Request(`${origin}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      host: "127.0.0.1:8080",
      "sec-fetch-site": "same-origin",
      ...headers
    },
    body
  })

/** A log message or attribute value as text. */
export const textOf = (value: unknown): string => {
  if (typeof value === "string") return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** The value of each hidden field of the question page's form. */
export const hiddenFields = (page: string): Record<string, string> => {
  const fields: Record<string, string> = {}
  for (const match of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[decodeEntities(match[1] ?? "")] = decodeEntities(match[2] ?? "")
  }
  return fields
}

export const decodeEntities = (text: string): string =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'" })[name] ?? ""
  )

/** Every placeholder of `template` replaced by its value, as they are, in one pass: what Cognito sends. */
export const fillIn = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{([a-z-]+)\}/g, (placeholder, name: string) => values[name] ?? placeholder)

/** The security headers every page carries, and the CSP's rules. Returns what is wrong, or `undefined`. */
export const securityHeadersProblem = (headers: Headers): string | undefined => {
  const expected = {
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "content-type": "text/html; charset=utf-8"
  }
  for (const [name, value] of Object.entries(expected)) {
    if (headers.get(name) !== value) return `${name}: ${headers.get(name)}`
  }
  const csp = headers.get("content-security-policy") ?? ""
  for (const rule of ["default-src 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    if (!csp.includes(rule)) return `CSP without ${rule}: ${csp}`
  }
  for (const rule of ["script-src", "unsafe-inline"]) if (csp.includes(rule)) return `CSP with ${rule}: ${csp}`
  return undefined
}
