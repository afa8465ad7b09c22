/**
 * The simulator's risk side: `SetRiskConfiguration`/`DescribeRiskConfiguration` (with the nested
 * rules of the model, every problem named by its path), risky sign-ins (the action the applicable
 * configuration gives, the event recorded, the notification: outbox email, custom email sender
 * event or none), the feedback tokens they mint (accepted for their own event only, reuse as the
 * test chooses), and the seed fields and HTTP body that feed them. Expectations are literals or
 * built from the generated inputs, never read back from the code under test.
 */
import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Simulation from "../src/Simulation.js"
import * as SimulationSeed from "../src/SimulationSeed.js"

const poolId = "us-east-1_Risk1"
const auditPoolId = "us-east-1_Audit1"
const offPoolId = "us-east-1_Off1"
const t0 = Date.UTC(2026, 10, 5, 10, 0, 0)

/** The value, or a thrown error when there is none (instead of a non-null assertion). */
const defined = <A>(value: A | undefined, what = "value"): A => {
  if (value === undefined) throw new Error(`no ${what}`)
  return value
}
const identityArn = "arn:aws:ses:us-east-1:123456789012:identity/security@example.com"

const world: SimulationSeed.SeedFile = {
  userPools: [
    {
      id: poolId,
      advancedSecurityMode: "ENFORCED",
      aliasAttributes: ["email"],
      users: [
        { username: "alice", sub: "sub-alice", attributes: { email: "alice@example.com" } },
        { username: "bob", sub: "sub-bob", attributes: { email: "bob@example.com" } },
        { username: "nomail", sub: "sub-nomail", attributes: { phone_number: "+15550100" } }
      ]
    },
    {
      id: auditPoolId,
      advancedSecurityMode: "AUDIT",
      users: [{ username: "alice", sub: "sub-audit-alice", attributes: { email: "alice@example.com" } }]
    },
    { id: offPoolId, advancedSecurityMode: "OFF", users: [{ username: "carol", sub: "sub-carol" }] }
  ]
}

const seeded = (seed: SimulationSeed.SeedFile = world): Simulation.State => {
  const result = Simulation.seed(Simulation.empty, seed, { now: new Date(t0), newSub: () => "minted-sub" })
  if (result._tag === "Err") throw new Error(result.message)
  return result.value
}

const outcomeOf = (decision: Simulation.Decision) =>
  decision.outcome._tag === "Success" ? "Success" : [decision.outcome.code, decision.outcome.message]

const outputOf = <N extends Simulation.OperationName>(decision: Simulation.Decision<N>): Simulation.Outputs[N] => {
  if (decision.outcome._tag === "Failure") {
    throw new Error(`${decision.outcome.code}: ${decision.outcome.message}`)
  }
  return decision.outcome.output
}

type Action = "BLOCK" | "MFA_IF_CONFIGURED" | "MFA_REQUIRED" | "NO_ACTION"

const emails = {
  BlockEmail: {
    Subject: "Blocked: {username}",
    HtmlBody: "<p>block {event-id} {feedback-token}</p>",
    TextBody: "block {event-id} {feedback-token}"
  },
  NoActionEmail: {
    Subject: "Was this you, {username}?",
    HtmlBody: "<p>noaction {event-id} {feedback-token}</p>",
    TextBody: "noaction {event-id} {feedback-token}"
  },
  MfaEmail: {
    Subject: "MFA for {username}",
    HtmlBody: "<p>mfa {event-id} {feedback-token}</p>",
    TextBody: "mfa {event-id} {feedback-token}"
  }
}

const takeover = (
  actions: {
    readonly Low?: readonly [boolean, Action]
    readonly Medium?: readonly [boolean, Action]
    readonly High?: readonly [boolean, Action]
  },
  // null: no NotifyConfiguration (undefined would take the default)
  notify: Record<string, unknown> | null = { SourceArn: identityArn, ...emails }
) => ({
  ...(notify === null ? {} : { NotifyConfiguration: notify }),
  Actions: Object.fromEntries(
    Object.entries(actions).map(([level, [Notify, EventAction]]) => [`${level}Action`, { Notify, EventAction }])
  )
})

const setRisk = (state: Simulation.State, input: Record<string, unknown>, now = t0): Simulation.State => {
  const decision = Simulation.decide(state, "SetRiskConfiguration", { UserPoolId: poolId, ...input }, now)
  outputOf(decision)
  return decision.state
}

let counter = 0
const signIn = (
  state: Simulation.State,
  request: Partial<SimulationSeed.RiskySignIn> = {},
  context: Partial<Simulation.SignInContext> = {}
): Simulation.SignedIn => {
  counter += 1
  const result = Simulation.riskySignIn(
    state,
    { userPoolId: poolId, username: "alice", riskLevel: "High", ...request },
    {
      now: new Date(t0),
      eventId: `risk-${counter}`,
      feedbackToken: `tok.risk-${counter}`,
      customEmailSender: false,
      ...context
    }
  )
  if (result._tag === "Err") throw new Error(result.message)
  return result.value
}

const eventsOf = (state: Simulation.State, userPoolId: string, username: string) =>
  outputOf(Simulation.decide(state, "AdminListUserAuthEvents", { UserPoolId: userPoolId, Username: username }, t0))
    .AuthEvents

// ---------------------------------------------------------------------------------------------

