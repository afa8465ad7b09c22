/**
 * A real HTTP server speaking AWS JSON 1.1 for `UpdateAuthEventFeedback`,
 * `AdminUpdateAuthEventFeedback`, `AdminListUserAuthEvents`, `SetRiskConfiguration` and
 * `DescribeRiskConfiguration`, answered from a `CognitoSimulator` (see `CognitoWire` for the
 * rules), and the testkit's own endpoints for tests in any language: `POST /_testkit/risky-sign-in`
 * (`{"userPoolId", "username", "riskLevel", "clientId"?, "ipAddress"?, "city"?, "country"?,
 * "deviceName"?, "loginTime"?}` → `{"eventId"}`) and `GET /_testkit/outbox` (`{"messages": [...]}`,
 * oldest first). Any AWS client, the official AWS SDK for JavaScript v3
 * included, can be pointed at its `url`. It is a plain `node:http` server (no platform
 * package, so the testkit has no peer dependency beyond `effect`), bound to 127.0.0.1 on a free
 * port by default, and lives as long as its scope: closing the scope closes
 * the server and every connection to it. It answers CORS as the service does (see `cors`), so a
 * page on another origin can call it with `fetch`.
 *
 * Its own entry point (`@cognito-feedback/testkit/CognitoEmulator`) keeps Node out of the testkit's
 * main entry, whose in-memory layers run in browsers, Deno and edge runtimes.
 *
 * @since 1.0.0
 */
import * as EmulatorHttp from "@cognito-feedback/protocol/EmulatorHttp"
import { flattenHeaders, preflightHeaders, urlOf } from "@cognito-feedback/protocol/EmulatorHttp"
import * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import { ServeError } from "effect/http/HttpServerError"
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
 * @since 1.0.0
 * @category models
 */
export interface RequestLogEntry {
  readonly operation: string
  readonly outcome: string
  readonly status: number
  readonly requestId: string
}

/**
 * @since 1.0.0
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
 * @since 1.0.0
 * @category tags
 */
export class CognitoEmulator extends Context.Service<CognitoEmulator, {
  /** `http://HOST:PORT`, to use as a client's endpoint. */
  readonly url: string
  readonly host: string
  readonly port: number
}>()("@cognito-feedback/testkit/CognitoEmulator") {}

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
  return Effect.callback<Body>((resume) => {
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

const send = (
  res: Http.ServerResponse,
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string
): Effect.Effect<void> =>
  Effect.sync(() => {
    if (res.headersSent || res.destroyed) return
    res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) })
    res.end(body)
  })

const answer = (res: Http.ServerResponse, result: EmulatorHttp.TestkitAnswer): Effect.Effect<void> =>
  send(res, result.status, result.headers, result.body)

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

/** The testkit's own endpoints (`EmulatorHttp.testkitPaths`): a risky sign-in, the outbox. */
const testkit = (
  simulator: CognitoSimulator.CognitoSimulator.Service,
  route: NonNullable<ReturnType<typeof EmulatorHttp.testkitRoute>>,
  maxBodyBytes: number,
  req: Http.IncomingMessage,
  res: Http.ServerResponse
): Effect.Effect<void> => {
  switch (route._tag) {
    case "NotFound":
    case "MethodNotAllowed":
      return answer(res, EmulatorHttp.testkitRefusal(route))
    case "Outbox":
      return Effect.flatMap(simulator.outbox, (messages) => answer(res, EmulatorHttp.outboxAnswer(messages)))
    case "RiskySignIn":
      return Effect.gen(function*() {
        const body = yield* readBody(req, maxBodyBytes)
        if (body._tag === "TooLarge") {
          // the unread rest of a refused body must not be taken for the next request
          return yield* answer(
            res,
            EmulatorHttp.testkitAnswer(413, { message: "The request body is too large." }, { connection: "close" })
          )
        }
        const decoded = decodeJsonBody(body.text)
        if (decoded._tag === "Err") {
          return yield* answer(res, EmulatorHttp.riskySignInAnswer({ _tag: "Refused", message: decoded.message }))
        }
        const result = yield* simulator.riskySignIn(decoded.value).pipe(
          Effect.match({
            onSuccess: ({ eventId }) => EmulatorHttp.riskySignInAnswer({ _tag: "Ok", eventId }),
            onFailure: (error) =>
              EmulatorHttp.riskySignInAnswer({
                _tag: error.cause === undefined ? "Refused" : "SenderFailed",
                message: error.message
              })
          })
        )
        return yield* answer(res, result)
      })
  }
}

/** A custom email sender at `url`: each event `POST`ed there as JSON, a 2xx answer in 10 seconds. */
const senderAt = (url: string): CognitoSimulator.CustomEmailSenderHandler => (event) =>
  Effect.tryPromise(async (signal) => {
    const request = EmulatorHttp.customEmailSenderRequest(event)
    const response = await fetch(url, { ...request, signal })
    await response.body?.cancel()
    if (!response.ok) throw new Error(`the custom email sender answered ${response.status}`)
  }).pipe(
    Effect.timeoutOrElse({
      duration: "10 seconds",
      orElse: () => Effect.fail(new Error("the custom email sender timed out"))
    })
  )

/**
 * One exchange: a preflight is answered from the CORS table, a testkit path by the testkit's
 * endpoints, anything else by the wire.
 */
