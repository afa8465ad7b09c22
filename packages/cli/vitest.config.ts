import { defineProject, mergeConfig } from "vitest/config"
import { shared } from "../../vitest.shared.js"

export default mergeConfig(
  shared,
  defineProject({
    test: {
      globalSetup: ["./test/globalSetup.ts"],
      // every test spawns node processes; each bounds its own waits well below this
      testTimeout: 60_000,
      hookTimeout: 60_000
    }
  })
)
