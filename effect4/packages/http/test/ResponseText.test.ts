import { ResponseText } from "@cognito-feedback/http"
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { fcProp } from "./support.js"

// what the request schema lets through: the token's alphabet, and a username of any Unicode
// letters, marks, symbols, numbers and punctuation
const token = fc.stringMatching(/^[A-Za-z0-9\-_=.]{1,40}$/)
const username = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."aZ9\"\\/+%&@._-’Üé😀中\u0301"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 })
  ),
  minLength: 1,
  maxLength: 20
}).filter((name) => /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u.test(name))
const text = fc.string({ unit: "binary", maxLength: 40 })

/* eslint-disable no-control-regex */
const control = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
/* eslint-enable no-control-regex */

describe("ResponseText", () => {
  fcProp(
    "a secret is redacted in every form a server may echo it in, whatever surrounds it",
    [fc.oneof(token, username), text, text, fc.boolean()],
    ([secret, before, after, upper]) => {
      for (const form of ResponseText.echoedForms(secret)) {
        const echoed = `${before}${upper ? form.toUpperCase() : form}${after}`
        const cleaned = ResponseText.fromNetwork(echoed, ResponseText.redactorFor([secret]), 10_000)
        for (const piece of cleaned.split(ResponseText.redactedMarker)) {
          assert.notInclude(piece.toLowerCase(), secret.toLowerCase(), `form ${JSON.stringify(form)}`)
        }
      }
    }
  )

  it("binds the protocol's rules, whose literal cases its own tests hold", () => {
    assert.strictEqual(ResponseText.redactedMarker, AwsJson.redactedMarker)
    assert.strictEqual(ResponseText.maxMessageLength, AwsJson.maxMessageLength)
    assert.strictEqual(ResponseText.maxIdentifierLength, AwsJson.maxIdentifierLength)
    for (
      const name of [
        "withoutEscapes",
        "withoutControls",
        "truncate",
        "noSecrets",
        "echoedForms",
        "redactorFor",
        "fromNetwork"
      ] as const
    ) {
      assert.strictEqual(ResponseText[name], AwsJson[name], name)
    }
    assert.strictEqual(
      ResponseText.fromNetwork("x SECRET\u001b[0mTOKEN\ny", ResponseText.redactorFor(["SECRETTOKEN"]), 100),
      "x <redacted> y"
    )
  })

  fcProp("what comes out has no control character and is bounded", [
    fc.string({ unit: "binary", maxLength: 3000 }),
    fc.integer({ min: 1, max: 2000 })
  ], ([raw, max]) => {
    const cleaned = ResponseText.fromNetwork(raw, ResponseText.noSecrets, max)
    assert.isFalse(control.test(cleaned), JSON.stringify(cleaned))
    assert.isAtMost(cleaned.length, max)
  })
})
