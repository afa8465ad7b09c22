// Every outcome of the page (Effect 4) over the testkit's simulator: the status, the words a person reads,
// and what the simulator recorded (nothing at all on GET and HEAD).
import { CognitoError } from "@cognito-feedback/core"
import { AuthEventFeedbackTest, CognitoArbitrary, CognitoSimulator, SimulatorSeed } from "@cognito-feedback/testkit"
import { FeedbackPage } from "@cognito-feedback/web"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Result } from "effect"
import { HttpRouter, HttpServerResponse } from "effect/http"
import {
  aliceLink,
  formOf,
  hiddenFields,
  linkTo,
  makePage,
  options,
  origin,
  pool,
  post,
  securityHeadersProblem
} from "./support.js"

const Memory = AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed })

const feedbackOf = (username: string, eventId: string) =>
  Effect.flatMap(
    CognitoSimulator.CognitoSimulator,
    (simulator) => Effect.map(simulator.feedbackOf(pool, username, eventId), Option.getOrUndefined)
  )

const callCount = Effect.flatMap(CognitoSimulator.CognitoSimulator, (simulator) => simulator.calls).pipe(
  Effect.map((calls) => calls.length)
)

const assertSecurityHeaders = (headers: Headers) => assert.isUndefined(securityHeadersProblem(headers))

describe("GET and HEAD: the question, nothing recorded", () => {
  it.effect("an Invalid link asks 'Was this you?' with one button and the link's values in hidden fields", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const page = yield* send(new Request(linkTo(aliceLink)))
      assert.strictEqual(page.status, 200)
      assertSecurityHeaders(page.headers)
      assert.include(page.body, "<html lang=\"en\">")
      assert.include(page.body, "<h1>Was this you?</h1>")
      assert.include(page.body, "We noticed a sign-in to your Example account")
      assert.strictEqual(page.body.match(/<button/g)?.length, 1)
      assert.include(page.body, ">No, this was not me</button>")
      assert.notInclude(page.body, "<script")
      assert.include(page.body, "<form method=\"post\" action=\"./feedback\">")
      assert.deepStrictEqual(hiddenFields(page.body), {
        username: "alice",
        "event-id": "evt-1",
        "feedback-token": "tok.valid-1",
        feedback: "invalid"
      })
      // the token is in the hidden field and nowhere else
      assert.strictEqual(page.body.split("tok.valid-1").length, 2)
      assert.strictEqual(yield* callCount, 0)
      assert.isUndefined(yield* feedbackOf("alice", "evt-1"))
    }).pipe(Effect.provide(Memory)))

  it.effect("a Valid link asks to confirm", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const page = yield* send(new Request(linkTo({ ...aliceLink, feedback: "valid" })))
      assert.strictEqual(page.status, 200)
      assert.include(page.body, ">Yes, this was me</button>")
      assert.strictEqual(yield* callCount, 0)
    }).pipe(Effect.provide(Memory)))

  it.effect("HEAD and repeated GETs (a mail scanner) record nothing", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      for (let i = 0; i < 3; i++) {
        assert.strictEqual((yield* send(new Request(linkTo(aliceLink)))).status, 200)
        const head = yield* send(new Request(linkTo(aliceLink), { method: "HEAD" }))
        assert.strictEqual(head.status, 200)
        assert.strictEqual(head.body, "")
        assertSecurityHeaders(head.headers)
      }
      assert.strictEqual(yield* callCount, 0)
      assert.isUndefined(yield* feedbackOf("alice", "evt-1"))
    }).pipe(Effect.provide(Memory)))

  it.effect("shows the sign-in's city, country, device and time when the link gives them", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const page = yield* send(
        new Request(linkTo({
          ...aliceLink,
          city: "Lyon",
          country: "France",
          "device-name": "Firefox, Linux",
          "login-time": "2026-11-01 10:00 UTC",
          "ip-address": "203.0.113.7"
        }))
      )
      assert.include(
        page.body,
        "The sign-in was from Lyon, France (203.0.113.7), on Firefox, Linux, at 2026-11-01 10:00 UTC."
      )
    }).pipe(Effect.provide(Memory)))

  it.effect("keeps a + in the username and event id (Cognito does not encode them in the link)", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const page = yield* send(
        new Request(
          `${origin}${FeedbackPage.defaultPath}?username=a+b@example.com&event-id=e+1&feedback-token=t&feedback=valid`
        )
      )
      assert.strictEqual(page.status, 200)
      assert.strictEqual(hiddenFields(page.body).username, "a+b@example.com")
      assert.strictEqual(hiddenFields(page.body)["event-id"], "e+1")
    }).pipe(Effect.provide(Memory)))

  it.effect("a malformed link is a 400 that names nothing of its values", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const links = [
        {},
        { ...aliceLink, "event-id": "bad id <b>" },
        { ...aliceLink, "feedback-token": "tok with spaces" },
        { ...aliceLink, feedback: "maybe" },
        { ...aliceLink, username: "" }
      ]
      for (const query of links) {
        const page = yield* send(new Request(linkTo(query)))
        assert.strictEqual(page.status, 400)
        assert.include(page.body, "This link is incomplete")
        assert.notInclude(page.body, "<form")
        for (const value of ["bad id", "<b>", "tok with spaces", "maybe", "tok.valid-1", "alice", "evt-1"]) {
          assert.notInclude(page.body, value)
        }
      }
      const repeated = yield* send(new Request(linkTo(aliceLink) + "&feedback-token=tok.valid-2"))
      assert.strictEqual(repeated.status, 400)
      assert.strictEqual(yield* callCount, 0)
    }).pipe(Effect.provide(Memory)))
})

