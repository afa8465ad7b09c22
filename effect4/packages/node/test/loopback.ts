/**
 * The Effect-free servers of `@cognito-feedback/test-support`, each closed by the scope.
 */
import * as Loopback from "@cognito-feedback/test-support/loopback"
import * as ResponseFuzz from "@cognito-feedback/test-support/responseFuzz"
import { Effect } from "effect"
import type * as http from "node:http"

/** `Loopback.loopbackServer`, closed by the scope. */
export const loopbackServer = (handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) =>
  Effect.acquireRelease(
    Effect.promise(() => Loopback.loopbackServer(handle)),
    (server) => Effect.promise(server.close)
  )

/** `ResponseFuzz.rawServer`, closed by the scope. */
export const rawServer = (current: () => ResponseFuzz.RawReply) =>
  Effect.acquireRelease(
    Effect.promise(() => ResponseFuzz.rawServer(current)),
    (server) => Effect.promise(server.close)
  )

/** A port that was just free: nothing listens on it. */
export const closedPort = Effect.promise(Loopback.closedPort)
