// Drives the page as a server does: the page's routes through Effect 4's `HttpRouter.toWebHandler`,
// with the server's tracer and access logger around it, recording every span and log line. The
// requests and what is read of the answers are the shared `@cognito-feedback/test-support/pageClient`;
// `driver` is the page, its links and the testkit at the Promise level of the shared suites (`pageDriver`).
import { AuthEventFeedback, CognitoError } from "@cognito-feedback/core"
import type { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import type * as WireCases from "@cognito-feedback/protocol/WireCases"
import { validInput } from "@cognito-feedback/test-support/coreCases"
import type { Answer, Recorded } from "@cognito-feedback/test-support/pageClient"
import * as PageClient from "@cognito-feedback/test-support/pageClient"
import { answerOf, pool, textOf } from "@cognito-feedback/test-support/pageClient"
import type {
  CallOutcome,
  Checked,
  FeedbackRequest,
  Page,
  PageDriver,
  PageOptions,
  Scenario
} from "@cognito-feedback/test-support/pageDriver"
import { AuthEventFeedbackTest, CognitoArbitrary, CognitoSimulator, SimulatorSeed } from "@cognito-feedback/testkit"
import { FeedbackPage } from "@cognito-feedback/web"
import {
  Arbitrary,
  Effect,
  Exit,
  Layer,
  Logger,
  ManagedRuntime,
  Option,
  Redacted,
  References,
  Result,
  Scope,
  Tracer
} from "effect"
import { HttpRouter } from "effect/http"
import * as Link from "../src/internal/link.js"

export {
  aliceLink,
  type Answer,
  decodeEntities,
  fillIn,
  formOf,
  hiddenFields,
  linkTo,
  origin,
  pool,
  post,
  type Recorded,
  securityHeadersProblem
} from "@cognito-feedback/test-support/pageClient"

export const options: FeedbackPage.Options = PageClient.options

/**
 * `send(request)` through the page with `pageOptions`, over the `AuthEventFeedback` in the context;
 * spans and logs of every request are recorded. The handler is disposed with the scope.
 */
export const makePage = (pageOptions: FeedbackPage.Options = options) =>
  Effect.gen(function*() {
    const telemetry: Array<string> = []
    const logs: Array<string> = []
    const logger = Logger.make(({ fiber, message }) => {
      const annotations = fiber.getRef(References.CurrentLogAnnotations)
      const line = [
        ...(Array.isArray(message) ? message : [message]).map(textOf),
        ...Object.entries(annotations).map(([k, v]) => `${k}=${textOf(v)}`)
      ].join(" ")
      logs.push(line)
      telemetry.push(line)
    })
    const base = yield* Effect.tracer
    const spans: Array<Tracer.Span> = []
    const tracer = Tracer.make({
      span: (options) => {
        const span = base.span(options)
        spans.push(span)
        return span
      },
      ...(base.context === undefined ? {} : { context: base.context })
    })
    const routes = yield* Effect.fromResult(FeedbackPage.router(pageOptions))
    const service = yield* AuthEventFeedback.AuthEventFeedback
    const { dispose, handler } = HttpRouter.toWebHandler(
      Layer.mergeAll(
        routes,
        Layer.succeed(AuthEventFeedback.AuthEventFeedback, service),
        Layer.succeed(Tracer.Tracer, tracer),
        Logger.layer([logger])
      )
    )
    yield* Effect.addFinalizer(() => Effect.promise(dispose))
    const send = (request: Request) => Effect.promise((): Promise<Answer> => handler(request).then(answerOf))
    const recorded: Recorded = {
      telemetry: () => [
        ...telemetry,
        ...spans.flatMap((span) => [span.name, ...Array.from(span.attributes, ([k, v]) => `${k}=${textOf(v)}`)])
      ],
      logs: () => logs
    }
    return { send, recorded }
  })

/** A `WireCases.ErrorData` as the Effect 4 error class. */
export const errorOf = (error: WireCases.ErrorData): CognitoError.UpdateAuthEventFeedbackError => {
  switch (error._tag) {
    case "TransportError":
      return new CognitoError.TransportError({ reason: error.reason, message: error.message })
    case "UnexpectedResponseError":
      return new CognitoError.UnexpectedResponseError({
        status: error.status,
        code: error.code,
        requestId: error.requestId,
        message: error.message
      })
    case "InvalidParameterException":
      return new CognitoError.InvalidParameterException({
        message: error.message,
        requestId: error.requestId,
        reasonCode: error.reasonCode,
        origin: error.origin ?? "service"
      })
    default:
      return CognitoError.makeServiceError(error._tag, { message: error.message, requestId: error.requestId })
  }
}

const outcomeOf = (outcome: CallOutcome): AuthEventFeedbackTest.Outcome =>
  outcome._tag === "Success" ? outcome : AuthEventFeedbackTest.failure(errorOf(outcome.error))

const layerOf = (scenario: Scenario): Layer.Layer<AuthEventFeedback.AuthEventFeedback, unknown> => {
  switch (scenario._tag) {
    case "Simulator":
      return AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed })
    case "Scripted":
      return AuthEventFeedbackTest.layerScripted(scenario.outcomes.map(outcomeOf))
    case "EndingAs": {
      const { outcome } = scenario
      return Layer.succeed(
        AuthEventFeedback.AuthEventFeedback,
        AuthEventFeedback.make(() =>
          outcome._tag === "Success" ? Effect.succeed({}) : Effect.fail(errorOf(outcome.error))
        )
      )
    }
  }
}

