/**
 * An `HttpClient` that answers AWS JSON 1.1 from the `CognitoSimulator` in the context, with no
 * socket: every request goes through `CognitoWire.handle`, as it would through the emulator. Give
 * it to an application built on the live `AuthEventFeedbackHttp` layer to test the real HTTP code
 * (encoding, error decoding, retries, timeouts) on `TestClock`.
 *
 * The URL is not looked at: the application can keep its real endpoint. As the emulator does, it
 * refuses a body over `CognitoWire.defaultMaxBodyBytes` with a 413.
 *
 * @since 1.0.0
 */
import * as Effect from "effect/Effect"
import type * as HttpBody from "effect/http/HttpBody"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
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

const encodeError = (request: HttpClientRequest.HttpClientRequest, description?: string, cause?: unknown) =>
  new HttpClientError.HttpClientError({
    reason: new HttpClientError.EncodeError({
      request,
      ...(description === undefined ? {} : { description }),
      ...(cause === undefined ? {} : { cause })
    })
  })

/** The request body as text, read up to `limit` bytes (a stream is not read beyond). */
const readBody = (
  request: HttpClientRequest.HttpClientRequest,
  limit: number
): Effect.Effect<Body, HttpClientError.HttpClientError> => {
  const body: HttpBody.HttpBody = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed({ text: "", tooLarge: false })
    case "Uint8Array":
      return Effect.succeed(ofBytes(body.body, limit))
    case "Raw": {
      const raw: unknown = body.body
      if (typeof raw === "string") return Effect.succeed(ofBytes(new TextEncoder().encode(raw), limit))
      if (raw instanceof Uint8Array) return Effect.succeed(ofBytes(raw, limit))
      return Effect.fail(encodeError(request, "unsupported raw body"))
    }
    case "FormData":
      return Effect.fail(encodeError(request, "AWS JSON 1.1 takes no form data"))
    case "Stream": {
      const chunks: Array<Uint8Array> = []
      let size = 0
      return body.stream.pipe(
        Stream.runForEachWhile((chunk) =>
          Effect.sync(() => {
            chunks.push(chunk)
            size += chunk.length
            return size <= limit
          })
        ),
        Effect.map((): Body => {
          if (size > limit) return { text: "", tooLarge: true }
          const bytes = new Uint8Array(size)
          let offset = 0
          for (const chunk of chunks) {
            bytes.set(chunk, offset)
            offset += chunk.length
          }
          return { text: decoder().decode(bytes), tooLarge: false }
        }),
        Effect.mapError((cause) => encodeError(request, undefined, cause))
      )
    }
  }
}

/**
 * The client over the given simulator.
 *
 * @since 1.0.0
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
 * @since 1.0.0
 * @category constructors
 */
export const make: Effect.Effect<HttpClient.HttpClient, never, CognitoSimulator.CognitoSimulator> = Effect.gen(
  function*() {
    return fromSimulator(yield* CognitoSimulator.CognitoSimulator)
  }
)

/**
 * @since 1.0.0
 * @category layers
 */
export const layer: Layer.Layer<HttpClient.HttpClient, never, CognitoSimulator.CognitoSimulator> = Layer.effect(
  HttpClient.HttpClient,
  make
)
