/**
 * The custom email sender side of the risky sign-in email: a Lambda wired to the user pool's
 * custom email sender trigger receives `CustomEmailSender_AccountTakeOverNotification` and sends
 * the email itself, with the library's own links (every value percent-encoded, so any username
 * works) instead of Cognito's templates, which write the username into the link raw. `Event` decodes
 * the event (the username and the feedback token as `Redacted`), `email` builds the message, and
 * `handler` is a small Lambda handler around both.
 *
 * @since 1.0.0
 */
import type { EmailTexts } from "@cognito-feedback/protocol/PageTexts"
import * as TakeoverEmailText from "@cognito-feedback/protocol/TakeoverEmailText"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import { OptionsError } from "./FeedbackPage.js"

export type {
  /**
   * `ACCOUNT_TAKE_OVER_ACTION`: what Cognito did with the sign-in (`BLOCK`, `MFA_IF_CONFIGURED`,
   * `MFA_REQUIRED`, `NO_ACTION`, or `MFA`).
   *
   * @since 1.0.0
   * @category models
   */
  Action
} from "@cognito-feedback/protocol/TakeoverEmailText"

/**
 * The takeover attributes of `request.userAttributes`; `CITY`, `COUNTRY` and `DEVICE_NAME` only
 * when Cognito knows them. `USER_NAME`, `FEEDBACK_TOKEN` and Cognito's own one-click links (which
 * hold both) are `Redacted`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const Attributes = Schema.Struct({
  EVENT_ID: Schema.String,
  USER_NAME: Schema.RedactedFromValue(Schema.String),
  FEEDBACK_TOKEN: Schema.RedactedFromValue(Schema.String),
  IP_ADDRESS: Schema.String,
  LOGIN_TIME: Schema.String,
  ACCOUNT_TAKE_OVER_ACTION: Schema.Literals(TakeoverEmailText.actions),
  ONE_CLICK_LINK_VALID: Schema.RedactedFromValue(Schema.String),
  ONE_CLICK_LINK_INVALID: Schema.RedactedFromValue(Schema.String),
  CITY: Schema.optional(Schema.String),
  COUNTRY: Schema.optional(Schema.String),
  DEVICE_NAME: Schema.optional(Schema.String)
})

/**
 * The event Cognito hands a custom email sender for an account-takeover notification. Fields it
 * does not name (`version`, `response`, other user attributes) are accepted and left out;
 * `userName` is `Redacted`.
 *
 * @since 1.0.0
 * @category schemas
 */
export const Event = Schema.Struct({
  triggerSource: Schema.Literal("CustomEmailSender_AccountTakeOverNotification"),
  userPoolId: Schema.String,
  region: Schema.String,
  userName: Schema.RedactedFromValue(Schema.String),
  callerContext: Schema.Struct({ awsSdkVersion: Schema.String, clientId: Schema.String }),
  request: Schema.Struct({
    type: Schema.Literal("customEmailSenderRequestV1"),
    code: Schema.Null,
    userAttributes: Attributes,
    clientMetadata: Schema.optional(Schema.Record(Schema.String, Schema.String))
  })
})

/**
 * @since 1.0.0
 * @category models
 */
export interface Event extends Schema.Schema.Type<typeof Event> {}

/**
 * An event that is not a takeover notification this module can read: `field` names the first
 * field that is wrong (`request.userAttributes.FEEDBACK_TOKEN`, `event` for the whole), and the
 * message is `<field>: <rule>`, never the field's value.
 *
 * @since 1.0.0
 * @category errors
 */
export class EventError extends Schema.TaggedError<EventError>()("EventError", {
  message: Schema.String,
  field: Schema.String
}) {}

/**
 * The issues of a decoding, from their paths and the schema only: parsing never reports the input
 * (`reportInput` is off), so no message holds a value.
 */
const formatter = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) =>
    issue._tag === "MissingKey"
      ? "is missing"
      : issue._tag === "UnexpectedKey"
      ? "is not allowed"
      : SchemaIssue.defaultLeafHook(issue)
})

const eventError = (error: Schema.SchemaError): EventError => {
  const first = formatter(error.issue).issues[0]
  const path = (first?.path ?? []).map((segment) => typeof segment === "object" ? segment.key : segment)
  const field = TakeoverEmailText.fieldOf(path)
  return new EventError({ message: `${field}: ${first?.message ?? "is not valid"}`, field })
}

const decodeEvent = Schema.decodeUnknownEffect(Event)

/**
 * The event of a custom email sender trigger, decoded, or `EventError` naming the first field that
 * is wrong.
 *
 * @since 1.0.0
 * @category decoding
 */
export const decode = (input: unknown): Effect.Effect<Event, EventError> =>
  Effect.mapError(decodeEvent(input, { reportInput: false }), eventError)

/**
 * One email to send: its recipient, subject and both bodies.
 *
 * @since 1.0.0
 * @category models
 */
