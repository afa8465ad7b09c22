/**
 * The whole risky sign-in loop, for both editions: the pool's risk configuration set from the
 * page's `linkTemplates`, a simulated risky sign-in, the notification (an email in the outbox, or
 * the event handed to a custom email sender whose email the library builds), its "this was not me"
 * link opened and answered, and the feedback read back. In memory through the edition's simulator,
 * and over HTTP: the official AWS SDK v3 and boto3 against the emulator, the email's link opened in
 * headless Chromium on the edition's page. An edition's runner passes its `describe` and `it` and
 * a `RiskLoopDriver`. Effect-free; checks with `node:assert`.
 */
import {
  AdminListUserAuthEventsCommand,
  CognitoIdentityProviderClient,
  DescribeRiskConfigurationCommand,
  SetRiskConfigurationCommand
} from "@aws-sdk/client-cognito-identity-provider"
import type { SetRiskConfigurationCommandInput } from "@aws-sdk/client-cognito-identity-provider"
import type * as CustomEmailSender from "@cognito-feedback/protocol/CustomEmailSender"
import * as EmulatorHttp from "@cognito-feedback/protocol/EmulatorHttp"
import * as FeedbackLink from "@cognito-feedback/protocol/FeedbackLink"
import type * as FeedbackLinkTemplates from "@cognito-feedback/protocol/FeedbackLinkTemplates"
import { englishEmails } from "@cognito-feedback/protocol/PageTexts"
import type * as RiskNotification from "@cognito-feedback/protocol/RiskNotification"
import type * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"
import * as assert from "node:assert/strict"
import { spawn } from "node:child_process"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import { launchChromium } from "./pageBrowser.js"
import { pagePath } from "./pageClient.js"
import type { Checked, LinkTemplateOptions } from "./pageDriver.js"
import type { TestApi } from "./testApi.js"

export const poolId = "us-east-1_Loop1"
export const auditPoolId = "us-east-1_LoopAudit"
export const offPoolId = "us-east-1_LoopOff"
export const sourceArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"

/** An enforcing pool with two users who have an email address and one who has none. */
export const seed: SimulationSeed.SeedFile = {
  userPools: [
    {
      id: poolId,
      advancedSecurityMode: "ENFORCED",
      users: [
        { username: "alice", attributes: { email: "alice@example.com" } },
        { username: "bob", attributes: { email: "bob@example.com" } },
        { username: "carol" }
      ]
    },
    { id: auditPoolId, users: [{ username: "dave", attributes: { email: "dave@example.com" } }] },
    { id: offPoolId, advancedSecurityMode: "OFF", users: [{ username: "erin" }] }
  ]
}

export const signInContext = {
  ipAddress: "203.0.113.7",
  city: "Lyon",
  country: "France",
  deviceName: "Firefox, Linux"
} as const

/** How one call ended: its response, or its error as data. */
export type Outcome =
  | { readonly _tag: "Success"; readonly value: unknown }
  | { readonly _tag: "Failure"; readonly error: { readonly _tag: string; readonly message: string } }

/** What the edition's `riskySignIn` gave. */
export type SignedIn =
  | {
    readonly _tag: "Success"
    readonly value: {
      readonly eventId: string
      readonly action: string
      readonly notified: { readonly _tag: string }
    }
  }
  | { readonly _tag: "Failure"; readonly error: { readonly _tag: string; readonly message: string } }

/** One edition's simulator, behind Promise-returning functions of plain data. */
export interface RiskSimulator {
  readonly setRiskConfiguration: (input: unknown) => Promise<Outcome>
  readonly describeRiskConfiguration: (input: unknown) => Promise<Outcome>
  readonly riskySignIn: (signIn: SimulationSeed.RiskySignIn) => Promise<SignedIn>
  readonly outbox: () => Promise<ReadonlyArray<RiskNotification.Message>>
  readonly update: (input: unknown) => Promise<Outcome>
  readonly list: (input: unknown) => Promise<Outcome>
}

/** The email an application's custom email sender sends (`TakeoverEmail.email` of the edition). */
export interface Email {
  readonly to: string
  readonly subject: string
  readonly html: string
  readonly text: string
}

