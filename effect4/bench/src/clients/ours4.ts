/**
 * The Effect 4 edition as its README shows it, the twin of the root bench's `clients/ours.ts`: one
 * runtime built once, `AuthEventFeedback.update` per call.
 */
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import * as RetryPolicy from "@cognito-feedback/core/RetryPolicy"
import type * as AuthEventFeedbackClient from "@cognito-feedback/http/AuthEventFeedbackClient"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { type Client, region, request, type Retry } from "../../../../bench/src/shared.js"

const policies: Record<Retry, () => RetryPolicy.RetryPolicy> = {
  standard: () => RetryPolicy.standard(),
  adaptive: () => RetryPolicy.adaptive(),
  none: () => RetryPolicy.disabled
}

export const makeOurs4 = async (
  endpoint: string,
  retry: Retry | undefined,
  live: (options: AuthEventFeedbackClient.Options) => Layer.Layer<AuthEventFeedback.AuthEventFeedback, unknown>
): Promise<Client> => {
  const runtime = ManagedRuntime.make(
    // without `retry`, the defaults a user gets (standard mode)
    live({ endpoint, region, ...(retry === undefined ? {} : { retryPolicy: policies[retry]() }) })
  )
  await runtime.context()
  const program = AuthEventFeedback.update(request)
  return {
    call: async () => {
      await runtime.runPromise(program)
    },
    close: () => runtime.dispose()
  }
}
