import { ResponseText } from "@cognito-feedback/http"
import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"

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
  it.prop(
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

  it("knows the forms of a secret with characters each encoding changes", () => {
    const forms = ResponseText.echoedForms("a\"Ü+b=")
    for (
      const form of [
        "a\"Ü+b=",
        "a\\\"Ü+b=",
        "a\\\"\\u00dc+b=",
        "a\\\\\\\"Ü+b=",
        "a%22%C3%9C%2Bb%3D",
        "a%5C%22%C3%9C%2Bb%3D"
      ]
    ) {
      assert.include(forms, form)
    }
  })

  it("a control character inside a secret does not hide it", () => {
    const redact = ResponseText.redactorFor(["SECRETTOKEN"])
    assert.strictEqual(ResponseText.fromNetwork("x SECRET\u001b[0mTOKEN y", redact, 100), "x <redacted> y")
  })

  it("leaves a text without secrets as it was", () => {
    assert.strictEqual(ResponseText.redactorFor(["", "tok"])("Invalid feedback."), "Invalid feedback.")
    assert.strictEqual(ResponseText.redactorFor([])("a.b"), "a.b")
  })

  it.prop("what comes out has no control character and is bounded", [
    fc.string({ unit: "binary", maxLength: 3000 }),
    fc.integer({ min: 1, max: 2000 })
  ], ([raw, max]) => {
    const cleaned = ResponseText.fromNetwork(raw, ResponseText.noSecrets, max)
    assert.isFalse(control.test(cleaned), JSON.stringify(cleaned))
    assert.isAtMost(cleaned.length, max)
  })

  it("removes escape sequences whole: colours, window titles, bells, 8-bit introducers", () => {
    const hostile =
      "a\u001b[31mred\u001b[0m b\u001b]0;owned title\u0007c\u001b]8;;http://x\u001b\\d\u0007e\u009b2Jf\u202eg"
    assert.strictEqual(ResponseText.withoutControls(hostile), "ared bcd ef g")
  })

  it("cuts a long text with an ellipsis, never inside a surrogate pair", () => {
    assert.strictEqual(ResponseText.truncate("abcdef", 4), "abc…")
    assert.strictEqual(ResponseText.truncate("ab😀cd", 4), "ab…")
    assert.strictEqual(ResponseText.truncate("abc", 3), "abc")
  })
})