/** An emulator with its own simulator, and the edition's feedback page calling it over HTTP. */
export interface Served {
  readonly emulatorUrl: string
  /** The page server's origin; the page is at `FeedbackPage.defaultPath`. */
  readonly pageUrl: string
  readonly dispose: () => Promise<void>
}

export interface RiskLoopDriver {
  /** `CognitoSimulator.make({ seed, tokenReuse, customEmailSender })`, the handler run as a Promise. */
  readonly simulator: (options: {
    readonly seed: SimulationSeed.SeedFile
    readonly tokenReuse?: "accept" | "reject" | undefined
    readonly customEmailSender?: ((event: CustomEmailSender.TakeoverEvent) => Promise<void>) | undefined
  }) => Promise<RiskSimulator>
  /** The emulator (seeded; posting takeover events to `customEmailSenderUrl` when given) and a page in front of it. */
  readonly serve: (options: {
    readonly seed: SimulationSeed.SeedFile
    readonly customEmailSenderUrl?: string | undefined
  }) => Promise<Served>
  readonly linkTemplates: (options: LinkTemplateOptions) => Checked<FeedbackLinkTemplates.LinkTemplates>
  /** The edition's `TakeoverEmail`: the event decoded, the email to `to` with links to the page at `pageUrl`. */
  readonly takeoverEmail: (event: unknown, options: { readonly pageUrl: string; readonly to: string }) => Promise<Email>
}

const ok = <A>(checked: Checked<A>): A => {
  if (checked._tag === "Refused") return assert.fail(`refused: ${checked.option}: ${checked.message}`)
  return checked.value
}

/** An event as `AdminListUserAuthEvents` answers it, as far as these cases read it. */
interface ListedEvent {
  readonly EventId: string
  readonly EventResponse: string
  readonly EventRisk: { readonly RiskDecision: string }
  readonly EventFeedback?: { readonly FeedbackValue: string; readonly Provider: string } | undefined
}

function succeeded(outcome: SignedIn): Extract<SignedIn, { readonly _tag: "Success" }>["value"]
function succeeded(outcome: Outcome): unknown
function succeeded(outcome: Outcome | SignedIn): unknown {
  if (outcome._tag === "Failure") return assert.fail(`${outcome.error._tag}: ${outcome.error.message}`)
  return outcome.value
}

const listed = (outcome: Outcome): ReadonlyArray<ListedEvent> =>
  (succeeded(outcome) as { readonly AuthEvents: ReadonlyArray<ListedEvent> }).AuthEvents

const defined = <A>(value: A | undefined): A => value ?? assert.fail("expected a value")

const failedWith = (outcome: Outcome | SignedIn, tag: string): string => {
  if (outcome._tag === "Success") return assert.fail(`succeeded: ${JSON.stringify(outcome.value)}`)
  assert.strictEqual(outcome.error._tag, tag, outcome.error.message)
  return outcome.error.message
}

/** The link of a text body that records `feedback`: the line that is a URL with `feedback=<value>`. */
export const linkIn = (text: string, feedback: "valid" | "invalid"): string => {
  const link = text.split("\n").map((line) => line.trim()).find((line) =>
    line.startsWith("http") && new URL(line).searchParams.get(FeedbackLink.parameters.feedback) === feedback
  )
  return link ?? assert.fail(`no ${feedback} link in ${JSON.stringify(text)}`)
}

/** What the page would send for a link: the request it decodes. */
const requestOf = (link: string) => {
  const decoded = FeedbackLink.decode(new URL(link).searchParams, undefined)
  if (decoded._tag !== "Ok") return assert.fail(`the link does not decode: ${link}`)
  return decoded.link.request
}

const inMemoryPage = "https://app.example.com"

