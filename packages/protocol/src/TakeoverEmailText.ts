/**
 * The email a custom email sender sends for a `CustomEmailSender_AccountTakeOverNotification`
 * event, from the event's plain values: the risk configuration's email for what Cognito did
 * (`PageHtml.email`), around the library's own links (`FeedbackLink.links`, every value
 * percent-encoded, so any username works), with every placeholder the texts still hold filled in:
 * raw in the subject and the text body, escaped in the HTML body. What whoever signs in controls
 * (the device name above all) can add no line, no markup and no direction override. Plain values in
 * and out; each edition decodes the event and wraps the secrets.
 *
 * @since 0.1.0
 */
import * as FeedbackLink from "./FeedbackLink.js"
import type { Result } from "./FeedbackLinkTemplates.js"
import { escape } from "./Html.js"
import * as PageHtml from "./PageHtml.js"
import { pageUrl as checkedPageUrl } from "./PageRequest.js"
import type { EmailKind, EmailTexts } from "./PageTexts.js"
import { englishEmails } from "./PageTexts.js"
import type { EventAction, Values } from "./RiskNotification.js"
import { emailKindOf, fill } from "./RiskNotification.js"

/**
 * `ACCOUNT_TAKE_OVER_ACTION` of the event: an `EventAction`, or `MFA` (which the event's types
 * also allow).
 *
 * @since 0.1.0
 * @category models
 */
export type Action = EventAction | "MFA"

/**
 * Every value `ACCOUNT_TAKE_OVER_ACTION` may hold.
 *
 * @since 0.1.0
 * @category constants
 */
export const actions: ReadonlyArray<Action> = ["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION", "MFA"]

/**
 * The email of the risk configuration that tells the user about `action`: `MFA` is the `MfaEmail`.
 *
 * @since 0.1.0
 * @category getters
 */
export const kindOf = (action: Action): EmailKind => emailKindOf(action === "MFA" ? "MFA_REQUIRED" : action)

/**
 * What one event says, as plain strings: the secrets (`username`, `feedbackToken`) unwrapped.
 *
 * @since 0.1.0
 * @category models
 */
export interface Details {
  readonly userPoolId: string
  readonly username: string
  readonly eventId: string
  readonly feedbackToken: string
  readonly action: Action
  readonly ipAddress: string
  readonly loginTime: string
  readonly city?: string | undefined
  readonly country?: string | undefined
  readonly deviceName?: string | undefined
}

/**
 * One email: its subject and both bodies, for whatever sends it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Content {
  readonly subject: string
  readonly html: string
  readonly text: string
}

/**
 * The page's URL as an email's links use it: an absolute http(s) URL with no query or fragment,
 * trailing slashes removed; otherwise the `pageUrl` option and the rule it breaks.
 *
 * @since 0.1.0
 * @category validation
 */
export const checkPageUrl = (pageUrl: string): Result<string> => {
  const checked = checkedPageUrl(pageUrl, "")
  return checked._tag === "Ok" ? checked : { _tag: "Invalid", option: "pageUrl", rule: checked.rule }
}

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g
// directional overrides and isolates, which can make a text read other than it is
const bidiControls = /[\u202a-\u202e\u2066-\u2069]/g

/**
 * A free-text value as the email shows it: control characters (line breaks included) become one
 * space, directional overrides are removed, and the ends are trimmed.
 *
 * @since 0.1.0
 * @category encoding
 */
export const cleanText = (value: string | undefined): string =>
  (value ?? "").replace(controlCharacters, " ").replace(bidiControls, "").trim()

/**
 * The email for one event, links to the page at `pageUrl` (checked with `checkPageUrl`), in
 * `texts` (default English). The links carry the sign-in details for the page to show. A detail
 * the event does not have fills its placeholder with nothing, as Cognito does.
 *
 * @since 0.1.0
 * @category constructors
 */
export const content = (pageUrl: string, details: Details, texts: EmailTexts = englishEmails): Content => {
  const signIn = {
    city: cleanText(details.city),
    country: cleanText(details.country),
    deviceName: cleanText(details.deviceName),
    loginTime: cleanText(details.loginTime),
    ipAddress: cleanText(details.ipAddress)
  }
  const links = FeedbackLink.links(pageUrl, details.userPoolId, {
    username: details.username,
    eventId: details.eventId,
    feedbackToken: details.feedbackToken,
    // an empty detail is left out of the link rather than sent blank
    signIn: Object.fromEntries(Object.entries(signIn).filter(([, value]) => value !== ""))
  })
  const email = PageHtml.email(texts, kindOf(details.action), links.valid, links.invalid)
  const values: Values = {
    ...signIn,
    username: cleanText(details.username),
    eventId: details.eventId,
    feedbackToken: details.feedbackToken,
    oneClickLinkValid: links.valid,
    oneClickLinkInvalid: links.invalid
  }
  const escaped = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, escape(value)])
  ) as unknown as Values
  return {
    subject: fill(email.Subject, values),
    html: fill(email.HtmlBody, escaped),
    text: fill(email.TextBody, values)
  }
}

/**
 * The name of an event's field at `path` (`request.userAttributes.USER_NAME`), `event` for the
 * event itself.
 *
 * @since 0.1.0
 * @category errors
 */
export const fieldOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.length === 0 ? "event" : path.map((key) => String(key)).join(".")
