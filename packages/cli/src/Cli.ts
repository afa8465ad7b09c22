/**
 * The `cognito-feedback` command: `update-auth-event-feedback` with the AWS CLI's option names,
 * `emulator`, which serves the testkit's emulator on loopback, and the feedback page's commands
 * (`FeedbackPageCommand`). `run(argv)` parses, runs and prints,
 * and returns the exit code: 0 success, 1 a service or transport error, 2 invalid input or
 * configuration. Failures are one line on standard error; usernames and tokens are never printed.
 *
 * @since 0.1.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import { decodeRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as AuthEventFeedbackClient from "@cognito-feedback/http/AuthEventFeedbackClient"
import type { EndpointError } from "@cognito-feedback/http/Endpoint"
import type * as SimulatorSeed from "@cognito-feedback/testkit/SimulatorSeed"
import type * as CliApp from "@effect/cli/CliApp"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as ValidationError from "@effect/cli/ValidationError"
import * as FileSystem from "@effect/platform/FileSystem"
import type { Teardown } from "@effect/platform/Runtime"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as FiberRef from "effect/FiberRef"
import * as HashSet from "effect/HashSet"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import * as CliOutput from "./CliOutput.js"
import type { CommandFailed } from "./CommandFailure.js"
import { checkPort, ConfigurationError, failWith, InvalidValue } from "./CommandFailure.js"
import * as CommandLine from "./CommandLine.js"
import * as CommandSpec from "./CommandSpec.js"
import * as Examples from "./Examples.js"
import * as FeedbackPageCommand from "./FeedbackPageCommand.js"
import * as Help from "./Help.js"
import { withHelp, withParagraphs } from "./internal/descriptions.js"
import { invalidInput } from "./internal/invalidInput.js"
import * as Serving from "./internal/serving.js"
import * as LiveClient from "./LiveClient.js"

/**
 * @since 0.1.0
 * @category models
 */
export const name = "cognito-feedback"

const PackageManifest = Schema.parseJson(Schema.Struct({ version: Schema.String }))

/**
 * The version in the package's `package.json`, one directory above this module both as built
 * (`dist/Cli.js`) and as bundled into the command (`bin/cognito-feedback.js`).
 *
 * @since 0.1.0
 * @category models
 */
export const version: string = Schema.decodeUnknownSync(PackageManifest)(
  readFileSync(new URL("../package.json", import.meta.url), "utf8")
).version

export {
  /**
   * Re-exported from `CommandFailure`.
   *
   * @since 0.1.0
   * @category errors
   */
  CommandFailed,
  /**
   * Re-exported from `CommandFailure`.
   *
   * @since 0.1.0
   * @category errors
   */
  ConfigurationError
} from "./CommandFailure.js"

const { printErr, printOut } = CliOutput

/** Debug logs (attempts, retries, delays: never a secret) go to standard error, as logfmt. */
const stderrLogger = Logger.withConsoleError(Logger.logfmtLogger)

// ---------------------------------------------------------------------------------------------
// update-auth-event-feedback
// ---------------------------------------------------------------------------------------------

// a Map, not an object: `__proto__` or `constructor` must not find anything
const feedbackValues: ReadonlyMap<string, "Valid" | "Invalid"> = new Map([["valid", "Valid"], ["invalid", "Invalid"]])

/**
 * `valid`, `INVALID`… to the service's spelling; anything else is left for the request schema to
 * reject, so the error names the field like every other invalid input.
 *
 * @since 0.1.0
 * @category parsing
 */
export const normalizeFeedbackValue = (value: string): string => feedbackValues.get(value.toLowerCase()) ?? value