describe("SetRiskConfiguration and DescribeRiskConfiguration", () => {
  const configuration = {
    AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"], Low: [false, "NO_ACTION"] }),
    CompromisedCredentialsRiskConfiguration: { EventFilter: ["SIGN_IN"], Actions: { EventAction: "BLOCK" } },
    RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"] }
  }

  it("round trip: what was set is answered, with the pool id and the date of the call", () => {
    const state = seeded()
    const set = Simulation.decide(state, "SetRiskConfiguration", { UserPoolId: poolId, ...configuration }, t0 + 1000)
    const expected = { UserPoolId: poolId, ...configuration, LastModifiedDate: new Date(t0 + 1000) }
    expect(outputOf(set)).toEqual({ RiskConfiguration: expected })
    const described = Simulation.decide(set.state, "DescribeRiskConfiguration", { UserPoolId: poolId }, t0 + 2000)
    expect(outputOf(described)).toEqual({ RiskConfiguration: expected })
    expect(described.state).toBe(set.state)
  })

  it("unknown members, at the top and nested, are dropped (as the service ignores them)", () => {
    const state = setRisk(seeded(), {
      Extra: 1,
      AccountTakeoverRiskConfiguration: { ...takeover({ High: [true, "BLOCK"] }, null), Extra: 2 }
    })
    expect(
      outputOf(Simulation.decide(state, "DescribeRiskConfiguration", { UserPoolId: poolId }, t0)).RiskConfiguration
    ).toEqual({
      UserPoolId: poolId,
      AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: true, EventAction: "BLOCK" } } },
      LastModifiedDate: new Date(t0)
    })
  })

  it("a second call replaces the configuration whole", () => {
    const first = setRisk(seeded(), configuration)
    const second = setRisk(first, { RiskExceptionConfiguration: { SkippedIPRangeList: ["198.51.100.0/24"] } }, t0 + 5)
    expect(outputOf(Simulation.decide(second, "DescribeRiskConfiguration", { UserPoolId: poolId }, t0))).toEqual({
      RiskConfiguration: {
        UserPoolId: poolId,
        RiskExceptionConfiguration: { SkippedIPRangeList: ["198.51.100.0/24"] },
        LastModifiedDate: new Date(t0 + 5)
      }
    })
  })

  it("an app client without its own configuration has the pool's; one with its own, its own", () => {
    const pool = setRisk(seeded(), configuration)
    const describe = (state: Simulation.State, ClientId?: string) =>
      outputOf(
        Simulation.decide(state, "DescribeRiskConfiguration", { UserPoolId: poolId, ClientId }, t0)
      ).RiskConfiguration
    expect(describe(pool, "app1")).toEqual({ UserPoolId: poolId, ...configuration, LastModifiedDate: new Date(t0) })
    const client = setRisk(pool, { ClientId: "app1", AccountTakeoverRiskConfiguration: takeover({}, null) }, t0 + 9)
    expect(describe(client, "app1")).toEqual({
      UserPoolId: poolId,
      ClientId: "app1",
      AccountTakeoverRiskConfiguration: { Actions: {} },
      LastModifiedDate: new Date(t0 + 9)
    })
    // the pool's own and another client's are untouched
    expect(describe(client)).toEqual(describe(pool))
    expect(describe(client, "app2")).toEqual(describe(pool))
  })

  it("nothing set: the pool id alone, for the pool and for any client", () => {
    const state = seeded()
    for (const ClientId of [undefined, "app1"]) {
      expect(outputOf(Simulation.decide(state, "DescribeRiskConfiguration", { UserPoolId: poolId, ClientId }, t0)))
        .toEqual({ RiskConfiguration: { UserPoolId: poolId } })
    }
  })

  it("an AUDIT pool takes a configuration too", () => {
    const decision = Simulation.decide(seeded(), "SetRiskConfiguration", { UserPoolId: auditPoolId }, t0)
    expect(outputOf(decision)).toEqual({
      RiskConfiguration: { UserPoolId: auditPoolId, LastModifiedDate: new Date(t0) }
    })
  })

  const tooLongSubject = "😀".repeat(141)
  const invalid: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
    [
      "an action without Notify",
      { AccountTakeoverRiskConfiguration: { Actions: { LowAction: { EventAction: "BLOCK" } } } },
      "AccountTakeoverRiskConfiguration.Actions.LowAction.Notify: is required"
    ],
    [
      "no Actions",
      { AccountTakeoverRiskConfiguration: {} },
      "AccountTakeoverRiskConfiguration.Actions: is required"
    ],
    [
      "an unknown event action",
      { AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: true, EventAction: "block" } } } },
      "AccountTakeoverRiskConfiguration.Actions.HighAction.EventAction: must be \"BLOCK\" or \"MFA_IF_CONFIGURED\" or \"MFA_REQUIRED\" or \"NO_ACTION\""
    ],
    [
      "Notify not a boolean",
      { AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: "yes", EventAction: "BLOCK" } } } },
      "AccountTakeoverRiskConfiguration.Actions.HighAction.Notify: must be a boolean"
    ],
    [
      "a notify configuration without SourceArn",
      { AccountTakeoverRiskConfiguration: { NotifyConfiguration: { From: "a@example.com" }, Actions: {} } },
      "AccountTakeoverRiskConfiguration.NotifyConfiguration.SourceArn: is required"
    ],
    [
      "a Subject over 140 code points",
      {
        AccountTakeoverRiskConfiguration: {
          NotifyConfiguration: { SourceArn: identityArn, BlockEmail: { Subject: tooLongSubject } },
          Actions: {}
        }
      },
      "AccountTakeoverRiskConfiguration.NotifyConfiguration.BlockEmail.Subject: must be at most 140 characters long"
    ],
    [
      "a body under 6 code points",
      {
        AccountTakeoverRiskConfiguration: {
          NotifyConfiguration: { SourceArn: identityArn, MfaEmail: { Subject: "S", TextBody: "short" } },
          Actions: {}
        }
      },
      "AccountTakeoverRiskConfiguration.NotifyConfiguration.MfaEmail.TextBody: must be at least 6 characters long"
    ],
    [
      "a list over maxItems",
      { RiskExceptionConfiguration: { BlockedIPRangeList: Array.from({ length: 201 }, (_, i) => `10.0.${i}.0/24`) } },
      "RiskExceptionConfiguration.BlockedIPRangeList: must have at most 200 items"
    ],
    [
      "a bad list item, by index",
      {
        CompromisedCredentialsRiskConfiguration: {
          EventFilter: ["SIGN_IN", "LOG_IN"],
          Actions: { EventAction: "BLOCK" }
        }
      },
      "CompromisedCredentialsRiskConfiguration.EventFilter.1: must be \"SIGN_IN\" or \"PASSWORD_CHANGE\" or \"SIGN_UP\""
    ],
    [
      "a structure that is not an object",
      { AccountTakeoverRiskConfiguration: { Actions: { LowAction: [] } } },
      "AccountTakeoverRiskConfiguration.Actions.LowAction: must be an object"
    ],
    ["a bad client id", { ClientId: "app 1" }, "ClientId: must match ^[\\w+]+$"],
    [
      "every problem, in one message",
      {
        AccountTakeoverRiskConfiguration: { Actions: { LowAction: {}, HighAction: { Notify: true } } },
        RiskExceptionConfiguration: { SkippedIPRangeList: "10.0.0.0/8" }
      },
      "AccountTakeoverRiskConfiguration.Actions.LowAction.Notify: is required; " +
      "AccountTakeoverRiskConfiguration.Actions.LowAction.EventAction: is required; " +
      "AccountTakeoverRiskConfiguration.Actions.HighAction.EventAction: is required; " +
      "RiskExceptionConfiguration.SkippedIPRangeList: must be a list"
    ]
  ]
  for (const [name, input, message] of invalid) {
    it(`InvalidParameterException naming the nested path: ${name}`, () => {
      const state = seeded()
      const decision = Simulation.decide(state, "SetRiskConfiguration", { UserPoolId: poolId, ...input }, t0)
      expect(outcomeOf(decision)).toEqual(["InvalidParameterException", message])
      expect(decision.state).toBe(state)
    })
  }

  it("a Subject of exactly 140 code points (280 UTF-16 units) is taken", () => {
    const Subject = "😀".repeat(140)
    const state = setRisk(seeded(), {
      AccountTakeoverRiskConfiguration: {
        NotifyConfiguration: { SourceArn: identityArn, BlockEmail: { Subject } },
        Actions: {}
      }
    })
    expect(
      outputOf(Simulation.decide(state, "DescribeRiskConfiguration", { UserPoolId: poolId }, t0)).RiskConfiguration
        .AccountTakeoverRiskConfiguration?.NotifyConfiguration?.BlockEmail?.Subject
    ).toBe(Subject)
  })

  it("no message repeats a value of the input", () => {
    const secret = "SECRET-VALUE-1"
    const decision = Simulation.decide(seeded(), "SetRiskConfiguration", {
      UserPoolId: poolId,
      ClientId: `${secret} x`,
      AccountTakeoverRiskConfiguration: { NotifyConfiguration: { SourceArn: secret }, Actions: { LowAction: secret } }
    }, t0)
    expect(decision.outcome._tag).toBe("Failure")
    expect(JSON.stringify(decision.outcome)).not.toContain(secret)
  })

  for (const operation of ["SetRiskConfiguration", "DescribeRiskConfiguration"] as const) {
    it(`${operation}: an unknown pool is ResourceNotFoundException, an OFF pool UserPoolAddOnNotEnabledException`, () => {
      const state = seeded()
      expect(outcomeOf(Simulation.decide(state, operation, { UserPoolId: "us-east-1_Nope1" }, t0))).toEqual([
        "ResourceNotFoundException",
        "User pool us-east-1_Nope1 does not exist."
      ])
      expect(outcomeOf(Simulation.decide(state, operation, { UserPoolId: offPoolId }, t0))).toEqual([
        "UserPoolAddOnNotEnabledException",
        "Threat protection (advanced security) is not enabled for this user pool."
      ])
      // invalid input first, even for an unknown pool
      expect(outcomeOf(Simulation.decide(state, operation, { UserPoolId: "nope" }, t0))).toEqual([
        "InvalidParameterException",
        "UserPoolId: must match ^[\\w-]+_[0-9a-zA-Z]+$"
      ])
    })
  }

  it("decideRequest decides as decide does without faults", () => {
    const input = { UserPoolId: poolId, ...configuration }
    expect(Simulation.decideRequest(seeded(), "SetRiskConfiguration", input, t0).outcome).toEqual(
      Simulation.decide(seeded(), "SetRiskConfiguration", input, t0).outcome
    )
  })
})

