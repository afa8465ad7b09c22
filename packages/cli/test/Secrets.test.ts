/**
 * One test for the promise that usernames and feedback tokens never leak: the command line, the
 * live client and the emulator, through success, every error, retries, `--debug`, `--dry-run` and
 * tracing to an in-memory OpenTelemetry exporter, with distinctive secrets. Whatever was printed,
 * logged, exported or thrown is collected, and neither secret may appear in any of it.
 */
import { AuthEventFeedback, RetryPolicy } from "@cognito-feedback/core"
import { AuthEventFeedbackClient, ResponseText } from "@cognito-feedback/http"
import { CognitoSimulator } from "@cognito-feedback/testkit"
import type { SimulatorSeed } from "@cognito-feedback/testkit"
import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
import * as NodeSdk from "@effect/opentelemetry/NodeSdk"
import { assert, describe, it } from "@effect/vitest"
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base"
import { Cause, Duration, Effect, Exit, HashMap, Inspectable, List, Logger, LogLevel } from "effect"
import { echoCases, echoHandler, echoRequest, hasControls, leakIn } from "../../node/test/hostileEcho.js"
import type { LiveClient } from "../../node/test/liveClients.js"
import { liveClients } from "../../node/test/liveClients.js"
import { loopbackServer } from "../../node/test/loopback.js"
import { cli, closedPort, linesOf, startEmulator, tempFile } from "./support.js"

const username = "zqLeakUser-5c2e91"
const alias = "zq.leak.alias@example.com"
const token = "ZQleakTok-8d31f0.x"
const otherToken = "ZQleakOther-1a2b3c.y"
const secrets = [username, alias, token, otherToken, "zqLeak", "ZQleak"]

const pool = "us-east-1_Leak1"
const offPool = "us-east-1_LeakOff"
const seed: SimulatorSeed.SeedFile = {
  userPools: [
    {
      id: pool,
      aliasAttributes: ["email"],
      users: [{
        username,
        attributes: { email: alias },
        authEvents: ["evt-a", "evt-b", "evt-c", "evt-d", "evt-e"].map((eventId) => ({
          eventId,
          feedbackToken: token
        }))
      }]
    },
    {
      id: offPool,
      advancedSecurityMode: "OFF",
      users: [{ username, authEvents: [{ eventId: "evt-off", feedbackToken: token }] }]
    }
  ]
}

const request = {
  UserPoolId: pool,
  Username: username,
  EventId: "evt-a",
  FeedbackToken: token,
  FeedbackValue: "Invalid"
} as const

/** Everything that came out, as text. */
const collected: Array<string> = []
const collect = (source: string, text: string) => collected.push(`[${source}] ${text}`)

const capturingLogger = Logger.make(({ annotations, cause, logLevel, message, spans }) =>
  collect(
    "log",
    [
      logLevel.label,
      Inspectable.format(message),
      Inspectable.format(Object.fromEntries(HashMap.toEntries(annotations))),
      List.toArray(spans).map((s) => s.label).join(","),
      Cause.isEmpty(cause) ? "" : Cause.pretty(cause)
    ].join(" ")
  )
)

const collectExit = (label: string, exit: Exit.Exit<unknown, unknown>) => {
  if (Exit.isSuccess(exit)) return collect(label, Inspectable.format(exit.value))
  collect(label, Cause.pretty(exit.cause))
  const error = Cause.squash(exit.cause)
  collect(label, `${String(error)} ${JSON.stringify(error)} ${Inspectable.format(error)}`)
}

const fastRetries = RetryPolicy.standard({
  throttlingBaseDelay: Duration.millis(1),
  transientBaseDelay: Duration.millis(1)
})

