import * as Cli from "@cognito-feedback/cli/Cli"
import * as CliOutput from "@cognito-feedback/cli/CliOutput"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"

const Failure = Schema.Struct({
  error: Schema.NonEmptyString,
  message: Schema.String,
  requestId: Schema.optional(Schema.NonEmptyString)
})

describe("CliOutput", () => {
  it.prop("a failure is always exactly one line, in both formats", { failure: Failure }, ({ failure }) => {
    for (const format of CliOutput.formats) {
      const line = CliOutput.formatFailure(format, failure)
      assert.notInclude(line, "\n")
      assert.notInclude(line, "\r")
    }
  })

  it.prop(
    "the JSON line holds the tag, the message on one line and the request id",
    { failure: Failure },
    ({ failure }) => {
      const parsed = JSON.parse(CliOutput.formatFailure("json", failure)) as Record<string, unknown>
      assert.deepStrictEqual(parsed, {
        error: failure.error,
        message: CliOutput.oneLine(failure.message),
        ...(failure.requestId === undefined ? {} : { requestId: CliOutput.oneLine(failure.requestId) })
      })
    }
  )

  it("the text line is `Tag: message [request id: …]`", () => {
    assert.strictEqual(
      CliOutput.formatFailure("text", {
        error: "NotAuthorizedException",
        message: "Invalid\nfeedback token.",
        requestId: "r-1"
      }),
      "NotAuthorizedException: Invalid feedback token. [request id: r-1]"
    )
    assert.strictEqual(
      CliOutput.formatFailure("text", { error: "TransportError", message: "\u001b[31mrefused\u001b[0m" }),
      "TransportError: refused"
    )
  })

  it("--feedback-value is not fooled by Object.prototype names", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      assert.strictEqual(Cli.normalizeFeedbackValue(name), name)
    }
  })

  it.prop(
    "--feedback-value accepts Valid and Invalid in any case and leaves anything else to the schema",
    {
      word: Schema.Literal("valid", "invalid"),
      upper: Schema.Array(Schema.Boolean),
      other: Schema.String.pipe(Schema.filter((s) => !["valid", "invalid"].includes(s.toLowerCase())))
    },
    ({ other, upper, word }) => {
      const cased = Array.from(word, (c, i) => upper[i] === true ? c.toUpperCase() : c).join("")
      assert.strictEqual(Cli.normalizeFeedbackValue(cased), word === "valid" ? "Valid" : "Invalid")
      assert.strictEqual(Cli.normalizeFeedbackValue(other), other)
    }
  )

  it("a preview prints as an HTTP message or as JSON", () => {
    const preview = {
      method: "POST" as const,
      url: "http://127.0.0.1:26464",
      region: "us-east-1",
      headers: { "content-type": "application/x-amz-json-1.1" },
      body: "{\"Username\":\"<redacted>\"}"
    }
    assert.strictEqual(
      CliOutput.formatPreview("text", preview),
      "# dry run: nothing was sent (region us-east-1)\nPOST http://127.0.0.1:26464\n" +
        "content-type: application/x-amz-json-1.1\n\n{\"Username\":\"<redacted>\"}"
    )
    assert.deepStrictEqual(JSON.parse(CliOutput.formatPreview("json", preview)), {
      ...preview,
      body: { Username: "<redacted>" }
    })
  })
})
