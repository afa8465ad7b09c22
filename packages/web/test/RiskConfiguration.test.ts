// The risk configuration of linkTemplates is what SetRiskConfiguration takes: the official SDK sends
// it as it is (its serializer drops members the service model does not have, so a misnamed member
// shows as a difference), and for many option values it keeps every rule of the service model.
import type { AccountTakeoverRiskConfigurationType } from "@aws-sdk/client-cognito-identity-provider"
import { CognitoIdentityProviderClient, SetRiskConfigurationCommand } from "@aws-sdk/client-cognito-identity-provider"
import { UpdateAuthEventFeedback } from "@cognito-feedback/core"
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, expectTypeOf, it, layer } from "@effect/vitest"
import { Arbitrary, Context, Effect, Either, FastCheck as fc, Layer } from "effect"
import * as Http from "node:http"

// The rules of the members, as data, from the Cognito service model: boto/botocore,
// botocore/data/cognito-idp/2016-04-18/service-2.json, "shapes" (names as there). Smithy patterns are
// not anchored; they are checked here over the whole value, which is stricter. Lengths count code points.
type Shape =
  | {
    readonly type: "structure"
    readonly required: ReadonlyArray<string>
    readonly members: Readonly<Record<string, string>>
  }
  | { readonly type: "string"; readonly min?: number; readonly max?: number; readonly pattern?: string }
  | { readonly type: "enum"; readonly values: ReadonlyArray<string> }
  | { readonly type: "boolean" }

