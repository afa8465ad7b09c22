/**
 * The simulator's decisions, with expectations written from the API reference and the facts
 * sheet (the order of checks, which exception each case gives, the live service's "Rate
 * exceeded") and as literals, never read back from the code under test; and a model-based
 * property: over random call sequences, each outcome and the feedback left on each event are those
 * a small independent model of the documented rules predicts.
 */
import { describe, expect, it } from "vitest"
import * as Simulation from "../src/Simulation.js"
import * as SimulationFaults from "../src/SimulationFaults.js"
import type * as SimulationSeed from "../src/SimulationSeed.js"

const poolId = "us-east-1_Test1"
const offPoolId = "us-east-1_Off1"
const aliceSub = "0f8fad5b-d9cb-469f-a165-70867728950e"
const t0 = Date.UTC(2026, 10, 5, 10, 0, 0)

const world: SimulationSeed.SeedFile = {
  userPools: [
    {
      id: poolId,
      aliasAttributes: ["email"],
      users: [
        {
          username: "alice",
          sub: aliceSub,
          // not an alias attribute of this pool: it must never match
          attributes: { email: "alice@example.com", phone_number: "+15550100" },
          authEvents: [
            { eventId: "evt-1", feedbackToken: "tok.alice-1", creationDate: new Date(Date.UTC(2026, 10, 1)) },
            { eventId: "evt-2", feedbackToken: "tok.alice-2", creationDate: new Date(Date.UTC(2026, 10, 2)) }
          ]
        },
        { username: "bob", sub: "sub-bob", authEvents: [{ eventId: "evt-b", feedbackToken: "tok.bob-1" }] }
      ]
    },
    { id: offPoolId, advancedSecurityMode: "OFF", users: [{ username: "carol", sub: "sub-carol" }] }
  ]
}

const seeded = (seed: SimulationSeed.SeedFile = world): Simulation.State => {
  const result = Simulation.seed(Simulation.empty, seed, { now: new Date(t0), newSub: () => "minted-sub" })
  if (result._tag === "Err") throw new Error(result.message)
  return result.value
}

const update = {
  UserPoolId: poolId,
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: "tok.alice-1",
  FeedbackValue: "Invalid"
} as const

const outcomeOf = (decision: Simulation.Decision) =>
  decision.outcome._tag === "Success" ? "Success" : [decision.outcome.code, decision.outcome.message]

