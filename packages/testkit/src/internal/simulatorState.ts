/**
 * The simulator's state: pools, their users and the users' auth events with the secrets the
 * operations check, built from seeds, shown as `AuthEventType`, and changed only by copying.
 */
import type { SimulatedUser } from "../CognitoSimulator.js"
import * as Seed from "../SimulatorSeed.js"
import type {
  AuthEventType,
  ChallengeResponseType,
  EventContextDataType,
  EventFeedbackType,
  EventRiskType
} from "./adminSchemas.js"

export interface EventState {
  /** Insertion order, the tie-break between equal creation dates. */
  readonly seq: number
  readonly eventId: string
  readonly feedbackToken: string
  readonly eventType: Seed.EventType
  readonly creationDate: Date
  readonly eventResponse: Seed.EventResponse
  readonly risk: EventRiskType
  readonly challengeResponses: ReadonlyArray<ChallengeResponseType>
  readonly contextData: EventContextDataType | undefined
  readonly feedback: EventFeedbackType | undefined
}

export interface UserState extends SimulatedUser {
  readonly events: ReadonlyArray<EventState>
}

export interface PoolState {
  readonly id: string
  readonly advancedSecurityMode: Seed.AdvancedSecurityMode
  readonly aliasAttributes: ReadonlyArray<string>
  readonly users: ReadonlyArray<UserState>
}

export interface State {
  readonly pools: ReadonlyMap<string, PoolState>
  readonly nextSeq: number
}

export const empty: State = { pools: new Map(), nextSeq: 0 }

export const withPool = (state: State, pool: PoolState): State => ({
  ...state,
  pools: new Map(state.pools).set(pool.id, pool)
})

export const replaceAt = <A>(items: ReadonlyArray<A>, index: number, f: (a: A) => A): ReadonlyArray<A> =>
  items.map((item, i) => (i === index ? f(item) : item))

/** Drops `undefined` members, so that an optional member is absent rather than present as `undefined`. */
export const compact = <A extends object>(a: A): A =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as A

/** The user without its events, as callers see it. */
export const toSimulatedUser = (user: UserState): SimulatedUser => ({
  username: user.username,
  sub: user.sub,
  attributes: user.attributes
})

export const toAuthEventType = (event: EventState): AuthEventType =>
  compact({
    EventId: event.eventId,
    EventType: event.eventType,
    CreationDate: event.creationDate,
    EventResponse: event.eventResponse,
    EventRisk: event.risk,
    ChallengeResponses: event.challengeResponses,
    EventContextData: event.contextData,
    EventFeedback: event.feedback
  })

/** A seeded event with the defaults of `SimulatorSeed` filled in; `now` for missing dates. */
export const toEventState = (event: Seed.SeedAuthEvent, seq: number, now: Date): EventState => {
  const context = event.eventContextData
  return {
    seq,
    eventId: event.eventId,
    feedbackToken: event.feedbackToken,
    eventType: event.eventType ?? Seed.defaults.eventType,
    creationDate: event.creationDate ?? now,
    eventResponse: event.eventResponse ?? Seed.defaults.eventResponse,
    risk: {
      RiskDecision: event.riskDecision ?? Seed.defaults.riskDecision,
      RiskLevel: event.riskLevel ?? Seed.defaults.riskLevel,
      CompromisedCredentialsDetected: event.compromisedCredentialsDetected ??
        Seed.defaults.compromisedCredentialsDetected
    },
    challengeResponses: (event.challengeResponses ?? []).map((c) => ({
      ChallengeName: c.challengeName,
      ChallengeResponse: c.challengeResponse
    })),
    contextData: context === undefined ? undefined : compact({
      IpAddress: context.ipAddress,
      DeviceName: context.deviceName,
      Timezone: context.timezone,
      City: context.city,
      Country: context.country
    }),
    feedback: event.feedback === undefined ? undefined : {
      FeedbackValue: event.feedback.feedbackValue,
      Provider: event.feedback.provider ?? Seed.defaults.feedbackProvider,
      FeedbackDate: event.feedback.feedbackDate ?? now
    }
  }
}
