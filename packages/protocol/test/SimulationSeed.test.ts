/**
 * The seed format: its messages as literals (the path of the bad field, the request member's rule
 * as the service model states it, never a value from the seed), its defaults as the design
 * document states them, and the file's example from the design document accepted as it is.
 */
import { describe, expect, it } from "vitest"
import * as SimulationSeed from "../src/SimulationSeed.js"

const messageOf = (result: SimulationSeed.Result<unknown>) => (result._tag === "Err" ? result.message : "Ok")

const user = (authEvents: ReadonlyArray<unknown>) => ({ username: "u", authEvents })

describe("SimulationSeed.decode", () => {
  it("accepts the design document's example, dates as Dates", () => {
    const result = SimulationSeed.decode(JSON.parse(`{
      "userPools": [
        {
          "id": "us-east-1_Example1",
          "advancedSecurityMode": "AUDIT",
          "aliasAttributes": ["email"],
          "users": [
            {
              "username": "alice",
              "sub": "0f8fad5b-d9cb-469f-a165-70867728950e",
              "attributes": { "email": "alice@example.com" },
              "authEvents": [
                { "eventId": "evt-1", "feedbackToken": "tok.valid-1", "eventType": "SignIn",
                  "riskLevel": "High", "creationDate": "2026-11-01T10:00:00Z" }
              ]
            }
          ]
        }
      ]
    }`))
    expect(result).toEqual({
      _tag: "Ok",
      value: {
        userPools: [{
          id: "us-east-1_Example1",
          advancedSecurityMode: "AUDIT",
          aliasAttributes: ["email"],
          users: [{
            username: "alice",
            sub: "0f8fad5b-d9cb-469f-a165-70867728950e",
            attributes: { email: "alice@example.com" },
            authEvents: [{
              eventId: "evt-1",
              feedbackToken: "tok.valid-1",
              eventType: "SignIn",
              riskLevel: "High",
              creationDate: new Date(Date.UTC(2026, 10, 1, 10))
            }]
          }]
        }]
      }
    })
  })

  it("names a missing field by its path", () => {
    expect(messageOf(SimulationSeed.decode({
      userPools: [{
        id: "us-east-1_Test1",
        users: [{ username: "a" }, { username: "b", authEvents: [{ feedbackToken: "t" }] }]
      }]
    }))).toBe("userPools.0.users.1.authEvents.0.eventId: is required")
  })

  it("names wrong values and unknown fields by their path, unknown fields first, never the value", () => {
    const message = messageOf(SimulationSeed.decode({
      userPools: [
        {
          id: "secret pool",
          advancedSecurityMode: "SECRET",
          aliasAttribute: ["email"],
          users: [
            user([{ eventId: "e", feedbackToken: "secret token", creationDate: "secret-date" }]),
            { username: "secret user" }
          ]
        }
      ]
    }))
    expect(message).toBe(
      [
        "userPools.0.aliasAttribute: is not a known field",
        "userPools.0.id: must match ^[\\w-]+_[0-9a-zA-Z]+$",
        "userPools.0.advancedSecurityMode: must be one of OFF, AUDIT, ENFORCED",
        "userPools.0.users.0.authEvents.0.feedbackToken: must match ^[A-Za-z0-9-_=.]+$",
        "userPools.0.users.0.authEvents.0.creationDate: must be an ISO 8601 date",
        "userPools.0.users.1.username: must match ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"
      ].join("; ")
    )
    expect(message).not.toMatch(/secret/i)
  })

  it("names duplicates by their path, once the rest is valid", () => {
    expect(messageOf(SimulationSeed.decode({ userPools: [{ id: "a_1" }, { id: "b_1" }, { id: "a_1" }] }))).toBe(
      "userPools.2.id: another user pool has the same id"
    )
    expect(messageOf(SimulationSeed.decode({
      userPools: [{
        id: "a_1",
        aliasAttributes: ["email"],
        users: [
          { username: "a", attributes: { email: "same@example.com" } },
          { username: "b", attributes: { email: "same@example.com" } },
          { username: "a" }
        ]
      }]
    }))).toBe(
      [
        "userPools.0.users.1.attributes.email: another user has the same email (an alias attribute of this pool)",
        "userPools.0.users.2.username: another user has the same username"
      ].join("; ")
    )
    expect(messageOf(SimulationSeed.decode({
      userPools: [{
        id: "a_1",
        users: [user([{ eventId: "e", feedbackToken: "t" }, { eventId: "e", feedbackToken: "t" }])]
      }]
    }))).toBe("userPools.0.users.0.authEvents.1.eventId: another event of this user has the same id")
    // a duplicate is not looked for while something else is wrong
    expect(messageOf(SimulationSeed.decode({ userPools: [{ id: "a_1" }, { id: "a_1", users: 1 }] }))).toBe(
      "userPools.1.users: must be an array"
    )
  })

  it("the types of every field", () => {
    expect(messageOf(SimulationSeed.decode([]))).toBe("seed must be an object")
    expect(messageOf(SimulationSeed.decode({ userPools: {} }))).toBe("userPools: must be an array")
    expect(messageOf(SimulationSeed.decode({
      userPools: [{
        id: 1,
        aliasAttributes: ["name"],
        users: [
          {
            username: "u",
            sub: "",
            attributes: { email: 1 },
            authEvents: [{
              eventId: "e",
              feedbackToken: "t",
              compromisedCredentialsDetected: "yes",
              challengeResponses: [{ challengeName: "Sms", challengeResponse: "Success" }],
              eventContextData: { city: 1 },
              feedback: { feedbackValue: "Maybe", provider: "Robot", feedbackDate: 0 }
            }]
          },
          { username: "v", attributes: [] },
          "w"
        ]
      }]
    }))).toBe(
      [
        "userPools.0.id: must be a string",
        "userPools.0.aliasAttributes.0: must be one of email, phone_number, preferred_username",
        "userPools.0.users.0.sub: must be at least 1 character long",
        "userPools.0.users.0.attributes.email: must be a string",
        "userPools.0.users.0.authEvents.0.compromisedCredentialsDetected: must be a boolean",
        "userPools.0.users.0.authEvents.0.challengeResponses.0.challengeName: must be one of Password, Mfa",
        "userPools.0.users.0.authEvents.0.eventContextData.city: must be a string",
        "userPools.0.users.0.authEvents.0.feedback.feedbackValue: must be \"Valid\" or \"Invalid\"",
        "userPools.0.users.0.authEvents.0.feedback.provider: must be one of User, Admin",
        "userPools.0.users.0.authEvents.0.feedback.feedbackDate: must be an ISO 8601 date",
        "userPools.0.users.1.attributes: must be an object of strings",
        "userPools.0.users.2: must be an object"
      ].join("; ")
    )
  })

  it("text that is not JSON gets a fixed message that quotes nothing", () => {
    expect(messageOf(SimulationSeed.decodeJson("{ \"userPools\": [ secret"))).toBe("seed is not valid JSON")
  })
})