describe("Simulation.decide: UpdateAuthEventFeedback in the service's order of checks", () => {
  const cases: ReadonlyArray<readonly [string, Record<string, unknown>, unknown]> = [
    [
      "invalid parameters first, even for an unknown pool",
      { ...update, UserPoolId: "no pool", FeedbackValue: "Maybe" },
      [
        "InvalidParameterException",
        "UserPoolId: must match ^[\\w-]+_[0-9a-zA-Z]+$; FeedbackValue: must be \"Valid\" or \"Invalid\""
      ]
    ],
    [
      "then an unknown pool",
      { ...update, UserPoolId: "us-east-1_Nope1", Username: "nobody" },
      ["ResourceNotFoundException", "User pool us-east-1_Nope1 does not exist."]
    ],
    [
      "then threat protection off, even for an unknown user",
      { ...update, UserPoolId: offPoolId, Username: "nobody" },
      ["UserPoolAddOnNotEnabledException", "Threat protection (advanced security) is not enabled for this user pool."]
    ],
    [
      "then an unknown user, even for an unknown event",
      { ...update, Username: "nobody", EventId: "evt-x" },
      ["UserNotFoundException", "User does not exist."]
    ],
    [
      "an attribute that is not an alias attribute of the pool finds no one",
      { ...update, Username: "+15550100" },
      ["UserNotFoundException", "User does not exist."]
    ],
    [
      "then an unknown event, even with a wrong token",
      { ...update, EventId: "evt-x", FeedbackToken: "wrong" },
      ["ResourceNotFoundException", "Auth event not found."]
    ],
    [
      "another user's event is not found, even with its own token",
      { ...update, EventId: "evt-b", FeedbackToken: "tok.bob-1" },
      ["ResourceNotFoundException", "Auth event not found."]
    ],
    [
      "then a wrong token",
      { ...update, FeedbackToken: "tok.alice-2" },
      ["NotAuthorizedException", "Invalid feedback token."]
    ],
    ["otherwise success, by username", update, "Success"],
    ["by alias attribute", { ...update, Username: "alice@example.com" }, "Success"],
    ["by sub", { ...update, Username: aliceSub }, "Success"]
  ]
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const state = seeded()
      const decision = Simulation.decide(state, "UpdateAuthEventFeedback", input, t0)
      expect(outcomeOf(decision)).toEqual(expected)
      if (expected !== "Success") expect(decision.state).toBe(state)
    })
  }

  it("records the feedback with Provider User and the call's date, replacing any earlier", () => {
    const first = Simulation.decide(seeded(), "UpdateAuthEventFeedback", { ...update, FeedbackValue: "Valid" }, t0)
    expect(Simulation.feedbackOf(first.state, poolId, "alice", "evt-1")).toEqual({
      FeedbackValue: "Valid",
      Provider: "User",
      FeedbackDate: new Date(t0)
    })
    const second = Simulation.decide(first.state, "UpdateAuthEventFeedback", update, t0 + 300_000)
    expect(Simulation.feedbackOf(second.state, poolId, aliceSub, "evt-1")).toEqual({
      FeedbackValue: "Invalid",
      Provider: "User",
      FeedbackDate: new Date(t0 + 300_000)
    })
    expect(Simulation.feedbackOf(second.state, poolId, "alice", "evt-2")).toBeUndefined()
  })

  it("messages name members and rules, never a username or a token", () => {
    for (
      const input of [
        { ...update, Username: "secret user" },
        { ...update, FeedbackToken: "secret token!" },
        { ...update, Username: "secret-user" },
        { ...update, FeedbackToken: "secret.token" }
      ]
    ) {
      const decision = Simulation.decide(seeded(), "UpdateAuthEventFeedback", input, t0)
      expect(JSON.stringify(decision.outcome)).not.toContain("secret")
    }
  })

  it("input that is not an object, or misses members", () => {
    expect(outcomeOf(Simulation.decide(seeded(), "UpdateAuthEventFeedback", "text", t0))).toEqual([
      "InvalidParameterException",
      "request must be an object"
    ])
    expect(outcomeOf(Simulation.decide(seeded(), "UpdateAuthEventFeedback", [], t0))).toEqual([
      "InvalidParameterException",
      "request must be an object"
    ])
    const { FeedbackToken: _, Username: __, ...rest } = update
    expect(outcomeOf(Simulation.decide(seeded(), "UpdateAuthEventFeedback", rest, t0))).toEqual([
      "InvalidParameterException",
      "Username: is required; FeedbackToken: is required"
    ])
  })
})

describe("Simulation.decide: AdminUpdateAuthEventFeedback", () => {
  const admin = { UserPoolId: poolId, Username: "bob", EventId: "evt-b", FeedbackValue: "Valid" }

  it("needs no token, records Provider Admin", () => {
    const decision = Simulation.decide(seeded(), "AdminUpdateAuthEventFeedback", admin, t0)
    expect(decision.outcome).toEqual({ _tag: "Success", output: {} })
    expect(Simulation.feedbackOf(decision.state, poolId, "sub-bob", "evt-b")).toEqual({
      FeedbackValue: "Valid",
      Provider: "Admin",
      FeedbackDate: new Date(t0)
    })
  })

  it("makes the same checks, the token aside", () => {
    const cases = [
      [{ ...admin, EventId: "bad id!" }, ["InvalidParameterException", "EventId: must match ^[\\w+-]+$"]],
      [{ UserPoolId: poolId, EventId: "evt-b", FeedbackValue: "Valid" }, [
        "InvalidParameterException",
        "Username: is required"
      ]],
      [{ ...admin, UserPoolId: "us-east-1_Nope1" }, [
        "ResourceNotFoundException",
        "User pool us-east-1_Nope1 does not exist."
      ]],
      [{ ...admin, UserPoolId: offPoolId }, [
        "UserPoolAddOnNotEnabledException",
        "Threat protection (advanced security) is not enabled for this user pool."
      ]],
      [{ ...admin, Username: "+15550100" }, ["UserNotFoundException", "User does not exist."]],
      [{ ...admin, Username: "alice" }, ["ResourceNotFoundException", "Auth event not found."]],
      // a token is not one of its members: ignored, as the service ignores unknown members
      [{ ...admin, FeedbackToken: "anything at all" }, "Success"]
    ] as const
    for (const [input, expected] of cases) {
      expect(outcomeOf(Simulation.decide(seeded(), "AdminUpdateAuthEventFeedback", input, t0))).toEqual(expected)
    }
  })
})

