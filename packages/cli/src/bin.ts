#!/usr/bin/env node
/**
 * The `cognito-feedback` executable.
 *
 * @since 0.1.0
 */
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import * as Cli from "./Cli.js"

// a closed pipe (`cognito-feedback emulator | head -1`) is not worth a stack trace
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {})

Cli.run(process.argv, { color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined }).pipe(
  Effect.provide(NodeContext.layer),
  // `run` prints every error itself and returns the exit code
  NodeRuntime.runMain({ disableErrorReporting: true, disablePrettyLogger: true, teardown: Cli.teardown })
)
