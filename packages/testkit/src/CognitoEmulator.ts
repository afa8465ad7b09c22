/**
 * A real HTTP server speaking AWS JSON 1.1 for `UpdateAuthEventFeedback`,
 * `AdminUpdateAuthEventFeedback`, `AdminListUserAuthEvents`, `SetRiskConfiguration` and
 * `DescribeRiskConfiguration`, answered from a `CognitoSimulator` (see `CognitoWire` for the
 * rules), and the testkit's own endpoints for tests in any language: `POST /_testkit/risky-sign-in`
 * (`{"userPoolId", "username", "riskLevel", "clientId"?, "ipAddress"?, "city"?, "country"?,
 * "deviceName"?, "loginTime"?}` → `{"eventId"}`) and `GET /_testkit/outbox` (`{"messages": [...]}`,
 * oldest first). Any AWS client, the official AWS SDK for JavaScript v3
 * included, can be pointed at its `url`. It is `@effect/platform`'s `HttpServer` on Node, bound to
 * 127.0.0.1 on a free port by default, and lives as long as its scope: closing the scope closes
 * the server and every connection to it. It answers CORS as the service does (see `cors`), so a
 * page on another origin can call it with `fetch`.
 *
 * Its own entry point (`@cognito-feedback/testkit/CognitoEmulator`) keeps Node out of the testkit's
 * main entry, whose in-memory layers run in browsers, Deno and edge runtimes.
 *
 * @since 0.1.0
 */
import * as EmulatorHttp from "@cognito-feedback/protocol/EmulatorHttp"
import { flattenHeaders, urlOf } from "@cognito-feedback/protocol/EmulatorHttp"
import * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Http from "node:http"
import * as CognitoSimulator from "./CognitoSimulator.js"
import * as CognitoWire from "./CognitoWire.js"
import type { SeedError, SeedFile } from "./SimulatorSeed.js"

/**
 * One request answered, for a log line. Holds no secret: the operation (or `"Unknown"`), the
 * outcome (`"Success"` or the error code), the status and the request id.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestLogEntry {
  readonly operation: string
  readonly outcome: string
  readonly status: number
  readonly requestId: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The address to bind (default `127.0.0.1`). */
  readonly host?: string | undefined
  /** The port to bind (default 0: a free port, reported by `port` and `url`). */
  readonly port?: number | undefined
  /** Request body bytes read at most; a larger body is answered with a 413 (default 256 KiB). */
  readonly maxBodyBytes?: number | undefined
  /** Called once per request, after it is answered and before the response is sent. */
  readonly onRequest?: ((entry: RequestLogEntry) => Effect.Effect<void>) | undefined
  /**
   * Where every pool's custom email sender listens: the emulator `POST`s each takeover event there
   * as JSON (as to a Lambda function URL) instead of putting an email in the outbox; a status other
   * than 2xx, or no answer in 10 seconds, fails the risky sign-in with a 502.
   */
  readonly customEmailSenderUrl?: string | undefined
}

/**
 * A running emulator: where to reach it.
 *
 * @since 0.1.0
 * @category tags
 */
export class CognitoEmulator extends Context.Tag("@cognito-feedback/testkit/CognitoEmulator")<
  CognitoEmulator,
  {
    /** `http://HOST:PORT`, to use as a client's endpoint. */
    readonly url: string
    readonly host: string
    readonly port: number
  }
>() {}

type Body =
  | { readonly _tag: "Read"; readonly text: string }
  | { readonly _tag: "TooLarge" }

/**
 * Reads the body up to `limit` bytes. Past the limit it stops (pauses the request, keeps nothing
 * more) instead of destroying it, so the 413 can still be sent; the response then closes the
 * connection. A declared `Content-Length` over the limit is refused before reading anything.
 */
const readBody = (source: Http.IncomingMessage, limit: number): Effect.Effect<Body> => {
  const declared = Number(source.headers["content-length"])
  if (Number.isFinite(declared) && declared > limit) return Effect.succeed({ _tag: "TooLarge" })
  return Effect.async<Body>((resume) => {
    const chunks: Array<Buffer> = []
    let size = 0
    const cleanup = () => {
      source.off("data", onData)
      source.off("end", onEnd)
      source.off("error", onError)
      source.off("aborted", onError)
    }
    function onData(chunk: Buffer) {
      size += chunk.length
      if (size > limit) {
        cleanup()
        source.pause()
        resume(Effect.succeed({ _tag: "TooLarge" }))
      } else {
        chunks.push(chunk)
      }
    }
    function onEnd() {
      cleanup()
      resume(Effect.succeed({ _tag: "Read", text: Buffer.concat(chunks).toString("utf8") }))
    }
    // the client went away mid-body: nobody is left to answer
    function onError() {
      cleanup()
      resume(Effect.interrupt)
    }
    source.on("data", onData)
    source.on("end", onEnd)
    source.on("error", onError)
    source.on("aborted", onError)
    return Effect.sync(cleanup)
  })
}

