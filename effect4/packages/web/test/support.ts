// Drives the page as a server does: the page's routes through Effect 4's `HttpRouter.toWebHandler`,
// with the server's tracer and access logger around it, recording every span and log line. The
// requests and what is read of the answers are the shared `@cognito-feedback/test-support/pageClient`.
import { AuthEventFeedback } from "@cognito-feedback/core"
import type { Answer, Recorded } from "@cognito-feedback/test-support/pageClient"
import * as PageClient from "@cognito-feedback/test-support/pageClient"
import { answerOf, textOf } from "@cognito-feedback/test-support/pageClient"
import { FeedbackPage } from "@cognito-feedback/web"
import { Effect, Layer, Logger, References, Tracer } from "effect"
import { HttpRouter } from "effect/http"

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
