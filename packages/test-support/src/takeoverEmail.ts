/**
 * The custom email sender side (`TakeoverEmail` of `@cognito-feedback/web`), for both editions: the
 * `CustomEmailSender_AccountTakeOverNotification` event decodes (with the username and the token
 * kept out of every printed form), the email is the right one for the action, its links open the
 * page with exactly the event's values, no placeholder is left, nothing a signer controls becomes
 * markup, and the handler sends once. An edition's runner passes its `describe` and `it` and its
 * `TakeoverEmailDriver`. Effect-free.
 */
import * as CustomEmailSender from "@cognito-feedback/protocol/CustomEmailSender"
import * as FeedbackLink from "@cognito-feedback/protocol/FeedbackLink"
import { brokenRule } from "@cognito-feedback/protocol/Member"
import { members } from "@cognito-feedback/protocol/Operations"
import type { EmailTexts } from "@cognito-feedback/protocol/PageTexts"
import { englishEmails } from "@cognito-feedback/protocol/PageTexts"
import * as RiskNotification from "@cognito-feedback/protocol/RiskNotification"
import { formsOf } from "@cognito-feedback/protocol/SecretSearch"
import type { Action } from "@cognito-feedback/protocol/TakeoverEmailText"
import * as fc from "fast-check"
import * as assert from "node:assert/strict"
import { decodeEntities } from "./pageClient.js"
import { includes, notIncludes } from "./pageSuite.js"
import type { TestApi } from "./testApi.js"

/** What an edition's decoded event holds, the secrets unwrapped by the driver. */
export interface Plain {
  readonly userPoolId: string
  readonly userName: string
  readonly username: string
  readonly eventId: string
  readonly feedbackToken: string
  readonly action: string
  readonly ipAddress: string
  readonly loginTime: string
  readonly city: string | undefined
  readonly country: string | undefined
  readonly deviceName: string | undefined
}

/** `TakeoverEmail.decode` of an edition: the decoded event as it is (to print) and its plain values, or its error. */
export type Decoded =
  | { readonly _tag: "Ok"; readonly event: unknown; readonly plain: Plain }
  | { readonly _tag: "EventError"; readonly error: unknown; readonly field: string; readonly message: string }

/** `TakeoverEmail.Email`. */
export interface Email {
  readonly to: string
  readonly subject: string
  readonly html: string
  readonly text: string
}

/** `TakeoverEmail.email` of an edition, on an event that decodes. */
export type Built =
  | { readonly _tag: "Ok"; readonly email: Email }
  | { readonly _tag: "OptionsError"; readonly option: string | undefined; readonly message: string }

/** An edition's `TakeoverEmail` at the Promise level. */
export interface TakeoverEmailDriver {
  readonly decode: (input: unknown) => Promise<Decoded>
  /** Decodes `input` (it must decode) and builds its email. */
  readonly email: (
    input: unknown,
    options: { readonly pageUrl: string; readonly to: string; readonly texts?: EmailTexts | undefined }
  ) => Promise<Built>
  /** `TakeoverEmail.handler`, `recipient` and `send` lifted from Promises (a rejection is their error as is). */
  readonly handler: (options: {
    readonly pageUrl: string
    readonly texts?: EmailTexts | undefined
    readonly recipient: (event: unknown) => Promise<string>
    readonly send: (email: Email) => Promise<void>
  }) => (event: unknown) => Promise<void>
}

const userPoolId = "us-east-1_AbCdEf123"
const pageUrl = "https://example.com/app/auth-events/feedback"
const to = "alice@example.com"

const sampleValues: RiskNotification.Values = {
  username: "alice+test@example.com",
  ipAddress: "203.0.113.7",
  city: "Lyon",
  country: "France",
  loginTime: "2026-11-01T10:00:00Z",
  deviceName: "Firefox, Linux",
  eventId: "c3f1a2b4-0000-4000-8000-000000000001",
  feedbackToken: "tok.Ab-C_d=e",
  oneClickLinkValid: "",
  oneClickLinkInvalid: ""
}

/** The values of one event, Cognito's own one-click links computed from them. */
const valuesOf = (overrides: Partial<RiskNotification.Values>): RiskNotification.Values => {
  const values = { ...sampleValues, ...overrides }
  const links = RiskNotification.oneClickLinks(RiskNotification.defaultDomain(userPoolId), { ...values, userPoolId })
  return { ...values, oneClickLinkValid: links.valid, oneClickLinkInvalid: links.invalid }
}

