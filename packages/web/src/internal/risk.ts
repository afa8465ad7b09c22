/**
 * The account-takeover part of a user pool's risk configuration, `SetRiskConfiguration`'s
 * `AccountTakeoverRiskConfiguration`, with the members and constraints of the Cognito service model
 * (botocore `botocore/data/cognito-idp/2016-04-18/service-2.json`, shapes
 * `AccountTakeoverRiskConfigurationType`, `NotifyConfigurationType`, `NotifyEmailType`,
 * `AccountTakeoverActionsType`, `AccountTakeoverActionType`, `AccountTakeoverEventActionType`,
 * `ArnType`, `StringType`, `EmailNotificationSubjectType`, `EmailNotificationBodyType`).
 */
import type { Rules } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { brokenRule } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Either from "effect/Either"
import type { NotifyEmail } from "./pages.js"
import type { EmailKind } from "./texts.js"

/** The risk levels of the model's `AccountTakeoverActionsType`, as `LowAction`, `MediumAction`, `HighAction`. */
export const riskLevels = ["Low", "Medium", "High"] as const

/** A risk level Cognito assesses a sign-in at. */
export type RiskLevel = typeof riskLevels[number]

/** `AccountTakeoverEventActionType`. */
export const eventActions = ["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"] as const

/** What Cognito does with a sign-in at a risk level. */
export type EventAction = typeof eventActions[number]

/** `AccountTakeoverActionType`: both members required. */
export interface AccountTakeoverAction {
  readonly Notify: boolean
  readonly EventAction: EventAction
}

/** `NotifyConfigurationType`: `SourceArn` required; `From` and `ReplyTo` are absent rather than undefined. */
export interface NotifyConfiguration {
  readonly From?: string | undefined
  readonly ReplyTo?: string | undefined
  readonly SourceArn: string
  readonly BlockEmail: NotifyEmail
  readonly NoActionEmail: NotifyEmail
  readonly MfaEmail: NotifyEmail
}

/** `AccountTakeoverRiskConfigurationType`, with all three actions and all three emails. */
export interface AccountTakeoverRiskConfiguration {
  readonly NotifyConfiguration: NotifyConfiguration
  readonly Actions: {
    readonly LowAction: AccountTakeoverAction
    readonly MediumAction: AccountTakeoverAction
    readonly HighAction: AccountTakeoverAction
  }
}

/** The response to one risk level; what is left out keeps its default. */
export interface ActionOptions {
  /** Email the user at this level (default true). */
  readonly notify?: boolean | undefined
  readonly eventAction?: EventAction | undefined
}

/** The responses to the risk levels; a level left out keeps its defaults. */
export type ActionsOptions = { readonly [L in RiskLevel]?: ActionOptions | undefined }

/**
 * Notify at every level; let a low-risk sign-in in, and ask for MFA at medium and high risk when the
 * user has a factor. `MFA_IF_CONFIGURED` rather than `MFA_REQUIRED` or `BLOCK` at high risk, because
 * both of those lock out every user without an MFA factor, and the user's "this was me" is what
 * teaches Cognito that a sign-in was theirs.
 */
export const defaultActions: {
  readonly [L in RiskLevel]: { readonly notify: boolean; readonly eventAction: EventAction }
} = {
  Low: { notify: true, eventAction: "NO_ACTION" },
  Medium: { notify: true, eventAction: "MFA_IF_CONFIGURED" },
  High: { notify: true, eventAction: "MFA_IF_CONFIGURED" }
}

/**
 * The service model's rules for what this module writes (Smithy patterns are not anchored; these
 * are, which is stricter). Smithy counts lengths in code points.
 */
export const modelRules = {
  /** `ArnType`. */
  SourceArn: {
    minLength: 20,
    maxLength: 2048,
    pattern: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/
  },
  /** `StringType`, of `From` and `ReplyTo`. */
  String: { minLength: 0, maxLength: 131072, codePoints: true },
  /** `EmailNotificationSubjectType`. */
  Subject: { minLength: 1, maxLength: 140, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+$/u, codePoints: true },
  /** `EmailNotificationBodyType`, of `HtmlBody` and `TextBody`. */
  Body: { minLength: 6, maxLength: 20000, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]+$/u, codePoints: true }
} as const satisfies Record<string, Rules>

