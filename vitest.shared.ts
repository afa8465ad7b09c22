import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { ViteUserConfig } from "vitest/config"

const root = path.dirname(fileURLToPath(import.meta.url))
const pkg = (name: string) => path.join(root, "packages", name, "src")

// Tests import the packages by name; resolve them to source so no build is needed first.
export const shared: ViteUserConfig = {
  resolve: {
    alias: [
      ...["protocol", "core", "http", "node", "testkit", "web", "cli", "test-support"].flatMap((name) => [
        { find: new RegExp(`^@cognito-feedback/${name}$`), replacement: path.join(pkg(name), "index.ts") },
        { find: new RegExp(`^@cognito-feedback/${name}/(.*)$`), replacement: path.join(pkg(name), "$1.ts") }
      ])
    ]
  },
  test: {
    include: ["test/**/*.test.ts"],
    // load tests run apart, with `pnpm test:load` (vitest.load.config.ts)
    exclude: ["**/test/load/**", "**/node_modules/**"]
  }
}
