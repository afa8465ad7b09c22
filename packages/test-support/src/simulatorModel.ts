/**
 * The world both editions' `CognitoSimulator` suites run in, and the model their properties hold
 * the simulator to: a seed, the requests made against it, fast-check generators of commands, and
 * what the service must answer to each, from the seed alone. Effect-free; each edition's suite is
 * a thin runner over it.
 */
import type * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"
import * as fc from "fast-check"

export const poolId = "us-east-1_Test1"
export const offPoolId = "us-east-1_Off1"
export const aliceSub = "0f8fad5b-d9cb-469f-a165-70867728950e"

export const world = {
  userPools: [
    {
      id: poolId,
      aliasAttributes: ["email"],
      users: [
        {
          username: "alice",
          sub: aliceSub,
          // phone_number is not an alias attribute of this pool: it must never match
          attributes: { email: "alice@example.com", phone_number: "+15550100" },
          authEvents: [
            { eventId: "evt-1", feedbackToken: "tok.alice-1" },
            { eventId: "evt-2", feedbackToken: "tok.alice-2" }
          ]
        },
        {
          username: "bob",
          attributes: { email: "bob@example.com" },
          authEvents: [{ eventId: "evt-b", feedbackToken: "tok.bob-1" }]
        }
      ]
    },
    {
      id: offPoolId,
      advancedSecurityMode: "OFF",
      users: [{ username: "carol", authEvents: [{ eventId: "evt-c", feedbackToken: "tok.carol-1" }] }]
    }
  ]
} as const satisfies SimulationSeed.SeedFile

/** Every (pool, user, event) of `world`, to check that a failed call recorded nothing anywhere. */
export const worldEvents = [
  [poolId, "alice", "evt-1"],
  [poolId, "alice", "evt-2"],
  [poolId, "bob", "evt-b"],
  [offPoolId, "carol", "evt-c"]
] as const

export const request = {
  UserPoolId: poolId,
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: "tok.alice-1",
  FeedbackValue: "Invalid"
} as const

export const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

// ---------------------------------------------------------------------------------------------
// the model of the feedback operations over `world`
// ---------------------------------------------------------------------------------------------

export const users = {
  alice: {
    keys: ["alice", "alice@example.com", aliceSub],
    events: { "evt-1": "tok.alice-1", "evt-2": "tok.alice-2" }
  },
  bob: { keys: ["bob", "bob@example.com"], events: { "evt-b": "tok.bob-1" } }
} as const

export type Owner = keyof typeof users

/** The user a username, alias or sub names in `world`'s first pool. */
export const owner = (key: string): Owner | undefined =>
  (Object.keys(users) as Array<Owner>).find((name) => (users[name].keys as ReadonlyArray<string>).includes(key))

export const tokenOf = (name: Owner, eventId: string): string | undefined =>
  Object.entries(users[name].events).find(([id]) => id === eventId)?.[1]

/** One call: admin or not, which pool, user and event, with the right token or not, and the value. */
export const command = fc.record({
  admin: fc.boolean(),
  pool: fc.constantFrom(poolId, poolId, poolId, offPoolId, "us-east-1_Nope1", "not a pool"),
  username: fc.constantFrom(
    "alice",
    "alice@example.com",
    aliceSub,
    "bob",
    "bob@example.com",
    "+15550100",
    "nobody"
  ),
  eventId: fc.constantFrom("evt-1", "evt-2", "evt-b", "evt-x"),
  rightToken: fc.boolean(),
  value: fc.constantFrom("Valid" as const, "Invalid" as const)
})

export type Command = typeof command extends fc.Arbitrary<infer A> ? A : never

export const commands = fc.array(command, { maxLength: 40 })

/** The model: what the service must answer, from the seed alone. */
export const expected = (c: Command): string => {
  if (c.pool === "not a pool") return "InvalidParameterException"
  if (c.pool !== poolId && c.pool !== offPoolId) return "ResourceNotFoundException"
  if (c.pool === offPoolId) return "UserPoolAddOnNotEnabledException"
  const name = owner(c.username)
  if (name === undefined) return "UserNotFoundException"
  const token = tokenOf(name, c.eventId)
  if (token === undefined) return "ResourceNotFoundException"
  if (!c.admin && !c.rightToken) return "NotAuthorizedException"
  return "Success"
}

/** The operation and input a command makes. */
export const callOf = (c: Command): {
  readonly admin: boolean
  readonly input: Readonly<Record<string, string>>
} => {
  const name = owner(c.username)
  const token = (name === undefined ? undefined : tokenOf(name, c.eventId)) ?? "tok.unknown"
  const input = { UserPoolId: c.pool, Username: c.username, EventId: c.eventId, FeedbackValue: c.value }
  return c.admin
    ? { admin: true, input }
    : { admin: false, input: { ...input, FeedbackToken: c.rightToken ? token : "tok.wrong" } }
}

/**
 * Runs the model over `commands`, given each call's outcome (`"Success"` or the error's tag):
 * checks each against `expected` and returns the value each event must hold at the end
 * (keyed `user/eventId`), or the first mismatch.
 */
export const lastValues = (
  commands: ReadonlyArray<Command>,
  outcomes: ReadonlyArray<string>
): { readonly last: ReadonlyMap<string, string>; readonly mismatch?: string | undefined } => {
  const last = new Map<string, string>()
  for (const [i, c] of commands.entries()) {
    const outcome = outcomes[i]
    if (outcome !== expected(c)) {
      return { last, mismatch: `command ${i} (${JSON.stringify(c)}): ${outcome} instead of ${expected(c)}` }
    }
    const name = owner(c.username)
    if (outcome === "Success" && name !== undefined) last.set(`${name}/${c.eventId}`, c.value)
  }
  return { last }
}

// ---------------------------------------------------------------------------------------------
// pagination and concurrency
// ---------------------------------------------------------------------------------------------

export const paginationCase = fc.record({
  seconds: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 150 }),
  maxResults: fc.integer({ min: 1, max: 60 })
})

/** One user, `dave`, with an event `e<i>` created at each of `seconds`. */
export const paginationSeed = (seconds: ReadonlyArray<number>) => ({
  userPools: [{
    id: poolId,
    users: [{
      username: "dave",
      authEvents: seconds.map((s, i) => ({
        eventId: `e${i}`,
        feedbackToken: "t",
        creationDate: new Date(s * 1000)
      }))
    }]
  }]
})

/** The event ids in the order they must be listed: newest first, ties in reverse order of insertion. */
export const newestFirst = (seconds: ReadonlyArray<number>): ReadonlyArray<string> =>
  seconds
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s - a.s || b.i - a.i)
    .map(({ i }) => `e${i}`)

export const concurrentValues = fc.array(
  fc.record({ admin: fc.boolean(), value: fc.constantFrom("Valid" as const, "Invalid" as const) }),
  { minLength: 1, maxLength: 80 }
)

/** One user, `dave`, with an event `e<i>` (token `t<i>`) per value. */
export const concurrencySeed = (count: number) => ({
  userPools: [{
    id: poolId,
    users: [{
      username: "dave",
      authEvents: Array.from({ length: count }, (_, i) => ({ eventId: `e${i}`, feedbackToken: `t${i}` }))
    }]
  }]
})
