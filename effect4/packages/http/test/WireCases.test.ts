/**
 * The golden wire cases through the Effect 4 http binding: every response case through
 * `AwsJsonProtocol`'s decoder (the tagged error, each field, its retry class and hint) and through
 * the whole client over a fetch `Response` (the platform's own header folding and body reading);
 * every request case through the client, byte for byte; every invalid input refused before
 * anything is sent, naming its member. A thin runner over `@cognito-feedback/protocol/WireCases`,
 * as the Effect 3 edition's.
 */
import { AuthEventFeedback, CognitoError, RetryPolicy } from "@cognito-feedback/core"
import * as UpdateAuthEventFeedback from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as WireCases from "@cognito-feedback/protocol/WireCases"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Exit, Layer, ManagedRuntime, Ref, Result } from "effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as AuthEventFeedbackHttp from "../src/AuthEventFeedbackHttp.js"
import * as AwsJsonProtocol from "../src/AwsJsonProtocol.js"
import * as ResponseText from "../src/ResponseText.js"
import { fakeClient } from "./support.js"

type Failure = CognitoError.UpdateAuthEventFeedbackError

const bodyText = (body: WireCases.ResponseCase["body"]): string =>
  typeof body === "string" ? body : new TextDecoder().decode(Uint8Array.from(body))

/** What the case's `expected` says of an error: its fields, retry class and retry hint. */
const outcomeOf = (error: Failure, retryAfterMillis: number | undefined): WireCases.Outcome | string => {
  const retry = RetryPolicy.classify(error)
  switch (error._tag) {
    case "TransportError":
      return `TransportError: ${error.message}`
    case "UnexpectedResponseError": {
      const { code, message, requestId, status } = error
      return { _tag: "UnexpectedResponseError", status, code, message, requestId, retry, retryAfterMillis }
    }
    case "InvalidParameterException": {
      const { message, reasonCode, requestId } = error
      assert.strictEqual(error.origin, "service")
      const fields = { _tag: error._tag, code: error._tag, message, requestId, retry, retryAfterMillis }
      return reasonCode === undefined ? fields : { ...fields, reasonCode }
    }
    default: {
      const { message, requestId } = error
      return { _tag: error._tag, code: error._tag, message, requestId, retry, retryAfterMillis }
    }
  }
}

const redactorOf = (c: WireCases.ResponseCase): ResponseText.Redactor =>
  c.secrets === undefined ? ResponseText.noSecrets : ResponseText.redactorFor(c.secrets)

const cases = WireCases.responseCases.map((c) => [c.name, c] as const)

describe("response cases through AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse", () => {
  it.each(cases)("%s", (_, c) => {
    const headers = WireCases.foldHeaders(c.headers)
    const decoded = AwsJsonProtocol.decodeUpdateAuthEventFeedbackResponse(
      { status: c.status, headers, body: bodyText(c.body) },
      redactorOf(c)
    )
    const hint = AwsJsonProtocol.readRetryAfter(headers, WireCases.readAtMillis)
    const outcome = Result.match(decoded, {
      onSuccess: (): WireCases.Outcome => ({ _tag: "Success" }),
      onFailure: (error) => {
        // an instance of the error class of its tag, not merely an object with that tag
        if (error._tag === "UnexpectedResponseError") assert.instanceOf(error, CognitoError.UnexpectedResponseError)
        else assert.isTrue(error instanceof CognitoError[error._tag], error._tag)
        return outcomeOf(error, hint === undefined ? undefined : Duration.toMillis(hint))
      }
    })
    assert.deepStrictEqual(outcome, c.expected)
  })
})

// ---------------------------------------------------------------------------------------------
// The whole client
// ---------------------------------------------------------------------------------------------

const [plainRequest] = WireCases.requestCases
if (plainRequest === undefined) throw new Error("no request case")

// a call whose secrets appear in no case's response but where a case gives them
const callFor = (c: Pick<WireCases.ResponseCase, "secrets">) => ({
  ...plainRequest.input,
  Username: c.secrets?.[0] ?? "wire-case-user",
  FeedbackToken: c.secrets?.[1] ?? "wire.case.token"
})

