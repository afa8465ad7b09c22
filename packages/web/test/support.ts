// Drives the page as a server does: the router through @effect/platform's web handler, with the
// platform's tracer and access logger around it, recording every span and log line. The requests
// and what is read of the answers are the shared `@cognito-feedback/test-support/pageClient`.
import type { AuthEventFeedback } from "@cognito-feedback/core"
import * as PageClient from "@cognito-feedback/test-support/pageClient"
import type { Answer, Recorded } from "@cognito-feedback/test-support/pageClient"
import { answerOf, textOf } from "@cognito-feedback/test-support/pageClient"
import { FeedbackPage } from "@cognito-feedback/web"
import { HttpApp, HttpMiddleware } from "@effect/platform"
import { Effect, FiberRef, HashSet, Logger, Tracer } from "effect"

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