// ---------------------------------------------------------------------------------------------

describe("Simulation.riskySignIn: the action, the event, the notification", () => {
  it("AUDIT: the sign-in passes as an account takeover and nobody is told, whatever is configured", () => {
    const state = setRisk(seeded(), {
      UserPoolId: auditPoolId,
      AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] })
    })
    const result = signIn(state, { userPoolId: auditPoolId, riskLevel: "High" })
    expect(result.action).toBe("NO_ACTION")
    expect(result.notified).toEqual({ _tag: "None" })
    expect(result.event.EventResponse).toBe("Pass")
    expect(result.event.EventRisk).toEqual({
      RiskDecision: "AccountTakeover",
      RiskLevel: "High",
      CompromisedCredentialsDetected: false
    })
    expect(result.state.outbox).toEqual([])
    // a custom email sender is not told either
    expect(signIn(state, { userPoolId: auditPoolId }, { customEmailSender: true }).notified).toEqual({ _tag: "None" })
  })

  const actionCases: ReadonlyArray<readonly [Action, string, string, string, string]> = [
    ["BLOCK", "Fail", "Block", "Blocked: alice", "block"],
    ["MFA_IF_CONFIGURED", "InProgress", "AccountTakeover", "MFA for alice", "mfa"],
    ["MFA_REQUIRED", "InProgress", "AccountTakeover", "MFA for alice", "mfa"],
    ["NO_ACTION", "Pass", "AccountTakeover", "Was this you, alice?", "noaction"]
  ]
  for (const [action, response, decision, subject, word] of actionCases) {
    it(`ENFORCED, ${action} with Notify: ${response}/${decision} and the ${word} template`, () => {
      const state = setRisk(seeded(), { AccountTakeoverRiskConfiguration: takeover({ Medium: [true, action] }) })
      const result = signIn(state, { riskLevel: "Medium" }, { eventId: "evt-m", feedbackToken: "tok.m" })
      expect(result.action).toBe(action)
      expect(result.event.EventResponse).toBe(response)
      expect(result.event.EventRisk).toEqual({
        RiskDecision: decision,
        RiskLevel: "Medium",
        CompromisedCredentialsDetected: false
      })
      const message = {
        eventId: "evt-m",
        to: "alice@example.com",
        from: "security@example.com",
        subject,
        htmlBody: `<p>${word} evt-m tok.m</p>`,
        textBody: `${word} evt-m tok.m`
      }
      expect(result.notified).toEqual({ _tag: "Email", message })
      expect(result.state.outbox).toEqual([message])
    })
  }

  it("an action without Notify: the action is taken, no message", () => {
    const state = setRisk(seeded(), { AccountTakeoverRiskConfiguration: takeover({ High: [false, "BLOCK"] }) })
    const result = signIn(state)
    expect(result.action).toBe("BLOCK")
    expect(result.event.EventResponse).toBe("Fail")
    expect(result.notified).toEqual({ _tag: "None" })
    expect(result.state.outbox).toEqual([])
    expect(signIn(state, {}, { customEmailSender: true }).notified).toEqual({ _tag: "None" })
  })

  it("no action configured for the level: NO_ACTION, nobody told", () => {
    const state = setRisk(seeded(), { AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] }) })
    const result = signIn(state, { riskLevel: "Low" })
    expect([result.action, result.event.EventResponse, result.notified]).toEqual(["NO_ACTION", "Pass", {
      _tag: "None"
    }])
    // no configuration at all, likewise
    const bare = signIn(seeded())
    expect([bare.action, bare.event.EventResponse, bare.notified]).toEqual(["NO_ACTION", "Pass", { _tag: "None" }])
    expect(bare.state.outbox).toEqual([])
  })

  it("the app client's configuration wins over the pool's; another client, or none, has the pool's", () => {
    const state = setRisk(
      setRisk(seeded(), { AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] }) }),
      { ClientId: "app1", AccountTakeoverRiskConfiguration: takeover({ High: [true, "MFA_REQUIRED"] }) }
    )
    expect(signIn(state, { clientId: "app1" }).action).toBe("MFA_REQUIRED")
    expect(signIn(state, { clientId: "app2" }).action).toBe("BLOCK")
    expect(signIn(state).action).toBe("BLOCK")
    // a client configured without an action for the level does not fall back to the pool's action
    const silent = setRisk(state, { ClientId: "app3", AccountTakeoverRiskConfiguration: takeover({}) })
    expect(signIn(silent, { clientId: "app3" }).action).toBe("NO_ACTION")
  })

  it("a user without an email address: no message", () => {
    const state = setRisk(seeded(), { AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] }) })
    const result = signIn(state, { username: "nomail" })
    expect(result.action).toBe("BLOCK")
    expect(result.notified).toEqual({ _tag: "None" })
    expect(result.state.outbox).toEqual([])
  })

  it("a custom email sender gets the event (code null, plain attributes) and the outbox nothing", () => {
    const state = setRisk(seeded(), {
      ClientId: "app1",
      AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] })
    })
    const result = signIn(
      state,
      { clientId: "app1", context: { ipAddress: "192.0.2.7", city: "Lisbon" } },
      { eventId: "evt-c", feedbackToken: "tok.c", customEmailSender: true }
    )
    expect(result.state.outbox).toEqual([])
    if (result.notified._tag !== "CustomEmailSender") throw new Error(`notified ${result.notified._tag}`)
    const event = result.notified.event
    expect(event.triggerSource).toBe("CustomEmailSender_AccountTakeOverNotification")
    expect(event.request.code).toBeNull()
    expect(event.userPoolId).toBe(poolId)
    expect(event.userName).toBe("alice")
    expect(event.callerContext.clientId).toBe("app1")
    const attributes = event.request.userAttributes
    expect({ ...attributes, ONE_CLICK_LINK_VALID: "", ONE_CLICK_LINK_INVALID: "" }).toEqual({
      EVENT_ID: "evt-c",
      USER_NAME: "alice",
      IP_ADDRESS: "192.0.2.7",
      ACCOUNT_TAKE_OVER_ACTION: "BLOCK",
      ONE_CLICK_LINK_VALID: "",
      ONE_CLICK_LINK_INVALID: "",
      LOGIN_TIME: new Date(t0).toISOString(),
      FEEDBACK_TOKEN: "tok.c",
      CITY: "Lisbon"
    })
    for (
      const [link, feedback] of [[attributes.ONE_CLICK_LINK_VALID, "valid"], [
        attributes.ONE_CLICK_LINK_INVALID,
        "invalid"
      ]]
    ) {
      expect(Object.fromEntries(new URL(defined(link)).searchParams)).toEqual({
        user_pool_id: poolId,
        username: "alice",
        event_id: "evt-c",
        feedback_token: "tok.c",
        feedback
      })
    }
  })

  it("From: the configured From, else the SES identity of SourceArn, else Cognito's default; ReplyTo as configured", () => {
    const fromOf = (notify: Record<string, unknown> | null) => {
      const state = setRisk(seeded(), { AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] }, notify) })
      const { notified } = signIn(state)
      if (notified._tag !== "Email") throw new Error(`notified ${notified._tag}`)
      return [notified.message.from, notified.message.replyTo]
    }
    expect(fromOf({ SourceArn: identityArn, From: "Security <sec@example.org>", ReplyTo: "help@example.org" })).toEqual(
      [
        "Security <sec@example.org>",
        "help@example.org"
      ]
    )
    expect(fromOf({ SourceArn: identityArn })).toEqual(["security@example.com", undefined])
    expect(fromOf({ SourceArn: "arn:aws:ses:us-east-1:123456789012:configuration-set/risk" })).toEqual([
      "no-reply@verificationemail.com",
      undefined
    ])
    expect(fromOf(null)).toEqual(["no-reply@verificationemail.com", undefined])
  })

  it("a pool without templates sends the default email, filled with the sign-in's context", () => {
    const state = setRisk(seeded(), { AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] }, null) })
    const { notified } = signIn(state, {
      context: {
        ipAddress: "192.0.2.9",
        city: "Porto",
        country: "Portugal",
        deviceName: "Safari",
        loginTime: new Date(Date.UTC(2026, 10, 4, 8, 30))
      }
    })
    if (notified._tag !== "Email") throw new Error(`notified ${notified._tag}`)
    expect(notified.message.subject).toBe("Suspicious sign-in to your account")
    expect(notified.message.textBody).toContain(
      "Hello alice,\n\nWe noticed a sign-in from Porto, Portugal (192.0.2.9) on Safari at 2026-11-04T08:30:00.000Z."
    )
    expect(notified.message.htmlBody).toContain("<p>Hello alice,</p>")
  })

  it("a template missing for the action falls back to the default email, not another action's", () => {
    const state = setRisk(seeded(), {
      AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] }, {
        SourceArn: identityArn,
        NoActionEmail: emails.NoActionEmail
      })
    })
    const { notified } = signIn(state)
    if (notified._tag !== "Email") throw new Error(`notified ${notified._tag}`)
    expect(notified.message.subject).toBe("Suspicious sign-in to your account")
  })

  it("records a SignIn event, newest first, with the context and a Password challenge", () => {
    const first = signIn(seeded(), { riskLevel: "Low", context: { ipAddress: "192.0.2.1", deviceName: "Firefox" } }, {
      eventId: "evt-a",
      feedbackToken: "tok.a"
    })
    const second = signIn(first.state, { riskLevel: "Medium" }, { eventId: "evt-b", feedbackToken: "tok.b" })
    const events = eventsOf(second.state, poolId, "alice")
    expect(events.map((e) => e.EventId)).toEqual(["evt-b", "evt-a"])
    expect(events[1]).toEqual({
      EventId: "evt-a",
      EventType: "SignIn",
      CreationDate: new Date(t0),
      EventResponse: "Pass",
      EventRisk: { RiskDecision: "AccountTakeover", RiskLevel: "Low", CompromisedCredentialsDetected: false },
      ChallengeResponses: [{ ChallengeName: "Password", ChallengeResponse: "Success" }],
      EventContextData: { IpAddress: "192.0.2.1", DeviceName: "Firefox" }
    })
    expect(first.event).toEqual(events[1])
    // the state signed in from is unchanged
    expect(eventsOf(first.state, poolId, "alice").map((e) => e.EventId)).toEqual(["evt-a"])
    expect(eventsOf(seeded(), poolId, "bob")).toEqual([])
  })

  it("the user may be named by alias attribute or sub; the message carries the username", () => {
    const state = setRisk(seeded(), { AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] }) })
    for (const key of ["alice@example.com", "sub-alice"]) {
      const result = signIn(state, { username: key })
      if (result.notified._tag !== "Email") throw new Error(`notified ${result.notified._tag}`)
      expect(result.notified.message.subject).toBe("Blocked: alice")
      expect(eventsOf(result.state, poolId, "alice")).toHaveLength(1)
    }
  })

  const refusals: ReadonlyArray<readonly [string, Partial<SimulationSeed.RiskySignIn>, string]> = [
    [
      "an OFF pool",
      { userPoolId: offPoolId, username: "carol" },
      "userPoolId: threat protection is OFF in this pool: no sign-in risk is evaluated"
    ],
    ["an unknown pool", { userPoolId: "us-east-1_Nope1" }, "userPoolId: no user pool has this id"],
    ["an unknown user", { username: "mallory-the-secret" }, "username: no user of this pool matches"],
    ["a user of another pool", { username: "carol" }, "username: no user of this pool matches"],
    [
      "a username breaking the rules",
      { username: "mallory the secret" },
      "username: must match ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"
    ],
    [
      "an unknown risk level",
      { riskLevel: "Severe" as SimulationSeed.RiskLevel },
      "riskLevel: must be one of Low, Medium, High"
    ],
    ["a bad client id", { clientId: "app 1" }, "clientId: must match ^[\\w+]+$"]
  ]
  for (const [name, request, message] of refusals) {
    it(`refuses ${name}, naming the field and never the username`, () => {
      const result = Simulation.riskySignIn(
        seeded(),
        { userPoolId: poolId, username: "alice", riskLevel: "High", ...request },
        { now: new Date(t0), eventId: "evt-r", feedbackToken: "tok.r", customEmailSender: false }
      )
      expect(result).toEqual({ _tag: "Err", message })
      expect(message).not.toContain("mallory")
    })
  }

  it("refuses an event id the user already has, and keeps the state", () => {
    const state = signIn(seeded(), {}, { eventId: "evt-dup" }).state
    const result = Simulation.riskySignIn(state, { userPoolId: poolId, username: "alice", riskLevel: "High" }, {
      now: new Date(t0),
      eventId: "evt-dup",
      feedbackToken: "tok.other",
      customEmailSender: false
    })
    expect(result).toEqual({ _tag: "Err", message: "eventId: another event of this user has the same id" })
    expect(eventsOf(state, poolId, "alice")).toHaveLength(1)
    // another user may have the same id
    expect(
      Simulation.riskySignIn(state, { userPoolId: poolId, username: "bob", riskLevel: "High" }, {
        now: new Date(t0),
        eventId: "evt-dup",
        feedbackToken: "tok.bob",
        customEmailSender: false
      })._tag
    ).toBe("Ok")
  })
})

