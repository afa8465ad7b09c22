/**
 * The retry quota against the AWS SDK for JavaScript v3's own `StandardRetryStrategy` (its retry
 * tokens, as the Cognito client installs it) over many sequences of calls, and its invariants over
 * many more: never negative, never above the capacity, refunds as the SDK gives them.
 */
import { createRequire } from "node:module"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import * as Retry from "../src/Retry.js"
import * as RetryQuota from "../src/RetryQuota.js"

interface SdkRetryToken {
  readonly getRetryCost: () => number | undefined
}

interface SdkStrategy {
  readonly acquireInitialRetryToken: (scope: string) => Promise<SdkRetryToken>
  readonly refreshRetryTokenForRetry: (token: SdkRetryToken, errorInfo: { readonly errorType: string }) => Promise<
    SdkRetryToken
  >
  readonly recordSuccess: (token: SdkRetryToken) => void
  readonly getCapacity: () => number
}

const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-cognito-identity-provider"))
const sdk = sdkRequire("@smithy/core/retry") as {
  readonly StandardRetryStrategy: new(maxAttempts: number) => SdkStrategy
  readonly INITIAL_RETRY_TOKENS: number
}

/** A seeded generator (mulberry32), so every run checks the same many inputs. */
const randoms = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const classes = ["throttling", "transient"] as const

describe("against the SDK's StandardRetryStrategy", () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it("starts full and charges, refuses and refunds as the SDK does, call after call", async () => {
    expect(RetryQuota.make().available).toBe(sdk.INITIAL_RETRY_TOKENS)
    const random = randoms(500)
    for (let run = 0; run < 8; run++) {
      const strategy = new sdk.StandardRetryStrategy(1000)
      let quota = RetryQuota.make()
      const trace: Array<string> = []
      for (let call = 0; call < 150; call++) {
        // phases of failing calls drain the quota to refusals, phases of successes refill it
        const failing = Math.floor(call / 25) % 2 === 0
        const failures = Math.floor(random() * (failing ? 6 : 3))
        const succeeds = random() < (failing ? 0.2 : 0.9)
        let token = await strategy.acquireInitialRetryToken("")
        let lastCost: number | undefined = undefined
        let refused = false
        for (let f = 0; f < failures && !refused; f++) {
          const retryClass = classes[Math.floor(random() * 2)] ?? "transient"
          const taken = RetryQuota.takeFor(quota, retryClass)
          const refreshed = strategy.refreshRetryTokenForRetry(token, {
            errorType: retryClass === "throttling" ? "THROTTLING" : "TRANSIENT"
          }).then((next) => ({ next }), () => undefined)
          await vi.runAllTimersAsync()
          const sdkResult = await refreshed
          expect([call, f, taken._tag]).toEqual([call, f, sdkResult === undefined ? "Refused" : "Taken"])
          quota = taken.quota
          if (sdkResult === undefined) refused = true
          else {
            token = sdkResult.next
            lastCost = taken.cost
            expect(token.getRetryCost()).toBe(lastCost)
          }
        }
        if (succeeds && !refused) {
          strategy.recordSuccess(token)
          quota = RetryQuota.recordSuccess(quota, lastCost)
        }
        trace.push(`${failures}${refused ? "R" : ""}${succeeds ? "S" : ""}`)
        expect([call, quota.available]).toEqual([call, strategy.getCapacity()])
      }
      // each run reached both ends: refusals and a refill
      expect(trace.some((step) => step.includes("R"))).toBe(true)
      expect(quota.available).toBeGreaterThan(0)
    }
  })
})

describe("invariants", () => {
  it("stays within [0, capacity] and takes, refuses and refunds exactly", () => {
    const random = randoms(14)
    // many steps: broken expectations are collected and compared once
    const broken: Array<unknown> = []
    const check = (holds: boolean, what: string, context: unknown) => {
      if (!holds && broken.length < 20) broken.push({ what, context })
    }
    for (let run = 0; run < 300; run++) {
      const options: RetryQuota.RetryQuotaOptions = {
        ...Retry.constants.quota,
        capacity: Math.floor(random() * 600)
      }
      let quota = RetryQuota.make(options)
      check(quota.available === options.capacity, "starts full", options)
      for (let step = 0; step < 200; step++) {
        const before = quota
        const availableBefore = before.available
        const choice = random()
        const context = { run, step, options, availableBefore, choice }
        if (choice < 0.5) {
          const cost = choice < 0.25
            ? RetryQuota.retryCost(options, classes[Math.floor(random() * 2)] ?? "none")
            : Math.floor(random() * 30)
          const result = RetryQuota.take(quota, cost)
          check(result.cost === cost, "reports the cost", context)
          if (availableBefore >= cost) {
            check(result._tag === "Taken" && result.quota.available === availableBefore - cost, "takes", context)
          } else {
            check(result._tag === "Refused" && result.quota === before, "refuses, unchanged", context)
          }
          quota = result.quota
        } else if (choice < 0.8) {
          const lastCost = random() < 0.3
            ? undefined
            : RetryQuota.retryCost(options, random() < 0.5 ? "throttling" : "none")
          quota = RetryQuota.recordSuccess(quota, lastCost)
          check(quota.available === Math.min(options.capacity, availableBefore + (lastCost ?? 1)), "refunds", context)
        } else {
          const amount = Math.floor(random() * 40)
          quota = RetryQuota.release(quota, amount)
          check(quota.available === Math.min(options.capacity, availableBefore + amount), "releases", context)
        }
        // transitions make new values and leave the old one as it was
        check(before.available === availableBefore && before.options === options, "old value unchanged", context)
        check(quota.available >= 0 && quota.available <= options.capacity, "within [0, capacity]", context)
        check(quota.options === options, "keeps its options", context)
      }
    }
    expect(broken).toEqual([])
  })

  it("costs 5 after throttling and 14 otherwise; a success with no retry gives 1 back", () => {
    expect(RetryQuota.retryCost(RetryQuota.defaults, "throttling")).toBe(5)
    expect(RetryQuota.retryCost(RetryQuota.defaults, "transient")).toBe(14)
    expect(RetryQuota.retryCost(RetryQuota.defaults, "none")).toBe(14)
    expect(RetryQuota.refund(RetryQuota.defaults, undefined)).toBe(1)
    expect(RetryQuota.refund(RetryQuota.defaults, 14)).toBe(14)
    const spent = RetryQuota.make({ ...RetryQuota.defaults, capacity: 13 })
    expect(RetryQuota.takeFor(spent, "transient")._tag).toBe("Refused")
    const taken = RetryQuota.takeFor(spent, "throttling")
    expect(taken._tag === "Taken" && taken.quota.available).toBe(8)
    expect(RetryQuota.recordSuccess(RetryQuota.make(), undefined).available).toBe(500)
  })

  it("the token-level steps agree with the value-level transitions", () => {
    const random = randoms(3)
    for (let i = 0; i < 5000; i++) {
      const available = Math.floor(random() * 520)
      const amount = Math.floor(random() * 30)
      const quota: RetryQuota.RetryQuota = { options: RetryQuota.defaults, available }
      expect(RetryQuota.hasTokens(available, amount)).toBe(RetryQuota.take(quota, amount)._tag === "Taken")
      expect(RetryQuota.refilled(RetryQuota.defaults, available, amount)).toBe(
        RetryQuota.release(quota, amount).available
      )
    }
  })
})
