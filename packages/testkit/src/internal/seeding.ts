/**
 * Seeding: pools, users and events added to the state, each step all-or-nothing, refused when
 * it clashes with what is already there (the clash rules of `SimulatorSeed`).
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as SynchronizedRef from "effect/SynchronizedRef"
import type { CognitoSimulator, SimulatedUser } from "../CognitoSimulator.js"
import * as Seed from "../SimulatorSeed.js"
import type { SeedError } from "../SimulatorSeed.js"
import type { State, UserState } from "./simulatorState.js"
import { replaceAt, toEventState, toSimulatedUser, withPool } from "./simulatorState.js"
import { locateUser } from "./userLookup.js"
import { uuidV4 } from "./uuid.js"

const now = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis))

const validateSeedFile = Seed.validateWith(Seed.SeedFile)
const validatePool = Seed.validateWith(Seed.SeedUserPool)
const validateUser = Seed.validateWith(Seed.SeedUser)
const validateEvent = Seed.validateWith(Seed.SeedAuthEvent)

const insertUser = (
  state: State,
  userPoolId: string,
  user: Seed.SeedUser,
  path: ReadonlyArray<PropertyKey>,
  date: Date
): Effect.Effect<readonly [SimulatedUser, State], SeedError> =>
  Effect.gen(function*() {
    const pool = state.pools.get(userPoolId)
    if (pool === undefined) return yield* Seed.seedError([], "no user pool has this id")
    const conflict = Seed.userConflict(pool.users, pool.aliasAttributes, user)
    if (Option.isSome(conflict)) {
      return yield* Seed.seedError([...path, ...conflict.value.path], conflict.value.message)
    }
    const sub = user.sub ?? (yield* uuidV4)
    const events = (user.authEvents ?? []).map((event, i) => toEventState(event, state.nextSeq + i, date))
    const added: UserState = { username: user.username, sub, attributes: user.attributes ?? {}, events }
    const next = withPool(
      { ...state, nextSeq: state.nextSeq + events.length },
      { ...pool, users: [...pool.users, added] }
    )
    return [toSimulatedUser(added), next] as const
  })

const insertPool = (
  state: State,
  pool: Seed.SeedUserPool,
  path: ReadonlyArray<PropertyKey>,
  date: Date
): Effect.Effect<State, SeedError> =>
  Effect.gen(function*() {
    if (state.pools.has(pool.id)) return yield* Seed.seedError([...path, "id"], "a user pool with this id exists")
    let next = withPool(state, {
      id: pool.id,
      advancedSecurityMode: pool.advancedSecurityMode ?? Seed.defaults.advancedSecurityMode,
      aliasAttributes: pool.aliasAttributes ?? [],
      users: []
    })
    for (const [i, user] of (pool.users ?? []).entries()) {
      next = (yield* insertUser(next, pool.id, user, [...path, "users", i], date))[1]
    }
    return next
  })

const insertEvent = (
  state: State,
  userPoolId: string,
  usernameOrAliasOrSub: string,
  event: Seed.SeedAuthEvent
): Effect.Effect<State, SeedError> =>
  Effect.gen(function*() {
    if (!state.pools.has(userPoolId)) {
      return yield* Seed.seedError([], "no user pool has this id")
    }
    const located = locateUser(state, userPoolId, usernameOrAliasOrSub)
    if (Option.isNone(located)) {
      return yield* Seed.seedError([], "no user of this pool matches")
    }
    const { pool, user, userIndex } = located.value
    const conflict = Seed.eventConflict(user.events, event)
    if (Option.isSome(conflict)) {
      return yield* Seed.seedError(conflict.value.path, conflict.value.message)
    }
    const added = toEventState(event, state.nextSeq, yield* now)
    return withPool(
      { ...state, nextSeq: state.nextSeq + 1 },
      { ...pool, users: replaceAt(pool.users, userIndex, (u) => ({ ...u, events: [...u.events, added] })) }
    )
  })

/** The seeding half of the service, over the simulator's state. */
export const make = (
  stateRef: SynchronizedRef.SynchronizedRef<State>
): Pick<CognitoSimulator.Service, "seed" | "addUserPool" | "addUser" | "addAuthEvent"> => ({
  // all-or-nothing: when a step fails, `updateEffect` keeps the state as it was
  seed: (seedFile) =>
    Effect.flatMap(
      validateSeedFile(seedFile),
      (valid) =>
        SynchronizedRef.updateEffect(stateRef, (state) =>
          Effect.gen(function*() {
            const date = yield* now
            let next = state
            for (const [i, pool] of (valid.userPools ?? []).entries()) {
              next = yield* insertPool(next, pool, ["userPools", i], date)
            }
            return next
          }))
    ),
  addUserPool: (pool) =>
    Effect.flatMap(
      validatePool(pool),
      (valid) =>
        SynchronizedRef.updateEffect(stateRef, (state) =>
          Effect.flatMap(now, (date) => insertPool(state, valid, [], date)))
    ),
  addUser: (userPoolId, user) =>
    Effect.flatMap(validateUser(user), (valid) =>
      SynchronizedRef.modifyEffect(
        stateRef,
        (state) => Effect.flatMap(now, (date) => insertUser(state, userPoolId, valid, [], date))
      )),
  addAuthEvent: (userPoolId, usernameOrAliasOrSub, event) =>
    Effect.flatMap(
      validateEvent(event),
      (valid) =>
        SynchronizedRef.updateEffect(stateRef, (state) => insertEvent(state, userPoolId, usernameOrAliasOrSub, valid))
    )
})
