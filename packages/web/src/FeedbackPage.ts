/**
 * The page behind the link in Cognito's risky sign-in email, as an `@effect/platform` `HttpRouter`
 * an application mounts. `GET` (and `HEAD`, as mail scanners send) only shows the question with
 * one button, and records nothing; the button's `POST` records the feedback through the
 * `AuthEventFeedback` service in the context (live client, Node path or testkit simulator) and
 * shows the outcome with the right status. Every page is escaped, uncached, unframeable, sends no
 * referrer and runs no script; the token goes from the link into one hidden form field and nowhere
 * else (not into logs or spans). `linkTemplates` gives the links, and the risk configuration whose
 * emails carry them, that match.
 *
 * @since 0.1.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as FeedbackLink from "@cognito-feedback/protocol/FeedbackLink"
import * as FeedbackLinkTemplates from "@cognito-feedback/protocol/FeedbackLinkTemplates"
import type { Html } from "@cognito-feedback/protocol/Html"
import { brokenRule } from "@cognito-feedback/protocol/Member"
import { members } from "@cognito-feedback/protocol/Operations"
import * as PageHtml from "@cognito-feedback/protocol/PageHtml"
import * as PageOutcome from "@cognito-feedback/protocol/PageOutcome"
import * as PageRequest from "@cognito-feedback/protocol/PageRequest"
import type { OutcomeKind, Texts } from "@cognito-feedback/protocol/PageTexts"
import { english } from "@cognito-feedback/protocol/PageTexts"
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as Link from "./internal/link.js"
import * as Outcomes from "./internal/outcomes.js"
import * as Redaction from "./internal/redaction.js"

export type {
  /**
   * What the link may say about the sign-in (`city`, `country`, `device-name`, `login-time`,
   * `ip-address`), shown on the question page when given.
   *
   * @since 0.1.0
   * @category models
   */
  SignInDetails
} from "@cognito-feedback/protocol/FeedbackLink"

export type {
  /**
   * The pages after the question, one per outcome a person needs to tell apart.
   *
   * @since 0.1.0
   * @category models
   */
  OutcomeKind,
  /**
   * Every sentence of the pages; replace them all to translate the page.
   *
   * @since 0.1.0
   * @category models
   */
  Texts
} from "@cognito-feedback/protocol/PageTexts"

/**
 * The English texts, the default.
 *
 * @since 0.1.0
 * @category texts
 */
export const defaultTexts: Texts = english

/**
 * The path the page is served at unless told otherwise.
 *
 * @since 0.1.0
 * @category models
 */
export const defaultPath = "/auth-events/feedback"

/**
 * The query parameters of the link, named after Cognito's placeholders.
 *
 * @since 0.1.0
 * @category models
 */
export const parameters = FeedbackLink.parameters

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The name of the application, shown on every page. */
  readonly productName: string
  /** Where the page is served (default `/auth-events/feedback`). */
  readonly path?: string | undefined
  /** The user pool of every link; when absent, each link names its pool (`user-pool-id`). */
  readonly userPoolId?: string | undefined
  /** An http(s) page where the user can change their password, linked after `Invalid` is recorded. */
  readonly secureAccountUrl?: string | undefined
  /** Every sentence of the pages (default `defaultTexts`, English). */
  readonly texts?: Texts | undefined
  /**
   * The origin people reach the page at (`https://example.com`). Give it behind a proxy that ends
   * TLS: a form's `Origin` is then compared whole, scheme included; without it, only the host.
   */
  readonly publicOrigin?: string | undefined
}

/**
 * An option that cannot be used, named with the rule it breaks (never a secret: options hold none).
 * `option` is the option's key (`baseUrl`, `sourceArn`, `actions.High.eventAction`), and the message
 * is then `<option>: <rule>`, so that a command line can name its own flag instead.
 *
 * @since 0.1.0
 * @category errors
 */
export class OptionsError extends Schema.TaggedError<OptionsError>()("OptionsError", {
  message: Schema.String,
  option: Schema.optional(Schema.String)
}) {}

