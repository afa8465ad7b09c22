/**
 * The three operations, decided in the real service's order of checks: latency, faults,
 * parameters, pool, threat protection, user, then the event and its token (or the page token);
 * every answer is logged as a `Call`.
 */
import {
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException
} from "@cognito-feedback/core/CognitoError"
import type { ServiceErrorCode } from "@cognito-feedback/core/CognitoError"
import * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import * as SynchronizedRef from "effect/SynchronizedRef"
import type { Call, CallOptions, CognitoSimulator, FaultError, Operation } from "../CognitoSimulator.js"
import type * as Seed from "../SimulatorSeed.js"
import type { AdminListUserAuthEventsResponse, EventFeedbackType } from "./adminSchemas.js"
import { decodeAdminList, decodeAdminUpdate } from "./adminSchemas.js"
import * as Faults from "./faults.js"
import * as Pagination from "./pagination.js"
import type { EventState, State } from "./simulatorState.js"
import { compact, replaceAt, toAuthEventType, withPool } from "./simulatorState.js"
import type { Located } from "./userLookup.js"
import { locateUser } from "./userLookup.js"
import { uuidV4 } from "./uuid.js"

/** Where the simulator keeps what the operations read and change. */
export interface Refs {
  readonly state: SynchronizedRef.SynchronizedRef<State>
  readonly faults: Ref.Ref<Faults.Faults>
  readonly calls: Ref.Ref<Chunk.Chunk<Call>>
}

type LocateError = ResourceNotFoundException | UserPoolAddOnNotEnabledException | UserNotFoundException

type RecordOutcome<E> = Either.Either<UpdateAuthEventFeedback.UpdateAuthEventFeedbackResponse, LocateError | E>

/** A member of the raw input, if it is valid for `schema` (used to label calls without secrets). */
const validMember = (input: unknown, key: string, schema: Schema.Schema<string>): string | undefined =>
  Predicate.hasProperty(input, key)
    ? Option.getOrUndefined(Schema.decodeUnknownOption(schema)(input[key]))
    : undefined

/**
 * The checks after the parameters, in the order the API reference lists the causes: the pool
 * (`ResourceNotFoundException`), its threat protection (`UserPoolAddOnNotEnabledException`), the
 * user (`UserNotFoundException`). The docs do not say which comes first when several are wrong;
 * this order goes from the outside in, as Cognito's other user operations do.
 */
const locate = (
  state: State,
  userPoolId: string,
  username: string,
  requestId: string
): Either.Either<Located, LocateError> => {
  const pool = state.pools.get(userPoolId)
  if (pool === undefined) {
    return Either.left(
      new ResourceNotFoundException({ message: `User pool ${userPoolId} does not exist.`, requestId })
    )
  }
  if (pool.advancedSecurityMode === "OFF") {
    return Either.left(
      new UserPoolAddOnNotEnabledException({
        message: "Threat protection (advanced security) is not enabled for this user pool.",
        requestId
      })
    )
  }
  return Either.fromOption(
    locateUser(state, userPoolId, username),
    () => new UserNotFoundException({ message: "User does not exist.", requestId })
  )
}

/** The operations of the service, over the simulator's state, faults and call log. */
export const make = (
  refs: Refs
): Pick<
  CognitoSimulator.Service,
  "updateAuthEventFeedback" | "adminUpdateAuthEventFeedback" | "adminListUserAuthEvents"