/** The ARN of the example in every message about `SourceArn`. */
export const exampleSourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"

/** `address@domain`, or `Name <address@domain>`: what SES takes as a sender, on one line. */
const emailAddress = /^(?:[^\r\n<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/

/** An option that breaks a rule: its key (`sourceArn`, `actions.High.eventAction`) and the rule. */
export type Broken = readonly [option: string, rule: string]

/** The risk options, checked, with their defaults. */
export interface RiskSettings {
  readonly sourceArn: string
  readonly from: string | undefined
  readonly replyTo: string | undefined
  readonly actions: { readonly [L in RiskLevel]: AccountTakeoverAction }
}

const checkSourceArn = (sourceArn: string): Either.Either<string, Broken> => {
  if (!modelRules.SourceArn.pattern.test(sourceArn)) {
    return Either.left(["sourceArn", `must be an ARN, e.g. ${exampleSourceArn}`])
  }
  const broken = brokenRule(sourceArn, modelRules.SourceArn)
  return broken === undefined ? Either.right(sourceArn) : Either.left(["sourceArn", broken])
}

const checkAddress = (option: string, address: string | undefined): Either.Either<string | undefined, Broken> => {
  if (address === undefined) return Either.right(undefined)
  if (!emailAddress.test(address)) {
    return Either.left([
      option,
      "must be an email address, e.g. no-reply@example.com or Example <no-reply@example.com>"
    ])
  }
  const broken = brokenRule(address, modelRules.String)
  return broken === undefined ? Either.right(address) : Either.left([option, broken])
}

// a Set, not `in`: `constructor` or `__proto__` must not pass for an action
const knownActions: ReadonlySet<string> = new Set(eventActions)

const checkAction = (
  level: RiskLevel,
  options: ActionOptions | undefined
): Either.Either<AccountTakeoverAction, Broken> => {
  const eventAction: string = options?.eventAction ?? defaultActions[level].eventAction
  const notify: unknown = options?.notify ?? defaultActions[level].notify
  if (!knownActions.has(eventAction)) {
    return Either.left([`actions.${level}.eventAction`, `must be one of ${eventActions.join(", ")}`])
  }
  if (typeof notify !== "boolean") return Either.left([`actions.${level}.notify`, "must be true or false"])
  return Either.right({ Notify: notify, EventAction: eventAction as EventAction })
}

/** The risk options checked: a JavaScript caller may pass anything. */
export const riskSettingsOf = (options: {
  readonly sourceArn: string
  readonly from?: string | undefined
  readonly replyTo?: string | undefined
  readonly actions?: ActionsOptions | undefined
}): Either.Either<RiskSettings, Broken> =>
  Either.gen(function*() {
    if (typeof options.sourceArn !== "string") {
      return yield* Either.left<Broken>(["sourceArn", `must be an ARN, e.g. ${exampleSourceArn}`])
    }
    const sourceArn = yield* checkSourceArn(options.sourceArn)
    const from = yield* checkAddress("from", options.from)
    const replyTo = yield* checkAddress("replyTo", options.replyTo)
    const Low = yield* checkAction("Low", options.actions?.Low)
    const Medium = yield* checkAction("Medium", options.actions?.Medium)
    const High = yield* checkAction("High", options.actions?.High)
    return { sourceArn, from, replyTo, actions: { Low, Medium, High } }
  })

/** The risk configuration of the settings and the three emails; `From` and `ReplyTo` only when given. */
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

/** The first member of an email that breaks the model's rules, with the rule; `undefined` when none does. */
export const brokenEmail = (email: NotifyEmail): Broken | undefined => {
  const checks: ReadonlyArray<readonly [string, string, Rules]> = [
    ["Subject", email.Subject, modelRules.Subject],
    ["HtmlBody", email.HtmlBody, modelRules.Body],
    ["TextBody", email.TextBody, modelRules.Body]
  ]
  for (const [member, value, rules] of checks) {
    const broken = brokenRule(value, rules)
    if (broken !== undefined) return [member, broken]
  }
  return undefined
}
