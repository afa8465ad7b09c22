// The links and the email templates, and round trips: a template filled in as Cognito fills it in
// (every value written in raw) gives links the page reads back to exactly those values, and opens the
// question, whose button records exactly the link's request.
import { UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { AuthEventFeedbackTest } from "@cognito-feedback/testkit"
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, it } from "@effect/vitest"
import { Arbitrary, Effect, Either, FastCheck as fc, Redacted } from "effect"
import * as Link from "../src/internal/link.js"
import { decodeEntities, fillIn, formOf, hiddenFields, makePage, post } from "./support.js"

const sourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
const templateOptions = { baseUrl: "https://example.com/app/", userPoolId: "us-east-1_AbCdEf123", sourceArn }
const pageUrl = "https://example.com/app/auth-events/feedback"

const freeText = ["{city}", "{country}", "{device-name}", "{login-time}", "{ip-address}"] as const

const emailsOf = (templates: FeedbackPage.LinkTemplates) => {
  const { BlockEmail, MfaEmail, NoActionEmail } = templates.riskConfiguration.NotifyConfiguration
  return { BlockEmail, MfaEmail, NoActionEmail }
}

/** The `href`s of an HTML body, as a mail client reads them (attribute entities decoded). */
const hrefsOf = (htmlBody: string): ReadonlyArray<string> =>
  Array.from(htmlBody.matchAll(/href="([^"]*)"/g), (match) => decodeEntities(match[1] ?? ""))

/** The links of a text body: the lines that start with the page's URL. */
const linksOf = (textBody: string): ReadonlyArray<string> =>
  textBody.split("\n").filter((line) => line.startsWith(`${pageUrl}?`))

/** What the page reads from a link, as a browser sends it (`new URL` normalises and percent-encodes). */
const readLink = (link: string) =>
  Effect.either(Link.decodeLink(Link.queryOfUrl(new URL(link).href), undefined)).pipe(
    Effect.map(Either.map(({ request }) => ({
      UserPoolId: request.UserPoolId,
      Username: Redacted.value(request.Username),
      EventId: request.EventId,
      FeedbackToken: Redacted.value(request.FeedbackToken),
      FeedbackValue: request.FeedbackValue
    })))
  )

/** Characters of each class the `Username` pattern admits, `&`, `#` and `%` left out (they need encoding). */
const usernameAlphabet = Array.from("aZé中ʼ\u0301\u0903+$€😀079٣!-_.@'\"()=?/;:<>[]|\\^`~*,")

const username = (alphabet: ReadonlyArray<string>) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 128 }).map((cs) => cs.join("")).filter((u) =>
    UpdateAuthEventFeedback.brokenRule(u, UpdateAuthEventFeedback.rules.Username) === undefined
  )

const eventId = Arbitrary.make(UpdateAuthEventFeedback.EventId)
const feedbackToken = Arbitrary.make(UpdateAuthEventFeedback.FeedbackToken).map(Redacted.value)

