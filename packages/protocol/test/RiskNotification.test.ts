/**
 * The account-takeover notification: the placeholders as the developer guide lists them, filled
 * raw and in one pass (properties over templates of arbitrary text and placeholders), the
 * message an outbox holds, the one-click links, the sender taken from an SES identity ARN and the
 * default hosted domain; expectations as literals or from an independent oracle, never read back
 * from the code under test.
 */
import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Operations from "../src/Operations.js"
import * as Notification from "../src/RiskNotification.js"
import * as SimulationInput from "../src/SimulationInput.js"

type Key = keyof Notification.Values

/** The value, or a thrown error when there is none (instead of a non-null assertion). */
const defined = <A>(value: A | undefined, what = "value"): A => {
  if (value === undefined) throw new Error(`no ${what}`)
  return value
}

// the developer guide's list ("Message templates"), written out independently of the module
const guidePlaceholders: ReadonlyArray<readonly [Key, string]> = [
  ["username", "{username}"],
  ["ipAddress", "{ip-address}"],
  ["city", "{city}"],
  ["country", "{country}"],
  ["loginTime", "{login-time}"],
  ["deviceName", "{device-name}"],
  ["eventId", "{event-id}"],
  ["feedbackToken", "{feedback-token}"],
  ["oneClickLinkValid", "{one-click-link-valid}"],
  ["oneClickLinkInvalid", "{one-click-link-invalid}"]
]
const keys = guidePlaceholders.map(([key]) => key)
const texts = guidePlaceholders.map(([, text]) => text)

const containsPlaceholder = (s: string) => texts.some((p) => s.includes(p))

const sample: Notification.Values = {
  username: "alice",
  ipAddress: "192.0.2.1",
  city: "Lisbon",
  country: "Portugal",
  loginTime: "2026-11-05T10:00:00.000Z",
  deviceName: "Firefox",
  eventId: "evt-1",
  feedbackToken: "tok.1",
  oneClickLinkValid: "https://example.com/valid",
  oneClickLinkInvalid: "https://example.com/invalid"
}

// text that may hold braces, dollars and fragments of placeholders, but no whole placeholder
const piece = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "{",
    "}",
    "{{",
    "$&",
    "$1",
    "$$",
    "$'",
    "$`",
    "{user",
    "name}",
    "{city",
    "-link-valid}",
    "<b>",
    "&amp;"
  )
)
const text = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join("")).filter((s) => !containsPlaceholder(s))

// any value, often one holding a placeholder's text or a replacement pattern
const value = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.constantFrom(...texts),
  fc.constantFrom("$&", "$1", "$$", "$'", "$`", "a&b<c>\"d\"", "%20"),
  fc.tuple(fc.string({ maxLength: 4 }), fc.constantFrom(...texts), fc.string({ maxLength: 4 })).map((parts) =>
    parts.join("")
  )
)
const values: fc.Arbitrary<Notification.Values> = fc.record(
  Object.fromEntries(keys.map((key) => [key, value])) as { [K in Key]: fc.Arbitrary<string> }
)

// a template: text, then (placeholder, text) pairs
const template = fc.tuple(text, fc.array(fc.tuple(fc.constantFrom(...keys), text), { maxLength: 12 }))

const templateText = ([head, rest]: readonly [string, ReadonlyArray<readonly [Key, string]>]) =>
  head + rest.map(([key, tail]) => defined(guidePlaceholders.find(([k]) => k === key))[1] + tail).join("")

const expected = (
  [head, rest]: readonly [string, ReadonlyArray<readonly [Key, string]>],
  v: Notification.Values
) => head + rest.map(([key, tail]) => v[key] + tail).join("")

describe("RiskNotification.placeholders", () => {
  it("are the developer guide's ten, each keyed by the value that fills it", () => {
    expect(Object.entries(Notification.placeholders).sort()).toEqual([...guidePlaceholders].sort())
  })
})