const updateOptions = {
  userPoolId: Options.text("user-pool-id").pipe(
    withHelp("ID", "The user pool of the event, e.g. us-east-1_Example1 (its prefix is the region).")
  ),
  username: Options.redacted("username").pipe(
    withHelp("NAME", "The username, an alias attribute (e.g. the email) or the user's sub. Never printed.")
  ),
  eventId: Options.text("event-id").pipe(withHelp("ID", "The auth event's id, from the notification email.")),
  feedbackToken: Options.redacted("feedback-token").pipe(withHelp(
    "TOKEN|-",
    "The feedback token from the notification email, or - to read it from standard input (keeps it out of " +
      "shell history). Never printed."
  )),
  feedbackValue: Options.text("feedback-value").pipe(
    withHelp("Valid|Invalid", "Valid: it was the user; Invalid: it was not. Any case.")
  ),
  ...LiveClient.options,
  output: Options.choice("output", CliOutput.formats).pipe(
    Options.withDescription("text: one sentence; json: the response object, errors as JSON."),
    CommandSpec.withDefault("text")
  ),
  debug: Options.boolean("debug").pipe(
    Options.withDescription("Log every attempt (status, error code, delay before the retry) on standard error.")
  ),
  dryRun: Options.boolean("dry-run").pipe(
    Options.withDescription("Print the request that would be sent (username and token redacted); send nothing.")
  )
}

/**
 * The parsed options of `update-auth-event-feedback`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateArgs extends LiveClient.Flags {
  readonly userPoolId: string
  readonly username: Redacted.Redacted<string>
  readonly eventId: string
  readonly feedbackToken: Redacted.Redacted<string>
  readonly feedbackValue: string
  readonly output: CliOutput.Format
  readonly debug: boolean
  readonly dryRun: boolean
}

/** Tokens are short; a bound keeps a mistaken `< big-file` from filling memory. */
const maxStdinBytes = 64 * 1024

/** All of standard input, as text. */
const readStdin: Effect.Effect<string, ConfigurationError> = Effect.async<string, ConfigurationError>((resume) => {
  const stdin = process.stdin
  const chunks: Array<Buffer> = []
  let size = 0
  const cleanup = () => {
    stdin.off("data", onData)
    stdin.off("end", onEnd)
    stdin.off("error", onError)
    stdin.pause()
  }
  function onData(chunk: Buffer | string) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk
    size += bytes.length
    if (size > maxStdinBytes) {
      cleanup()
      resume(Effect.fail(
        new ConfigurationError({ message: `--feedback-token -: standard input is over ${maxStdinBytes} bytes` })
      ))
    } else {
      chunks.push(bytes)
    }
  }
  function onEnd() {
    cleanup()
    resume(Effect.succeed(Buffer.concat(chunks).toString("utf8")))
  }
  function onError() {
    cleanup()
    resume(Effect.fail(new ConfigurationError({ message: "--feedback-token -: standard input could not be read" })))
  }
  stdin.on("data", onData)
  stdin.on("end", onEnd)
  stdin.on("error", onError)
  return Effect.sync(cleanup)
})

/** `-` reads the token from standard input; the line end (and any surrounding space) is dropped. */
const feedbackTokenOf = (
  option: Redacted.Redacted<string>
): Effect.Effect<Redacted.Redacted<string>, ConfigurationError> =>
  Redacted.value(option) === "-"
    ? Effect.flatMap(readStdin, (text) =>
      text.trim() === ""
        ? Effect.fail(new ConfigurationError({ message: "--feedback-token -: standard input was empty" }))
        : Effect.succeed(Redacted.make(text.trim())))
    : Effect.succeed(option)

/** `--feedback-value` in the service's spelling, any case accepted. */
const feedbackValueOf = (value: string): Effect.Effect<"Valid" | "Invalid", InvalidValue> => {
  const normalized = normalizeFeedbackValue(value)
  return normalized === "Valid" || normalized === "Invalid"
    ? Effect.succeed(normalized)
    : Effect.fail(new InvalidValue({ message: "--feedback-value: expected Valid or Invalid" }))
}

/**
 * The handler of `update-auth-event-feedback`. Everything that can be checked without the network
 * is checked first (configuration, input, endpoint), so a failure with exit code 2 never sent
 * anything.
 *
 * @since 0.1.0
 * @category handlers
 */