describe("POST: records, and shows the outcome", () => {
  it.effect("Invalid is recorded (200) and the page links to the secure-account URL", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const page = yield* send(post(formOf(aliceLink)))
      assert.strictEqual(page.status, 200)
      assertSecurityHeaders(page.headers)
      assert.include(page.body, "<h1>Thank you for telling us</h1>")
      assert.include(page.body, "<a href=\"https://example.com/account/security\">Secure your account</a>")
      assert.notInclude(page.body, "tok.valid-1")
      const feedback = yield* feedbackOf("alice", "evt-1")
      assert.strictEqual(feedback?.FeedbackValue, "Invalid")
      assert.strictEqual(feedback?.Provider, "User")
    }).pipe(Effect.provide(Memory)))

  it.effect("Valid is recorded (200), without the secure-account link", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const page = yield* send(
        post(formOf({ ...aliceLink, "event-id": "evt-2", "feedback-token": "tok.valid-2", feedback: "valid" }))
      )
      assert.strictEqual(page.status, 200)
      assert.include(page.body, "You confirmed that this sign-in was you.")
      assert.notInclude(page.body, "Secure your account")
      assert.strictEqual((yield* feedbackOf("alice", "evt-2"))?.FeedbackValue, "Valid")
    }).pipe(Effect.provide(Memory)))

  it.effect("a wrong, expired or used token: 403, 'This link no longer works', nothing recorded", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const page = yield* send(post(formOf({ ...aliceLink, "feedback-token": "tok.used" })))
      assert.strictEqual(page.status, 403)
      assert.include(page.body, "This link no longer works")
      assert.isUndefined(yield* feedbackOf("alice", "evt-1"))
    }).pipe(Effect.provide(Memory)))

  it.effect("an unknown user, event or pool: 404 with the same page, so it does not tell which", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage({ ...options, userPoolId: undefined })
      const pages = [
        yield* send(post(formOf({ ...aliceLink, username: "nobody" }))),
        yield* send(post(formOf({ ...aliceLink, "event-id": "evt-unknown" }))),
        yield* send(post(formOf({ ...aliceLink, "user-pool-id": "us-east-1_Unknown1" })))
      ]
      for (const page of pages) {
        assert.strictEqual(page.status, 404)
        assert.include(page.body, "We could not find this sign-in")
        assert.strictEqual(page.body, pages[0]?.body)
      }
      const calls = yield* Effect.flatMap(CognitoSimulator.CognitoSimulator, (simulator) => simulator.calls)
      assert.deepStrictEqual(calls.map((call) => call.outcome), [
        "UserNotFoundException",
        "ResourceNotFoundException",
        "ResourceNotFoundException"
      ])
    }).pipe(Effect.provide(Memory)))

  it.effect("throttled after the client's retries: 503 with Retry-After", () =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      yield* simulator.throttleNext(1)
      const { send } = yield* makePage()
      const page = yield* send(post(formOf(aliceLink)))
      assert.strictEqual(page.status, 503)
      assert.strictEqual(page.headers.get("retry-after"), "60")
      assert.include(page.body, "Too many requests right now")
      assert.isUndefined(yield* feedbackOf("alice", "evt-1"))
    }).pipe(Effect.provide(Memory)))

  it.effect("the service failing: 503", () =>
    Effect.gen(function*() {
      const simulator = yield* CognitoSimulator.CognitoSimulator
      yield* simulator.failNext(1)
      const { send } = yield* makePage()
      const page = yield* send(post(formOf(aliceLink)))
      assert.strictEqual(page.status, 503)
      assert.isNull(page.headers.get("retry-after"))
      assert.include(page.body, "The service is not available at the moment.")
    }).pipe(Effect.provide(Memory)))

  it.effect("the service unreachable: 503", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const page = yield* send(post(formOf(aliceLink)))
      assert.strictEqual(page.status, 503)
      assert.include(page.body, "The service is not available at the moment.")
    }).pipe(
      Effect.provide(AuthEventFeedbackTest.layerScripted([
        AuthEventFeedbackTest.failure(new CognitoError.TransportError({ reason: "Connect", message: "refused" }))
      ]))
    ))

  it.effect("threat protection off: 500, a generic page, and an error log for the operator", () =>
    Effect.gen(function*() {
      const { recorded, send } = yield* makePage({ ...options, userPoolId: "us-east-1_NoThreat1" })
      const page = yield* send(
        post(formOf({ username: "carol", "event-id": "evt-c1", "feedback-token": "tok.off-1", feedback: "valid" }))
      )
      assert.strictEqual(page.status, 500)
      assert.include(page.body, "Something went wrong")
      assert.notInclude(page.body, "threat")
      assert.isTrue(
        recorded.logs().some((line) =>
          line.startsWith("configuration error: UserPoolAddOnNotEnabledException") &&
          line.includes("cognito.user_pool_id=us-east-1_NoThreat1")
        ),
        recorded.logs().join("\n")
      )
    }).pipe(Effect.provide(Memory)))

  it.effect("a malformed form: 400; a huge one: 413; nothing sent", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const missing = yield* send(post(formOf({ ...aliceLink, "feedback-token": "" })))
      assert.strictEqual(missing.status, 400)
      assert.include(missing.body, "This link is incomplete")
      const huge = yield* send(post(formOf({ ...aliceLink, padding: "x".repeat(100_000) })))
      assert.strictEqual(huge.status, 413)
      const empty = yield* send(post(""))
      assert.strictEqual(empty.status, 400)
      assert.strictEqual(yield* callCount, 0)
    }).pipe(Effect.provide(Memory)))

  it.effect("a POST from another site is refused (403) and records nothing; the page's own is not", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const refused = [
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site" },
        { "sec-fetch-site": "", origin: "https://evil.example" }
      ]
      for (const headers of refused) {
        const fetchSite = headers["sec-fetch-site"]
        const request = post(formOf(aliceLink), fetchSite === "" ? { origin: headers.origin ?? "" } : headers)
        if (fetchSite === "") request.headers.delete("sec-fetch-site")
        const page = yield* send(request)
        assert.strictEqual(page.status, 403, JSON.stringify(headers))
        assert.include(page.body, "This answer came from another website")
      }
      assert.strictEqual(yield* callCount, 0)
      // `Origin: null` is what browsers send from a no-referrer page: it says nothing, so it passes
      const fromPage = post(formOf(aliceLink), { origin: "null" })
      fromPage.headers.delete("sec-fetch-site")
      assert.strictEqual((yield* send(fromPage)).status, 200)
      const sameOrigin = post(formOf(aliceLink), { origin })
      sameOrigin.headers.delete("sec-fetch-site")
      assert.strictEqual((yield* send(sameOrigin)).status, 200)
    }).pipe(Effect.provide(Memory)))

  it.effect("without a public origin, the Host header, not the request's URL, names the page's own site", () =>
    Effect.gen(function*() {
      // behind a proxy: the URL as received is the internal address, the Host header the public one
      const { send } = yield* makePage()
      const behindProxy = (from: string) => {
        const request = post(formOf(aliceLink), { host: "feedback.example.com", origin: from })
        request.headers.delete("sec-fetch-site")
        return request
      }
      // an Origin that matches the URL's host but not the Host header is another site
      const urlOnly = yield* send(behindProxy(origin))
      assert.strictEqual(urlOnly.status, 403)
      assert.include(urlOnly.body, "This answer came from another website")
      assert.strictEqual(yield* callCount, 0)
      assert.isUndefined(yield* feedbackOf("alice", "evt-1"))
      // the Host header's site is the page's own, whatever the scheme (TLS may end at the proxy)
      const hostHeader = yield* send(behindProxy("https://feedback.example.com"))
      assert.strictEqual(hostHeader.status, 200)
      assert.strictEqual((yield* feedbackOf("alice", "evt-1"))?.FeedbackValue, "Invalid")
    }).pipe(Effect.provide(Memory)))

  it.effect("any other method: 405 with Allow", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
        const page = yield* send(new Request(linkTo(aliceLink), { method }))
        assert.strictEqual(page.status, 405)
        assert.strictEqual(page.headers.get("allow"), "GET, HEAD, POST")
      }
      assert.strictEqual(yield* callCount, 0)
    }).pipe(Effect.provide(Memory)))

  it.effect("with a configured pool, the link's pool is ignored", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage()
      const question = yield* send(new Request(linkTo({ ...aliceLink, "user-pool-id": "us-east-1_Other1" })))
      assert.notProperty(hiddenFields(question.body), "user-pool-id")
      const page = yield* send(post(formOf({ ...aliceLink, "user-pool-id": "us-east-1_Other1" })))
      assert.strictEqual(page.status, 200)
      assert.strictEqual((yield* feedbackOf("alice", "evt-1"))?.FeedbackValue, "Invalid")
    }).pipe(Effect.provide(Memory)))
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
  const expectedOf = (outcome: AuthEventFeedbackTest.Outcome): readonly [number, string, string | null] => {
    if (outcome._tag === "Success") return [...(expected.Success ?? [0, ""]), null]
    const error = outcome.error
    if (error._tag === "TooManyRequestsException") return throttled
    if (error._tag === "UnexpectedResponseError") return error.status === 429 ? throttled : unavailable
    return [...(expected[error._tag] ?? [0, ""]), null]
  }

  it.effect.prop(
    "maps each to its status and page, never a defect",
    [CognitoArbitrary.outcome],
    ([outcome]) =>
      Effect.gen(function*() {
        const { send } = yield* makePage()
        const page = yield* send(post(formOf(aliceLink)))
        const tag = outcome._tag === "Success" ? "Success" : outcome.error._tag
        const [status, text, retryAfter] = expectedOf(outcome)
        assert.strictEqual(page.status, status, tag)
        assert.include(page.body, text)
        assert.strictEqual(page.headers.get("retry-after"), retryAfter, tag)
        assert.notInclude(page.body, "tok.valid-1")
      }).pipe(Effect.provide(AuthEventFeedbackTest.layerScripted([outcome]))),
    { arbitrary: { runs: 60 } }
  )

  const dedicated: ReadonlyArray<
    readonly [string, CognitoError.UpdateAuthEventFeedbackError, typeof throttled | typeof unavailable]
  > = [
    ["TooManyRequestsException", new CognitoError.TooManyRequestsException({ message: "Rate exceeded" }), throttled],
    [
      "an unexpected 429 with no code",
      new CognitoError.UnexpectedResponseError({ status: 429, message: "Too Many Requests" }),
      throttled
    ],
    [
      "an unexpected 502 from a load balancer",
      new CognitoError.UnexpectedResponseError({ status: 502, message: "Bad Gateway" }),
      unavailable
    ],
    ["InternalErrorException", new CognitoError.InternalErrorException({ message: "Internal error" }), unavailable]
  ]
  for (const [name, error, [status, text, retryAfter]] of dedicated) {
    it.effect(`${name}: ${status}, Retry-After ${retryAfter ?? "absent"}`, () =>
      Effect.gen(function*() {
        const { send } = yield* makePage()
        const page = yield* send(post(formOf(aliceLink)))
        assert.strictEqual(page.status, status)
        assert.strictEqual(page.headers.get("retry-after"), retryAfter)
        assert.include(page.body, text)
        assertSecurityHeaders(page.headers)
      }).pipe(Effect.provide(AuthEventFeedbackTest.layerScripted([AuthEventFeedbackTest.failure(error)]))))
  }
})

