/**
 * The feedback page's suite, for both editions: every outcome of the page over the testkit's
 * simulator or script (the status, the words a person reads, and what the service recorded:
 * nothing at all on GET and HEAD), its options and its web handler. An edition's runner passes its
 * `describe` and `it` and its `PageDriver`. Effect-free.
 */
import * as PageHtml from "@cognito-feedback/protocol/PageHtml"
import type { ErrorData } from "@cognito-feedback/protocol/WireCases"
import * as assert from "node:assert/strict"
import type { Answer } from "./pageClient.js"
import {
  aliceLink,
  formOf,
  hiddenFields,
  linkTo,
  options,
  origin,
  pagePath,
  post,
  securityHeadersProblem
} from "./pageClient.js"
import type { DrawnOutcome, Page, PageDriver, PageOptions, Scenario } from "./pageDriver.js"
import { failure, scripted, simulator, withPage } from "./pageDriver.js"
import type { TestApi } from "./testApi.js"

export const includes = (text: string, part: string, message?: string): void =>
  assert.ok(text.includes(part), message ?? `${JSON.stringify(part)} not in ${JSON.stringify(text.slice(0, 2000))}`)

export const notIncludes = (text: string, part: string, message?: string): void =>
  assert.ok(!text.includes(part), message ?? `${JSON.stringify(part)} in ${JSON.stringify(text.slice(0, 2000))}`)

const assertSecurityHeaders = (headers: Headers) => assert.strictEqual(securityHeadersProblem(headers), undefined)