const optionsError = (option: string, rule: string): OptionsError =>
  new OptionsError({ message: `${option}: ${rule}`, option })

/** The options, checked, with their defaults. */
interface Settings {
  readonly path: HttpRouter.PathInput
  readonly userPoolId: string | undefined
  readonly secureAccountUrl: string | undefined
  readonly publicOrigin: string | undefined
  readonly frame: PageHtml.Frame
}

const isPath = (path: string): path is HttpRouter.PathInput => /^\/[A-Za-z0-9\-._~/]*$/.test(path)

const checkPath = (path: string): Either.Either<HttpRouter.PathInput, OptionsError> =>
  isPath(path)
    ? Either.right(path)
    : Either.left(optionsError("path", "must start with / and hold only letters, digits and - . _ ~ /"))

const checkUserPoolId = (userPoolId: string | undefined): Either.Either<string | undefined, OptionsError> => {
  if (userPoolId === undefined) return Either.right(undefined)
  const broken = brokenRule(userPoolId, members.UserPoolId)
  return broken === undefined
    ? Either.right(userPoolId)
    : Either.left(optionsError("userPoolId", broken))
}

const settingsOf = (options: Options): Either.Either<Settings, OptionsError> =>
  Either.gen(function*() {
    const path = yield* checkPath(options.path ?? defaultPath)
    const userPoolId = yield* checkUserPoolId(options.userPoolId)
    if (options.secureAccountUrl !== undefined && PageRequest.httpUrl(options.secureAccountUrl) === undefined) {
      return yield* Either.left(optionsError("secureAccountUrl", "must be an absolute http or https URL"))
    }
    const publicOrigin = options.publicOrigin === undefined
      ? undefined
      : PageRequest.exactOriginOf(options.publicOrigin)
    if (options.publicOrigin !== undefined && publicOrigin === undefined) {
      return yield* Either.left(
        optionsError("publicOrigin", "must be an http or https origin, such as https://example.com")
      )
    }
    if (options.productName.trim() === "") {
      return yield* Either.left(optionsError("productName", "must not be blank"))
    }
    return {
      path,
      userPoolId,
      secureAccountUrl: options.secureAccountUrl,
      publicOrigin,
      frame: { texts: options.texts ?? defaultTexts, productName: options.productName }
    }
  })

/** Form bodies of the page are a few hundred bytes; anything much larger is not from it. */
const maxBodyBytes = 16 * 1024

/**
 * How much of a body too large is read and thrown away so that the refusal can still be sent: a
 * body left unread makes the server close the connection with no answer at all. Past this the
 * connection is cut.
 */
const maxDiscardedBytes = 1024 * 1024

class BodyTooLarge {
  readonly _tag = "BodyTooLarge"
}

interface FormBytes {
  bytes: Uint8Array
  size: number
  /** Bytes seen past `maxBodyBytes`, thrown away. */
  discarded: number
}

/**
 * The form, read up to `maxBodyBytes` into one buffer sized by `Content-Length` (the runtime may not
 * bound a web `Request`'s body). Each chunk is copied and let go at once: a body sent a byte at a
 * time would otherwise hold thousands of small buffers per connection.
 */
const readForm = (request: HttpServerRequest.HttpServerRequest) => {
  const declared = Number(request.headers["content-length"] ?? "0")
  // a declared size too large is refused before anything is read, with nothing left to drain
  if (declared > maxBodyBytes) return Effect.fail(new BodyTooLarge())
  const initial: FormBytes = { bytes: new Uint8Array(declared > 0 ? declared : 1024), size: 0, discarded: 0 }
  return request.stream.pipe(
    Stream.runFoldEffect(initial, (form, chunk) => {
      const size = form.size + chunk.length
      if (form.discarded > 0 || size > maxBodyBytes) {
        form.discarded += chunk.length
        return form.discarded > maxDiscardedBytes ? Effect.fail(new BodyTooLarge()) : Effect.succeed(form)
      }
      if (size > form.bytes.length) {
        const grown = new Uint8Array(Math.min(maxBodyBytes, Math.max(size, 2 * form.bytes.length)))
        grown.set(form.bytes.subarray(0, form.size))
        form.bytes = grown
      }
      form.bytes.set(chunk, form.size)
      form.size = size
      return Effect.succeed(form)
    }),
    Effect.flatMap((form) =>
      form.discarded > 0
        ? Effect.fail(new BodyTooLarge())
        : Effect.succeed(new URLSearchParams(new TextDecoder().decode(form.bytes.subarray(0, form.size))))
    )
  )
}

