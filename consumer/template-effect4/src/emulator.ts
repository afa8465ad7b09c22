// The Effect 4 testkit's emulator as its own process: prints `listening on URL`, serves until stopped.
import { SimulatorSeed } from "@cognito-feedback/testkit"
import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
import { Effect, Layer } from "effect"

Effect.gen(function*() {
  const emulator = yield* CognitoEmulator.CognitoEmulator
  console.log(`listening on ${emulator.url}`)
  return yield* Effect.never
}).pipe(
  Effect.provide(CognitoEmulator.layerWithSimulator({ seed: SimulatorSeed.sampleSeed }).pipe(Layer.orDie)),
  Effect.runPromise
).catch((error: unknown) => {
  console.error(String(error))
  process.exitCode = 1
})
