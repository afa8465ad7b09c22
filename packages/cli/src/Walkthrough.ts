/**
 * The demo (`pnpm demo`): starts the testkit's emulator in process on a free loopback port, seeded
 * with the built-in sample, and calls it through the public API exactly as an application would
 * (`AuthEventFeedback.update` over `AuthEventFeedbackHttp`), printing a short report: feedback
 * recorded and read back, a wrong token, a pool without threat protection, a throttled service
 * retried to success, the request as `--dry-run` shows it, and the feedback page served in front of
 * the emulator with a working link (on a terminal it serves until Ctrl-C; otherwise it opens the
 * link itself, presses the button and exits). Fails if any step does not turn out as described, so
 * the report can be trusted.
 *
 * @since 0.1.0
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import type { UpdateAuthEventFeedbackError } from "@cognito-feedback/core/CognitoError"
import type * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import type { UpdateAuthEventFeedbackInput } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as AuthEventFeedbackHttp from "@cognito-feedback/http/AuthEventFeedbackHttp"
import * as AwsJsonProtocol from "@cognito-feedback/http/AwsJsonProtocol"
import * as ClientMetrics from "@cognito-feedback/http/ClientMetrics"
import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
import * as CognitoSimulator from "@cognito-feedback/testkit/CognitoSimulator"
import * as SimulatorSeed from "@cognito-feedback/testkit/SimulatorSeed"
import * as FeedbackPage from "@cognito-feedback/web/FeedbackPage"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Arr from "effect/Array"
import * as Clock from "effect/Clock"
import * as Console from "effect/Console"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Metric from "effect/Metric"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as CliOutput from "./CliOutput.js"
import * as FeedbackPageCommand from "./FeedbackPageCommand.js"

/**
 * A step that did not turn out as the report says it would.
 *
 * @since 0.1.0
 * @category errors
 */
export class WalkthroughError extends Schema.TaggedError<WalkthroughError>()("WalkthroughError", {
  message: Schema.String
}) {}

const pool = "us-east-1_Example1"
const poolWithoutThreatProtection = "us-east-1_NoThreat1"

const say = (...lines: ReadonlyArray<string>) => Console.log(lines.join("\n"))
const indent = (text: string, by = "     ") => text.split("\n").map((line) => line === "" ? line : by + line).join("\n")

const unexpected = (step: string) => (what: unknown) =>
  new WalkthroughError({
    message: `${step}: ${
      typeof what === "object" && what !== null && "_tag" in what ? String(what._tag) : String(what)
    }`
  })

/**
 * `AdminListUserAuthEvents` over the wire. A real application calls it with the AWS SDK and IAM
 * credentials (it is a signed admin operation); the emulator only checks that the `Authorization`
 * header has the SigV4 shape, so a fixed one stands in for a signature here.
 */
const adminListUserAuthEvents = (endpoint: string, userPoolId: string, username: string) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const response = yield* client.execute(
      HttpClientRequest.post(endpoint).pipe(
        HttpClientRequest.setHeaders({
          "x-amz-target": AwsJsonProtocol.target("AdminListUserAuthEvents"),
          "x-amz-date": "20261101T000000Z",
          authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261101/us-east-1/cognito-idp/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64)
        }),
        HttpClientRequest.bodyText(
          JSON.stringify({ UserPoolId: userPoolId, Username: username }),
          AwsJsonProtocol.contentType
        )
      )
    )
    if (response.status !== 200) {
      return yield* new WalkthroughError({ message: `AdminListUserAuthEvents answered ${response.status}` })
    }
    return yield* Schema.decodeUnknown(CognitoSimulator.AdminListUserAuthEventsResponse)(yield* response.json)
  }).pipe(
    Effect.scoped,
    Effect.mapError((error) => error._tag === "WalkthroughError" ? error : unexpected("AdminListUserAuthEvents")(error))
  )

// what the demo reads its retries from: the client's metrics, and each retry as `onRetry` reports it
const throttlingRetries = ClientMetrics.ofOperation("UpdateAuthEventFeedback").retries("throttling")

// step 1's request: step 2 sends it with a wrong token, step 5 previews it
const firstRequest: UpdateAuthEventFeedbackInput = {
  UserPoolId: pool,
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
}

