/**
 * The wire shapes of `AdminUpdateAuthEventFeedback` and `AdminListUserAuthEvents` as schemas (core
 * has those of `UpdateAuthEventFeedback`). The simulator checks requests with the protocol's
 * validator (`SimulationInput`), from the same descriptions; these schemas are for callers.
 */
import * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { brokenIntegerRule, brokenRule } from "@cognito-feedback/protocol/Member"
import { members } from "@cognito-feedback/protocol/Operations"
import * as Schema from "effect/Schema"
import * as Seed from "../SimulatorSeed.js"
import { mustBe, optional } from "./issues.js"

export const EpochSeconds = Schema.transform(
  Schema.Number.annotations({ message: mustBe("a number of seconds since the epoch") }).pipe(Schema.finite()),
  Schema.ValidDateFromSelf,
  {
    strict: true,
    // rounding undoes the float error of the division on the way out
    decode: (seconds) => new Date(Math.round(seconds * 1000)),
    encode: (date) => date.getTime() / 1000
  }
).annotations({ identifier: "EpochSeconds" })

export const EventRiskType = Schema.Struct({
  RiskDecision: Seed.RiskDecision,
  RiskLevel: Seed.RiskLevel,
  CompromisedCredentialsDetected: Schema.Boolean
}).annotations({ identifier: "EventRiskType" })

export interface EventRiskType extends Schema.Schema.Type<typeof EventRiskType> {}

export const ChallengeResponseType = Schema.Struct({
  ChallengeName: Seed.ChallengeName,
  ChallengeResponse: Seed.ChallengeResponse
}).annotations({ identifier: "ChallengeResponseType" })

export interface ChallengeResponseType extends Schema.Schema.Type<typeof ChallengeResponseType> {}

export const EventContextDataType = Schema.Struct({
  IpAddress: Schema.optional(Schema.String),
  DeviceName: Schema.optional(Schema.String),
  Timezone: Schema.optional(Schema.String),
  City: Schema.optional(Schema.String),
  Country: Schema.optional(Schema.String)
}).annotations({ identifier: "EventContextDataType" })

export interface EventContextDataType extends Schema.Schema.Type<typeof EventContextDataType> {}

export const EventFeedbackType = Schema.Struct({
  FeedbackValue: UpdateAuthEventFeedback.FeedbackValue,
  Provider: Seed.FeedbackProvider,
  FeedbackDate: EpochSeconds
}).annotations({ identifier: "EventFeedbackType" })

export interface EventFeedbackType extends Schema.Schema.Type<typeof EventFeedbackType> {}

export const AuthEventType = Schema.Struct({
  EventId: Schema.String,
  EventType: Seed.EventType,
  CreationDate: EpochSeconds,
  EventResponse: Seed.EventResponse,
  EventRisk: EventRiskType,
  ChallengeResponses: Schema.Array(ChallengeResponseType),
  EventContextData: Schema.optional(EventContextDataType),
  EventFeedback: Schema.optional(EventFeedbackType)
}).annotations({ identifier: "AuthEventType" })

export interface AuthEventType extends Schema.Schema.Type<typeof AuthEventType> {}

export const AdminUpdateAuthEventFeedbackRequest = Schema.Struct({
  UserPoolId: UpdateAuthEventFeedback.UserPoolId,
  Username: UpdateAuthEventFeedback.Username,
  EventId: UpdateAuthEventFeedback.EventId,
  FeedbackValue: UpdateAuthEventFeedback.FeedbackValue
}).annotations({
  identifier: "AdminUpdateAuthEventFeedbackRequest",
  // not an override: the members' own messages come first
  message: () => "must be an object"
})

export interface AdminUpdateAuthEventFeedbackRequest
  extends Schema.Schema.Type<typeof AdminUpdateAuthEventFeedbackRequest>
{}

export type AdminUpdateAuthEventFeedbackInput = Schema.Schema.Encoded<typeof AdminUpdateAuthEventFeedbackRequest>

export const AdminUpdateAuthEventFeedbackResponse = Schema.Struct({}).annotations({
  identifier: "AdminUpdateAuthEventFeedbackResponse"
})

export interface AdminUpdateAuthEventFeedbackResponse
  extends Schema.Schema.Type<typeof AdminUpdateAuthEventFeedbackResponse>
{}

export const MaxResults = Schema.Number.annotations({ message: mustBe("a number") }).pipe(
  Schema.filter((n) => brokenIntegerRule(n, members.MaxResults) ?? true)
).annotations({ identifier: "MaxResults" })

export const PaginationKey = Schema.String.annotations({ message: mustBe("a string") }).pipe(
  Schema.filter((s) => brokenRule(s, members.NextToken) ?? true)
).annotations({ identifier: "PaginationKey" })

export const AdminListUserAuthEventsRequest = Schema.Struct({
  UserPoolId: UpdateAuthEventFeedback.UserPoolId,
  Username: UpdateAuthEventFeedback.Username,
  MaxResults: optional(MaxResults),
  NextToken: optional(PaginationKey)
}).annotations({
  identifier: "AdminListUserAuthEventsRequest",
  message: () => "must be an object"
})

export interface AdminListUserAuthEventsRequest extends Schema.Schema.Type<typeof AdminListUserAuthEventsRequest> {}

export type AdminListUserAuthEventsInput = Schema.Schema.Encoded<typeof AdminListUserAuthEventsRequest>

export const AdminListUserAuthEventsResponse = Schema.Struct({
  AuthEvents: Schema.Array(AuthEventType),
  NextToken: Schema.optional(Schema.String)
}).annotations({ identifier: "AdminListUserAuthEventsResponse" })

export interface AdminListUserAuthEventsResponse extends Schema.Schema.Type<typeof AdminListUserAuthEventsResponse> {}
