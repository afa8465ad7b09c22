/** The official AWS SDK for JavaScript v3, as its documentation shows it. */
import {
  CognitoIdentityProviderClient,
  UpdateAuthEventFeedbackCommand
} from "@aws-sdk/client-cognito-identity-provider"
import { type MakeClient, region, request } from "../shared.js"

export const make: MakeClient = async (endpoint, retry = "standard") => {
  const client = new CognitoIdentityProviderClient({
    region,
    endpoint,
    // The operation is unsigned; static credentials only make sure no credential chain is walked.
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
    ...(retry === "none" ? { maxAttempts: 1 } : { retryMode: retry })
  })
  return {
    call: async () => {
      await client.send(new UpdateAuthEventFeedbackCommand(request))
    },
    close: async () => client.destroy()
  }
}