describe("Simulation.decide: AdminListUserAuthEvents", () => {
  const events = (count: number): SimulationSeed.SeedFile => ({
    userPools: [{
      id: poolId,
      users: [
        {
          username: "dave",
          sub: "sub-dave",
          authEvents: Array.from({ length: count }, (_, i) => ({
            eventId: `e${i}`,
            feedbackToken: `t${i}`,
            creationDate: new Date(Date.UTC(2026, 0, 1) + i * 1000)
          }))
        },
        { username: "erin", sub: "sub-erin", authEvents: [{ eventId: "x", feedbackToken: "y" }] }
      ]
    }]
  })
  const list = { UserPoolId: poolId, Username: "dave" }
  const listed = (state: Simulation.State, input: unknown) => {
    const { outcome } = Simulation.decide(state, "AdminListUserAuthEvents", input, t0)
    if (outcome._tag === "Failure") throw new Error(outcome.message)
    return outcome.output
  }

  it("lists newest first with the seed's defaults filled in, and no NextToken when all fit", () => {
    const state = seeded({
      userPools: [{
        id: poolId,
        users: [{ username: "u", sub: "s", authEvents: [{ eventId: "e", feedbackToken: "t" }] }]
      }]
    })
    expect(listed(state, { UserPoolId: poolId, Username: "u" })).toEqual({
      AuthEvents: [{
        EventId: "e",
        EventType: "SignIn",
        CreationDate: new Date(t0),
        EventResponse: "Pass",
        EventRisk: { RiskDecision: "NoRisk", RiskLevel: "Low", CompromisedCredentialsDetected: false },
        ChallengeResponses: []
      }]
    })
  })

  it("MaxResults 0 or absent means 60, 60 is allowed; 61, -1, 1.5 and a string are invalid", () => {
    const state = seeded(events(70))
    for (const MaxResults of [0, undefined, 60]) {
      const page = listed(state, { ...list, MaxResults })
      expect(page.AuthEvents).toHaveLength(60)
      expect(typeof page.NextToken).toBe("string")
    }
    for (
      const [MaxResults, message] of [
        [61, "MaxResults: must be an integer from 0 to 60"],
        [-1, "MaxResults: must be an integer from 0 to 60"],
        [1.5, "MaxResults: must be an integer from 0 to 60"],
        ["10", "MaxResults: must be a number"]
      ] as const
    ) {
      expect(outcomeOf(Simulation.decide(state, "AdminListUserAuthEvents", { ...list, MaxResults }, t0))).toEqual([
        "InvalidParameterException",
        message
      ])
    }
  })

  it("pages with NextToken, bound to the pool and the user, not to the name used", () => {
    const state = seeded(events(5))
    const first = listed(state, { ...list, MaxResults: 2 })
    expect(first.AuthEvents.map((e) => e.EventId)).toEqual(["e4", "e3"])
    const second = listed(state, { ...list, MaxResults: 2, NextToken: first.NextToken })
    expect(second.AuthEvents.map((e) => e.EventId)).toEqual(["e2", "e1"])
    const third = listed(state, {
      UserPoolId: poolId,
      Username: "sub-dave",
      MaxResults: 2,
      NextToken: second.NextToken
    })
    expect(third).toEqual({ AuthEvents: [expect.objectContaining({ EventId: "e0" })] })
    // another user's listing refuses it, after the user is found
    expect(
      outcomeOf(
        Simulation.decide(
          state,
          "AdminListUserAuthEvents",
          { ...list, Username: "erin", NextToken: first.NextToken },
          t0
        )
      )
    ).toEqual(["InvalidParameterException", "NextToken: is not a valid pagination token"])
    expect(
      outcomeOf(
        Simulation.decide(state, "AdminListUserAuthEvents", { ...list, Username: "nobody", NextToken: "x" }, t0)
      )
    ).toEqual(["UserNotFoundException", "User does not exist."])
    for (const bad of ["garbage", "x", `${first.NextToken}x`]) {
      expect(outcomeOf(Simulation.decide(state, "AdminListUserAuthEvents", { ...list, NextToken: bad }, t0))).toEqual([
        "InvalidParameterException",
        "NextToken: is not a valid pagination token"
      ])
    }
    expect(outcomeOf(Simulation.decide(state, "AdminListUserAuthEvents", { ...list, NextToken: " " }, t0))).toEqual([
      "InvalidParameterException",
      "NextToken: must match ^\\S+$"
    ])
  })

  it("wireOutput writes dates as epoch seconds with fractions, the rest as is", () => {
    const state = seeded({
      userPools: [{
        id: poolId,
        users: [{
          username: "u",
          sub: "s",
          authEvents: [{
            eventId: "e",
            feedbackToken: "t",
            creationDate: new Date("2026-11-01T10:00:00.500Z"),
            feedback: { feedbackValue: "Valid", provider: "Admin", feedbackDate: new Date("2026-11-02T00:00:00Z") },
            eventContextData: { city: "Lyon" }
          }]
        }]
      }]
    })
    expect(Simulation.wireOutput(listed(state, { UserPoolId: poolId, Username: "u" }))).toEqual({
      AuthEvents: [{
        EventId: "e",
        EventType: "SignIn",
        CreationDate: 1793527200.5,
        EventResponse: "Pass",
        EventRisk: { RiskDecision: "NoRisk", RiskLevel: "Low", CompromisedCredentialsDetected: false },
        ChallengeResponses: [],
        EventContextData: { City: "Lyon" },
        EventFeedback: { FeedbackValue: "Valid", Provider: "Admin", FeedbackDate: 1793577600 }
      }]
    })
  })
})

