/**
 * A request checked against its operation's description: the messages as literals, each rule as
 * the service model states it (botocore's `service-2.json`: lengths, patterns, enumerations,
 * `QueryLimitType` 0..60), never a value from the input.
 */
import { describe, expect, it } from "vitest"
import * as Operations from "../src/Operations.js"
import * as SimulationInput from "../src/SimulationInput.js"

const valid = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: "alice",
  EventId: "c3f1a2b4",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
}

const messageOf = (validated: SimulationInput.Validated) => validated._tag === "Invalid" ? validated.message : "Valid"

describe("SimulationInput.validate", () => {
  it("a valid request keeps the described members and drops the others", () => {
    expect(SimulationInput.validate(Operations.UpdateAuthEventFeedback, { ...valid, Extra: 1 })).toEqual({
      _tag: "Valid",
      request: valid
    })
  })

  it("each rule of the model, with its message", () => {
    const cases: ReadonlyArray<readonly [Record<string, unknown>, string]> = [
      [{ UserPoolId: "" }, "UserPoolId: must be at least 1 character long"],
      [{ UserPoolId: `${"a".repeat(50)}_123456` }, "UserPoolId: must be at most 55 characters long"],
      [{ UserPoolId: "us-east-1" }, "UserPoolId: must match ^[\\w-]+_[0-9a-zA-Z]+$"],
      [{ UserPoolId: 7 }, "UserPoolId: must be a string"],
      [{ Username: "" }, "Username: must be at least 1 character long"],
      // 128 code points is the limit, though 😀 is two UTF-16 units
      [{ Username: "😀".repeat(129) }, "Username: must be at most 128 characters long"],
      [{ Username: "a b" }, "Username: must match ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"],
      [{ EventId: "e".repeat(51) }, "EventId: must be at most 50 characters long"],
      [{ EventId: "evt!1" }, "EventId: must match ^[\\w+-]+$"],
      [{ FeedbackToken: "" }, "FeedbackToken: must match ^[A-Za-z0-9-_=.]+$"],
      [{ FeedbackToken: "a/b" }, "FeedbackToken: must match ^[A-Za-z0-9-_=.]+$"],
      [{ FeedbackValue: "valid" }, "FeedbackValue: must be \"Valid\" or \"Invalid\""],
      [{ FeedbackValue: 1 }, "FeedbackValue: must be \"Valid\" or \"Invalid\""],
      [{ Username: undefined }, "Username: must be a string"]
    ]
    for (const [change, message] of cases) {
      expect(messageOf(SimulationInput.validate(Operations.UpdateAuthEventFeedback, { ...valid, ...change }))).toBe(
        message
      )
    }
    expect(
      messageOf(SimulationInput.validate(Operations.UpdateAuthEventFeedback, { ...valid, Username: "😀".repeat(128) }))
    )
      .toBe("Valid")
  })

  it("every problem, in the description's order, in one message", () => {
    expect(
      messageOf(SimulationInput.validate(Operations.UpdateAuthEventFeedback, { FeedbackValue: "x", EventId: "!" }))
    )
      .toBe(
        "UserPoolId: is required; Username: is required; EventId: must match ^[\\w+-]+$; FeedbackToken: is required; FeedbackValue: must be \"Valid\" or \"Invalid\""
      )
    expect(messageOf(SimulationInput.validate(Operations.UpdateAuthEventFeedback, null))).toBe(
      "request must be an object"
    )
    expect(messageOf(SimulationInput.validate(Operations.UpdateAuthEventFeedback, ["x"]))).toBe(
      "request must be an object"
    )
  })

  it("the type of a sensitive member is worded as the edition says", () => {
    expect(
      messageOf(
        SimulationInput.validate(Operations.UpdateAuthEventFeedback, { ...valid, FeedbackToken: 1 }, {
          sensitiveType: "a string or a Redacted string"
        })
      )
    ).toBe("FeedbackToken: must be a string or a Redacted string")
  })

  it("optional members may be absent or undefined; MaxResults is an integer from 0 to 60", () => {
    const list = { UserPoolId: valid.UserPoolId, Username: "alice" }
    for (const input of [list, { ...list, MaxResults: undefined, NextToken: undefined }, { ...list, MaxResults: 0 }]) {
      expect(messageOf(SimulationInput.validate(Operations.AdminListUserAuthEvents, input))).toBe("Valid")
    }
    const cases = [
      [{ MaxResults: 61 }, "MaxResults: must be an integer from 0 to 60"],
      [{ MaxResults: -1 }, "MaxResults: must be an integer from 0 to 60"],
      [{ MaxResults: 2.5 }, "MaxResults: must be an integer from 0 to 60"],
      [{ MaxResults: "10" }, "MaxResults: must be a number"],
      [{ NextToken: "" }, "NextToken: must be at least 1 character long"],
      [{ NextToken: "a b" }, "NextToken: must match ^\\S+$"]
    ] as const
    for (const [change, message] of cases) {
      expect(messageOf(SimulationInput.validate(Operations.AdminListUserAuthEvents, { ...list, ...change }))).toBe(
        message
      )
    }
  })
})

describe("SimulationInput.callLabels", () => {
  it("the pool and event ids when valid; never a username or a token", () => {
    expect(SimulationInput.callLabels(valid)).toEqual({ userPoolId: "us-east-1_AbCdEf123", eventId: "c3f1a2b4" })
    expect(SimulationInput.callLabels({ ...valid, UserPoolId: "secret pool", EventId: 7 })).toEqual({})
    expect(SimulationInput.callLabels("text")).toEqual({})
  })
})
