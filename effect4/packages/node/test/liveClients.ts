/**
 * Every live client, for the suites that must hold over each transport: the `HttpClient` path over
 * undici and over fetch, and the `node:http` path. A suite loops over this list; it is never copied.
 */
import type { AuthEventFeedback } from "@cognito-feedback/core"
import type { AuthEventFeedbackClient, Endpoint } from "@cognito-feedback/http"
import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Layer } from "effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import { AuthEventFeedbackNode } from "../src/index.js"

export interface LiveClient {
  readonly name: string
  readonly layer: (
    options: AuthEventFeedbackClient.Options
  ) => Layer.Layer<AuthEventFeedback.AuthEventFeedback, Endpoint.EndpointError>
  /** Its connections belong to the layer, not to a process-wide pool: none may outlive its scope. */
  readonly ownsConnections: boolean
}

export const liveClients: ReadonlyArray<LiveClient> = [
  {
    name: "HttpClient over undici",
    layer: (options) => AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(NodeHttpClient.layerUndici)),
    ownsConnections: true
  },
  {
    // fetch keeps its connections in the process-wide pool, alive on purpose
    name: "HttpClient over fetch",
    layer: (options) => AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(FetchHttpClient.layer)),
    ownsConnections: false
  },
  { name: "node:http", layer: AuthEventFeedbackNode.layer, ownsConnections: true }
]

export { request } from "../../http/test/support.js"
