/**
 * An `HttpClient` that answers AWS JSON 1.1 from the `CognitoSimulator` in the context, with no
 * socket: every request goes through `CognitoWire.handle`, as it would through the emulator. Give
 * it to an application built on the live `AuthEventFeedbackHttp` layer to test the real HTTP code
 * (encoding, error decoding, retries, timeouts) on `TestClock`.
 *
 * The URL is not looked at: the application can keep its real endpoint. As the emulator does, it
 * refuses a body over `CognitoWire.defaultMaxBodyBytes` with a 413.
 *
 * @since 0.1.0
 */
import type * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Stream from "effect/Stream"
import * as CognitoSimulator from "./CognitoSimulator.js"
import * as CognitoWire from "./CognitoWire.js"

interface Body {
  readonly text: string
  readonly tooLarge: boolean
}

const decoder = () => new TextDecoder()

const ofBytes = (bytes: Uint8Array, limit: number): Body =>
  bytes.length > limit ? { text: "", tooLarge: true } : { text: decoder().decode(bytes), tooLarge: false }

/** The request body as text, read up to `limit` bytes (a stream is not read beyond). */
const readBody = (
  request: HttpClientRequest.HttpClientRequest,
  limit: number
): Effect.Effect<Body, HttpClientError.RequestError> => {
  const body: HttpBody.HttpBody = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed({ text: "", tooLarge: false })
    case "Uint8Array":
      return Effect.succeed(ofBytes(body.body, limit))
    case "Raw":
      if (typeof body.body === "string") return Effect.succeed(ofBytes(new TextEncoder().encode(body.body), limit))
      if (body.body instanceof Uint8Array) return Effect.succeed(ofBytes(body.body, limit))
      return Effect.fail(
        new HttpClientError.RequestError({ request, reason: "Encode", description: "unsupported raw body" })
      )
    case "FormData":
      return Effect.fail(
        new HttpClientError.RequestError({ request, reason: "Encode", description: "AWS JSON 1.1 takes no form data" })
      )
    case "Stream":
      return body.stream.pipe(
        Stream.runFoldWhile(
          { chunks: Chunk.empty<Uint8Array>(), size: 0 },
          (state) => state.size <= limit,
          (state, chunk) => ({ chunks: Chunk.append(state.chunks, chunk), size: state.size + chunk.length })
        ),
        Effect.map(({ chunks, size }) => {
          if (size > limit) return { text: "", tooLarge: true }
          const bytes = new Uint8Array(size)
          let offset = 0
          for (const chunk of chunks) {
            bytes.set(chunk, offset)
            offset += chunk.length
          }
          return { text: decoder().decode(bytes), tooLarge: false }
        }),
        Effect.mapError((cause) => new HttpClientError.RequestError({ request, reason: "Encode", cause }))
      )
  }
}

/**
 * The client over the given simulator.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromSimulator = (simulator: CognitoSimulator.CognitoSimulator.Service): HttpClient.HttpClient => {
  const handle = CognitoWire.handle(simulator)
  return HttpClient.make((request) =>
    Effect.gen(function*() {
      const body = yield* readBody(request, CognitoWire.defaultMaxBodyBytes)
      const { response } = yield* handle({
        method: request.method,
        headers: request.headers,
        body: body.text,
        bodyTooLarge: body.tooLarge
      })
      return HttpClientResponse.fromWeb(
        request,
        new Response(response.body, { status: response.status, headers: response.headers })
      )
    })
  )
}

/**
 * The client over the `CognitoSimulator` in the context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<HttpClient.HttpClient, never, CognitoSimulator.CognitoSimulator> = Effect.map(
  CognitoSimulator.CognitoSimulator,
  fromSimulator
)

/**
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient, never, CognitoSimulator.CognitoSimulator> = Layer.effect(
  HttpClient.HttpClient,
  make
)
