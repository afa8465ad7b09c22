/**
 * The simulator's risky sign-in, a few cases through the Effect 4 binding: a configuration set over
 * `SetRiskConfiguration`, the email it puts in the outbox, a custom email sender in its place, the
 * error for an unknown user, a feedback token refused the second time, and the emulator's
 * `/_testkit/` endpoints. (The rules themselves are
 * the protocol's and tested there; a suite shared by both editions will cover the rest.)
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Ref } from "effect"
import * as CognitoEmulator from "../src/CognitoEmulator.js"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import type * as SimulatorSeed from "../src/SimulatorSeed.js"

const poolId = "us-east-1_Risk1"

const seed: SimulatorSeed.SeedFile = {
  userPools: [{
    id: poolId,
    advancedSecurityMode: "ENFORCED",
    users: [{ username: "alice", sub: "sub-alice", attributes: { email: "alice@example.com" } }]
  }]
}

const riskConfiguration = {
  UserPoolId: poolId,
  AccountTakeoverRiskConfiguration: {
    NotifyConfiguration: {
      SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/security@example.com",
      BlockEmail: { Subject: "Blocked: {username}", TextBody: "block {event-id} {feedback-token}" }
    },
    Actions: { HighAction: { Notify: true, EventAction: "BLOCK" } }
  }
}

const signIn: CognitoSimulator.RiskySignIn = {
  userPoolId: poolId,
  username: "alice",
  riskLevel: "High",
  context: { ipAddress: "192.0.2.1", city: "Lisbon", country: "Portugal" }
}

describe("RiskySignIn", () => {
  it.effect("SetRiskConfiguration, then a risky sign-in emails the user; the outbox holds it", () =>
    Effect.gen(function*() {
      const sim = yield* CognitoSimulator.make({ seed })
      yield* sim.setRiskConfiguration(riskConfiguration)
      const described = yield* sim.describeRiskConfiguration({ UserPoolId: poolId })
      assert.deepStrictEqual(
        described.RiskConfiguration.AccountTakeoverRiskConfiguration?.Actions.HighAction,
        { Notify: true, EventAction: "BLOCK" }
      )
      const result = yield* sim.riskySignIn(signIn)
      assert.strictEqual(result.action, "BLOCK")
      assert.strictEqual(result.event.EventResponse, "Fail")
      assert.strictEqual(result.notified._tag, "Email")
      const outbox = yield* sim.outbox
      assert.strictEqual(outbox.length, 1)
      const [message] = outbox
      assert.strictEqual(message?.to, "alice@example.com")
      assert.strictEqual(message?.eventId, result.eventId)
      assert.strictEqual(message?.subject, "Blocked: alice")
      assert.include(message?.textBody ?? "", `block ${result.eventId} `)
    }))

  it.effect("a custom email sender receives the takeover event, and nothing goes to the outbox", () =>
    Effect.gen(function*() {
      const received = yield* Ref.make<ReadonlyArray<CognitoSimulator.TakeoverEvent>>([])
      const sim = yield* CognitoSimulator.make({
        seed,
        customEmailSender: (event) => Ref.update(received, (events) => [...events, event])
      })
      yield* sim.setRiskConfiguration(riskConfiguration)
      const result = yield* sim.riskySignIn(signIn)
      assert.strictEqual(result.notified._tag, "CustomEmailSender")
      const events = yield* Ref.get(received)
      assert.strictEqual(events.length, 1)
      assert.strictEqual(events[0]?.userPoolId, poolId)
      assert.strictEqual(events[0]?.userName, "alice")
      assert.deepStrictEqual(yield* sim.outbox, [])
    }))

  it.effect("a failing custom email sender: RiskySignInError with the cause, the event still recorded", () =>
    Effect.gen(function*() {
      const sim = yield* CognitoSimulator.make({ seed, customEmailSender: () => Effect.fail(new Error("down")) })
      yield* sim.setRiskConfiguration(riskConfiguration)
      const error = yield* Effect.flip(sim.riskySignIn(signIn))
      assert.strictEqual(error._tag, "RiskySignInError")
      assert.instanceOf(error.cause, Error)
      const listed = yield* sim.adminListUserAuthEvents({ UserPoolId: poolId, Username: "alice" })
      assert.strictEqual(listed.AuthEvents?.length, 1)
    }))

  it.effect("an unknown user: RiskySignInError whose message does not repeat the username", () =>
    Effect.gen(function*() {
      const sim = yield* CognitoSimulator.make({ seed })
      const error = yield* Effect.flip(sim.riskySignIn({ ...signIn, username: "mallory-secret-name" }))
      assert.instanceOf(error, CognitoSimulator.RiskySignInError)
      assert.include(error.message, "username")
      assert.notInclude(error.message, "mallory-secret-name")
      assert.deepStrictEqual(yield* sim.outbox, [])
    }))

  it.effect("tokenReuse reject: the minted token is accepted once, then NotAuthorizedException", () =>
    Effect.gen(function*() {
      const sim = yield* CognitoSimulator.make({ seed, tokenReuse: "reject" })
      yield* sim.setRiskConfiguration(riskConfiguration)
      const { event, eventId, notified } = yield* sim.riskySignIn(signIn)
      // the token minted for the event: the last word of the email's text (`block {event-id} {feedback-token}`)
      const feedbackToken = notified._tag === "Email" ? notified.message.textBody.split(" ").at(-1) : undefined
      assert.isString(feedbackToken)
      const update = sim.updateAuthEventFeedback({
        UserPoolId: poolId,
        Username: "alice",
        EventId: eventId,
        FeedbackToken: feedbackToken,
        FeedbackValue: "Invalid"
      })
      assert.strictEqual(event.EventId, eventId)
      yield* update
      const error = yield* Effect.flip(update)
      assert.strictEqual(error._tag, "NotAuthorizedException")
      // with the default (accept) the same token records again
      yield* sim.setTokenReuse("accept")
      yield* update
    }))

  it.effect("the emulator: POST /_testkit/risky-sign-in, then GET /_testkit/outbox", () =>
    Effect.gen(function*() {
      const sim = yield* CognitoSimulator.CognitoSimulator
      const { url } = yield* CognitoEmulator.CognitoEmulator
      yield* sim.setRiskConfiguration(riskConfiguration)
      const json = (path: string, init?: RequestInit) =>
        Effect.promise(async () => {
          const response = await fetch(`${url}${path}`, init)
          return { status: response.status, body: await response.json() as Record<string, unknown> }
        })
      const signedIn = yield* json("/_testkit/risky-sign-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userPoolId: poolId, username: "alice", riskLevel: "High", city: "Lisbon" })
      })
      assert.strictEqual(signedIn.status, 200)
      assert.isString(signedIn.body["eventId"])
      const outbox = yield* json("/_testkit/outbox")
      assert.strictEqual(outbox.status, 200)
      const messages = outbox.body["messages"] as ReadonlyArray<CognitoSimulator.OutboxMessage>
      assert.deepStrictEqual(messages.map((message) => [message.to, message.eventId]), [
        ["alice@example.com", signedIn.body["eventId"]]
      ])
      const refused = yield* json("/_testkit/risky-sign-in", {
        method: "POST",
        body: JSON.stringify({ userPoolId: poolId, username: "mallory-secret-name", riskLevel: "High" })
      })
      assert.strictEqual(refused.status, 400)
      assert.notInclude(String(refused.body["message"]), "mallory-secret-name")
      assert.strictEqual((yield* json("/_testkit/outbox", { method: "POST" })).status, 405)
    }).pipe(Effect.provide(Layer.fresh(CognitoEmulator.layerWithSimulator({ seed })))))
})