> => {
  /**
   * Latency, then faults, then the operation's own checks; every answer is logged. The sleep
   * comes first so that a caller's timeout interrupts the call before it changes anything.
   */
  const serve = <A, E extends { readonly _tag: ServiceErrorCode }>(
    operation: Operation,
    input: unknown,
    options: CallOptions | undefined,
    handle: (requestId: string, date: Date) => Effect.Effect<A, E>
  ): Effect.Effect<A, E | FaultError> =>
    Effect.gen(function*() {
      const { latency } = yield* Ref.get(refs.faults)
      if (Duration.greaterThan(latency, Duration.zero)) {
        yield* Effect.sleep(latency)
      }
      const requestId = options?.requestId ?? (yield* uuidV4)
      const millis = yield* Clock.currentTimeMillis
      const fault = yield* Ref.modify(refs.faults, (faults) => Faults.take(faults, millis, requestId))
      const result: Either.Either<A, E | FaultError> = Option.isSome(fault)
        ? Either.left(fault.value)
        : yield* Effect.either(handle(requestId, new Date(millis)))
      const call: Call = compact({
        operation,
        outcome: Either.isRight(result) ? "Success" : result.left._tag,
        requestId,
        date: new Date(millis),
        userPoolId: validMember(input, "UserPoolId", UpdateAuthEventFeedback.UserPoolId),
        eventId: validMember(input, "EventId", UpdateAuthEventFeedback.EventId)
      })
      yield* Ref.update(refs.calls, Chunk.append(call))
      return yield* result
    })

  /**
   * Finds the event, then lets `authorize` refuse (the token check). An unknown event is
   * `ResourceNotFoundException` (the API reference: "the user pool (or event) does not exist");
   * it is decided before the token, since a token can only be wrong for an event that exists.
   */
  const recordFeedback = <E>(
    request: {
      readonly UserPoolId: string
      readonly Username: Redacted.Redacted<string>
      readonly EventId: string
      readonly FeedbackValue: UpdateAuthEventFeedback.FeedbackValue
    },
    authorize: (event: EventState) => Option.Option<E>,
    provider: Seed.FeedbackProvider,
    requestId: string,
    date: Date
  ): Effect.Effect<UpdateAuthEventFeedback.UpdateAuthEventFeedbackResponse, LocateError | E> =>
    Effect.flatten(SynchronizedRef.modify(refs.state, (state): readonly [RecordOutcome<E>, State] => {
      const located = locate(state, request.UserPoolId, Redacted.value(request.Username), requestId)
      if (Either.isLeft(located)) {
        return [Either.left(located.left), state]
      }
      const { pool, user, userIndex } = located.right
      const eventIndex = user.events.findIndex((event) => event.eventId === request.EventId)
      const event = user.events[eventIndex]
      if (event === undefined) {
        return [Either.left(new ResourceNotFoundException({ message: "Auth event not found.", requestId })), state]
      }
      const refusal = authorize(event)
      if (Option.isSome(refusal)) {
        return [Either.left(refusal.value), state]
      }
      // a later call replaces earlier feedback, as a user may change their mind
      const feedback: EventFeedbackType = {
        FeedbackValue: request.FeedbackValue,
        Provider: provider,
        FeedbackDate: date
      }
      const users = replaceAt(pool.users, userIndex, (u) => ({
        ...u,
        events: replaceAt(u.events, eventIndex, (e) => ({ ...e, feedback }))
      }))
      return [Either.right({}), withPool(state, { ...pool, users })]
    }))

  return {
    updateAuthEventFeedback: Effect.fn("CognitoSimulator.updateAuthEventFeedback")(function*(
      input: unknown,
      options?: CallOptions
    ) {
      return yield* serve(
        "UpdateAuthEventFeedback",
        input,
        options,
        (requestId, date) =>
          UpdateAuthEventFeedback.decodeRequest(input).pipe(
            Effect.mapError((error) => new InvalidParameterException({ message: error.message, requestId })),
            Effect.flatMap((request) =>
              recordFeedback(
                request,
                (event) =>
                  Redacted.value(request.FeedbackToken) === event.feedbackToken
                    ? Option.none()
                    : Option.some(new NotAuthorizedException({ message: "Invalid feedback token.", requestId })),
                "User",
                requestId,
                date
              )
            )
          )
      )
    }),

    adminUpdateAuthEventFeedback: Effect.fn("CognitoSimulator.adminUpdateAuthEventFeedback")(
      function*(input: unknown, options?: CallOptions) {
        return yield* serve("AdminUpdateAuthEventFeedback", input, options, (requestId, date) =>
          Effect.flatMap(
            decodeAdminUpdate(input, requestId),
            (request) => recordFeedback(request, () => Option.none<never>(), "Admin", requestId, date)
          ))
      }
    ),

    adminListUserAuthEvents: Effect.fn("CognitoSimulator.adminListUserAuthEvents")(function*(
      input: unknown,
      options?: CallOptions
    ) {
      return yield* serve("AdminListUserAuthEvents", input, options, (requestId) =>
        Effect.gen(function*() {
          const request = yield* decodeAdminList(input, requestId)
          const state = yield* SynchronizedRef.get(refs.state)
          const { user } = yield* locate(state, request.UserPoolId, Redacted.value(request.Username), requestId)
          // the token is checked last: whether it is valid depends on the pool and user it names
          const after = request.NextToken === undefined
            ? Option.none<Pagination.PageKey>()
            : Option.some(
              yield* Either.fromOption(
                Pagination.decodeToken(request.NextToken, request.UserPoolId, user.sub),
                () =>
                  new InvalidParameterException({ message: "NextToken: is not a valid pagination token", requestId })
              )
            )
          const { events, next } = Pagination.page(user.events, after, Pagination.pageSize(request.MaxResults))
          const response: AdminListUserAuthEventsResponse = { AuthEvents: events.map(toAuthEventType) }
          return Option.match(next, {
            onNone: () => response,
            onSome: (key) => ({ ...response, NextToken: Pagination.encodeToken(request.UserPoolId, user.sub, key) })
          })
        }))
    })
  }
}
