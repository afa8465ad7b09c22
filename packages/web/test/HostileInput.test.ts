// Property tests: no query string or form body, however hostile, gives a defect, a 5xx, a
// character the page did not escape, or the token or username anywhere in the response (but the
// question's hidden fields), the logs or the spans. The properties and examples are the shared
// `@cognito-feedback/test-support/pageHostile`; this runs them through the Effect 3 page.
import { hostileExamples, hostileProperties } from "@cognito-feedback/test-support/pageHostile"
import { AuthEventFeedbackTest, SimulatorSeed } from "@cognito-feedback/testkit"
import { describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { makePage } from "./support.js"

const Memory = AuthEventFeedbackTest.layerMemory({ seed: SimulatorSeed.sampleSeed })

const sendAll = (requests: ReadonlyArray<Request>, pageOptions?: Parameters<typeof makePage>[0]) =>
  Effect.gen(function*() {
    const { recorded, send } = yield* makePage(pageOptions)
    const answers = []
    for (const request of requests) answers.push(yield* send(request))
    return { answers, recorded }
  })

describe("hostile input", () => {
  for (const property of hostileProperties) {
    it.effect.prop(
      property.name,
      [property.arbitrary],
      ([value]) =>
        Effect.gen(function*() {
          const { answers, recorded } = yield* sendAll(property.requests(value), property.pageOptions)
          property.check(value, answers, recorded)
        }).pipe(Effect.provide(Memory)),
      { fastCheck: { numRuns: property.runs } }
    )
  }

  for (const example of hostileExamples) {
    it.effect(example.name, () =>
      Effect.gen(function*() {
        const { answers, recorded } = yield* sendAll(example.requests())
        example.check(answers, recorded)
      }).pipe(Effect.provide(Memory)))
  }
})
