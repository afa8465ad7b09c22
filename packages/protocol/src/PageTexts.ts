/**
 * Every sentence the feedback page and its notification emails show, and the outcomes the page
 * tells apart. Plain text (the markup escapes it), in English by default; a translation replaces
 * the whole set. Written once here, so every edition's page says the same.
 *
 * @since 0.1.0
 */
import type { SignInDetails } from "./FeedbackLink.js"

/**
 * The pages after the question: one per outcome a person needs to tell apart.
 *
 * @since 0.1.0
 * @category models
 */
export type OutcomeKind =
  | "recordedValid"
  | "recordedInvalid"
  | "linkNotUsable"
  | "linkUnknown"
  | "malformedLink"
  | "throttled"
  | "unavailable"
  | "failed"
  | "crossSite"
  | "methodNotAllowed"

/**
 * The sentences of the pages. Texts are plain text: the page escapes them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Texts {
  /** The language of the texts, for `<html lang>` (e.g. `en`, `fr`). */
  readonly lang: string
  readonly question: {
    readonly title: string
    readonly intro: (productName: string) => string
    /** A sentence on the sign-in from what the link gives, or `undefined` to say nothing. */
    readonly signIn: (details: SignInDetails) => string | undefined
    readonly Valid: { readonly explanation: string; readonly button: string }
    readonly Invalid: { readonly explanation: string; readonly button: string }
  }
  readonly outcomes: { readonly [K in OutcomeKind]: { readonly title: string; readonly message: string } }
  /** The text of the link to the "secure your account" URL, shown after `Invalid` is recorded. */
  readonly secureAccount: string
}

const defined = (...parts: ReadonlyArray<string | undefined>): ReadonlyArray<string> =>
  parts.filter((part): part is string => part !== undefined)

/** "The sign-in was from Lyon, France (203.0.113.7), on Firefox, Linux, at 2026-11-01 10:00 UTC." */
const signInSentence = (details: SignInDetails): string | undefined => {
  const place = defined(details.city, details.country).join(", ")
  const from = place === ""
    ? details.ipAddress === undefined ? undefined : `from ${details.ipAddress}`
    : `from ${place}${details.ipAddress === undefined ? "" : ` (${details.ipAddress})`}`
  const parts = defined(
    from,
    details.deviceName === undefined ? undefined : `on ${details.deviceName}`,
    details.loginTime === undefined ? undefined : `at ${details.loginTime}`
  )
  return parts.length === 0 ? undefined : `The sign-in was ${parts.join(", ")}.`
}

/**
 * The English texts of the pages.
 *
 * @since 0.1.0
 * @category texts
 */
export const english: Texts = {
  lang: "en",
  question: {
    title: "Was this you?",
    intro: (productName) => `We noticed a sign-in to your ${productName} account that did not look like you.`,
    signIn: signInSentence,
    Valid: {
      explanation: "If you signed in yourself, confirm it below. Nothing changes until you press the button.",
      button: "Yes, this was me"
    },
    Invalid: {
      explanation: "If you did not sign in, tell us below so that we can protect your account. Nothing changes " +
        "until you press the button.",
      button: "No, this was not me"
    }
  },
  outcomes: {
    recordedValid: {
      title: "Thank you",
      message: "You confirmed that this sign-in was you. There is nothing else to do."
    },
    recordedInvalid: {
      title: "Thank you for telling us",
      message: "We recorded that this sign-in was not you. Change your password now, and review your account's " +
        "security settings."
    },
    linkNotUsable: {
      title: "This link no longer works",
      message: "It has expired or has already been used. If you are worried about your account, sign in and " +
        "change your password."
    },
    linkUnknown: {
      title: "We could not find this sign-in",
      message: "The link does not match a sign-in we know about. Open the link from the email again, or sign in " +
        "and check your account's recent activity."
    },
    malformedLink: {
      title: "This link is incomplete",
      message: "Part of the link is missing or damaged. Open it again from the email, or copy the whole address " +
        "into your browser."
    },
    throttled: {
      title: "Too many requests right now",
      message: "Your answer was not recorded yet. Please try again in a minute."
    },
    unavailable: {
      title: "We could not record your answer",
      message: "The service is not available at the moment. Please try again in a few minutes."
    },
    failed: {
      title: "Something went wrong",
      message: "We could not record your answer. Please try again later, or contact support if this keeps happening."
    },
    crossSite: {
      title: "Request refused",
      message: "This answer came from another website, so it was not recorded. Open the link from the email instead."
    },
    methodNotAllowed: {
      title: "Open the link from the email",
      message: "This page only answers the link in the email and its button."
    }
  },
  secureAccount: "Secure your account"
}

/**
 * The three emails of the risk configuration's `NotifyConfiguration`: Cognito sends the one that
 * matches what it did with the sign-in (blocked it, asked for MFA, or let it through).
 *
 * @since 0.1.0
 * @category models
 */
export type EmailKind = "BlockEmail" | "NoActionEmail" | "MfaEmail"

/**
 * The sentences of the notification emails, around the two links. Plain text: the HTML body escapes them.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmailTexts {
  readonly subject: { readonly [K in EmailKind]: string }
  /** What happened, first in each email. */
  readonly intro: { readonly [K in EmailKind]: string }
  /** The sentence before the `Valid` link in the text body. */
  readonly ifValid: { readonly [K in EmailKind]: string }
  readonly greeting: string
  /**
   * Where and when, with Cognito's free-text placeholders; written into the text body only (Cognito
   * fills placeholders in raw, so in HTML a device name holding markup would become markup).
   */
  readonly signIn: string
  readonly question: string
  readonly validLink: string
  readonly invalidLink: string
  /** After the `Invalid` link in the HTML body. */
  readonly afterInvalidLink: string
  /** The sentence before the `Invalid` link in the text body. */
  readonly ifInvalid: string
  readonly outro: string
}

/**
 * The English emails: every sentence of them is here.
 *
 * @since 0.1.0
 * @category texts
 */
export const englishEmails: EmailTexts = {
  subject: {
    BlockEmail: "We blocked a sign-in to your account",
    NoActionEmail: "Was this you? A new sign-in to your account",
    MfaEmail: "Was this you? We asked for an extra verification"
  },
  intro: {
    BlockEmail: "We blocked a sign-in to your account because it did not look like you.",
    NoActionEmail: "We noticed a sign-in to your account that did not look like you.",
    MfaEmail: "We noticed a sign-in to your account that did not look like you, so we asked for an extra " +
      "verification before letting it in."
  },
  ifValid: {
    BlockEmail: "If this was you, tell us, then sign in again:",
    NoActionEmail: "If this was you, confirm it:",
    MfaEmail: "If this was you, confirm it:"
  },
  greeting: "Hello,",
  signIn: "The sign-in was from {city}, {country} ({ip-address}), on {device-name}, at {login-time}.",
  question: "Was this you?",
  validLink: "Yes, this was me",
  invalidLink: "No, this was not me",
  afterInvalidLink: "(then change your password)",
  ifInvalid: "If this was not you, tell us, then change your password:",
  outro: "Each link opens a page that asks you to confirm: nothing is recorded until you press its button."
}