export const updateAuthEventFeedbackHandler = (args: UpdateArgs): Effect.Effect<void, CommandFailed> => {
  const invalid = invalidInput(args.output, updateSpec)
  const failed = failWith(CliOutput.ExitCode.ServiceError, args.output)
  return Effect.gen(function*() {
    const options = yield* Effect.mapError(LiveClient.optionsOf(args), invalid)
    const feedbackValue = yield* Effect.mapError(feedbackValueOf(args.feedbackValue), invalid)
    const feedbackToken = yield* Effect.mapError(feedbackTokenOf(args.feedbackToken), invalid)
    const request = yield* Effect.mapError(
      decodeRequest({
        UserPoolId: args.userPoolId,
        Username: args.username,
        EventId: args.eventId,
        FeedbackToken: feedbackToken,
        FeedbackValue: feedbackValue
      }),
      invalid
    )
    const preview = yield* Effect.mapError(AuthEventFeedbackClient.preview(options, request), invalid)
    if (args.dryRun) {
      return yield* printOut(CliOutput.formatPreview(args.output, preview))
    }
    yield* Effect.logDebug("sending").pipe(Effect.annotateLogs({ url: preview.url, region: preview.region }))
    const response = yield* AuthEventFeedback.update(request).pipe(
      Effect.provide(LiveClient.layer(options)),
      Effect.mapError((error: UpdateAuthEventFeedbackError | EndpointError) =>
        // the endpoint was already resolved by the preview: a configuration error here is still one
        error._tag === "EndpointError" ? invalid(error) : failed(error)
      )
    )
    yield* printOut(CliOutput.formatSuccess(args.output, {
      userPoolId: request.UserPoolId,
      eventId: request.EventId,
      feedbackValue: request.FeedbackValue
    }, response))
  }).pipe(Logger.withMinimumLogLevel(args.debug ? LogLevel.Debug : LogLevel.Info))
}

/**
 * `cognito-feedback update-auth-event-feedback`.
 *
 * @since 0.1.0
 * @category commands
 */
export const updateAuthEventFeedback = Command.make(
  "update-auth-event-feedback",
  updateOptions,
  updateAuthEventFeedbackHandler
).pipe(
  withParagraphs(
    "Tell Cognito whether a flagged sign-in was really the user (UpdateAuthEventFeedback, unsigned: no " +
      "credentials needed).",
    "The options are the AWS CLI's (aws cognito-idp update-auth-event-feedback), and so are its habits: " +
      "--profile, --region, --endpoint-url, --cli-read-timeout, --cli-connect-timeout. The standard AWS " +
      "environment applies, options winning: AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE, AWS_CONFIG_FILE, " +
      "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, AWS_ENDPOINT_URL, AWS_USE_FIPS_ENDPOINT, " +
      "AWS_USE_DUALSTACK_ENDPOINT, AWS_MAX_ATTEMPTS, AWS_RETRY_MODE."
  )
)

const updateSpec = (): CommandSpec.CommandSpec => CommandSpec.of(updateAuthEventFeedback)

// ---------------------------------------------------------------------------------------------
// emulator
// ---------------------------------------------------------------------------------------------

/**
 * The parsed options of `emulator`.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmulatorArgs {
  readonly host: string
  readonly port: number
  readonly seed: Option.Option<string>
}

/**
 * The emulator's port when `--port` is not given. Unassigned by IANA, used by no common tool (not
 * 9229, Node's inspector), and below the ephemeral port ranges, so no outgoing connection holds it.
 *
 * @since 0.1.0
 * @category models
 */
export const defaultEmulatorPort = 26464

const emulatorOptions = {
  host: Serving.host,
  port: Serving.port(defaultEmulatorPort),
  seed: Options.text("seed").pipe(
    withHelp(
      "FILE",
      "A JSON seed file: {\"userPools\": [{\"id\", \"advancedSecurityMode\" (OFF, AUDIT (default) or ENFORCED), " +
        "\"aliasAttributes\", \"users\": [{\"username\", \"sub\", \"attributes\", \"authEvents\": [{\"eventId\", " +
        "\"feedbackToken\", \"eventType\", \"creationDate\", \"riskDecision\", \"riskLevel\", \"feedback\", …}]}]}]}. " +
        "Only id, username, eventId and feedbackToken are required; a field that does not match is named by its " +
        "path (userPools.0.users.0.username: is required). Default: the built-in sample."
    ),
    Options.optional
  )
}

