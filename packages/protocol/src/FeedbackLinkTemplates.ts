/**
 * The link templates and the risk configuration whose emails carry them: the account-takeover part
 * of a user pool's risk configuration, `SetRiskConfiguration`'s `AccountTakeoverRiskConfiguration`,
 * with the members and constraints of the Cognito service model (botocore
 * `botocore/data/cognito-idp/2016-04-18/service-2.json`, shapes `AccountTakeoverRiskConfigurationType`,
 * `NotifyConfigurationType`, `NotifyEmailType`, `AccountTakeoverActionsType`,
 * `AccountTakeoverActionType`, `AccountTakeoverEventActionType`, `ArnType`, `StringType`,
 * `EmailNotificationSubjectType`, `EmailNotificationBodyType`), and the options that fill it in,
 * checked. Results are plain values: every edition reports a broken option its own way.
 *
 * @since 0.1.0
 */
import type { Links } from "./FeedbackLink.js"
import { templates } from "./FeedbackLink.js"
import type { StringRules } from "./Member.js"
import { brokenRule } from "./Member.js"
import { riskMembers, shapes } from "./Operations.js"
import type { NotifyEmail } from "./PageHtml.js"
import { email } from "./PageHtml.js"
import type { EmailKind, EmailTexts } from "./PageTexts.js"
import { englishEmails } from "./PageTexts.js"

/**
 * The risk levels of the model's `AccountTakeoverActionsType`, as `LowAction`, `MediumAction`, `HighAction`.
 *
 * @since 0.1.0
 * @category models
 */
export const riskLevels = shapes.RiskLevelType.values

/**
 * A risk level Cognito assesses a sign-in at.
 *
 * @since 0.1.0
 * @category models
 */
export type RiskLevel = typeof riskLevels[number]

/**
 * `AccountTakeoverEventActionType`.
 *
 * @since 0.1.0
 * @category models
 */
export const eventActions = riskMembers.accountTakeoverEventActions

/**
 * What Cognito does with a sign-in at a risk level.
 *
 * @since 0.1.0
 * @category models
 */
export type EventAction = typeof eventActions[number]

/**
 * `AccountTakeoverActionType`: both members required.
 *
 * @since 0.1.0
 * @category models
 */
export interface AccountTakeoverAction {
  readonly Notify: boolean
  readonly EventAction: EventAction
}

/**
 * `NotifyConfigurationType`: `SourceArn` required; `From` and `ReplyTo` are absent rather than undefined.
 *
 * @since 0.1.0
 * @category models
 */
export interface NotifyConfiguration {
  readonly From?: string | undefined
  readonly ReplyTo?: string | undefined
  readonly SourceArn: string
  readonly BlockEmail: NotifyEmail
  readonly NoActionEmail: NotifyEmail
  readonly MfaEmail: NotifyEmail
}

/**
 * `AccountTakeoverRiskConfigurationType`, with all three actions and all three emails.
 *
 * @since 0.1.0
 * @category models
 */
export interface AccountTakeoverRiskConfiguration {
  readonly NotifyConfiguration: NotifyConfiguration
  readonly Actions: {
    readonly LowAction: AccountTakeoverAction
    readonly MediumAction: AccountTakeoverAction
    readonly HighAction: AccountTakeoverAction
  }
}

/**
 * The response to one risk level; what is left out keeps its default.
 *
 * @since 0.1.0
 * @category models
 */
export interface ActionOptions {
  /** Email the user at this level (default true). */
  readonly notify?: boolean | undefined
  readonly eventAction?: EventAction | undefined
}

/**
 * The responses to the risk levels; a level left out keeps its defaults.
 *
 * @since 0.1.0
 * @category models
 */
export type ActionsOptions = { readonly [L in RiskLevel]?: ActionOptions | undefined }

/**
 * Notify at every level; let a low-risk sign-in in, and ask for MFA at medium and high risk when the
 * user has a factor. `MFA_IF_CONFIGURED` rather than `MFA_REQUIRED` or `BLOCK` at high risk, because
 * both of those lock out every user without an MFA factor, and the user's "this was me" is what
 * teaches Cognito that a sign-in was theirs.
 *
 * @since 0.1.0
 * @category models
 */