describe("Simulation.decide: faults before any other check", () => {
  it("throttling, then injected failures, then normal service; the state's faults count down", () => {
    let state = Simulation.withFaults(seeded(), (faults) => SimulationFaults.throttleNext(faults, 1))
    state = Simulation.withFaults(state, (faults) => SimulationFaults.failNext(faults, 1))
    const outcomes: Array<unknown> = []
    for (const input of [{ invalid: true }, update, update]) {
      const decision = Simulation.decide(state, "UpdateAuthEventFeedback", input, t0)
      outcomes.push(outcomeOf(decision))
      state = decision.state
    }
    expect(outcomes).toEqual([
      ["TooManyRequestsException", "Rate exceeded"],
      ["InternalErrorException", "An internal error occurred."],
      "Success"
    ])
    expect(Simulation.feedbackOf(state, poolId, "alice", "evt-1")?.FeedbackValue).toBe("Invalid")
  })
})

describe("Simulation seeding", () => {
  const context = { now: new Date(t0), newSub: () => "minted" }

  it("fills in the defaults and mints missing subs", () => {
    const result = Simulation.addUserPool(Simulation.empty, { id: poolId, users: [{ username: "u" }] }, context)
    if (result._tag === "Err") throw new Error(result.message)
    expect(Simulation.userOf(result.value, poolId, "u")).toEqual({ username: "u", sub: "minted", attributes: {} })
    expect(result.value.pools.get(poolId)?.advancedSecurityMode).toBe("AUDIT")
  })

  it("refuses clashes with what is there, naming the field, and leaves the state as it was", () => {
    const state = seeded()
    const refusals = [
      Simulation.seed(state, { userPools: [{ id: "us-east-1_New1" }, { id: poolId }] }, context),
      Simulation.addUserPool(state, { id: poolId }, context),
      Simulation.addUser(state, "us-east-1_Nope1", { username: "x" }, context),
      Simulation.addUser(state, poolId, { username: "bob" }, context),
      Simulation.addUser(state, poolId, { username: "y", sub: aliceSub }, context),
      Simulation.addUser(state, poolId, { username: "y", attributes: { email: "alice@example.com" } }, context),
      Simulation.addAuthEvent(state, poolId, "alice", { eventId: "evt-1", feedbackToken: "t" }, new Date(t0)),
      Simulation.addAuthEvent(state, poolId, "nobody", { eventId: "e", feedbackToken: "t" }, new Date(t0)),
      Simulation.addAuthEvent(state, "us-east-1_Nope1", "alice", { eventId: "e", feedbackToken: "t" }, new Date(t0)),
      Simulation.addAuthEvent(state, poolId, "alice", { eventId: "bad id!", feedbackToken: "t" }, new Date(t0))
    ]
    expect(refusals.map((r) => (r._tag === "Err" ? r.message : "Ok"))).toEqual([
      "userPools.1.id: a user pool with this id exists",
      "id: a user pool with this id exists",
      "no user pool has this id",
      "username: another user has the same username",
      "sub: another user has the same sub",
      "attributes.email: another user has the same email (an alias attribute of this pool)",
      "eventId: another event of this user has the same id",
      "no user of this pool matches",
      "no user pool has this id",
      "eventId: must match ^[\\w+-]+$"
    ])
  })

  it("an added event is listed and takes feedback", () => {
    const added = Simulation.addAuthEvent(
      seeded(),
      poolId,
      "bob",
      { eventId: "evt-b2", feedbackToken: "tok.b2" },
      new Date(t0)
    )
    if (added._tag === "Err") throw new Error(added.message)
    const decision = Simulation.decide(
      added.value,
      "UpdateAuthEventFeedback",
      { ...update, Username: "bob", EventId: "evt-b2", FeedbackToken: "tok.b2" },
      t0
    )
    expect(decision.outcome._tag).toBe("Success")
  })
})

