/**
 * The commands of the feedback page: `serve-feedback-page` serves `@cognito-feedback/web`'s page
 * over the live client, and `feedback-link-template` prints the links and the email that match it.
 *
 * @since 0.1.0
 */
import * as FeedbackPage from "@cognito-feedback/web/FeedbackPage"
import * as Command from "@effect/cli/Command"
import * as HelpDoc from "@effect/cli/HelpDoc"
import * as Options from "@effect/cli/Options"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type * as HttpApp from "@effect/platform/HttpApp"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import * as CliOutput from "./CliOutput.js"
import type { CommandFailed } from "./CommandFailure.js"
import { checkPort, failWith, serveFailed } from "./CommandFailure.js"
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
  Options.withPseudoName("PATH"),
  Options.withDescription(`The page's path. Default: ${FeedbackPage.defaultPath}.`),
  Options.withDefault(FeedbackPage.defaultPath)
)

const serveOptions = {
  host: Options.text("host").pipe(
    Options.withPseudoName("HOST"),
    Options.withDescription("The address to listen on."),
    Options.withDefault("127.0.0.1")
  ),
  port: Options.integer("port").pipe(
    Options.withPseudoName("PORT"),
    Options.withDescription("The port to listen on; 0 picks a free one (read it from the first line)."),
    Options.withDefault(8080)
  ),
  path: pathOption,
  userPoolId: Options.text("user-pool-id").pipe(
    Options.withPseudoName("ID"),
    Options.withDescription("The user pool of every link. Default: the pool each link names (user-pool-id)."),
    Options.optional
  ),
  productName: Options.text("product-name").pipe(
    Options.withPseudoName("NAME"),
    Options.withDescription("The application's name, shown on the page."),
    Options.withDefault("Example")
  ),
  secureAccountUrl: Options.text("secure-account-url").pipe(
    Options.withPseudoName("URL"),
    Options.withDescription("Where users change their password; linked after they say a sign-in was not them."),
    Options.optional
  ),
  publicOrigin: Options.text("public-origin").pipe(
    Options.withPseudoName("URL"),
    Options.withDescription(
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
  const invalid = failWith(CliOutput.ExitCode.InvalidInput, "text")
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
    yield* Effect.gen(function*() {
      const url = yield* serve(app, { host: args.host, port: args.port })
      yield* CliOutput.printOut(CliOutput.formatListening(url))
      return yield* Effect.never
    }).pipe(
      Effect.scoped,
      Effect.provide(LiveClient.layer(clientOptions)),
      Effect.catchTags({
        EndpointError: (error) => Effect.fail(invalid(error)),
        ServeError: (error) => Effect.fail(serveFailed(error))
      })
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
  Command.withDescription(HelpDoc.blocks([
    HelpDoc.p(
      "Serve the page behind the links of Cognito's risky sign-in email: GET and HEAD show the question and " +
        "record nothing; the page's button POSTs and records the feedback with UpdateAuthEventFeedback. Prints " +
        "'listening on http://HOST:PORT' first; stops on SIGINT or SIGTERM. The standard AWS environment applies " +
        "as for update-auth-event-feedback."
    )
  ]))
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
  readonly signInDetails: boolean
  readonly output: CliOutput.Format
}

const templateOptions = {
  baseUrl: Options.text("base-url").pipe(
    Options.withPseudoName("URL"),
    Options.withDescription("Where the site is served: origin and any prefix, e.g. https://example.com/app.")
  ),
  userPoolId: Options.text("user-pool-id").pipe(
    Options.withPseudoName("ID"),
    Options.withDescription("The user pool whose emails carry the links.")
  ),
  path: pathOption,
  signInDetails: Options.boolean("sign-in-details").pipe(
    Options.withDescription(
      "Also put {city}, {country}, {device-name}, {login-time} and {ip-address} in the links, for the page to show."
    )
  ),
  output: Options.choice("output", CliOutput.formats).pipe(
    Options.withDescription("text (default): the links, then the email; json: one object."),
    Options.withDefault("text" as const)
  )
}

/**
 * The templates as `feedback-link-template` prints them.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatTemplates = (format: CliOutput.Format, templates: FeedbackPage.LinkTemplates): string =>
  format === "json"
    ? JSON.stringify(templates)
    : [
      "Valid link (\"this was me\"):",
      templates.valid,
      "Invalid link (\"this was not me\"):",
      templates.invalid,
      "",
      `Email subject: ${templates.email.subject}`,
      "",
      "Email text body:",
      templates.email.textBody,
      "Email HTML body:",
      templates.email.htmlBody.trimEnd()
    ].join("\n")

/**
 * The handler of `feedback-link-template`.
 *
 * @since 0.1.0
 * @category handlers
 */
export const feedbackLinkTemplateHandler = (args: TemplateArgs): Effect.Effect<void, CommandFailed> =>
  FeedbackPage.linkTemplates(args).pipe(
    Effect.mapError(failWith(CliOutput.ExitCode.InvalidInput, args.output)),
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
  Command.withDescription(HelpDoc.blocks([
    HelpDoc.p(
      "Print the two links of the feedback page (Valid, Invalid) with Cognito's {username}, {event-id} and " +
        "{feedback-token} placeholders, and an email (subject, text and HTML body) that uses them, for the " +
        "notify settings of the pool's risk configuration. Only the Invalid link contains the word 'invalid'."
    )
  ]))
)

/**
 * Both commands, for `Command.withSubcommands`.
 *
 * @since 0.1.0
 * @category commands
 */
export const commands = [serveFeedbackPage, feedbackLinkTemplate] as const
