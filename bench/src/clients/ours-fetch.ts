/** This library over `FetchHttpClient`, the variant for edge runtimes and small bundles. */
import * as AuthEventFeedbackHttp from "@cognito-feedback/http/AuthEventFeedbackHttp"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Layer from "effect/Layer"
import type { MakeClient } from "../shared.js"
import { makeOurs } from "./ours.js"

export const make: MakeClient = (endpoint, retry) =>
  makeOurs(
    endpoint,
    retry,
    (options) => AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(FetchHttpClient.layer))
  )
