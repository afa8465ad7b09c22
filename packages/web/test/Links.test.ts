// The links and the email template, and a round trip: a link, filled in as Cognito fills it in,
// opens the question, whose button records exactly the link's request.
import { UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { AuthEventFeedbackTest } from "@cognito-feedback/testkit"
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Effect, Either, FastCheck as fc, Redacted } from "effect"
import { formOf, hiddenFields, makePage, post } from "./support.js"

const templateOptions = { baseUrl: "https://example.com/app/", userPoolId: "us-east-1_AbCdEf123" }

describe("linkTemplates", () => {
  it.effect("gives the two links with Cognito's placeholders, and only the Invalid one says 'invalid'", () =>
    Effect.gen(function*() {
      const templates = yield* FeedbackPage.linkTemplates(templateOptions)
      const query = "user-pool-id=us-east-1_AbCdEf123&username={username}&event-id={event-id}&" +
        "feedback-token={feedback-token}"
      assert.strictEqual(templates.valid, `https://example.com/app/auth-events/feedback?${query}&feedback=valid`)
      assert.strictEqual(templates.invalid, `https://example.com/app/auth-events/feedback?${query}&feedback=invalid`)
      assert.notInclude(templates.valid.toLowerCase(), "invalid")
      assert.include(templates.invalid, "invalid")
    }))

  it.effect("the email uses both links; in HTML the links are escaped for their attribute", () =>
    Effect.gen(function*() {
      const { email, invalid, valid } = yield* FeedbackPage.linkTemplates({ ...templateOptions, path: "/fb" })
      assert.include(email.textBody, valid)
      assert.include(email.textBody, invalid)
      assert.include(email.htmlBody, `<a href="${valid.replaceAll("&", "&amp;")}">`)
      assert.include(email.htmlBody, `<a href="${invalid.replaceAll("&", "&amp;")}">`)
      for (const placeholder of ["{username}", "{city}", "{device-name}", "{login-time}"]) {
        assert.include(email.textBody, placeholder)
      }
      assert.isAbove(email.subject.length, 0)
    }))

  it.effect("with signInDetails, the links also carry Cognito's sign-in placeholders, which the question shows", () =>
    Effect.gen(function*() {
      const { valid } = yield* FeedbackPage.linkTemplates({ ...templateOptions, signInDetails: true })
      assert.isTrue(
        valid.endsWith(
          "&feedback=valid&city={city}&country={country}&device-name={device-name}&login-time={login-time}" +
            "&ip-address={ip-address}"
        ),
        valid
      )
      const filled = valid.replace("https://example.com/app", "http://127.0.0.1:8080").replace("{username}", "alice")
        .replace("{event-id}", "evt-1").replace("{feedback-token}", "tok").replace("{city}", "Lyon")
        .replace("{country}", "France").replace("{device-name}", "Firefox, Linux")
        .replace("{login-time}", "2026-11-01 10:00 UTC").replace("{ip-address}", "203.0.113.7")
      const { send } = yield* makePage({ productName: "Example" })
      const question = yield* send(new Request(filled))
      assert.include(
        question.body,
        "The sign-in was from Lyon, France (203.0.113.7), on Firefox, Linux, at 2026-11-01 10:00 UTC."
      )
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerScripted([]))))

  it("refuses a base URL that is not an absolute http(s) URL, or a bad pool id", () => {
    for (const baseUrl of ["example.com", "ftp://example.com", "https://example.com/?a=1", "javascript:alert(1)"]) {
      const result = FeedbackPage.linkTemplates({ ...templateOptions, baseUrl })
      assert.isTrue(Either.isLeft(result) && result.left.message.startsWith("baseUrl:"), baseUrl)
    }
    const pool = FeedbackPage.linkTemplates({ ...templateOptions, userPoolId: "nope" })
    assert.isTrue(Either.isLeft(pool) && pool.left.message.startsWith("userPoolId:"))
  })
})

const request = Arbitrary.make(UpdateAuthEventFeedback.UpdateAuthEventFeedbackRequest)

describe("a link, opened and answered", () => {
  it.effect.prop(
    "the template filled in as Cognito does, or links(), asks about and records exactly that request",
    [request, fc.boolean()],
    ([request, fromTemplate]) =>
      Effect.gen(function*() {
        const options = { baseUrl: "http://127.0.0.1:8080", userPoolId: request.UserPoolId }
        const username = Redacted.value(request.Username)
        const feedbackToken = Redacted.value(request.FeedbackToken)
        const link = fromTemplate
          ? (yield* FeedbackPage.linkTemplates(options))[request.FeedbackValue === "Valid" ? "valid" : "invalid"]
            // Cognito writes the values in as they are; a username holding & # % or a space-like
            // character would need encoding, which is why links() exists
            .replace("{username}", () => /^[^&#%=]*$/.test(username) ? username : encodeURIComponent(username))
            .replace("{event-id}", () => request.EventId)
            .replace("{feedback-token}", () => feedbackToken)
          : (yield* FeedbackPage.links(options, { username, eventId: request.EventId, feedbackToken }))[
            request.FeedbackValue === "Valid" ? "valid" : "invalid"
          ]
        const { send } = yield* makePage({ productName: "Example" })
        const question = yield* send(new Request(link))
        assert.strictEqual(question.status, 200, link)
        const answer = yield* send(post(formOf(hiddenFields(question.body))))
        assert.strictEqual(answer.status, 200)
        const calls = yield* AuthEventFeedbackTest.ScriptedCalls
        assert.strictEqual(calls.length, 1)
        const sent = calls[0]
        assert.strictEqual(sent?.UserPoolId, request.UserPoolId)
        assert.strictEqual(sent && Redacted.value(sent.Username), username)
        assert.strictEqual(sent?.EventId, request.EventId)
        assert.strictEqual(sent && Redacted.value(sent.FeedbackToken), feedbackToken)
        assert.strictEqual(sent?.FeedbackValue, request.FeedbackValue)
      }).pipe(Effect.provide(AuthEventFeedbackTest.layerScripted([]))),
    { fastCheck: { numRuns: 100 } }
  )
})
