/**
 * An in-memory Cognito: the user pools, users and auth events that `UpdateAuthEventFeedback`,
 * `AdminUpdateAuthEventFeedback` and `AdminListUserAuthEvents` touch. It decides every outcome of
 * those operations in the real service's order of checks, records feedback, and can be told to
 * throttle, fail or be slow — all on `Clock` and `Random`, so `TestClock` makes it deterministic.
 *
 * @since 0.1.0
 */
import type {
  InternalErrorException,
  InvalidParameterException,
  NotAuthorizedException,
  OperationNotEnabledException,
  ResourceNotFoundException,
  ServiceErrorCode,
  TooManyRequestsException,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException
} from "@cognito-feedback/core/CognitoError"
import type * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as SynchronizedRef from "effect/SynchronizedRef"
import type {
  AdminListUserAuthEventsResponse,
  AdminUpdateAuthEventFeedbackResponse,
  EventFeedbackType
} from "./internal/adminSchemas.js"
import * as Faults from "./internal/faults.js"
import * as Operations from "./internal/operations.js"
import * as Seeding from "./internal/seeding.js"
import * as State from "./internal/simulatorState.js"
import * as UserLookup from "./internal/userLookup.js"
import type * as Seed from "./SimulatorSeed.js"
import type { SeedError, SeedFile } from "./SimulatorSeed.js"

export {
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 0.1.0
   * @category validation
   */
  decodeSeed,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 0.1.0
   * @category constructors
   */
  sampleSeed,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 0.1.0
   * @category errors
   */
  SeedError,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 0.1.0
   * @category schemas
   */
  SeedFile
} from "./SimulatorSeed.js"

// ---------------------------------------------------------------------------------------------
// wire schemas of the admin operations
// ---------------------------------------------------------------------------------------------

export {
  /**
   * @since 0.1.0
   * @category schemas
   */
  AdminListUserAuthEventsRequest,
  /**
   * Events newest first; `NextToken` is present when more remain.
   *
   * @since 0.1.0
   * @category schemas
   */
  AdminListUserAuthEventsResponse,
  /**
   * `AdminUpdateAuthEventFeedback`: the members of `UpdateAuthEventFeedback` without the token.
   *
   * @since 0.1.0
   * @category schemas
   */
  AdminUpdateAuthEventFeedbackRequest,
  /**
   * @since 0.1.0
   * @category schemas
   */
  AdminUpdateAuthEventFeedbackResponse,
  /**
   * One auth event of `AdminListUserAuthEvents`. The model makes every member optional; the
   * simulator always sends all but `EventContextData` and `EventFeedback`.
   *
   * @since 0.1.0
   * @category schemas
   */
  AuthEventType,
  /**
   * @since 0.1.0
   * @category schemas
   */
  ChallengeResponseType,
  /**
   * A timestamp as AWS JSON 1.1 sends it: a number of seconds since the epoch (fractions for
   * milliseconds), decoded to a `Date`.
   *
   * @since 0.1.0
   * @category schemas
   */
  EpochSeconds,
  /**
   * @since 0.1.0
   * @category schemas
   */
  EventContextDataType,
  /**
   * Recorded feedback, as `AdminListUserAuthEvents` shows it. `Provider` is `User` for
   * `UpdateAuthEventFeedback` and `Admin` for `AdminUpdateAuthEventFeedback` (see
   * `SimulatorSeed.FeedbackProvider`).
   *
   * @since 0.1.0
   * @category schemas
   */
  EventFeedbackType,
  /**
   * @since 0.1.0
   * @category schemas
   */
  EventRiskType,
  /**
   * Page size: 0 to 60, where 0 (like leaving it out) means 60.
   *
   * @since 0.1.0
   * @category schemas
   */
  MaxResults,
  /**
   * The model's `PaginationKey`: at least one character, no whitespace.
   *
   * @since 0.1.0
   * @category schemas
   */
  PaginationKey
} from "./internal/adminSchemas.js"