const shapes: Readonly<Record<string, Shape>> = {
  AccountTakeoverRiskConfigurationType: {
    type: "structure",
    required: ["Actions"],
    members: { NotifyConfiguration: "NotifyConfigurationType", Actions: "AccountTakeoverActionsType" }
  },
  NotifyConfigurationType: {
    type: "structure",
    required: ["SourceArn"],
    members: {
      From: "StringType",
      ReplyTo: "StringType",
      SourceArn: "ArnType",
      BlockEmail: "NotifyEmailType",
      NoActionEmail: "NotifyEmailType",
      MfaEmail: "NotifyEmailType"
    }
  },
  NotifyEmailType: {
    type: "structure",
    required: ["Subject"],
    members: {
      Subject: "EmailNotificationSubjectType",
      HtmlBody: "EmailNotificationBodyType",
      TextBody: "EmailNotificationBodyType"
    }
  },
  AccountTakeoverActionsType: {
    type: "structure",
    required: [],
    members: {
      LowAction: "AccountTakeoverActionType",
      MediumAction: "AccountTakeoverActionType",
      HighAction: "AccountTakeoverActionType"
    }
  },
  AccountTakeoverActionType: {
    type: "structure",
    required: ["Notify", "EventAction"],
    members: { Notify: "AccountTakeoverActionNotifyType", EventAction: "AccountTakeoverEventActionType" }
  },
  AccountTakeoverActionNotifyType: { type: "boolean" },
  AccountTakeoverEventActionType: { type: "enum", values: ["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"] },
  ArnType: {
    type: "string",
    min: 20,
    max: 2048,
    pattern: "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?"
  },
  StringType: { type: "string", min: 0, max: 131072 },
  EmailNotificationSubjectType: { type: "string", min: 1, max: 140, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+" },
  EmailNotificationBodyType: { type: "string", min: 6, max: 20000, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]+" }
}

/** Every way `value` breaks shape `name` of the model, with its path; none when it keeps every rule. */
const problems = (name: string, value: unknown, path: string = name): ReadonlyArray<string> => {
  const shape = shapes[name]
  if (shape === undefined) return [`${path}: no shape ${name}`]
  switch (shape.type) {
    case "boolean":
      return typeof value === "boolean" ? [] : [`${path}: not a boolean`]
    case "enum":
      return typeof value === "string" && shape.values.includes(value) ? [] : [`${path}: not one of the enum`]
    case "string": {
      if (typeof value !== "string") return [`${path}: not a string`]
      const length = Array.from(value).length
      return [
        ...(shape.min !== undefined && length < shape.min ? [`${path}: shorter than ${shape.min}`] : []),
        ...(shape.max !== undefined && length > shape.max ? [`${path}: longer than ${shape.max}`] : []),
        ...(shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`, "u").test(value)
          ? [`${path}: does not match ${shape.pattern}`]
          : [])
      ]
    }
    case "structure": {
      if (typeof value !== "object" || value === null) return [`${path}: not a structure`]
      const fields = value as Record<string, unknown>
      return [
        ...shape.required.filter((member) => fields[member] === undefined).map((m) => `${path}.${m}: missing`),
        ...Object.entries(fields).flatMap(([member, v]) => {
          const memberShape = shape.members[member]
          if (memberShape === undefined) return [`${path}.${member}: not a member`]
          return v === undefined ? [`${path}.${member}: undefined`] : problems(memberShape, v, `${path}.${member}`)
        })
      ]
    }
  }
}

/** A server that answers every request as Cognito answers `SetRiskConfiguration`, keeping the last request. */
class Capture extends Context.Tag("test/Capture")<Capture, {
  readonly url: string
  readonly last: () => { readonly headers: Http.IncomingHttpHeaders; readonly body: string } | undefined
}>() {}

const captureLayer = Layer.scoped(
  Capture,
  Effect.gen(function*() {
    let last: { readonly headers: Http.IncomingHttpHeaders; readonly body: string } | undefined
    const server = yield* Effect.acquireRelease(
      Effect.async<Http.Server>((resume) => {
        const server = Http.createServer((request, response) => {
          const chunks: Array<Buffer> = []
          request.on("data", (chunk: Buffer) => chunks.push(chunk))
          request.on("end", () => {
            last = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") }
            response.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end("{}")
          })
        })
        server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
      }),
      (server) =>
        Effect.async<void>((resume) => {
          server.close(() => resume(Effect.void))
          server.closeAllConnections()
        })
    )
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    return { url: `http://127.0.0.1:${port}`, last: () => last }
  })
)

/** `SetRiskConfiguration` of `riskConfiguration` through the official SDK, and what it sent. */
const sendWithSdk = (UserPoolId: string, riskConfiguration: AccountTakeoverRiskConfigurationType) =>
  Effect.gen(function*() {
    const capture = yield* Capture
    const client = new CognitoIdentityProviderClient({
      region: "us-east-1",
      endpoint: capture.url,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      maxAttempts: 1
    })
    yield* Effect.promise(() =>
      client.send(new SetRiskConfigurationCommand({ UserPoolId, AccountTakeoverRiskConfiguration: riskConfiguration }))
    )
    client.destroy()
    const sent = capture.last()
    assert.isDefined(sent)
    return { target: sent?.headers["x-amz-target"], body: JSON.parse(sent?.body ?? "null") as unknown }
  })

const sourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
const pool = "us-east-1_Example1"

const eventAction = fc.constantFrom<FeedbackPage.EventAction>("BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION")
const action = fc.record({
  notify: fc.option(fc.boolean(), { nil: undefined }),
  eventAction: fc.option(eventAction, { nil: undefined })
}, { requiredKeys: [] })
const address = fc.oneof(
  fc.emailAddress(),
  fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,30}$/), fc.emailAddress()).map(([name, email]) =>
    `${name} <${email}>`
  )
)
const options = fc.record({
  baseUrl: fc.tuple(
    fc.constantFrom("https", "http"),
    fc.domain(),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    fc.stringMatching(/^(\/[a-z0-9-]{1,12}){0,3}\/?$/)
  ).map(([scheme, host, port, prefix]) => `${scheme}://${host}${port === undefined ? "" : `:${port}`}${prefix}`),
  path: fc.option(fc.stringMatching(/^\/[A-Za-z0-9\-._~/]{0,40}$/), { nil: undefined }),
  userPoolId: Arbitrary.make(UpdateAuthEventFeedback.UserPoolId),
  sourceArn: fc.tuple(
    fc.constantFrom("aws", "aws-cn", "aws-us-gov"),
    fc.stringMatching(/^[a-z]{2}-[a-z]{4,9}-[1-9]$/),
    fc.stringMatching(/^[0-9]{12}$/),
    fc.oneof(fc.domain(), fc.stringMatching(/^[\w+=,.-]{1,40}@[a-z0-9.-]{1,40}$/))
  ).map(([partition, region, account, identity]) => `arn:${partition}:ses:${region}:${account}:identity/${identity}`),
  from: fc.option(address, { nil: undefined }),
  replyTo: fc.option(address, { nil: undefined }),
  actions: fc.option(
    fc.record({ Low: action, Medium: action, High: action }, { requiredKeys: [] }),
    { nil: undefined }
  )
}, { requiredKeys: ["baseUrl", "userPoolId", "sourceArn"] })