// ---------------------------------------------------------------------------------------------

interface Generated {
  readonly users: ReadonlyArray<string>
  readonly signIns: ReadonlyArray<{
    readonly user: number
    readonly eventId: string
    readonly token: string
    readonly level: SimulationSeed.RiskLevel
  }>
}

// usernames, event ids and tokens that obey their members' rules; ids and tokens unique overall
const generated: fc.Arbitrary<Generated> = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9._-]{0,11}$/), {
  minLength: 2,
  maxLength: 4
}).chain((users) =>
  fc.uniqueArray(
    fc.record({
      user: fc.nat({ max: users.length - 1 }),
      eventId: fc.stringMatching(/^[\w+-]{1,50}$/),
      token: fc.stringMatching(/^[A-Za-z0-9_=.-]{1,60}$/),
      level: fc.constantFrom(...(["Low", "Medium", "High"] as const))
    }),
    { minLength: 2, maxLength: 8, selector: (s) => s.eventId }
  ).filter((signIns) => new Set(signIns.map((s) => s.token)).size === signIns.length).map((signIns) => ({
    users,
    signIns
  }))
)

const emailOf = (username: string) => `${username}@example.com`

const notifyAll = {
  AccountTakeoverRiskConfiguration: takeover({
    Low: [true, "NO_ACTION"],
    Medium: [true, "MFA_REQUIRED"],
    High: [true, "BLOCK"]
  }, {
    SourceArn: identityArn,
    ...Object.fromEntries(
      (["BlockEmail", "NoActionEmail", "MfaEmail"] as const).map((kind) => [kind, {
        Subject: `${kind} {username}`,
        TextBody: "U={username}|E={event-id}|T={feedback-token}|V={one-click-link-valid}|I={one-click-link-invalid}",
        HtmlBody: "<p>{username} {event-id} {feedback-token}</p>"
      }])
    )
  })
}