const answer = (result: EmulatorHttp.TestkitAnswer) =>
  HttpServerResponse.text(result.body, { status: result.status, headers: result.headers })

/** The testkit's own endpoints (`EmulatorHttp.testkitPaths`): a risky sign-in, the outbox. */
const testkit = (
  simulator: CognitoSimulator.CognitoSimulator.Service,
  route: NonNullable<ReturnType<typeof EmulatorHttp.testkitRoute>>,
  source: Http.IncomingMessage,
  maxBodyBytes: number
): Effect.Effect<HttpServerResponse.HttpServerResponse> => {
  switch (route._tag) {
    case "NotFound":
    case "MethodNotAllowed":
      return Effect.succeed(answer(EmulatorHttp.testkitRefusal(route)))
    case "Outbox":
      return Effect.map(simulator.outbox, (messages) => answer(EmulatorHttp.outboxAnswer(messages)))
    case "RiskySignIn":
      return Effect.gen(function*() {
        const body = yield* readBody(source, maxBodyBytes)
        if (body._tag === "TooLarge") {
          return answer(EmulatorHttp.testkitAnswer(413, { message: "The request body is too large." }))
            .pipe(HttpServerResponse.setHeader("connection", "close"))
        }
        const decoded = decodeJsonBody(body.text)
        if (decoded._tag === "Err") {
          return answer(EmulatorHttp.riskySignInAnswer({ _tag: "Refused", message: decoded.message }))
        }
        return yield* simulator.riskySignIn(decoded.value).pipe(
          Effect.match({
            onSuccess: ({ eventId }) => answer(EmulatorHttp.riskySignInAnswer({ _tag: "Ok", eventId })),
            onFailure: (error) =>
              answer(EmulatorHttp.riskySignInAnswer({
                _tag: error.cause === undefined ? "Refused" : "SenderFailed",
                message: error.message
              }))
          })
        )
      })
  }
}

/** The body as JSON, then as a risky sign-in (the protocol's rules and messages). */
const decodeJsonBody = (text: string): SimulationSeed.Result<SimulationSeed.RiskySignIn> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { _tag: "Err", message: "The request body is not valid JSON.", issues: [] }
  }
  return SimulationSeed.decodeRiskySignIn(json)
}

/** A custom email sender at `url`: each event `POST`ed there as JSON, a 2xx answer in 10 seconds. */
const senderAt = (url: string): CognitoSimulator.CustomEmailSenderHandler => (event) =>
  Effect.tryPromise(async (signal) => {
    const request = EmulatorHttp.customEmailSenderRequest(event)
    const response = await fetch(url, { ...request, signal })
    await response.body?.cancel()
    if (!response.ok) throw new Error(`the custom email sender answered ${response.status}`)
  }).pipe(
    Effect.timeoutFail({ duration: "10 seconds", onTimeout: () => new Error("the custom email sender timed out") })
  )

const app = (
  simulator: CognitoSimulator.CognitoSimulator.Service,
  maxBodyBytes: number,
  onRequest: Options["onRequest"]
): HttpApp.Default<never, HttpServerRequest.HttpServerRequest> =>
  Effect.gen(function*() {
    const handle = CognitoWire.handle(simulator)
    const request = yield* HttpServerRequest.HttpServerRequest
    const source = NodeHttpServerRequest.toIncomingMessage(request)
    const route = EmulatorHttp.testkitRoute(request.method, request.url)
    if (route !== undefined) return yield* testkit(simulator, route, source, maxBodyBytes)
    const body = yield* readBody(source, maxBodyBytes)
    const tooLarge = body._tag === "TooLarge"
    const { operation, outcome, response } = yield* handle({
      method: request.method,
      headers: flattenHeaders(source.headers),
      body: body._tag === "Read" ? body.text : "",
      bodyTooLarge: tooLarge
    })
    if (onRequest !== undefined) {
      // a failing log hook must not cost the client its answer
      yield* Effect.catchAllDefect(
        onRequest({
          operation,
          outcome,
          status: response.status,
          requestId: response.headers["x-amzn-requestid"] ?? ""
        }),
        () => Effect.void
      )
    }
    return HttpServerResponse.text(response.body, {
      status: response.status,
      // the unread rest of a refused body must not be taken for the next request
      headers: tooLarge ? { ...response.headers, connection: "close" } : response.headers
    })
  })

