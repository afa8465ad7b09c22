// Drives the page as a server does: the router through @effect/platform's web handler, with the
// platform's tracer and access logger around it, recording every span and log line. The requests
// and what is read of the answers are the shared `@cognito-feedback/test-support/pageClient`; `driver`
// is the page, its links and the testkit at the Promise level of the shared suites (`pageDriver`).
import { AuthEventFeedback, CognitoError, UpdateAuthEventFeedback } from "@cognito-feedback/core"
import type { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import type * as WireCases from "@cognito-feedback/protocol/WireCases"
import * as PageClient from "@cognito-feedback/test-support/pageClient"
import type { Answer, Recorded } from "@cognito-feedback/test-support/pageClient"
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
import { HttpApp, HttpMiddleware } from "@effect/platform"
import {
  Arbitrary,
  Effect,
  Either,
  FastCheck as fc,
  FiberRef,
  HashSet,
  Layer,
  Logger,
  ManagedRuntime,
  Option,
  Redacted,
  Tracer
} from "effect"
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
  type Recorded
} from "@cognito-feedback/test-support/pageClient"

export const options: FeedbackPage.Options = PageClient.options

/**
 * `send(request)` through the page with `pageOptions`, over the `AuthEventFeedback` in the context;
 * spans and logs of every request are recorded.
 */
export const makePage = (pageOptions: FeedbackPage.Options = options) =>
  Effect.gen(function*() {
    const telemetry: Array<string> = []
    const logs: Array<string> = []
    const logger = Logger.make(({ annotations, message }) => {
      const line = [
        ...(Array.isArray(message) ? message : [message]).map(textOf),
        ...Array.from(annotations, ([k, v]) => `${k}=${textOf(v)}`)
      ].join(" ")
      logs.push(line)
      telemetry.push(line)
    })
    const base = yield* Effect.tracer
    const spans: Array<Tracer.Span> = []
    const tracer = Tracer.make({
      span: (...args) => {
        const span = base.span(...args)
        spans.push(span)
        return span
      },
      context: base.context
    })
    const app = yield* FeedbackPage.router(pageOptions)
    const runtime = yield* Effect.runtime<AuthEventFeedback.AuthEventFeedback>().pipe(
      Effect.withTracer(tracer),
      Effect.locally(FiberRef.currentLoggers, HashSet.make(logger))
    )
    const handler = HttpApp.toWebHandlerRuntime(runtime)(app, HttpMiddleware.logger)
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

/** A `WireCases.ErrorData` as the Effect 3 error class. */
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

const checked = <A>(result: Either.Either<A, FeedbackPage.OptionsError>): Checked<A> =>
  Either.isRight(result)
    ? { _tag: "Ok", value: result.right }
    : { _tag: "Refused", option: result.left.option, message: result.left.message }

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
  const simulator = Effect.flatMap(
    Effect.serviceOption(CognitoSimulator.CognitoSimulator),
    required<CognitoSimulator.CognitoSimulator["Type"]>("simulator")
  )
  try {
    if (scenario?._tag === "Simulator") {
      await runtime.runPromise(Effect.gen(function*() {
        const s = yield* simulator
        if (scenario.throttleNext !== undefined) yield* s.throttleNext(scenario.throttleNext)
        if (scenario.failNext !== undefined) yield* s.failNext(scenario.failNext)
      }))
    }
    const { recorded, send } = await runtime.runPromise(makePage(pageOptions))
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
      dispose: () => runtime.dispose()
    }
  } catch (error) {
    await runtime.dispose()
    throw error
  }
}

/** The Effect 3 edition's page, links and testkit for the shared suites. */
export const driver: PageDriver = {
  page: (pageOptions, scenario) => pageOver(pageOptions, layerOf(scenario), scenario),
  eachOutcome: (runs, check) =>
    fc.assert(
      fc.asyncProperty(CognitoArbitrary.outcome, async (outcome) => {
        const page = await pageOver(options, AuthEventFeedbackTest.layerScripted([outcome]))
        try {
          await check(outcome, page)
        } finally {
          await page.dispose()
        }
      }),
      { numRuns: runs }
    ),
  toWebHandler: (pageOptions, scenario) =>
    Promise.resolve(checked(FeedbackPage.toWebHandler(pageOptions, layerOf(scenario)))),
  router: (pageOptions) => checked(FeedbackPage.router(pageOptions)),
  defaultTexts: FeedbackPage.defaultTexts,
  links: (linkOptions, event) => checked(FeedbackPage.links(linkOptions, event)),
  linkTemplates: (templateOptions) => checked(FeedbackPage.linkTemplates(templateOptions)),
  readLink: (link) =>
    Effect.runPromise(
      Effect.either(Link.decodeLink(Link.queryOfUrl(new URL(link).href), undefined)).pipe(
        Effect.map((result): Checked<FeedbackRequest> =>
          Either.isRight(result)
            ? { _tag: "Ok", value: plain(result.right.request) }
            : { _tag: "Refused", option: undefined, message: result.left._tag }
        )
      )
    ),
  requests: Arbitrary.make(UpdateAuthEventFeedback.UpdateAuthEventFeedbackRequest).map(plain)
}
