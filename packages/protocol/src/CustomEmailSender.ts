/**
 * The event Cognito hands a custom email sender Lambda for an account-takeover notification,
 * `CustomEmailSender_AccountTakeOverNotification`, in the shape `@types/aws-lambda` declares
 * (`CustomEmailSenderAccountTakeOverNotificationTriggerEvent`): `request.code` is `null` (there is
 * nothing to decrypt) and the takeover attributes are in plain text.
 *
 * @since 0.1.0
 */
import type { EventAction, Values } from "./RiskNotification.js"

/**
 * The trigger source of the event.
 *
 * @since 0.1.0
 * @category constants
 */
export const triggerSource = "CustomEmailSender_AccountTakeOverNotification"

/**
 * The takeover attributes of `request.userAttributes`; `CITY`, `COUNTRY` and `DEVICE_NAME` only
 * when known. `ACCOUNT_TAKE_OVER_ACTION` is what Cognito did (the types also allow `MFA`).
 *
 * @since 0.1.0
 * @category models
 */
export interface TakeoverAttributes {
  readonly EVENT_ID: string
  readonly USER_NAME: string
  readonly IP_ADDRESS: string
  readonly ACCOUNT_TAKE_OVER_ACTION: EventAction | "MFA"
  readonly ONE_CLICK_LINK_VALID: string
  readonly ONE_CLICK_LINK_INVALID: string
  readonly LOGIN_TIME: string
  readonly FEEDBACK_TOKEN: string
  readonly CITY?: string
  readonly COUNTRY?: string
  readonly DEVICE_NAME?: string
}

/**
 * The whole event.
 *
 * @since 0.1.0
 * @category models
 */
export interface TakeoverEvent {
  readonly version: string
  readonly region: string
  readonly userPoolId: string
  readonly triggerSource: typeof triggerSource
  readonly userName: string
  readonly callerContext: { readonly awsSdkVersion: string; readonly clientId: string }
  readonly request: {
    readonly type: "customEmailSenderRequestV1"
    readonly code: null
    readonly userAttributes: TakeoverAttributes
    readonly clientMetadata?: Readonly<Record<string, string>>
  }
  readonly response: {}
}

/**
 * The event of one notification: `values` as the placeholders have them (empty strings for what is
 * unknown), the optional attributes only when known.
 *
 * @since 0.1.0
 * @category constructors
 */
export const takeoverEvent = (
  options: {
    readonly userPoolId: string
    readonly clientId: string | undefined
    readonly action: EventAction
    readonly values: Values
  }
): TakeoverEvent => {
  const { values } = options
  const known = (name: "CITY" | "COUNTRY" | "DEVICE_NAME", value: string) => (value === "" ? {} : { [name]: value })
  return {
    version: "1",
    region: options.userPoolId.split("_")[0] ?? "",
    userPoolId: options.userPoolId,
    triggerSource,
    userName: values.username,
    // what Cognito writes when no app client is involved
    callerContext: {
      awsSdkVersion: "aws-sdk-unknown-unknown",
      clientId: options.clientId ?? "CLIENT_ID_NOT_APPLICABLE"
    },
    request: {
      type: "customEmailSenderRequestV1",
      code: null,
      userAttributes: {
        EVENT_ID: values.eventId,
        USER_NAME: values.username,
        IP_ADDRESS: values.ipAddress,
        ACCOUNT_TAKE_OVER_ACTION: options.action,
        ONE_CLICK_LINK_VALID: values.oneClickLinkValid,
        ONE_CLICK_LINK_INVALID: values.oneClickLinkInvalid,
        LOGIN_TIME: values.loginTime,
        FEEDBACK_TOKEN: values.feedbackToken,
        ...known("CITY", values.city),
        ...known("COUNTRY", values.country),
        ...known("DEVICE_NAME", values.deviceName)
      },
      clientMetadata: {}
    },
    response: {}
  }
}
