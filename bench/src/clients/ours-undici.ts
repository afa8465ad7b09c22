/** This library over `NodeHttpClient.layerUndici`. */
import * as AuthEventFeedbackHttp from "@cognito-feedback/http/AuthEventFeedbackHttp"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Layer from "effect/Layer"
import type { MakeClient } from "../shared.js"
import { makeOurs } from "./ours.js"

export const make: MakeClient = (endpoint, retry) =>
  makeOurs(
    endpoint,
    retry,
    (options) => AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(NodeHttpClient.layerUndici))
  )
