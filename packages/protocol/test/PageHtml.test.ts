/**
 * The page's markup and headers against literal HTML written out by hand, the stylesheet's hash
 * against Node's SHA-256, and the escaping of every value that comes from a link or an option.
 */
import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import type { FeedbackLink } from "../src/FeedbackLink.js"
import * as PageHtml from "../src/PageHtml.js"
import { english, englishEmails } from "../src/PageTexts.js"

const frame: PageHtml.Frame = { texts: english, productName: "Example" }
const link: FeedbackLink = {
  request: {
    UserPoolId: "us-east-1_Example1",
    Username: "alice",
    EventId: "evt-1",
    FeedbackToken: "tok.valid-1",
    FeedbackValue: "Invalid"
  },
  signIn: {}
}

describe("PageHtml", () => {
  it("admits the stylesheet by its SHA-256 in the Content-Security-Policy", () => {
    const digest = createHash("sha256").update(PageHtml.stylesheet).digest("base64")
    expect(PageHtml.styleHash).toBe(`sha256-${digest}`)
    expect(PageHtml.securityHeaders).toEqual({
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "content-security-policy": `default-src 'none'; style-src 'sha256-${digest}'; form-action 'self'; ` +
        "frame-ancestors 'none'; base-uri 'none'",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "x-robots-tag": "noindex, nofollow",
      "cross-origin-opener-policy": "same-origin"
    })
    expect(PageHtml.contentType).toBe("text/html; charset=utf-8")
  })

  it("an outcome page: the layout around its title and message", () => {
    const page = PageHtml.outcome(frame, "linkNotUsable", "https://example.com/security").value
    expect(page.startsWith(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>This link no longer works – Example</title>
<style>`)).toBe(true)
    expect(page).toContain(`<style>${PageHtml.stylesheet}</style>\n</head>`)
    expect(page.endsWith(`</head>
<body>
<main>
<p class="product">Example</p>
<h1>This link no longer works</h1>
<p>It has expired or has already been used. If you are worried about your account, sign in and change your password.</p>

</main>
</body>
</html>
`)).toBe(true)
    expect(page).not.toContain("<script")
    expect(page).not.toContain("https://example.com/security")
  })

  it("after Invalid is recorded, the link to secure the account, when there is one", () => {
    const page = PageHtml.outcome(frame, "recordedInvalid", "https://example.com/security?a=1&b=2").value
    expect(page).toContain(
      "<p>We recorded that this sign-in was not you. Change your password now, and review your account&#39;s security " +
        "settings.</p>\n<p><a href=\"https://example.com/security?a=1&amp;b=2\">Secure your account</a></p>\n\n</main>"
    )
    expect(PageHtml.outcome(frame, "recordedInvalid", undefined).value).not.toContain("<a ")
    expect(PageHtml.outcome(frame, "recordedValid", "https://example.com/security").value).not.toContain("<a ")
  })

  it("the question: one button in a form of hidden fields, posting to the path it was served on", () => {
    const page = PageHtml.question(frame, "/auth-events/feedback", link, false).value
    expect(page).toContain(`<title>Was this you? – Example</title>`)
    expect(page).toContain(`<h1>Was this you?</h1>
<p>We noticed a sign-in to your Example account that did not look like you.</p>
<p>If you did not sign in, tell us below so that we can protect your account. Nothing changes until you press the button.</p>
<form method="post" action="./feedback">
<input type="hidden" name="username" value="alice">
<input type="hidden" name="event-id" value="evt-1">
<input type="hidden" name="feedback-token" value="tok.valid-1">
<input type="hidden" name="feedback" value="invalid">
<button type="submit" class="invalid">No, this was not me</button>
</form>
</main>`)
  })

  it("the question carries the link's pool only when the page has none; after a slash it posts to ./", () => {
    const valid: FeedbackLink = { ...link, request: { ...link.request, FeedbackValue: "Valid" } }
    const page = PageHtml.question(frame, "/app/fb/", valid, true).value
    expect(page).toContain(`<form method="post" action="./">
<input type="hidden" name="user-pool-id" value="us-east-1_Example1">
<input type="hidden" name="username" value="alice">
<input type="hidden" name="event-id" value="evt-1">
<input type="hidden" name="feedback-token" value="tok.valid-1">
<input type="hidden" name="feedback" value="valid">
<button type="submit" class="valid">Yes, this was me</button>
</form>`)
    expect(page).toContain(
      "<p>If you signed in yourself, confirm it below. Nothing changes until you press the button.</p>"
    )
  })

  it("says where and when the sign-in was, from what the link gives", () => {
    const withDetails: FeedbackLink = {
      ...link,
      signIn: { city: "Lyon", country: "France", ipAddress: "203.0.113.7", deviceName: "Firefox, Linux" }
    }
    expect(PageHtml.question(frame, "/fb", withDetails, false).value).toContain(
      "<p>The sign-in was from Lyon, France (203.0.113.7), on Firefox, Linux.</p>\n<p>If you did not sign in"
    )
    const ipOnly: FeedbackLink = { ...link, signIn: { ipAddress: "203.0.113.7", loginTime: "10:00 UTC" } }
    expect(PageHtml.question(frame, "/fb", ipOnly, false).value).toContain(
      "<p>The sign-in was from 203.0.113.7, at 10:00 UTC.</p>"
    )
  })

  it("escapes what comes from the link and the options, in text and in attributes", () => {
    const hostile: FeedbackLink = {
      request: { ...link.request, Username: "a\"><script>x</script>" },
      signIn: { city: "<img src=x onerror=alert(1)>" }
    }
    const page = PageHtml.question({ texts: english, productName: "A&B <Co>" }, "/fb", hostile, false).value
    expect(page).toContain(
      "<input type=\"hidden\" name=\"username\" value=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
    )
    expect(page).toContain("<p>The sign-in was from &lt;img src=x onerror=alert(1)&gt;.</p>")
    expect(page).toContain("<title>Was this you? – A&amp;B &lt;Co&gt;</title>")
    expect(page).not.toContain("<script>")
    expect(page).not.toContain("<img")
  })

  it("an email: the HTML body around the two links, the text body with the free-text placeholders", () => {
    const valid = "https://example.com/fb?username={username}&feedback=valid"
    const invalid = "https://example.com/fb?username={username}&feedback=invalid"
    expect(PageHtml.email(englishEmails, "NoActionEmail", valid, invalid)).toEqual({
      Subject: "Was this you? A new sign-in to your account",
      HtmlBody: `<p>Hello,</p>
<p>We noticed a sign-in to your account that did not look like you.</p>
<p>Was this you?</p>
<p><a href="https://example.com/fb?username={username}&amp;feedback=valid">Yes, this was me</a></p>
<p><a href="https://example.com/fb?username={username}&amp;feedback=invalid">No, this was not me</a> (then change your password)</p>
<p>Each link opens a page that asks you to confirm: nothing is recorded until you press its button.</p>
`,
      TextBody: `Hello,

We noticed a sign-in to your account that did not look like you. The sign-in was from {city}, {country} ({ip-address}), on {device-name}, at {login-time}.

Was this you? If this was you, confirm it:
https://example.com/fb?username={username}&feedback=valid

If this was not you, tell us, then change your password:
https://example.com/fb?username={username}&feedback=invalid

Each link opens a page that asks you to confirm: nothing is recorded until you press its button.
`
    })
    expect(PageHtml.email(englishEmails, "BlockEmail", valid, invalid).Subject).toBe(
      "We blocked a sign-in to your account"
    )
    expect(PageHtml.email(englishEmails, "MfaEmail", valid, invalid).TextBody).toContain(
      "If this was you, confirm it:\n" + valid
    )
  })
})