const failureLine = (error: {
  readonly _tag: string
  readonly message: string
  readonly requestId?: string | undefined
}) => CliOutput.formatFailure("text", CliOutput.failureOf(error))

/**
 * The walkthrough, against the emulator and simulator in the context, printing as it goes.
 *
 * @since 0.1.0
 * @category programs
 */
export const steps: Effect.Effect<
  void,
  WalkthroughError,
  CognitoEmulator.CognitoEmulator | CognitoSimulator.CognitoSimulator | HttpClient.HttpClient
> = Effect.gen(function*() {
  const emulator = yield* CognitoEmulator.CognitoEmulator
  const simulator = yield* CognitoSimulator.CognitoSimulator
  const retries: Array<RetryPolicy.RetryEvent> = []
  const clientOptions: AuthEventFeedbackHttp.Options = {
    endpoint: emulator.url,
    onRetry: (event) => Effect.sync(() => retries.push(event))
  }
  const update = (input: UpdateAuthEventFeedbackInput) => Effect.either(AuthEventFeedback.update(input))
  // the steps that show an error: the call must fail with that error, whose line is printed
  const updateFailing = (
    step: string,
    expected: UpdateAuthEventFeedbackError["_tag"],
    input: UpdateAuthEventFeedbackInput
  ) =>
    Effect.gen(function*() {
      const result = yield* update(input)
      if (result._tag === "Right" || result.left._tag !== expected) {
        return yield* unexpected(step)(result._tag === "Right" ? "succeeded" : result.left)
      }
      yield* say(indent(`-> ${failureLine(result.left)}`))
    })

  // the live client, built once for every step as an application would
  yield* Effect.gen(function*() {
    yield* say(
      `cognito-feedback demo: UpdateAuthEventFeedback through the live client, against the emulator at ${emulator.url}`,
      `(built-in sample: pool ${pool}, user alice, events evt-1..evt-4; pool ${poolWithoutThreatProtection}, ` +
        `threat protection OFF)`,
      ""
    )

    // 1. recorded, and read back
    yield* say("1. alice says the risky sign-in evt-1 was not her: FeedbackValue Invalid")
    const recorded = yield* update(firstRequest)
    if (recorded._tag === "Left") return yield* unexpected("step 1")(recorded.left)
    yield* say(
      indent(`-> ${CliOutput.formatSuccess("text", { userPoolId: pool, eventId: "evt-1", feedbackValue: "Invalid" })}`)
    )
    const listed = yield* adminListUserAuthEvents(emulator.url, pool, "alice")
    const event = Arr.findFirst(listed.AuthEvents, (event) => event.EventId === "evt-1")
    const feedback = Option.flatMap(event, (event) => Option.fromNullable(event.EventFeedback))
    if (Option.isNone(feedback) || feedback.value.FeedbackValue !== "Invalid") {
      return yield* new WalkthroughError({ message: "step 1: the feedback was not recorded" })
    }
    yield* say(indent(
      `AdminListUserAuthEvents reads it back: evt-1 EventFeedback = { FeedbackValue: ${feedback.value.FeedbackValue}, ` +
        `Provider: ${feedback.value.Provider}, FeedbackDate: ${feedback.value.FeedbackDate.toISOString()} }`
    ))

    // 2. a wrong token
    yield* say("", "2. the same event with a wrong feedback token")
    yield* updateFailing("step 2", "NotAuthorizedException", {
      ...firstRequest,
      FeedbackToken: "tok.not-the-right-one",
      FeedbackValue: "Valid"
    })

    // 3. threat protection off
    yield* say("", `3. a pool without threat protection (${poolWithoutThreatProtection}, AdvancedSecurityMode OFF)`)
    yield* updateFailing("step 3", "UserPoolAddOnNotEnabledException", {
      UserPoolId: poolWithoutThreatProtection,
      Username: "carol",
      EventId: "evt-c1",
      FeedbackToken: "tok.off-1",
      FeedbackValue: "Valid"
    })

    // 4. throttled, retried to success
    yield* say(
      "",
      "4. the emulator throttles the next 2 calls; the client retries (AWS standard mode: 3 attempts, " +
        "full-jitter backoff, base 1 s for throttling)"
    )
    yield* simulator.throttleNext(2)
    retries.length = 0
    const countedBefore = (yield* Metric.value(throttlingRetries)).count
    const started = yield* Clock.currentTimeMillis
    const throttled = yield* update({
      UserPoolId: pool,
      Username: "alice",
      EventId: "evt-2",
      FeedbackToken: "tok.valid-2",
      FeedbackValue: "Valid"
    })
    const elapsed = (yield* Clock.currentTimeMillis) - started
    const counted = (yield* Metric.value(throttlingRetries)).count - countedBefore
    if (throttled._tag === "Left" || retries.length !== 2 || counted !== 2) {
      return yield* unexpected("step 4")(throttled._tag === "Left" ? throttled.left : `${retries.length} retries`)
    }
    for (const retry of retries) {
      yield* say(indent(
        `attempt ${retry.attempt}: ${retry.error._tag}, retried after ${Math.round(Duration.toMillis(retry.delay))} ms`
      ))
    }
    yield* say(indent(
      `attempt ${retries.length + 1}: success -> ${
        CliOutput.formatSuccess("text", { userPoolId: pool, eventId: "evt-2", feedbackValue: "Valid" })
      } (${(elapsed / 1000).toFixed(1)} s in all)`
    ))
    yield* say(
      indent(
        `(onRetry reported each retry; ClientMetrics.retries{operation=UpdateAuthEventFeedback,retry_class=throttling} went up by ${counted})`
      )
    )

    // 5. --dry-run
    const commandLine =
      `cognito-feedback update-auth-event-feedback --endpoint-url ${emulator.url} --user-pool-id ${pool} ` +
      "--username alice --event-id evt-1 --feedback-token - --feedback-value Invalid --dry-run"
    yield* say("", "5. the request of step 1 as --dry-run prints it (nothing sent; username and token redacted):")
    yield* say(indent(`$ ${commandLine}`))
    const preview = yield* AuthEventFeedbackHttp.preview(clientOptions, firstRequest).pipe(
      Effect.mapError(unexpected("step 5"))
    )
    yield* say(indent(CliOutput.formatPreview("text", preview)))

    const calls = yield* simulator.calls
    yield* say(
      "",
      `The emulator answered ${calls.length} requests: ` +
        calls.map((call) => `${call.operation} ${call.outcome}`).join(", ") + "."
    )
  }).pipe(
    Effect.provide(AuthEventFeedbackHttp.layer(clientOptions)),
    Effect.mapError((error) => error._tag === "WalkthroughError" ? error : unexpected("the live client")(error))
  )
})

