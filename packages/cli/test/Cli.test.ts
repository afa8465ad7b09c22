// End to end: the built `cognito-feedback update-auth-event-feedback`, spawned as a shell would,
// against an emulator process on loopback seeded with distinctive secrets that must never be printed.
import { assert, describe, it, layer } from "@effect/vitest"
import { Effect } from "effect"
import type { Result } from "./support.js"
import { adminListUserAuthEvents, cli, closedPort, Emulator, emulatorLayer, linesOf, requestLines } from "./support.js"

const pool = "us-east-1_CliTest1"
const offPool = "us-east-1_CliOff1"
const username = "zqUser-7f3a9c"
const offUsername = "zqOff-51d0e2"
const unknownUsername = "zqNobody-3e8a1f"
const wrongToken = "ZQwrong-0d9e3f.s3cret"
const tokenOf = (eventId: string) => `ZQtok-4b1e8d2a.${eventId}.s3cret`

const events = [
  "evt-text",
  "evt-json",
  "evt-valid",
  "evt-invalid",
  "evt-mixed",
  "evt-stdin",
  "evt-debug",
  "evt-env",
  "evt-errors",
  "evt-never"
]

const seed = {
  userPools: [
    {
      id: pool,
      advancedSecurityMode: "ENFORCED",
      users: [{ username, authEvents: events.map((eventId) => ({ eventId, feedbackToken: tokenOf(eventId) })) }]
    },
    {
      id: offPool,
      advancedSecurityMode: "OFF",
      users: [{ username: offUsername, authEvents: [{ eventId: "evt-off", feedbackToken: tokenOf("evt-off") }] }]
    }
  ]
}

const secrets = [
  username,
  offUsername,
  unknownUsername,
  wrongToken,
  "ZQtok-4b1e8d2a",
  "s3cret",
  "bad token!"
]

/** No username or token, not even a part of one, in anything the command printed. */
const assertNoSecrets = (result: Result) => {
  for (const secret of secrets) {
    assert.notInclude(result.stdout, secret)
    assert.notInclude(result.stderr, secret)
  }
}

const requestIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const update = (fields: {
  readonly endpoint?: string
  readonly userPoolId?: string
  readonly username?: string
  readonly eventId: string
  readonly token?: string
  readonly value?: string
}) => [
  "update-auth-event-feedback",
  ...(fields.endpoint === undefined ? [] : ["--endpoint-url", fields.endpoint]),
  "--user-pool-id",
  fields.userPoolId ?? pool,
  "--username",
  fields.username ?? username,
  "--event-id",
  fields.eventId,
  "--feedback-token",
  fields.token ?? tokenOf(fields.eventId),
  "--feedback-value",
  fields.value ?? "Invalid"
]

const feedbackOf = (url: string, eventId: string) =>
  Effect.map(
    adminListUserAuthEvents(url, pool, username),
    (list) => list.AuthEvents.find((event) => event.EventId === eventId)?.EventFeedback?.FeedbackValue
  )