describe("SimulationSeed.check: values built in code", () => {
  it("dates are Dates, not strings; a prefix goes before every path", () => {
    expect(messageOf(SimulationSeed.check("event", { eventId: "e", feedbackToken: "t", creationDate: "2026-11-01" })))
      .toBe("creationDate: must be an ISO 8601 date")
    expect(messageOf(SimulationSeed.check("event", { eventId: "e", feedbackToken: "t", creationDate: new Date("x") })))
      .toBe("creationDate: must be an ISO 8601 date")
    expect(SimulationSeed.check("event", { eventId: "e", feedbackToken: "t", creationDate: new Date(0) })._tag).toBe(
      "Ok"
    )
    expect(messageOf(SimulationSeed.check("user", { username: "a b" }, ["userPools", 0, "users", 3]))).toBe(
      "userPools.0.users.3.username: must match ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$"
    )
    expect(messageOf(SimulationSeed.check("pool", "pool"))).toBe("seed must be an object")
  })

  it("an optional field may be given as undefined", () => {
    expect(SimulationSeed.check("user", { username: "u", sub: undefined, authEvents: undefined })._tag).toBe("Ok")
  })
})

describe("SimulationSeed defaults and counts", () => {
  it("the design document's defaults", () => {
    expect(SimulationSeed.defaults).toEqual({
      advancedSecurityMode: "AUDIT",
      eventType: "SignIn",
      eventResponse: "Pass",
      riskDecision: "NoRisk",
      riskLevel: "Low",
      compromisedCredentialsDetected: false,
      feedbackProvider: "User"
    })
  })

  it("the pool's modes are the service model's", () => {
    expect(SimulationSeed.advancedSecurityModes).toEqual(["OFF", "AUDIT", "ENFORCED"])
  })

  it("missingSubs counts the users a simulator mints a sub for", () => {
    const pool = {
      id: "a_1",
      users: [{ username: "a" }, { username: "b", sub: "s" }, { username: "c", sub: undefined }]
    }
    expect(SimulationSeed.missingSubs("file", { userPools: [pool, pool] })).toBe(4)
    expect(SimulationSeed.missingSubs("pool", pool)).toBe(2)
    expect(SimulationSeed.missingSubs("user", { username: "a" })).toBe(1)
    expect(SimulationSeed.missingSubs("event", { eventId: "e" })).toBe(0)
    expect(SimulationSeed.missingSubs("file", "not a seed")).toBe(0)
  })
})
