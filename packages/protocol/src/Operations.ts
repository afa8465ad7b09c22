/**
 * The operations of Cognito's service model (`cognito-idp` 2016-04-18) described here: the three
 * feedback operations,
 * `UpdateAuthEventFeedback` (what the user's link calls: unsigned, with the feedback token),
 * `AdminUpdateAuthEventFeedback` (the same, on the user's behalf: signed, no token) and
 * `AdminListUserAuthEvents` (a user's auth events, newest first, in pages: signed), and the two
 * of the risk configuration a simulator also serves (`SetRiskConfiguration`,
 * `DescribeRiskConfiguration`: signed). Each member's
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
 * The three feedback operations, the ones the clients call.
 *
 * @since 0.1.0
 * @category operations
 */
export const all = [UpdateAuthEventFeedback, AdminUpdateAuthEventFeedback, AdminListUserAuthEvents] as const

// ---------------------------------------------------------------------------------------------
// the risk configuration: what a testkit serves besides the feedback operations, so that a test
// can set a pool's account-takeover notifications with the AWS SDKs, as it would on the service
// ---------------------------------------------------------------------------------------------

const ClientId = /* @__PURE__ */ Member.optional(
  /* @__PURE__ */ Member.string({ minLength: 1, maxLength: 128, pattern: /^[\w+]+$/ }, { sensitive: true })
)
// the model's string shapes of the risk configuration (Smithy counts their lengths in code points)
const riskStrings = {
  /** `ArnType`. */
  SourceArn: /* @__PURE__ */ Member.string({
    minLength: 20,
    maxLength: 2048,
    pattern: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/
  }),
  /** `StringType`, of `From`, `ReplyTo` and the IP ranges. */
  String: /* @__PURE__ */ Member.string({ minLength: 0, maxLength: 131072, codePoints: true }),
  /** `EmailNotificationSubjectType`. */
  Subject: /* @__PURE__ */ Member.string({
    minLength: 1,
    maxLength: 140,
    pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\s]+$/u,
    codePoints: true
  }),
  /** `EmailNotificationBodyType`, of `HtmlBody` and `TextBody`. */
  Body: /* @__PURE__ */ Member.string({
    minLength: 6,
    maxLength: 20000,
    pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]+$/u,
    codePoints: true
  })
} as const
const StringType = riskStrings.String
const NotifyEmailType = /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.structure({
  Subject: riskStrings.Subject,
  HtmlBody: /* @__PURE__ */ Member.optional(riskStrings.Body),
  TextBody: /* @__PURE__ */ Member.optional(riskStrings.Body)
}))
const accountTakeoverEventActions = ["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"] as const
const AccountTakeoverActionType = /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.structure({
  Notify: Member.boolean,
  EventAction: /* @__PURE__ */ Member.oneOf(accountTakeoverEventActions)
}))
const AccountTakeoverRiskConfigurationType = /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.structure({
  NotifyConfiguration: /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.structure({
    From: /* @__PURE__ */ Member.optional(StringType),
    ReplyTo: /* @__PURE__ */ Member.optional(StringType),
    SourceArn: riskStrings.SourceArn,
    BlockEmail: NotifyEmailType,
    NoActionEmail: NotifyEmailType,
    MfaEmail: NotifyEmailType
  })),
  Actions: /* @__PURE__ */ Member.structure({
    LowAction: AccountTakeoverActionType,
    MediumAction: AccountTakeoverActionType,
    HighAction: AccountTakeoverActionType
  })
}))
const CompromisedCredentialsRiskConfigurationType = /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.structure({
  EventFilter: /* @__PURE__ */ Member.optional(
    /* @__PURE__ */ Member.list(/* @__PURE__ */ Member.oneOf(["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"]))
  ),
  Actions: /* @__PURE__ */ Member.structure({
    EventAction: /* @__PURE__ */ Member.oneOf(["BLOCK", "NO_ACTION"])
  })
}))
const RiskExceptionConfigurationType = /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.structure({
  BlockedIPRangeList: /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.list(StringType, { maxItems: 200 })),
  SkippedIPRangeList: /* @__PURE__ */ Member.optional(/* @__PURE__ */ Member.list(StringType, { maxItems: 200 }))
}))

/**
 * The risk configuration's members: `ClientIdType` (sensitive, as the model says), its string
 * shapes, the three configurations of `SetRiskConfiguration`, and the account-takeover event
 * actions.
 *
 * @since 0.1.0
 * @category members
 */
export const riskMembers = {
  ClientId,
  strings: riskStrings,
  AccountTakeoverRiskConfiguration: AccountTakeoverRiskConfigurationType,
  CompromisedCredentialsRiskConfiguration: CompromisedCredentialsRiskConfigurationType,
  RiskExceptionConfiguration: RiskExceptionConfigurationType,
  accountTakeoverEventActions
} as const

