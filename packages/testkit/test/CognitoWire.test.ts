// The wire suite, run through the Effect 3 `CognitoWire.handle` over its simulator. The cases are
// `@cognito-feedback/test-support/testkitWireCases`, the suite `testkitWireSuite`, shared with the
// Effect 4 edition.
import { world } from "@cognito-feedback/test-support/testkitWireCases"
import type { WireDriver } from "@cognito-feedback/test-support/testkitWireSuite"
import { testkitWireSuite } from "@cognito-feedback/test-support/testkitWireSuite"
import { describe, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import * as CognitoSimulator from "../src/CognitoSimulator.js"
import * as CognitoWire from "../src/CognitoWire.js"

const driver: WireDriver = {
  simulator: async () => {
    const simulator = await Effect.runPromise(CognitoSimulator.make({ seed: world }))
    const send = CognitoWire.handle(simulator)
    return {
      send: (request) => Effect.runPromise(send(request)),
      feedbackOf: async (userPoolId, username, eventId) =>
        Option.getOrUndefined(await Effect.runPromise(simulator.feedbackOf(userPoolId, username, eventId))),
      calls: () => Effect.runPromise(simulator.calls),
      throttleNext: (n) => Effect.runPromise(simulator.throttleNext(n)),
      failNext: (n, error) => Effect.runPromise(simulator.failNext(n, error))
    }
  },
  unknownOperation: CognitoWire.unknownOperation
}

testkitWireSuite({ describe, it }, driver)
