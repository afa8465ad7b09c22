// The AWS CLI's habits on the built command: the region from --profile and the shared config
// file in the AWS CLI's order, the timeouts, the pager option, unknown options in JSON.
import * as LiveClient from "@cognito-feedback/cli/LiveClient"
import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Option } from "effect"
import * as Net from "node:net"
import { cli, linesOf, sampleUpdate, tempFile } from "./support.js"

const dryRun = [...sampleUpdate, "--dry-run", "--output", "json"]

const config = [
  "[default]",
  "region = eu-west-1",
  "",
  "[profile dev]",
  "region = eu-west-3",
  "output = json",
  "",
  "[profile no-region]",
  "output = text",
  ""
].join("\n")

/** The region the request would be sent to, or the error line. */
const regionOf = (args: ReadonlyArray<string>, env: Record<string, string>) =>
  Effect.map(cli([...dryRun, ...args], { env }), (result) =>
    result.code === 0
      ? (JSON.parse(result.stdout) as { readonly region: string }).region
      : `exit ${result.code}: ${result.stderr.trim()}`)

describe("--profile and the shared config file", () => {
  it.scoped("the region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's, the pool id's prefix", () =>
    Effect.gen(function*() {
      const file = yield* tempFile("config", config)
      const env = { AWS_CONFIG_FILE: file }
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, Record<string, string>, string]> = [
        [[], env, "eu-west-1"], // the default profile, as the AWS CLI
        [["--profile", "dev"], env, "eu-west-3"],
        [[], { ...env, AWS_PROFILE: "dev" }, "eu-west-3"],
        [["--profile", "default"], { ...env, AWS_PROFILE: "dev" }, "eu-west-1"], // the flag wins
        [["--profile", "dev"], { ...env, AWS_DEFAULT_REGION: "ap-south-1" }, "ap-south-1"],
        [
          ["--profile", "dev"],
          { ...env, AWS_DEFAULT_REGION: "ap-south-1", AWS_REGION: "ca-central-1" },
          "ca-central-1"
        ],
        [["--profile", "dev", "--region", "sa-east-1"], { ...env, AWS_REGION: "ca-central-1" }, "sa-east-1"],
        [["--profile", "no-region"], env, "us-east-1"], // a profile without a region: the pool id's
        [[], {}, "us-east-1"] // no config file at all
      ]
      const regions = yield* Effect.forEach(cases, ([args, env]) => regionOf(args, env), { concurrency: 2 })
      assert.deepStrictEqual(regions, cases.map(([, , region]) => region))
    }))

  it.scoped("a profile that is named and not there is an error naming it, also with a region given", () =>
    Effect.gen(function*() {
      const file = yield* tempFile("config", config)
      for (
        const [args, env] of [
          [["--profile", "nope"], { AWS_CONFIG_FILE: file }],
          [[], { AWS_CONFIG_FILE: file, AWS_PROFILE: "nope" }],
          [["--profile", "nope", "--region", "eu-west-1"], { AWS_CONFIG_FILE: file }],
          [["--profile", "nope"], {}]
        ] as const
      ) {
        const result = yield* cli([...dryRun, ...args], { env })
        assert.strictEqual(result.code, 2, result.stderr)
        assert.strictEqual(result.stdout, "")
        const report = JSON.parse(result.stderr) as { readonly error: string; readonly message: string }
        assert.strictEqual(report.error, "ConfigurationError")
        assert.match(report.message, /^The config profile \(nope\) could not be found/)
      }
    }))

  it.scoped("never reads the credentials file: the call is unsigned", () =>
    Effect.gen(function*() {
      // the AWS SDKs' loader would take a region from the credentials file; ours is never opened
      const credentials = yield* tempFile(
        "credentials",
        "[default]\nregion = ap-northeast-1\n[dev]\nregion = ap-northeast-2\n"
      )
      const env = { AWS_SHARED_CREDENTIALS_FILE: credentials }
      assert.strictEqual(yield* regionOf([], env), "us-east-1")
      assert.match(yield* regionOf(["--profile", "dev"], env), /could not be found/)
    }))
})

