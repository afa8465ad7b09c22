/**
 * An in-memory Cognito: the user pools, users and auth events that `UpdateAuthEventFeedback`,
 * `AdminUpdateAuthEventFeedback` and `AdminListUserAuthEvents` touch. It decides every outcome of
 * those operations in the real service's order of checks, records feedback, and can be told to
 * throttle, fail or be slow — all on `Clock` and `Random`, so `TestClock` makes it deterministic.
 *
 * The decisions are the protocol's pure state machine (`@cognito-feedback/protocol/Simulation`),
 * shared by every simulator and emulator of either edition; this module holds its state in a `Ref`,
 * draws request ids and subs from `Random` and the time from `Clock`, and turns the codes it
 * decides into the core's tagged errors.
 *
 * @since 1.0.0
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
import { makeServiceError } from "@cognito-feedback/core/CognitoError"
import type * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import type * as CustomEmailSender from "@cognito-feedback/protocol/CustomEmailSender"
import * as ProtocolOperation from "@cognito-feedback/protocol/Operation"
import * as Operations from "@cognito-feedback/protocol/Operations"
import type * as RiskNotification from "@cognito-feedback/protocol/RiskNotification"
import * as Simulation from "@cognito-feedback/protocol/Simulation"
import * as SimulationFaults from "@cognito-feedback/protocol/SimulationFaults"
import * as SimulationInput from "@cognito-feedback/protocol/SimulationInput"
import type * as SimulationOutcome from "@cognito-feedback/protocol/SimulationOutcome"
import * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import type {
  AdminListUserAuthEventsResponse,
  AdminUpdateAuthEventFeedbackResponse,
  EventFeedbackType
} from "./internal/adminSchemas.js"
import { methodOf, operationNames } from "./internal/operationMethods.js"
import type { Method } from "./internal/operationMethods.js"
import { mintFeedbackToken, uuidV4 } from "./internal/uuid.js"
import type * as Seed from "./SimulatorSeed.js"
import { SeedError } from "./SimulatorSeed.js"
import type { SeedFile } from "./SimulatorSeed.js"

export {
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 1.0.0
   * @category validation
   */
  decodeSeed,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 1.0.0
   * @category constructors
   */
  sampleSeed,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 1.0.0
   * @category errors
   */
  SeedError,
  /**
   * Re-exported from `SimulatorSeed`.
   *
   * @since 1.0.0
   * @category schemas
   */
  SeedFile
} from "./SimulatorSeed.js"

// ---------------------------------------------------------------------------------------------
// wire schemas of the admin operations
// ---------------------------------------------------------------------------------------------

export {
  /**
   * @since 1.0.0
   * @category schemas
   */
  AdminListUserAuthEventsRequest,
  /**
   * Events newest first; `NextToken` is present when more remain.
   *
   * @since 1.0.0
   * @category schemas
   */
  AdminListUserAuthEventsResponse,
  /**
   * `AdminUpdateAuthEventFeedback`: the members of `UpdateAuthEventFeedback` without the token.
   *
   * @since 1.0.0
   * @category schemas
   */
  AdminUpdateAuthEventFeedbackRequest,
  /**
   * @since 1.0.0
   * @category schemas
   */
  AdminUpdateAuthEventFeedbackResponse,
  /**
   * One auth event of `AdminListUserAuthEvents`. The model makes every member optional; the
   * simulator always sends all but `EventContextData` and `EventFeedback`.
   *
   * @since 1.0.0
   * @category schemas
   */
  AuthEventType,
  /**
   * @since 1.0.0
   * @category schemas
   */
  ChallengeResponseType,
  /**
   * A timestamp as AWS JSON 1.1 sends it: a number of seconds since the epoch (fractions for
   * milliseconds), decoded to a `Date`.
   *
   * @since 1.0.0
   * @category schemas
   */
  EpochSeconds,
  /**
   * @since 1.0.0
   * @category schemas
   */
  EventContextDataType,
  /**
   * Recorded feedback, as `AdminListUserAuthEvents` shows it. `Provider` is `User` for
   * `UpdateAuthEventFeedback` and `Admin` for `AdminUpdateAuthEventFeedback` (see
   * `SimulatorSeed.FeedbackProvider`).
   *
   * @since 1.0.0
   * @category schemas
   */
  EventFeedbackType,
  /**
   * @since 1.0.0
   * @category schemas
   */
  EventRiskType,
  /**
   * Page size: 0 to 60, where 0 (like leaving it out) means 60.
   *
   * @since 1.0.0
   * @category schemas
   */
  MaxResults,
  /**
   * The model's `PaginationKey`: at least one character, no whitespace.
   *
   * @since 1.0.0
   * @category schemas
   */
  PaginationKey
} from "./internal/adminSchemas.js"

