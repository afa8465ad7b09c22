// In a real browser: headless Chromium (Debian's package, which .ci/run installs) driven by
// playwright-core, against `cognito-feedback serve-feedback-page` in front of an emulator process.
// A link from linkTemplates, filled in as Cognito fills it in, is checked by a scanner (nothing
// recorded), opened, answered with the button and read back through AdminListUserAuthEvents;
// axe-core checks every page; screenshots go to test/artifacts/.
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { Browser, Page } from "playwright-core"
import { chromium } from "playwright-core"
import { feedbackOf, startServer } from "./processes.js"

const here = path.dirname(fileURLToPath(import.meta.url))
const artifacts = path.join(here, "artifacts")
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")
const pool = "us-east-1_Example1"

const launch = Effect.acquireRelease(
  Effect.promise(() =>
    chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync"
      ]
    })
  ),
  (browser: Browser) => Effect.promise(() => browser.close())
)

interface AxeViolation {
  readonly id: string
  readonly impact?: string | null
  readonly help: string
}

/** axe-core's serious and critical violations on the page (evaluated over DevTools: the CSP allows no script). */
const seriousViolations = (page: Page) =>
  Effect.promise(async () => {
    await page.evaluate(axeSource)
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as {
        axe: { run: () => Promise<{ violations: ReadonlyArray<AxeViolation> }> }
      }).axe
      return (await axe.run()).violations.map(({ help, id, impact }) => ({ id, impact, help }))
    })
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical")
  })

const screenshot = (page: Page, name: string) =>
  Effect.promise(async () => {
    fs.mkdirSync(artifacts, { recursive: true })
    await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true })
  })

const heading = (page: Page) => Effect.promise(() => page.locator("h1").innerText())

/** Fills a template link in as Cognito does: the values as they are. */
const fillIn = (template: string, values: Record<string, string>) =>
  template.replace(/\{([a-z-]+)\}/g, (placeholder, name: string) => values[name] ?? placeholder)

const signIn = {
  city: "Lyon",
  country: "France",
  "device-name": "Firefox, Linux",
  "login-time": "2026-11-01 10:00 UTC",
  "ip-address": "203.0.113.7"
}

describe("the feedback page in Chromium", () => {
  it.live(
    "scanner, question, button, recorded; used link; malformed link; accessible; screenshots",
    () =>
      Effect.gen(function*() {
        const emulator = yield* startServer(["emulator", "--port", "0"])
        const server = yield* startServer([
          "serve-feedback-page",
          "--port",
          "0",
          "--endpoint-url",
          emulator.url,
          "--product-name",
          "Example",
          "--secure-account-url",
          "https://example.com/account/security"
        ])
        const templates = yield* FeedbackPage.linkTemplates({
          baseUrl: server.url,
          userPoolId: pool,
          sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
        })
        const link = fillIn(templates.invalid, {
          username: "alice",
          "event-id": "evt-1",
          "feedback-token": "tok.valid-1",
          ...signIn
        })
        // the sign-in details are in the email's text, not in the template's links: the page is
        // asked about the sign-in without them (links() carries them, percent-encoded)
        assert.strictEqual(
          link,
          fillIn(templates.invalid, { username: "alice", "event-id": "evt-1", "feedback-token": "tok.valid-1" })
        )
        const updates = () => emulator.lines().filter((line) => line.startsWith("UpdateAuthEventFeedback ")).length

        // a mail scanner: HEAD and GET of the link, several times; nothing reaches Cognito
        for (const method of ["HEAD", "GET", "GET"]) {
          const response = yield* Effect.promise(() => fetch(link, { method }))
          assert.strictEqual(response.status, 200, `${method} ${link}`)
          yield* Effect.promise(() => response.arrayBuffer())
        }
        assert.strictEqual(updates(), 0)
        assert.isUndefined(yield* feedbackOf(emulator.url, pool, "alice", "evt-1"))

        const browser = yield* launch
        const context = yield* Effect.acquireRelease(
          Effect.promise(() => browser.newContext({ viewport: { width: 420, height: 480 } })),
          (context) => Effect.promise(() => context.close())
        )
        const page = yield* Effect.promise(() => context.newPage())
        const cspViolations: Array<string> = []
        page.on("console", (message) => {
          if (message.text().includes("Content Security Policy")) cspViolations.push(message.text())
        })

        // the question
        const question = yield* Effect.promise(() => page.goto(link))
        assert.strictEqual(question?.status(), 200)
        assert.strictEqual(yield* heading(page), "Was this you?")
        assert.include(
          yield* Effect.promise(() => page.locator("main").innerText()),
          "We noticed a sign-in to your Example account that did not look like you."
        )
        assert.strictEqual(yield* Effect.promise(() => page.locator("html").getAttribute("lang")), "en")
        const button = page.getByRole("button", { name: "No, this was not me" })
        assert.strictEqual(yield* Effect.promise(() => button.count()), 1)
        // the inline stylesheet applies: the CSP admits it by its hash
        const background = yield* Effect.promise(() => button.evaluate((el) => getComputedStyle(el).backgroundColor))
        assert.strictEqual(background, "rgb(164, 34, 27)")
        assert.deepStrictEqual(yield* seriousViolations(page), [])
        yield* screenshot(page, "question")
        assert.strictEqual(updates(), 0)

        // the button: recorded, and the token has left the address bar
        const [recorded] = yield* Effect.promise(() => Promise.all([page.waitForNavigation(), button.click()]))
        assert.strictEqual(recorded?.status(), 200)
        assert.strictEqual(yield* heading(page), "Thank you for telling us")
        assert.strictEqual(page.url(), `${server.url}${FeedbackPage.defaultPath}`)
        assert.strictEqual(
          yield* Effect.promise(() => page.getByRole("link", { name: "Secure your account" }).getAttribute("href")),
          "https://example.com/account/security"
        )
        assert.deepStrictEqual(yield* seriousViolations(page), [])
        yield* screenshot(page, "result")
        assert.deepInclude(yield* feedbackOf(emulator.url, pool, "alice", "evt-1"), {
          FeedbackValue: "Invalid",
          Provider: "User"
        })

        // a link whose token Cognito no longer accepts (expired, used or wrong)
        const used = fillIn(templates.valid, {
          username: "alice",
          "event-id": "evt-2",
          "feedback-token": "tok.used",
          ...signIn
        })
        yield* Effect.promise(() => page.goto(used))
        assert.strictEqual(yield* heading(page), "Was this you?")
        const [refused] = yield* Effect.promise(() =>
          Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Yes, this was me" }).click()])
        )
        assert.strictEqual(refused?.status(), 403)
        assert.strictEqual(yield* heading(page), "This link no longer works")
        assert.deepStrictEqual(yield* seriousViolations(page), [])
        yield* screenshot(page, "link-no-longer-works")
        assert.isUndefined(yield* feedbackOf(emulator.url, pool, "alice", "evt-2"))

        // a damaged link
        const damaged = yield* Effect.promise(() => page.goto(link.slice(0, link.indexOf("&feedback-token"))))
        assert.strictEqual(damaged?.status(), 400)
        assert.strictEqual(yield* heading(page), "This link is incomplete")
        assert.deepStrictEqual(yield* seriousViolations(page), [])

        assert.deepStrictEqual(cspViolations, [])
        // what the page logged: no username, no token
        for (const secret of ["alice", "tok.valid-1", "tok.used"]) assert.notInclude(server.stderr(), secret)
      }).pipe(Effect.scoped, Effect.timeout(Duration.seconds(150))),
    180_000
  )
})
