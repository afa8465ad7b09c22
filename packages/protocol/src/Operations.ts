/**
 * The three feedback operations of Cognito's service model (`cognito-idp` 2016-04-18):
 * `UpdateAuthEventFeedback` (what the user's link calls: unsigned, with the feedback token),
 * `AdminUpdateAuthEventFeedback` (the same, on the user's behalf: signed, no token) and
 * `AdminListUserAuthEvents` (a user's auth events, newest first, in pages: signed). Each member's
 * constraints are the model's (botocore's `service-2.json`); a pattern is anchored here, as the
 * service matches the whole value.
 *
 * @since 0.1.0
 */
import * as Member from "./Member.js"
import * as Operation from "./Operation.js"
import { serviceErrorCodes } from "./ServiceError.js"
import * as Shape from "./Shape.js"

// Each member and shape is a constant of its own, and the descriptions name them directly: a
// description's arguments then have no property access in them, which a bundler must keep as a
// possible side effect; so an application that uses none of the admin operations drops them.
const UserPoolId = /* @__PURE__ */ Member.string({ minLength: 1, maxLength: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ })
const Username = /* @__PURE__ */ Member.string(
  { minLength: 1, maxLength: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, codePoints: true },
  { sensitive: true }
)
const EventId = /* @__PURE__ */ Member.string({ minLength: 1, maxLength: 50, pattern: /^[\w+-]+$/ })
const FeedbackToken = /* @__PURE__ */ Member.string({ pattern: /^[A-Za-z0-9-_=.]+$/ }, { sensitive: true })
const feedbackValues = ["Valid", "Invalid"] as const
const FeedbackValue = /* @__PURE__ */ Member.oneOf(feedbackValues)
const MaxResults = /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.integer(0, 60))
const NextToken = /* @__PURE__ */ Member.optional(
  /* @__PURE__ */ Member.string({ minLength: 1, maxLength: 131072, pattern: /^\S+$/ })
)

/**
 * The shared members: `UserPoolIdType`, `UsernameType` (sensitive), `EventIdType`,
 * `TokenModelType` (sensitive), `FeedbackValueType`, `QueryLimitType`, `PaginationKey`.
 *
 * @since 0.1.0
 * @category members
 */
export const members = { UserPoolId, Username, EventId, FeedbackToken, FeedbackValue, MaxResults, NextToken } as const

const EventType = /* @__PURE__ */ Shape.enumOf(["SignIn", "SignUp", "ForgotPassword", "PasswordChange", "ResendCode"])
const EventResponseType = /* @__PURE__ */ Shape.enumOf(["Pass", "Fail", "InProgress"])
const RiskDecisionType = /* @__PURE__ */ Shape.enumOf(["NoRisk", "AccountTakeover", "Block"])
const RiskLevelType = /* @__PURE__ */ Shape.enumOf(["Low", "Medium", "High"])
const ChallengeName = /* @__PURE__ */ Shape.enumOf(["Password", "Mfa"])
const ChallengeResponse = /* @__PURE__ */ Shape.enumOf(["Success", "Failure"])
const FeedbackValueType = /* @__PURE__ */ Shape.enumOf(feedbackValues)
const FeedbackProvider = /* @__PURE__ */ Shape.enumOf(["User", "Admin"])
const EventRiskType = /* @__PURE__ */ Shape.structure({
  RiskDecision: RiskDecisionType,
  RiskLevel: RiskLevelType,
  CompromisedCredentialsDetected: Shape.boolean
})
const ChallengeResponseType = /* @__PURE__ */ Shape.structure({ ChallengeName, ChallengeResponse })
const EventContextDataType = /* @__PURE__ */ Shape.structure({
  IpAddress: Shape.string,
  DeviceName: Shape.string,
  Timezone: Shape.string,
  City: Shape.string,
  Country: Shape.string
})
const EventFeedbackType = /* @__PURE__ */ Shape.structure({
  FeedbackValue: FeedbackValueType,
  Provider: FeedbackProvider,
  FeedbackDate: Shape.timestamp
}, ["FeedbackValue", "Provider"])
const AuthEventType = /* @__PURE__ */ Shape.structure({
  EventId: Shape.string,
  EventType,
  CreationDate: Shape.timestamp,
  EventResponse: EventResponseType,
  EventRisk: EventRiskType,
  ChallengeResponses: /* @__PURE__ */ Shape.list(ChallengeResponseType),
  EventContextData: EventContextDataType,
  EventFeedback: EventFeedbackType
})
const AuthEventsType = /* @__PURE__ */ Shape.list(AuthEventType)

/**
 * The output shapes, named as in the model: `AuthEventType` and what it is made of, with the
 * enumerations of its members (the values in the model's order).
 *
 * @since 0.1.0
 * @category shapes
 */
export const shapes = {
  EventType,
  EventResponseType,
  RiskDecisionType,
  RiskLevelType,
  ChallengeName,
  ChallengeResponse,
  FeedbackValueType,
  FeedbackProvider,
  EventRiskType,
  ChallengeResponseType,
  EventContextDataType,
  EventFeedbackType,
  AuthEventType
} as const

const noOutput = /* @__PURE__ */ Shape.structure({})

/**
 * @since 0.1.0
 * @category operations
 */
export const UpdateAuthEventFeedback = /* @__PURE__ */ Operation.make({
  name: "UpdateAuthEventFeedback",
  authorization: "none",
  input: { UserPoolId, Username, EventId, FeedbackToken, FeedbackValue },
  output: noOutput,
  regionMember: "UserPoolId",
  errors: serviceErrorCodes
})

/**
 * @since 0.1.0
 * @category operations
 */
export const AdminUpdateAuthEventFeedback = /* @__PURE__ */ Operation.make({
  name: "AdminUpdateAuthEventFeedback",
  authorization: "sigv4",
  input: { UserPoolId, Username, EventId, FeedbackValue },
  output: noOutput,
  regionMember: "UserPoolId",
  errors: serviceErrorCodes
})

/**
 * @since 0.1.0
 * @category operations
 */
export const AdminListUserAuthEvents = /* @__PURE__ */ Operation.make({
  name: "AdminListUserAuthEvents",
  authorization: "sigv4",
  input: { UserPoolId, Username, MaxResults, NextToken },
  output: /* @__PURE__ */ Shape.structure({ AuthEvents: AuthEventsType, NextToken: Shape.string }),
  regionMember: "UserPoolId",
  errors: serviceErrorCodes
})

/**
 * Every described operation, by name.
 *
 * @since 0.1.0
 * @category operations
 */
export const all = [UpdateAuthEventFeedback, AdminUpdateAuthEventFeedback, AdminListUserAuthEvents] as const