/**
 * The CORS rules the emulator answers with: any origin, `POST`, the headers the AWS SDKs send from
 * a browser, the W3C Trace Context and Baggage headers (`traceparent`, `tracestate`, `baggage`)
 * that a page traced with OpenTelemetry adds to every `fetch`, and the response headers a client
 * reads (request id, error type and message, date) exposed to it. Preflights (`OPTIONS`) are
 * answered 204 without reaching the simulator. The table is the protocol's (`EmulatorHttp.cors`),
 * which every edition's emulator answers with.
 *
 * @since 0.1.0
 * @category cors
 */
export const cors: typeof EmulatorHttp.cors = EmulatorHttp.cors

/** Stops listening and ends every connection, idle or not, then waits for the server to close. */
const closeServer = (server: Http.Server): Effect.Effect<void> =>
  Effect.async<void>((resume) => {
    if (!server.listening) return resume(Effect.void)
    server.close(() => resume(Effect.void))
    server.closeAllConnections()
  })

/**
 * Starts an emulator over the `CognitoSimulator` in the context; it stops when the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<CognitoEmulator["Type"], ServeError, Scope.Scope | CognitoSimulator.CognitoSimulator> =>
  Effect.gen(function*() {
    const simulator = yield* CognitoSimulator.CognitoSimulator
    const nodeServer = Http.createServer()
    const server = yield* NodeHttpServer.make(() => nodeServer, {
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 0
    })
    if (options.customEmailSenderUrl !== undefined) {
      yield* simulator.setCustomEmailSender(senderAt(options.customEmailSenderUrl))
    }
    yield* server.serve(
      app(simulator, options.maxBodyBytes ?? CognitoWire.defaultMaxBodyBytes, options.onRequest)
        .pipe(HttpMiddleware.cors(cors))
    )
    // added last, so it runs first: connections close before the request handler is removed
    yield* Effect.addFinalizer(() => closeServer(nodeServer))
    const address = nodeServer.address()
    if (address === null || typeof address === "string") {
      return yield* Effect.dieMessage("the emulator is not listening on a TCP address")
    }
    return { url: urlOf(address.address, address.port), host: address.address, port: address.port }
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options?: Options
): Layer.Layer<CognitoEmulator, ServeError, CognitoSimulator.CognitoSimulator> =>
  Layer.scoped(CognitoEmulator, make(options))

/**
 * The emulator and its own simulator (optionally seeded), both in the output so that a test can
 * reach the server and inspect or script the simulator behind it.
 *
 * @example
 * ```ts
 * import { AuthEventFeedback } from "@cognito-feedback/core"
 * import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
 * import { SimulatorSeed } from "@cognito-feedback/testkit"
 * import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
 * import { FetchHttpClient } from "@effect/platform"
 * import { Effect, Layer } from "effect"
 * import { match } from "node:assert"
 *
 * // a real server on 127.0.0.1 (a free port), and the live client pointed at it
 * const program = Effect.gen(function*() {
 *   const emulator = yield* CognitoEmulator.CognitoEmulator
 *   const update = AuthEventFeedback.update({
 *     UserPoolId: "us-east-1_Example1",
 *     Username: "alice",
 *     EventId: "evt-1",
 *     FeedbackToken: "tok.wrong",
 *     FeedbackValue: "Valid"
 *   })
 *   return yield* update.pipe(
 *     Effect.as("recorded"),
 *     Effect.catchTag("NotAuthorizedException", (error) => Effect.succeed(`refused, request ${error.requestId}`)),
 *     Effect.provide(
 *       AuthEventFeedbackHttp.layer({ endpoint: emulator.url }).pipe(Layer.provide(FetchHttpClient.layer))
 *     )
 *   )
 * })
 *
 * Effect.runPromise(
 *   Effect.provide(program, CognitoEmulator.layerWithSimulator({ seed: SimulatorSeed.sampleSeed }))
 * ).then((outcome) => match(outcome, /^refused, request /))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithSimulator = (
  options?: Options & { readonly seed?: SeedFile | undefined }
): Layer.Layer<CognitoEmulator | CognitoSimulator.CognitoSimulator, ServeError | SeedError> =>
  layer(options).pipe(Layer.provideMerge(CognitoSimulator.layer({ seed: options?.seed })))