const respond = (
  request: HttpServerRequest.HttpServerRequest,
  settings: Settings,
  status: number,
  page: Html,
  headers: Readonly<Record<string, string>> = {}
): Effect.Effect<HttpServerResponse.HttpServerResponse> =>
  Effect.as(
    Redaction.logResponse(request.method, settings.path, status),
    HttpServerResponse.text(request.method === "HEAD" ? "" : page.value, {
      status,
      contentType: PageHtml.contentType,
      headers: { ...PageHtml.securityHeaders, ...headers }
    })
  )

const respondOutcome = (
  request: HttpServerRequest.HttpServerRequest,
  settings: Settings,
  outcome: OutcomeKind | PageOutcome.Response
) => {
  const { headers, kind, status } = typeof outcome === "string" ? PageOutcome.response(outcome) : outcome
  return respond(request, settings, status, PageHtml.outcome(settings.frame, kind, settings.secureAccountUrl), headers)
}

const showQuestion = (request: HttpServerRequest.HttpServerRequest, settings: Settings) =>
  Effect.gen(function*() {
    // the question needs the link's values as they are (its form carries them): no secret is wrapped
    const link = FeedbackLink.decode(PageRequest.queryOfUrl(request.url), settings.userPoolId)
    if (link._tag === "Malformed") return yield* respondOutcome(request, settings, "malformedLink")
    const linkHadPool = settings.userPoolId === undefined
    const servedOn = FeedbackLink.pathOf(request.originalUrl)
    return yield* respond(request, settings, 200, PageHtml.question(settings.frame, servedOn, link.link, linkHadPool))
  })

/** The annotations of the page's log lines and span: never the username or the token. */
const safeAnnotations = (request: UpdateAuthEventFeedback.UpdateAuthEventFeedbackRequest) => ({
  "cognito.user_pool_id": request.UserPoolId,
  "cognito.event_id": request.EventId,
  "cognito.feedback_value": request.FeedbackValue
})

const recordAnswer = (request: HttpServerRequest.HttpServerRequest, settings: Settings) =>
  Effect.gen(function*() {
    if (PageRequest.isCrossSite(request.headers, request.originalUrl, settings.publicOrigin)) {
      yield* Effect.logWarning("feedback refused: the form was sent from another site")
      return yield* respondOutcome(request, settings, "crossSite")
    }
    const form = yield* Effect.either(readForm(request))
    if (Either.isLeft(form)) {
      // a body too large for the page's form reads as a damaged link, with its own status
      // and the connection closes after it: the rest of a body too large is not worth reading
      return yield* respondOutcome(
        request,
        settings,
        form.left._tag === "BodyTooLarge" ? PageOutcome.bodyTooLarge : PageOutcome.bodyUnreadable
      )
    }
    const link = yield* Effect.either(Link.decodeLink(form.right, settings.userPoolId))
    if (Either.isLeft(link)) return yield* respondOutcome(request, settings, "malformedLink")
    const feedback = link.right.request
    yield* Effect.annotateCurrentSpan(safeAnnotations(feedback))
    const result = yield* Effect.either(AuthEventFeedback.update(feedback))
    const kind = Either.match(result, {
      onLeft: Outcomes.ofError,
      onRight: () => PageOutcome.recorded(feedback.FeedbackValue)
    })
    yield* Either.match(result, {
      onRight: () => Effect.logInfo("feedback recorded"),
      onLeft: (error) =>
        Outcomes.isConfigurationError(error)
          ? Effect.logError(
            `configuration error: ${error._tag}: the user pool cannot take feedback (threat protection must be on: ` +
              "Plus tier, AdvancedSecurityMode AUDIT or ENFORCED, in a region that supports it)"
          )
          : Effect.logWarning(`feedback not recorded: ${error._tag}`)
    }).pipe(
      Effect.annotateLogs({
        ...safeAnnotations(feedback),
        outcome: kind,
        ...(Either.isLeft(result) && "requestId" in result.left && result.left.requestId !== undefined
          ? { "aws.request_id": result.left.requestId }
          : {})
      })
    )
    return yield* respondOutcome(request, settings, kind)
  }).pipe(Effect.withSpan("FeedbackPage.record"))

