/**
 * The handler's suite as a user writes it with aws-sdk-client-mock, for the README's comparison:
 * every check the mock can express of what `../feedback-link-handler.test.ts`'s README twin checks
 * with the testkit. What it cannot express is said where it would go.
 */
import {
  CognitoIdentityProviderClient,
  InternalErrorException,
  InvalidParameterException,
  NotAuthorizedException,
  OperationNotEnabledException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateAuthEventFeedbackCommand,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException
} from "@aws-sdk/client-cognito-identity-provider"
import { mockClient } from "aws-sdk-client-mock"
import { afterEach, describe, expect, it } from "vitest"
import type { Outcome } from "./feedback-link-handler-sdk.js"
import { handleFeedbackLink } from "./feedback-link-handler-sdk.js"

const cognito = mockClient(CognitoIdentityProviderClient)
const client = new CognitoIdentityProviderClient({ region: "us-east-1" })
afterEach(() => {
  cognito.reset()
})

const link = {
  userPoolId: "us-east-1_Example1",
  username: "alice",
  eventId: "evt-1",
  token: "tok.valid-1",
  wasMe: false
}
const metadata = { $metadata: {}, message: "from the test" }

// the service's exceptions, built by hand: the mock cannot say which ones the operation returns
const serviceErrors: ReadonlyArray<readonly [Error, Outcome]> = [
  [new NotAuthorizedException(metadata), "link-expired"],
  [new UserNotFoundException(metadata), "unknown-user"],
  [new InvalidParameterException(metadata), "bad-link"],
  [new ResourceNotFoundException(metadata), "bad-link"],
  [new TooManyRequestsException(metadata), "try-again-later"],
  [new InternalErrorException(metadata), "try-again-later"],
  [new UserPoolAddOnNotEnabledException(metadata), "try-again-later"],
  [new OperationNotEnabledException(metadata), "try-again-later"]
]

describe("handleFeedbackLink with aws-sdk-client-mock", () => {
  it("records 'this wasn't me' as Invalid feedback", async () => {
    cognito.on(UpdateAuthEventFeedbackCommand).resolves({})
    expect(await handleFeedbackLink(client, link, () => {})).toBe("recorded")
    // what was sent, not what was recorded: the mock keeps no state to read back
    expect(cognito.commandCalls(UpdateAuthEventFeedbackCommand)[0]?.args[0].input).toEqual({
      UserPoolId: "us-east-1_Example1",
      Username: "alice",
      EventId: "evt-1",
      FeedbackToken: "tok.valid-1",
      FeedbackValue: "Invalid"
    })
  })

  it.each(serviceErrors)("maps %s", async (error, expected) => {
    cognito.on(UpdateAuthEventFeedbackCommand).rejects(error)
    expect(await handleFeedbackLink(client, link, () => {})).toBe(expected)
  })

  it("maps a network failure", async () => {
    cognito.on(UpdateAuthEventFeedbackCommand).rejects(
      Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })
    )
    expect(await handleFeedbackLink(client, link, () => {})).toBe("try-again-later")
  })

  // a used token and a malformed event id: the test must say what Cognito would answer, since
  // nothing decides it (and the SDK's own validation never runs: the mock replaces `send`)
  it("tells the user when the link no longer works", async () => {
    cognito.on(UpdateAuthEventFeedbackCommand, { FeedbackToken: "tok.used" })
      .rejects(new NotAuthorizedException(metadata))
    cognito.on(UpdateAuthEventFeedbackCommand, { EventId: "bad id!" })
      .rejects(new InvalidParameterException(metadata))
    expect(await handleFeedbackLink(client, { ...link, token: "tok.used" }, () => {})).toBe("link-expired")
    expect(await handleFeedbackLink(client, { ...link, eventId: "bad id!" }, () => {})).toBe("bad-link")
  })

  // retries: the mock replaces the client's `send`, so the SDK's retry strategy never runs;
  // a throttled first attempt can only be scripted as the handler's final answer
  it("asks the user to try later when throttled", async () => {
    cognito.on(UpdateAuthEventFeedbackCommand).rejectsOnce(new TooManyRequestsException(metadata)).resolves({})
    expect(await handleFeedbackLink(client, link, () => {})).toBe("try-again-later")
  })

  it("never logs the token or the username", async () => {
    const lines: Array<string> = []
    const log = (line: string) => lines.push(line)
    cognito.on(UpdateAuthEventFeedbackCommand).resolvesOnce({}).rejects(new NotAuthorizedException(metadata))
    await handleFeedbackLink(client, link, log)
    await handleFeedbackLink(client, link, log)
    expect(lines).toHaveLength(2)
    for (const line of lines) {
      expect(line).not.toContain(link.token)
      expect(line).not.toContain(link.username)
    }
  })
})
