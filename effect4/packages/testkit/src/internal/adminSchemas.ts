/**
 * The wire shapes of `AdminUpdateAuthEventFeedback` and `AdminListUserAuthEvents` as schemas (core
 * has those of `UpdateAuthEventFeedback`). The simulator checks requests with the protocol's
 * validator (`SimulationInput`), from the same descriptions; these schemas are for callers.
 */
import * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import { brokenIntegerRule, brokenRule } from "@cognito-feedback/protocol/Member"
import { members } from "@cognito-feedback/protocol/Operations"
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import * as Seed from "../SimulatorSeed.js"
import { mustBe, optional } from "./issues.js"

// the core's members by the same rules, with the messages of the protocol's validator for a value
// of the wrong type
const ruled = (rules: UpdateAuthEventFeedback.Rules) =>
  Schema.String.annotate({ message: mustBe("a string") }).check(
    Schema.makeFilter((s: string) => UpdateAuthEventFeedback.brokenRule(s, rules) ?? true)
  )
const UserPoolId = ruled(UpdateAuthEventFeedback.rules.UserPoolId)
const EventId = ruled(UpdateAuthEventFeedback.rules.EventId)
const Username = Schema.Union([
  Schema.RedactedFromValue(ruled(UpdateAuthEventFeedback.rules.Username)),
  Schema.Redacted(ruled(UpdateAuthEventFeedback.rules.Username))
]).annotate({ message: mustBe("a string or a Redacted string") })
const FeedbackValue = UpdateAuthEventFeedback.FeedbackValue.annotate({ message: "must be \"Valid\" or \"Invalid\"" })

export const EpochSeconds = Schema.Number.annotate({ message: mustBe("a number of seconds since the epoch") }).check(
  Schema.isFinite()
).pipe(
  Schema.decodeTo(
    Schema.Date,
    SchemaTransformation.transform({
      // rounding undoes the float error of the division on the way out
      decode: (seconds: number) => new Date(Math.round(seconds * 1000)),
      encode: (date: Date) => date.getTime() / 1000
    })
  )
).annotate({ identifier: "EpochSeconds" })

export const EventRiskType = Schema.Struct({
  RiskDecision: Seed.RiskDecision,
  RiskLevel: Seed.RiskLevel,
  CompromisedCredentialsDetected: Schema.Boolean
}).annotate({ identifier: "EventRiskType" })

export interface EventRiskType extends Schema.Schema.Type<typeof EventRiskType> {}

export const ChallengeResponseType = Schema.Struct({
  ChallengeName: Seed.ChallengeName,
  ChallengeResponse: Seed.ChallengeResponse
}).annotate({ identifier: "ChallengeResponseType" })

export interface ChallengeResponseType extends Schema.Schema.Type<typeof ChallengeResponseType> {}

export const EventContextDataType = Schema.Struct({
  IpAddress: Schema.optional(Schema.String),
  DeviceName: Schema.optional(Schema.String),
  Timezone: Schema.optional(Schema.String),
  City: Schema.optional(Schema.String),
  Country: Schema.optional(Schema.String)
}).annotate({ identifier: "EventContextDataType" })

export interface EventContextDataType extends Schema.Schema.Type<typeof EventContextDataType> {}

export const EventFeedbackType = Schema.Struct({
  FeedbackValue: UpdateAuthEventFeedback.FeedbackValue,
  Provider: Seed.FeedbackProvider,
  FeedbackDate: EpochSeconds
}).annotate({ identifier: "EventFeedbackType" })

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
}).annotate({ identifier: "AuthEventType" })

export interface AuthEventType extends Schema.Schema.Type<typeof AuthEventType> {}

export const AdminUpdateAuthEventFeedbackRequest = Schema.Struct({
  UserPoolId,
  Username,
  EventId,
  FeedbackValue
}).annotate({
  identifier: "AdminUpdateAuthEventFeedbackRequest",
  message: "must be an object"
})

export interface AdminUpdateAuthEventFeedbackRequest
  extends Schema.Schema.Type<typeof AdminUpdateAuthEventFeedbackRequest>
{}

export type AdminUpdateAuthEventFeedbackInput = Schema.Codec.Encoded<typeof AdminUpdateAuthEventFeedbackRequest>

export const AdminUpdateAuthEventFeedbackResponse = Schema.Struct({}).annotate({
  identifier: "AdminUpdateAuthEventFeedbackResponse"
})

export interface AdminUpdateAuthEventFeedbackResponse
  extends Schema.Schema.Type<typeof AdminUpdateAuthEventFeedbackResponse>
{}

export const MaxResults = Schema.Number.annotate({ message: mustBe("a number") }).check(
  Schema.makeFilter((n: number) => brokenIntegerRule(n, members.MaxResults) ?? true)
).annotate({ identifier: "MaxResults" })

export const PaginationKey = Schema.String.annotate({ message: mustBe("a string") }).check(
  Schema.makeFilter((s: string) => brokenRule(s, members.NextToken) ?? true)
).annotate({ identifier: "PaginationKey" })

export const AdminListUserAuthEventsRequest = Schema.Struct({
  UserPoolId,
  Username,
  MaxResults: optional(MaxResults),
  NextToken: optional(PaginationKey)
}).annotate({
  identifier: "AdminListUserAuthEventsRequest",
  message: "must be an object"
})

export interface AdminListUserAuthEventsRequest extends Schema.Schema.Type<typeof AdminListUserAuthEventsRequest> {}

export type AdminListUserAuthEventsInput = Schema.Codec.Encoded<typeof AdminListUserAuthEventsRequest>

export const AdminListUserAuthEventsResponse = Schema.Struct({
  AuthEvents: Schema.Array(AuthEventType),
  NextToken: Schema.optional(Schema.String)
}).annotate({ identifier: "AdminListUserAuthEventsResponse" })

export interface AdminListUserAuthEventsResponse extends Schema.Schema.Type<typeof AdminListUserAuthEventsResponse> {}