/** The event `CustomEmailSender.takeoverEvent` makes; `MFA`, which it does not take, written in. */
const eventOf = (action: Action, overrides: Partial<RiskNotification.Values> = {}) => {
  const event = CustomEmailSender.takeoverEvent({
    userPoolId,
    clientId: "1example23456789",
    action: action === "MFA" ? "MFA_REQUIRED" : action,
    values: valuesOf(overrides)
  })
  return {
    ...event,
    request: { ...event.request, userAttributes: { ...event.request.userAttributes, ACCOUNT_TAKE_OVER_ACTION: action } }
  }
}

/** An event as a Lambda receives it: fields the library does not read, here and there. */
const realLooking = () => {
  const event = eventOf("MFA_IF_CONFIGURED")
  return {
    ...event,
    version: "1",
    callerContext: { ...event.callerContext, awsSdkVersion: "aws-sdk-unknown-unknown", extra: true },
    request: {
      ...event.request,
      userAttributes: {
        ...event.request.userAttributes,
        sub: "0f8fad5b-d9cb-469f-a165-70867728950e",
        email_verified: "true",
        "cognito:user_status": "CONFIRMED",
        email: "alice@example.com"
      },
      clientMetadata: { source: "sign-in" }
    },
    response: {},
    unexpected: { nested: [1, 2, 3] }
  }
}

const actionKinds: ReadonlyArray<readonly [Action, keyof typeof englishEmails.subject]> = [
  ["BLOCK", "BlockEmail"],
  ["MFA_IF_CONFIGURED", "MfaEmail"],
  ["MFA_REQUIRED", "MfaEmail"],
  ["MFA", "MfaEmail"],
  ["NO_ACTION", "NoActionEmail"]
]

const anyPlaceholder =
  /\{(?:username|ip-address|city|country|login-time|device-name|event-id|feedback-token|one-click-link-valid|one-click-link-invalid)\}/

/** Texts with every placeholder in every sentence, as a translation might hold them. */
const allPlaceholders = Object.values(RiskNotification.placeholders).join(" ")
const placeholderTexts: EmailTexts = {
  ...englishEmails,
  subject: {
    BlockEmail: `Blocked ${allPlaceholders}`,
    MfaEmail: `MFA ${allPlaceholders}`,
    NoActionEmail: `Sign-in ${allPlaceholders}`
  },
  intro: {
    BlockEmail: `Blocked from {city} on {device-name}.`,
    MfaEmail: `MFA from {city} on {device-name}.`,
    NoActionEmail: `Sign-in from {city} on {device-name}.`
  },
  greeting: `Hello {username}, ${allPlaceholders}`,
  outro: allPlaceholders
}

/** The `href`s of an HTML body, as a mail client reads them (attribute entities decoded). */
const hrefsOf = (html: string): ReadonlyArray<string> =>
  Array.from(html.matchAll(/href="([^"]*)"/g), (match) => decodeEntities(match[1] ?? ""))

/** The links of a text body: the lines that start with the page's URL. */
const linksOf = (text: string): ReadonlyArray<string> =>
  text.split("\n").filter((line) => line.startsWith(`${pageUrl}?`))

/** What the page reads from a link. */
const opened = (link: string): FeedbackLink.FeedbackLink => {
  const decoded = FeedbackLink.decode(new URL(link).searchParams, undefined)
  if (decoded._tag === "Malformed") return assert.fail(`the page reads ${link} as malformed`)
  return decoded.link
}

/** Characters of each class the `Username` pattern admits, those that need encoding included. */
const usernameAlphabet = Array.from("aZé中ʼ\u0301\u0903+$€😀079٣!-_.@'\"()=?/;:<>[]|\\^`~*, &#%{}")

const usernames = fc.array(fc.constantFrom(...usernameAlphabet), { minLength: 1, maxLength: 100 })
  .map((cs) => `u${cs.join("")}`)
  .filter((u) => brokenRule(u, members.Username) === undefined)

/** Usernames and tokens that cannot be found in the event's other text by chance. */
const secretUsernames = usernames.map((u) => `secret-user-${u}`)
const secretTokens = fc.stringMatching(/^[A-Za-z0-9\-_=.]{4,40}$/).map((t) => `secret-token.${t}`)

