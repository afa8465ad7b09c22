/** One `UpdateAuthEventFeedback` request written by hand with `@effect/platform`'s `HttpClient`. */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { type Client, contentType, request, target } from "../shared.js"

export const makePlain = async (
  endpoint: string,
  layer: Layer.Layer<HttpClient.HttpClient>
): Promise<Client> => {
  const runtime = ManagedRuntime.make(layer)
  await runtime.runtime()
  const program = Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const response = yield* client.execute(
      HttpClientRequest.post(endpoint).pipe(
        HttpClientRequest.setHeader("x-amz-target", target),
        HttpClientRequest.bodyText(JSON.stringify(request), contentType)
      )
    )
    yield* response.text
    if (response.status !== 200) return yield* Effect.fail(new Error(`HTTP ${response.status}`))
  })
  return {
    call: () => runtime.runPromise(program),
    close: () => runtime.dispose()
  }
}