/** A server that accepts connections and never answers; closed with its connections. */
const silentServer = Effect.acquireRelease(
  Effect.async<{ readonly server: Net.Server; readonly sockets: Set<Net.Socket> }>((resume) => {
    const sockets = new Set<Net.Socket>()
    const server = Net.createServer((socket) => {
      sockets.add(socket)
    })
    server.listen(0, "127.0.0.1", () => {
      resume(Effect.succeed({ server, sockets }))
    })
  }),
  ({ server, sockets }) =>
    Effect.async<void>((resume) => {
      server.close(() => resume(Effect.void))
      for (const socket of sockets) socket.destroy()
    })
)

describe("--cli-read-timeout, --cli-connect-timeout, --no-cli-pager", () => {
  it("give the limit of one attempt: their sum, none with 0, the client's default without", () => {
    const limit = (read?: number, connect?: number) =>
      LiveClient.attemptTimeoutOf({
        cliReadTimeout: Option.fromNullable(read),
        cliConnectTimeout: Option.fromNullable(connect)
      })
    assert.isUndefined(limit())
    assert.deepStrictEqual(limit(5), Duration.seconds(5))
    assert.deepStrictEqual(limit(undefined, 2), Duration.seconds(2))
    assert.deepStrictEqual(limit(5, 2), Duration.seconds(7))
    assert.deepStrictEqual(limit(0, 2), Duration.infinity)
    assert.deepStrictEqual(limit(5, 0), Duration.infinity)
  })

  it.live("an attempt that gets no answer ends at --cli-read-timeout", () =>
    Effect.gen(function*() {
      const { server } = yield* silentServer
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      const started = Date.now()
      const result = yield* cli([
        ...dryRun.filter((arg) => arg !== "--dry-run"),
        "--endpoint-url",
        `http://127.0.0.1:${port}`,
        "--max-attempts",
        "1",
        "--cli-read-timeout",
        "1",
        "--no-cli-pager"
      ])
      assert.strictEqual(result.code, 1, result.stderr)
      assert.deepInclude(JSON.parse(result.stderr), { error: "TransportError" })
      assert.include(result.stderr, "1s")
      assert.isBelow(Date.now() - started, 8000)
    }).pipe(Effect.scoped))

  it.live("a negative timeout is refused, naming the option", () =>
    Effect.gen(function*() {
      const result = yield* cli([...dryRun, "--cli-connect-timeout", "-1"])
      assert.strictEqual(result.code, 2)
      assert.include(result.stderr, "--cli-connect-timeout: must be")
    }))
})

describe("unknown options", () => {
  it.live("are named with the nearest real one; exit 2; JSON on standard error with --output json", () =>
    Effect.gen(function*() {
      const typo = dryRun.map((arg) => arg === "--user-pool-id" ? "--user-pool" : arg)
      const json = yield* cli(typo)
      assert.strictEqual(json.code, 2)
      assert.strictEqual(json.stdout, "")
      assert.deepStrictEqual(JSON.parse(json.stderr), {
        error: "UnknownOption",
        message: "unknown option --user-pool (did you mean --user-pool-id?)"
      })
      const text = yield* cli([...typo.slice(0, -2), "--bogus", "1"])
      assert.strictEqual(text.code, 2)
      assert.deepStrictEqual(linesOf(text.stderr), [
        "UnknownOption: unknown option --user-pool (did you mean --user-pool-id?)"
      ])
      const query = yield* cli([...dryRun.slice(0, -2), "--query", "Foo"])
      assert.strictEqual(query.code, 2)
      assert.strictEqual(
        query.stderr,
        "UnsupportedOption: --query is an AWS CLI option this command does not support\n"
      )
      const port = yield* cli(["emulator", "--port", "abc"])
      assert.strictEqual(port.code, 2)
      assert.strictEqual(port.stderr, "InvalidValue: --port: expected an integer\n")
    }))
})
