import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { ViteUserConfig } from "vitest/config"

const root = path.dirname(fileURLToPath(import.meta.url))
// the edition's own packages, and the protocol and test machinery both editions share
const shared = new Set(["protocol", "test-support"])
const pkg = (name: string) => path.join(root, ...(shared.has(name) ? ["..", "packages"] : ["packages"]), name, "src")

// Tests import the packages by name; resolve them to source so no build is needed first.
export const sharedConfig: ViteUserConfig = {
  resolve: {
    alias: [
      ...["protocol", "core", "http", "node", "testkit", "web", "test-support"].flatMap((name) => [
        { find: new RegExp(`^@cognito-feedback/${name}$`), replacement: path.join(pkg(name), "index.ts") },
        { find: new RegExp(`^@cognito-feedback/${name}/(.*)$`), replacement: path.join(pkg(name), "$1.ts") }
      ])
    ]
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/test/load/**", "**/node_modules/**"]
  }
}