const world2 = (
  g: Generated
): { readonly state: Simulation.State; readonly results: ReadonlyArray<Simulation.SignedIn> } => {
  let state = seeded({
    userPools: [{
      id: poolId,
      advancedSecurityMode: "ENFORCED",
      users: g.users.map((username, i) => ({ username, sub: `sub-${i}`, attributes: { email: emailOf(username) } }))
    }]
  })
  state = setRisk(state, notifyAll)
  const results: Array<Simulation.SignedIn> = []
  for (const [i, s] of g.signIns.entries()) {
    const result = Simulation.riskySignIn(
      state,
      { userPoolId: poolId, username: defined(g.users[s.user]), riskLevel: s.level },
      {
        now: new Date(t0 + i * 1000),
        eventId: s.eventId,
        feedbackToken: s.token,
        customEmailSender: false
      }
    )
    if (result._tag === "Err") throw new Error(result.message)
    state = result.value.state
    results.push(result.value)
  }
  return { state, results }
}

describe("the tokens risky sign-ins mint (properties)", () => {
  it("a token is accepted for its own event, by its own user, and for nothing else", () => {
    fc.assert(
      fc.property(generated, fc.nat(), fc.constantFrom("Valid", "Invalid"), (g, pick, FeedbackValue) => {
        const { state } = world2(g)
        const target = defined(g.signIns[pick % g.signIns.length])
        const username = defined(g.users[target.user])
        const call = (input: Record<string, unknown>) =>
          Simulation.decide(state, "UpdateAuthEventFeedback", {
            UserPoolId: poolId,
            Username: username,
            EventId: target.eventId,
            FeedbackToken: target.token,
            FeedbackValue,
            ...input
          }, t0 + 60_000)

        // another event's token, of this user or another
        for (const other of g.signIns.filter((s) => s !== target)) {
          const refused = call({ FeedbackToken: other.token })
          expect(outcomeOf(refused)).toEqual(["NotAuthorizedException", "Invalid feedback token."])
          expect(refused.state).toBe(state)
        }
        // another user: the event is not theirs
        for (const [i, other] of g.users.entries()) {
          if (i === target.user) continue
          expect(outcomeOf(call({ Username: other }))).toEqual(["ResourceNotFoundException", "Auth event not found."])
        }
        // a user who does not exist
        expect(outcomeOf(call({ Username: "nobody-at-all" }))).toEqual([
          "UserNotFoundException",
          "User does not exist."
        ])

        // the matching call succeeds and records the feedback on that event only
        const accepted = call({})
        expect(outcomeOf(accepted)).toBe("Success")
        const feedback = { FeedbackValue, Provider: "User", FeedbackDate: new Date(t0 + 60_000) }
        expect(Simulation.feedbackOf(accepted.state, poolId, username, target.eventId)).toEqual(feedback)
        for (const other of g.signIns.filter((s) => s !== target)) {
          expect(Simulation.feedbackOf(accepted.state, poolId, defined(g.users[other.user]), other.eventId))
            .toBeUndefined()
        }
        const listed = eventsOf(accepted.state, poolId, username).find((e) => e.EventId === target.eventId)
        expect(listed?.EventFeedback).toEqual(feedback)
        // by sub too
        expect(outcomeOf(call({ Username: `sub-${target.user}` }))).toBe("Success")
      }),
      { numRuns: 60 }
    )
  })

  it("an event's notification goes to its user only, carrying that user's username, event id and token", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const { state, results } = world2(g)
        expect(state.outbox).toHaveLength(g.signIns.length)
        for (const [i, s] of g.signIns.entries()) {
          const username = defined(g.users[s.user])
          const notified = defined(results[i]).notified
          if (notified._tag !== "Email") throw new Error(`notified ${notified._tag}`)
          const m = notified.message
          expect(state.outbox[i]).toEqual(m)
          expect(m.to).toBe(emailOf(username))
          expect(m.eventId).toBe(s.eventId)
          const kind = s.level === "High" ? "BlockEmail" : s.level === "Low" ? "NoActionEmail" : "MfaEmail"
          expect(m.subject).toBe(`${kind} ${username}`)
          expect(m.htmlBody).toBe(`<p>${username} ${s.eventId} ${s.token}</p>`)
          const parts = Object.fromEntries(m.textBody.split("|").map((part) => [part.slice(0, 1), part.slice(2)]))
          expect([parts.U, parts.E, parts.T]).toEqual([username, s.eventId, s.token])
          for (const [link, feedback] of [[parts.V, "valid"], [parts.I, "invalid"]] as const) {
            const url = new URL(defined(link))
            expect(url.hostname).toBe("us-east-1-risk1.auth.us-east-1.amazoncognito.com")
            expect(Object.fromEntries(url.searchParams)).toEqual({
              user_pool_id: poolId,
              username,
              event_id: s.eventId,
              feedback_token: s.token,
              feedback
            })
          }
          // the links work: the token they carry is accepted for the event they name
          const link = new URL(defined(parts.V)).searchParams
          expect(
            outcomeOf(Simulation.decide(state, "UpdateAuthEventFeedback", {
              UserPoolId: link.get("user_pool_id"),
              Username: link.get("username"),
              EventId: link.get("event_id"),
              FeedbackToken: link.get("feedback_token"),
              FeedbackValue: "Valid"
            }, t0))
          ).toBe("Success")
        }
      }),
      { numRuns: 60 }
    )
  })
})