const nullBodyStatus = new Set([101, 204, 205, 304])

/**
 * One client for every case: its `HttpClient` answers each request with the case under test, as a
 * fetch `Response` (headers as pairs). Building it once keeps 100 cases from building 100 layers.
 */
let current: WireCases.ResponseCase | undefined
const answeringCurrent = Layer.succeed(
  HttpClient.HttpClient,
  HttpClient.make((request) =>
    Effect.sync(() => {
      const c = current
      if (c === undefined) throw new Error("no case under test")
      return HttpClientResponse.fromWeb(
        request,
        new Response(
          nullBodyStatus.has(c.status)
            ? null
            : typeof c.body === "string"
            ? c.body
            : Uint8Array.from(c.body),
          { status: c.status, headers: c.headers.map(([name, value]): [string, string] => [name, value]) }
        )
      )
    })
  )
)

const live = AuthEventFeedbackHttp.layer({ retryPolicy: RetryPolicy.disabled })

describe("response cases through the whole client, one attempt", () => {
  const runtime = ManagedRuntime.make(live.pipe(Layer.provide(answeringCurrent), Layer.orDie))
  afterAll(() => runtime.dispose())
  for (const [name, c] of cases) {
    it(name, () =>
      Effect.gen(function*() {
        current = c
        const exit = yield* AuthEventFeedback.update(callFor(c)).pipe(Effect.exit)
        if (Exit.isSuccess(exit)) return assert.deepStrictEqual({ _tag: "Success" }, c.expected)
        const error = yield* Effect.flip(exit)
        // the retry hint is the decoder's (above): with one attempt it is never read
        const expected = c.expected._tag === "Success" ? c.expected : { ...c.expected, retryAfterMillis: undefined }
        assert.deepStrictEqual(outcomeOf(error, undefined), expected)
      }).pipe(runtime.runPromise))
  }
})

describe("request cases through the whole client", () => {
  it.each(WireCases.requestCases.map((c) => [c.name, c] as const))("%s", (_, c) =>
    Effect.gen(function*() {
      const fake = yield* fakeClient([{ status: 200, body: "{}" }])
      const exit = yield* AuthEventFeedback.update(c.input).pipe(
        Effect.provide(live.pipe(Layer.provide(fake.layer), Layer.orDie)),
        Effect.exit
      )
      assert.deepStrictEqual(exit, Exit.succeed({}))
      const sent = yield* Ref.get(fake.sent)
      assert.lengthOf(sent, 1)
      assert.strictEqual(sent[0]?.body, c.body)
      for (const [name, value] of Object.entries(c.headers)) assert.strictEqual(sent[0]?.headers[name], value, name)
      // the encoder alone, on the request as the schema decodes it (secrets wrapped)
      const request = yield* UpdateAuthEventFeedback.decodeRequest(c.input)
      assert.strictEqual(AwsJsonProtocol.encodeUpdateAuthEventFeedback(request), c.body)
    }).pipe(Effect.runPromise))
})

describe("invalid request cases: refused before anything is sent, naming the member", () => {
  const members = ["UserPoolId", "Username", "EventId", "FeedbackToken", "FeedbackValue"]
  it.each(WireCases.invalidRequestCases.map((c) => [c.name, c] as const))("%s", (_, c) =>
    Effect.gen(function*() {
      const fake = yield* fakeClient([{ status: 200, body: "{}" }])
      const error = yield* AuthEventFeedback.update(c.input as never).pipe(
        Effect.provide(live.pipe(Layer.provide(fake.layer), Layer.orDie)),
        Effect.flip
      )
      assert.lengthOf(yield* Ref.get(fake.sent), 0)
      assert.strictEqual(error._tag, "InvalidParameterException")
      if (error._tag !== "InvalidParameterException") return
      assert.strictEqual(error.origin, "local")
      assert.isTrue(error.message.startsWith(`${c.member}: `), error.message)
      for (const other of members.filter((m) => m !== c.member)) assert.notInclude(error.message, `${other}:`)
    }).pipe(Effect.runPromise))
})
