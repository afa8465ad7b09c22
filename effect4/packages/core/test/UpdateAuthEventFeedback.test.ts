import {
  anyRequestInput,
  base,
  invalidField,
  longestAstralUsername,
  messageCases,
  secretWithBadCharacter,
  unicodeUsernames,
  unusualShapes,
  validInput
} from "@cognito-feedback/test-support/coreCases"
import { assert, describe, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Formatter from "effect/Formatter"
import * as Inspectable from "effect/Inspectable"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { inspect } from "node:util"
import type { InvalidParameterException } from "../src/CognitoError.js"
import {
  decodeRequest,
  decodeValid,
  UpdateAuthEventFeedbackRequest,
  UpdateAuthEventFeedbackResponse
} from "../src/UpdateAuthEventFeedback.js"

const validRequest = Arbitrary.schema(UpdateAuthEventFeedbackRequest)
const encode = Schema.encodeSync(UpdateAuthEventFeedbackRequest)
const decode = Schema.decodeUnknownSync(UpdateAuthEventFeedbackRequest)
const decodeBySchema = Schema.decodeUnknownResult(UpdateAuthEventFeedbackRequest)

/** The rejection of `input` by `decodeRequest` (which needs no services and runs synchronously). */
const rejection = (input: unknown): InvalidParameterException => Effect.runSync(Effect.flip(decodeRequest(input)))

/** The strings a caller's input holds as members, `Redacted` ones unwrapped. */
const stringValues = (input: unknown): Array<string> => {
  if (typeof input === "string") return [input]
  if (typeof input !== "object" || input === null) return []
  return Object.values(input).map((value) => Redacted.isRedacted(value) ? Redacted.value(value) : value).filter((
    value
  ): value is string => typeof value === "string")
}

const plainSecrets = (request: UpdateAuthEventFeedbackRequest) => ({
  ...request,
  Username: Redacted.value(request.Username),
  FeedbackToken: Redacted.value(request.FeedbackToken)
})

describe("UpdateAuthEventFeedbackRequest", () => {
  it.prop("every valid request round-trips through encode and decode", [validRequest], ([request]) => {
    const encoded = encode(request)
    const again = decode(encoded)
    assert.strictEqual(again.UserPoolId, request.UserPoolId)
    assert.isTrue(Redacted.isRedacted(again.Username) && Redacted.isRedacted(again.FeedbackToken))
    assert.strictEqual(Redacted.value(again.Username), Redacted.value(request.Username))
    assert.strictEqual(again.EventId, request.EventId)
    assert.strictEqual(Redacted.value(again.FeedbackToken), Redacted.value(request.FeedbackToken))
    assert.strictEqual(again.FeedbackValue, request.FeedbackValue)
    // the fast path reads what the schema encodes
    const fast = decodeValid(encoded)
    assert.isDefined(fast)
    if (fast !== undefined) assert.deepStrictEqual(plainSecrets(fast), plainSecrets(again))
  }, { arbitrary: { runs: 200 } })

  it.effect.prop(
    "accepts secrets as plain strings or as Redacted",
    [validRequest, Schema.Boolean],
    ([request, wrap]) =>
      Effect.gen(function*() {
        const username = Redacted.value(request.Username)
        const token = Redacted.value(request.FeedbackToken)
        const decoded = yield* decodeRequest({
          ...request,
          Username: wrap ? Redacted.make(username) : username,
          FeedbackToken: wrap ? Redacted.make(token) : token
        })
        assert.isTrue(Redacted.isRedacted(decoded.Username) && Redacted.isRedacted(decoded.FeedbackToken))
        assert.strictEqual(Redacted.value(decoded.Username), username)
        assert.strictEqual(Redacted.value(decoded.FeedbackToken), token)
      })
  )

  it.effect(
    "the fast path, the message path and the schema give the same answer for any input",
    () =>
      Effect.gen(function*() {
        // valid inputs drawn by Effect from the schema, encoded, alongside the model's own
        const fromSchema = (yield* Arbitrary.sampleEffect(validRequest, { count: 200, seed: 7 })).map((request) =>
          encode(request)
        )
        assert.lengthOf(fromSchema, 200)
        let accepted = 0
        let rejected = 0
        fc.assert(
          fc.property(anyRequestInput(Redacted.make, [fc.constantFrom(...fromSchema)]), (input) => {
            const fast = decodeValid(input)
            const slow = decodeBySchema(input)
            const viaMessages = Effect.runSyncExit(decodeRequest(input))
            assert.strictEqual(fast !== undefined, Result.isSuccess(slow))
            assert.strictEqual(Exit.isSuccess(viaMessages), Result.isSuccess(slow))
            if (fast !== undefined && Result.isSuccess(slow) && Exit.isSuccess(viaMessages)) {
              accepted++
              assert.deepStrictEqual(plainSecrets(fast), plainSecrets(slow.success))
              assert.deepStrictEqual(plainSecrets(viaMessages.value), plainSecrets(slow.success))
            } else {
              rejected++
              const error = rejection(input)
              assert.strictEqual(error._tag, "InvalidParameterException")
              assert.strictEqual(error.origin, "local")
              // the protocol's validation rejects it too, and says why
              assert.notStrictEqual(error.message, "request is invalid")
              assert.match(error.message, /^(request must be an object|[A-Za-z]+: .+)$/)
              // no distinctive value of the input is repeated (a short one may be in the rules' words)
              for (const value of stringValues(input)) {
                if (value.length >= 8) assert.notInclude(error.message, value)
              }
            }
          }),
          { numRuns: 2000 }
        )
        // both answers were exercised
        assert.isAbove(accepted, 100)
        assert.isAbove(rejected, 100)
      }),
    { timeout: 60_000 }
  )

  it("every input drawn from the model's rules is accepted by all three", () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const fast = decodeValid(input)
        assert.isDefined(fast)
        assert.isTrue(Result.isSuccess(decodeBySchema(input)))
        assert.isTrue(Exit.isSuccess(Effect.runSyncExit(decodeRequest(input))))
        assert.strictEqual(fast && Redacted.value(fast.Username), input.Username)
      })
    )
  })

  it("a value that breaks a rule is rejected with the field and the rule named", () => {
    fc.assert(
      fc.property(invalidField, fc.boolean(), (bad, wrap) => {
        const secret = bad.field === "Username" || bad.field === "FeedbackToken"
        const value = wrap && secret ? Redacted.make(bad.value) : bad.value
        const input = { ...base, [bad.field]: value }
        assert.isUndefined(decodeValid(input))
        assert.isTrue(Result.isFailure(decodeBySchema(input)))
        const error = rejection(input)
        assert.strictEqual(error._tag, "InvalidParameterException")
        assert.strictEqual(error.message, `${bad.field}: ${bad.rule}`)
        // nothing was sent: the caller can tell this from the service's own InvalidParameterException
        assert.strictEqual(error.origin, "local")
        // the value itself is never repeated (only distinctive ones: a short one may be in the rule's words)
        if (bad.value.length >= 8) assert.notInclude(error.message, bad.value)
      })
    )
  })

  for (const { input, message, name } of messageCases) {
    it.effect(`names the field and the rule, in the Effect 3 edition's words: ${name}`, () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(decodeRequest(input))
        assert.strictEqual(error._tag, "InvalidParameterException")
        assert.strictEqual(error.origin, "local")
        assert.strictEqual(error.message, message)
        assert.isTrue(Result.isFailure(decodeBySchema(input)))
        assert.isUndefined(decodeValid(input))
      }))
  }

  for (const { input, name, valid } of unusualShapes) {
    it(`the three paths agree on unusual shapes: ${name}`, () => {
      assert.strictEqual(Result.isSuccess(decodeBySchema(input)), valid)
      assert.strictEqual(decodeValid(input) !== undefined, valid)
      const exit = Effect.runSyncExit(decodeRequest(input))
      assert.strictEqual(Exit.isSuccess(exit), valid)
      if (!valid) assert.strictEqual(rejection(input).message, "request must be an object")
    })
  }

  it.effect("Username length counts code points, as Smithy does", () =>
    Effect.gen(function*() {
      const decoded = yield* decodeRequest({ ...base, Username: longestAstralUsername })
      assert.strictEqual(Redacted.value(decoded.Username), longestAstralUsername)
      assert.isTrue(Result.isSuccess(decodeBySchema({ ...base, Username: longestAstralUsername })))
      const error = yield* Effect.flip(decodeRequest({ ...base, Username: longestAstralUsername + "😀" }))
      assert.strictEqual(error.message, "Username: must be at most 128 characters long")
    }))

  it.effect("Username admits every Unicode class of the pattern", () =>
    Effect.gen(function*() {
      for (const name of unicodeUsernames) {
        const decoded = yield* decodeRequest({ ...base, Username: name })
        assert.strictEqual(Redacted.value(decoded.Username), name)
        assert.isTrue(Result.isSuccess(decodeBySchema({ ...base, Username: name })), name)
      }
    }))

  it.prop("no rendering of a decoded request contains the secrets", [validRequest], ([request]) => {
    const username = Redacted.value(request.Username)
    const token = Redacted.value(request.FeedbackToken)
    const renderings = [
      String(request.Username),
      String(request.FeedbackToken),
      JSON.stringify(request),
      Formatter.format(request),
      Inspectable.toStringUnknown(request),
      inspect(request)
    ]
    for (const text of renderings) {
      // the secrets may be short and collide with other text, so only assert on distinctive ones
      if (username.length >= 6) assert.notInclude(text, username)
      if (token.length >= 6) assert.notInclude(text, token)
    }
  })
})

