/**
 * The link against literal links written out by hand, and against the WHATWG URL parser (Node's
 * `URL` and `URLSearchParams`): what `links` writes, a browser reads back to exactly the values; the
 * rules a link's values must pass are the service model's (botocore's patterns, written here as
 * literal cases on each side of each rule).
 */
import { describe, expect, it } from "vitest"
import * as FeedbackLink from "../src/FeedbackLink.js"

const pool = "us-east-1_AbCdEf123"
const alice = {
  "user-pool-id": pool,
  username: "alice",
  "event-id": "evt-1",
  "feedback-token": "tok.valid-1",
  feedback: "invalid"
}
const aliceRequest = {
  UserPoolId: pool,
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
}

const decode = (query: Record<string, string>, userPoolId?: string) =>
  FeedbackLink.decode(new URLSearchParams(query), userPoolId)

describe("FeedbackLink.decode", () => {
  it("reads the request of a link, from a URLSearchParams or a record", () => {
    const ok = { _tag: "Ok", link: { request: aliceRequest, signIn: {} } }
    expect(decode(alice)).toMatchObject(ok)
    expect(FeedbackLink.decode(alice, undefined)).toMatchObject(ok)
    expect(FeedbackLink.decode({ ...alice, username: ["alice"] }, undefined)).toMatchObject(ok)
  })

  it("takes the feedback in any casing, and nothing but Valid or Invalid", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["valid", "Valid"],
      ["VALID", "Valid"],
      ["Invalid", "Invalid"],
      ["iNvAlId", "Invalid"]
    ]
    for (const [feedback, value] of cases) {
      expect(decode({ ...alice, feedback })).toMatchObject({ _tag: "Ok", link: { request: { FeedbackValue: value } } })
    }
    for (const feedback of ["", "maybe", "valid ", "true", "constructor", "__proto__"]) {
      expect(decode({ ...alice, feedback })).toEqual({ _tag: "Malformed" })
    }
  })

  it("uses the page's pool over the link's, and the link's when the page has none", () => {
    expect(decode(alice, "eu-west-1_Other9")).toMatchObject({
      _tag: "Ok",
      link: { request: { UserPoolId: "eu-west-1_Other9" } }
    })
    const { "user-pool-id": _, ...withoutPool } = alice
    expect(decode(withoutPool)).toEqual({ _tag: "Malformed" })
    expect(decode(withoutPool, "eu-west-1_Other9")._tag).toBe("Ok")
  })

  it("refuses a missing or repeated parameter", () => {
    for (const name of ["user-pool-id", "username", "event-id", "feedback-token", "feedback"]) {
      const { [name]: _, ...without } = alice as Record<string, string>
      expect([name, decode(without)]).toEqual([name, { _tag: "Malformed" }])
      const twice = new URLSearchParams(alice)
      twice.append(name, alice[name as keyof typeof alice])
      expect([name, FeedbackLink.decode(twice, undefined)]).toEqual([name, { _tag: "Malformed" }])
      expect([name, FeedbackLink.decode({ ...alice, [name]: [] }, undefined)]).toEqual([name, { _tag: "Malformed" }])
    }
  })

  it("holds each value to the service model's rules", () => {
    const cases: ReadonlyArray<readonly [string, string, boolean]> = [
      // UserPoolIdType: 1-55, [\w-]+_[0-9a-zA-Z]+
      ["user-pool-id", "us-east-1_a", true],
      ["user-pool-id", "us-east-1", false],
      ["user-pool-id", "us-east-1_a-b", false],
      ["user-pool-id", `us-east-1_${"a".repeat(45)}`, true],
      ["user-pool-id", `us-east-1_${"a".repeat(46)}`, false],
      // UsernameType: 1-128 code points, [\p{L}\p{M}\p{S}\p{N}\p{P}]+
      ["username", "é中+$€😀!#-_.@'\"()", true],
      ["username", "a b", false],
      ["username", "a\tb", false],
      ["username", "😀".repeat(128), true],
      ["username", "a".repeat(129), false],
      // EventIdType: 1-50, [\w+-]+
      ["event-id", "a+b-c_1", true],
      ["event-id", "a.b", false],
      ["event-id", "a".repeat(50), true],
      ["event-id", "a".repeat(51), false],
      // TokenModelType: [A-Za-z0-9-_=.]+
      ["feedback-token", "Ab0-_=.", true],
      ["feedback-token", "a/b", false],
      ["feedback-token", "a+b", false],
      ["feedback-token", "", false]
    ]
    for (const [name, value, valid] of cases) {
      expect([name, value, decode({ ...alice, [name]: value })._tag]).toEqual([name, value, valid ? "Ok" : "Malformed"])
    }
  })

  it("shows the sign-in details as given, trimmed, without control characters; drops odd ones", () => {
    const decoded = decode({
      ...alice,
      city: "  Lyon\u0000 ",
      country: "France\u0085",
      "device-name": "Firefox, Linux",
      "login-time": "x".repeat(100),
      "ip-address": " \u0001 "
    })
    expect(decoded).toEqual({
      _tag: "Ok",
      link: {
        request: aliceRequest,
        signIn: {
          city: "Lyon",
          country: "France",
          deviceName: "Firefox, Linux",
          loginTime: "x".repeat(100),
          ipAddress: undefined
        }
      }
    })
    const long = decode({ ...alice, city: "x".repeat(101) })
    expect(long._tag === "Ok" && long.link.signIn.city).toBe(undefined)
    const twice = new URLSearchParams({ ...alice, city: "Lyon" })
    twice.append("city", "Paris")
    const repeated = FeedbackLink.decode(twice, undefined)
    expect(repeated._tag === "Ok" && repeated.link.signIn.city).toBe(undefined)
  })

  it("finds nothing in a record's prototype", () => {
    const record: Record<string, string> = { ...alice }
    delete record["feedback"]
    expect(FeedbackLink.decode(Object.assign(Object.create({ feedback: "valid" }), record), undefined)).toEqual({
      _tag: "Malformed"
    })
  })
})

