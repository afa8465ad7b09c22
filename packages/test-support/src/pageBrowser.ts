/**
 * The feedback page in a real browser, for both editions: headless Chromium (Debian's package,
 * `/usr/bin/chromium`) driven by playwright-core against a running page server. A link from
 * `linkTemplates`, filled in as Cognito fills it in, is checked by a scanner (nothing recorded),
 * opened, answered with the button and read back; a used link and a damaged one; axe-core checks
 * every page; screenshots go to `artifacts`. Also a `node:http` server for a web handler (the
 * Effect 4 suite serves `toWebHandler` with it). Effect-free; checks with `node:assert`.
 */
import * as assert from "node:assert/strict"
import * as fs from "node:fs"
import * as http from "node:http"
import { createRequire } from "node:module"
import type { AddressInfo } from "node:net"
import * as path from "node:path"
import type { Browser, Page } from "playwright-core"
import { chromium } from "playwright-core"
import { fillIn, pagePath } from "./pageClient.js"

const axeSource = () => fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

/** Headless Chromium; close it when done. */
export const launchChromium = (): Promise<Browser> =>
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

interface AxeViolation {
  readonly id: string
  readonly impact?: string | null | undefined
  readonly help: string
}

/** axe-core's serious and critical violations on the page (evaluated over DevTools: the CSP allows no script). */
export const seriousViolations = async (page: Page): Promise<ReadonlyArray<AxeViolation>> => {
  await page.evaluate(axeSource())
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as {
      axe: { run: () => Promise<{ violations: ReadonlyArray<AxeViolation> }> }
    }).axe
    return (await axe.run()).violations.map(({ help, id, impact }) => ({ id, impact, help }))
  })
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical")
}

/** The sign-in details of the email's text. */
export const signIn = {
  city: "Lyon",
  country: "France",
  "device-name": "Firefox, Linux",
  "login-time": "2026-11-01 10:00 UTC",
  "ip-address": "203.0.113.7"
}

/** A page server under test, in front of a Cognito (emulator or simulator) seeded with `sampleSeed`. */
export interface BrowserTarget {
  /** The server's origin (`http://127.0.0.1:PORT`), the page at `FeedbackPage.defaultPath`. */
  readonly url: string
  /** `linkTemplates({ baseUrl: url, userPoolId: "us-east-1_Example1", … })`. */
  readonly templates: { readonly valid: string; readonly invalid: string }
  /** How many UpdateAuthEventFeedback calls reached Cognito so far. */
  readonly updates: () => Promise<number>
  /** The feedback Cognito holds for `alice`'s event. */
  readonly feedbackOf: (
    eventId: string
  ) => Promise<{ readonly FeedbackValue?: string; readonly Provider?: string } | undefined>
  /** Everything the page server logged so far. */
  readonly output: () => string
  /** Where the screenshots go. */
  readonly artifacts: string
}

/** The whole browser scenario against `target`; throws on the first failed check. */
export const runBrowserScenario = async (target: BrowserTarget): Promise<void> => {
  const { templates } = target
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

  // a mail scanner: HEAD and GET of the link, several times; nothing reaches Cognito
  for (const method of ["HEAD", "GET", "GET"]) {
    const response = await fetch(link, { method })
    const body = await response.text()
    assert.strictEqual(response.status, 200, `${method} ${link}: ${body.slice(0, 300)}`)
  }
  assert.strictEqual(await target.updates(), 0)
  assert.strictEqual(await target.feedbackOf("evt-1"), undefined)

  const screenshot = async (page: Page, name: string) => {
    fs.mkdirSync(target.artifacts, { recursive: true })
    await page.screenshot({ path: path.join(target.artifacts, `${name}.png`), fullPage: true })
  }
  const heading = (page: Page) => page.locator("h1").innerText()

  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 420, height: 480 } })
    const page = await context.newPage()
    const cspViolations: Array<string> = []
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) cspViolations.push(message.text())
    })

    // the question
    const question = await page.goto(link)
    assert.strictEqual(question?.status(), 200)
    assert.strictEqual(await heading(page), "Was this you?")
    assert.ok(
      (await page.locator("main").innerText()).includes(
        "We noticed a sign-in to your Example account that did not look like you."
      )
    )
    assert.strictEqual(await page.locator("html").getAttribute("lang"), "en")
    const button = page.getByRole("button", { name: "No, this was not me" })
    assert.strictEqual(await button.count(), 1)
    // the inline stylesheet applies: the CSP admits it by its hash
    assert.strictEqual(await button.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(164, 34, 27)")
    assert.deepStrictEqual(await seriousViolations(page), [])
    await screenshot(page, "question")
    assert.strictEqual(await target.updates(), 0)

    // the button: recorded, and the token has left the address bar
    const [recorded] = await Promise.all([page.waitForNavigation(), button.click()])
    assert.strictEqual(recorded?.status(), 200)
    assert.strictEqual(await heading(page), "Thank you for telling us")
    assert.strictEqual(page.url(), `${target.url}${pagePath}`)
    assert.strictEqual(
      await page.getByRole("link", { name: "Secure your account" }).getAttribute("href"),
      "https://example.com/account/security"
    )
    assert.deepStrictEqual(await seriousViolations(page), [])
    await screenshot(page, "result")
    const feedback = await target.feedbackOf("evt-1")
    assert.strictEqual(feedback?.FeedbackValue, "Invalid")
    assert.strictEqual(feedback?.Provider, "User")

    // a link whose token Cognito no longer accepts (expired, used or wrong)
    const used = fillIn(templates.valid, {
      username: "alice",
      "event-id": "evt-2",
      "feedback-token": "tok.used",
      ...signIn
    })
    await page.goto(used)
    assert.strictEqual(await heading(page), "Was this you?")
    const [refused] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Yes, this was me" }).click()
    ])
    assert.strictEqual(refused?.status(), 403)
    assert.strictEqual(await heading(page), "This link no longer works")
    assert.deepStrictEqual(await seriousViolations(page), [])
    await screenshot(page, "link-no-longer-works")
    assert.strictEqual(await target.feedbackOf("evt-2"), undefined)

    // a damaged link
    const damaged = await page.goto(link.slice(0, link.indexOf("&feedback-token")))
    assert.strictEqual(damaged?.status(), 400)
    assert.strictEqual(await heading(page), "This link is incomplete")
    assert.deepStrictEqual(await seriousViolations(page), [])

    assert.deepStrictEqual(cspViolations, [])
    // what the page logged: no username, no token
    for (const secret of ["alice", "tok.valid-1", "tok.used"]) {
      assert.ok(!target.output().includes(secret), `${secret} in the page's output`)
    }
    await context.close()
  } finally {
    await browser.close()
  }
}

/** A web handler served over `node:http`, on 127.0.0.1 at a free port. */
export interface WebServer {
  readonly url: string
  readonly close: () => Promise<void>
}

/** `handler` behind a `node:http` server on 127.0.0.1 port 0; `close` stops it and its connections. */
export const serveWebHandler = async (handler: (request: Request) => Promise<Response>): Promise<WebServer> => {
  const server = http.createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
      }
      const method = req.method ?? "GET"
      const body = method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks)
      const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body })
      })
      handler(request).then(
        async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers))
          res.end(method === "HEAD" ? undefined : Buffer.from(await response.arrayBuffer()))
        },
        (error: unknown) => {
          // the handler itself failed (not the page's own 5xx): say so in the body, for the test's message
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" })
          res.end(`the web handler failed: ${String(error)}`)
        }
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