describe("linkTemplates", () => {
  it.effect("gives the two links with Cognito's placeholders, and only the Invalid one says 'invalid'", () =>
    Effect.gen(function*() {
      const templates = yield* FeedbackPage.linkTemplates(templateOptions)
      const query = "user-pool-id=us-east-1_AbCdEf123&username={username}&event-id={event-id}&" +
        "feedback-token={feedback-token}"
      assert.strictEqual(templates.valid, `${pageUrl}?${query}&feedback=valid`)
      assert.strictEqual(templates.invalid, `${pageUrl}?${query}&feedback=invalid`)
      assert.notInclude(templates.valid.toLowerCase(), "invalid")
      assert.include(templates.invalid, "invalid")
    }))

  it.effect("each email uses both links; in HTML the links are escaped for their attribute", () =>
    Effect.gen(function*() {
      const templates = yield* FeedbackPage.linkTemplates({ ...templateOptions, path: "/fb" })
      const { invalid, valid } = templates
      for (const [name, email] of Object.entries(emailsOf(templates))) {
        for (const link of [valid, invalid]) {
          assert.include(email.TextBody, `\n${link}\n`, name)
          assert.include(email.HtmlBody, `<a href="${link.replaceAll("&", "&amp;")}">`, name)
        }
        assert.include(email.TextBody, "Was this you?", name)
        assert.include(email.HtmlBody, "Was this you?", name)
      }
      const { BlockEmail, MfaEmail, NoActionEmail } = emailsOf(templates)
      assert.include(BlockEmail.TextBody, "We blocked a sign-in")
      assert.include(MfaEmail.TextBody, "extra verification")
      assert.include(NoActionEmail.TextBody, "did not look like you")
      assert.strictEqual(new Set([BlockEmail.Subject, MfaEmail.Subject, NoActionEmail.Subject]).size, 3)
    }))

  it.effect("URLs hold only {username}, {event-id} and {feedback-token}; the sign-in details are in the text body only", () =>
    Effect.gen(function*() {
      const templates = yield* FeedbackPage.linkTemplates(templateOptions)
      for (const link of [templates.valid, templates.invalid]) {
        assert.deepStrictEqual(Array.from(link.matchAll(/\{[a-z-]+\}/g), ([p]) => p), [
          "{username}",
          "{event-id}",
          "{feedback-token}"
        ])
      }
      for (const [name, email] of Object.entries(emailsOf(templates))) {
        for (const placeholder of freeText) {
          assert.include(email.TextBody, placeholder, name)
          assert.notInclude(email.HtmlBody, placeholder, name)
        }
        // in HTML, a placeholder appears only inside a link
        const outsideLinks = email.HtmlBody.replace(/href="[^"]*"/g, "")
        assert.notMatch(outsideLinks, /\{[a-z-]+\}/, name)
      }
    }))

  it.effect("links() still carries the sign-in details, percent-encoded, and the question shows them", () =>
    Effect.gen(function*() {
      const { valid } = yield* FeedbackPage.links({ baseUrl: "http://127.0.0.1:8080", userPoolId: "us-east-1_Ex1" }, {
        username: "a&b#c%d",
        eventId: "evt-1",
        feedbackToken: "tok",
        signIn: {
          city: "Lyon",
          country: "France",
          deviceName: "Firefox, Linux",
          loginTime: "2026-11-01 10:00 UTC",
          ipAddress: "203.0.113.7"
        }
      })
      assert.include(valid, "&device-name=Firefox%2C%20Linux&")
      const { send } = yield* makePage({ productName: "Example" })
      const question = yield* send(new Request(valid))
      assert.include(
        question.body,
        "The sign-in was from Lyon, France (203.0.113.7), on Firefox, Linux, at 2026-11-01 10:00 UTC."
      )
      assert.strictEqual(hiddenFields(question.body).username, "a&b#c%d")
    }).pipe(Effect.provide(AuthEventFeedbackTest.layerScripted([]))))

  it("refuses options it cannot use, naming the option", () => {
    const cases: ReadonlyArray<readonly [Partial<FeedbackPage.LinkTemplateOptions>, string, RegExp]> = [
      [{ baseUrl: "example.com" }, "baseUrl", /^baseUrl: must be an absolute http or https URL$/],
      [{ baseUrl: "ftp://example.com" }, "baseUrl", /^baseUrl: /],
      [{ baseUrl: "https://example.com/?a=1" }, "baseUrl", /^baseUrl: must have no query or fragment$/],
      [{ baseUrl: "javascript:alert(1)" }, "baseUrl", /^baseUrl: /],
      [{ baseUrl: `https://example.com/${"a".repeat(10_000)}` }, "baseUrl", /^baseUrl: makes HtmlBody break/],
      [{ userPoolId: "nope" }, "userPoolId", /^userPoolId: must match/],
      [{ path: "fb" }, "path", /^path: must start with \//],
      [{ sourceArn: "no-reply@example.com" }, "sourceArn", /^sourceArn: must be an ARN, e.g. arn:aws:ses:/],
      [{ sourceArn: "arn:aws:ses:us-east-1:123456789012" }, "sourceArn", /^sourceArn: must be an ARN/],
      [{ sourceArn: "arn:a:b::1:identity" }, "sourceArn", /^sourceArn: must be at least 20 characters long$/],
      [{ from: "no-reply" }, "from", /^from: must be an email address/],
      [{ from: "a@example.com\r\nBcc: b@example.com" }, "from", /^from: must be an email address/],
      [{ replyTo: "Support <support>" }, "replyTo", /^replyTo: must be an email address/],
      [
        { actions: { High: { eventAction: "ALLOW" as FeedbackPage.EventAction } } },
        "actions.High.eventAction",
        /^actions\.High\.eventAction: must be one of BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED, NO_ACTION$/
      ],
      [
        { actions: { Low: { eventAction: "constructor" as FeedbackPage.EventAction } } },
        "actions.Low.eventAction",
        /^actions\.Low\.eventAction: must be one of/
      ]
    ]
    for (const [options, option, message] of cases) {
      const result = FeedbackPage.linkTemplates({ ...templateOptions, ...options })
      assert.isTrue(Either.isLeft(result), option)
      if (Either.isLeft(result)) {
        assert.strictEqual(result.left.option, option)
        assert.match(result.left.message, message)
      }
    }
    assert.isTrue(
      Either.isRight(FeedbackPage.linkTemplates({ ...templateOptions, from: "Example <no-reply@example.com>" }))
    )
  })
})

describe("a template filled in raw, as Cognito fills it", () => {
  it.effect.prop(
    "for any username without & # %, event id and token, each link of each email reads back to exactly them",
    [username(usernameAlphabet), eventId, feedbackToken],
    ([username, eventId, feedbackToken]) =>
      Effect.gen(function*() {
        const templates = yield* FeedbackPage.linkTemplates(templateOptions)
        const values = { username, "event-id": eventId, "feedback-token": feedbackToken }
        const expected = (FeedbackValue: "Valid" | "Invalid") => ({
          UserPoolId: templateOptions.userPoolId,
          Username: username,
          EventId: eventId,
          FeedbackToken: feedbackToken,
          FeedbackValue
        })
        for (const email of Object.values(emailsOf(templates))) {
          const [valid, invalid, ...rest] = linksOf(fillIn(email.TextBody, values))
          assert.deepStrictEqual(rest, [])
          assert.deepStrictEqual(yield* readLink(valid ?? ""), Either.right(expected("Valid")))
          assert.deepStrictEqual(yield* readLink(invalid ?? ""), Either.right(expected("Invalid")))
          // a " ends the href: in HTML, the username must also be without it
          if (!username.includes("\"")) {
            const hrefs = hrefsOf(fillIn(email.HtmlBody, values))
            assert.strictEqual(hrefs.length, 2)
            assert.deepStrictEqual(yield* readLink(hrefs[0] ?? ""), Either.right(expected("Valid")))
            assert.deepStrictEqual(yield* readLink(hrefs[1] ?? ""), Either.right(expected("Invalid")))
          }
        }
      }),
    { fastCheck: { numRuns: 200 } }
  )

  it.effect.prop(
    "free-text sign-in details (spaces, commas, & < # %) go into the text body as they are and into no URL",
    {
      city: fc.stringMatching(/^[A-Za-zé ,&<>#%"':.()-]{0,40}$/),
      country: fc.stringMatching(/^[A-Za-z ,&<>#%"'.-]{0,40}$/),
      deviceName: fc.stringMatching(/^[A-Za-z0-9 ,&<>#%"';:.()-]{0,60}$/),
      loginTime: fc.stringMatching(/^[0-9 :,.+A-Z-]{0,30}$/),
      ipAddress: fc.stringMatching(/^[0-9a-f.:, ]{0,40}$/)
    },
    ({ city, country, deviceName, ipAddress, loginTime }) =>
      Effect.gen(function*() {
        const templates = yield* FeedbackPage.linkTemplates(templateOptions)
        const values = {
          username: "alice+1@example.com",
          "event-id": "evt-1",
          "feedback-token": "tok.en=",
          city,
          country,
          "device-name": deviceName,
          "login-time": loginTime,
          "ip-address": ipAddress
        }
        for (const link of [templates.valid, templates.invalid]) {
          for (const placeholder of freeText) assert.notInclude(link, placeholder)
        }
        for (const email of Object.values(emailsOf(templates))) {
          const text = fillIn(email.TextBody, values)
          assert.include(text, `from ${city}, ${country} (${ipAddress}), on ${deviceName}, at ${loginTime}.`)
          const links = [...linksOf(text), ...hrefsOf(fillIn(email.HtmlBody, values))]
          assert.strictEqual(links.length, 4)
          for (const [i, link] of links.entries()) {
            assert.deepStrictEqual(
              yield* readLink(link),
              Either.right({
                UserPoolId: templateOptions.userPoolId,
                Username: "alice+1@example.com",
                EventId: "evt-1",
                FeedbackToken: "tok.en=",
                FeedbackValue: i % 2 === 0 ? "Valid" : "Invalid"
              })
            )
          }
          for (const placeholder of freeText) assert.notInclude(email.HtmlBody, placeholder)
        }
      }),
    { fastCheck: { numRuns: 100 } }
  )
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
          ? (yield* FeedbackPage.linkTemplates({ ...options, sourceArn }))[
            request.FeedbackValue === "Valid" ? "valid" : "invalid"
          ]
            // Cognito writes the values in as they are; a username holding & # % would need encoding,
            // which is why links() exists
            .replace("{username}", () => /^[^&#%]*$/.test(username) ? username : encodeURIComponent(username))
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
