// The consumer test: the packages as a user meets them. Every publishable package is packed; in a
// temporary folder outside the workspace a fresh npm project (consumer/template) installs the
// tarballs twice, with the lowest and with the newest versions the peer ranges allow. Each
// install type-checks the app and its test (moduleResolution nodenext and bundler), runs the test
// under vitest, and runs the app under Node 20 against the emulator started from the packed command
// line (`npx cognito-feedback emulator --port 0`). Every TypeScript block of the READMEs is
// type-checked there too (strict, nodenext), and the blocks that are tests run. The newest install then runs the same app
// under Node 22 and 24, Bun and Deno (from their npm packages) and in headless Chromium (an esbuild
// bundle on another origin than the emulator, so CORS is exercised). Then the Effect 4 edition's
// tarballs go into a project made as a new user makes one today, and the same app, ported to
// Effect 4, runs the same way (Node 22 and 24, Bun, Deno, Chromium; consumer/template-effect4).
//
// `node consumer/run.mjs [results.json]`: one line per check, then `N passed, N failed`; the
// results file is what .ci/run counts. A runtime that cannot be installed is a failed check.
import { execFile, spawn } from "node:child_process"
import * as fs from "node:fs"
import * as http from "node:http"
import { createRequire } from "node:module"
import * as os from "node:os"
import * as path from "node:path"
import semver from "semver"
import { readmeBlocks } from "../scripts/readme-blocks.mjs"
import { editions, node22Bin, packAll, root } from "../scripts/workspace.mjs"

const template = path.join(root, "consumer", "template")
const resultsFile = process.argv[2] ?? process.env.CONSUMER_RESULTS
const work = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-feedback-consumer-"))
const results = []
const started = Date.now()

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`

/** Runs one named check; a throw is its failure, with the message as the detail. */
const check = async (name, body) => {
  const since = Date.now()
  try {
    const detail = await body()
    results.push({ name, ok: true, seconds: (Date.now() - since) / 1000 })
    console.log(`ok     ${name} (${seconds(since)})${detail ? `: ${detail}` : ""}`)
    return true
  } catch (error) {
    const detail = String(error instanceof Error ? error.message : error).slice(0, 4000)
    results.push({ name, ok: false, seconds: (Date.now() - since) / 1000, detail })
    console.log(`FAILED ${name} (${seconds(since)})\n${detail.replace(/^/gm, "       ")}`)
    return false
  }
}

/** Runs a command to its end; rejects with its output when it fails or times out. */
const exec = (command, args, { cwd, timeout = 300_000, env } = {}) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (
      error,
      stdout,
      stderr
    ) => {
      if (error) reject(new Error(`${command} ${args.join(" ")}: ${error.message}\n${stdout}${stderr}`.trim()))
      else resolve(stdout.trim())
    })
  })

// the Effect 3 edition's scenarios start the emulator from the packed command line
const commandLineEmulator = ["npx", "--no-install", "cognito-feedback", "emulator", "--port", "0"]

/** The emulator started by `command`; resolves its URL and a stop function. */
const startEmulator = (cwd, [command, ...args] = commandLineEmulator, env = process.env) =>
  new Promise((resolve, reject) => {
    // its own process group, so that stopping it stops npx and the node process under it
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
    const stop = () => {
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        // already gone
      }
    }
    let stdout = ""
    let stderr = ""
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`the emulator printed no address within 60 s:\n${stdout}${stderr}`))
    }, 60_000)
    const onData = (chunk) => {
      stdout += chunk
      if (!stdout.includes("\n")) return
      clearTimeout(timer)
      const match = /^listening on (http:\/\/\S+)$/.exec(stdout.split("\n")[0])
      if (match && stderr === "") resolve({ url: match[1], stop })
      else {
        stop()
        reject(
          new Error(
            `the emulator's first line is not "listening on http://HOST:PORT", or it wrote to stderr:\n${stdout}${stderr}`
          )
        )
      }
    }
    child.stdout.setEncoding("utf8").on("data", onData)
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk))
    child.on("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the emulator exited (${code}) before listening:\n${stdout}${stderr}`))
    })
  })

// an app must never hold two of these: two runtimes, two HttpClient tags
const sharedRuntimes = ["effect", "@effect/platform"]

const expected = JSON.stringify(["recorded", "link-expired", "bad-link"])