const NotifyEmailShape = /* @__PURE__ */ Shape.structure({
  Subject: Shape.string,
  HtmlBody: Shape.string,
  TextBody: Shape.string
}, ["Subject"])
const AccountTakeoverActionShape = /* @__PURE__ */ Shape.structure({
  Notify: Shape.boolean,
  EventAction: /* @__PURE__ */ Shape.enumOf(accountTakeoverEventActions)
}, ["Notify", "EventAction"])
const RiskConfigurationShape = /* @__PURE__ */ Shape.structure({
  UserPoolId: Shape.string,
  ClientId: Shape.string,
  CompromisedCredentialsRiskConfiguration: /* @__PURE__ */ Shape.structure({
    EventFilter: /* @__PURE__ */ Shape.list(/* @__PURE__ */ Shape.enumOf(["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"])),
    Actions: /* @__PURE__ */ Shape.structure({
      EventAction: /* @__PURE__ */ Shape.enumOf(["BLOCK", "NO_ACTION"])
    }, ["EventAction"])
  }, ["Actions"]),
  AccountTakeoverRiskConfiguration: /* @__PURE__ */ Shape.structure({
    NotifyConfiguration: /* @__PURE__ */ Shape.structure({
      From: Shape.string,
      ReplyTo: Shape.string,
      SourceArn: Shape.string,
      BlockEmail: NotifyEmailShape,
      NoActionEmail: NotifyEmailShape,
      MfaEmail: NotifyEmailShape
    }, ["SourceArn"]),
    Actions: /* @__PURE__ */ Shape.structure({
      LowAction: AccountTakeoverActionShape,
      MediumAction: AccountTakeoverActionShape,
      HighAction: AccountTakeoverActionShape
    })
  }, ["Actions"]),
  RiskExceptionConfiguration: /* @__PURE__ */ Shape.structure({
    BlockedIPRangeList: /* @__PURE__ */ Shape.list(Shape.string),
    SkippedIPRangeList: /* @__PURE__ */ Shape.list(Shape.string)
  }),
  LastModifiedDate: Shape.timestamp
})
const RiskConfigurationOutput = /* @__PURE__ */ Shape.structure(
  { RiskConfiguration: RiskConfigurationShape },
  ["RiskConfiguration"]
)

// The model lists two more errors for SetRiskConfiguration, CodeDeliveryFailureException and
// InvalidEmailRoleAccessPolicyException (the email identity cannot be used): no simulator sends
// email, so none decides them (`notDecided`).
const riskErrors = [
  "ResourceNotFoundException",
  "InvalidParameterException",
  "TooManyRequestsException",
  "NotAuthorizedException",
  "UserPoolAddOnNotEnabledException",
  "InternalErrorException",
  "OperationNotEnabledException"
] as const

/**
 * The errors of the model's risk operations that no simulator decides (they are about sending
 * email through Amazon SES).
 *
 * @since 0.1.0
 * @category operations
 */
export const notDecided = ["CodeDeliveryFailureException", "InvalidEmailRoleAccessPolicyException"] as const

/**
 * `SetRiskConfiguration`: a pool's (or one app client's) risk configuration, replaced whole.
 *
 * @since 0.1.0
 * @category operations
 */
export const SetRiskConfiguration = /* @__PURE__ */ Operation.make({
  name: "SetRiskConfiguration",
  authorization: "sigv4",
  input: {
    UserPoolId,
    ClientId,
    CompromisedCredentialsRiskConfiguration: CompromisedCredentialsRiskConfigurationType,
    AccountTakeoverRiskConfiguration: AccountTakeoverRiskConfigurationType,
    RiskExceptionConfiguration: RiskExceptionConfigurationType
  },
  output: RiskConfigurationOutput,
  regionMember: "UserPoolId",
  errors: riskErrors
})

/**
 * `DescribeRiskConfiguration`: the configuration that applies to a pool or an app client.
 *
 * @since 0.1.0
 * @category operations
 */
export const DescribeRiskConfiguration = /* @__PURE__ */ Operation.make({
  name: "DescribeRiskConfiguration",
  authorization: "sigv4",
  input: { UserPoolId, ClientId },
  output: RiskConfigurationOutput,
  regionMember: "UserPoolId",
  errors: riskErrors
})

/**
 * What a simulator serves: the feedback operations and the risk configuration's two.
 *
 * @since 0.1.0
 * @category operations
 */
export const served = [...all, SetRiskConfiguration, DescribeRiskConfiguration] as const