const ok = async (driver: TakeoverEmailDriver, input: unknown): Promise<Plain> => {
  const decoded = await driver.decode(input)
  if (decoded._tag !== "Ok") return assert.fail(`did not decode: ${decoded.message}`)
  return decoded.plain
}

const built = async (
  driver: TakeoverEmailDriver,
  input: unknown,
  texts?: EmailTexts
): Promise<Email> => {
  const result = await driver.email(input, { pageUrl, to, texts })
  if (result._tag !== "Ok") return assert.fail(`no email: ${result.message}`)
  return result.email
}

/** The texts an error shows: its message, `String` and JSON. */
const printed = (error: unknown): ReadonlyArray<string> => [
  error instanceof Error ? error.message : "",
  String(error),
  JSON.stringify(error) ?? ""
]

const assertNoSecret = (texts: ReadonlyArray<string>, secrets: ReadonlyArray<string>) => {
  for (const text of texts) {
    for (const secret of secrets) {
      for (const form of formsOf(secret)) {
        notIncludes(text, form, `${JSON.stringify(form)} shown in ${text.slice(0, 500)}`)
      }
    }
  }
}

/** A fast-check property over Promises. */
const property = <A>(arbitrary: fc.Arbitrary<A>, f: (value: A) => Promise<void>, numRuns = 50) =>
  fc.assert(fc.asyncProperty(arbitrary, f), { numRuns })