const handle = (settings: Settings) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    yield* Redaction.redactRequest
    switch (request.method) {
      case "GET":
      case "HEAD":
        return yield* showQuestion(request, settings)
      case "POST":
        return yield* recordAnswer(request, settings)
      default:
        return yield* respondOutcome(request, settings, "methodNotAllowed")
    }
  })

/**
 * The page as a router: `GET`/`HEAD <path>` asks, `POST <path>` records; any other method gets 405.
 * Mount it into an application's router (`HttpRouter.concat`, `HttpRouter.mount`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const router = (
  options: Options
): Either.Either<HttpRouter.HttpRouter<never, AuthEventFeedback.AuthEventFeedback>, OptionsError> =>
  Either.map(settingsOf(options), (settings) => HttpRouter.empty.pipe(HttpRouter.all(settings.path, handle(settings))))

/**
 * The headers every response of the page carries (no caching, no framing, no sniffing, no referrer,
 * a Content-Security-Policy that allows no script): for a server's own responses too (its 404, and
 * the 400/408/431 it sends before any handler runs), so that nothing it answers goes without them.
 *
 * @since 0.1.0
 * @category models
 */
export const securityHeaders: Readonly<Record<string, string>> = PageHtml.securityHeaders

/**
 * The page as a whole application: `router`, and a plain 404 with `securityHeaders` for every other
 * path. For a server that serves nothing else (`toWebHandler`, the command line).
 *
 * @since 0.1.0
 * @category constructors
 */
export const app = (
  options: Options
): Either.Either<HttpApp.Default<never, AuthEventFeedback.AuthEventFeedback>, OptionsError> =>
  Either.map(
    router(options),
    (page) =>
      Effect.catchTag(page, "RouteNotFound", () =>
        HttpServerResponse.text("Not found", {
          status: 404,
          contentType: "text/plain; charset=utf-8",
          headers: PageHtml.securityHeaders
        }))
  )

/**
 * The page as a web-standard handler (`Request` → `Promise<Response>`) for `Bun.serve`, Deno and
 * edge runtimes, on the same router, with `layer` providing `AuthEventFeedback`. Other paths get 404;
 * `dispose` releases the layer.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toWebHandler = <E>(
  options: Options,
  layer: Layer.Layer<AuthEventFeedback.AuthEventFeedback, E>
): Either.Either<
  {
    readonly handler: (request: Request) => Promise<Response>
    readonly dispose: () => Promise<void>
  },
  OptionsError
> =>
  Either.map(app(options), (page) => {
    const { dispose, handler } = HttpApp.toWebHandlerLayer(page, layer)
    return { handler: (request: Request) => handler(request), dispose }
  })

/**
 * @since 0.1.0
 * @category models
 */
export interface LinkOptions {
  /** Where the site is served: its origin and any prefix, e.g. `https://example.com/app`. */
  readonly baseUrl: string
  /** The page's path (default `/auth-events/feedback`), as given to `router`. */
  readonly path?: string | undefined
  readonly userPoolId: string
}

