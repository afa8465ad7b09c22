import { defineConfig } from "vitest/config"
import { shared } from "./vitest.shared.js"

// The load tests: real sockets, tens of thousands of requests; `pnpm test:load`, run by CI too.
export default defineConfig({
  ...shared,
  test: {
    include: ["packages/*/test/load/**/*.test.ts"],
    pool: "forks",
    poolOptions: { forks: { execArgv: ["--expose-gc"] } },
    testTimeout: 120_000
  }
})
