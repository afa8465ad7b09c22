/**
 * What the commands that serve until interrupted (`emulator`, `serve-feedback-page`) share: the
 * `--host` and `--port` options, and the run itself.
 */
import * as Options from "@effect/cli/Options"
import type { ServeError } from "@effect/platform/HttpServerError"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as Predicate from "effect/Predicate"
import type * as Scope from "effect/Scope"
import * as CliOutput from "../CliOutput.js"
import type { CommandFailed } from "../CommandFailure.js"
import { serveFailed } from "../CommandFailure.js"
import * as CommandSpec from "../CommandSpec.js"
import { withHelp } from "./descriptions.js"

/** `--host`: loopback unless told otherwise. */
export const host: Options.Options<string> = Options.text("host").pipe(
  withHelp("HOST", "The address to listen on."),
  CommandSpec.withDefault("127.0.0.1")
)

/** `--port`, with the command's own default. */
export const port = (defaultPort: number): Options.Options<number> =>
  Options.integer("port").pipe(
    withHelp("PORT", "The port to listen on; 0 picks a free one (read it from the first line)."),
    CommandSpec.withDefault(defaultPort)
  )

// by its tag, not `instanceof`: the emulator's ServeError comes from a module loaded on demand
const isServeError = (error: unknown): error is ServeError => Predicate.isTagged(error, "ServeError")

/**
 * Prints `listening on URL` (the first line, which scripts read the port from), then serves until
 * interrupted. A server that cannot start exits 1; any other failure of `layer` (a seed, an
 * endpoint) is the user's input, reported by `invalid`.
 */
export const serveUntilInterrupted = <E, ROut>(
  server: Effect.Effect<string, ServeError, ROut | Scope.Scope>,
  layer: Layer.Layer<ROut, E | ServeError>,
  invalid: (error: E) => CommandFailed
): Effect.Effect<never, CommandFailed> =>
  Effect.flatMap(server, (url) => Effect.zipRight(CliOutput.printOut(CliOutput.formatListening(url)), Effect.never))
    .pipe(
      Effect.scoped,
      Effect.provide(layer),
      Effect.mapError((error) => isServeError(error) ? serveFailed(error) : invalid(error))
    )
