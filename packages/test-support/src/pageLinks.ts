/**
 * The links and the email templates, and round trips, for both editions: a template filled in as
 * Cognito fills it in (every value written in raw) gives links the page reads back to exactly those
 * values, and opens the question, whose button records exactly the link's request. An edition's
 * runner passes its `describe` and `it` and its `PageDriver`. Effect-free.
 */
import type * as FeedbackLinkTemplates from "@cognito-feedback/protocol/FeedbackLinkTemplates"
import { brokenRule } from "@cognito-feedback/protocol/Member"
import { members } from "@cognito-feedback/protocol/Operations"
import * as fc from "fast-check"
import * as assert from "node:assert/strict"
import { decodeEntities, fillIn, formOf, hiddenFields, post } from "./pageClient.js"
import type { Checked, FeedbackRequest, LinkTemplateOptions, PageDriver } from "./pageDriver.js"
import { scripted, withPage } from "./pageDriver.js"
import { includes, notIncludes } from "./pageSuite.js"
import type { TestApi } from "./testApi.js"

const sourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
const templateOptions = { baseUrl: "https://example.com/app/", userPoolId: "us-east-1_AbCdEf123", sourceArn }
const pageUrl = "https://example.com/app/auth-events/feedback"

const freeText = ["{city}", "{country}", "{device-name}", "{login-time}", "{ip-address}"] as const

const emailsOf = (templates: FeedbackLinkTemplates.LinkTemplates) => {
  const { BlockEmail, MfaEmail, NoActionEmail } = templates.riskConfiguration.NotifyConfiguration
  return { BlockEmail, MfaEmail, NoActionEmail }
}

/** The `href`s of an HTML body, as a mail client reads them (attribute entities decoded). */
const hrefsOf = (htmlBody: string): ReadonlyArray<string> =>
  Array.from(htmlBody.matchAll(/href="([^"]*)"/g), (match) => decodeEntities(match[1] ?? ""))

/** The links of a text body: the lines that start with the page's URL. */
const linksOf = (textBody: string): ReadonlyArray<string> =>
  textBody.split("\n").filter((line) => line.startsWith(`${pageUrl}?`))

/** Characters of each class the `Username` pattern admits, `&`, `#` and `%` left out (they need encoding). */
const usernameAlphabet = Array.from("aZé中ʼ\u0301\u0903+$€😀079٣!-_.@'\"()=?/;:<>[]|\\^`~*,")

const username = (alphabet: ReadonlyArray<string>) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 128 }).map((cs) => cs.join("")).filter((u) =>
    brokenRule(u, members.Username) === undefined
  )

const ok = <A>(result: Checked<A>): A => {
  if (result._tag === "Refused") return assert.fail(`refused: ${result.message}`)
  return result.value
}

const read = (value: FeedbackRequest): Checked<FeedbackRequest> => ({ _tag: "Ok", value })

/** A fast-check property over Promises. */
const property = <A>(arbitrary: fc.Arbitrary<A>, f: (value: A) => Promise<void>, numRuns: number) =>
  fc.assert(fc.asyncProperty(arbitrary, f), { numRuns })