/** The app's main under a runtime, against a fresh emulator (the sample's token is used once). */
const runApp = async (cwd, command, args, { emulator: emulatorCommand, env } = {}) => {
  const emulator = await startEmulator(cwd, emulatorCommand, env)
  try {
    const output = await exec(command, [...args, emulator.url], { cwd, timeout: 180_000, env })
    const last = output.split("\n").at(-1)
    if (last !== expected) throw new Error(`expected ${expected}, got:\n${output}`)
    return last
  } finally {
    emulator.stop()
  }
}

/** Serves the page and its bundle on a loopback origin of its own. */
const servePage = (bundle) =>
  new Promise((resolve) => {
    const server = http.createServer((request, response) => {
      if (request.url?.startsWith("/app.js")) {
        response.writeHead(200, { "content-type": "text/javascript" }).end(bundle)
      } else {
        response.writeHead(200, { "content-type": "text/html" })
          .end("<!doctype html><title>feedback</title><script type=\"module\" src=\"/app.js\"></script>")
      }
    })
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, server }))
  })

const runInChromium = async (cwd, { emulator: emulatorCommand, env } = {}) => {
  await exec(path.join(cwd, "node_modules", ".bin", "esbuild"), [
    "src/browser.ts",
    "--bundle",
    "--platform=browser",
    "--format=esm",
    "--outfile=browser/app.js"
  ], { cwd })
  const { chromium } = createRequire(path.join(cwd, "package.json"))("playwright-core")
  const emulator = await startEmulator(cwd, emulatorCommand, env)
  const page = await servePage(fs.readFileSync(path.join(cwd, "browser", "app.js")))
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  })
  try {
    const tab = await browser.newPage()
    const logs = []
    tab.on("console", (message) => logs.push(`console.${message.type()}: ${message.text()}`))
    tab.on("pageerror", (error) => logs.push(`page error: ${error.message}`))
    await tab.goto(`${page.url}?endpoint=${encodeURIComponent(emulator.url)}`)
    await tab.waitForFunction(() => "result" in globalThis, null, { timeout: 60_000 }).catch(() => {})
    const result = JSON.stringify(await tab.evaluate(() => globalThis.result))
    if (result !== expected) {
      throw new Error(
        `expected ${expected}, got ${result} (page ${page.url}, emulator ${emulator.url})\n${logs.join("\n")}`
      )
    }
    return `${result}, page ${new URL(page.url).origin} → emulator ${emulator.url}`
  } finally {
    await browser.close()
    page.server.close()
    emulator.stop()
  }
}

/** Every peer the packed packages declare, with the intersection of their ranges. */
const peerRanges = (packages) => {
  const ranges = {}
  for (const { manifest } of packages) {
    for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
      if (ranges[name] === undefined) ranges[name] = range
      else if (!ranges[name].split(" ").includes(range)) ranges[name] = `${ranges[name]} ${range}`
    }
  }
  return ranges
}

