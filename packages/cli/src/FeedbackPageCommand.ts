/**
 * The commands of the feedback page: `serve-feedback-page` serves `@cognito-feedback/web`'s page
 * over the live client, and `feedback-link-template` prints the links and the risk configuration whose emails carry them.
 *
 * @since 0.1.0
 */
import * as FeedbackPage from "@cognito-feedback/web/FeedbackPage"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as HttpApp from "@effect/platform/HttpApp"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as CliOutput from "./CliOutput.js"
import type { CommandFailed } from "./CommandFailure.js"
import { checkPort, failWith } from "./CommandFailure.js"
import * as CommandSpec from "./CommandSpec.js"
import { withHelp, withParagraphs } from "./internal/descriptions.js"
import { invalidInput } from "./internal/invalidInput.js"
import * as Serving from "./internal/serving.js"
import * as LiveClient from "./LiveClient.js"
import * as PageServer from "./PageServer.js"

const urlOf = (host: string, port: number): string => `http://${host.includes(":") ? `[${host}]` : host}:${port}`

/**
 * Serves `app` on `host:port` (port 0: a free one) on a server with `PageServer`'s limits, until
 * the scope closes, which also closes open connections (a browser's keep-alive ones included).
 * Returns the server's URL.
 *
 * @since 0.1.0
 * @category servers
 */
export const serve = <R>(
  app: HttpApp.Default<never, R>,
  options: { readonly host: string; readonly port: number; readonly limits?: PageServer.Limits | undefined }
): Effect.Effect<string, ServeError, Scope.Scope | R> =>
  Effect.gen(function*() {
    const nodeServer = PageServer.make(options.limits)
    const server = yield* NodeHttpServer.make(() => nodeServer, options)
    yield* server.serve(app)
    yield* Effect.addFinalizer(() =>
      Effect.async<void>((resume) => {
        if (!nodeServer.listening) return resume(Effect.void)
        nodeServer.close(() => resume(Effect.void))
        nodeServer.closeAllConnections()
      })
    )
    const address = nodeServer.address()
    return urlOf(options.host, address !== null && typeof address === "object" ? address.port : options.port)
  })

// ---------------------------------------------------------------------------------------------
// serve-feedback-page
// ---------------------------------------------------------------------------------------------

/**
 * The parsed options of `serve-feedback-page`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServeArgs extends LiveClient.Flags {
  readonly host: string
  readonly port: number
  readonly path: string
  readonly userPoolId: Option.Option<string>
  readonly productName: string
  readonly secureAccountUrl: Option.Option<string>
  readonly publicOrigin: Option.Option<string>
}

const pathOption = Options.text("path").pipe(
  withHelp("PATH", "The page's path."),
  CommandSpec.withDefault(FeedbackPage.defaultPath)
)

const serveOptions = {
  host: Serving.host,
  port: Serving.port(8080),
  path: pathOption,
  userPoolId: Options.text("user-pool-id").pipe(
    withHelp("ID", "The user pool of every link. Default: the pool each link names (user-pool-id)."),
    Options.optional
  ),
  productName: Options.text("product-name").pipe(
    withHelp("NAME", "The application's name, shown on the page."),
    CommandSpec.withDefault("Example")
  ),
  secureAccountUrl: Options.text("secure-account-url").pipe(
    withHelp("URL", "Where users change their password; linked after they say a sign-in was not them."),
    Options.optional
  ),
  publicOrigin: Options.text("public-origin").pipe(
    withHelp(
      "URL",
      "The origin people reach the page at (https://example.com), behind a proxy that ends TLS: a form's " +
        "Origin must then match it whole, scheme included. Default: the host is compared."
    ),
    Options.optional
  ),
  ...LiveClient.options
}

/**
 * The handler of `serve-feedback-page`: checks every option, prints `listening on
 * http://HOST:PORT`, then serves until interrupted (SIGINT or SIGTERM). The page's log lines
 * (method, path without the query, status, outcome; never a username or token) go to standard error.
 *
 * @since 0.1.0
 * @category handlers
 */
export const serveFeedbackPageHandler = (args: ServeArgs): Effect.Effect<void, CommandFailed> => {
  const invalid = invalidInput("text", () => CommandSpec.of(serveFeedbackPage))
  return Effect.gen(function*() {
    const badPort = checkPort(args.port)
    if (badPort !== undefined) return yield* badPort
    const clientOptions = yield* Effect.mapError(LiveClient.optionsOf(args), invalid)
    const app = yield* Effect.mapError(
      FeedbackPage.app({
        path: args.path,
        userPoolId: Option.getOrUndefined(args.userPoolId),
        productName: args.productName,
        secureAccountUrl: Option.getOrUndefined(args.secureAccountUrl),
        publicOrigin: Option.getOrUndefined(args.publicOrigin)
      }),
      invalid
    )
    yield* Serving.serveUntilInterrupted(
      serve(app, { host: args.host, port: args.port }),
      LiveClient.layer(clientOptions),
      invalid
    )
  })
}