describe("RiskNotification.fill", () => {
  it("fills every placeholder of any template with its value, raw, and leaves the text between as it is", () => {
    fc.assert(
      fc.property(template, values, (t, v) => {
        expect(Notification.fill(templateText(t), v)).toBe(expected(t, v))
      }),
      { numRuns: 500 }
    )
  })

  it("leaves no placeholder text unless a value brings it, and every used value appears raw", () => {
    // without braces in the text or the values, any brace left would be a placeholder not filled
    const braceless = (s: string) => !s.includes("{") && !s.includes("}")
    const plainValues: fc.Arbitrary<Notification.Values> = fc.record(
      Object.fromEntries(keys.map((key) => [key, value.filter(braceless)])) as { [K in Key]: fc.Arbitrary<string> }
    )
    const plainTemplate = fc.tuple(
      text.filter(braceless),
      fc.array(fc.tuple(fc.constantFrom(...keys), text.filter(braceless)), { minLength: 1, maxLength: 12 })
    )
    fc.assert(
      fc.property(plainTemplate, plainValues, (t, v) => {
        const filled = Notification.fill(templateText(t), v)
        expect(braceless(filled)).toBe(true)
        for (const [key] of t[1]) expect(filled).toContain(v[key])
      }),
      { numRuns: 300 }
    )
    // and a value that does bring one keeps it
    fc.assert(
      fc.property(plainTemplate, plainValues, fc.constantFrom(...texts), (t, v, inner) => {
        const [key] = defined(t[1][0])
        const filled = Notification.fill(templateText(t), { ...v, [key]: inner })
        expect(filled).toContain(inner)
      }),
      { numRuns: 100 }
    )
  })

  it("every placeholder is filled in a template that holds all of them, each several times", () => {
    const all = texts.join(" | ")
    const filled = Notification.fill(`${all}\n${all}`, sample)
    const line = keys.map((key) => sample[key]).join(" | ")
    expect(filled).toBe(`${line}\n${line}`)
  })

  it("is one pass: a value holding a placeholder's text is written as it is, not filled again", () => {
    fc.assert(
      fc.property(fc.constantFrom(...guidePlaceholders), fc.constantFrom(...texts), ([key, placeholder], inner) => {
        // the value of `key` holds another placeholder's text (or its own): it stays as it is
        const v = { ...sample, [key]: `<${inner}>` }
        expect(Notification.fill(`${placeholder}${placeholder}`, v)).toBe(`<${inner}><${inner}>`)
      })
    )
    expect(Notification.fill("Hi {username}", { ...sample, username: "{username}{city}" })).toBe(
      "Hi {username}{city}"
    )
  })

  it("writes replacement patterns and markup as they are (no $ expansion, no escaping, no encoding)", () => {
    expect(Notification.fill("[{username}]", { ...sample, username: "$&$1$$$'$`" })).toBe("[$&$1$$$'$`]")
    expect(Notification.fill("{city}", { ...sample, city: "<b>&\"x y\"</b>" })).toBe("<b>&\"x y\"</b>")
  })

  it("leaves a near-miss alone: wrong case, spaces, unknown names", () => {
    const near = "{Username} { username} {user-name} {ip_address} {feedbackToken} {event-id"
    expect(Notification.fill(near, sample)).toBe(near)
  })
})

describe("RiskNotification.emailKindOf", () => {
  it("BLOCK tells with the block email, NO_ACTION with the no-action email, both MFA actions with the MFA email", () => {
    expect(
      (["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"] as const).map(Notification.emailKindOf)
    ).toEqual(["BlockEmail", "MfaEmail", "MfaEmail", "NoActionEmail"])
  })
})

describe("RiskNotification.message", () => {
  it("fills subject and both bodies, and addresses the envelope", () => {
    expect(
      Notification.message(
        { Subject: "Sign-in for {username}", HtmlBody: "<p>{event-id}</p>", TextBody: "token {feedback-token}" },
        sample,
        { to: "alice@example.com", from: "security@example.com", replyTo: "help@example.com" }
      )
    ).toEqual({
      eventId: "evt-1",
      to: "alice@example.com",
      from: "security@example.com",
      replyTo: "help@example.com",
      subject: "Sign-in for alice",
      htmlBody: "<p>evt-1</p>",
      textBody: "token tok.1"
    })
  })

  it("a body the template leaves out is the default email's, filled; no replyTo member without one", () => {
    const m = Notification.message({ Subject: "S" }, sample, { to: "a@example.com", from: "f@example.com" })
    expect(Object.keys(m).sort()).toEqual(["eventId", "from", "htmlBody", "subject", "textBody", "to"])
    expect(m.subject).toBe("S")
    expect(m.htmlBody).toContain("Hello alice,")
    expect(m.htmlBody).toContain("href=\"https://example.com/valid\"")
    expect(m.htmlBody).toContain("href=\"https://example.com/invalid\"")
    expect(m.textBody).toContain("This was me: https://example.com/valid\n")
    expect(m.textBody).toContain("This was not me: https://example.com/invalid\n")
    expect(m.textBody).toContain("Lisbon, Portugal (192.0.2.1) on Firefox at 2026-11-05T10:00:00.000Z")
    expect(containsPlaceholder(m.htmlBody + m.textBody)).toBe(false)
    // only the bodies the template leaves out are defaulted
    const html = Notification.message({ Subject: "S", HtmlBody: "<i>only {city}</i>" }, sample, {
      to: "a@example.com",
      from: "f@example.com"
    })
    expect(html.htmlBody).toBe("<i>only Lisbon</i>")
    expect(html.textBody).toContain("Hello alice,")
  })
})