describe("options", () => {
  it("refuses a bad path, pool id, secure-account URL or product name, naming the option", () => {
    const bad: ReadonlyArray<readonly [FeedbackPage.Options, string]> = [
      [{ ...options, path: "feedback" }, "path:"],
      [{ ...options, path: "/a?b" }, "path:"],
      [{ ...options, path: "/:id" }, "path:"],
      [{ ...options, userPoolId: "not a pool" }, "userPoolId: must match"],
      [{ ...options, secureAccountUrl: "javascript:alert(1)" }, "secureAccountUrl:"],
      [{ ...options, productName: " " }, "productName:"]
    ]
    for (const [opts, message] of bad) {
      const result = FeedbackPage.router(opts)
      assert.isTrue(Result.isFailure(result))
      if (Result.isFailure(result)) assert.include(result.failure.message, message)
    }
  })

  it.effect("every sentence can be replaced, with the page's language", () =>
    Effect.gen(function*() {
      const texts: FeedbackPage.Texts = {
        ...FeedbackPage.defaultTexts,
        lang: "fr",
        question: {
          ...FeedbackPage.defaultTexts.question,
          title: "Était-ce vous ?",
          Invalid: { explanation: "Dites-le-nous.", button: "Non, ce n'était pas moi" }
        }
      }
      const { send } = yield* makePage({ ...options, texts })
      const page = yield* send(new Request(linkTo(aliceLink)))
      assert.include(page.body, "<html lang=\"fr\">")
      assert.include(page.body, "<h1>Était-ce vous ?</h1>")
      assert.include(page.body, ">Non, ce n&#39;était pas moi</button>")
    }).pipe(Effect.provide(Memory)))

  it.effect("mounted under a prefix, the form still posts to the page", () =>
    Effect.gen(function*() {
      const { send } = yield* makePage({ ...options, path: "/app/auth-events/feedback/" })
      const page = yield* send(new Request(linkTo(aliceLink, "/app/auth-events/feedback/")))
      assert.include(page.body, "action=\"./\"")
      const recorded = yield* send(post(formOf(aliceLink), {}, "/app/auth-events/feedback/"))
      assert.strictEqual(recorded.status, 200)
    }).pipe(Effect.provide(Memory)))
})