export interface Email {
  readonly to: string
  readonly subject: string
  readonly html: string
  readonly text: string
}

/**
 * @since 1.0.0
 * @category models
 */
export interface EmailOptions {
  /** The feedback page's URL, as served: `https://example.com/auth-events/feedback` (no query). */
  readonly pageUrl: string
  /** The recipient: the event does not carry the address; the application looks it up. */
  readonly to: string
  /** The sentences of the emails (default English, `englishEmails`). */
  readonly texts?: EmailTexts | undefined
}

const detailsOf = (event: Event): TakeoverEmailText.Details => {
  const attributes = event.request.userAttributes
  return {
    userPoolId: event.userPoolId,
    username: Redacted.value(attributes.USER_NAME),
    eventId: attributes.EVENT_ID,
    feedbackToken: Redacted.value(attributes.FEEDBACK_TOKEN),
    action: attributes.ACCOUNT_TAKE_OVER_ACTION,
    ipAddress: attributes.IP_ADDRESS,
    loginTime: attributes.LOGIN_TIME,
    city: attributes.CITY,
    country: attributes.COUNTRY,
    deviceName: attributes.DEVICE_NAME
  }
}

const checkPageUrl = (pageUrl: string): Result.Result<string, OptionsError> => {
  const checked = TakeoverEmailText.checkPageUrl(pageUrl)
  return checked._tag === "Ok"
    ? Result.succeed(checked.value)
    : Result.fail(new OptionsError({ message: `${checked.option}: ${checked.rule}`, option: checked.option }))
}

/**
 * The email of one event: the risk configuration's email for `ACCOUNT_TAKE_OVER_ACTION` (`BLOCK`:
 * `BlockEmail`; `NO_ACTION`: `NoActionEmail`; the MFA actions: `MfaEmail`), with the library's
 * two links to the page at `pageUrl` (not Cognito's `ONE_CLICK_LINK_*`), carrying the sign-in
 * details for the page to show. Where and when the sign-in was fills the text body's placeholders,
 * control characters removed (and escaped in the HTML body, should the texts put any there).
 * Fails with `OptionsError` (`option: "pageUrl"`) when `pageUrl` is not an absolute http(s) URL
 * with no query or fragment.
 *
 * @since 1.0.0
 * @category constructors
 */
export const email = (event: Event, options: EmailOptions): Result.Result<Email, OptionsError> =>
  Result.map(checkPageUrl(options.pageUrl), (pageUrl) => ({
    to: options.to,
    ...TakeoverEmailText.content(pageUrl, detailsOf(event), options.texts)
  }))

/**
 * @since 1.0.0
 * @category models
 */
export interface HandlerOptions<E, E2> {
  /** The feedback page's URL, as served: `https://example.com/auth-events/feedback` (no query). */
  readonly pageUrl: string
  /** The sentences of the emails (default English). */
  readonly texts?: EmailTexts | undefined
  /** The address of the event's user (from `AdminGetUser`, a database, …). */
  readonly recipient: (event: Event) => Effect.Effect<string, E>
  /** Sends the email (SES, SMTP, …). */
  readonly send: (email: Email) => Effect.Effect<void, E2>
}

/**
 * A Lambda handler for the custom email sender trigger's account-takeover notifications: decodes
 * the event, looks up the recipient, builds the `email` and sends it, once. The promise rejects
 * with the error itself, not a wrapper: `OptionsError` (a bad `pageUrl`), `EventError` (an event
 * that is not a takeover notification; it names the field, never a value), or the error of
 * `recipient` or `send`. An example to adapt rather than a framework: it runs its own effect.
 *
 * @example
 * import { TakeoverEmail } from "@cognito-feedback/web"
 * import { Effect } from "effect"
 *
 * export const handler = TakeoverEmail.handler({
 *   pageUrl: "https://example.com/auth-events/feedback",
 *   recipient: (_event) => Effect.succeed("alice@example.com"),
 *   send: (email) => Effect.log(`sending "${email.subject}" to ${email.to}`)
 * })
 *
 * @since 1.0.0
 * @category constructors
 */
export const handler = <E, E2>(options: HandlerOptions<E, E2>): (event: unknown) => Promise<void> => {
  const pageUrl = checkPageUrl(options.pageUrl)
  const program = (input: unknown) =>
    Effect.gen(function*() {
      const checked = yield* Effect.fromResult(pageUrl)
      const event = yield* decode(input)
      const to = yield* options.recipient(event)
      const message = yield* Effect.fromResult(email(event, { pageUrl: checked, to, texts: options.texts }))
      yield* options.send(message)
    })
  return (input) =>
    Effect.runPromiseExit(program(input)).then((exit) =>
      Exit.isSuccess(exit) ? undefined : Promise.reject(Cause.squash(exit.cause))
    )
}