describe("validation messages never repeat an input value", () => {
  it("for any bad Username or FeedbackToken", () => {
    fc.assert(
      fc.property(secretWithBadCharacter.secret, secretWithBadCharacter.bad, (s, bad) => {
        const value = `${s}${bad}${s}`
        for (const field of ["Username", "FeedbackToken"] as const) {
          for (const input of [value, Redacted.make(value)]) {
            const error = rejection({ ...base, [field]: input })
            assert.strictEqual(error.message.split(":")[0], field)
            for (
              const text of [
                error.message,
                String(error),
                JSON.stringify(error),
                Formatter.format(error),
                inspect(error)
              ]
            ) {
              assert.notInclude(text, s)
            }
          }
        }
      })
    )
  })
})

describe("UpdateAuthEventFeedbackResponse", () => {
  it("decodes the empty structure and tolerates members a newer service may add", () => {
    const decodeResponse = Schema.decodeUnknownResult(UpdateAuthEventFeedbackResponse)
    const empty = decodeResponse({})
    assert.isTrue(Result.isSuccess(empty))
    if (Result.isSuccess(empty)) assert.deepStrictEqual(empty.success, {})
    assert.isTrue(Result.isSuccess(decodeResponse({ Extra: 1 })))
    assert.isTrue(Result.isFailure(decodeResponse(null)))
  })
})
