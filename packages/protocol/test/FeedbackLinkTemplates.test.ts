/**
 * The templates and the risk configuration against literal values and against the service model:
 * botocore's rules of the members it writes (`ArnType`, `StringType`, `EmailNotificationSubjectType`,
 * `EmailNotificationBodyType`, written here as the model states them) and the AWS SDK's enums of
 * event actions and risk levels.
 */
import * as Sdk from "@aws-sdk/client-cognito-identity-provider"
import { describe, expect, it } from "vitest"
import * as FeedbackLinkTemplates from "../src/FeedbackLinkTemplates.js"

const pageUrl = "https://example.com/app/auth-events/feedback"
const pool = "us-east-1_AbCdEf123"
const sourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"

/** botocore `service-2.json` (cognito-idp 2016-04-18): min, max (code points) and the unanchored pattern. */
const model = {
  ArnType: {
    min: 20,
    max: 2048,
    pattern: "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?"
  },
  EmailNotificationSubjectType: { min: 1, max: 140, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+" },
  EmailNotificationBodyType: { min: 6, max: 20000, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]+" }
} as const

const keeps = (value: string, shape: { readonly min: number; readonly max: number; readonly pattern: string }) => {
  const length = Array.from(value).length
  return length >= shape.min && length <= shape.max && new RegExp(`^(?:${shape.pattern})$`, "u").test(value)
}

const made = (options: Partial<FeedbackLinkTemplates.RiskOptions> = {}, url = pageUrl) =>
  FeedbackLinkTemplates.make(url, pool, { sourceArn, ...options })

describe("FeedbackLinkTemplates.make", () => {
  it("the two links with Cognito's placeholders, and three emails that carry both and keep the model's rules", () => {
    const result = made()
    if (result._tag !== "Ok") throw new Error(result.rule)
    const query = `user-pool-id=${pool}&username={username}&event-id={event-id}&feedback-token={feedback-token}`
    expect(result.value.valid).toBe(`${pageUrl}?${query}&feedback=valid`)
    expect(result.value.invalid).toBe(`${pageUrl}?${query}&feedback=invalid`)
    const notify = result.value.riskConfiguration.NotifyConfiguration
    expect(Object.keys(notify)).toEqual(["SourceArn", "BlockEmail", "NoActionEmail", "MfaEmail"])
    expect(keeps(notify.SourceArn, model.ArnType)).toBe(true)
    for (const email of [notify.BlockEmail, notify.NoActionEmail, notify.MfaEmail]) {
      expect(keeps(email.Subject, model.EmailNotificationSubjectType)).toBe(true)
      expect(keeps(email.HtmlBody, model.EmailNotificationBodyType)).toBe(true)
      expect(keeps(email.TextBody, model.EmailNotificationBodyType)).toBe(true)
      expect(email.HtmlBody).toContain(`<a href="${result.value.valid.replaceAll("&", "&amp;")}">`)
      expect(email.TextBody).toContain(`\n${result.value.invalid}\n`)
    }
  })

  it("acts on each level as the defaults say, unless told otherwise", () => {
    const defaults = made()
    expect(defaults._tag === "Ok" && defaults.value.riskConfiguration.Actions).toEqual({
      LowAction: { Notify: true, EventAction: "NO_ACTION" },
      MediumAction: { Notify: true, EventAction: "MFA_IF_CONFIGURED" },
      HighAction: { Notify: true, EventAction: "MFA_IF_CONFIGURED" }
    })
    const strict = made({ actions: { High: { eventAction: "BLOCK" }, Low: { notify: false } } })
    expect(strict._tag === "Ok" && strict.value.riskConfiguration.Actions).toEqual({
      LowAction: { Notify: false, EventAction: "NO_ACTION" },
      MediumAction: { Notify: true, EventAction: "MFA_IF_CONFIGURED" },
      HighAction: { Notify: true, EventAction: "BLOCK" }
    })
  })

  it("writes From and ReplyTo only when given", () => {
    const result = made({ from: "Example <no-reply@example.com>", replyTo: "help@example.com" })
    expect(result._tag === "Ok" && result.value.riskConfiguration.NotifyConfiguration).toMatchObject({
      From: "Example <no-reply@example.com>",
      ReplyTo: "help@example.com",
      SourceArn: sourceArn
    })
  })

  it("names the first option that breaks a rule, with the rule", () => {
    const cases: ReadonlyArray<readonly [Partial<FeedbackLinkTemplates.RiskOptions>, string, string]> = [
      [{ sourceArn: "nope" }, "sourceArn", `must be an ARN, e.g. ${sourceArn}`],
      [{ sourceArn: 12 as never }, "sourceArn", `must be an ARN, e.g. ${sourceArn}`],
      [
        { sourceArn: `arn:aws:ses:us-east-1:1:identity/${"a".repeat(2048)}` },
        "sourceArn",
        "must be at most 2048 characters long"
      ],
      [
        { from: "no-reply" },
        "from",
        "must be an email address, e.g. no-reply@example.com or Example <no-reply@example.com>"
      ],
      [
        { from: "a@b.c", replyTo: "x\n<a@b.c>" },
        "replyTo",
        "must be an email address, e.g. no-reply@example.com or Example <no-reply@example.com>"
      ],
      [
        { actions: { Medium: { eventAction: "constructor" as never } } },
        "actions.Medium.eventAction",
        "must be one of BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED, NO_ACTION"
      ],
      [{ actions: { High: { notify: "yes" as never } } }, "actions.High.notify", "must be true or false"]
    ]
    for (const [options, option, rule] of cases) {
      expect(made(options)).toEqual({ _tag: "Invalid", option, rule })
    }
  })

  it("a page URL so long that an email breaks the model is reported on baseUrl", () => {
    const result = made({}, `https://example.com/${"a".repeat(10_000)}`)
    expect(result).toEqual({
      _tag: "Invalid",
      option: "baseUrl",
      rule: "makes HtmlBody break the service model's rule: must be at most 20000 characters long"
    })
  })

  it("has the model's event actions and risk levels", () => {
    expect([...FeedbackLinkTemplates.eventActions].sort()).toEqual(
      Object.values(Sdk.AccountTakeoverEventActionType).sort()
    )
    expect([...FeedbackLinkTemplates.riskLevels].sort()).toEqual(Object.values(Sdk.RiskLevelType).sort())
  })
})