export type {
  /**
   * `AccountTakeoverActionType` of the Cognito service model: whether to email the user, and what
   * to do with the sign-in, at one risk level.
   *
   * @since 0.1.0
   * @category models
   */
  AccountTakeoverAction,
  /**
   * `AccountTakeoverRiskConfigurationType` of the Cognito service model, as
   * `SetRiskConfiguration` takes it (`aws cognito-idp set-risk-configuration
   * --account-takeover-risk-configuration file://risk.json`, or the SDK's `SetRiskConfigurationCommand`).
   *
   * @since 0.1.0
   * @category models
   */
  AccountTakeoverRiskConfiguration,
  /**
   * The response to one risk level in `LinkTemplateOptions.actions`; what is left out keeps its default.
   *
   * @since 0.1.0
   * @category models
   */
  ActionOptions,
  /**
   * The responses to the risk levels in `LinkTemplateOptions.actions`; a level left out keeps its defaults.
   *
   * @since 0.1.0
   * @category models
   */
  ActionsOptions,
  /**
   * `AccountTakeoverEventActionType`: `BLOCK`, `MFA_IF_CONFIGURED` (MFA when the user can do it,
   * else let in), `MFA_REQUIRED` (MFA, else block) or `NO_ACTION`.
   *
   * @since 0.1.0
   * @category models
   */
  EventAction,
  /**
   * `NotifyConfigurationType` of the Cognito service model: the sender and the three emails.
   *
   * @since 0.1.0
   * @category models
   */
  NotifyConfiguration,
  /**
   * A risk level Cognito assesses a sign-in at: `Low`, `Medium`, `High`.
   *
   * @since 0.1.0
   * @category models
   */
  RiskLevel
} from "@cognito-feedback/protocol/FeedbackLinkTemplates"

export type {
  /**
   * `NotifyEmailType` of the Cognito service model: `Subject`, `HtmlBody`, `TextBody`.
   *
   * @since 0.1.0
   * @category models
   */
  NotifyEmail
} from "@cognito-feedback/protocol/PageHtml"

/**
 * What `linkTemplates` does at each risk level unless told otherwise: email the user at every
 * level; `Low` `NO_ACTION`, `Medium` and `High` `MFA_IF_CONFIGURED` (an MFA challenge when the user
 * has a factor, else let in). Not `MFA_REQUIRED` or `BLOCK` at `High`: both lock out every user
 * without an MFA factor, and the user's "this was me" on the page is what teaches Cognito that a
 * sign-in was theirs. Choose stricter actions with `LinkTemplateOptions.actions`.
 *
 * @since 0.1.0
 * @category models
 */
export const defaultActions: {
  readonly [L in FeedbackLinkTemplates.RiskLevel]: {
    readonly notify: boolean
    readonly eventAction: FeedbackLinkTemplates.EventAction
  }
} = FeedbackLinkTemplates.defaultActions

/**
 * What `linkTemplates` needs beyond the links: what only the pool's owner knows.
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkTemplateOptions extends LinkOptions {
  /**
   * The ARN of the SES identity Cognito sends the emails from (`SourceArn`, required by the service
   * model), e.g. `arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com`.
   */
  readonly sourceArn: string
  /** The sender (`From`), an address SES has verified: `no-reply@example.com` or `Example <no-reply@example.com>`. */
  readonly from?: string | undefined
  /** Where replies go (`ReplyTo`). */
  readonly replyTo?: string | undefined
  /** The response to each risk level (default `defaultActions`). */
  readonly actions?: FeedbackLinkTemplates.ActionsOptions | undefined
}

/**
 * The two links with Cognito's placeholders, and the risk configuration whose three emails use them.
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkTemplates {
  readonly valid: string
  readonly invalid: string
  /** The `AccountTakeoverRiskConfiguration` for `SetRiskConfiguration`, exactly as the service model has it. */
  readonly riskConfiguration: FeedbackLinkTemplates.AccountTakeoverRiskConfiguration
}

