/** `@effect-aws`: the AWS SDK client wrapped in an Effect service. */
import { CognitoIdentityProviderService } from "@effect-aws/client-cognito-identity-provider/CognitoIdentityProviderService"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { type MakeClient, region, request } from "../shared.js"

export const make: MakeClient = async (endpoint, retry = "standard") => {
  const runtime = ManagedRuntime.make(
    CognitoIdentityProviderService.layer({
      region,
      endpoint,
      credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
      ...(retry === "none" ? { maxAttempts: 1 } : { retryMode: retry })
    })
  )
  await runtime.runtime()
  const program = CognitoIdentityProviderService.updateAuthEventFeedback(request)
  return {
    call: async () => {
      await runtime.runPromise(program)
    },
    close: () => runtime.dispose()
  }
}
