/** The Effect 4 edition over Effect 4's `FetchHttpClient` (`effect/http`): `@cognito-feedback/http` 4. */
import * as AuthEventFeedbackHttp from "@cognito-feedback/http/AuthEventFeedbackHttp"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Layer from "effect/Layer"
import type { MakeClient } from "../../../../bench/src/shared.js"
import { makeOurs4 } from "./ours4.js"

export const make: MakeClient = (endpoint, retry) =>
  makeOurs4(
    endpoint,
    retry,
    (options) => AuthEventFeedbackHttp.layer(options).pipe(Layer.provide(FetchHttpClient.layer))
  )
