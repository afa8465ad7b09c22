#!/usr/bin/env node
/**
 * `pnpm demo`: the walkthrough against an in-process emulator. Exits 0 when every step turned out
 * as the report says, 1 otherwise. On a terminal it ends by serving the feedback page until Ctrl-C;
 * otherwise (CI, scripts) it tries the page itself and exits.
 *
 * @since 0.1.0
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Walkthrough from "./Walkthrough.js"

// a closed pipe (`pnpm demo | head`) is not worth a stack trace
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {})

Walkthrough.run(NodeHttpClient.layerUndici, { interactive: process.stdin.isTTY === true }).pipe(
  Effect.tapError((error) => Console.error(`demo failed: ${error.message}`)),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