export const feedbackPageSuite = (t: TestApi, driver: PageDriver): void => {
  const { describe, it } = t
  /** A test with a page over `scenario` (default: the simulator), disposed after. */
  const withSimulator = (
    body: (page: Page) => Promise<void>,
    pageOptions: PageOptions = options,
    scenario: Scenario = simulator
  ) =>
  () => withPage(driver, pageOptions, scenario, body)

  describe("GET and HEAD: the question, nothing recorded", () => {
    it(
      "an Invalid link asks 'Was this you?' with one button and the link's values in hidden fields",
      withSimulator(async ({ callCount, feedbackOf, send }) => {
        const page = await send(new Request(linkTo(aliceLink)))
        assert.strictEqual(page.status, 200)
        assertSecurityHeaders(page.headers)
        includes(page.body, "<html lang=\"en\">")
        includes(page.body, "<h1>Was this you?</h1>")
        includes(page.body, "We noticed a sign-in to your Example account")
        assert.strictEqual(page.body.match(/<button/g)?.length, 1)
        includes(page.body, ">No, this was not me</button>")
        notIncludes(page.body, "<script")
        includes(page.body, "<form method=\"post\" action=\"./feedback\">")
        assert.deepStrictEqual(hiddenFields(page.body), {
          username: "alice",
          "event-id": "evt-1",
          "feedback-token": "tok.valid-1",
          feedback: "invalid"
        })
        // the token is in the hidden field and nowhere else
        assert.strictEqual(page.body.split("tok.valid-1").length, 2)
        assert.strictEqual(await callCount(), 0)
        assert.strictEqual(await feedbackOf("alice", "evt-1"), undefined)
      })
    )

    it(
      "a Valid link asks to confirm",
      withSimulator(async ({ callCount, send }) => {
        const page = await send(new Request(linkTo({ ...aliceLink, feedback: "valid" })))
        assert.strictEqual(page.status, 200)
        includes(page.body, ">Yes, this was me</button>")
        assert.strictEqual(await callCount(), 0)
      })
    )

    it(
      "HEAD and repeated GETs (a mail scanner) record nothing",
      withSimulator(async ({ callCount, feedbackOf, send }) => {
        for (let i = 0; i < 3; i++) {
          assert.strictEqual((await send(new Request(linkTo(aliceLink)))).status, 200)
          const head = await send(new Request(linkTo(aliceLink), { method: "HEAD" }))
          assert.strictEqual(head.status, 200)
          assert.strictEqual(head.body, "")
          assertSecurityHeaders(head.headers)
        }
        assert.strictEqual(await callCount(), 0)
        assert.strictEqual(await feedbackOf("alice", "evt-1"), undefined)
      })
    )

    it(
      "shows the sign-in's city, country, device and time when the link gives them",
      withSimulator(async ({ send }) => {
        const page = await send(
          new Request(linkTo({
            ...aliceLink,
            city: "Lyon",
            country: "France",
            "device-name": "Firefox, Linux",
            "login-time": "2026-11-01 10:00 UTC",
            "ip-address": "203.0.113.7"
          }))
        )
        includes(
          page.body,
          "The sign-in was from Lyon, France (203.0.113.7), on Firefox, Linux, at 2026-11-01 10:00 UTC."
        )
      })
    )

    it(
      "keeps a + in the username and event id (Cognito does not encode them in the link)",
      withSimulator(async ({ send }) => {
        const page = await send(
          new Request(`${origin}${pagePath}?username=a+b@example.com&event-id=e+1&feedback-token=t&feedback=valid`)
        )
        assert.strictEqual(page.status, 200)
        assert.strictEqual(hiddenFields(page.body).username, "a+b@example.com")
        assert.strictEqual(hiddenFields(page.body)["event-id"], "e+1")
      })
    )

    it(
      "a malformed link is a 400 that names nothing of its values",
      withSimulator(async ({ callCount, send }) => {
        const links = [
          {},
          { ...aliceLink, "event-id": "bad id <b>" },
          { ...aliceLink, "feedback-token": "tok with spaces" },
          { ...aliceLink, feedback: "maybe" },
          { ...aliceLink, username: "" }
        ]
        for (const query of links) {
          const page = await send(new Request(linkTo(query)))
          assert.strictEqual(page.status, 400)
          includes(page.body, "This link is incomplete")
          notIncludes(page.body, "<form")
          for (const value of ["bad id", "<b>", "tok with spaces", "maybe", "tok.valid-1", "alice", "evt-1"]) {
            notIncludes(page.body, value)
          }
        }
        const repeated = await send(new Request(linkTo(aliceLink) + "&feedback-token=tok.valid-2"))
        assert.strictEqual(repeated.status, 400)
        assert.strictEqual(await callCount(), 0)
      })
    )
  })

  describe("POST: records, and shows the outcome", () => {
    it(
      "Invalid is recorded (200) and the page links to the secure-account URL",
      withSimulator(async ({ feedbackOf, send }) => {
        const page = await send(post(formOf(aliceLink)))
        assert.strictEqual(page.status, 200)
        assertSecurityHeaders(page.headers)
        includes(page.body, "<h1>Thank you for telling us</h1>")
        includes(page.body, "<a href=\"https://example.com/account/security\">Secure your account</a>")
        notIncludes(page.body, "tok.valid-1")
        const feedback = await feedbackOf("alice", "evt-1")
        assert.strictEqual(feedback?.FeedbackValue, "Invalid")
        assert.strictEqual(feedback?.Provider, "User")
      })
    )

    it(
      "Valid is recorded (200), without the secure-account link",
      withSimulator(async ({ feedbackOf, send }) => {
        const page = await send(
          post(formOf({ ...aliceLink, "event-id": "evt-2", "feedback-token": "tok.valid-2", feedback: "valid" }))
        )
        assert.strictEqual(page.status, 200)
        includes(page.body, "You confirmed that this sign-in was you.")
        notIncludes(page.body, "Secure your account")
        assert.strictEqual((await feedbackOf("alice", "evt-2"))?.FeedbackValue, "Valid")
      })
    )

    it(
      "a wrong, expired or used token: 403, 'This link no longer works', nothing recorded",
      withSimulator(async ({ feedbackOf, send }) => {
        const page = await send(post(formOf({ ...aliceLink, "feedback-token": "tok.used" })))
        assert.strictEqual(page.status, 403)
        includes(page.body, "This link no longer works")
        assert.strictEqual(await feedbackOf("alice", "evt-1"), undefined)
      })
    )

    it(
      "an unknown user, event or pool: 404 with the same page, so it does not tell which",
      withSimulator(async ({ outcomes, send }) => {
        const pages = [
          await send(post(formOf({ ...aliceLink, username: "nobody" }))),
          await send(post(formOf({ ...aliceLink, "event-id": "evt-unknown" }))),
          await send(post(formOf({ ...aliceLink, "user-pool-id": "us-east-1_Unknown1" })))
        ]
        for (const page of pages) {
          assert.strictEqual(page.status, 404)
          includes(page.body, "We could not find this sign-in")
          assert.strictEqual(page.body, pages[0]?.body)
        }
        assert.deepStrictEqual(await outcomes(), [
          "UserNotFoundException",
          "ResourceNotFoundException",
          "ResourceNotFoundException"
        ])
      }, { ...options, userPoolId: undefined })
    )

    it(
      "throttled after the client's retries: 503 with Retry-After",
      withSimulator(
        async ({ feedbackOf, send }) => {
          const page = await send(post(formOf(aliceLink)))
          assert.strictEqual(page.status, 503)
          assert.strictEqual(page.headers.get("retry-after"), "60")
          includes(page.body, "Too many requests right now")
          assert.strictEqual(await feedbackOf("alice", "evt-1"), undefined)
        },
        options,
        { _tag: "Simulator", throttleNext: 1 }
      )
    )

    it(
      "the service failing: 503",
      withSimulator(
        async ({ send }) => {
          const page = await send(post(formOf(aliceLink)))
          assert.strictEqual(page.status, 503)
          assert.strictEqual(page.headers.get("retry-after"), null)
          includes(page.body, "The service is not available at the moment.")
        },
        options,
        { _tag: "Simulator", failNext: 1 }
      )
    )

    it(
      "the service unreachable: 503",
      withSimulator(
        async ({ send }) => {
          const page = await send(post(formOf(aliceLink)))
          assert.strictEqual(page.status, 503)
          includes(page.body, "The service is not available at the moment.")
        },
        options,
        scripted(failure({ _tag: "TransportError", reason: "Connect", message: "refused" }))
      )
    )

    it(
      "threat protection off: 500, a generic page, and an error log for the operator",
      withSimulator(async ({ recorded, send }) => {
        const page = await send(
          post(formOf({ username: "carol", "event-id": "evt-c1", "feedback-token": "tok.off-1", feedback: "valid" }))
        )
        assert.strictEqual(page.status, 500)
        includes(page.body, "Something went wrong")
        notIncludes(page.body, "threat")
        assert.ok(
          recorded.logs().some((line) =>
            line.startsWith("configuration error: UserPoolAddOnNotEnabledException") &&
            line.includes("cognito.user_pool_id=us-east-1_NoThreat1")
          ),
          recorded.logs().join("\n")
        )
      }, { ...options, userPoolId: "us-east-1_NoThreat1" })
    )

    it(
      "a malformed form: 400; a huge one: 413; nothing sent",
      withSimulator(async ({ callCount, send }) => {
        const missing = await send(post(formOf({ ...aliceLink, "feedback-token": "" })))
        assert.strictEqual(missing.status, 400)
        includes(missing.body, "This link is incomplete")
        const huge = await send(post(formOf({ ...aliceLink, padding: "x".repeat(100_000) })))
        assert.strictEqual(huge.status, 413)
        const empty = await send(post(""))
        assert.strictEqual(empty.status, 400)
        assert.strictEqual(await callCount(), 0)
      })
    )

    it(
      "a POST from another site is refused (403) and records nothing; the page's own is not",
      withSimulator(async ({ callCount, send }) => {
        const refused = [
          { "sec-fetch-site": "cross-site" },
          { "sec-fetch-site": "same-site" },
          { "sec-fetch-site": "", origin: "https://evil.example" }
        ]
        for (const headers of refused) {
          const fetchSite = headers["sec-fetch-site"]
          const request = post(formOf(aliceLink), fetchSite === "" ? { origin: headers.origin ?? "" } : headers)
          if (fetchSite === "") request.headers.delete("sec-fetch-site")
          const page = await send(request)
          assert.strictEqual(page.status, 403, JSON.stringify(headers))
          includes(page.body, "This answer came from another website")
        }
        assert.strictEqual(await callCount(), 0)
        // `Origin: null` is what browsers send from a no-referrer page: it says nothing, so it passes
        const fromPage = post(formOf(aliceLink), { origin: "null" })
        fromPage.headers.delete("sec-fetch-site")
        assert.strictEqual((await send(fromPage)).status, 200)
        const sameOrigin = post(formOf(aliceLink), { origin })
        sameOrigin.headers.delete("sec-fetch-site")
        assert.strictEqual((await send(sameOrigin)).status, 200)
      })
    )

    it(
      "without a public origin, the Host header, not the request's URL, names the page's own site",
      withSimulator(async ({ callCount, feedbackOf, send }) => {
        // behind a proxy: the URL as received is the internal address, the Host header the public one
        const behindProxy = (from: string) => {
          const request = post(formOf(aliceLink), { host: "feedback.example.com", origin: from })
          request.headers.delete("sec-fetch-site")
          return request
        }
        // an Origin that matches the URL's host but not the Host header is another site
        const urlOnly = await send(behindProxy(origin))
        assert.strictEqual(urlOnly.status, 403)
        includes(urlOnly.body, "This answer came from another website")
        assert.strictEqual(await callCount(), 0)
        assert.strictEqual(await feedbackOf("alice", "evt-1"), undefined)
        // the Host header's site is the page's own, whatever the scheme (TLS may end at the proxy)
        const hostHeader = await send(behindProxy("https://feedback.example.com"))
        assert.strictEqual(hostHeader.status, 200)
        assert.strictEqual((await feedbackOf("alice", "evt-1"))?.FeedbackValue, "Invalid")
      })
    )

    it(
      "any other method: 405 with Allow",
      withSimulator(async ({ callCount, send }) => {
        for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
          const page = await send(new Request(linkTo(aliceLink), { method }))
          assert.strictEqual(page.status, 405)
          assert.strictEqual(page.headers.get("allow"), "GET, HEAD, POST")
        }
        assert.strictEqual(await callCount(), 0)
      })
    )

    it(
      "with a configured pool, the link's pool is ignored",
      withSimulator(async ({ feedbackOf, send }) => {
        const question = await send(new Request(linkTo({ ...aliceLink, "user-pool-id": "us-east-1_Other1" })))
        assert.ok(!("user-pool-id" in hiddenFields(question.body)))
        const page = await send(post(formOf({ ...aliceLink, "user-pool-id": "us-east-1_Other1" })))
        assert.strictEqual(page.status, 200)
        assert.strictEqual((await feedbackOf("alice", "evt-1"))?.FeedbackValue, "Invalid")
      })
    )
  })

  describe("every outcome of the service", () => {
    const expected: Record<string, readonly [number, string]> = {
      Success: [200, "Thank you for telling us"],
      NotAuthorizedException: [403, "This link no longer works"],
      UserNotFoundException: [404, "We could not find this sign-in"],
      ResourceNotFoundException: [404, "We could not find this sign-in"],
      InvalidParameterException: [400, "This link is incomplete"],
      InternalErrorException: [503, "The service is not available"],
      TransportError: [503, "The service is not available"],
      UserPoolAddOnNotEnabledException: [500, "Something went wrong"],
      OperationNotEnabledException: [500, "Something went wrong"]
    }

    // throttled (once the client's retries are spent): 503 and `Retry-After: 60`; every other outcome
    // has no Retry-After. An unexpected response is throttling when its status is 429, else unavailable.
    const throttled = [503, "Too many requests right now", "60"] as const
    const unavailable = [503, "The service is not available", null] as const
    const expectedOf = (outcome: DrawnOutcome): readonly [number, string, string | null] => {
      if (outcome._tag === "Success") return [...(expected.Success ?? [0, ""]), null]
      const error = outcome.error
      if (error._tag === "TooManyRequestsException") return throttled
      if (error._tag === "UnexpectedResponseError") return error.status === 429 ? throttled : unavailable
      return [...(expected[error._tag] ?? [0, ""]), null]
    }

    it("maps each to its status and page, never a defect", () =>
      driver.eachOutcome(60, async (outcome, { send }) => {
        const page: Answer = await send(post(formOf(aliceLink)))
        const tag = outcome._tag === "Success" ? "Success" : outcome.error._tag
        const [status, text, retryAfter] = expectedOf(outcome)
        assert.strictEqual(page.status, status, tag)
        includes(page.body, text)
        assert.strictEqual(page.headers.get("retry-after"), retryAfter, tag)
        notIncludes(page.body, "tok.valid-1")
      }))

    const dedicated: ReadonlyArray<readonly [string, ErrorData, typeof throttled | typeof unavailable]> = [
      ["TooManyRequestsException", { _tag: "TooManyRequestsException", message: "Rate exceeded" }, throttled],
      [
        "an unexpected 429 with no code",
        { _tag: "UnexpectedResponseError", status: 429, message: "Too Many Requests" },
        throttled
      ],
      [
        "an unexpected 502 from a load balancer",
        { _tag: "UnexpectedResponseError", status: 502, message: "Bad Gateway" },
        unavailable
      ],
      ["InternalErrorException", { _tag: "InternalErrorException", message: "Internal error" }, unavailable]
    ]
    for (const [name, error, [status, text, retryAfter]] of dedicated) {
      it(
        `${name}: ${status}, Retry-After ${retryAfter ?? "absent"}`,
        withSimulator(
          async ({ send }) => {
            const page = await send(post(formOf(aliceLink)))
            assert.strictEqual(page.status, status)
            assert.strictEqual(page.headers.get("retry-after"), retryAfter)
            includes(page.body, text)
            assertSecurityHeaders(page.headers)
          },
          options,
          scripted(failure(error))
        )
      )
    }
  })

  describe("options", () => {
    it("refuses a bad path, pool id, secure-account URL or product name, naming the option", () => {
      const bad: ReadonlyArray<readonly [PageOptions, string]> = [
        [{ ...options, path: "feedback" }, "path:"],
        [{ ...options, path: "/a?b" }, "path:"],
        [{ ...options, path: "/:id" }, "path:"],
        [{ ...options, userPoolId: "not a pool" }, "userPoolId: must match"],
        [{ ...options, secureAccountUrl: "javascript:alert(1)" }, "secureAccountUrl:"],
        [{ ...options, productName: " " }, "productName:"]
      ]
      for (const [opts, message] of bad) {
        const result = driver.router(opts)
        assert.strictEqual(result._tag, "Refused")
        if (result._tag === "Refused") includes(result.message, message)
      }
      assert.strictEqual(driver.router(options)._tag, "Ok")
    })

    it(
      "every sentence can be replaced, with the page's language",
      () =>
        withPage(
          driver,
          {
            ...options,
            texts: {
              ...driver.defaultTexts,
              lang: "fr",
              question: {
                ...driver.defaultTexts.question,
                title: "Était-ce vous ?",
                Invalid: { explanation: "Dites-le-nous.", button: "Non, ce n'était pas moi" }
              }
            }
          },
          simulator,
          async ({ send }) => {
            const page = await send(new Request(linkTo(aliceLink)))
            includes(page.body, "<html lang=\"fr\">")
            includes(page.body, "<h1>Était-ce vous ?</h1>")
            includes(page.body, ">Non, ce n&#39;était pas moi</button>")
          }
        )
    )

    it(
      "mounted under a prefix, the form still posts to the page",
      withSimulator(async ({ send }) => {
        const page = await send(new Request(linkTo(aliceLink, "/app/auth-events/feedback/")))
        includes(page.body, "action=\"./\"")
        const recorded = await send(post(formOf(aliceLink), {}, "/app/auth-events/feedback/"))
        assert.strictEqual(recorded.status, 200)
      }, { ...options, path: "/app/auth-events/feedback/" })
    )
  })

  describe("the web handler", () => {
    it("answers Request with Response on the same router; other paths are 404", async () => {
      const made = await driver.toWebHandler(options, simulator)
      if (made._tag === "Refused") return assert.fail(made.message)
      const { dispose, handler } = made.value
      try {
        const question = await handler(new Request(linkTo(aliceLink)))
        assert.strictEqual(question.status, 200)
        includes(await question.text(), "Was this you?")
        const recorded = await handler(post(formOf(aliceLink)))
        assert.strictEqual(recorded.status, 200)
        const other = await handler(new Request(`${origin}/other`))
        assert.strictEqual(other.status, 404)
        // the router's own 404 has no body: the page's catch-all answers with its text and headers
        assert.strictEqual(await other.text(), "Not found")
        for (const [name, value] of Object.entries(PageHtml.securityHeaders)) {
          assert.strictEqual(other.headers.get(name), value, name)
        }
      } finally {
        await dispose()
      }
    })
  })
}