/**
 * `cognito-feedback serve-feedback-page`.
 *
 * @since 0.1.0
 * @category commands
 */
export const serveFeedbackPage = Command.make("serve-feedback-page", serveOptions, serveFeedbackPageHandler).pipe(
  withParagraphs(
    "Serve the feedback page behind the links of Cognito's risky sign-in email, over the live client: GET and " +
      "HEAD show the question and record nothing; the page's button POSTs and records the feedback with " +
      "UpdateAuthEventFeedback.",
    "Prints 'listening on http://HOST:PORT' first, then the page's log lines on standard error (never a " +
      "username or token); stops on SIGINT or SIGTERM. The AWS CLI's --profile, --region and --endpoint-url " +
      "and the standard AWS environment apply as for update-auth-event-feedback."
  )
)

// ---------------------------------------------------------------------------------------------
// feedback-link-template
// ---------------------------------------------------------------------------------------------

/**
 * The parsed options of `feedback-link-template`.
 *
 * @since 0.1.0
 * @category models
 */
export interface TemplateArgs {
  readonly baseUrl: string
  readonly userPoolId: string
  readonly path: string
  readonly sourceArn: string
  readonly from: Option.Option<string>
  readonly replyTo: Option.Option<string>
  readonly lowAction: Option.Option<FeedbackPage.EventAction>
  readonly mediumAction: Option.Option<FeedbackPage.EventAction>
  readonly highAction: Option.Option<FeedbackPage.EventAction>
  readonly noNotify: ReadonlyArray<TemplateLevel>
  readonly output: CliOutput.Format
}

/**
 * A risk level as `--no-notify` takes it.
 *
 * @since 0.1.0
 * @category models
 */
export type TemplateLevel = "low" | "medium" | "high"

const eventActions = ["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"] as const satisfies ReadonlyArray<
  FeedbackPage.EventAction
>

const levels = [["low", "Low"], ["medium", "Medium"], ["high", "High"]] as const satisfies ReadonlyArray<
  readonly [TemplateLevel, FeedbackPage.RiskLevel]
>

const actionOption = (level: TemplateLevel, risk: FeedbackPage.RiskLevel) =>
  Options.choice(`${level}-action`, eventActions).pipe(
    withHelp(
      "ACTION",
      `What Cognito does with a sign-in at ${level} risk. Default: ${FeedbackPage.defaultActions[risk].eventAction}.`
    ),
    Options.optional
  )

const templateOptions = {
  baseUrl: Options.text("base-url").pipe(
    withHelp("URL", "Where the site is served: origin and any prefix, e.g. https://example.com/app.")
  ),
  userPoolId: Options.text("user-pool-id").pipe(withHelp("ID", "The user pool whose emails carry the links.")),
  path: pathOption,
  sourceArn: Options.text("source-arn").pipe(withHelp(
    "ARN",
    "The ARN of the SES identity Cognito sends the emails from (SourceArn), e.g. " +
      "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com."
  )),
  from: Options.text("from").pipe(
    withHelp("ADDRESS", "The sender (From), an address SES has verified. Default: none."),
    Options.optional
  ),
  replyTo: Options.text("reply-to").pipe(
    withHelp("ADDRESS", "Where replies go (ReplyTo). Default: none."),
    Options.optional
  ),
  lowAction: actionOption("low", "Low"),
  mediumAction: actionOption("medium", "Medium"),
  highAction: actionOption("high", "High"),
  noNotify: Options.choice("no-notify", levels.map(([level]) => level)).pipe(
    withHelp("LEVEL", "Send no email at this risk level: low, medium or high."),
    Options.repeated
  ),
  output: Options.choice("output", CliOutput.formats).pipe(
    Options.withDescription(
      "text (default): the links, then each email; json: the AccountTakeoverRiskConfiguration alone, for " +
        "aws cognito-idp set-risk-configuration --account-takeover-risk-configuration file://risk.json."
    ),
    Options.withDefault("text" as const)
  )
}

/** The flag of each option of `FeedbackPage.linkTemplates`, to name in its errors. */
const templateFlags: Readonly<Record<string, string>> = {
  baseUrl: "--base-url",
  path: "--path",
  userPoolId: "--user-pool-id",
  sourceArn: "--source-arn",
  from: "--from",
  replyTo: "--reply-to",
  "actions.Low.eventAction": "--low-action",
  "actions.Medium.eventAction": "--medium-action",
  "actions.High.eventAction": "--high-action"
}

/** The error with the flag the user typed in place of the option's key (`--source-arn: …`). */
const withFlag = (error: FeedbackPage.OptionsError): FeedbackPage.OptionsError => {
  const flag = error.option === undefined ? undefined : templateFlags[error.option]
  const prefix = `${error.option}: `
  return flag === undefined || !error.message.startsWith(prefix)
    ? error
    : new FeedbackPage.OptionsError({ message: `${flag}: ${error.message.slice(prefix.length)}`, option: flag })
}

