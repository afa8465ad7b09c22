/**
 * The feedback page mounted in an existing Effect HTTP application, over the live client: the
 * links of Cognito's email (see `cognito-feedback feedback-link-template`) point at
 * `https://<your site>/auth-events/feedback`.
 */
import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
import { FeedbackPage } from "@cognito-feedback/web"
import { HttpMiddleware, HttpRouter, HttpServer, HttpServerResponse } from "@effect/platform"
import { NodeHttpClient, NodeHttpServer } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { createServer } from "node:http"

// the application's own routes, and the page next to them
export const app = Effect.map(
  FeedbackPage.router({
    productName: "Example",
    userPoolId: "us-east-1_AbCdEf123",
    secureAccountUrl: "https://example.com/account/security"
  }),
  (feedbackPage) =>
    HttpRouter.empty.pipe(
      HttpRouter.get("/", HttpServerResponse.text("home")),
      HttpRouter.concat(feedbackPage)
    )
)

// serve it: `Layer.launch(Server).pipe(NodeRuntime.runMain)`
export const Server = Layer.unwrapEffect(Effect.map(app, (router) => HttpServer.serve(router, HttpMiddleware.logger)))
  .pipe(
    Layer.provide(AuthEventFeedbackHttp.layerConfig()),
    Layer.provide(NodeHttpClient.layerUndici),
    Layer.provide(NodeHttpServer.layer(createServer, { port: 3000 }))
  )