const scenario = async (label, tarballs, peers, withRuntimes) => {
  const dir = path.join(work, label)
  fs.cpSync(template, dir, { recursive: true })
  for (const file of ["feedback-link-handler.ts", "feedback-link-handler.test.ts"]) {
    fs.copyFileSync(path.join(root, "examples", file), path.join(dir, "src", file))
  }
  const specs = Object.entries(peers).map(([name, version]) => `${name}@${version}`)
  const installed = await check(`${label}: npm install of the tarballs with ${specs.join(", ")}`, async () => {
    await exec("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs, ...specs], {
      cwd: dir,
      timeout: 900_000
    })
    const versions = Object.keys(peers).map((name) =>
      `${name}@${JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version}`
    )
    return `installed ${versions.join(", ")}`
  })
  const bin = (name) => path.join(dir, "node_modules", ".bin", name)
  const blocks = readmeBlocks()
  const modules = blocks.filter((block) => !block.fragment)
  fs.mkdirSync(path.join(dir, "readme"))
  for (const block of modules) fs.writeFileSync(path.join(dir, "readme", block.name), block.code)
  const nodenext = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.nodenext.json"), "utf8"))
  fs.writeFileSync(
    path.join(dir, "tsconfig.readme.json"),
    JSON.stringify({
      ...nodenext,
      // as an app's tsconfig has it (tsc --init): @effect/platform-node's own declarations need
      // @types/ws otherwise; the packages' declarations are checked with skipLibCheck off above
      compilerOptions: {
        ...nodenext.compilerOptions,
        noEmit: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        skipLibCheck: true
      },
      include: ["readme"]
    })
  )
  const checks = [
    ["one copy of effect and of @effect/platform, the CLI's included", async () => {
      const copies = [
        ...new Set(
          (await exec("npm", ["ls", "--all", "--parseable", ...sharedRuntimes], { cwd: dir }))
            .split("\n").filter((line) => line.includes("node_modules"))
        )
      ]
      if (copies.length !== sharedRuntimes.length) throw new Error(`more than one copy:\n${copies.join("\n")}`)
    }],
    ["tsc, moduleResolution nodenext", () => exec(bin("tsc"), ["-p", "tsconfig.nodenext.json"], { cwd: dir })],
    ["tsc, moduleResolution bundler", () => exec(bin("tsc"), ["-p", "tsconfig.bundler.json"], { cwd: dir })],
    [
      `tsc, nodenext: the ${modules.length} TypeScript blocks of ${new Set(blocks.map((b) => b.file)).size} READMEs` +
      ` (${blocks.length - modules.length} marked as fragments)`,
      async () => {
        if (modules.length === 0) throw new Error("no TypeScript block found in any README")
        // tsc names readme/README-L66.ts(3,1): the block that opens on line 66 of README.md
        await exec(bin("tsc"), ["-p", "tsconfig.readme.json"], { cwd: dir })
      }
    ],
    ["vitest: the README blocks that are tests", async () => {
      if (!modules.some((block) => block.name.endsWith(".test.ts"))) throw new Error("no README block is a test")
      const output = await exec(bin("vitest"), ["run", "--dir", "readme"], { cwd: dir, env: { NO_COLOR: "1" } })
      return /Tests\s+(.*)/.exec(output)?.[1]
    }],
    ["vitest: the app's tests with the testkit's layers, arbitraries and emulator", async () => {
      const output = await exec(bin("vitest"), ["run", "--dir", "src"], { cwd: dir, env: { NO_COLOR: "1" } })
      return /Tests\s+(.*)/.exec(output)?.[1]
    }],
    [
      `Node ${process.versions.node}: the app against \`npx cognito-feedback emulator\``,
      () => runApp(dir, process.execPath, ["dist/src/main.js"])
    ]
  ]
  const runtimes = withRuntimes
    ? [
      ["Node 22: the app", () => runApp(dir, "npx", ["-y", "node@22", "dist/src/main.js"])],
      ["Node 24: the app", () => runApp(dir, "npx", ["-y", "node@24", "dist/src/main.js"])],
      ["Bun: the app", () => runApp(dir, bin("bun"), ["dist/src/main.js"])],
      ["Deno: the app", () => runApp(dir, bin("deno"), ["run", "--allow-all", "dist/src/main.js"])],
      ["headless Chromium: the app bundled with esbuild, across origins (CORS)", () => runInChromium(dir)]
    ]
    : []
  const run = ([name, body]) =>
    check(`${label}: ${name}`, installed ? body : () => Promise.reject(new Error("not installed")))
  for (const entry of checks) await run(entry)
  // each runtime has an emulator of its own: run them side by side (mostly downloads and start-up)
  await Promise.all(runtimes.map(run))
}

let packed = []
await check("pnpm pack of every publishable package", () => {
  packed = packAll(path.join(work, "tarballs"))
  return packed.map(({ tarball }) => path.basename(tarball)).join(", ")
})
if (packed.length > 0) {
  const ranges = peerRanges(packed)
  const tarballs = packed.map(({ tarball }) => tarball)
  const lowest = Object.fromEntries(
    Object.entries(ranges).map(([name, range]) => [name, semver.minVersion(range)?.version ?? range])
  )
  await scenario("lowest peers", tarballs, lowest, false)
  // the ranges themselves: npm installs the newest versions they allow
  await scenario("newest peers", tarballs, ranges, true)
}