/** A `node:http` server on 127.0.0.1 port 0 that takes each POSTed JSON body. */
const receiver = async (take: (body: unknown) => Promise<void>) => {
  const server = http.createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      take(JSON.parse(Buffer.concat(chunks).toString("utf8"))).then(
        () => res.writeHead(200).end(),
        () => res.writeHead(500).end()
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/sender`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

const sdkClient = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1
  })

/** Opens `html` (an email) in Chromium, follows its "not me" link and presses the page's button. */
const answerInChromium = async (html: string, pageUrl: string): Promise<void> => {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.setContent(html)
    await Promise.all([
      page.waitForURL((url) => url.pathname === pagePath),
      page.getByRole("link", {
        name: englishEmails.invalidLink
      }).click()
    ])
    assert.strictEqual(await page.locator("h1").innerText(), "Was this you?")
    const [recorded] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "No, this was not me" }).click()
    ])
    assert.strictEqual(recorded?.status(), 200)
    assert.strictEqual(await page.locator("h1").innerText(), "Thank you for telling us")
    assert.strictEqual(page.url(), `${pageUrl}${pagePath}`)
  } finally {
    await browser.close()
  }
}

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })

/** boto3 (Python) against `endpoint`: each call's result or error as JSON. */
const boto3 = async (endpoint: string, calls: ReadonlyArray<readonly [operation: string, input: unknown]>) => {
  const script = `
import json, sys, boto3, botocore
client = boto3.client("cognito-idp", endpoint_url=sys.argv[1], region_name="us-east-1",
  aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
  config=botocore.config.Config(retries={"max_attempts": 1}))
out = []
for operation, params in json.loads(sys.stdin.read()):
  try:
    result = getattr(client, operation)(**params)
    result.pop("ResponseMetadata", None)
    out.append({"ok": json.loads(json.dumps(result, default=str))})
  except botocore.exceptions.ClientError as e:
    out.append({"error": e.response["Error"]["Code"], "message": e.response["Error"]["Message"]})
print(json.dumps(out))
`
  // asynchronously: the emulator answering it may run in this process
  const child = spawn("python3", ["-c", script, endpoint])
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")))
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")))
  child.stdin.end(JSON.stringify(calls))
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve))
  assert.strictEqual(status, 0, `python3 with boto3 (installed on this machine?): ${stderr}`)
  return JSON.parse(stdout) as ReadonlyArray<
    | { readonly ok: { readonly RiskConfiguration: { readonly AccountTakeoverRiskConfiguration?: unknown } } }
    | { readonly error: string; readonly message: string }
  >
}

export const riskLoopSuite = (t: TestApi, driver: RiskLoopDriver): void => {
  const { describe, it } = t
  const templates = (pageUrl: string) =>
    ok(driver.linkTemplates({ baseUrl: pageUrl, userPoolId: poolId, sourceArn })).riskConfiguration

  describe("the risky sign-in loop, in memory", () => {
    it("templates from linkTemplates, a risky sign-in, the email to its user, its link recorded as Invalid", async () => {
      const sim = await driver.simulator({ seed })
      succeeded(
        await sim.setRiskConfiguration({
          UserPoolId: poolId,
          AccountTakeoverRiskConfiguration: templates(inMemoryPage)
        })
      )
      const { action, eventId, notified } = succeeded(
        await sim.riskySignIn({ userPoolId: poolId, username: "alice", riskLevel: "High", context: signInContext })
      )
      assert.strictEqual(action, "MFA_IF_CONFIGURED")
      assert.strictEqual(notified._tag, "Email")
      const [message, ...others] = await sim.outbox()
      assert.deepStrictEqual(others, [])
      assert.strictEqual(message?.to, "alice@example.com")
      assert.strictEqual(message.eventId, eventId)
      assert.strictEqual(message.subject, englishEmails.subject.MfaEmail)
      assert.ok(message.textBody.includes("Lyon, France (203.0.113.7), on Firefox, Linux"), message.textBody)
      const request = requestOf(linkIn(message.textBody, "invalid"))
      assert.deepStrictEqual([request.Username, request.EventId, request.FeedbackValue], ["alice", eventId, "Invalid"])
      succeeded(await sim.update(request))
      const events = listed(await sim.list({ UserPoolId: poolId, Username: "alice" }))
      assert.deepStrictEqual(
        { ...events.find((event) => event.EventId === eventId)?.EventFeedback, FeedbackDate: undefined },
        { FeedbackValue: "Invalid", Provider: "User", FeedbackDate: undefined }
      )
    })

    it("a custom email sender gets the takeover event instead of the outbox; the library's email links to the page", async () => {
      const received: Array<CustomEmailSender.TakeoverEvent> = []
      const sim = await driver.simulator({
        seed,
        customEmailSender: async (event) => {
          received.push(event)
        }
      })
      succeeded(
        await sim.setRiskConfiguration({
          UserPoolId: poolId,
          AccountTakeoverRiskConfiguration: templates(inMemoryPage)
        })
      )
      const { eventId, notified } = succeeded(
        await sim.riskySignIn({ userPoolId: poolId, username: "bob", riskLevel: "Low", context: signInContext })
      )
      assert.strictEqual(notified._tag, "CustomEmailSender")
      assert.deepStrictEqual(await sim.outbox(), [])
      const [event] = received
      assert.strictEqual(event?.triggerSource, "CustomEmailSender_AccountTakeOverNotification")
      assert.strictEqual(event.request.code, null)
      assert.strictEqual(event.request.userAttributes.EVENT_ID, eventId)
      assert.strictEqual(event.request.userAttributes.ACCOUNT_TAKE_OVER_ACTION, "NO_ACTION")
      const email = await driver.takeoverEmail(event, { pageUrl: `${inMemoryPage}${pagePath}`, to: "bob@example.com" })
      assert.strictEqual(email.to, "bob@example.com")
      const request = requestOf(linkIn(email.text, "invalid"))
      assert.deepStrictEqual([request.Username, request.EventId], ["bob", eventId])
      succeeded(await sim.update(request))
    })

    it("a failing custom email sender fails the sign-in with a typed error; the event is recorded", async () => {
      const sim = await driver.simulator({
        seed,
        customEmailSender: () => Promise.reject(new Error("SES is down"))
      })
      succeeded(
        await sim.setRiskConfiguration({
          UserPoolId: poolId,
          AccountTakeoverRiskConfiguration: templates(inMemoryPage)
        })
      )
      failedWith(
        await sim.riskySignIn({ userPoolId: poolId, username: "alice", riskLevel: "High" }),
        "RiskySignInError"
      )
      assert.strictEqual(listed(await sim.list({ UserPoolId: poolId, Username: "alice" })).length, 1)
    })

    it("audit mode tells nobody; an action without Notify, or a user without email, sends nothing", async () => {
      const sim = await driver.simulator({ seed })
      succeeded(
        await sim.setRiskConfiguration({
          UserPoolId: poolId,
          AccountTakeoverRiskConfiguration: {
            ...templates(inMemoryPage),
            Actions: {
              LowAction: { Notify: false, EventAction: "NO_ACTION" },
              HighAction: { Notify: true, EventAction: "BLOCK" }
            }
          }
        })
      )
      const audit = succeeded(await sim.riskySignIn({ userPoolId: auditPoolId, username: "dave", riskLevel: "High" }))
      assert.deepStrictEqual([audit.action, audit.notified._tag], ["NO_ACTION", "None"])
      const quiet = succeeded(await sim.riskySignIn({ userPoolId: poolId, username: "alice", riskLevel: "Low" }))
      assert.deepStrictEqual([quiet.action, quiet.notified._tag], ["NO_ACTION", "None"])
      const noEmail = succeeded(await sim.riskySignIn({ userPoolId: poolId, username: "carol", riskLevel: "High" }))
      assert.deepStrictEqual([noEmail.action, noEmail.notified._tag], ["BLOCK", "None"])
      const blocked = succeeded(await sim.riskySignIn({ userPoolId: poolId, username: "bob", riskLevel: "High" }))
      assert.deepStrictEqual([blocked.action, blocked.notified._tag], ["BLOCK", "Email"])
      const [message] = await sim.outbox()
      assert.strictEqual(message?.subject, englishEmails.subject.BlockEmail)
      const [latest] = listed(await sim.list({ UserPoolId: poolId, Username: "bob" }))
      assert.deepStrictEqual(
        [latest?.EventResponse, latest?.EventRisk.RiskDecision],
        ["Fail", "Block"]
      )
    })

    it("a sign-in the simulator cannot record is a typed error naming the field, never the username", async () => {
      const sim = await driver.simulator({ seed })
      const cases = [
        [{ userPoolId: "us-east-1_Nowhere", username: "alice", riskLevel: "High" }, "userPoolId"],
        [{ userPoolId: offPoolId, username: "erin", riskLevel: "High" }, "userPoolId"],
        [{ userPoolId: poolId, username: "zelda-the-unknown", riskLevel: "High" }, "username"],
        [{ userPoolId: poolId, username: "alice", riskLevel: "Extreme" }, "riskLevel"]
      ] as const
      for (const [signIn, field] of cases) {
        const message = failedWith(await sim.riskySignIn(signIn as SimulationSeed.RiskySignIn), "RiskySignInError")
        assert.ok(message.startsWith(`${field}: `), message)
        assert.ok(!message.includes(signIn.username), message)
      }
    })

    it("a token used once is accepted again by default, refused with tokenReuse reject", async () => {
      for (const [tokenReuse, second] of [["accept", "Success"], ["reject", "NotAuthorizedException"]] as const) {
        const sim = await driver.simulator({ seed, tokenReuse })
        succeeded(
          await sim.setRiskConfiguration({
            UserPoolId: poolId,
            AccountTakeoverRiskConfiguration: templates(inMemoryPage)
          })
        )
        succeeded(await sim.riskySignIn({ userPoolId: poolId, username: "alice", riskLevel: "Medium" }))
        const [message] = await sim.outbox()
        const request = requestOf(linkIn(defined(message).textBody, "valid"))
        succeeded(await sim.update(request))
        const again = await sim.update({ ...request, FeedbackValue: "Invalid" })
        assert.strictEqual(again._tag === "Success" ? "Success" : again.error._tag, second)
      }
    })
  })

  describe("the risky sign-in loop over HTTP", () => {
    const withServed = async <A>(
      options: Parameters<RiskLoopDriver["serve"]>[0],
      body: (served: Served, client: CognitoIdentityProviderClient) => Promise<A>
    ): Promise<A> => {
      const served = await driver.serve(options)
      const client = sdkClient(served.emulatorUrl)
      try {
        return await body(served, client)
      } finally {
        client.destroy()
        await served.dispose()
      }
    }

    const signInOverHttp = async (served: Served, username: string) => {
      const response = await postJson(`${served.emulatorUrl}${EmulatorHttp.testkitPaths.riskySignIn}`, {
        userPoolId: poolId,
        username,
        riskLevel: "High",
        ...signInContext
      })
      const body = await response.json() as { eventId?: string; message?: string }
      assert.strictEqual(response.status, 200, body.message)
      return defined(body.eventId)
    }

    const expectInvalidByUser = async (client: CognitoIdentityProviderClient, username: string, eventId: string) => {
      const list = await client.send(new AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username: username }))
      const event = list.AuthEvents?.find((e) => e.EventId === eventId)
      assert.strictEqual(event?.EventFeedback?.FeedbackValue, "Invalid")
      assert.strictEqual(event.EventFeedback.Provider, "User")
    }

    it(
      "the AWS SDK sets the templates, a risky sign-in, the email from the outbox, its link in Chromium, Invalid",
      async () => {
        await withServed({ seed }, async (served, client) => {
          await client.send(
            new SetRiskConfigurationCommand({
              UserPoolId: poolId,
              AccountTakeoverRiskConfiguration: templates(served.pageUrl)
            })
          )
          const eventId = await signInOverHttp(served, "alice")
          const outbox = await (await fetch(`${served.emulatorUrl}${EmulatorHttp.testkitPaths.outbox}`)).json() as {
            messages: ReadonlyArray<RiskNotification.Message>
          }
          assert.strictEqual(outbox.messages.length, 1)
          const message = defined(outbox.messages[0])
          assert.deepStrictEqual([message.eventId, message.to], [eventId, "alice@example.com"])
          assert.strictEqual(message.from, "no-reply@example.com")
          await answerInChromium(message.htmlBody, served.pageUrl)
          await expectInvalidByUser(client, "alice", eventId)
        })
      },
      120_000
    )

    it(
      "a custom email sender at a URL gets the event; the library's email, its link in Chromium, Invalid",
      async () => {
        let pageUrl = ""
        const emails: Array<Email> = []
        const sender = await receiver(async (event) => {
          emails.push(await driver.takeoverEmail(event, { pageUrl: `${pageUrl}${pagePath}`, to: "bob@example.com" }))
        })
        try {
          await withServed({ seed, customEmailSenderUrl: sender.url }, async (served, client) => {
            pageUrl = served.pageUrl
            await client.send(
              new SetRiskConfigurationCommand({
                UserPoolId: poolId,
                AccountTakeoverRiskConfiguration: templates(pageUrl)
              })
            )
            const eventId = await signInOverHttp(served, "bob")
            const outbox = await (await fetch(`${served.emulatorUrl}${EmulatorHttp.testkitPaths.outbox}`)).json()
            assert.deepStrictEqual(outbox, { messages: [] })
            assert.strictEqual(emails.length, 1)
            const email = defined(emails[0])
            assert.strictEqual(email.to, "bob@example.com")
            await answerInChromium(email.html, served.pageUrl)
            await expectInvalidByUser(client, "bob", eventId)
          })
        } finally {
          await sender.close()
        }
      },
      120_000
    )

    it(
      "the AWS SDK round-trips SetRiskConfiguration and DescribeRiskConfiguration, per pool and per app client",
      async () => {
        await withServed({ seed }, async (served, client) => {
          const pool = templates(served.pageUrl)
          const set = await client.send(
            new SetRiskConfigurationCommand({ UserPoolId: poolId, AccountTakeoverRiskConfiguration: pool })
          )
          assert.deepStrictEqual(set.RiskConfiguration?.AccountTakeoverRiskConfiguration, pool)
          assert.ok(set.RiskConfiguration?.LastModifiedDate instanceof Date)
          const forClient = { ...pool, Actions: { HighAction: { Notify: false, EventAction: "BLOCK" as const } } }
          await client.send(
            new SetRiskConfigurationCommand({
              UserPoolId: poolId,
              ClientId: "app1client",
              AccountTakeoverRiskConfiguration: forClient,
              RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"] }
            })
          )
          const described = async (ClientId?: string) =>
            (await client.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId, ClientId })))
              .RiskConfiguration
          assert.deepStrictEqual((await described())?.AccountTakeoverRiskConfiguration, pool)
          assert.deepStrictEqual((await described("app1client"))?.AccountTakeoverRiskConfiguration, forClient)
          assert.deepStrictEqual((await described("app1client"))?.RiskExceptionConfiguration, {
            BlockedIPRangeList: ["192.0.2.0/24"]
          })
          assert.deepStrictEqual((await described("otherclient"))?.AccountTakeoverRiskConfiguration, pool)
        })
      },
      60_000
    )

    it("the AWS SDK gets the service's errors for invalid risk configurations", async () => {
      await withServed({ seed }, async (served, client) => {
        const pool = templates(served.pageUrl)
        const cases = [
          [
            {
              UserPoolId: poolId,
              AccountTakeoverRiskConfiguration: { ...pool, Actions: { LowAction: { EventAction: "BLOCK" } } }
            },
            "InvalidParameterException",
            "AccountTakeoverRiskConfiguration.Actions.LowAction.Notify: is required"
          ],
          [
            {
              UserPoolId: poolId,
              AccountTakeoverRiskConfiguration: {
                ...pool,
                NotifyConfiguration: { ...pool.NotifyConfiguration, BlockEmail: { Subject: "x".repeat(141) } }
              }
            },
            "InvalidParameterException",
            "AccountTakeoverRiskConfiguration.NotifyConfiguration.BlockEmail.Subject: "
          ],
          [
            {
              UserPoolId: poolId,
              RiskExceptionConfiguration: { SkippedIPRangeList: Array.from({ length: 201 }, () => "192.0.2.1/32") }
            },
            "InvalidParameterException",
            "RiskExceptionConfiguration.SkippedIPRangeList: must have at most 200 items"
          ],
          [{ UserPoolId: "us-east-1_Nowhere" }, "ResourceNotFoundException", "us-east-1_Nowhere"],
          [{ UserPoolId: offPoolId }, "UserPoolAddOnNotEnabledException", ""]
        ] as const
        for (const [input, name, text] of cases) {
          const error = await client.send(new SetRiskConfigurationCommand(input as SetRiskConfigurationCommandInput))
            .then(
              () => assert.fail(`${name} expected`),
              (e: Error) => e
            )
          assert.strictEqual(error.name, name, error.message)
          assert.ok(error.message.includes(text), error.message)
        }
        const describeError = await client.send(
          new DescribeRiskConfigurationCommand({ UserPoolId: "us-east-1_Nowhere" })
        )
          .then(() => assert.fail("ResourceNotFoundException expected"), (e: Error) => e)
        assert.strictEqual(describeError.name, "ResourceNotFoundException")
      })
    }, 60_000)

    it("boto3 round-trips the risk configuration and gets the service's errors", async () => {
      await withServed({ seed }, async (served) => {
        const pool = templates(served.pageUrl)
        const [set, described, forClient, tooLong, badArn, nowhere] = await boto3(served.emulatorUrl, [
          ["set_risk_configuration", { UserPoolId: poolId, AccountTakeoverRiskConfiguration: pool }],
          ["describe_risk_configuration", { UserPoolId: poolId }],
          ["describe_risk_configuration", { UserPoolId: poolId, ClientId: "app1client" }],
          [
            "set_risk_configuration",
            {
              UserPoolId: poolId,
              AccountTakeoverRiskConfiguration: {
                ...pool,
                NotifyConfiguration: { ...pool.NotifyConfiguration, MfaEmail: { Subject: "y".repeat(141) } }
              }
            }
          ],
          [
            "set_risk_configuration",
            {
              UserPoolId: poolId,
              AccountTakeoverRiskConfiguration: {
                ...pool,
                NotifyConfiguration: { ...pool.NotifyConfiguration, SourceArn: "not-an-arn-but-long-enough" }
              }
            }
          ],
          ["describe_risk_configuration", { UserPoolId: "us-east-1_Nowhere" }]
        ])
        assert.ok(set && "ok" in set, JSON.stringify(set))
        assert.deepStrictEqual(set.ok.RiskConfiguration.AccountTakeoverRiskConfiguration, pool)
        assert.ok(described && "ok" in described && forClient && "ok" in forClient)
        assert.deepStrictEqual(described.ok.RiskConfiguration.AccountTakeoverRiskConfiguration, pool)
        assert.deepStrictEqual(forClient.ok.RiskConfiguration.AccountTakeoverRiskConfiguration, pool)
        assert.deepStrictEqual(tooLong && "error" in tooLong && [tooLong.error, tooLong.message.split(":")[0]], [
          "InvalidParameterException",
          "AccountTakeoverRiskConfiguration.NotifyConfiguration.MfaEmail.Subject"
        ])
        assert.deepStrictEqual(badArn && "error" in badArn && [badArn.error, badArn.message.split(":")[0]], [
          "InvalidParameterException",
          "AccountTakeoverRiskConfiguration.NotifyConfiguration.SourceArn"
        ])
        assert.deepStrictEqual(nowhere && "error" in nowhere && nowhere.error, "ResourceNotFoundException")
      })
    }, 60_000)

    it(
      "the testkit endpoints: a bad body names the field, never a value; wrong method 405; unknown path 404",
      async () => {
        await withServed({ seed }, async (served) => {
          const url = `${served.emulatorUrl}${EmulatorHttp.testkitPaths.riskySignIn}`
          const cases = [
            [
              { userPoolId: poolId, username: "alice", riskLevel: "Severe" },
              "riskLevel: must be one of Low, Medium, High"
            ],
            [
              { userPoolId: poolId, username: "zelda-the-unknown", riskLevel: "Low" },
              "username: no user of this pool matches"
            ],
            [{ userPoolId: poolId, riskLevel: "Low" }, "username: is required"],
            [{ userPoolId: poolId, username: "alice", riskLevel: "Low", city: 7 }, "city: must be a string"]
          ] as const
          for (const [body, message] of cases) {
            const response = await postJson(url, body)
            assert.strictEqual(response.status, 400)
            const answer = await response.json() as { message: string }
            assert.strictEqual(answer.message, message)
            assert.ok(!answer.message.includes("zelda"))
          }
          const notJson = await fetch(url, { method: "POST", body: "{" })
          assert.strictEqual(notJson.status, 400)
          const wrongMethod = await fetch(url)
          assert.deepStrictEqual([wrongMethod.status, wrongMethod.headers.get("allow")], [405, "POST"])
          const unknown = await fetch(`${served.emulatorUrl}/_testkit/nothing`)
          assert.strictEqual(unknown.status, 404)
          const outbox = await fetch(`${served.emulatorUrl}${EmulatorHttp.testkitPaths.outbox}`)
          assert.deepStrictEqual([outbox.status, await outbox.json()], [200, { messages: [] }])
        })
      },
      60_000
    )
  })
}