const serve = (
  simulator: CognitoSimulator.CognitoSimulator.Service,
  handle: (request: CognitoWire.WireRequest) => Effect.Effect<CognitoWire.WireResult>,
  maxBodyBytes: number,
  onRequest: Options["onRequest"],
  req: Http.IncomingMessage,
  res: Http.ServerResponse
): Effect.Effect<void> =>
  Effect.gen(function*() {
    if (req.method === "OPTIONS") return yield* send(res, 204, preflightHeaders, "")
    const route = EmulatorHttp.testkitRoute(req.method ?? "GET", req.url ?? "/")
    if (route !== undefined) return yield* testkit(simulator, route, maxBodyBytes, req, res)
    const body = yield* readBody(req, maxBodyBytes)
    const tooLarge = body._tag === "TooLarge"
    const { operation, outcome, response } = yield* handle({
      method: req.method ?? "GET",
      headers: flattenHeaders(req.headers),
      body: body._tag === "Read" ? body.text : "",
      bodyTooLarge: tooLarge
    })
    if (onRequest !== undefined) {
      // a failing log hook must not cost the client its answer
      yield* Effect.catchDefect(
        onRequest({
          operation,
          outcome,
          status: response.status,
          requestId: response.headers["x-amzn-requestid"] ?? ""
        }),
        () => Effect.void
      )
    }
    yield* send(res, response.status, {
      ...response.headers,
      ...EmulatorHttp.corsHeaders,
      // the unread rest of a refused body must not be taken for the next request
      ...(tooLarge ? { connection: "close" } : {})
    }, response.body)
  })

/**
 * The CORS rules the emulator answers with: any origin, `POST`, the headers the AWS SDKs send from
 * a browser, the W3C Trace Context and Baggage headers (`traceparent`, `tracestate`, `baggage`)
 * that a page traced with OpenTelemetry adds to every `fetch`, and the response headers a client
 * reads (request id, error type and message, date) exposed to it. Preflights (`OPTIONS`) are
 * answered 204 without reaching the simulator. The table is the protocol's (`EmulatorHttp.cors`),
 * which every edition's emulator answers with.
 *
 * @since 1.0.0
 * @category cors
 */
export const cors: typeof EmulatorHttp.cors = EmulatorHttp.cors

/** Stops listening and ends every connection, idle or not, then waits for the server to close. */
const closeServer = (server: Http.Server): Effect.Effect<void> =>
  Effect.callback<void>((resume) => {
    if (!server.listening) return resume(Effect.void)
    server.close(() => resume(Effect.void))
    server.closeAllConnections()
  })

const listen = (server: Http.Server, host: string, port: number): Effect.Effect<void, ServeError> =>
  Effect.callback<void, ServeError>((resume) => {
    const onError = (cause: unknown) => {
      server.off("listening", onListening)
      resume(Effect.fail(new ServeError({ cause })))
    }
    const onListening = () => {
      server.off("error", onError)
      resume(Effect.void)
    }
    server.once("error", onError)
    server.once("listening", onListening)
    server.listen(port, host)
  })

/**
 * Starts an emulator over the `CognitoSimulator` in the context; it stops when the scope closes.
 * Requests are answered in fibers that run with the context of the caller of `make` (its `Clock`,
 * `Random`, logger and tracer), and are interrupted when the scope closes or their client goes away.
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<CognitoEmulator["Service"], ServeError, Scope.Scope | CognitoSimulator.CognitoSimulator> =>
  Effect.gen(function*() {
    const simulator = yield* CognitoSimulator.CognitoSimulator
    const context = yield* Effect.context<never>()
    const handle = CognitoWire.handle(simulator)
    if (options.customEmailSenderUrl !== undefined) {
      yield* simulator.setCustomEmailSender(senderAt(options.customEmailSenderUrl))
    }
    const maxBodyBytes = options.maxBodyBytes ?? CognitoWire.defaultMaxBodyBytes
    const running = new Set<Fiber.Fiber<void>>()
    const run = Effect.runForkWith(context)
    const server = Http.createServer((req, res) => {
      const fiber = run(serve(simulator, handle, maxBodyBytes, options.onRequest, req, res))
      running.add(fiber)
      fiber.addObserver(() => {
        running.delete(fiber)
        // an exchange that ended without an answer (interrupted, or a bug) still closes its socket
        if (!res.writableEnded) res.destroy()
      })
      res.once("close", () => {
        if (!res.writableFinished) fiber.interruptUnsafe()
      })
    })
    yield* Effect.acquireRelease(
      listen(server, options.host ?? "127.0.0.1", options.port ?? 0),
      () =>
        Effect.andThen(
          Effect.suspend(() => Fiber.interruptAll(Array.from(running))),
          closeServer(server)
        )
    )
    const address = server.address()
    if (address === null || typeof address === "string") {
      return yield* Effect.die(new Error("the emulator is not listening on a TCP address"))
    }
    return { url: urlOf(address.address, address.port), host: address.address, port: address.port }
  })

/**
 * @since 1.0.0
 * @category layers
 */
export const layer = (
  options?: Options
): Layer.Layer<CognitoEmulator, ServeError, CognitoSimulator.CognitoSimulator> =>
  Layer.effect(CognitoEmulator, make(options))

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
 * import { Effect, Layer } from "effect"
 * import * as FetchHttpClient from "effect/http/FetchHttpClient"
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
 * @since 1.0.0
 * @category layers
 */
export const layerWithSimulator = (
  options?: Options & { readonly seed?: SeedFile | undefined }
): Layer.Layer<CognitoEmulator | CognitoSimulator.CognitoSimulator, ServeError | SeedError> =>
  layer(options).pipe(Layer.provideMerge(CognitoSimulator.layer({ seed: options?.seed })))
