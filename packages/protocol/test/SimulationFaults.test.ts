/**
 * Injected faults as values: counts, the token bucket's timing, and the order (throttling before
 * failures), with times and results written out.
 */
import { describe, expect, it } from "vitest"
import * as SimulationFaults from "../src/SimulationFaults.js"

/** Takes a fault for each time in `times`, giving each call's answer. */
const run = (faults: SimulationFaults.Faults, times: ReadonlyArray<number>) => {
  const answers: Array<string> = []
  let current = faults
  for (const now of times) {
    const taken = SimulationFaults.take(current, now)
    answers.push(taken.fault === undefined ? "ok" : taken.fault.code)
    current = taken.faults
  }
  return { answers, faults: current }
}

describe("SimulationFaults", () => {
  it("none lets every call through", () => {
    expect(run(SimulationFaults.none, [0, 0, 0]).answers).toEqual(["ok", "ok", "ok"])
  })

  it("throttleNext: the next n calls, with the live service's message", () => {
    const faults = SimulationFaults.throttleNext(SimulationFaults.none, 2)
    expect(SimulationFaults.take(faults, 0).fault).toEqual({
      _tag: "Failure",
      code: "TooManyRequestsException",
      message: "Rate exceeded"
    })
    expect(run(faults, [0, 0, 0]).answers).toEqual(["TooManyRequestsException", "TooManyRequestsException", "ok"])
  })

  it("failNext: InternalErrorException by default, or OperationNotEnabledException", () => {
    expect(run(SimulationFaults.failNext(SimulationFaults.none, 1), [0, 0]).answers).toEqual([
      "InternalErrorException",
      "ok"
    ])
    const notEnabled = SimulationFaults.failNext(SimulationFaults.none, 1, "OperationNotEnabledException")
    expect(SimulationFaults.take(notEnabled, 0).fault?.message).toBe(
      "This operation is not enabled for this user pool."
    )
  })

  it("counts from any number: negatives and NaN are none, fractions round down", () => {
    for (const [n, throttled] of [[-1, 0], [Number.NaN, 0], [2.9, 2], [0, 0]] as const) {
      const { answers } = run(SimulationFaults.throttleNext(SimulationFaults.none, n), [0, 0, 0])
      expect([n, answers.filter((a) => a !== "ok").length]).toEqual([n, throttled])
    }
  })

  it("throttling comes before an injected failure, which waits for its turn", () => {
    const faults = SimulationFaults.failNext(SimulationFaults.throttleNext(SimulationFaults.none, 1), 1)
    expect(run(faults, [0, 0, 0]).answers).toEqual(["TooManyRequestsException", "InternalErrorException", "ok"])
  })

  it("throttleAbove: a burst, then one call per 1/rate seconds; a long pause refills to the burst only", () => {
    const faults = SimulationFaults.throttleAbove(SimulationFaults.none, 2, 3, 0)
    const start = run(faults, [0, 0, 0, 0, 499, 500, 500])
    expect(start.answers).toEqual([
      "ok",
      "ok",
      "ok",
      "TooManyRequestsException",
      "TooManyRequestsException",
      "ok",
      "TooManyRequestsException"
    ])
    expect(run(start.faults, [60_500, 60_500, 60_500, 60_500]).answers).toEqual([
      "ok",
      "ok",
      "ok",
      "TooManyRequestsException"
    ])
  })

  it("throttleAbove: the burst defaults to one second's worth, at least one", () => {
    const five = run(SimulationFaults.throttleAbove(SimulationFaults.none, 5, undefined, 0), [0, 0, 0, 0, 0, 0, 200])
    expect(five.answers).toEqual(["ok", "ok", "ok", "ok", "ok", "TooManyRequestsException", "ok"])
    const slow = run(SimulationFaults.throttleAbove(SimulationFaults.none, 0.5, undefined, 0), [0, 0, 1999, 2000])
    expect(slow.answers).toEqual(["ok", "TooManyRequestsException", "TooManyRequestsException", "ok"])
  })
})