describe("the web handler", () => {
  it.effect("the routes merge into an application's router, next to its own routes and the service", () =>
    Effect.gen(function*() {
      const page = yield* Effect.fromResult(FeedbackPage.router(options))
      const health = HttpRouter.add("GET", "/health", HttpServerResponse.text("ok"))
      const { dispose, handler } = HttpRouter.toWebHandler(Layer.mergeAll(page, health, Memory))
      yield* Effect.addFinalizer(() => Effect.promise(dispose))
      const question = yield* Effect.promise(() => handler(new Request(linkTo(aliceLink))))
      assert.strictEqual(question.status, 200)
      const ok = yield* Effect.promise(() => handler(new Request(`${origin}/health`)))
      assert.strictEqual(yield* Effect.promise(() => ok.text()), "ok")
      // without `app`'s catch-all, another path gets the router's own 404
      const other = yield* Effect.promise(() => handler(new Request(`${origin}/other`)))
      assert.strictEqual(other.status, 404)
    }))

  it.effect("answers Request with Response on the same router; other paths are 404", () =>
    Effect.gen(function*() {
      const { dispose, handler } = yield* Effect.fromResult(FeedbackPage.toWebHandler(options, Memory))
      yield* Effect.addFinalizer(() => Effect.promise(dispose))
      const question = yield* Effect.promise(() => handler(new Request(linkTo(aliceLink))))
      assert.strictEqual(question.status, 200)
      assert.include(yield* Effect.promise(() => question.text()), "Was this you?")
      const recorded = yield* Effect.promise(() => handler(post(formOf(aliceLink))))
      assert.strictEqual(recorded.status, 200)
      const other = yield* Effect.promise(() => handler(new Request(`${origin}/other`)))
      assert.strictEqual(other.status, 404)
      // the router's own 404 has no body: the page's catch-all answers with its text and headers
      assert.strictEqual(yield* Effect.promise(() => other.text()), "Not found")
      for (const [name, value] of Object.entries(FeedbackPage.securityHeaders)) {
        assert.strictEqual(other.headers.get(name), value, name)
      }
    }))
})