/** GETs or POSTs (a form) to the page, as a browser would from the page itself. */
const fetchPage = (url: string, form?: Record<string, string>) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const request = form === undefined
      ? HttpClientRequest.get(url)
      : HttpClientRequest.post(url).pipe(
        HttpClientRequest.setHeader("sec-fetch-site", "same-origin"),
        HttpClientRequest.bodyUrlParams(form)
      )
    const response = yield* client.execute(request)
    return { status: response.status, body: yield* response.text }
  }).pipe(Effect.scoped, Effect.mapError(unexpected("the feedback page")))

const heading = (page: string) => /<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? "(no heading)"

/** The hidden fields of the question's form, as its button sends them. */
const formOf = (page: string): Record<string, string> =>
  Object.fromEntries(Array.from(page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g), (m) => [
    m[1] ?? "",
    (m[2] ?? "").replaceAll("&amp;", "&")
  ]))

/**
 * Step 6: the feedback page served in front of the emulator, and the link of alice's email about
 * evt-4. When `interactive`, it serves until interrupted (Ctrl-C); otherwise it opens the link
 * itself (nothing recorded), presses the button (recorded) and reads the feedback back.
 *
 * @since 0.1.0
 * @category programs
 */
export const feedbackPageStep = (options: { readonly interactive: boolean }): Effect.Effect<
  void,
  WalkthroughError,
  CognitoEmulator.CognitoEmulator | CognitoSimulator.CognitoSimulator | HttpClient.HttpClient