export type {
  /**
   * @since 0.1.0
   * @category models
   */
  AdminListUserAuthEventsInput,
  /**
   * What callers pass: `Username` as a plain string or `Redacted`.
   *
   * @since 0.1.0
   * @category models
   */
  AdminUpdateAuthEventFeedbackInput
} from "./internal/adminSchemas.js"

// ---------------------------------------------------------------------------------------------
// errors, calls and the service
// ---------------------------------------------------------------------------------------------

/**
 * The failures fault injection produces, before any other check.
 *
 * @since 0.1.0
 * @category errors
 */
export type FaultError = TooManyRequestsException | InternalErrorException | OperationNotEnabledException

/**
 * @since 0.1.0
 * @category errors
 */
export type AdminUpdateError =
  | InvalidParameterException
  | ResourceNotFoundException
  | UserPoolAddOnNotEnabledException
  | UserNotFoundException
  | FaultError

/**
 * @since 0.1.0
 * @category errors
 */
export type UpdateError = AdminUpdateError | NotAuthorizedException

/**
 * @since 0.1.0
 * @category errors
 */
export type ListError = AdminUpdateError

/**
 * @since 0.1.0
 * @category models
 */
export type Operation = "UpdateAuthEventFeedback" | "AdminUpdateAuthEventFeedback" | "AdminListUserAuthEvents"

/**
 * One operation the simulator answered, for assertions such as "nothing was sent". Holds no
 * secret: `userPoolId` and `eventId` only when the input had valid ones, never a username or token.
 *
 * @since 0.1.0
 * @category models
 */
export interface Call {
  readonly operation: Operation
  readonly outcome: "Success" | ServiceErrorCode
  readonly requestId: string
  readonly date: Date
  readonly userPoolId?: string | undefined
  readonly eventId?: string | undefined
}

/**
 * How an operation is called. `requestId`: the id to answer and record the call under, as the
 * service's front door assigns one before the call reaches it (`CognitoWire` passes its own);
 * by default the simulator draws one.
 *
 * @since 0.1.0
 * @category models
 */
export interface CallOptions {
  readonly requestId?: string | undefined
}

/**
 * A user as the simulator holds it.
 *
 * @since 0.1.0
 * @category models
 */
export interface SimulatedUser {
  readonly username: string
  readonly sub: string
  readonly attributes: Readonly<Record<string, string>>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly seed?: SeedFile | undefined
}

/**
 * @since 0.1.0
 * @category tags
 */
export class CognitoSimulator extends Context.Tag("@cognito-feedback/testkit/CognitoSimulator")<
  CognitoSimulator,
  CognitoSimulator.Service
>() {}

/**
 * @since 0.1.0
 */
export declare namespace CognitoSimulator {
  /**
   * @since 0.1.0
   * @category models
   */
  export interface Service {
    /**
     * `UpdateAuthEventFeedback`. `input` is an `UpdateAuthEventFeedbackInput` or any decoded JSON;
     * checks, in order: parameters, pool, threat protection, user (username, alias attribute of
     * the pool, or sub), event, token; then records the feedback (Provider `User`), replacing any.
     */
    readonly updateAuthEventFeedback: (
      input: unknown,
      options?: CallOptions
    ) => Effect.Effect<UpdateAuthEventFeedback.UpdateAuthEventFeedbackResponse, UpdateError>
    /** `AdminUpdateAuthEventFeedback`: the same checks without the token; Provider `Admin`. */
    readonly adminUpdateAuthEventFeedback: (
      input: unknown,
      options?: CallOptions
    ) => Effect.Effect<AdminUpdateAuthEventFeedbackResponse, AdminUpdateError>
    /** `AdminListUserAuthEvents`: the user's events newest first, paginated. */
    readonly adminListUserAuthEvents: (
      input: unknown,
      options?: CallOptions
    ) => Effect.Effect<AdminListUserAuthEventsResponse, ListError>

