import { defineProject, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared.js"

export default mergeConfig(
  shared,
  defineProject({
    test: {
      // the browser tests run the built command: the same build step as the command's own tests
      globalSetup: ["../cli/test/globalSetup.ts"],
      // property tests of a few hundred requests, and a browser, on shared machines
      testTimeout: 60_000,
      hookTimeout: 60_000
    }
  })
)
