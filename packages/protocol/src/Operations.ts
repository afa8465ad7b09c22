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

/**
 * The shared members: `UserPoolIdType`, `UsernameType` (sensitive), `EventIdType`,
 * `TokenModelType` (sensitive), `FeedbackValueType`, `QueryLimitType`, `PaginationKey`.
 *
 * @since 0.1.0
 * @category members
 */
export const members = {
  UserPoolId: Member.string({ minLength: 1, maxLength: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ }),
  Username: Member.string(
    { minLength: 1, maxLength: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, codePoints: true },
    { sensitive: true }
  ),
  EventId: Member.string({ minLength: 1, maxLength: 50, pattern: /^[\w+-]+$/ }),
  FeedbackToken: Member.string({ pattern: /^[A-Za-z0-9-_=.]+$/ }, { sensitive: true }),
  FeedbackValue: Member.oneOf(["Valid", "Invalid"]),
  MaxResults: Member.optional(Member.integer(0, 60)),
  NextToken: Member.optional(Member.string({ minLength: 1, maxLength: 131072, pattern: /^\S+$/ }))
} as const

/**
 * The output shapes, named as in the model: `AuthEventType` and what it is made of, with the
 * enumerations of its members (the values in the model's order).
 *
 * @since 0.1.0
 * @category shapes
 */
export const shapes = (() => {
  const EventType = Shape.enumOf(["SignIn", "SignUp", "ForgotPassword", "PasswordChange", "ResendCode"])
  const EventResponseType = Shape.enumOf(["Pass", "Fail", "InProgress"])
  const RiskDecisionType = Shape.enumOf(["NoRisk", "AccountTakeover", "Block"])
  const RiskLevelType = Shape.enumOf(["Low", "Medium", "High"])
  const ChallengeName = Shape.enumOf(["Password", "Mfa"])
  const ChallengeResponse = Shape.enumOf(["Success", "Failure"])
  const FeedbackValueType = Shape.enumOf(members.FeedbackValue.values)
  const FeedbackProvider = Shape.enumOf(["User", "Admin"])
  const EventRiskType = Shape.structure({
    RiskDecision: RiskDecisionType,
    RiskLevel: RiskLevelType,
    CompromisedCredentialsDetected: Shape.boolean
  })
  const ChallengeResponseType = Shape.structure({ ChallengeName, ChallengeResponse })
  const EventContextDataType = Shape.structure({
    IpAddress: Shape.string,
    DeviceName: Shape.string,
    Timezone: Shape.string,
    City: Shape.string,
    Country: Shape.string
  })
  const EventFeedbackType = Shape.structure({
    FeedbackValue: FeedbackValueType,
    Provider: FeedbackProvider,
    FeedbackDate: Shape.timestamp
  }, ["FeedbackValue", "Provider"])
  const AuthEventType = Shape.structure({
    EventId: Shape.string,
    EventType,
    CreationDate: Shape.timestamp,
    EventResponse: EventResponseType,
    EventRisk: EventRiskType,
    ChallengeResponses: Shape.list(ChallengeResponseType),
    EventContextData: EventContextDataType,
    EventFeedback: EventFeedbackType
  })
  return {
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
  }
})()

const noOutput = Shape.structure({})

/**
 * @since 0.1.0
 * @category operations
 */
export const UpdateAuthEventFeedback = Operation.make({
  name: "UpdateAuthEventFeedback",
  authorization: "none",
  input: {
    UserPoolId: members.UserPoolId,
    Username: members.Username,
    EventId: members.EventId,
    FeedbackToken: members.FeedbackToken,
    FeedbackValue: members.FeedbackValue
  },
  output: noOutput,
  regionMember: "UserPoolId",
  errors: serviceErrorCodes
})

/**
 * @since 0.1.0
 * @category operations
 */
export const AdminUpdateAuthEventFeedback = Operation.make({
  name: "AdminUpdateAuthEventFeedback",
  authorization: "sigv4",
  input: {
    UserPoolId: members.UserPoolId,
    Username: members.Username,
    EventId: members.EventId,
    FeedbackValue: members.FeedbackValue
  },
  output: noOutput,
  regionMember: "UserPoolId",
  errors: serviceErrorCodes
})

/**
 * @since 0.1.0
 * @category operations
 */
export const AdminListUserAuthEvents = Operation.make({
  name: "AdminListUserAuthEvents",
  authorization: "sigv4",
  input: {
    UserPoolId: members.UserPoolId,
    Username: members.Username,
    MaxResults: members.MaxResults,
    NextToken: members.NextToken
  },
  output: Shape.structure({ AuthEvents: Shape.list(shapes.AuthEventType), NextToken: Shape.string }),
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