> =>
  Effect.gen(function*() {
    const emulator = yield* CognitoEmulator.CognitoEmulator
    const simulator = yield* CognitoSimulator.CognitoSimulator
    yield* say("", "6. the feedback page (cognito-feedback serve-feedback-page) in front of the emulator")
    const app = yield* Effect.mapError(
      FeedbackPage.app({ productName: "Example", userPoolId: pool }),
      unexpected("step 6")
    )
    const pageUrl = yield* FeedbackPageCommand.serve(app, { host: "127.0.0.1", port: 0 })
    const links = yield* Effect.mapError(
      FeedbackPage.links({ baseUrl: pageUrl, userPoolId: pool }, {
        username: "alice",
        eventId: "evt-4",
        feedbackToken: "tok.valid-4"
      }),
      unexpected("step 6")
    )
    yield* say(indent("The link in alice's email about evt-4 (\"this was not me\"); open it in a browser:"))
    yield* say(indent(links.invalid, "       "))
    if (options.interactive) {
      yield* say(indent("Serving the page until Ctrl-C."))
      return yield* Effect.never
    }
    const callsBefore = (yield* simulator.calls).length
    const question = yield* fetchPage(links.invalid)
    const callsAfterGet = (yield* simulator.calls).length
    if (question.status !== 200 || callsAfterGet !== callsBefore) {
      return yield* new WalkthroughError({ message: `step 6: GET answered ${question.status}` })
    }
    yield* say(indent(
      `GET the link -> ${question.status} "${heading(question.body)}" with one button; nothing recorded (the ` +
        "emulator saw no request), so a mail scanner opening the link changes nothing"
    ))
    const answer = yield* fetchPage(pageUrl + FeedbackPage.defaultPath, formOf(question.body))
    const listed = yield* adminListUserAuthEvents(emulator.url, pool, "alice")
    const feedback = Option.flatMap(
      Arr.findFirst(listed.AuthEvents, (event) => event.EventId === "evt-4"),
      (event) => Option.fromNullable(event.EventFeedback)
    )
    if (answer.status !== 200 || Option.isNone(feedback) || feedback.value.FeedbackValue !== "Invalid") {
      return yield* new WalkthroughError({ message: `step 6: the button's POST answered ${answer.status}` })
    }
    yield* say(indent(
      `POST the button's form -> ${answer.status} "${heading(answer.body)}"; AdminListUserAuthEvents: evt-4 ` +
        `EventFeedback = { FeedbackValue: ${feedback.value.FeedbackValue}, Provider: ${feedback.value.Provider} }`
    ))
  }).pipe(
    Effect.scoped,
    // the page's own log lines would interleave with the report
    Logger.withMinimumLogLevel(LogLevel.None),
    Effect.provide(
      Layer.unwrapEffect(
        Effect.map(
          CognitoEmulator.CognitoEmulator,
          (emulator) => AuthEventFeedbackHttp.layer({ endpoint: emulator.url })
        )
      )
    ),
    Effect.mapError((error) => error._tag === "WalkthroughError" ? error : unexpected("step 6")(error))
  )

/**
 * @since 0.1.0
 * @category models
 */
export interface RunOptions {
  /** Serve the page until interrupted at the end (a terminal), rather than try it and exit. */
  readonly interactive?: boolean | undefined
}

/**
 * The walkthrough with its own emulator (free loopback port, built-in sample) and HTTP client.
 *
 * @since 0.1.0
 * @category programs
 */
export const run = (
  httpClient: Layer.Layer<HttpClient.HttpClient>,
  options: RunOptions = {}
): Effect.Effect<void, WalkthroughError> =>
  Effect.zipRight(steps, feedbackPageStep({ interactive: options.interactive === true })).pipe(
    Effect.provide(Layer.merge(
      CognitoEmulator.layerWithSimulator({ host: "127.0.0.1", port: 0, seed: SimulatorSeed.sampleSeed }),
      httpClient
    )),
    // SeedError or ServeError: the emulator could not start
    Effect.mapError((error) => error._tag === "WalkthroughError" ? error : unexpected("starting the emulator")(error))
  )