export const linksSuite = ({ describe, it }: TestApi, driver: PageDriver): void => {
  const eventId = driver.requests.map((request) => request.EventId)
  const feedbackToken = driver.requests.map((request) => request.FeedbackToken)
  const templatesOf = (options: LinkTemplateOptions) => ok(driver.linkTemplates(options))

  describe("linkTemplates", () => {
    it("gives the two links with Cognito's placeholders, and only the Invalid one says 'invalid'", () => {
      const templates = templatesOf(templateOptions)
      const query = "user-pool-id=us-east-1_AbCdEf123&username={username}&event-id={event-id}&" +
        "feedback-token={feedback-token}"
      assert.strictEqual(templates.valid, `${pageUrl}?${query}&feedback=valid`)
      assert.strictEqual(templates.invalid, `${pageUrl}?${query}&feedback=invalid`)
      notIncludes(templates.valid.toLowerCase(), "invalid")
      includes(templates.invalid, "invalid")
    })

    it("each email uses both links; in HTML the links are escaped for their attribute", () => {
      const templates = templatesOf({ ...templateOptions, path: "/fb" })
      const { invalid, valid } = templates
      for (const [name, email] of Object.entries(emailsOf(templates))) {
        for (const link of [valid, invalid]) {
          includes(email.TextBody, `\n${link}\n`, name)
          includes(email.HtmlBody, `<a href="${link.replaceAll("&", "&amp;")}">`, name)
        }
        includes(email.TextBody, "Was this you?", name)
        includes(email.HtmlBody, "Was this you?", name)
      }
      const { BlockEmail, MfaEmail, NoActionEmail } = emailsOf(templates)
      includes(BlockEmail.TextBody, "We blocked a sign-in")
      includes(MfaEmail.TextBody, "extra verification")
      includes(NoActionEmail.TextBody, "did not look like you")
      assert.strictEqual(new Set([BlockEmail.Subject, MfaEmail.Subject, NoActionEmail.Subject]).size, 3)
    })

    it("URLs hold only {username}, {event-id} and {feedback-token}; the sign-in details are in the text body only", () => {
      const templates = templatesOf(templateOptions)
      for (const link of [templates.valid, templates.invalid]) {
        assert.deepStrictEqual(Array.from(link.matchAll(/\{[a-z-]+\}/g), ([p]) => p), [
          "{username}",
          "{event-id}",
          "{feedback-token}"
        ])
      }
      for (const [name, email] of Object.entries(emailsOf(templates))) {
        for (const placeholder of freeText) {
          includes(email.TextBody, placeholder, name)
          notIncludes(email.HtmlBody, placeholder, name)
        }
        // in HTML, a placeholder appears only inside a link
        const outsideLinks = email.HtmlBody.replace(/href="[^"]*"/g, "")
        assert.doesNotMatch(outsideLinks, /\{[a-z-]+\}/, name)
      }
    })

    it("links() still carries the sign-in details, percent-encoded, and the question shows them", async () => {
      const { valid } = ok(driver.links({ baseUrl: "http://127.0.0.1:8080", userPoolId: "us-east-1_Ex1" }, {
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
      }))
      includes(valid, "&device-name=Firefox%2C%20Linux&")
      await withPage(driver, { productName: "Example" }, scripted(), async ({ send }) => {
        const question = await send(new Request(valid))
        includes(
          question.body,
          "The sign-in was from Lyon, France (203.0.113.7), on Firefox, Linux, at 2026-11-01 10:00 UTC."
        )
        assert.strictEqual(hiddenFields(question.body).username, "a&b#c%d")
      })
    })

    it("refuses options it cannot use, naming the option", () => {
      const cases: ReadonlyArray<readonly [Partial<LinkTemplateOptions>, string, RegExp]> = [
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
          { actions: { High: { eventAction: "ALLOW" as FeedbackLinkTemplates.EventAction } } },
          "actions.High.eventAction",
          /^actions\.High\.eventAction: must be one of BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED, NO_ACTION$/
        ],
        [
          { actions: { Low: { eventAction: "constructor" as FeedbackLinkTemplates.EventAction } } },
          "actions.Low.eventAction",
          /^actions\.Low\.eventAction: must be one of/
        ]
      ]
      for (const [options, option, message] of cases) {
        const result = driver.linkTemplates({ ...templateOptions, ...options })
        assert.strictEqual(result._tag, "Refused", option)
        if (result._tag === "Refused") {
          assert.strictEqual(result.option, option)
          assert.match(result.message, message)
        }
      }
      assert.strictEqual(
        driver.linkTemplates({ ...templateOptions, from: "Example <no-reply@example.com>" })._tag,
        "Ok"
      )
    })
  })

  describe("a template filled in raw, as Cognito fills it", () => {
    it("for any username without & # %, event id and token, each link of each email reads back to exactly them", () =>
      property(
        fc.tuple(username(usernameAlphabet), eventId, feedbackToken),
        async ([username, eventId, feedbackToken]) => {
          const templates = templatesOf(templateOptions)
          const values = { username, "event-id": eventId, "feedback-token": feedbackToken }
          const expected = (FeedbackValue: "Valid" | "Invalid") =>
            read({
              UserPoolId: templateOptions.userPoolId,
              Username: username,
              EventId: eventId,
              FeedbackToken: feedbackToken,
              FeedbackValue
            })
          for (const email of Object.values(emailsOf(templates))) {
            const [valid, invalid, ...rest] = linksOf(fillIn(email.TextBody, values))
            assert.deepStrictEqual(rest, [])
            assert.deepStrictEqual(await driver.readLink(valid ?? ""), expected("Valid"))
            assert.deepStrictEqual(await driver.readLink(invalid ?? ""), expected("Invalid"))
            // a " ends the href: in HTML, the username must also be without it
            if (!username.includes("\"")) {
              const hrefs = hrefsOf(fillIn(email.HtmlBody, values))
              assert.strictEqual(hrefs.length, 2)
              assert.deepStrictEqual(await driver.readLink(hrefs[0] ?? ""), expected("Valid"))
              assert.deepStrictEqual(await driver.readLink(hrefs[1] ?? ""), expected("Invalid"))
            }
          }
        },
        200
      ))

    it("free-text sign-in details (spaces, commas, & < # %) go into the text body as they are and into no URL", () =>
      property(
        fc.record({
          city: fc.stringMatching(/^[A-Za-zé ,&<>#%"':.()-]{0,40}$/),
          country: fc.stringMatching(/^[A-Za-z ,&<>#%"'.-]{0,40}$/),
          deviceName: fc.stringMatching(/^[A-Za-z0-9 ,&<>#%"';:.()-]{0,60}$/),
          loginTime: fc.stringMatching(/^[0-9 :,.+A-Z-]{0,30}$/),
          ipAddress: fc.stringMatching(/^[0-9a-f.:, ]{0,40}$/)
        }),
        async ({ city, country, deviceName, ipAddress, loginTime }) => {
          const templates = templatesOf(templateOptions)
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
            for (const placeholder of freeText) notIncludes(link, placeholder)
          }
          for (const email of Object.values(emailsOf(templates))) {
            const text = fillIn(email.TextBody, values)
            includes(text, `from ${city}, ${country} (${ipAddress}), on ${deviceName}, at ${loginTime}.`)
            const links = [...linksOf(text), ...hrefsOf(fillIn(email.HtmlBody, values))]
            assert.strictEqual(links.length, 4)
            for (const [i, link] of links.entries()) {
              assert.deepStrictEqual(
                await driver.readLink(link),
                read({
                  UserPoolId: templateOptions.userPoolId,
                  Username: "alice+1@example.com",
                  EventId: "evt-1",
                  FeedbackToken: "tok.en=",
                  FeedbackValue: i % 2 === 0 ? "Valid" : "Invalid"
                })
              )
            }
            for (const placeholder of freeText) notIncludes(email.HtmlBody, placeholder)
          }
        },
        100
      ))
  })

  describe("a link, opened and answered", () => {
    it("the template filled in as Cognito does, or links(), asks about and records exactly that request", () =>
      property(
        fc.tuple(driver.requests, fc.boolean()),
        async ([request, fromTemplate]) => {
          const options = { baseUrl: "http://127.0.0.1:8080", userPoolId: request.UserPoolId }
          const { EventId: eventId, FeedbackToken: feedbackToken, Username: username } = request
          const link = fromTemplate
            ? templatesOf({ ...options, sourceArn })[request.FeedbackValue === "Valid" ? "valid" : "invalid"]
              // Cognito writes the values in as they are; a username holding & # % would need encoding,
              // which is why links() exists
              .replace("{username}", () => /^[^&#%]*$/.test(username) ? username : encodeURIComponent(username))
              .replace("{event-id}", () => eventId)
              .replace("{feedback-token}", () => feedbackToken)
            : ok(driver.links(options, { username, eventId, feedbackToken }))[
              request.FeedbackValue === "Valid" ? "valid" : "invalid"
            ]
          await withPage(driver, { productName: "Example" }, scripted(), async ({ send, sent }) => {
            const question = await send(new Request(link))
            assert.strictEqual(question.status, 200, link)
            const answer = await send(post(formOf(hiddenFields(question.body))))
            assert.strictEqual(answer.status, 200)
            const calls = await sent()
            assert.strictEqual(calls.length, 1)
            const call = calls[0]
            assert.strictEqual(call?.UserPoolId, request.UserPoolId)
            assert.strictEqual(call?.Username, username)
            assert.strictEqual(call?.EventId, request.EventId)
            assert.strictEqual(call?.FeedbackToken, feedbackToken)
            assert.strictEqual(call?.FeedbackValue, request.FeedbackValue)
          })
        },
        100
      ))
  })
}
