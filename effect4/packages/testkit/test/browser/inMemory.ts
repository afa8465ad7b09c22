// The entry InMemoryInBrowser.test.ts bundles for the browser platform and runs in a bare
// JavaScript realm: the testkit's main entry, its in-memory layers, the live client over the
// simulator's HttpClient, and the arbitraries. Its result is left on `globalThis.result`.
import * as AuthEventFeedback from "@cognito-feedback/core/AuthEventFeedback"
import { NotAuthorizedException } from "@cognito-feedback/core/CognitoError"
import * as AuthEventFeedbackHttp from "@cognito-feedback/http/AuthEventFeedbackHttp"
import { Arbitrary, Effect, Layer, Option } from "effect"
import {
  AuthEventFeedbackTest,
  CognitoArbitrary,
  CognitoSimulator,
  SimulatorHttpClient,
  SimulatorSeed
} from "../../src/index.js"

const request = {
  UserPoolId: "us-east-1_Example1",
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
} as const

const recorded = Effect.gen(function*() {
  yield* AuthEventFeedback.update(request)
  const simulator = yield* CognitoSimulator.CognitoSimulator
  const feedback = yield* simulator.feedbackOf(request.UserPoolId, request.Username, request.EventId)
  return Option.map(feedback, (f) => f.FeedbackValue).pipe(Option.getOrElse(() => "none"))
})

const program = Effect.all({
  memory: recorded.pipe(Effect.provide(AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed }))),
  overHttp: recorded.pipe(
    Effect.provide(
      AuthEventFeedbackHttp.layer({ region: "us-east-1" }).pipe(
        Layer.provideMerge(SimulatorHttpClient.layer),
        Layer.provideMerge(CognitoSimulator.layer({ seed: SimulatorSeed.sampleSeed }))
      )
    )
  ),
  scripted: AuthEventFeedback.update(request).pipe(
    Effect.flip,
    Effect.map((error) => error._tag),
    Effect.provide(AuthEventFeedbackTest.layerScripted([
      AuthEventFeedbackTest.failure(new NotAuthorizedException({ message: "Invalid token" }))
    ]))
  ),
  sampled: Effect.map(Arbitrary.sampleEffect(CognitoArbitrary.validInput, { count: 5, seed: 1 }), (s) => s.length)
})

Object.assign(globalThis, { result: Effect.runPromise(program) })