/** A small seeded generator (mulberry32), so that a failing run can be repeated. */
const random = (seed: number) => {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <A>(items: ReadonlyArray<A>): A => items[Math.floor(next() * items.length)] as A }
}

describe("Simulation.decide: a model of the documented rules (property, 200 random sequences)", () => {
  const users = {
    alice: {
      keys: ["alice", "alice@example.com", aliceSub],
      events: { "evt-1": "tok.alice-1", "evt-2": "tok.alice-2" }
    },
    bob: { keys: ["bob", "sub-bob"], events: { "evt-b": "tok.bob-1" } }
  } as const
  type Owner = keyof typeof users
  const owner = (key: string): Owner | undefined =>
    (Object.keys(users) as Array<Owner>).find((name) => (users[name].keys as ReadonlyArray<string>).includes(key))
  const tokenOf = (name: Owner, eventId: string): string | undefined =>
    Object.entries(users[name].events).find(([id]) => id === eventId)?.[1]

  interface Command {
    readonly admin: boolean
    readonly pool: string
    readonly username: string
    readonly eventId: string
    readonly rightToken: boolean
    readonly value: "Valid" | "Invalid"
  }

  /** What the service must answer, from the seed and the documented order of checks alone. */
  const expected = (c: Command): string => {
    if (c.pool === "not a pool") return "InvalidParameterException"
    if (c.pool !== poolId && c.pool !== offPoolId) return "ResourceNotFoundException"
    if (c.pool === offPoolId) return "UserPoolAddOnNotEnabledException"
    const name = owner(c.username)
    if (name === undefined) return "UserNotFoundException"
    if (tokenOf(name, c.eventId) === undefined) return "ResourceNotFoundException"
    if (!c.admin && !c.rightToken) return "NotAuthorizedException"
    return "Success"
  }

  it("each outcome is the model's, and each event keeps the value of its last successful call", () => {
    for (let run = 0; run < 200; run++) {
      const r = random(run)
      let state = seeded()
      const last = new Map<string, string>()
      const length = Math.floor(r.next() * 40)
      for (let i = 0; i < length; i++) {
        const c: Command = {
          admin: r.next() < 0.5,
          pool: r.pick([poolId, poolId, poolId, offPoolId, "us-east-1_Nope1", "not a pool"]),
          username: r.pick(["alice", "alice@example.com", aliceSub, "bob", "sub-bob", "+15550100", "nobody"]),
          eventId: r.pick(["evt-1", "evt-2", "evt-b", "evt-x"]),
          rightToken: r.next() < 0.5,
          value: r.pick(["Valid", "Invalid"] as const)
        }
        const name = owner(c.username)
        const token = (name === undefined ? undefined : tokenOf(name, c.eventId)) ?? "tok.unknown"
        const input = { UserPoolId: c.pool, Username: c.username, EventId: c.eventId, FeedbackValue: c.value }
        const decision = c.admin
          ? Simulation.decide(state, "AdminUpdateAuthEventFeedback", input, t0 + i)
          : Simulation.decide(
            state,
            "UpdateAuthEventFeedback",
            { ...input, FeedbackToken: c.rightToken ? token : "tok.wrong" },
            t0 + i
          )
        const outcome = decision.outcome._tag === "Success" ? "Success" : decision.outcome.code
        expect([run, i, outcome]).toEqual([run, i, expected(c)])
        if (outcome === "Success" && name !== undefined) last.set(`${name}/${c.eventId}`, c.value)
        state = decision.state
      }
      for (const [name, eventId] of [["alice", "evt-1"], ["alice", "evt-2"], ["bob", "evt-b"]] as const) {
        expect([run, name, eventId, Simulation.feedbackOf(state, poolId, name, eventId)?.FeedbackValue]).toEqual([
          run,
          name,
          eventId,
          last.get(`${name}/${eventId}`)
        ])
      }
    }
  })

  it("pagination returns every event once, newest first, in full pages (property, 200 runs)", () => {
    for (let run = 0; run < 200; run++) {
      const r = random(1000 + run)
      const seconds = Array.from({ length: Math.floor(r.next() * 150) }, () => Math.floor(r.next() * 31))
      const maxResults = 1 + Math.floor(r.next() * 60)
      const state = seeded({
        userPools: [{
          id: poolId,
          users: [{
            username: "dave",
            sub: "sub-dave",
            authEvents: seconds.map((s, i) => ({
              eventId: `e${i}`,
              feedbackToken: "t",
              creationDate: new Date(s * 1000)
            }))
          }]
        }]
      })
      const pages: Array<ReadonlyArray<string>> = []
      let next: string | undefined
      do {
        const { outcome } = Simulation.decide(
          state,
          "AdminListUserAuthEvents",
          { UserPoolId: poolId, Username: "dave", MaxResults: maxResults, NextToken: next },
          t0
        )
        if (outcome._tag === "Failure") throw new Error(outcome.message)
        pages.push(outcome.output.AuthEvents.map((event) => event.EventId))
        next = outcome.output.NextToken
      } while (next !== undefined && pages.length <= seconds.length)
      // independently: by creation time, newest first, ties the later-seeded first
      const newestFirst = seconds.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || b.i - a.i).map(({ i }) =>
        `e${i}`
      )
      expect([run, pages.flat()]).toEqual([run, newestFirst])
      expect([run, pages.length]).toEqual([run, Math.max(1, Math.ceil(seconds.length / maxResults))])
      expect(pages.slice(0, -1).every((page) => page.length === maxResults)).toBe(true)
    }
  })
})