// The Effect 4 edition, as a new user meets it today: `npm install effect @effect/platform-node`
// with no versions (whatever is latest), then the tarballs; everything on Node 22 or later
// (Effect 4.1's floor), the emulator from the Effect 4 testkit's own entry.
const effect4 = editions.find((edition) => edition.name === "effect4")
let packed4 = []
await check("effect4: pnpm pack of every publishable package of the Effect 4 edition", () => {
  packed4 = packAll(path.join(work, "tarballs-effect4"), effect4)
  return packed4.map(({ tarball }) => path.basename(tarball)).join(", ")
})
if (packed4.length > 0) {
  const label = "effect4"
  const dir = path.join(work, label)
  const env = effect4.env()
  fs.cpSync(path.join(root, "consumer", "template-effect4"), dir, { recursive: true })
  const protocol = packed.find(({ manifest }) => manifest.name === "@cognito-feedback/protocol")
  const tarballs = [...packed4.map(({ tarball }) => tarball), ...(protocol === undefined ? [] : [protocol.tarball])]
  const npm = (args) =>
    exec("npm", ["--no-audit", "--no-fund", "--loglevel=error", ...args], { cwd: dir, env, timeout: 900_000 })
  const installed = await check(
    `${label}: npm install effect @effect/platform-node (no versions), then the tarballs`,
    async () => {
      await npm(["install", "effect", "@effect/platform-node"])
      await npm(["install", ...tarballs])
      const version = (name) =>
        JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version
      return `installed effect@${version("effect")}, @effect/platform-node@${version("@effect/platform-node")}`
    }
  )
  const bin = (name) => path.join(dir, "node_modules", ".bin", name)
  const emulator = { emulator: [path.join(node22Bin(), "node"), "dist/src/emulator.js"], env }
  // the README blocks written for this edition (info string `ts effect4`), each a module
  const blocks = readmeBlocks("effect4").filter((block) => !block.fragment)
  fs.mkdirSync(path.join(dir, "readme"))
  for (const block of blocks) fs.writeFileSync(path.join(dir, "readme", block.name), block.code)
  const nodenext = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.nodenext.json"), "utf8"))
  fs.writeFileSync(
    path.join(dir, "tsconfig.readme.json"),
    JSON.stringify({
      ...nodenext,
      compilerOptions: { ...nodenext.compilerOptions, noEmit: true, noUnusedLocals: true, skipLibCheck: true },
      include: ["readme"]
    })
  )
  const checks = [
    ["one copy of effect", async () => {
      const copies = [
        ...new Set(
          (await exec("npm", ["ls", "--all", "--parseable", "effect"], { cwd: dir, env }))
            .split("\n").filter((line) => line.includes("node_modules"))
        )
      ]
      if (copies.length !== 1) throw new Error(`more than one copy:\n${copies.join("\n")}`)
    }],
    ["tsc, moduleResolution nodenext", () => exec(bin("tsc"), ["-p", "tsconfig.nodenext.json"], { cwd: dir, env })],
    ["tsc, moduleResolution bundler", () => exec(bin("tsc"), ["-p", "tsconfig.bundler.json"], { cwd: dir, env })],
    [`tsc, nodenext: the ${blocks.length} TypeScript blocks of the READMEs written for Effect 4`, async () => {
      if (blocks.length === 0) throw new Error("no README block is marked `ts effect4`")
      await exec(bin("tsc"), ["-p", "tsconfig.readme.json"], { cwd: dir, env })
    }],
    ["vitest 5: the app's tests with the testkit's layers, arbitraries and emulator", async () => {
      const output = await exec(bin("vitest"), ["run", "--dir", "src"], { cwd: dir, env: { ...env, NO_COLOR: "1" } })
      return /Tests\s+(.*)/.exec(output)?.[1]
    }]
  ]
  const runtimes = [
    [
      `Node 22: the app against the Effect 4 testkit's emulator`,
      () => runApp(dir, path.join(node22Bin(), "node"), ["dist/src/main.js"], emulator)
    ],
    ["Node 24: the app", () => runApp(dir, "npx", ["-y", "node@24", "dist/src/main.js"], emulator)],
    ["Bun: the app", () => runApp(dir, bin("bun"), ["dist/src/main.js"], emulator)],
    ["Deno: the app", () => runApp(dir, bin("deno"), ["run", "--allow-all", "dist/src/main.js"], emulator)],
    ["headless Chromium: the app bundled with esbuild, across origins (CORS)", () => runInChromium(dir, emulator)]
  ]
  const run = ([name, body]) =>
    check(`${label}: ${name}`, installed ? body : () => Promise.reject(new Error("not installed")))
  for (const entry of checks) await run(entry)
  await Promise.all(runtimes.map(run))
}

const passed = results.filter((result) => result.ok).length
const failed = results.length - passed
if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed, results }, null, 2))
fs.rmSync(work, { recursive: true, force: true })
console.log(`consumer test took ${seconds(started)}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || results.length === 0 ? 1 : 0)