describe("secrets never leak", () => {
  it.live(
    "not through the command line, the live client, the emulator, logs, spans or errors",
    () =>
      Effect.gen(function*() {
        const exporter = new InMemorySpanExporter()

        // 1. every live client against an in-process emulator, traced and logged at every level
        const callsOver = (client: LiveClient) =>
          Effect.gen(function*() {
            const emulator = yield* CognitoEmulator.CognitoEmulator
            const simulator = yield* CognitoSimulator.CognitoSimulator
            const call = (
              label: string,
              input: typeof request | Record<string, unknown>,
              options?: AuthEventFeedbackClient.Options
            ) =>
              AuthEventFeedback.update(input as typeof request).pipe(
                Effect.provide(client.layer({ endpoint: emulator.url, retryPolicy: fastRetries, ...options })),
                Effect.exit,
                Effect.tap((exit) => collectExit(`${client.name}: ${label}`, exit))
              )

            const ok = yield* call("success", request)
            assert.isTrue(Exit.isSuccess(ok))
            yield* call("by alias", { ...request, Username: alias, EventId: "evt-b" })
            yield* call("wrong token", { ...request, FeedbackToken: otherToken })
            yield* call("unknown user", { ...request, Username: `${username}-nobody` })
            yield* call("unknown event", { ...request, EventId: "evt-nope" })
            yield* call("threat protection off", { ...request, UserPoolId: offPool, EventId: "evt-off" })
            yield* call("invalid input", { ...request, EventId: "evt a", Username: `${username} ${token}` })
            yield* simulator.throttleNext(2)
            yield* call("throttled then retried", { ...request, EventId: "evt-c" })
            yield* simulator.failNext(3)
            yield* call("internal errors, retries exhausted", { ...request, EventId: "evt-d" })
            const port = yield* closedPort
            yield* call("transport error", request, { endpoint: `http://127.0.0.1:${port}` })
            const preview = yield* Effect.exit(AuthEventFeedbackClient.preview({ endpoint: emulator.url }, request))
            collectExit("preview", preview)
          }).pipe(
            Effect.provide(
              CognitoEmulator.layerWithSimulator({
                seed,
                onRequest: (entry) => Effect.sync(() => collect("emulator log", JSON.stringify(entry)))
              })
            )
          )
        const spans = yield* Effect.gen(function*() {
          for (const client of liveClients) yield* callsOver(client)
          // read them before the SDK shuts down: shutting down empties the in-memory exporter
          return exporter.getFinishedSpans()
        }).pipe(
          Effect.provide(Logger.replace(Logger.defaultLogger, capturingLogger)),
          Logger.withMinimumLogLevel(LogLevel.All),
          Effect.provide(
            NodeSdk.layer(() => ({
              resource: { serviceName: "secrets-test" },
              spanProcessor: new SimpleSpanProcessor(exporter)
            }))
          )
        )
        for (const span of spans) {
          collect("span", JSON.stringify({ name: span.name, attributes: span.attributes, status: span.status }))
          for (const event of span.events) collect("span event", JSON.stringify(event))
        }

        // 2. the command line against an emulator process, every output mode, --debug and --dry-run
        const seedFile = yield* tempFile("leak-seed.json", JSON.stringify(seed))
        const emulator = yield* startEmulator(["--seed", seedFile])
        const base = ["--endpoint-url", emulator.url, "--user-pool-id", pool, "--username", username]
        const runs: ReadonlyArray<readonly [string, ReadonlyArray<string>, string | undefined]> = [
          ["cli success --debug", [...base, "--event-id", "evt-e", "--feedback-token", token, "--debug"], undefined],
          ["cli json error --debug", [
            ...base,
            "--event-id",
            "evt-e",
            "--feedback-token",
            otherToken,
            "--output",
            "json",
            "--debug"
          ], undefined],
          ["cli text error", [...base, "--event-id", "evt-nope", "--feedback-token", token], undefined],
          ["cli token from stdin", [...base, "--event-id", "evt-e", "--feedback-token", "-", "--debug"], token],
          [
            "cli dry run",
            [...base, "--event-id", "evt-e", "--feedback-token", token, "--dry-run", "--debug"],
            undefined
          ],
          ["cli invalid input", [...base, "--event-id", "evt e", "--feedback-token", `${token} x`], undefined]
        ]
        for (const [label, args, stdin] of runs) {
          const result = yield* cli(
            ["update-auth-event-feedback", ...args, "--feedback-value", "Invalid"],
            stdin === undefined ? {} : { stdin }
          )
          collect(`${label} (exit ${result.code}) stdout`, result.stdout)
          collect(`${label} stderr`, result.stderr)
        }
        collect("emulator process stdout", (yield* emulator.lines).join("\n"))
        collect("emulator process stderr", yield* emulator.stderr)

        // the test sees what it must: spans of every call, errors of every kind, debug lines
        const everything = collected.join("\n")
        assert.isAtLeast(
          spans.filter((s) => s.name === "Cognito.UpdateAuthEventFeedback").length,
          9 * liveClients.length
        )
        for (
          const expected of [
            "NotAuthorizedException",
            "UserNotFoundException",
            "ResourceNotFoundException",
            "UserPoolAddOnNotEnabledException",
            "InvalidParameterException",
            "InternalErrorException",
            "TransportError",
            "retrying",
            "<redacted>",
            "dry run"
          ]
        ) assert.include(everything, expected)
        for (const secret of secrets) {
          const leak = collected.find((text) => text.includes(secret))
          assert.isUndefined(leak, `"${secret}" leaked in: ${leak?.slice(0, 300)}`)
        }
      }).pipe(Effect.scoped),
    { timeout: 120_000 }
  )
})

describe("a hostile server that echoes the call's secrets", () => {
  it.live(
    "the command prints its errors without the secrets, control characters or unbounded text",
    () =>
      Effect.gen(function*() {
        let runs = 0
        for (const [index, echoCase] of echoCases.entries()) {
          const server = yield* loopbackServer(echoHandler(echoCase))
          const output = index % 2 === 0 ? "text" : "json"
          const result = yield* cli(
            [
              "update-auth-event-feedback",
              "--endpoint-url",
              server.url,
              "--user-pool-id",
              echoRequest.UserPoolId,
              "--username",
              echoRequest.Username,
              "--event-id",
              echoRequest.EventId,
              "--feedback-token",
              "-",
              "--feedback-value",
              echoRequest.FeedbackValue,
              "--max-attempts",
              "1",
              "--output",
              output,
              "--debug"
            ],
            { stdin: echoRequest.FeedbackToken }
          )
          const label = `${echoCase.code ?? "no code"} (${output})`
          assert.strictEqual(result.code, 1, `${label}: ${result.stderr}`)
          assert.include(result.stderr, echoCase.tag, label)
          assert.isUndefined(leakIn(result.stdout + result.stderr), `${label}: a secret was printed`)
          assert.isFalse(hasControls(result.stdout + result.stderr), `${label}: a control character was printed`)
          const report = linesOf(result.stderr).at(-1) ?? ""
          assert.isAtMost(report.length, 2 * ResponseText.maxMessageLength, `${label}: the report is unbounded`)
          runs++
        }
        assert.strictEqual(runs, echoCases.length)
      }).pipe(Effect.scoped),
    { timeout: 120_000 }
  )
})
