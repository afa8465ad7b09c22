/**
 * The feedback page's markup and its emails': one layout (semantic HTML, `lang`, a viewport for
 * phones, one inline stylesheet, no script), the question with its one-button form, the outcome
 * pages, the headers every page is sent with (its Content-Security-Policy admits the stylesheet by
 * its hash), and the notification emails around the two links. Plain strings in, markup out.
 *
 * @since 0.1.0
 */
import type { FeedbackLink, FeedbackValue } from "./FeedbackLink.js"
import { parameters } from "./FeedbackLink.js"
import { Html, html } from "./Html.js"
import type { EmailKind, EmailTexts, OutcomeKind, Texts } from "./PageTexts.js"

/**
 * The only stylesheet; the Content-Security-Policy admits it by its hash (`styleHash`).
 *
 * @since 0.1.0
 * @category markup
 */
export const stylesheet = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; background: #f4f5f7; color: #1b1f24; line-height: 1.5; }
main { box-sizing: border-box; max-width: 34rem; margin: 2rem auto; padding: 1.5rem; background: #fff;
  border-radius: 0.5rem; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.15); }
@media (max-width: 36rem) { main { margin: 0; border-radius: 0; min-height: 100vh; } }
.product { margin: 0 0 0.5rem; color: #4a5260; font-size: 0.95rem; }
h1 { margin: 0 0 1rem; font-size: 1.6rem; line-height: 1.25; }
p { margin: 0 0 1rem; }
form { margin: 1.5rem 0 0; }
button { font: inherit; font-weight: 600; width: 100%; min-height: 3rem; padding: 0.75rem 1rem; border: 0;
  border-radius: 0.375rem; color: #fff; background: #1a4d8f; cursor: pointer; }
button.invalid { background: #a4221b; }
button:focus-visible, a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
a { color: #1a4d8f; }
`.trim()

/**
 * `sha256-…` of `stylesheet`, for the Content-Security-Policy; a test recomputes it, so a change
 * to the stylesheet that forgets this fails the build instead of unstyling the page. A constant,
 * not computed: the protocol has no digest function (Web Crypto's is asynchronous).
 *
 * @since 0.1.0
 * @category headers
 */
export const styleHash = "sha256-bhTr/30/TFrSLvRwPBtpBRkN05QY2X+BxLEBapmVscc="

/** A constant, so trusted as markup: a style element's text is not unescaped by browsers. */
const styleElement = new Html(`<style>${stylesheet}</style>`)

/**
 * The response headers of every page: no caching, no referrer, no framing, no sniffing, no
 * indexing, and a Content-Security-Policy that admits the stylesheet and no script.
 *
 * @since 0.1.0
 * @category headers
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "content-security-policy": `default-src 'none'; style-src '${styleHash}'; form-action 'self'; ` +
    "frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "x-robots-tag": "noindex, nofollow",
  "cross-origin-opener-policy": "same-origin"
}

/**
 * The content type of every page.
 *
 * @since 0.1.0
 * @category headers
 */
export const contentType = "text/html; charset=utf-8"

/**
 * What every page shows around its content: the texts and the application's name.
 *
 * @since 0.1.0
 * @category models
 */
export interface Frame {
  readonly texts: Texts
  readonly productName: string
}

const layout = (frame: Frame, title: string, content: Html): Html =>
  html`<!doctype html>
<html lang="${frame.texts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title} – ${frame.productName}</title>
${styleElement}
</head>
<body>
<main>
<p class="product">${frame.productName}</p>
<h1>${title}</h1>
${content}
</main>
</body>
</html>
`

/**
 * The form posts to the path the page was just served on, written relative to it (the last segment,
 * or `./` after a trailing slash) so that it holds under any prefix the page is mounted on, and
 * without the query: the token leaves the address bar. The `./` keeps a segment from being read as
 * a scheme.
 */
const formAction = (requestPath: string): string => `./${requestPath.slice(requestPath.lastIndexOf("/") + 1)}`

const hidden = (name: string, value: string | undefined): Html | undefined =>
  value === undefined ? undefined : html`<input type="hidden" name="${name}" value="${value}">\n`

/**
 * "Was this you?": what the link says about the sign-in, and one button that records the answer,
 * in a form that posts the link's values (hidden fields) to `requestPath`, the path the page was
 * served on. The pool is in the form only when `linkHadPool` (the page has no pool of its own).
 *
 * @since 0.1.0
 * @category markup
 */
export const question = (frame: Frame, requestPath: string, link: FeedbackLink, linkHadPool: boolean): Html => {
  const { request, signIn } = link
  const choice = frame.texts.question[request.FeedbackValue]
  const details = frame.texts.question.signIn(signIn)
  const buttonClass: Record<FeedbackValue, string> = { Valid: "valid", Invalid: "invalid" }
  return layout(
    frame,
    frame.texts.question.title,
    html`<p>${frame.texts.question.intro(frame.productName)}</p>
${details === undefined ? undefined : html`<p>${details}</p>\n`}<p>${choice.explanation}</p>
<form method="post" action="${formAction(requestPath)}">
${hidden(parameters.userPoolId, linkHadPool ? request.UserPoolId : undefined)}${
      hidden(parameters.username, request.Username)
    }${hidden(parameters.eventId, request.EventId)}${hidden(parameters.feedbackToken, request.FeedbackToken)}${
      hidden(parameters.feedback, request.FeedbackValue.toLowerCase())
    }<button type="submit" class="${buttonClass[request.FeedbackValue]}">${choice.button}</button>
</form>`
  )
}

/**
 * The page of an outcome; after `recordedInvalid`, the link to secure the account when there is one.
 *
 * @since 0.1.0
 * @category markup
 */
export const outcome = (frame: Frame, kind: OutcomeKind, secureAccountUrl: string | undefined): Html => {
  const { message, title } = frame.texts.outcomes[kind]
  const secure = kind === "recordedInvalid" && secureAccountUrl !== undefined
    ? html`<p><a href="${secureAccountUrl}">${frame.texts.secureAccount}</a></p>\n`
    : undefined
  return layout(frame, title, html`<p>${message}</p>\n${secure}`)
}

/**
 * One email of the risk configuration, `NotifyEmailType` of the service model.
 *
 * @since 0.1.0
 * @category models
 */
export interface NotifyEmail {
  readonly Subject: string
  readonly HtmlBody: string
  readonly TextBody: string
}

/**
 * One notification email around the two links (template URLs with Cognito's placeholders): the HTML
 * body holds no placeholder outside the links (escaped for their attribute); the text body also says
 * where and when, with the free-text placeholders (`EmailTexts.signIn`).
 *
 * @since 0.1.0
 * @category markup
 */
export const email = (texts: EmailTexts, kind: EmailKind, valid: string, invalid: string): NotifyEmail => ({
  Subject: texts.subject[kind],
  HtmlBody: html`<p>${texts.greeting}</p>
<p>${texts.intro[kind]}</p>
<p>${texts.question}</p>
<p><a href="${valid}">${texts.validLink}</a></p>
<p><a href="${invalid}">${texts.invalidLink}</a> ${texts.afterInvalidLink}</p>
<p>${texts.outro}</p>
`.value,
  TextBody: `${texts.greeting}

${texts.intro[kind]} ${texts.signIn}

${texts.question} ${texts.ifValid[kind]}
${valid}

${texts.ifInvalid}
${invalid}

${texts.outro}
`
})