const templateOptionsOf = (args: TemplateArgs): FeedbackPage.LinkTemplateOptions => {
  const actions: { [L in FeedbackPage.RiskLevel]?: FeedbackPage.ActionOptions } = {}
  const chosen = { low: args.lowAction, medium: args.mediumAction, high: args.highAction }
  for (const [level, risk] of levels) {
    const eventAction = Option.getOrUndefined(chosen[level])
    const notify = args.noNotify.includes(level) ? false : undefined
    if (eventAction !== undefined || notify !== undefined) actions[risk] = { eventAction, notify }
  }
  return {
    baseUrl: args.baseUrl,
    userPoolId: args.userPoolId,
    path: args.path,
    sourceArn: args.sourceArn,
    from: Option.getOrUndefined(args.from),
    replyTo: Option.getOrUndefined(args.replyTo),
    actions
  }
}

const emailNames: ReadonlyArray<readonly [keyof FeedbackPage.NotifyConfiguration & `${string}Email`, string]> = [
  ["NoActionEmail", "sent when Cognito lets the sign-in in"],
  ["MfaEmail", "sent when Cognito asks for MFA"],
  ["BlockEmail", "sent when Cognito blocks the sign-in"]
]

/**
 * The templates as `feedback-link-template` prints them: `json` is the
 * `AccountTakeoverRiskConfiguration` alone, pretty-printed, for `aws cognito-idp
 * set-risk-configuration --account-takeover-risk-configuration file://risk.json`; `text` is the
 * links, the settings and each email.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatTemplates = (format: CliOutput.Format, templates: FeedbackPage.LinkTemplates): string => {
  const { Actions, NotifyConfiguration } = templates.riskConfiguration
  if (format === "json") return JSON.stringify(templates.riskConfiguration, null, 2)
  const action = (name: string, { EventAction, Notify }: FeedbackPage.AccountTakeoverAction) =>
    `${name} ${EventAction}${Notify ? ", email" : ", no email"}`
  return [
    "Valid link (\"this was me\"):",
    templates.valid,
    "Invalid link (\"this was not me\"):",
    templates.invalid,
    "",
    `Actions: ${
      [
        action("low risk", Actions.LowAction),
        action("medium risk", Actions.MediumAction),
        action("high risk", Actions.HighAction)
      ].join("; ")
    }`,
    `SourceArn: ${NotifyConfiguration.SourceArn}`,
    ...(NotifyConfiguration.From === undefined ? [] : [`From: ${NotifyConfiguration.From}`]),
    ...(NotifyConfiguration.ReplyTo === undefined ? [] : [`ReplyTo: ${NotifyConfiguration.ReplyTo}`]),
    ...emailNames.flatMap(([name, when]) => {
      const email = NotifyConfiguration[name]
      return [
        "",
        `${name} (${when})`,
        `Subject: ${email.Subject}`,
        "Text body:",
        email.TextBody.trimEnd(),
        "HTML body:",
        email.HtmlBody.trimEnd()
      ]
    })
  ].join("\n")
}

/**
 * The handler of `feedback-link-template`; an option that cannot be used is named by its flag.
 *
 * @since 0.1.0
 * @category handlers
 */
export const feedbackLinkTemplateHandler = (args: TemplateArgs): Effect.Effect<void, CommandFailed> =>
  FeedbackPage.linkTemplates(templateOptionsOf(args)).pipe(
    Effect.mapError((error) => failWith(CliOutput.ExitCode.InvalidInput, args.output)(withFlag(error))),
    Effect.flatMap((templates) => CliOutput.printOut(formatTemplates(args.output, templates)))
  )

/**
 * `cognito-feedback feedback-link-template`.
 *
 * @since 0.1.0
 * @category commands
 */
export const feedbackLinkTemplate = Command.make(
  "feedback-link-template",
  templateOptions,
  feedbackLinkTemplateHandler
).pipe(
  withParagraphs(
    "Print the two links of the feedback page (Valid, Invalid) with Cognito's {username}, {event-id} and " +
      "{feedback-token} placeholders, and the pool's account-takeover risk configuration: the action and " +
      "notification of each risk level, and the three emails (BlockEmail, MfaEmail, NoActionEmail) that ask " +
      "\"Was this you?\" with both links. Only the Invalid link contains the word 'invalid'. The links hold no " +
      "other placeholder: Cognito fills them in unencoded, and a username with & # or % still breaks them (send " +
      "those emails from a custom email sender instead). With --output json, the output is the " +
      "AccountTakeoverRiskConfiguration for aws cognito-idp set-risk-configuration."
  )
)

/**
 * Both commands, for `Command.withSubcommands`.
 *
 * @since 0.1.0
 * @category commands
 */
export const commands = [serveFeedbackPage, feedbackLinkTemplate] as const