// The emulator (an HTTP server, the simulator) loads only when its command runs: sending feedback
// never pays for it.
const loadTestkit = Effect.promise(async () => {
  const [CognitoEmulator, seeds] = await Promise.all([
    import("@cognito-feedback/testkit/CognitoEmulator"),
    import("@cognito-feedback/testkit/SimulatorSeed")
  ])
  return { CognitoEmulator, seeds }
})

const readSeedFile = (
  seeds: typeof SimulatorSeed,
  path: string
): Effect.Effect<SimulatorSeed.SeedFile, ConfigurationError | SimulatorSeed.SeedError, FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const text = yield* Effect.mapError(
      fs.readFileString(path),
      (error) => new ConfigurationError({ message: `--seed: cannot read ${path} (${error.message})` })
    )
    return yield* seeds.decodeSeedJson(text)
  })

/**
 * The handler of `emulator`: prints `listening on http://HOST:PORT`, then one line per request,
 * and serves until interrupted (SIGINT or SIGTERM), which closes the server.
 *
 * @since 0.1.0
 * @category handlers
 */
export const emulatorHandler = (
  args: EmulatorArgs
): Effect.Effect<void, CommandFailed, FileSystem.FileSystem> => {
  const invalid = failWith(CliOutput.ExitCode.InvalidInput, "text")
  return Effect.gen(function*() {
    const badPort = checkPort(args.port)
    if (badPort !== undefined) return yield* badPort
    const { CognitoEmulator, seeds } = yield* loadTestkit
    const seed = yield* Option.match(args.seed, {
      onNone: () => Effect.succeed(seeds.sampleSeed),
      onSome: (path) => Effect.mapError(readSeedFile(seeds, path), invalid)
    })
    const layer = CognitoEmulator.layerWithSimulator({
      host: args.host,
      port: args.port,
      seed,
      onRequest: (entry) => printOut(CliOutput.formatRequestLog(entry))
    })
    yield* Serving.serveUntilInterrupted(
      Effect.map(CognitoEmulator.CognitoEmulator, (emulator) => emulator.url),
      layer,
      invalid
    )
  })
}

/**
 * `cognito-feedback emulator`.
 *
 * @since 0.1.0
 * @category commands
 */
export const emulator = Command.make("emulator", emulatorOptions, emulatorHandler).pipe(
  withParagraphs(
    "Serve a local Cognito to try the other commands against: UpdateAuthEventFeedback, " +
      "AdminUpdateAuthEventFeedback and AdminListUserAuthEvents (AWS JSON 1.1) from an in-memory Cognito.",
    "Prints 'listening on http://HOST:PORT' first, then one line per request (operation, outcome, status, " +
      "request id). Without --seed it serves the built-in sample: pool us-east-1_Example1 (user alice, event " +
      "evt-1, token tok.valid-1, and more) and pool us-east-1_NoThreat1 (threat protection off). Stops on SIGINT " +
      "or SIGTERM."
  )
)

// ---------------------------------------------------------------------------------------------
// the command
// ---------------------------------------------------------------------------------------------

const subcommands = [updateAuthEventFeedback, emulator, ...FeedbackPageCommand.commands] as const

const description =
  "Send Amazon Cognito auth-event feedback (UpdateAuthEventFeedback) from a shell, start a local emulator to " +
  "try it against, serve the feedback page behind the links of Cognito's risky sign-in email, or print those " +
  "links and the risk configuration that sends them."

/**
 * `cognito-feedback` with its subcommands; without one it fails with exit code 2.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = Command.make(name, {}, () =>
  Effect.fail(
    failWith(CliOutput.ExitCode.InvalidInput, "text")({
      _tag: "MissingSubcommand",
      message: `expected a command: ${specs().map((spec) => spec.name).join(", ")} (see --help)`
    })
  )).pipe(
    Command.withDescription(description),
    Command.withSubcommands(subcommands)
  )

/**
 * The spec of each subcommand, read from its descriptor: what the command line is checked
 * against and what the help shows.
 *
 * @since 0.1.0
 * @category models
 */
export const specs = (): ReadonlyArray<CommandSpec.CommandSpec> => subcommands.map((command) => CommandSpec.of(command))