describe("FeedbackLink.pathOf", () => {
  it("is the path of a relative or absolute URL, without query or fragment", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["/auth-events/feedback?username=a", "/auth-events/feedback"],
      ["/auth-events/feedback/#x", "/auth-events/feedback/"],
      ["/a;b?c", "/a;b"],
      ["https://example.com:8443/app/fb?x=1", "/app/fb"],
      ["https://example.com", "/"],
      ["https://example.com?x", "/"],
      ["", ""]
    ]
    for (const [url, path] of cases) expect([url, FeedbackLink.pathOf(url)]).toEqual([url, path])
  })
})

describe("FeedbackLink.links", () => {
  const pageUrl = "https://example.com/app/auth-events/feedback"

  it("writes every value percent-encoded, the details only when given", () => {
    expect(FeedbackLink.links(pageUrl, pool, { username: "a&b#c% d", eventId: "e+1", feedbackToken: "t=." })).toEqual({
      valid:
        `${pageUrl}?user-pool-id=${pool}&username=a%26b%23c%25%20d&event-id=e%2B1&feedback-token=t%3D.&feedback=valid`,
      invalid:
        `${pageUrl}?user-pool-id=${pool}&username=a%26b%23c%25%20d&event-id=e%2B1&feedback-token=t%3D.&feedback=invalid`
    })
    expect(
      FeedbackLink.links(pageUrl, pool, {
        username: "alice",
        eventId: "e",
        feedbackToken: "t",
        signIn: { city: "Lyon", deviceName: "Firefox, Linux", ipAddress: "203.0.113.7" }
      }).valid
    ).toBe(
      `${pageUrl}?user-pool-id=${pool}&username=alice&event-id=e&feedback-token=t&feedback=valid&city=Lyon&` +
        "device-name=Firefox%2C%20Linux&ip-address=203.0.113.7"
    )
  })

  it("gives links a browser reads back to exactly the values", () => {
    const event = {
      username: "é中+&#%=?/\"<>😀",
      eventId: "a+b",
      feedbackToken: "x-_=.",
      signIn: { city: "São Paulo", country: "Brasil", loginTime: "2026-11-01 10:00 UTC" }
    }
    const { invalid, valid } = FeedbackLink.links(pageUrl, pool, event)
    for (const [link, value] of [[valid, "Valid"], [invalid, "Invalid"]] as const) {
      const parsed = new URL(link)
      expect(parsed.origin + parsed.pathname).toBe(pageUrl)
      expect(FeedbackLink.decode(parsed.searchParams, undefined)).toEqual({
        _tag: "Ok",
        link: {
          request: {
            UserPoolId: pool,
            Username: event.username,
            EventId: event.eventId,
            FeedbackToken: event.feedbackToken,
            FeedbackValue: value
          },
          signIn: { ...event.signIn, deviceName: undefined, ipAddress: undefined }
        }
      })
    }
  })

  it("templates: Cognito's placeholders as they are, and only the Invalid link says 'invalid'", () => {
    const query = `user-pool-id=${pool}&username={username}&event-id={event-id}&feedback-token={feedback-token}`
    const templates = FeedbackLink.templates(pageUrl, pool)
    expect(templates).toEqual({
      valid: `${pageUrl}?${query}&feedback=valid`,
      invalid: `${pageUrl}?${query}&feedback=invalid`
    })
    expect(templates.valid.toLowerCase()).not.toContain("invalid")
  })

  it("queryString leaves out what is undefined", () => {
    expect(FeedbackLink.queryString([["a", "1 2"], ["b", undefined], ["c", "{x}"]])).toBe("a=1%202&c=%7Bx%7D")
    expect(FeedbackLink.queryString([["a", "1 2"], ["b", undefined], ["c", "{x}"]], true)).toBe("a=1 2&c={x}")
    expect(FeedbackLink.queryString([])).toBe("")
  })

  it("names the parameters after Cognito's placeholders", () => {
    expect(Object.values(FeedbackLink.parameters)).toEqual([
      "user-pool-id",
      "username",
      "event-id",
      "feedback-token",
      "feedback",
      "city",
      "country",
      "device-name",
      "login-time",
      "ip-address"
    ])
  })
})