describe("cognito-feedback update-auth-event-feedback", () => {
  layer(emulatorLayer(seed), { excludeTestServices: true })("against the emulator process", (it) => {
    it.effect("records the feedback and says so in one line (text)", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const before = (yield* emulator.lines).length
        const result = yield* cli(update({ endpoint: emulator.url, eventId: "evt-text" }))
        assert.strictEqual(result.code, 0, result.stderr)
        assert.strictEqual(result.stdout, `Recorded feedback Invalid for event evt-text in user pool ${pool}.\n`)
        assert.strictEqual(result.stderr, "")
        assertNoSecrets(result)
        const logged = yield* requestLines(emulator, before, 1)
        assert.match(logged[0] ?? "", /^UpdateAuthEventFeedback Success 200 [0-9a-f-]{36}$/)
        assert.strictEqual(yield* feedbackOf(emulator.url, "evt-text"), "Invalid")
      }))

    it.effect("prints the response object with --output json", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const result = yield* cli([
          ...update({ endpoint: emulator.url, eventId: "evt-json", value: "Valid" }),
          "--output",
          "json"
        ])
        assert.strictEqual(result.code, 0, result.stderr)
        assert.deepStrictEqual(JSON.parse(result.stdout), {})
        assert.strictEqual(linesOf(result.stdout).length, 1)
        assert.strictEqual(result.stderr, "")
        assertNoSecrets(result)
        assert.strictEqual(yield* feedbackOf(emulator.url, "evt-json"), "Valid")
      }))

    it.effect("accepts --feedback-value in any case", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const cases = [["evt-valid", "valid", "Valid"], ["evt-invalid", "INVALID", "Invalid"], [
          "evt-mixed",
          "vAlId",
          "Valid"
        ]] as const
        const results = yield* Effect.forEach(
          cases,
          ([eventId, value]) => cli(update({ endpoint: emulator.url, eventId, value })),
          { concurrency: "unbounded" }
        )
        for (const [i, [eventId, , recorded]] of cases.entries()) {
          assert.strictEqual(results[i]?.code, 0, results[i]?.stderr)
          assert.strictEqual(yield* feedbackOf(emulator.url, eventId), recorded)
        }
      }))

    it.effect("answers each service error with exit code 1 and one JSON line on stderr", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const cases = [
          {
            tag: "NotAuthorizedException",
            args: update({ endpoint: emulator.url, eventId: "evt-errors", token: wrongToken })
          },
          {
            tag: "UserNotFoundException",
            args: update({ endpoint: emulator.url, eventId: "evt-errors", username: unknownUsername })
          },
          {
            tag: "ResourceNotFoundException",
            args: update({ endpoint: emulator.url, eventId: "evt-errors", userPoolId: "us-east-1_Missing1" })
          },
          {
            tag: "UserPoolAddOnNotEnabledException",
            args: update({ endpoint: emulator.url, userPoolId: offPool, username: offUsername, eventId: "evt-off" })
          }
        ]
        for (const { args, tag } of cases) {
          const before = (yield* emulator.lines).length
          const result = yield* cli([...args, "--output", "json"])
          assert.strictEqual(result.code, 1, `${tag}: ${result.stderr}`)
          assert.strictEqual(result.stdout, "")
          const lines = linesOf(result.stderr)
          assert.strictEqual(lines.length, 1, result.stderr)
          const report = JSON.parse(lines[0] ?? "") as Record<string, unknown>
          assert.deepStrictEqual(Object.keys(report), ["error", "message", "requestId"])
          assert.strictEqual(report.error, tag)
          assert.isString(report.message)
          assert.isAbove(String(report.message).length, 0)
          assert.match(String(report.requestId), requestIdPattern)
          // the request id is the one the emulator gave that request
          const logged = yield* requestLines(emulator, before, 1)
          assert.strictEqual(logged[0], `UpdateAuthEventFeedback ${tag} 400 ${String(report.requestId)}`)
          assertNoSecrets(result)
        }
      }))

    it.effect("reports a service error in text as tag, message and request id", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const result = yield* cli(update({ endpoint: emulator.url, eventId: "evt-errors", token: wrongToken }))
        assert.strictEqual(result.code, 1)
        assert.strictEqual(result.stdout, "")
        assert.match(
          result.stderr,
          /^NotAuthorizedException: \S.* \[request id: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\]\n$/
        )
        assertNoSecrets(result)
      }))

    it.effect("answers a transport failure with exit code 1 and no stack trace", () =>
      Effect.gen(function*() {
        const port = yield* closedPort
        const endpoint = `http://127.0.0.1:${port}`
        const json = yield* cli([
          ...update({ endpoint, eventId: "evt-errors" }),
          "--output",
          "json",
          "--max-attempts",
          "1"
        ])
        assert.strictEqual(json.code, 1)
        assert.strictEqual(json.stdout, "")
        assert.strictEqual(linesOf(json.stderr).length, 1, json.stderr)
        const report = JSON.parse(json.stderr) as Record<string, unknown>
        assert.strictEqual(report.error, "TransportError")
        assert.notProperty(report, "requestId")
        const text = yield* cli([...update({ endpoint, eventId: "evt-errors" }), "--max-attempts", "1"])
        assert.strictEqual(text.code, 1)
        assert.match(text.stderr, /^TransportError: .+\n$/)
        assert.notInclude(text.stderr, "    at ")
        assertNoSecrets(json)
        assertNoSecrets(text)
      }))

    it.effect("rejects invalid input and configuration with exit code 2, naming the field, sending nothing", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const before = (yield* emulator.lines).length
        const base = { endpoint: emulator.url, eventId: "evt-never" }
        const cases: ReadonlyArray<{
          readonly args: ReadonlyArray<string>
          readonly env?: Record<string, string>
          readonly error: string
          readonly mentions: string
        }> = [
          {
            args: update({ ...base, eventId: "evt never!" }),
            error: "InvalidParameterException",
            mentions: "--event-id: must match"
          },
          {
            args: update({ ...base, value: "maybe" }),
            error: "InvalidValue",
            mentions: "--feedback-value: expected Valid or Invalid"
          },
          {
            args: update({ ...base, userPoolId: "nounderscore" }),
            error: "InvalidParameterException",
            mentions: "--user-pool-id:"
          },
          {
            args: update({ ...base, token: "bad token!" }),
            error: "InvalidParameterException",
            mentions: "--feedback-token:"
          },
          {
            args: update(base).filter((arg, i, all) => arg !== "--event-id" && all[i - 1] !== "--event-id"),
            error: "MissingValue",
            mentions: "missing option --event-id"
          },
          { args: [...update(base), "--max-attempts", "0"], error: "ConfigurationError", mentions: "--max-attempts" },
          {
            args: update(base),
            env: { AWS_MAX_ATTEMPTS: "many" },
            error: "ConfigurationError",
            mentions: "AWS_MAX_ATTEMPTS"
          },
          { args: update(base), env: { AWS_USE_FIPS_ENDPOINT: "true" }, error: "EndpointError", mentions: "FIPS" },
          {
            args: [...update(base), "--output", "xml"],
            error: "InvalidValue",
            mentions: "--output: expected text or json"
          }
        ]
        const results = yield* Effect.forEach(
          cases,
          ({ args, env }) =>
            cli([...args, ...(args.includes("--output") ? [] : ["--output", "json"])], env ? { env } : {}),
          { concurrency: 4 }
        )
        for (const [i, { args, error, mentions }] of cases.entries()) {
          const result = results[i]
          assert.isDefined(result)
          if (result === undefined) continue
          assert.strictEqual(result.code, 2, `${error}: ${result.stderr}`)
          assert.strictEqual(result.stdout, "")
          const lines = linesOf(result.stderr)
          assert.strictEqual(lines.length, 1, result.stderr)
          const line = lines[0] ?? ""
          if (args.includes("xml")) {
            // --output itself is wrong: the line is text
            assert.strictEqual(line, `InvalidValue: ${mentions}`)
          } else {
            const report = JSON.parse(line) as Record<string, unknown>
            assert.strictEqual(report.error, error)
            assert.include(String(report.message), mentions)
            assert.notProperty(report, "requestId")
          }
          assertNoSecrets(result)
        }
        assert.deepStrictEqual(yield* requestLines(emulator, before, 0), [])
      }))

    it.effect("--dry-run prints the request with the secrets redacted and sends nothing", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const before = (yield* emulator.lines).length
        const text = yield* cli([...update({ endpoint: emulator.url, eventId: "evt-never" }), "--dry-run"])
        assert.strictEqual(text.code, 0, text.stderr)
        const lines = linesOf(text.stdout)
        assert.include(lines, `POST ${emulator.url}`)
        assert.include(lines, "content-type: application/x-amz-json-1.1")
        assert.include(lines, "x-amz-target: AWSCognitoIdentityProviderService.UpdateAuthEventFeedback")
        assert.include(lines, "amz-sdk-request: attempt=1; max=3")
        assert.isTrue(lines.some((line) => /^amz-sdk-invocation-id: [0-9a-f-]{36}$/.test(line)))
        assert.deepStrictEqual(JSON.parse(lines[lines.length - 1] ?? ""), {
          UserPoolId: pool,
          Username: "<redacted>",
          EventId: "evt-never",
          FeedbackToken: "<redacted>",
          FeedbackValue: "Invalid"
        })

        const json = yield* cli([
          ...update({ endpoint: emulator.url, eventId: "evt-never", value: "valid" }),
          "--dry-run",
          "--output",
          "json",
          "--max-attempts",
          "5"
        ])
        assert.strictEqual(json.code, 0, json.stderr)
        const preview = JSON.parse(json.stdout) as {
          readonly method: string
          readonly url: string
          readonly region: string
          readonly headers: Record<string, string>
          readonly body: Record<string, string>
        }
        assert.strictEqual(preview.method, "POST")
        assert.strictEqual(preview.url, emulator.url)
        assert.strictEqual(preview.region, "us-east-1")
        assert.strictEqual(preview.headers["amz-sdk-request"], "attempt=1; max=5")
        assert.strictEqual(preview.body.Username, "<redacted>")
        assert.strictEqual(preview.body.FeedbackToken, "<redacted>")
        assert.strictEqual(preview.body.FeedbackValue, "Valid")

        // without an endpoint, the region's own
        const aws = yield* cli([...update({ eventId: "evt-never" }), "--dry-run", "--region", "eu-west-3"])
        assert.include(linesOf(aws.stdout), "POST https://cognito-idp.eu-west-3.amazonaws.com")

        for (const result of [text, json, aws]) assertNoSecrets(result)
        assert.deepStrictEqual(yield* requestLines(emulator, before, 0), [])
        assert.isUndefined(yield* feedbackOf(emulator.url, "evt-never"))
      }))

    it.effect("reads the token from standard input with --feedback-token -", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const args = update({ endpoint: emulator.url, eventId: "evt-stdin", token: "-", value: "Valid" })
        const right = yield* cli(args, { stdin: `${tokenOf("evt-stdin")}\n` })
        assert.strictEqual(right.code, 0, right.stderr)
        assert.strictEqual(yield* feedbackOf(emulator.url, "evt-stdin"), "Valid")
        // the token really comes from stdin: another one there is refused
        const wrong = yield* cli(args, { stdin: wrongToken })
        assert.strictEqual(wrong.code, 1)
        assert.match(wrong.stderr, /^NotAuthorizedException: /)
        const empty = yield* cli([...args, "--output", "json"], { stdin: "" })
        assert.strictEqual(empty.code, 2)
        assert.deepStrictEqual(JSON.parse(empty.stderr), {
          error: "ConfigurationError",
          message: "--feedback-token -: standard input was empty"
        })
        for (const result of [right, wrong, empty]) assertNoSecrets(result)
      }))

    it.effect("--debug logs every attempt, the retries and their delays on stderr, without secrets", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const ok = yield* cli([...update({ endpoint: emulator.url, eventId: "evt-debug" }), "--debug"])
        assert.strictEqual(ok.code, 0, ok.stderr)
        assert.strictEqual(linesOf(ok.stdout).length, 1)
        assert.match(ok.stderr, /level=DEBUG .*message="attempt answered" attempt=1 status=200/)

        const port = yield* closedPort
        const failing = yield* cli([
          ...update({ endpoint: `http://127.0.0.1:${port}`, eventId: "evt-debug" }),
          "--debug",
          "--max-attempts",
          "3"
        ])
        assert.strictEqual(failing.code, 1)
        const lines = linesOf(failing.stderr)
        for (const attempt of [1, 2, 3]) {
          assert.isTrue(
            lines.some((line) => line.includes("message=\"attempt failed\"") && line.includes(`attempt=${attempt}`)),
            failing.stderr
          )
        }
        const retries = lines.filter((line) => line.includes("message=retrying"))
        assert.strictEqual(retries.length, 2, failing.stderr)
        for (const retry of retries) assert.match(retry, /delayMillis=\d/)
        assert.match(lines[lines.length - 1] ?? "", /^TransportError: /)
        assertNoSecrets(ok)
        assertNoSecrets(failing)
      }))

    it.effect("takes the endpoint from the standard AWS environment", () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const result = yield* cli(update({ eventId: "evt-env" }), {
          env: { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: emulator.url }
        })
        assert.strictEqual(result.code, 0, result.stderr)
        assert.strictEqual(yield* feedbackOf(emulator.url, "evt-env"), "Invalid")
        // a flag wins over the environment
        const port = yield* closedPort
        const flag = yield* cli([...update({ eventId: "evt-env" }), "--endpoint-url", emulator.url], {
          env: { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` }
        })
        assert.strictEqual(flag.code, 0, flag.stderr)
      }))
  })

  describe("help and usage", () => {
    it.live("--help shows the options and examples, without colour codes when not on a terminal", () =>
      Effect.gen(function*() {
        const result = yield* cli(["update-auth-event-feedback", "--help"])
        assert.strictEqual(result.code, 0, result.stderr)
        for (
          const option of [
            "--user-pool-id",
            "--username",
            "--event-id",
            "--feedback-token",
            "--feedback-value",
            "--endpoint-url",
            "--region",
            "--max-attempts",
            "--output",
            "--debug",
            "--dry-run",
            "EXAMPLES"
          ]
        ) assert.include(result.stdout, option)
        assert.notInclude(result.stdout, "\u001b[")
      }))

    it.live("without a subcommand, or with an unknown one, exits 2 with one line", () =>
      Effect.gen(function*() {
        for (const args of [[], ["frobnicate"]]) {
          const result = yield* cli(args)
          assert.strictEqual(result.code, 2)
          assert.strictEqual(linesOf(result.stderr).length, 1, result.stderr)
        }
      }))
  })
})
