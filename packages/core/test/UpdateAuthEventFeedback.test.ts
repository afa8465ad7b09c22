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
import { Arbitrary, Effect, Either, FastCheck as fc, Inspectable, Redacted, Schema } from "effect"
import {
  decodeRequest,
  decodeValid,
  UpdateAuthEventFeedbackRequest,
  UpdateAuthEventFeedbackResponse
} from "../src/UpdateAuthEventFeedback.js"

const validRequest = Arbitrary.make(UpdateAuthEventFeedbackRequest)
const encode = Schema.encodeSync(UpdateAuthEventFeedbackRequest)
const decode = Schema.decodeUnknownSync(UpdateAuthEventFeedbackRequest)

describe("UpdateAuthEventFeedbackRequest", () => {
  it.prop("every valid request round-trips through encode and decode", [validRequest], ([request]) => {
    const again = decode(encode(request))
    assert.strictEqual(again.UserPoolId, request.UserPoolId)
    assert.strictEqual(Redacted.value(again.Username), Redacted.value(request.Username))
    assert.strictEqual(again.EventId, request.EventId)
    assert.strictEqual(Redacted.value(again.FeedbackToken), Redacted.value(request.FeedbackToken))
    assert.strictEqual(again.FeedbackValue, request.FeedbackValue)
  })

  it.effect.prop(
    "accepts secrets as plain strings or as Redacted",
    [validRequest, fc.boolean()],
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
      }),
    { timeout: 30_000 }
  )

  it.prop(
    "the fast path for valid input and the schema give the same answer for any input",
    [
      anyRequestInput(Redacted.make, [validRequest.map((request) => encode(request))])
    ],
    ([input]) => {
      const fast = decodeValid(input)
      const slow = Schema.decodeUnknownEither(UpdateAuthEventFeedbackRequest)(input)
      assert.strictEqual(fast !== undefined, Either.isRight(slow))
      if (fast !== undefined && Either.isRight(slow)) {
        assert.deepStrictEqual(
          { ...fast, Username: Redacted.value(fast.Username), FeedbackToken: Redacted.value(fast.FeedbackToken) },
          {
            ...slow.right,
            Username: Redacted.value(slow.right.Username),
            FeedbackToken: Redacted.value(slow.right.FeedbackToken)
          }
        )
      }
    },
    { fastCheck: { numRuns: 2000 } }
  )

  it.effect.prop(
    "a value that breaks a rule is rejected with the field and the rule named",
    [invalidField],
    ([bad]) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(decodeRequest({ ...base, [bad.field]: bad.value }))
        assert.strictEqual(error._tag, "InvalidParameterException")
        assert.strictEqual(error.message, `${bad.field}: ${bad.rule}`)
        // nothing was sent: the caller can tell this from the service's own InvalidParameterException
        assert.strictEqual(error.origin, "local")
      }),
    { timeout: 30_000 }
  )

  for (const { input, message, name } of messageCases) {
    it.effect(`names the field and the rule: ${name}`, () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(decodeRequest(input))
        assert.strictEqual(error._tag, "InvalidParameterException")
        assert.strictEqual(error.origin, "local")
        assert.strictEqual(error.message, message)
      }))
  }

  it.effect("Username length counts code points, as Smithy does", () =>
    Effect.gen(function*() {
      const decoded = yield* decodeRequest({ ...base, Username: longestAstralUsername })
      assert.strictEqual(Redacted.value(decoded.Username), longestAstralUsername)
      const error = yield* Effect.flip(decodeRequest({ ...base, Username: longestAstralUsername + "😀" }))
      assert.strictEqual(error.message, "Username: must be at most 128 characters long")
    }))

  it.effect("Username admits every Unicode class of the pattern", () =>
    Effect.gen(function*() {
      for (const name of unicodeUsernames) {
        const decoded = yield* decodeRequest({ ...base, Username: name })
        assert.strictEqual(Redacted.value(decoded.Username), name)
      }
    }))

  it.prop("every input drawn from the model's rules is accepted", [validInput], ([input]) => {
    const decoded = decodeValid(input)
    assert.isDefined(decoded)
    assert.isTrue(Either.isRight(Schema.decodeUnknownEither(UpdateAuthEventFeedbackRequest)(input)))
  })

  it.prop("no rendering of a decoded request contains the secrets", [validRequest], ([request]) => {
    const username = Redacted.value(request.Username)
    const token = Redacted.value(request.FeedbackToken)
    const renderings = [
      String(request.Username),
      String(request.FeedbackToken),
      JSON.stringify(request),
      Inspectable.format(request),
      Inspectable.toStringUnknown(request)
    ]
    for (const text of renderings) {
      // the secrets may be short and collide with other text, so only assert on distinctive ones
      if (username.length >= 6) assert.notInclude(text, username)
      if (token.length >= 6) assert.notInclude(text, token)
    }
  })
})

describe("validation messages never repeat an input value", () => {
  it.effect.prop(
    "for any bad Username or FeedbackToken",
    [secretWithBadCharacter.secret, secretWithBadCharacter.bad],
    ([s, bad]) =>
      Effect.gen(function*() {
        const value = `${s}${bad}${s}`
        for (const field of ["Username", "FeedbackToken"] as const) {
          for (const input of [value, Redacted.make(value)]) {
            const error = yield* Effect.flip(decodeRequest({ ...base, [field]: input }))
            for (const text of [error.message, String(error), JSON.stringify(error), Inspectable.format(error)]) {
              assert.notInclude(text, s)
            }
          }
        }
      }),
    { timeout: 30_000 }
  )
})

describe("UpdateAuthEventFeedbackResponse", () => {
  it("decodes the empty structure and tolerates members a newer service may add", () => {
    const decodeResponse = Schema.decodeUnknownEither(UpdateAuthEventFeedbackResponse)
    assert.deepStrictEqual(decodeResponse({}), Either.right({}))
    assert.isTrue(Either.isRight(decodeResponse({ Extra: 1 })))
    assert.isTrue(Either.isLeft(decodeResponse(null)))
  })
})

describe("unusual shapes (the cases both editions share)", () => {
  for (const { input, name, valid } of unusualShapes) {
    it(`the three paths agree: ${name}`, () => {
      assert.strictEqual(Either.isRight(Schema.decodeUnknownEither(UpdateAuthEventFeedbackRequest)(input)), valid)
      assert.strictEqual(decodeValid(input) !== undefined, valid)
      const exit = Effect.runSyncExit(decodeRequest(input))
      assert.strictEqual(exit._tag === "Success", valid)
      if (exit._tag === "Failure" && !valid) {
        assert.strictEqual(Effect.runSync(Effect.flip(decodeRequest(input))).message, "request must be an object")
      }
    })
  }
})
