/** This library as its README shows it: one runtime built once, `AuthEventFeedback.update` per call. */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import * as AuthEventFeedbackHttp from "@cognito-feedback/http/AuthEventFeedbackHttp"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { type Client, region, request, type Retry } from "../shared.js"

type Live = Layer.Layer<AuthEventFeedback.AuthEventFeedback, unknown, HttpClient.HttpClient>

const policies: Record<Retry, () => RetryPolicy.RetryPolicy> = {
  standard: () => RetryPolicy.standard(),
  adaptive: () => RetryPolicy.adaptive(),
  none: () => RetryPolicy.disabled
}

export const makeOurs = async (
  endpoint: string,
  retry: Retry | undefined,
  provide: (layer: Live) => Layer.Layer<AuthEventFeedback.AuthEventFeedback, unknown>
): Promise<Client> => {
  const runtime = ManagedRuntime.make(
    // without `retry`, the defaults a user gets (standard mode)
    provide(AuthEventFeedbackHttp.layer({
      endpoint,
      region,
      ...(retry === undefined ? {} : { retryPolicy: policies[retry]() })
    }))
  )
  await runtime.runtime()
  const program = AuthEventFeedback.update(request)
  return {
    call: async () => {
      await runtime.runPromise(program)
    },
    close: () => runtime.dispose()
  }
}