export const takeoverEmailSuite = ({ describe, it }: TestApi, driver: TakeoverEmailDriver): void => {
  describe("TakeoverEmail.decode", () => {
    it("decodes the event CustomEmailSender.takeoverEvent makes, for every action", async () => {
      for (const [action] of actionKinds) {
        const plain = await ok(driver, eventOf(action))
        assert.deepStrictEqual(plain, {
          userPoolId,
          userName: sampleValues.username,
          username: sampleValues.username,
          eventId: sampleValues.eventId,
          feedbackToken: sampleValues.feedbackToken,
          action,
          ipAddress: sampleValues.ipAddress,
          loginTime: sampleValues.loginTime,
          city: sampleValues.city,
          country: sampleValues.country,
          deviceName: sampleValues.deviceName
        })
      }
    })

    it("decodes an event without the optional details", async () => {
      const plain = await ok(driver, eventOf("NO_ACTION", { city: "", country: "", deviceName: "" }))
      assert.deepStrictEqual([plain.city, plain.country, plain.deviceName], [undefined, undefined, undefined])
    })

    it("decodes a real-looking event with fields it does not read, and leaves them out", async () => {
      const decoded = await driver.decode(realLooking())
      if (decoded._tag !== "Ok") return assert.fail(decoded.message)
      assert.strictEqual(decoded.plain.action, "MFA_IF_CONFIGURED")
      const json = JSON.stringify(decoded.event)
      notIncludes(json, "unexpected")
      notIncludes(json, "cognito:user_status")
    })

    it("names the wrong field, for each way an event can be wrong", async () => {
      const event = eventOf("BLOCK")
      const attributes = event.request.userAttributes
      const { EVENT_ID: _, ...withoutEventId } = attributes
      const cases: ReadonlyArray<readonly [unknown, string]> = [
        [null, "event"],
        ["not an event", "event"],
        [{ ...event, triggerSource: "CustomEmailSender_SignUp" }, "triggerSource"],
        [
          { ...event, request: { ...event.request, userAttributes: withoutEventId } },
          "request.userAttributes.EVENT_ID"
        ],
        [
          {
            ...event,
            request: { ...event.request, userAttributes: { ...attributes, ACCOUNT_TAKE_OVER_ACTION: "ALLOW" } }
          },
          "request.userAttributes.ACCOUNT_TAKE_OVER_ACTION"
        ],
        [{ ...event, request: { ...event.request, code: "AYADeB..." } }, "request.code"],
        [
          { ...event, request: { ...event.request, userAttributes: { ...attributes, FEEDBACK_TOKEN: 7 } } },
          "request.userAttributes.FEEDBACK_TOKEN"
        ],
        [{ ...event, userPoolId: undefined }, "userPoolId"]
      ]
      for (const [input, field] of cases) {
        const decoded = await driver.decode(input)
        if (decoded._tag === "Ok") return assert.fail(`${field}: decoded`)
        assert.strictEqual(decoded.field, field)
        assert.ok(decoded.message.startsWith(`${field}: `), decoded.message)
        assert.strictEqual((decoded.error as { readonly _tag?: unknown })._tag, "EventError")
      }
    })

    it("never prints the username or the token: not the event, not its JSON, not the error of a bad event", () =>
      property(fc.record({ username: secretUsernames, token: secretTokens }), async ({ token, username }) => {
        const event = eventOf("MFA_REQUIRED", { username, feedbackToken: token })
        const decoded = await driver.decode(event)
        if (decoded._tag !== "Ok") return assert.fail(decoded.message)
        assert.strictEqual(decoded.plain.username, username)
        assert.strictEqual(decoded.plain.feedbackToken, token)
        assertNoSecret([String(decoded.event), JSON.stringify(decoded.event)], [username, token])
        const attributes = event.request.userAttributes
        // each secret where it does not belong, or the event broken beside it
        const bad: ReadonlyArray<unknown> = [
          { ...event, triggerSource: username },
          {
            ...event,
            request: { ...event.request, userAttributes: { ...attributes, ACCOUNT_TAKE_OVER_ACTION: token } }
          },
          { ...event, request: { ...event.request, userAttributes: { ...attributes, USER_NAME: [username] } } },
          { ...event, request: { ...event.request, userAttributes: { ...attributes, FEEDBACK_TOKEN: { token } } } },
          { ...event, request: { ...event.request, code: token } },
          { ...event, request: { ...event.request, userAttributes: { ...attributes, EVENT_ID: undefined } } }
        ]
        for (const input of bad) {
          const result = await driver.decode(input)
          if (result._tag === "Ok") return assert.fail("a bad event decoded")
          assertNoSecret([result.message, ...printed(result.error)], [username, token])
        }
      }))
  })

  describe("TakeoverEmail.email", () => {
    it("is the risk configuration's email for the action", async () => {
      for (const [action, kind] of actionKinds) {
        const email = await built(driver, eventOf(action))
        assert.strictEqual(email.to, to)
        assert.strictEqual(email.subject, englishEmails.subject[kind], action)
        includes(email.text, englishEmails.intro[kind], action)
        includes(email.html, englishEmails.intro[kind].replaceAll("'", "&#39;"), action)
        includes(email.text, englishEmails.ifValid[kind], action)
      }
    })

    it("its links open the page with the event's values, for any username (+, spaces, unicode, & # %)", () =>
      property(
        fc.record({ username: usernames, action: fc.constantFrom(...actionKinds.map(([action]) => action)) }),
        async ({ action, username }) => {
          const email = await built(driver, eventOf(action, { username }))
          const hrefs = hrefsOf(email.html)
          const lines = linksOf(email.text)
          assert.deepStrictEqual(hrefs, lines, "the HTML and the text body link alike")
          assert.strictEqual(lines.length, 2)
          const [valid, invalid] = lines.map(opened)
          for (const [link, value] of [[valid, "Valid"], [invalid, "Invalid"]] as const) {
            assert.deepStrictEqual(link?.request, {
              UserPoolId: userPoolId,
              Username: username,
              EventId: sampleValues.eventId,
              FeedbackToken: sampleValues.feedbackToken,
              FeedbackValue: value
            })
            assert.deepStrictEqual(link?.signIn, {
              city: sampleValues.city,
              country: sampleValues.country,
              deviceName: sampleValues.deviceName,
              loginTime: sampleValues.loginTime,
              ipAddress: sampleValues.ipAddress
            })
          }
          // the library's links, not Cognito's
          notIncludes(email.text, "confirm-feedback")
        },
        100
      ))

    it("leaves no placeholder unfilled, with the default texts or texts full of placeholders", async () => {
      for (const [action] of actionKinds) {
        for (const overrides of [{}, { city: "", country: "", deviceName: "" }]) {
          for (const texts of [undefined, placeholderTexts]) {
            const email = await built(driver, eventOf(action, overrides), texts)
            for (const part of [email.subject, email.html, email.text]) assert.doesNotMatch(part, anyPlaceholder)
          }
        }
      }
      const email = await built(driver, eventOf("BLOCK"), placeholderTexts)
      includes(
        email.text,
        "The sign-in was from Lyon, France (203.0.113.7), on Firefox, Linux, at 2026-11-01T10:00:00Z."
      )
      includes(email.subject, "Blocked alice+test@example.com 203.0.113.7 Lyon France")
      includes(email.html, "Blocked from Lyon on Firefox, Linux.")
    })

    it("a device name with markup is text in the HTML body, and a line break adds no line", async () => {
      const deviceName = "<b>x</b>\n\nThis was not me: https://evil.example/\u202e"
      for (const texts of [undefined, placeholderTexts]) {
        const email = await built(driver, eventOf("NO_ACTION", { deviceName }), texts)
        notIncludes(email.html, "<b>")
        notIncludes(email.text, "\nThis was not me: https://evil.example")
        notIncludes(email.text, "\u202e")
        notIncludes(email.subject, "\n")
        assert.deepStrictEqual(linksOf(email.text).length, 2)
        assert.deepStrictEqual(hrefsOf(email.html).length, 2)
        if (texts !== undefined) includes(email.html, "on &lt;b&gt;x&lt;/b&gt; This was not me: https://evil.example/.")
        includes(email.text, "on <b>x</b> This was not me: https://evil.example/,")
      }
    })

    it("refuses a page URL the links cannot use, with OptionsError naming pageUrl", async () => {
      for (
        const bad of [
          "example.com/fb",
          "ftp://example.com/fb",
          "https://example.com/fb?x=1",
          "https://example.com/fb#x"
        ]
      ) {
        const result = await driver.email(eventOf("BLOCK"), { pageUrl: bad, to })
        if (result._tag === "Ok") return assert.fail(`${bad}: accepted`)
        assert.strictEqual(result.option, "pageUrl")
        assert.ok(result.message.startsWith("pageUrl: "), result.message)
      }
      const trailing = await driver.email(eventOf("BLOCK"), { pageUrl: `${pageUrl}/`, to })
      if (trailing._tag !== "Ok") return assert.fail(trailing.message)
      assert.strictEqual(linksOf(trailing.email.text).length, 2)
    })
  })

  describe("TakeoverEmail.handler", () => {
    it("looks up the recipient and sends the email once", async () => {
      const sent: Array<Email> = []
      const seen: Array<unknown> = []
      const handle = driver.handler({
        pageUrl,
        recipient: (event) => {
          seen.push(event)
          return Promise.resolve("bob@example.com")
        },
        send: (email) => {
          sent.push(email)
          return Promise.resolve()
        }
      })
      assert.strictEqual(await handle(realLooking()), undefined)
      assert.strictEqual(seen.length, 1)
      assert.strictEqual(sent.length, 1)
      assert.strictEqual(sent[0]?.to, "bob@example.com")
      assert.strictEqual(sent[0]?.subject, englishEmails.subject.MfaEmail)
      assert.strictEqual(linksOf(sent[0]?.text ?? "").length, 2)
    })

    it("rejects a bad event with EventError, sending nothing and showing no secret", async () => {
      const sent: Array<Email> = []
      const handle = driver.handler({
        pageUrl,
        recipient: () => Promise.resolve(to),
        send: (email) => {
          sent.push(email)
          return Promise.resolve()
        }
      })
      const event = eventOf("BLOCK", { username: "secret-user-bob", feedbackToken: "secret-token.xyz" })
      const bad = { ...event, request: { ...event.request, type: "secret-token.xyz" } }
      const error = await handle(bad).then(() => assert.fail("resolved"), (error: unknown) => error)
      assert.strictEqual((error as { readonly _tag?: unknown })._tag, "EventError")
      assert.strictEqual((error as { readonly field?: unknown }).field, "request.type")
      assertNoSecret(printed(error), ["secret-user-bob", "secret-token.xyz"])
      assert.strictEqual(sent.length, 0)
    })

    it("rejects with the recipient's error as it is, and with OptionsError for a bad pageUrl", async () => {
      const failure = { _tag: "UserNotFound" }
      const sent: Array<Email> = []
      const send = (email: Email) => {
        sent.push(email)
        return Promise.resolve()
      }
      const lookupFails = driver.handler({ pageUrl, recipient: () => Promise.reject(failure), send })
      assert.strictEqual(await lookupFails(eventOf("BLOCK")).then(() => undefined, (error: unknown) => error), failure)
      const badUrl = driver.handler({ pageUrl: "not a url", recipient: () => Promise.resolve(to), send })
      const error = await badUrl(eventOf("BLOCK")).then(() => undefined, (error: unknown) => error)
      assert.strictEqual((error as { readonly _tag?: unknown })._tag, "OptionsError")
      assert.strictEqual((error as { readonly option?: unknown }).option, "pageUrl")
      assert.strictEqual(sent.length, 0)
    })
  })
}