const program: Help.Program = {
  name,
  version,
  examples: Examples.examples,
  footer: ["Exit codes: 0 success, 1 a service or transport error, 2 invalid input or configuration (nothing sent)."]
}

/**
 * The help page for `--help`: the program's, or the command's when `command` is given.
 *
 * @since 0.1.0
 * @category formatting
 */
export const helpOf = (command: CommandSpec.CommandSpec | undefined): string =>
  command === undefined ? Help.root(program, [description], specs()) : Help.command(program, command)

const cli = Command.run(command, { name, version })

/** `--output json` anywhere in the arguments: how to print an error the parser found. */
const formatOfArgs = (args: ReadonlyArray<string>): CliOutput.Format =>
  args.some((arg, i) => arg === "--output=json" || (arg === "--output" && args[i + 1] === "json")) ? "json" : "text"

/**
 * @since 0.1.0
 * @category models
 */
export interface RunOptions {
  /** Keep the terminal colours of the parser's output (default false: for a terminal, pass `process.stdout.isTTY`). */
  readonly color?: boolean | undefined
}

/**
 * Runs the command on `argv` (`process.argv`: the runtime and script come first), prints what it
 * has to, and returns the exit code. It never fails: every expected error is printed as one line;
 * an unexpected one (a bug) is printed with its cause and gives 1. The command line is checked
 * first (`CommandLine.check`): an unknown option, a missing one or a bad value is named as typed,
 * and `--help` prints the help page (`helpOf`).
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  argv: ReadonlyArray<string>,
  options: RunOptions = {}
): Effect.Effect<CliOutput.ExitCode, never, CliApp.CliApp.Environment> =>
  Console.consoleWith((console) => {
    const args = argv.slice(2)
    const format = formatOfArgs(args)
    const all = specs()
    const outcome = CommandLine.check(all, args)
    const spec = all.find((spec) => spec.name === args[0])
    const parsed: Effect.Effect<CliOutput.ExitCode, never, CliApp.CliApp.Environment> = outcome._tag === "Help"
      ? Effect.as(printOut(helpOf(outcome.command)), CliOutput.ExitCode.Success)
      : outcome._tag === "Invalid"
      ? Effect.as(printErr(CliOutput.formatFailure(format, outcome)), CliOutput.ExitCode.InvalidInput)
      : cli(argv).pipe(
        Effect.as(CliOutput.ExitCode.Success),
        Effect.catchIf(
          (error): error is ValidationError.ValidationError => ValidationError.isValidationError(error),
          (error) =>
            printErr(CliOutput.formatFailure(format, CommandLine.explain(spec, args.slice(1), error))).pipe(
              Effect.as(CliOutput.ExitCode.InvalidInput)
            )
        ),
        Effect.catchTag(
          "CommandFailed",
          (failed) => printErr(CliOutput.formatFailure(failed.format, failed.failure)).pipe(Effect.as(failed.exitCode))
        ),
        Effect.catchAllDefect((defect) =>
          printErr(`unexpected error: ${Cause.pretty(Cause.die(defect))}`).pipe(
            Effect.as(CliOutput.ExitCode.ServiceError)
          )
        )
      )
    return parsed.pipe(
      Logger.withMinimumLogLevel(LogLevel.Info),
      // standard output is for results only, whatever loggers the runtime has installed
      Effect.locally(FiberRef.currentLoggers, HashSet.make(stderrLogger)),
      Effect.withConsole({
        ...console,
        error: () => Effect.void,
        // @effect/cli's output is coloured even when it goes to a file or a pipe
        log: (...args) =>
          options.color === true
            ? console.log(...args)
            : console.log(...args.map((arg) => typeof arg === "string" ? CliOutput.stripAnsi(arg) : arg))
      })
    )
  })

/**
 * For `NodeRuntime.runMain`: exits with the code `run` returned; 0 after an interruption (SIGINT,
 * SIGTERM), 1 after anything else.
 *
 * @since 0.1.0
 * @category running
 */
export const teardown: Teardown = (exit, onExit) => {
  if (Exit.isSuccess(exit)) return onExit(typeof exit.value === "number" ? exit.value : 0)
  onExit(Cause.isInterruptedOnly(exit.cause) ? 0 : 1)
}