export const defaultActions: {
  readonly [L in RiskLevel]: { readonly notify: boolean; readonly eventAction: EventAction }
} = {
  Low: { notify: true, eventAction: "NO_ACTION" },
  Medium: { notify: true, eventAction: "MFA_IF_CONFIGURED" },
  High: { notify: true, eventAction: "MFA_IF_CONFIGURED" }
}

/**
 * The service model's rules for what this module writes (`Operations.riskMembers.strings`: Smithy
 * patterns are not anchored; these are, which is stricter). Smithy counts lengths in code points.
 *
 * @since 0.1.0
 * @category models
 */
export const modelRules: {
  readonly SourceArn: StringRules & { readonly pattern: RegExp }
  readonly String: StringRules
  readonly Subject: StringRules
  readonly Body: StringRules
} = riskMembers.strings

/**
 * The ARN of the example in every message about `SourceArn`.
 *
 * @since 0.1.0
 * @category models
 */
export const exampleSourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"

/** `address@domain`, or `Name <address@domain>`: what SES takes as a sender, on one line. */
const emailAddress = /^(?:[^\r\n<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/

/**
 * An option that breaks a rule: its key (`sourceArn`, `actions.High.eventAction`, `baseUrl`) and
 * the rule, a message that never holds the value.
 *
 * @since 0.1.0
 * @category models
 */
export interface Invalid {
  readonly _tag: "Invalid"
  readonly option: string
  readonly rule: string
}

/**
 * A value checked, or the option it breaks.
 *
 * @since 0.1.0
 * @category models
 */
export type Result<A> = { readonly _tag: "Ok"; readonly value: A } | Invalid

const ok = <A>(value: A): Result<A> => ({ _tag: "Ok", value })
const invalid = (option: string, rule: string): Invalid => ({ _tag: "Invalid", option, rule })

/**
 * The options of the risk configuration: what only the pool's owner knows.
 *
 * @since 0.1.0
 * @category models
 */
export interface RiskOptions {
  /** The ARN of the SES identity Cognito sends the emails from (`SourceArn`). */
  readonly sourceArn: string
  /** The sender (`From`): `no-reply@example.com` or `Example <no-reply@example.com>`. */
  readonly from?: string | undefined
  /** Where replies go (`ReplyTo`). */
  readonly replyTo?: string | undefined
  /** The response to each risk level (default `defaultActions`). */
  readonly actions?: ActionsOptions | undefined
}

/**
 * The risk options, checked, with their defaults.
 *
 * @since 0.1.0
 * @category models
 */
export interface RiskSettings {
  readonly sourceArn: string
  readonly from: string | undefined
  readonly replyTo: string | undefined
  readonly actions: { readonly [L in RiskLevel]: AccountTakeoverAction }
}

const checkSourceArn = (sourceArn: unknown): Result<string> => {
  if (typeof sourceArn !== "string" || !modelRules.SourceArn.pattern.test(sourceArn)) {
    return invalid("sourceArn", `must be an ARN, e.g. ${exampleSourceArn}`)
  }
  const broken = brokenRule(sourceArn, modelRules.SourceArn)
  return broken === undefined ? ok(sourceArn) : invalid("sourceArn", broken)
}

const checkAddress = (option: string, address: string | undefined): Result<string | undefined> => {
  if (address === undefined) return ok(undefined)
  if (!emailAddress.test(address)) {
    return invalid(option, "must be an email address, e.g. no-reply@example.com or Example <no-reply@example.com>")
  }
  const broken = brokenRule(address, modelRules.String)
  return broken === undefined ? ok(address) : invalid(option, broken)
}

// a Set, not `in`: `constructor` or `__proto__` must not pass for an action
const knownActions: ReadonlySet<string> = new Set(eventActions)

const checkAction = (level: RiskLevel, options: ActionOptions | undefined): Result<AccountTakeoverAction> => {
  const eventAction: string = options?.eventAction ?? defaultActions[level].eventAction
  const notify: unknown = options?.notify ?? defaultActions[level].notify
  if (!knownActions.has(eventAction)) {
    return invalid(`actions.${level}.eventAction`, `must be one of ${eventActions.join(", ")}`)
  }
  if (typeof notify !== "boolean") return invalid(`actions.${level}.notify`, "must be true or false")
  return ok({ Notify: notify, EventAction: eventAction as EventAction })
}

/**
 * The risk options checked, in the order of `RiskOptions` (the first broken one is reported): a
 * JavaScript caller may pass anything.
 *
 * @since 0.1.0
 * @category validation
 */
export const riskSettingsOf = (options: RiskOptions): Result<RiskSettings> => {
  const sourceArn = checkSourceArn(options.sourceArn)
  if (sourceArn._tag === "Invalid") return sourceArn
  const from = checkAddress("from", options.from)
  if (from._tag === "Invalid") return from
  const replyTo = checkAddress("replyTo", options.replyTo)
  if (replyTo._tag === "Invalid") return replyTo
  const Low = checkAction("Low", options.actions?.Low)
  if (Low._tag === "Invalid") return Low
  const Medium = checkAction("Medium", options.actions?.Medium)
  if (Medium._tag === "Invalid") return Medium
  const High = checkAction("High", options.actions?.High)
  if (High._tag === "Invalid") return High
  return ok({
    sourceArn: sourceArn.value,
    from: from.value,
    replyTo: replyTo.value,
    actions: { Low: Low.value, Medium: Medium.value, High: High.value }
  })
}

/**
 * The risk configuration of the settings and the three emails; `From` and `ReplyTo` only when given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const riskConfiguration = (
  settings: RiskSettings,
  emails: { readonly [K in EmailKind]: NotifyEmail }
): AccountTakeoverRiskConfiguration => ({
  NotifyConfiguration: {
    ...(settings.from === undefined ? {} : { From: settings.from }),
    ...(settings.replyTo === undefined ? {} : { ReplyTo: settings.replyTo }),
    SourceArn: settings.sourceArn,
    BlockEmail: emails.BlockEmail,
    NoActionEmail: emails.NoActionEmail,
    MfaEmail: emails.MfaEmail
  },
  Actions: {
    LowAction: settings.actions.Low,
    MediumAction: settings.actions.Medium,
    HighAction: settings.actions.High
  }
})

/**
 * The first member of an email that breaks the model's rules (`Subject`, `HtmlBody`, `TextBody`),
 * with the rule; `undefined` when none does.
 *
 * @since 0.1.0
 * @category validation
 */
export const brokenEmail = (notifyEmail: NotifyEmail): readonly [member: string, rule: string] | undefined => {
  const checks: ReadonlyArray<readonly [string, string, StringRules]> = [
    ["Subject", notifyEmail.Subject, modelRules.Subject],
    ["HtmlBody", notifyEmail.HtmlBody, modelRules.Body],
    ["TextBody", notifyEmail.TextBody, modelRules.Body]
  ]
  for (const [member, value, rules] of checks) {
    const broken = brokenRule(value, rules)
    if (broken !== undefined) return [member, broken]
  }
  return undefined
}

/**
 * The two links with Cognito's placeholders, and the risk configuration whose three emails use them.
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkTemplates extends Links {
  /** The `AccountTakeoverRiskConfiguration` for `SetRiskConfiguration`, exactly as the service model has it. */
  readonly riskConfiguration: AccountTakeoverRiskConfiguration
}

/**
 * The templates of the page at `pageUrl` (absolute, no query) for `userPoolId`: the two links with
 * Cognito's placeholders (`FeedbackLink.templates`) and the risk configuration whose three emails
 * (`BlockEmail`, `NoActionEmail`, `MfaEmail`, in `texts`, English by default) carry them, with
 * the options checked. Only the links vary between pools, so only a page URL long enough can take
 * an email past the model's limits: that is reported on `baseUrl`, the option that sets its length.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  pageUrl: string,
  userPoolId: string,
  options: RiskOptions,
  texts: EmailTexts = englishEmails
): Result<LinkTemplates> => {
  const settings = riskSettingsOf(options)
  if (settings._tag === "Invalid") return settings
  const { invalid: invalidLink, valid } = templates(pageUrl, userPoolId)
  const emailOf = (kind: EmailKind) => email(texts, kind, valid, invalidLink)
  const emails = {
    BlockEmail: emailOf("BlockEmail"),
    NoActionEmail: emailOf("NoActionEmail"),
    MfaEmail: emailOf("MfaEmail")
  }
  for (const notifyEmail of Object.values(emails)) {
    const broken = brokenEmail(notifyEmail)
    if (broken !== undefined) {
      return invalid("baseUrl", `makes ${broken[0]} break the service model's rule: ${broken[1]}`)
    }
  }
  return ok({ valid, invalid: invalidLink, riskConfiguration: riskConfiguration(settings.value, emails) })
}
