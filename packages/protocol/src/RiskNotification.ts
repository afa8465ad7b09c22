/**
 * The account-takeover notification a simulated risky sign-in produces: which of the pool's three
 * emails applies to the action taken, Cognito's placeholders and what fills them (raw, as Cognito
 * does: a value is written as it is, unescaped and unencoded), the message an outbox holds, and the
 * `CustomEmailSender_AccountTakeOverNotification` event a custom email sender receives instead.
 *
 * @since 0.1.0
 */
import * as FeedbackLink from "./FeedbackLink.js"
import type { EmailKind } from "./PageTexts.js"

/**
 * What Cognito did with the sign-in (`AccountTakeoverEventActionType`).
 *
 * @since 0.1.0
 * @category models
 */
export type EventAction = "BLOCK" | "MFA_IF_CONFIGURED" | "MFA_REQUIRED" | "NO_ACTION"

/**
 * The email of the risk configuration that tells the user about `action`.
 *
 * @since 0.1.0
 * @category getters
 */
export const emailKindOf = (action: EventAction): EmailKind =>
  action === "BLOCK" ? "BlockEmail" : action === "NO_ACTION" ? "NoActionEmail" : "MfaEmail"

/**
 * The values of one sign-in that fill the placeholders.
 *
 * @since 0.1.0
 * @category models
 */
export interface Values {
  readonly username: string
  readonly ipAddress: string
  readonly city: string
  readonly country: string
  readonly loginTime: string
  readonly deviceName: string
  readonly eventId: string
  readonly feedbackToken: string
  readonly oneClickLinkValid: string
  readonly oneClickLinkInvalid: string
}

/**
 * Every placeholder Cognito fills in a notification email (developer guide, "Message templates"),
 * and the value it takes.
 *
 * @since 0.1.0
 * @category constants
 */
export const placeholders = {
  username: FeedbackLink.placeholders.username,
  ipAddress: "{ip-address}",
  city: "{city}",
  country: "{country}",
  loginTime: "{login-time}",
  deviceName: "{device-name}",
  eventId: FeedbackLink.placeholders.eventId,
  feedbackToken: FeedbackLink.placeholders.feedbackToken,
  oneClickLinkValid: "{one-click-link-valid}",
  oneClickLinkInvalid: "{one-click-link-invalid}"
} as const satisfies { readonly [P in keyof Values]: `{${string}}` }

const placeholderPattern = new RegExp(
  Object.values(placeholders).map((p) => p.replace(/[{}]/g, "\\$&")).join("|"),
  "g"
)
const byPlaceholder: ReadonlyMap<string, keyof Values> = new Map(
  Object.entries(placeholders).map(([key, placeholder]) => [placeholder, key as keyof Values])
)

/**
 * `template` with every placeholder replaced by its value, raw, in one pass (a value that holds a
 * placeholder's text is not filled again).
 *
 * @since 0.1.0
 * @category encoding
 */
export const fill = (template: string, values: Values): string =>
  template.replace(placeholderPattern, (placeholder) => {
    const key = byPlaceholder.get(placeholder)
    return key === undefined ? placeholder : values[key]
  })

/**
 * A notification email, as an outbox holds it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Message {
  readonly eventId: string
  readonly to: string
  readonly from: string
  readonly replyTo?: string | undefined
  readonly subject: string
  readonly htmlBody: string
  readonly textBody: string
}

/**
 * One email of the risk configuration, as `NotifyEmailType` has it (only `Subject` required).
 *
 * @since 0.1.0
 * @category models
 */
export interface NotifyEmail {
  readonly Subject: string
  readonly HtmlBody?: string | undefined
  readonly TextBody?: string | undefined
}

/**
 * The sender when the pool's configuration names none: Cognito's own default address.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultFrom = "no-reply@verificationemail.com"

/**
 * The email a pool sends when its configuration has no template for the action: a simulator's own
 * wording (the service's default is not published), with the same placeholders.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultEmail: { readonly Subject: string; readonly HtmlBody: string; readonly TextBody: string } = {
  Subject: "Suspicious sign-in to your account",
  HtmlBody: "<p>Hello {username},</p><p>We noticed a sign-in from {city}, {country} ({ip-address}) on " +
    "{device-name} at {login-time}.</p>" +
    "<p><a href=\"{one-click-link-valid}\">This was me</a> | " +
    "<a href=\"{one-click-link-invalid}\">This was not me</a></p>",
  TextBody: "Hello {username},\n\nWe noticed a sign-in from {city}, {country} ({ip-address}) on {device-name} " +
    "at {login-time}.\n\nThis was me: {one-click-link-valid}\nThis was not me: {one-click-link-invalid}\n"
}

/**
 * The SES identity of an ARN such as `arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com`
 * (what a message is from when the configuration gives no `From`); `undefined` for another ARN.
 *
 * @since 0.1.0
 * @category getters
 */
export const identityOf = (sourceArn: string): string | undefined => /:identity\/(.+)$/.exec(sourceArn)?.[1]

/**
 * The message of `email` for `values`, to `to`: both bodies filled; a body the template leaves out
 * is the default email's.
 *
 * @since 0.1.0
 * @category constructors
 */
export const message = (
  email: NotifyEmail,
  values: Values,
  envelope: { readonly to: string; readonly from: string; readonly replyTo?: string | undefined }
): Message => ({
  eventId: values.eventId,
  to: envelope.to,
  from: envelope.from,
  ...(envelope.replyTo === undefined ? {} : { replyTo: envelope.replyTo }),
  subject: fill(email.Subject, values),
  htmlBody: fill(email.HtmlBody ?? defaultEmail.HtmlBody, values),
  textBody: fill(email.TextBody ?? defaultEmail.TextBody, values)
})

/**
 * The pool's one-click links, on its hosted `domain`: a simulator's own form (the service's is not
 * published), carrying what Cognito's would; nothing serves them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const oneClickLinks = (
  domain: string,
  link: {
    readonly userPoolId: string
    readonly username: string
    readonly eventId: string
    readonly feedbackToken: string
  }
): { readonly valid: string; readonly invalid: string } => {
  const of = (feedback: "valid" | "invalid") =>
    `https://${domain}/confirm-feedback?` + ([
      ["user_pool_id", link.userPoolId],
      ["username", link.username],
      ["event_id", link.eventId],
      ["feedback_token", link.feedbackToken],
      ["feedback", feedback]
    ] as const).map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&")
  return { valid: of("valid"), invalid: of("invalid") }
}

/**
 * The hosted domain a pool's one-click links point at when none is configured: a prefix domain
 * made of the pool id (`us-east-1_Example` → `us-east-1-example.auth.us-east-1.amazoncognito.com`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultDomain = (userPoolId: string): string => {
  const region = userPoolId.split("_")[0] ?? ""
  return `${userPoolId.toLowerCase().replace(/[^a-z0-9-]/g, "-")}.auth.${region}.amazoncognito.com`
}