// ---------------------------------------------------------------------------------------------

describe("token reuse", () => {
  const minted = () => signIn(seeded(), {}, { eventId: "evt-t", feedbackToken: "tok.t" }).state
  const feedback = (state: Simulation.State, FeedbackValue: "Valid" | "Invalid", now: number, token = "tok.t") =>
    Simulation.decide(state, "UpdateAuthEventFeedback", {
      UserPoolId: poolId,
      Username: "alice",
      EventId: "evt-t",
      FeedbackToken: token,
      FeedbackValue
    }, now)
  const admin = (state: Simulation.State, FeedbackValue: "Valid" | "Invalid", now: number) =>
    Simulation.decide(state, "AdminUpdateAuthEventFeedback", {
      UserPoolId: poolId,
      Username: "alice",
      EventId: "evt-t",
      FeedbackValue
    }, now)

  it("is accepted by default: the second feedback with the same token overwrites the first", () => {
    expect(Simulation.empty.tokenReuse).toBe("accept")
    const first = feedback(minted(), "Valid", t0 + 1)
    const second = feedback(first.state, "Invalid", t0 + 2)
    expect(outcomeOf(second)).toBe("Success")
    expect(Simulation.feedbackOf(second.state, poolId, "alice", "evt-t")).toEqual({
      FeedbackValue: "Invalid",
      Provider: "User",
      FeedbackDate: new Date(t0 + 2)
    })
  })

  it("rejected: the second is NotAuthorizedException and the first feedback stays", () => {
    const state = Simulation.withTokenReuse(minted(), "reject")
    expect(state.tokenReuse).toBe("reject")
    const first = feedback(state, "Valid", t0 + 1)
    expect(outcomeOf(first)).toBe("Success")
    const second = feedback(first.state, "Invalid", t0 + 2)
    expect(outcomeOf(second)).toEqual(["NotAuthorizedException", "Feedback token has already been used."])
    expect(second.state).toBe(first.state)
    expect(Simulation.feedbackOf(second.state, poolId, "alice", "evt-t")).toEqual({
      FeedbackValue: "Valid",
      Provider: "User",
      FeedbackDate: new Date(t0 + 1)
    })
    // a wrong token is still a wrong token
    expect(outcomeOf(feedback(first.state, "Valid", t0 + 3, "tok.wrong"))).toEqual([
      "NotAuthorizedException",
      "Invalid feedback token."
    ])
    // and accepting again lets it through
    expect(outcomeOf(feedback(Simulation.withTokenReuse(first.state, "accept"), "Invalid", t0 + 4))).toBe("Success")
  })

  it("AdminUpdateAuthEventFeedback does not use the token, nor forget that it was used", () => {
    const state = Simulation.withTokenReuse(minted(), "reject")
    const byAdmin = admin(state, "Invalid", t0 + 1)
    expect(outcomeOf(byAdmin)).toBe("Success")
    expect(Simulation.feedbackOf(byAdmin.state, poolId, "alice", "evt-t")?.Provider).toBe("Admin")
    const byUser = feedback(byAdmin.state, "Valid", t0 + 2)
    expect(outcomeOf(byUser)).toBe("Success")
    expect(Simulation.feedbackOf(byUser.state, poolId, "alice", "evt-t")).toEqual({
      FeedbackValue: "Valid",
      Provider: "User",
      FeedbackDate: new Date(t0 + 2)
    })
    const byAdminAgain = admin(byUser.state, "Invalid", t0 + 3)
    expect(outcomeOf(byAdminAgain)).toBe("Success")
    expect(outcomeOf(feedback(byAdminAgain.state, "Valid", t0 + 4))).toEqual([
      "NotAuthorizedException",
      "Feedback token has already been used."
    ])
  })

  it("withTokenReuse changes nothing else", () => {
    const state = minted()
    const rejecting = Simulation.withTokenReuse(state, "reject")
    expect({ ...rejecting, tokenReuse: "accept" }).toEqual(state)
  })
})

