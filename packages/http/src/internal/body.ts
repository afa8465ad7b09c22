/**
 * Reading a response body with a bound, cheaply when the response says its size up front.
 */
import * as TransportFailure from "@cognito-feedback/protocol/TransportFailure"
import type * as Headers from "@effect/platform/Headers"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"

const noBody = Effect.succeed("")
const decoder = new TextDecoder()

/** Reads at most `limit` bytes, so a hostile or broken peer cannot make us buffer without bound. */
const readCapped = (response: HttpClientResponse.HttpClientResponse, limit: number) =>
  response.stream.pipe(
    Stream.runFoldWhile(
      { chunks: Chunk.empty<Uint8Array>(), size: 0 },
      (state) => state.size <= limit,
      (state, chunk) => ({ chunks: Chunk.append(state.chunks, chunk), size: state.size + chunk.length })
    ),
    Effect.map(({ chunks, size }) => {
      const bytes = new Uint8Array(Math.min(size, limit))
      let offset = 0
      for (const chunk of chunks) {
        const part = chunk.subarray(0, bytes.length - offset)
        bytes.set(part, offset)
        offset += part.length
      }
      return decoder.decode(bytes)
    })
  )

/**
 * The body as text, at most `limit` bytes of it. When the response declares a length within the
 * limit and no content coding (a compressed body could inflate past it), the body is read whole in
 * one step: HTTP framing stops at the declared length, so the bound holds, and reading skips the
 * stream machinery, which costs more than the rest of a call. Otherwise it is streamed and cut.
 */
export const readBody = (
  response: HttpClientResponse.HttpClientResponse,
  headers: Headers.Headers,
  limit: number
): Effect.Effect<string, HttpClientError.ResponseError> => {
  if (TransportFailure.nullBodyStatuses.has(response.status)) return noBody
  if (TransportFailure.readsWhole(headers["content-length"], headers["content-encoding"], limit)) {
    return response.text
  }
  return readCapped(response, limit)
}