const pageUrlOf = (options: LinkOptions): Either.Either<string, OptionsError> =>
  Either.gen(function*() {
    const path = yield* checkPath(options.path ?? defaultPath)
    yield* checkUserPoolId(options.userPoolId)
    const url = PageRequest.pageUrl(options.baseUrl, path)
    return url._tag === "Ok" ? url.value : yield* Either.left(optionsError("baseUrl", url.rule))
  })

/**
 * The two links (`Valid`, `Invalid`) with Cognito's placeholders, and the account-takeover risk
 * configuration for `SetRiskConfiguration` whose three emails use them: `BlockEmail` (Cognito
 * blocked the sign-in), `MfaEmail` (it asked for MFA) and `NoActionEmail` (it let the sign-in in),
 * each asking "Was this you?" with both links; and the action of each risk level (`defaultActions`
 * unless `actions` says otherwise). Only the `Invalid` link contains the word "invalid".
 *
 * Cognito writes the values into the placeholders as they are, unencoded, so a URL holds only
 * `{username}`, `{event-id}` and `{feedback-token}`, the three values the page needs:
 * `{event-id}` (`[\w+-]+`) and `{feedback-token}` (`[A-Za-z0-9-_=.]+`) cannot break a URL (the page
 * reads `+` as `+`). `{username}` can: the model lets a username hold `&`, `#` and `%`, which cut
 * or garble a link, and `"`, which also ends the HTML body's `href`. A pool whose usernames may hold
 * these (usernames people choose) should send the email itself, from the custom email sender
 * trigger, with `links`, which percent-encodes every value.
 *
 * The free-text placeholders (`{city}`, `{country}`, `{device-name}`, `{login-time}`,
 * `{ip-address}`) are in no URL: a space or a comma (`Firefox, Linux`) breaks a link in mail
 * clients. They are in the text body only: the HTML body has no placeholder outside its links,
 * because a value filled in raw there is markup, and whoever signs in chooses their device name.
 *
 * Fails with `OptionsError` naming the option (`option`) when one cannot be used: `sourceArn` must
 * match the model's ARN pattern, `from` and `replyTo` must be email addresses.
 *
 * @example
 * import { FeedbackPage } from "@cognito-feedback/web"
 * import { Either } from "effect"
 * import { deepStrictEqual } from "node:assert"
 *
 * const templates = FeedbackPage.linkTemplates({
 *   baseUrl: "https://example.com",
 *   userPoolId: "us-east-1_Example1",
 *   sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com",
 *   from: "no-reply@example.com"
 * })
 * deepStrictEqual(
 *   Either.map(templates, (t) => t.riskConfiguration.Actions.HighAction),
 *   Either.right({ Notify: true, EventAction: "MFA_IF_CONFIGURED" })
 * )
 *
 * @since 0.1.0
 * @category links
 */
export const linkTemplates = (options: LinkTemplateOptions): Either.Either<LinkTemplates, OptionsError> =>
  Either.flatMap(pageUrlOf(options), (pageUrl) => {
    const templates = FeedbackLinkTemplates.make(pageUrl, options.userPoolId, options)
    return templates._tag === "Ok"
      ? Either.right(templates.value)
      : Either.left(optionsError(templates.option, templates.rule))
  })

/**
 * The two links of one event, for applications that send the email themselves (Cognito's custom
 * email sender trigger gives `USER_NAME`, `EVENT_ID`, `FEEDBACK_TOKEN` and the sign-in details):
 * every value percent-encoded, so any username works, and the sign-in details can go into the
 * links for the page to show.
 *
 * @since 0.1.0
 * @category links
 */
export const links = (
  options: LinkOptions,
  event: {
    readonly username: string
    readonly eventId: string
    readonly feedbackToken: string
    readonly signIn?: FeedbackLink.SignInDetails | undefined
  }
): Either.Either<{ readonly valid: string; readonly invalid: string }, OptionsError> =>
  Either.map(pageUrlOf(options), (pageUrl) => FeedbackLink.links(pageUrl, options.userPoolId, event))