export type {
  /**
   * @since 1.0.0
   * @category models
   */
  AdminListUserAuthEventsInput,
  /**
   * What callers pass: `Username` as a plain string or `Redacted`.
   *
   * @since 1.0.0
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
 * @since 1.0.0
 * @category errors
 */
export type FaultError = TooManyRequestsException | InternalErrorException | OperationNotEnabledException

/**
 * @since 1.0.0
 * @category errors
 */
export type AdminUpdateError =
  | InvalidParameterException
  | ResourceNotFoundException
  | UserPoolAddOnNotEnabledException
  | UserNotFoundException
  | FaultError

/**
 * @since 1.0.0
 * @category errors
 */
export type UpdateError = AdminUpdateError | NotAuthorizedException

/**
 * @since 1.0.0
 * @category errors
 */
export type ListError = AdminUpdateError

/**
 * The errors of `SetRiskConfiguration` and `DescribeRiskConfiguration`.
 *
 * @since 1.0.0
 * @category errors
 */
export type RiskConfigurationError =
  | InvalidParameterException
  | ResourceNotFoundException
  | UserPoolAddOnNotEnabledException
  | FaultError

/**
 * A risky sign-in the simulator cannot record (no such pool or user, threat protection `OFF`, a
 * bad field), or whose custom email sender failed (the event is recorded all the same, as Cognito
 * records it before it calls the trigger). `message` names the field, never a value.
 *
 * @since 1.0.0
 * @category errors
 */
export class RiskySignInError extends Schema.TaggedError<RiskySignInError>()("RiskySignInError", {
  message: Schema.String,
  cause: Schema.optional(Schema.Defect())
}) {}

/**
 * A simulated risky sign-in (see `riskySignIn`): the user by username, alias attribute or sub, the
 * risk level found, optionally the app client (whose risk configuration applies, else the pool's)
 * and what is known of the sign-in (what fills the email's placeholders).
 *
 * @since 1.0.0
 * @category models
 */
export type RiskySignIn = SimulationSeed.RiskySignIn

/**
 * What a risky sign-in did: the event recorded (as `AdminListUserAuthEvents` shows it), the action
 * taken, and the notification (`None`, the `Email` also put in the outbox, or the event handed to
 * the `CustomEmailSender`).
 *
 * @since 1.0.0
 * @category models
 */
export interface RiskySignInResult {
  readonly eventId: string
  readonly event: Simulation.AuthEvent
  readonly action: RiskNotification.EventAction
  readonly notified: Simulation.Notified
}

/**
 * A notification email in the outbox.
 *
 * @since 1.0.0
 * @category models
 */
export type OutboxMessage = RiskNotification.Message

/**
 * The `CustomEmailSender_AccountTakeOverNotification` event, as `@types/aws-lambda` declares it.
 *
 * @since 1.0.0
 * @category models
 */
export type TakeoverEvent = CustomEmailSender.TakeoverEvent

/**
 * A pool's custom email sender: what the test's Lambda would do with the event. While one is set,
 * notifications go to it instead of the outbox.
 *
 * @since 1.0.0
 * @category models
 */
export type CustomEmailSenderHandler = (event: TakeoverEvent) => Effect.Effect<void, unknown>

/**
 * What a second `UpdateAuthEventFeedback` with the same token gets (the service does not document
 * it): `accept` (the default) records the new value, `reject` answers `NotAuthorizedException`.
 *
 * @since 1.0.0
 * @category models
 */
export type TokenReuse = Simulation.TokenReuse

/**
 * The operations served: the protocol's (`Operations.served`).
 *
 * @since 1.0.0
 * @category models
 */
export type Operation = Simulation.OperationName

/**
 * One operation the simulator answered, for assertions such as "nothing was sent". Holds no
 * secret: `userPoolId` and `eventId` only when the input had valid ones, never a username or token.
 *
 * @since 1.0.0
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
 * @since 1.0.0
 * @category models
 */
export interface CallOptions {
  readonly requestId?: string | undefined
}

/**
 * A user as the simulator holds it.
 *
 * @since 1.0.0
 * @category models
 */
export interface SimulatedUser {
  readonly username: string
  readonly sub: string
  readonly attributes: Readonly<Record<string, string>>
}

/**
 * @since 1.0.0
 * @category models
 */
export interface Options {
  readonly seed?: SeedFile | undefined
  /** Default `accept`. */
  readonly tokenReuse?: TokenReuse | undefined
  /** The custom email sender of every pool (`setCustomEmailSender` sets one per pool). */
  readonly customEmailSender?: CustomEmailSenderHandler | undefined
}

/**
 * @since 1.0.0
 * @category tags
 */
export class CognitoSimulator extends Context.Service<CognitoSimulator, CognitoSimulator.Service>()(
  "@cognito-feedback/testkit/CognitoSimulator"
) {}

/**
 * @since 1.0.0
 */
export declare namespace CognitoSimulator {
  /**
   * @since 1.0.0
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

    /**
     * `SetRiskConfiguration`: the pool's (or, with `ClientId`, one app client's) risk configuration,
     * replaced whole, validated as the service model says.
     */
    readonly setRiskConfiguration: (
      input: unknown,
      options?: CallOptions
    ) => Effect.Effect<Simulation.Outputs["SetRiskConfiguration"], RiskConfigurationError>
    /** `DescribeRiskConfiguration`: the app client's configuration, else the pool's. */
    readonly describeRiskConfiguration: (
      input: unknown,
      options?: CallOptions
    ) => Effect.Effect<Simulation.Outputs["DescribeRiskConfiguration"], RiskConfigurationError>

    /**
     * A risky sign-in, as threat protection sees one: records a new `SignIn` event with a fresh
     * event id and feedback token bound to that user and event, responds as the risk
     * configuration's action for the level says (`AUDIT`: passes, tells nobody), and, when the
     * action notifies, puts the email from the pool's template in the outbox (to the user's
     * `email`) or hands the takeover event to the pool's custom email sender.
     */
    readonly riskySignIn: (signIn: RiskySignIn) => Effect.Effect<RiskySignInResult, RiskySignInError>
    /** The notification emails sent from templates, oldest first. */
    readonly outbox: Effect.Effect<ReadonlyArray<OutboxMessage>>
    /**
     * Sets (or, with `undefined`, removes) the custom email sender of one pool, or with no
     * `userPoolId` of every pool without its own.
     */
    readonly setCustomEmailSender: (
      handler: CustomEmailSenderHandler | undefined,
      options?: { readonly userPoolId?: string | undefined }
    ) => Effect.Effect<void>
    readonly setTokenReuse: (tokenReuse: TokenReuse) => Effect.Effect<void>

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
    readonly failNext: (n: number, error?: SimulationFaults.InjectedFailure) => Effect.Effect<void>
    /** Every call sleeps this long (on the `Clock`) before it is decided. */
    readonly setLatency: (latency: Duration.Input) => Effect.Effect<void>
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
// the binding over the protocol's state machine
// ---------------------------------------------------------------------------------------------

const toError = (failure: SimulationOutcome.Failure, requestId: string) =>
  makeServiceError(failure.code, { message: failure.message, requestId })

// the Effect edition also takes a `Redacted` for a sensitive member: it says so in its messages
const inputOptions: SimulationInput.Options = { sensitiveType: "a string or a Redacted string" }

const sensitive: ReadonlyMap<string, ReadonlyArray<string>> = new Map(
  Operations.served.map((operation) => [operation.name, ProtocolOperation.sensitiveMembers(operation)])
)

/** The input with its sensitive members unwrapped from `Redacted`: the protocol reads plain JSON values. */
const plain = (operation: Operation, input: unknown): unknown => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input
  const fields = input as Readonly<Record<string, unknown>>
  let copy: Record<string, unknown> | undefined
  for (const name of sensitive.get(operation) ?? []) {
    const value = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined
    if (Redacted.isRedacted(value)) (copy ??= { ...fields })[name] = Redacted.value(value)
  }
  return copy ?? input
}

// ---------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------

/**
 * A fresh simulator, optionally seeded (see `SimulatorSeed` for the format and defaults).
 *
 * @since 1.0.0
 * @category constructors
 */
export const make = (options?: Options): Effect.Effect<CognitoSimulator.Service, SeedError> =>
  Effect.gen(function*() {
    const stateRef = yield* Ref.make(Simulation.withTokenReuse(Simulation.empty, options?.tokenReuse ?? "accept"))
    // by pool id; the default of every pool under `undefined`
    const sendersRef = yield* Ref.make<ReadonlyMap<string | undefined, CustomEmailSenderHandler>>(
      options?.customEmailSender === undefined ? new Map() : new Map([[undefined, options.customEmailSender]])
    )
    const latencyRef = yield* Ref.make(Duration.zero)
    const callsRef = yield* Ref.make(Chunk.empty<Call>())

    /**
     * Latency, then the protocol's decision (faults, then the operation's own checks); every answer
     * is logged. The sleep comes first so that a caller's timeout interrupts the call before it
     * changes anything.
     */
    const serve = (operation: Operation, input: unknown, callOptions: CallOptions | undefined) =>
      Effect.gen(function*() {
        const latency = yield* Ref.get(latencyRef)
        if (Duration.isGreaterThan(latency, Duration.zero)) {
          yield* Effect.sleep(latency)
        }
        const requestId = callOptions?.requestId ?? (yield* uuidV4)
        const millis = yield* Clock.currentTimeMillis
        const outcome = yield* Ref.modify(stateRef, (state) => {
          const decision = Simulation.decide(state, operation, plain(operation, input), millis, inputOptions)
          return [decision.outcome, decision.state] as const
        })
        const call: Call = {
          operation,
          outcome: outcome._tag === "Success" ? "Success" : outcome.code,
          requestId,
          date: new Date(millis),
          ...SimulationInput.callLabels(input)
        }
        yield* Ref.update(callsRef, Chunk.append(call))
        return outcome._tag === "Success" ? outcome.output : yield* Effect.fail(toError(outcome, requestId))
      })

    // one method per operation served (`methodOf` has one per entry of `Operations.served`)
    const operations = Object.fromEntries(operationNames.map((operation) => {
      const method: Method & keyof CognitoSimulator.Service = methodOf[operation]
      return [
        method,
        Effect.fn(`CognitoSimulator.${method}`)(function*(input: unknown, callOptions?: CallOptions) {
          return yield* serve(operation, input, callOptions)
        })
      ]
    })) as unknown as Pick<CognitoSimulator.Service, Method>

    /**
     * One seeding step, all or nothing: the subs it needs drawn from `Random` and the time from
     * `Clock` first, so that the protocol's step is pure.
     */
    const seeding = <A>(
      part: keyof SimulationSeed.Parts,
      value: unknown,
      step: (
        state: Simulation.State,
        context: Simulation.SeedContext
      ) => Simulation.Seeded<readonly [A, Simulation.State]>
    ): Effect.Effect<A, SeedError> =>
      Effect.gen(function*() {
        const subs = yield* Effect.all(Array.from({ length: SimulationSeed.missingSubs(part, value) }, () => uuidV4))
        const now = new Date(yield* Clock.currentTimeMillis)
        const context: Simulation.SeedContext = { now, newSub: () => subs.shift() ?? "" }
        const seeded = yield* Ref.modify(stateRef, (state) => {
          const result = step(state, context)
          return [result, result._tag === "Ok" ? result.value[1] : state] as const
        })
        return seeded._tag === "Ok" ? seeded.value[0] : yield* Effect.fail(new SeedError({ message: seeded.message }))
      })

    const stateOnly = (
      seeded: Simulation.Seeded<Simulation.State>
    ): Simulation.Seeded<readonly [void, Simulation.State]> =>
      seeded._tag === "Ok" ? { _tag: "Ok", value: [undefined, seeded.value] } : seeded

    const updateFaults = (f: (faults: SimulationFaults.Faults) => SimulationFaults.Faults) =>
      Ref.update(stateRef, (state) => Simulation.withFaults(state, f))

    const riskySignIn = Effect.fn("CognitoSimulator.riskySignIn")(function*(signIn: RiskySignIn) {
      const senders = yield* Ref.get(sendersRef)
      const sender = senders.get(signIn.userPoolId) ?? senders.get(undefined)
      const now = new Date(yield* Clock.currentTimeMillis)
      const eventId = yield* uuidV4
      const feedbackToken = yield* mintFeedbackToken
      const signedIn = yield* Ref.modify(stateRef, (state) => {
        const result = Simulation.riskySignIn(state, signIn, {
          now,
          eventId,
          feedbackToken,
          customEmailSender: sender !== undefined
        })
        return [result, result._tag === "Ok" ? result.value.state : state] as const
      })
      if (signedIn._tag === "Err") return yield* new RiskySignInError({ message: signedIn.message })
      const { action, event, notified } = signedIn.value
      if (notified._tag === "CustomEmailSender" && sender !== undefined) {
        // the event stays recorded: Cognito records it before it calls the trigger
        yield* Effect.catchCause(
          sender(notified.event),
          (cause) => new RiskySignInError({ message: "the custom email sender failed", cause: Cause.squash(cause) })
        )
      }
      const result: RiskySignInResult = { eventId: event.EventId, event, action, notified }
      return result
    })

    const service: CognitoSimulator.Service = {
      ...operations,
      riskySignIn,
      outbox: Effect.map(Ref.get(stateRef), (state) => state.outbox),
      setCustomEmailSender: (handler, options) =>
        Ref.update(sendersRef, (senders) => {
          const next = new Map(senders)
          if (handler === undefined) next.delete(options?.userPoolId)
          else next.set(options?.userPoolId, handler)
          return next
        }),
      setTokenReuse: (tokenReuse) => Ref.update(stateRef, (state) => Simulation.withTokenReuse(state, tokenReuse)),
      seed: (seed) => seeding("file", seed, (state, context) => stateOnly(Simulation.seed(state, seed, context))),
      addUserPool: (pool) =>
        seeding("pool", pool, (state, context) => stateOnly(Simulation.addUserPool(state, pool, context))),
      addUser: (userPoolId, user) =>
        seeding("user", user, (state, context) => Simulation.addUser(state, userPoolId, user, context)),
      addAuthEvent: (userPoolId, usernameOrAliasOrSub, event) =>
        seeding(
          "event",
          event,
          (state, { now }) => stateOnly(Simulation.addAuthEvent(state, userPoolId, usernameOrAliasOrSub, event, now))
        ),
      throttleNext: (n) => updateFaults((faults) => SimulationFaults.throttleNext(faults, n)),
      throttleAbove: (ratePerSecond, burst) =>
        Effect.flatMap(
          Clock.currentTimeMillis,
          (now) => updateFaults((faults) => SimulationFaults.throttleAbove(faults, ratePerSecond, burst, now))
        ),
      failNext: (n, error) => updateFaults((faults) => SimulationFaults.failNext(faults, n, error)),
      setLatency: (latency) => Ref.set(latencyRef, Duration.fromInputUnsafe(latency)),
      clearFaults: Effect.andThen(updateFaults(() => SimulationFaults.none), Ref.set(latencyRef, Duration.zero)),
      feedbackOf: (userPoolId, usernameOrAliasOrSub, eventId) =>
        Effect.map(
          Ref.get(stateRef),
          (state) => Option.fromNullishOr(Simulation.feedbackOf(state, userPoolId, usernameOrAliasOrSub, eventId))
        ),
      userOf: (userPoolId, usernameOrAliasOrSub) =>
        Effect.map(
          Ref.get(stateRef),
          (state) => Option.fromNullishOr(Simulation.userOf(state, userPoolId, usernameOrAliasOrSub))
        ),
      calls: Effect.map(Ref.get(callsRef), Chunk.toReadonlyArray)
    }

    if (options?.seed !== undefined) {
      yield* service.seed(options.seed)
    }
    return service
  })

/**
 * @since 1.0.0
 * @category layers
 */
export const layer = (options?: Options): Layer.Layer<CognitoSimulator, SeedError> =>
  Layer.effect(CognitoSimulator, make(options))