const checked = <A>(result: Result.Result<A, FeedbackPage.OptionsError>): Checked<A> =>
  Result.isSuccess(result)
    ? { _tag: "Ok", value: result.success }
    : { _tag: "Refused", option: result.failure.option, message: result.failure.message }

const required = <A>(what: string) => (option: Option.Option<A>): Effect.Effect<A> =>
  Option.match(option, { onNone: () => Effect.die(new Error(`the scenario has no ${what}`)), onSome: Effect.succeed })

const plain = (request: UpdateAuthEventFeedbackRequest): FeedbackRequest => ({
  UserPoolId: request.UserPoolId,
  Username: Redacted.value(request.Username),
  EventId: request.EventId,
  FeedbackToken: Redacted.value(request.FeedbackToken),
  FeedbackValue: request.FeedbackValue
})

/** The page with `pageOptions` over `layer`, at the Promise level of the shared suites. */
const pageOver = async (
  pageOptions: PageOptions,
  layer: Layer.Layer<AuthEventFeedback.AuthEventFeedback, unknown>,
  scenario?: Scenario
): Promise<Page & { readonly dispose: () => Promise<void> }> => {
  const runtime = ManagedRuntime.make(layer)
  const scope = await Effect.runPromise(Scope.make())
  const dispose = async () => {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    await runtime.dispose()
  }
  const simulator = Effect.flatMap(
    Effect.serviceOption(CognitoSimulator.CognitoSimulator),
    required<CognitoSimulator.CognitoSimulator["Service"]>("simulator")
  )
  try {
    if (scenario?._tag === "Simulator") {
      await runtime.runPromise(Effect.gen(function*() {
        const s = yield* simulator
        if (scenario.throttleNext !== undefined) yield* s.throttleNext(scenario.throttleNext)
        if (scenario.failNext !== undefined) yield* s.failNext(scenario.failNext)
      }))
    }
    const { recorded, send } = await runtime.runPromise(Scope.provide(makePage(pageOptions), scope))
    const calls = Effect.flatMap(simulator, (s) => s.calls)
    return {
      send: (request) => Effect.runPromise(send(request)),
      recorded,
      outcomes: () => runtime.runPromise(Effect.map(calls, (all) => all.map((call) => call.outcome))),
      callCount: () => runtime.runPromise(Effect.map(calls, (all) => all.length)),
      sent: () =>
        runtime.runPromise(
          Effect.serviceOption(AuthEventFeedbackTest.ScriptedCalls).pipe(
            Effect.flatMap(required("script")),
            Effect.map((all) => all.map(plain))
          )
        ),
      feedbackOf: (username, eventId) =>
        runtime.runPromise(
          Effect.flatMap(simulator, (s) => Effect.map(s.feedbackOf(pool, username, eventId), Option.getOrUndefined))
        ),
      dispose
    }
  } catch (error) {
    await dispose()
    throw error
  }
}

/** The Effect 4 edition's page, links and testkit for the shared suites. */
export const driver: PageDriver = {
  page: (pageOptions, scenario) => pageOver(pageOptions, layerOf(scenario), scenario),
  eachOutcome: async (runs, check) => {
    const result = await Effect.runPromise(
      Arbitrary.checkEffect(
        CognitoArbitrary.outcome,
        (outcome) =>
          Effect.tryPromise(async () => {
            const page = await pageOver(options, AuthEventFeedbackTest.layerScripted([outcome]))
            try {
              await check(outcome, page)
            } finally {
              await page.dispose()
            }
            return true
          }),
        { runs }
      )
    )
    if (result._tag !== "Passed") throw new Error(Arbitrary.formatCheckFailure(result) ?? result._tag)
  },
  toWebHandler: (pageOptions, scenario) =>
    Promise.resolve(checked(FeedbackPage.toWebHandler(pageOptions, layerOf(scenario)))),
  router: (pageOptions) => checked(FeedbackPage.router(pageOptions)),
  defaultTexts: FeedbackPage.defaultTexts,
  links: (linkOptions, event) => checked(FeedbackPage.links(linkOptions, event)),
  linkTemplates: (templateOptions) => checked(FeedbackPage.linkTemplates(templateOptions)),
  readLink: (link) =>
    Effect.runPromise(
      Effect.result(Link.decodeLink(Link.queryOfUrl(new URL(link).href), undefined)).pipe(
        Effect.map((result): Checked<FeedbackRequest> =>
          Result.isSuccess(result)
            ? { _tag: "Ok", value: plain(result.success.request) }
            : { _tag: "Refused", option: undefined, message: result.failure._tag }
        )
      )
    ),
  requests: validInput
}
