import { defineProject, mergeConfig } from "vitest/config"
import { sharedConfig } from "../../vitest.shared.js"

export default mergeConfig(
  sharedConfig,
  defineProject({
    // property tests of a few hundred requests, and a browser, on shared machines
    test: { testTimeout: 60_000, hookTimeout: 60_000 }
  })
)
