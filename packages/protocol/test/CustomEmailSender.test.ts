/**
 * The `CustomEmailSender_AccountTakeOverNotification` event a custom email sender Lambda gets, in
 * the shape `@types/aws-lambda` declares (`CustomEmailSenderAccountTakeOverNotificationTriggerEvent`):
 * written out as a literal, `request.code` null, the takeover attributes in plain text, the
 * optional ones only when known.
 */
import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as CustomEmailSender from "../src/CustomEmailSender.js"
import type * as Notification from "../src/RiskNotification.js"

const values: Notification.Values = {
  username: "alice",
  ipAddress: "192.0.2.1",
  city: "Lisbon",
  country: "Portugal",
  loginTime: "2026-11-05T10:00:00.000Z",
  deviceName: "Firefox",
  eventId: "evt-1",
  feedbackToken: "tok.1",
  oneClickLinkValid: "https://auth.example.com/confirm-feedback?feedback=valid",
  oneClickLinkInvalid: "https://auth.example.com/confirm-feedback?feedback=invalid"
}

describe("CustomEmailSender.takeoverEvent", () => {
  it("the whole event, as the Lambda types declare it", () => {
    expect(
      CustomEmailSender.takeoverEvent({ userPoolId: "eu-west-1_Pool1", clientId: "client1", action: "BLOCK", values })
    ).toEqual({
      version: "1",
      region: "eu-west-1",
      userPoolId: "eu-west-1_Pool1",
      triggerSource: "CustomEmailSender_AccountTakeOverNotification",
      userName: "alice",
      callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: "client1" },
      request: {
        type: "customEmailSenderRequestV1",
        code: null,
        userAttributes: {
          EVENT_ID: "evt-1",
          USER_NAME: "alice",
          IP_ADDRESS: "192.0.2.1",
          ACCOUNT_TAKE_OVER_ACTION: "BLOCK",
          ONE_CLICK_LINK_VALID: "https://auth.example.com/confirm-feedback?feedback=valid",
          ONE_CLICK_LINK_INVALID: "https://auth.example.com/confirm-feedback?feedback=invalid",
          LOGIN_TIME: "2026-11-05T10:00:00.000Z",
          FEEDBACK_TOKEN: "tok.1",
          CITY: "Lisbon",
          COUNTRY: "Portugal",
          DEVICE_NAME: "Firefox"
        },
        clientMetadata: {}
      },
      response: {}
    })
  })

  it("the trigger source constant is the documented one", () => {
    expect(CustomEmailSender.triggerSource).toBe("CustomEmailSender_AccountTakeOverNotification")
  })

  it("without an app client: CLIENT_ID_NOT_APPLICABLE", () => {
    const event = CustomEmailSender.takeoverEvent({
      userPoolId: "us-east-1_P",
      clientId: undefined,
      action: "NO_ACTION",
      values
    })
    expect(event.callerContext.clientId).toBe("CLIENT_ID_NOT_APPLICABLE")
    expect(event.region).toBe("us-east-1")
  })

  it("CITY, COUNTRY and DEVICE_NAME only when known; the required attributes always, even empty", () => {
    const event = CustomEmailSender.takeoverEvent({
      userPoolId: "us-east-1_P",
      clientId: undefined,
      action: "MFA_REQUIRED",
      values: { ...values, city: "", country: "", deviceName: "", ipAddress: "" }
    })
    expect(Object.keys(event.request.userAttributes).sort()).toEqual([
      "ACCOUNT_TAKE_OVER_ACTION",
      "EVENT_ID",
      "FEEDBACK_TOKEN",
      "IP_ADDRESS",
      "LOGIN_TIME",
      "ONE_CLICK_LINK_INVALID",
      "ONE_CLICK_LINK_VALID",
      "USER_NAME"
    ])
    expect(event.request.userAttributes.IP_ADDRESS).toBe("")
    expect(event.request.userAttributes.ACCOUNT_TAKE_OVER_ACTION).toBe("MFA_REQUIRED")
  })

  it("carries every value as it is, whatever it holds, and the action taken", () => {
    const anyValue = fc.string({ minLength: 1, maxLength: 12 })
    fc.assert(
      fc.property(
        fc.record({
          username: anyValue,
          ipAddress: anyValue,
          city: anyValue,
          country: anyValue,
          loginTime: anyValue,
          deviceName: anyValue,
          eventId: anyValue,
          feedbackToken: anyValue,
          oneClickLinkValid: anyValue,
          oneClickLinkInvalid: anyValue
        }),
        fc.constantFrom(...(["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"] as const)),
        (v, action) => {
          const event = CustomEmailSender.takeoverEvent({ userPoolId: "us-east-1_P", clientId: "c", action, values: v })
          expect(event.userName).toBe(v.username)
          expect(event.request.code).toBeNull()
          expect(event.request.userAttributes).toEqual({
            EVENT_ID: v.eventId,
            USER_NAME: v.username,
            IP_ADDRESS: v.ipAddress,
            ACCOUNT_TAKE_OVER_ACTION: action,
            ONE_CLICK_LINK_VALID: v.oneClickLinkValid,
            ONE_CLICK_LINK_INVALID: v.oneClickLinkInvalid,
            LOGIN_TIME: v.loginTime,
            FEEDBACK_TOKEN: v.feedbackToken,
            CITY: v.city,
            COUNTRY: v.country,
            DEVICE_NAME: v.deviceName
          })
        }
      )
    )
  })

  it("is plain JSON: it survives a round trip through JSON unchanged (what a Lambda invocation sends)", () => {
    const event = CustomEmailSender.takeoverEvent({ userPoolId: "us-east-1_P", clientId: "c", action: "BLOCK", values })
    expect(JSON.parse(JSON.stringify(event))).toEqual(event)
  })
})