// ---------------------------------------------------------------------------------------------

describe("seeding risk configurations and domains", () => {
  const seedJson = {
    userPools: [{
      id: poolId,
      advancedSecurityMode: "ENFORCED",
      domain: "auth.example.com",
      users: [{ username: "alice", attributes: { email: "alice@example.com" } }],
      riskConfigurations: [
        { AccountTakeoverRiskConfiguration: takeover({ High: [true, "BLOCK"] }) },
        { ClientId: "app1", AccountTakeoverRiskConfiguration: takeover({ High: [true, "NO_ACTION"] }) }
      ]
    }]
  }

  const fromJson = (json: unknown): Simulation.State => {
    const decoded = SimulationSeed.decode(JSON.parse(JSON.stringify(json)))
    if (decoded._tag === "Err") throw new Error(decoded.message)
    return seeded(decoded.value)
  }

  it("a seed file's domain and risk configurations are used by riskySignIn and answered by Describe", () => {
    const state = fromJson(seedJson)
    const result = signIn(state, {}, { eventId: "evt-s", feedbackToken: "tok.s" })
    expect(result.action).toBe("BLOCK")
    if (result.notified._tag !== "Email") throw new Error(`notified ${result.notified._tag}`)
    expect(result.notified.message.subject).toBe("Blocked: alice")
    expect(signIn(state, { clientId: "app1" }).action).toBe("NO_ACTION")
    const custom = signIn(state, {}, { eventId: "evt-s2", feedbackToken: "tok.s2", customEmailSender: true }).notified
    if (custom._tag !== "CustomEmailSender") throw new Error(`notified ${custom._tag}`)
    expect(custom.event.request.userAttributes.ONE_CLICK_LINK_VALID).toBe(
      `https://auth.example.com/confirm-feedback?user_pool_id=${poolId}&username=alice&event_id=evt-s2&feedback_token=tok.s2&feedback=valid`
    )
    expect(
      outputOf(Simulation.decide(state, "DescribeRiskConfiguration", { UserPoolId: poolId, ClientId: "app1" }, t0))
    ).toEqual({
      RiskConfiguration: {
        UserPoolId: poolId,
        ClientId: "app1",
        AccountTakeoverRiskConfiguration: takeover({ High: [true, "NO_ACTION"] }),
        LastModifiedDate: new Date(t0)
      }
    })
  })

  it("without a domain, the links point at the pool's default prefix domain", () => {
    const { domain: _, ...pool } = defined(seedJson.userPools[0])
    const state = fromJson({ userPools: [pool] })
    const custom = signIn(state, {}, { customEmailSender: true }).notified
    if (custom._tag !== "CustomEmailSender") throw new Error(`notified ${custom._tag}`)
    expect(new URL(custom.event.request.userAttributes.ONE_CLICK_LINK_INVALID).host).toBe(
      "us-east-1-risk1.auth.us-east-1.amazoncognito.com"
    )
  })

  const messageOf = (result: SimulationSeed.Result<unknown>) => (result._tag === "Err" ? result.message : "Ok")
  const withConfigurations = (riskConfigurations: unknown, extra: Record<string, unknown> = {}) => ({
    userPools: [{ id: poolId, riskConfigurations, ...extra }]
  })

  const bad: ReadonlyArray<readonly [string, unknown, string]> = [
    [
      "an action without Notify",
      withConfigurations([{ AccountTakeoverRiskConfiguration: { Actions: { LowAction: { EventAction: "BLOCK" } } } }]),
      "userPools.0.riskConfigurations.0.AccountTakeoverRiskConfiguration.Actions.LowAction.Notify: is required"
    ],
    [
      "a Subject over 140 code points, in the second configuration",
      withConfigurations([{}, {
        ClientId: "app1",
        AccountTakeoverRiskConfiguration: {
          NotifyConfiguration: { SourceArn: identityArn, MfaEmail: { Subject: "😀".repeat(141) } },
          Actions: {}
        }
      }]),
      "userPools.0.riskConfigurations.1.AccountTakeoverRiskConfiguration.NotifyConfiguration.MfaEmail.Subject: must be at most 140 characters long"
    ],
    [
      "an unknown field",
      withConfigurations([{ AccountTakeoverRiskConfigurations: {} }]),
      "userPools.0.riskConfigurations.0.AccountTakeoverRiskConfigurations: is not a known field"
    ],
    [
      "the pool id (it is the pool's)",
      withConfigurations([{ UserPoolId: poolId }]),
      "userPools.0.riskConfigurations.0.UserPoolId: is not a known field"
    ],
    [
      "a bad client id",
      withConfigurations([{ ClientId: "app 1" }]),
      "userPools.0.riskConfigurations.0.ClientId: must match ^[\\w+]+$"
    ],
    [
      "a configuration that is not an object",
      withConfigurations(["BLOCK"]),
      "userPools.0.riskConfigurations.0: must be an object"
    ],
    ["a list that is not one", withConfigurations({}), "userPools.0.riskConfigurations: must be an array"],
    [
      "two configurations for one client",
      withConfigurations([{ ClientId: "app1" }, {}, { ClientId: "app1" }]),
      "userPools.0.riskConfigurations.2.ClientId: another configuration has the same client id"
    ],
    [
      "two of the pool's own",
      withConfigurations([{}, { ClientId: "app1" }, {}]),
      "userPools.0.riskConfigurations.2.ClientId: another configuration is the pool's own"
    ],
    ["a domain that is not a string", withConfigurations([], { domain: 7 }), "userPools.0.domain: must be a string"]
  ]
  for (const [name, json, message] of bad) {
    it(`refuses ${name}, naming its path`, () => {
      expect(messageOf(SimulationSeed.decode(json))).toBe(message)
      expect(messageOf(SimulationSeed.check("file", json))).toBe(message)
    })
  }

  it("a nested typo in a configuration is refused, not read as the default (unknown fields are errors)", () => {
    // `HighActoin` would otherwise leave High risk without an action, silently
    const json = withConfigurations([{
      AccountTakeoverRiskConfiguration: { Actions: { HighActoin: { Notify: true, EventAction: "BLOCK" } } }
    }])
    expect(messageOf(SimulationSeed.decode(json))).toBe(
      "userPools.0.riskConfigurations.0.AccountTakeoverRiskConfiguration.Actions.HighActoin: is not a known field"
    )
  })

  it("a seeded configuration is answered as the same configuration set with SetRiskConfiguration is", () => {
    // nested nulls count as absent for both; SetRiskConfiguration stores them as absent
    const configuration = {
      AccountTakeoverRiskConfiguration: {
        NotifyConfiguration: null,
        Actions: { LowAction: null, HighAction: { Notify: true, EventAction: "BLOCK" } }
      }
    }
    const bySeed = fromJson(withConfigurations([configuration], { advancedSecurityMode: "ENFORCED" }))
    const bySet = setRisk(fromJson(withConfigurations([], { advancedSecurityMode: "ENFORCED" })), configuration)
    const describe = (state: Simulation.State) =>
      outputOf(Simulation.decide(state, "DescribeRiskConfiguration", { UserPoolId: poolId }, t0))
    expect(describe(bySet)).toEqual({
      RiskConfiguration: {
        UserPoolId: poolId,
        AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: true, EventAction: "BLOCK" } } },
        LastModifiedDate: new Date(t0)
      }
    })
    expect(describe(bySeed)).toEqual(describe(bySet))
  })

  it("no message repeats a value of the seed", () => {
    const secret = "SECRET-SUBJECT-1"
    const json = withConfigurations([{
      ClientId: `${secret} `,
      AccountTakeoverRiskConfiguration: {
        NotifyConfiguration: { SourceArn: secret, BlockEmail: { Subject: secret.repeat(20) } },
        Actions: {}
      }
    }])
    const message = messageOf(SimulationSeed.decode(json))
    expect(message).not.toBe("Ok")
    expect(message).not.toContain(secret)
  })

  it("addUserPool takes the same fields", () => {
    const added = Simulation.addUserPool(Simulation.empty, {
      id: poolId,
      advancedSecurityMode: "ENFORCED",
      domain: "login.example.net",
      users: [{ username: "alice", sub: "s" }],
      riskConfigurations: [{
        AccountTakeoverRiskConfiguration: { Actions: { HighAction: { Notify: false, EventAction: "MFA_REQUIRED" } } }
      }]
    }, { now: new Date(t0), newSub: () => "x" })
    if (added._tag === "Err") throw new Error(added.message)
    const result = signIn(added.value)
    expect(result.action).toBe("MFA_REQUIRED")
    expect(added.value.pools.get(poolId)?.domain).toBe("login.example.net")
  })
})

