// The testkit's main entry loads no Node module: bundled for the browser platform (where
// esbuild cannot resolve one), its in-memory layers, the live client over the simulator's
// HttpClient and the arbitraries run in a bare JavaScript realm with only web globals (no
// `process`, `require` or `Buffer`). The emulator's own entry, which needs Node, is the control.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as esbuild from "esbuild"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as vm from "node:vm"

const here = path.dirname(fileURLToPath(import.meta.url))
const packages = path.resolve(here, "../..")

/** Sibling packages from source, as the tests import them; any Node built-in is recorded and refused. */
const workspaceAndNoNode = (nodeImports: Array<string>): esbuild.Plugin => ({
  name: "workspace-and-no-node",
  setup(build) {
    build.onResolve({ filter: /^@cognito-feedback\// }, ({ path: specifier }) => {
      const [, name, module] = /^@cognito-feedback\/([^/]+)(?:\/(.+))?$/.exec(specifier) ?? []
      // the protocol is shared with the Effect 3 edition: it lives in the root workspace
      const root = name === "protocol" ? path.resolve(packages, "../../packages") : packages
      return { path: path.join(root, name ?? "", "src", `${module ?? "index"}.ts`) }
    })
    build.onResolve({ filter: /^node:/ }, ({ importer, path: specifier }) => {
      nodeImports.push(`${specifier} from ${path.relative(packages, importer)}`)
      return { path: specifier, external: true }
    })
  }
})

const bundle = (entry: string) =>
  Effect.promise(async () => {
    const nodeImports: Array<string> = []
    const result = await esbuild.build({
      entryPoints: [path.join(here, entry)],
      bundle: true,
      write: false,
      platform: "browser",
      format: "iife",
      logLevel: "silent",
      plugins: [workspaceAndNoNode(nodeImports)]
    })
    return { code: result.outputFiles[0]?.text ?? "", nodeImports }
  })

describe("the testkit's main entry in a browser", () => {
  it.live(
    "bundles for the browser platform with no node: import, and runs with web globals only",
    () =>
      Effect.gen(function*() {
        const { code, nodeImports } = yield* bundle("browser/inMemory.ts")
        assert.deepStrictEqual(nodeImports, [])
        const realm: Record<string, unknown> = {
          console,
          setTimeout,
          clearTimeout,
          setInterval,
          clearInterval,
          queueMicrotask,
          performance,
          TextEncoder,
          TextDecoder,
          URL,
          URLSearchParams,
          Headers,
          Request,
          Response,
          AbortController,
          AbortSignal,
          crypto
        }
        vm.runInNewContext(code, realm)
        const result = yield* Effect.promise(() => realm.result as Promise<unknown>)
        assert.deepStrictEqual(result, {
          memory: "Invalid",
          overHttp: "Invalid",
          scripted: "NotAuthorizedException",
          sampled: 5
        })
      }),
    { timeout: 60_000 }
  )

  it.live("the check sees Node: the emulator's entry imports node: modules", () =>
    Effect.gen(function*() {
      const { nodeImports } = yield* bundle("../src/CognitoEmulator.ts")
      assert.include(nodeImports, "node:http from testkit/src/CognitoEmulator.ts")
    }), { timeout: 60_000 })
})