describe("RiskNotification.defaultEmail", () => {
  it("is an email SetRiskConfiguration itself would accept (subject and body rules of the model)", () => {
    const member = Operations.SetRiskConfiguration.input.AccountTakeoverRiskConfiguration
    expect(
      SimulationInput.problems(member, {
        NotifyConfiguration: {
          SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com",
          BlockEmail: Notification.defaultEmail
        },
        Actions: {}
      })
    ).toEqual([])
  })

  it("carries both one-click links in each body", () => {
    for (const body of [defined(Notification.defaultEmail.HtmlBody), defined(Notification.defaultEmail.TextBody)]) {
      expect(body).toContain("{one-click-link-valid}")
      expect(body).toContain("{one-click-link-invalid}")
      expect(body).toContain("{username}")
    }
  })
})

describe("RiskNotification.identityOf", () => {
  it("the SES identity of an identity ARN; undefined for any other ARN", () => {
    expect(Notification.identityOf("arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com")).toBe(
      "no-reply@example.com"
    )
    expect(Notification.identityOf("arn:aws:ses:eu-west-1:123456789012:identity/example.com")).toBe("example.com")
    expect(Notification.identityOf("arn:aws:sns:us-east-1:123456789012:topic")).toBeUndefined()
    expect(Notification.identityOf("")).toBeUndefined()
  })
})

describe("RiskNotification.oneClickLinks", () => {
  const linkPart = fc.string({ minLength: 1, maxLength: 20 })

  it("both links on the domain, carrying pool, user, event and token, read back exactly whatever they hold", () => {
    fc.assert(
      fc.property(linkPart, linkPart, linkPart, linkPart, (userPoolId, username, eventId, feedbackToken) => {
        const links = Notification.oneClickLinks("auth.example.com", { userPoolId, username, eventId, feedbackToken })
        for (const [link, feedback] of [[links.valid, "valid"], [links.invalid, "invalid"]] as const) {
          const url = new URL(link)
          expect(url.origin).toBe("https://auth.example.com")
          expect(Object.fromEntries(url.searchParams)).toEqual({
            user_pool_id: userPoolId,
            username,
            event_id: eventId,
            feedback_token: feedbackToken,
            feedback
          })
        }
      })
    )
  })

  it("an ordinary link, literally", () => {
    expect(
      Notification.oneClickLinks("auth.example.com", {
        userPoolId: "us-east-1_Ab1",
        username: "a b&c",
        eventId: "evt-1",
        feedbackToken: "tok.1="
      }).valid
    ).toBe(
      "https://auth.example.com/confirm-feedback?user_pool_id=us-east-1_Ab1&username=a%20b%26c&event_id=evt-1&feedback_token=tok.1%3D&feedback=valid"
    )
  })
})

describe("RiskNotification.defaultDomain", () => {
  it("a prefix domain made of the pool id, in the pool's region", () => {
    expect(Notification.defaultDomain("us-east-1_Example")).toBe("us-east-1-example.auth.us-east-1.amazoncognito.com")
    expect(Notification.defaultDomain("eu-west-2_AbC123")).toBe("eu-west-2-abc123.auth.eu-west-2.amazoncognito.com")
  })

  it("is a valid host name for any valid pool id", () => {
    const poolId = fc.tuple(
      fc.constantFrom("us-east-1", "eu-west-2", "ap-southeast-2"),
      fc.stringMatching(/^[0-9a-zA-Z]{1,20}$/)
    ).map(([region, id]) => `${region}_${id}`)
    fc.assert(fc.property(poolId, (id) => {
      const domain = Notification.defaultDomain(id)
      expect(new URL(`https://${domain}/`).hostname).toBe(domain)
      expect(domain).toMatch(/^[a-z0-9-]+\.auth\.[a-z0-9-]+\.amazoncognito\.com$/)
    }))
  })
})
