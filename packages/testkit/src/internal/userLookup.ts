/**
 * Finding a user by what `Username` may hold (a username, an alias attribute of the pool, or a
 * sub), and the inspections built on it.
 */
import * as Option from "effect/Option"
import type { SimulatedUser } from "../CognitoSimulator.js"
import type { EventFeedbackType } from "./adminSchemas.js"
import type { PoolState, State, UserState } from "./simulatorState.js"
import { toSimulatedUser } from "./simulatorState.js"

export interface Located {
  readonly pool: PoolState
  readonly userIndex: number
  readonly user: UserState
}

/**
 * Username first, then the values of the pool's alias attributes, then the sub: the order in which
 * Cognito documents what `Username` may hold. An attribute that is not one of the pool's alias
 * attributes never matches. (Simplifications: matching is case-sensitive, and an alias counts
 * whether or not it is verified.)
 */
const findUserIndex = (pool: PoolState, key: string): number => {
  const byUsername = pool.users.findIndex((user) => user.username === key)
  if (byUsername >= 0) return byUsername
  const byAlias = pool.users.findIndex((user) => pool.aliasAttributes.some((a) => user.attributes[a] === key))
  if (byAlias >= 0) return byAlias
  return pool.users.findIndex((user) => user.sub === key)
}

export const locateUser = (state: State, userPoolId: string, key: string): Option.Option<Located> =>
  Option.fromNullable(state.pools.get(userPoolId)).pipe(
    Option.flatMap((pool) => {
      const userIndex = findUserIndex(pool, key)
      const user = pool.users[userIndex]
      return user === undefined ? Option.none() : Option.some({ pool, userIndex, user })
    })
  )

export const userOf = (state: State, userPoolId: string, key: string): Option.Option<SimulatedUser> =>
  Option.map(locateUser(state, userPoolId, key), ({ user }) => toSimulatedUser(user))

/** None also when the pool, the user or the event is unknown. */
export const feedbackOf = (
  state: State,
  userPoolId: string,
  key: string,
  eventId: string
): Option.Option<EventFeedbackType> =>
  locateUser(state, userPoolId, key).pipe(
    Option.flatMap(({ user }) => Option.fromNullable(user.events.find((event) => event.eventId === eventId))),
    Option.flatMap((event) => Option.fromNullable(event.feedback))
  )