describe("SimulationSeed.decodeRiskySignIn: the flat HTTP body", () => {
  const messageOf = (result: SimulationSeed.Result<unknown>) => (result._tag === "Err" ? result.message : "Ok")

  it("reads the context's fields beside the others, loginTime as a Date", () => {
    const result = SimulationSeed.decodeRiskySignIn({
      userPoolId: poolId,
      username: "alice",
      riskLevel: "Medium",
      clientId: "app1",
      ipAddress: "192.0.2.1",
      city: "Lisbon",
      country: "Portugal",
      deviceName: "Firefox",
      loginTime: "2026-11-04T08:30:00Z"
    })
    expect(result).toEqual({
      _tag: "Ok",
      value: {
        userPoolId: poolId,
        username: "alice",
        riskLevel: "Medium",
        clientId: "app1",
        context: {
          ipAddress: "192.0.2.1",
          city: "Lisbon",
          country: "Portugal",
          deviceName: "Firefox",
          loginTime: new Date(Date.UTC(2026, 10, 4, 8, 30))
        }
      }
    })
    // and it is what riskySignIn takes
    if (result._tag === "Err") throw new Error(result.message)
    const state = setRisk(seeded(), {
      ClientId: "app1",
      AccountTakeoverRiskConfiguration: takeover({ Medium: [true, "BLOCK"] }, null)
    })
    const signedIn = Simulation.riskySignIn(state, result.value, {
      now: new Date(t0),
      eventId: "evt-h",
      feedbackToken: "tok.h",
      customEmailSender: false
    })
    if (signedIn._tag === "Err") throw new Error(signedIn.message)
    expect(signedIn.value.action).toBe("BLOCK")
    if (signedIn.value.notified._tag !== "Email") throw new Error("no email")
    expect(signedIn.value.notified.message.textBody).toContain(
      "Lisbon, Portugal (192.0.2.1) on Firefox at 2026-11-04T08:30:00.000Z"
    )
  })

  it("the least body: no client, an empty context", () => {
    const result = SimulationSeed.decodeRiskySignIn({ userPoolId: poolId, username: "alice", riskLevel: "Low" })
    if (result._tag === "Err") throw new Error(result.message)
    expect(result.value.userPoolId).toBe(poolId)
    expect(result.value.clientId).toBeUndefined()
    expect(result.value.context ?? {}).toEqual({})
  })

  const cases: ReadonlyArray<readonly [string, unknown, string]> = [
    ["not an object", [], "request must be an object"],
    ["nothing", {}, "userPoolId: is required; username: is required; riskLevel: is required"],
    [
      "a bad risk level and login time",
      { userPoolId: poolId, username: "alice", riskLevel: "high", loginTime: "yesterday" },
      "riskLevel: must be one of Low, Medium, High; loginTime: must be an ISO 8601 date"
    ],
    [
      "the context nested (the body is flat)",
      { userPoolId: poolId, username: "alice", riskLevel: "Low", context: { city: "Lisbon" } },
      "context: is not a known field"
    ],
    [
      "a field that is not a string",
      { userPoolId: poolId, username: "alice", riskLevel: "Low", city: 7 },
      "city: must be a string"
    ],
    [
      "a bad pool id and username, without repeating them",
      { userPoolId: "secret pool", username: "secret user", riskLevel: "Low" },
      "userPoolId: must match ^[\\w-]+_[0-9a-zA-Z]+$; username: must match ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"
    ],
    [
      "an unknown field",
      { userPoolId: poolId, username: "alice", riskLevel: "Low", eventId: "evt-1" },
      "eventId: is not a known field"
    ]
  ]
  for (const [name, json, message] of cases) {
    it(`refuses ${name}`, () => {
      expect(messageOf(SimulationSeed.decodeRiskySignIn(json))).toBe(message)
    })
  }

  it("check(\"riskySignIn\") reads the code form: the context nested, loginTime a Date", () => {
    const value = {
      userPoolId: poolId,
      username: "alice",
      riskLevel: "High",
      context: { city: "Lisbon", loginTime: new Date(t0) }
    }
    expect(SimulationSeed.check("riskySignIn", value)).toEqual({ _tag: "Ok", value })
    expect(messageOf(SimulationSeed.check("riskySignIn", { ...value, context: { loginTime: "2026-11-04" } }))).toBe(
      "context.loginTime: must be an ISO 8601 date"
    )
    expect(messageOf(SimulationSeed.check("riskySignIn", { ...value, city: "Lisbon" }))).toBe(
      "city: is not a known field"
    )
    expect(SimulationSeed.missingSubs("riskySignIn", value)).toBe(0)
  })
})