layer(captureLayer)("riskConfiguration", (it) => {
  it.effect("the SDK sends it as it is: SetRiskConfiguration with exactly these members", () =>
    Effect.gen(function*() {
      const templates = yield* FeedbackPage.linkTemplates({
        baseUrl: "https://example.com",
        userPoolId: pool,
        sourceArn,
        from: "Example <no-reply@example.com>",
        replyTo: "support@example.com"
      })
      const { riskConfiguration } = templates
      expectTypeOf(riskConfiguration).toMatchTypeOf<AccountTakeoverRiskConfigurationType>()
      const sent = yield* sendWithSdk(pool, riskConfiguration)
      assert.strictEqual(sent.target, "AWSCognitoIdentityProviderService.SetRiskConfiguration")
      assert.deepStrictEqual(sent.body, { UserPoolId: pool, AccountTakeoverRiskConfiguration: riskConfiguration })
      assert.deepStrictEqual(problems("AccountTakeoverRiskConfigurationType", riskConfiguration), [])
      assert.deepStrictEqual(riskConfiguration.Actions, {
        LowAction: { Notify: true, EventAction: "NO_ACTION" },
        MediumAction: { Notify: true, EventAction: "MFA_IF_CONFIGURED" },
        HighAction: { Notify: true, EventAction: "MFA_IF_CONFIGURED" }
      })
      assert.strictEqual(riskConfiguration.NotifyConfiguration.From, "Example <no-reply@example.com>")
      assert.strictEqual(riskConfiguration.NotifyConfiguration.ReplyTo, "support@example.com")
    }))

  it.effect("without From and ReplyTo, the members are absent (not null, not undefined)", () =>
    Effect.gen(function*() {
      const { riskConfiguration } = yield* FeedbackPage.linkTemplates({
        baseUrl: "https://x.example",
        userPoolId: pool,
        sourceArn
      })
      assert.deepStrictEqual(Object.keys(riskConfiguration.NotifyConfiguration), [
        "SourceArn",
        "BlockEmail",
        "NoActionEmail",
        "MfaEmail"
      ])
      const sent = yield* sendWithSdk(pool, riskConfiguration)
      assert.deepStrictEqual(sent.body, { UserPoolId: pool, AccountTakeoverRiskConfiguration: riskConfiguration })
    }))

  it.effect.prop(
    "for any usable options: every rule of the service model holds, the actions are as asked, the SDK sends it as it is",
    { options },
    ({ options }) =>
      Effect.gen(function*() {
        const templates = FeedbackPage.linkTemplates(options)
        assert.isTrue(Either.isRight(templates), Either.isLeft(templates) ? templates.left.message : "")
        if (Either.isLeft(templates)) return
        const { riskConfiguration } = templates.right
        assert.deepStrictEqual(problems("AccountTakeoverRiskConfigurationType", riskConfiguration), [])
        // all three emails and all three actions, each as asked or by default
        const notify = riskConfiguration.NotifyConfiguration
        for (const email of [notify.BlockEmail, notify.NoActionEmail, notify.MfaEmail]) {
          assert.isDefined(email.HtmlBody)
          assert.isDefined(email.TextBody)
        }
        for (const level of ["Low", "Medium", "High"] as const) {
          assert.deepStrictEqual(riskConfiguration.Actions[`${level}Action`], {
            Notify: options.actions?.[level]?.notify ?? FeedbackPage.defaultActions[level].notify,
            EventAction: options.actions?.[level]?.eventAction ?? FeedbackPage.defaultActions[level].eventAction
          })
        }
        assert.strictEqual(notify.SourceArn, options.sourceArn)
        assert.strictEqual(notify.From, options.from)
        assert.strictEqual(notify.ReplyTo, options.replyTo)
        const sent = yield* sendWithSdk(options.userPoolId, riskConfiguration)
        assert.deepStrictEqual(sent.body, {
          UserPoolId: options.userPoolId,
          AccountTakeoverRiskConfiguration: riskConfiguration
        })
      }),
    { fastCheck: { numRuns: 60 } }
  )
})

describe("the model's rules, as this test reads them", () => {
  // the checks above can fail: they catch what a wrong configuration would hold
  it("catches a lowercase member, a missing SourceArn, a subject too long, an unknown action", () => {
    const email = { Subject: "Was this you?", HtmlBody: "<p>Hello</p>", TextBody: "Hello there" }
    const actions = { LowAction: { Notify: true, EventAction: "NO_ACTION" } }
    assert.deepStrictEqual(
      problems("AccountTakeoverRiskConfigurationType", {
        NotifyConfiguration: { SourceArn: sourceArn, NoActionEmail: { subject: "x", Subject: "x".repeat(141) } },
        Actions: { ...actions, HighAction: { Notify: true, EventAction: "ALLOW" } }
      }),
      [
        "AccountTakeoverRiskConfigurationType.NotifyConfiguration.NoActionEmail.subject: not a member",
        "AccountTakeoverRiskConfigurationType.NotifyConfiguration.NoActionEmail.Subject: longer than 140",
        "AccountTakeoverRiskConfigurationType.Actions.HighAction.EventAction: not one of the enum"
      ]
    )
    assert.deepStrictEqual(
      problems("AccountTakeoverRiskConfigurationType", {
        NotifyConfiguration: { BlockEmail: email },
        Actions: actions
      }),
      ["AccountTakeoverRiskConfigurationType.NotifyConfiguration.SourceArn: missing"]
    )
    assert.deepStrictEqual(problems("EmailNotificationSubjectType", "tab\u0000"), [
      "EmailNotificationSubjectType: does not match [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+"
    ])
    assert.deepStrictEqual(problems("ArnType", "arn:aws:ses:us-east-1:123456789012"), [
      `ArnType: does not match ${shapes.ArnType?.type === "string" ? shapes.ArnType.pattern : ""}`
    ])
  })
})
