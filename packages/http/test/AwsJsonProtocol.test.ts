import * as CognitoError from "@cognito-feedback/core/CognitoError"
import { UpdateAuthEventFeedbackRequest } from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Suite from "@cognito-feedback/test-support/httpAwsJsonProtocol"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Either, Inspectable, Schema } from "effect"
import * as AwsJsonProtocol from "../src/AwsJsonProtocol.js"

const driver: Suite.Driver = {
  protocol: AwsJsonProtocol,
  decode: (response) =>
    Either.match(AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse(response), {
      onLeft: (error) => ({ _tag: "Failure", error }),
      onRight: (value) => ({ _tag: "Success", value })
    }),
  encodeRequest: (fields) => {
    const request = Schema.decodeUnknownSync(UpdateAuthEventFeedbackRequest)(fields)
    return {
      json: AwsJsonProtocol.encodeUpdateAuthEventFeedback(request),
      printed: [JSON.stringify(request), String(request.Username), Inspectable.format(request)]
    }
  },
  readRetryAfter: (headers, now) => {
    const read = AwsJsonProtocol.readRetryAfter(headers, now)
    return read === undefined ? undefined : Duration.toMillis(read)
  },
  isDecodedError: Schema.is(Schema.Union(CognitoError.CognitoServiceError, CognitoError.UnexpectedResponseError)),
  isTooManyRequestsException: (value) => value instanceof CognitoError.TooManyRequestsException
}

describe("AwsJsonProtocol", () => {
  Suite.awsJsonProtocolSuite({ describe, it }, driver)

  describe("encodeUpdateAuthEventFeedback", () => {
    it.prop("every valid request encodes to JSON that holds exactly its values", [UpdateAuthEventFeedbackRequest], ([
      req
    ]) => {
      const parsed: unknown = JSON.parse(AwsJsonProtocol.encodeUpdateAuthEventFeedback(req))
      assert.deepStrictEqual(Object.keys(parsed as object), [
        "UserPoolId",
        "Username",
        "EventId",
        "FeedbackToken",
        "FeedbackValue"
      ])
      assert.deepStrictEqual(
        Schema.decodeUnknownSync(UpdateAuthEventFeedbackRequest)(parsed),
        req
      )
    })
  })
})