    /** Adds pools, users and events; fails if any clashes with what is already there. */
    readonly seed: (seed: SeedFile) => Effect.Effect<void, SeedError>
    readonly addUserPool: (pool: Seed.SeedUserPool) => Effect.Effect<void, SeedError>
    /** Adds a user to an existing pool; returns it with its (possibly generated) `sub`. */
    readonly addUser: (userPoolId: string, user: Seed.SeedUser) => Effect.Effect<SimulatedUser, SeedError>
    /** Adds an event to the user found by username, alias attribute or sub. */
    readonly addAuthEvent: (
      userPoolId: string,
      usernameOrAliasOrSub: string,
      event: Seed.SeedAuthEvent
    ) => Effect.Effect<void, SeedError>

    /** The next `n` calls fail with `TooManyRequestsException` (replaces any earlier count). */
    readonly throttleNext: (n: number) => Effect.Effect<void>
    /**
     * A token bucket on the `Clock`: `burst` calls at once (default: one second's worth, at least
     * 1), refilled at `ratePerSecond`; a call that finds it empty is throttled.
     */
    readonly throttleAbove: (ratePerSecond: number, burst?: number) => Effect.Effect<void>
    /** The next `n` calls fail with `error` (default `InternalErrorException`). */
    readonly failNext: (
      n: number,
      error?: "InternalErrorException" | "OperationNotEnabledException"
    ) => Effect.Effect<void>
    /** Every call sleeps this long (on the `Clock`) before it is decided. */
    readonly setLatency: (latency: Duration.DurationInput) => Effect.Effect<void>
    readonly clearFaults: Effect.Effect<void>

    /** The feedback recorded on an event, if any (none also when the pool, user or event is unknown). */
    readonly feedbackOf: (
      userPoolId: string,
      usernameOrAliasOrSub: string,
      eventId: string
    ) => Effect.Effect<Option.Option<EventFeedbackType>>
    readonly userOf: (userPoolId: string, usernameOrAliasOrSub: string) => Effect.Effect<Option.Option<SimulatedUser>>
    /** Every call answered so far, oldest first. */
    readonly calls: Effect.Effect<ReadonlyArray<Call>>
  }
}

// ---------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------

/**
 * A fresh simulator, optionally seeded (see `SimulatorSeed` for the format and defaults).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options?: Options): Effect.Effect<CognitoSimulator.Service, SeedError> =>
  Effect.gen(function*() {
    const stateRef = yield* SynchronizedRef.make(State.empty)
    const faultsRef = yield* Ref.make(Faults.none)
    const callsRef = yield* Ref.make(Chunk.empty<Call>())
    const seeding = Seeding.make(stateRef)

    const service: CognitoSimulator.Service = {
      ...Operations.make({ state: stateRef, faults: faultsRef, calls: callsRef }),
      ...seeding,
      throttleNext: (n) => Ref.update(faultsRef, Faults.throttleNext(n)),
      throttleAbove: (ratePerSecond, burst) =>
        Effect.flatMap(
          Clock.currentTimeMillis,
          (now) => Ref.update(faultsRef, Faults.throttleAbove(ratePerSecond, burst, now))
        ),
      failNext: (n, error = "InternalErrorException") => Ref.update(faultsRef, Faults.failNext(n, error)),
      setLatency: (latency) => Ref.update(faultsRef, Faults.setLatency(latency)),
      clearFaults: Ref.set(faultsRef, Faults.none),
      feedbackOf: (userPoolId, usernameOrAliasOrSub, eventId) =>
        Effect.map(
          SynchronizedRef.get(stateRef),
          (state) => UserLookup.feedbackOf(state, userPoolId, usernameOrAliasOrSub, eventId)
        ),
      userOf: (userPoolId, usernameOrAliasOrSub) =>
        Effect.map(
          SynchronizedRef.get(stateRef),
          (state) => UserLookup.userOf(state, userPoolId, usernameOrAliasOrSub)
        ),
      calls: Effect.map(Ref.get(callsRef), Chunk.toReadonlyArray)
    }

    if (options?.seed !== undefined) {
      yield* seeding.seed(options.seed)
    }
    return service
  })

/**
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: Options): Layer.Layer<CognitoSimulator, SeedError> =>
  Layer.effect(CognitoSimulator, make(options))
