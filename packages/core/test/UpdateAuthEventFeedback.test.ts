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

const base = {
  UserPoolId: "us-east-1_AbCdEf123",
  Username: "alice",
  EventId: "c3f1a2b4",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
} as const

// the service model's patterns (botocore's service-2.json), anchored: written out, not read from our rules
const modelPattern = {
  UserPoolId: String.raw`^[\w-]+_[0-9a-zA-Z]+$`,
  Username: String.raw`^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$`,
  EventId: String.raw`^[\w+-]+$`,
  FeedbackToken: String.raw`^[A-Za-z0-9-_=.]+$`
}

/** A value that breaks exactly one rule of one field, with the rule it breaks. */
const invalidField = fc.oneof(
  fc.constant({ field: "UserPoolId", value: "", rule: "must be at least 1 character long" }),
  fc.stringMatching(/^[a-z]{56,70}_[a-z]{1,5}$/).map((value) => ({
    field: "UserPoolId",
    value,
    rule: "must be at most 55 characters long"
  })),
  fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((value) => ({
    field: "UserPoolId",
    value,
    rule: `must match ${modelPattern.UserPoolId}`
  })),
  fc.constant({ field: "Username", value: "", rule: "must be at least 1 character long" }),
  fc.stringMatching(/^[a-z]{129,140}$/).map((value) => ({
    field: "Username",
    value,
    rule: "must be at most 128 characters long"
  })),
  fc.tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.constantFrom(" ", "\t", "\n", "\u0000", "\u200b")).map((
    [name, bad]
  ) => ({ field: "Username", value: `${name}${bad}x`, rule: `must match ${modelPattern.Username}` })),
  fc.stringMatching(/^[a-z0-9]{51,60}$/).map((value) => ({
    field: "EventId",
    value,
    rule: "must be at most 50 characters long"
  })),
  fc.stringMatching(/^[a-z]{0,5}[ /.:*]{1,3}[a-z]{0,5}$/).map((value) => ({
    field: "EventId",
    value,
    rule: `must match ${modelPattern.EventId}`
  })),
  fc.stringMatching(/^[a-z]{0,5}[ /:+*#]{1,3}[a-z]{0,5}$/).map((value) => ({
    field: "FeedbackToken",
    value,
    rule: `must match ${modelPattern.FeedbackToken}`
  })),
  fc.string().filter((s) => s !== "Valid" && s !== "Invalid").map((value) => ({
    field: "FeedbackValue",
    value,
    rule: "must be \"Valid\" or \"Invalid\""
  }))
)

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
      })
  )

  it.prop(
    "the fast path for valid input and the schema give the same answer for any input",
    [
      fc.oneof(
        validRequest.map((request) => encode(request)),
        fc.tuple(validRequest, fc.boolean()).map(([request, wrap]) => ({
          ...request,
          Username: wrap ? request.Username : Redacted.value(request.Username),
          FeedbackToken: wrap ? request.FeedbackToken : Redacted.value(request.FeedbackToken),
          extra: 1
        })),
        invalidField.map((bad) => ({ ...base, [bad.field]: bad.value })),
        fc.record({
          UserPoolId: fc.oneof(fc.constant(base.UserPoolId), fc.anything()),
          Username: fc.oneof(fc.constant(base.Username), fc.string(), fc.anything().map(Redacted.make)),
          EventId: fc.oneof(fc.constant(base.EventId), fc.string()),
          FeedbackToken: fc.oneof(fc.constant(base.FeedbackToken), fc.string(), fc.anything()),
          FeedbackValue: fc.oneof(fc.constantFrom("Valid", "Invalid", "valid"), fc.anything())
        }, { requiredKeys: [] }),
        fc.anything()
      )
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
      })
  )

  it.effect("the example from the issue: EventId pattern", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeRequest({ ...base, EventId: "has space" }))
      assert.strictEqual(error.message, "EventId: must match ^[\\w+-]+$")
    }))

  it.effect("Username length counts code points, as Smithy does", () =>
    Effect.gen(function*() {
      const astral = "😀".repeat(128) // 256 UTF-16 units, 128 code points
      const decoded = yield* decodeRequest({ ...base, Username: astral })
      assert.strictEqual(Redacted.value(decoded.Username), astral)
      const error = yield* Effect.flip(decodeRequest({ ...base, Username: astral + "😀" }))
      assert.strictEqual(error.message, "Username: must be at most 128 characters long")
    }))

  it.effect("Username admits every Unicode class of the pattern", () =>
    Effect.gen(function*() {
      for (const name of ["alice", "élodie", "李小龙", "a\u0301", "€$+", "٣٤", "user@example.com", "0f8fad5b-d9cb"]) {
        const decoded = yield* decodeRequest({ ...base, Username: name })
        assert.strictEqual(Redacted.value(decoded.Username), name)
      }
    }))

  it.effect("missing members, wrong types and non-objects are each named", () =>
    Effect.gen(function*() {
      const missing = yield* Effect.flip(decodeRequest({ UserPoolId: base.UserPoolId }))
      assert.strictEqual(
        missing.message,
        "Username: is required; EventId: is required; FeedbackToken: is required; FeedbackValue: is required"
      )
      const wrongTypes = yield* Effect.flip(decodeRequest({ ...base, UserPoolId: 1, Username: { secret: "x" } }))
      assert.strictEqual(
        wrongTypes.message,
        "UserPoolId: must be a string; Username: must be a string or a Redacted string"
      )
      for (const input of [null, undefined, "x", 42, []]) {
        const error = yield* Effect.flip(decodeRequest(input))
        assert.strictEqual(error.message, "request must be an object")
      }
    }))

  it.effect("FeedbackValue is case-sensitive, as on the wire", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeRequest({ ...base, FeedbackValue: "valid" }))
      assert.strictEqual(error.message, "FeedbackValue: must be \"Valid\" or \"Invalid\"")
    }))

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
  const secret = fc.stringMatching(/^[A-Za-z]{12,20}$/)
  it.effect.prop(
    "for any bad Username or FeedbackToken",
    [secret, fc.constantFrom(" ", "\t", "\n")],
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
      })
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
