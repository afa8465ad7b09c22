/**
 * The retry classification, delays and constants against the AWS SDK for JavaScript v3 itself
 * (`@smithy/core/retry`, as the Cognito client installs it): its code and status lists, its
 * classifier, its November 2026 constants (`Retry`) and its `StandardRetryStrategy`'s delays, not
 * this package's own data.
 */
import { createRequire } from "node:module"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import * as Retry from "../src/Retry.js"
import * as ServiceError from "../src/ServiceError.js"

interface SdkError {
  readonly name: string
  readonly message: string
  readonly $metadata: { readonly httpStatusCode: number }
}

interface SdkRetryToken {
  readonly getRetryCount: () => number
  readonly getRetryCost: () => number | undefined
  readonly isLongPoll: () => boolean
  readonly $retryLog?: { readonly acquisitionDelay: number }
}

interface SdkRetry {
  readonly isThrottlingError: (error: unknown) => boolean
  readonly isTransientError: (error: unknown) => boolean
  readonly DEFAULT_MAX_ATTEMPTS: number
  readonly INITIAL_RETRY_TOKENS: number
  readonly MAXIMUM_RETRY_DELAY: number
  readonly NO_RETRY_INCREMENT: number
  readonly RETRY_COST: number
  readonly TIMEOUT_RETRY_COST: number
  readonly DEFAULT_RETRY_DELAY_BASE: number
  readonly THROTTLING_RETRY_DELAY_BASE: number
  readonly Retry: {
    readonly v2026: boolean
    readonly delay: () => number
    readonly throttlingDelay: () => number
    readonly cost: () => number
    readonly throttlingCost: () => number
    readonly modifiedCostType: () => string
  }
  readonly StandardRetryStrategy: new(maxAttempts: number) => {
    readonly refreshRetryTokenForRetry: (
      token: SdkRetryToken,
      errorInfo: { readonly errorType: string; readonly retryAfterHint?: Date }
    ) => Promise<SdkRetryToken>
  }
}

interface SdkLists {
  readonly THROTTLING_ERROR_CODES: ReadonlyArray<string>
  readonly TRANSIENT_ERROR_CODES: ReadonlyArray<string>
  readonly TRANSIENT_ERROR_STATUS_CODES: ReadonlyArray<number>
}

const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-cognito-identity-provider"))
const sdk = sdkRequire("@smithy/core/retry") as SdkRetry
// The lists are not exported: they are read from the module the SDK's classifier is built from
// (checked below to be what `isThrottlingError` and `isTransientError` answer by).
const smithyCore = path.dirname(sdkRequire.resolve("@smithy/core/package.json"))
const sdkLists = (await import(
  pathToFileURL(path.join(smithyCore, "dist-es/submodules/retry/service-error-classification/constants.js")).href
)) as SdkLists

/** A seeded generator (mulberry32), so every run checks the same many inputs. */
const randoms = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <A>(random: () => number, values: ReadonlyArray<A>): A => values[Math.floor(random() * values.length)] as A

const sdkError = (status: number, code: string | undefined): SdkError => ({
  name: code ?? "Error",
  message: "m",
  $metadata: { httpStatusCode: status }
})

/** The SDK's own decision (`getRetryErrorType`, of which only throttling and transient are retried). */
const sdkClass = (status: number, code: string | undefined): Retry.RetryClass => {
  const error = sdkError(status, code)
  return sdk.isThrottlingError(error) ? "throttling" : sdk.isTransientError(error) ? "transient" : "none"
}

const sorted = <A extends string | number>(values: ReadonlyArray<A>) => [...values].sort()

describe("classification", () => {
  it("has the SDK's throttling and transient codes and statuses, no more, no less", () => {
    expect(sorted(Retry.throttlingErrorCodes)).toEqual(sorted(sdkLists.THROTTLING_ERROR_CODES))
    expect(sorted(Retry.transientErrorCodes)).toEqual(sorted(sdkLists.TRANSIENT_ERROR_CODES))
    expect(sorted(Retry.transientStatusCodes)).toEqual(sorted(sdkLists.TRANSIENT_ERROR_STATUS_CODES))
  })

  it("the SDK's lists are what its classifier answers by", () => {
    for (const code of sdkLists.THROTTLING_ERROR_CODES) {
      expect([code, sdkClass(400, code)]).toEqual([code, "throttling"])
    }
    for (const code of sdkLists.TRANSIENT_ERROR_CODES) expect([code, sdkClass(400, code)]).toEqual([code, "transient"])
    for (const status of sdkLists.TRANSIENT_ERROR_STATUS_CODES) expect(sdkClass(status, undefined)).toBe("transient")
    expect(sdkClass(Retry.throttlingStatusCode, undefined)).toBe("throttling")
  })

  it("classifies every code and status as the SDK does", () => {
    const random = randoms(21)
    const codes = [
      undefined,
      ...sdkLists.THROTTLING_ERROR_CODES,
      ...sdkLists.TRANSIENT_ERROR_CODES,
      ...ServiceError.serviceErrorCodes,
      "ThrottlingExceptionX",
      "throttling",
      "",
      "Timeout"
    ]
    const transientCodes = new Set(sdkLists.TRANSIENT_ERROR_CODES)
    const differences: Array<unknown> = []
    const check = (status: number, code: string | undefined, expected: Retry.RetryClass) => {
      const actual = Retry.classifyResponse(status, code)
      if (actual !== expected) differences.push({ status, code, actual, expected })
    }
    for (let status = 0; status < 1000; status++) {
      for (const code of codes) {
        // the one difference, kept on purpose: here a known code wins over the status, where the
        // SDK's throttling check (status 429) comes first
        const kept = status === 429 && code !== undefined && transientCodes.has(code)
        check(status, code, kept ? "transient" : sdkClass(status, code))
      }
    }
    for (let i = 0; i < 5000; i++) {
      const code = Array.from({ length: Math.floor(random() * 12) }, () => pick(random, [..."AEINRSTeilnorst"])).join(
        ""
      )
      const status = Math.floor(random() * 1000)
      check(status, code, sdkClass(status, code))
    }
    expect(differences).toEqual([])
  })

  it("a code alone and a status alone say what the SDK's lists say", () => {
    for (const code of sdkLists.THROTTLING_ERROR_CODES) expect(Retry.classifyCode(code)).toBe("throttling")
    for (const code of sdkLists.TRANSIENT_ERROR_CODES) expect(Retry.classifyCode(code)).toBe("transient")
    for (const code of ["InternalErrorException", "NotAuthorizedException", "", "toString"]) {
      expect(Retry.classifyCode(code)).toBeUndefined()
    }
    for (let status = 0; status < 1000; status++) {
      expect([status, Retry.classifyStatus(status)]).toEqual([status, sdkClass(status, undefined)])
    }
  })

  it("classifies each service exception as the SDK classifies it with the status the service sends", () => {
    for (const code of ServiceError.serviceErrorCodes) {
      const status = code === "InternalErrorException" ? 500 : code === "TooManyRequestsException" ? 429 : 400
      expect([code, Retry.classifyServiceError(code)]).toEqual([code, sdkClass(status, code)])
    }
  })
})

describe("constants", () => {
  it("are the SDK's November 2026 values", () => {
    expect(sdk.Retry.v2026).toBe(true)
    expect(Retry.constants.maxAttempts).toBe(sdk.DEFAULT_MAX_ATTEMPTS)
    expect(Retry.constants.throttlingBaseDelayMillis).toBe(sdk.Retry.throttlingDelay())
    expect(Retry.constants.transientBaseDelayMillis).toBe(sdk.Retry.delay())
    expect(Retry.constants.maxBackoffMillis).toBe(sdk.MAXIMUM_RETRY_DELAY)
    expect(Retry.constants.quota.capacity).toBe(sdk.INITIAL_RETRY_TOKENS)
    expect(Retry.constants.quota.noRetryIncrement).toBe(sdk.NO_RETRY_INCREMENT)
    expect(sdk.Retry.modifiedCostType()).toBe("THROTTLING")
    expect(Retry.constants.quota.throttlingCost).toBe(sdk.Retry.throttlingCost())
    expect(Retry.constants.quota.retryCost).toBe(sdk.Retry.cost())
  })

  it("are not the SDK's older constants, which November 2026 replaced", () => {
    // before: 100 ms and 500 ms bases, 5 for any retry and 10 for a timeout
    expect(Retry.constants.transientBaseDelayMillis).not.toBe(sdk.DEFAULT_RETRY_DELAY_BASE)
    expect(Retry.constants.throttlingBaseDelayMillis).not.toBe(sdk.THROTTLING_RETRY_DELAY_BASE)
    expect(Retry.constants.quota.throttlingCost).toBe(sdk.RETRY_COST)
    expect(Retry.constants.quota.retryCost).not.toBe(sdk.TIMEOUT_RETRY_COST)
  })
})

describe("delays", () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  /** The delay the SDK's `StandardRetryStrategy` sleeps before retry `retryIndex + 1`. */
  const sdkDelay = async (
    retryClass: "throttling" | "transient",
    retryIndex: number,
    random: number,
    retryAfterMillis: number | undefined
  ): Promise<number> => {
    vi.spyOn(Math, "random").mockReturnValue(random)
    const strategy = new sdk.StandardRetryStrategy(100)
    const token: SdkRetryToken = {
      getRetryCount: () => retryIndex,
      getRetryCost: () => undefined,
      isLongPoll: () => false
    }
    const errorType = retryClass === "throttling" ? "THROTTLING" : "TRANSIENT"
    const refreshed = strategy.refreshRetryTokenForRetry(
      token,
      retryAfterMillis === undefined
        ? { errorType }
        : { errorType, retryAfterHint: new Date(Date.now() + retryAfterMillis) }
    )
    await vi.runAllTimersAsync()
    const next = await refreshed
    vi.restoreAllMocks()
    return next.$retryLog?.acquisitionDelay ?? Number.NaN
  }

  it("are the SDK's, which rounds down to the millisecond", async () => {
    const random = randoms(2026)
    const edges = [0, 0.5, 1 - Number.EPSILON]
    for (let i = 0; i < 400; i++) {
      const retryClass = pick(random, ["throttling", "transient"] as const)
      const retryIndex = Math.floor(random() * 12)
      const r = i < edges.length ? (edges[i] as number) : random()
      const hint = random() < 0.5 ? undefined : Math.floor(random() * 30_000)
      const ours = Math.floor(Retry.retryDelay(Retry.constants, retryClass, retryIndex, r, hint))
      expect([retryClass, retryIndex, r, hint, ours]).toEqual([
        retryClass,
        retryIndex,
        r,
        hint,
        await sdkDelay(retryClass, retryIndex, r, hint)
      ])
    }
  })

  it("backoff doubles from the class's base up to 20 s", () => {
    const ms = (retryClass: Retry.RetryClass, i: number) => Retry.backoff(Retry.constants, retryClass, i)
    expect([0, 1, 2, 3, 4, 5, 40, 2000].map((i) => ms("throttling", i))).toEqual([
      1000,
      2000,
      4000,
      8000,
      16000,
      20000,
      20000,
      20000
    ])
    expect([0, 1, 2, 8, 9].map((i) => ms("transient", i))).toEqual([50, 100, 200, 12800, 20000])
    expect(ms("none", 0)).toBe(50)
  })

  it("a jittered delay lies in [0, backoff], grows with the random number, and a hint raises it by at most 5 s", () => {
    const random = randoms(7)
    // many inputs: broken expectations are collected and compared once
    const broken: Array<unknown> = []
    const check = (holds: boolean, what: string, context: unknown) => {
      if (!holds && broken.length < 20) broken.push({ what, context })
    }
    for (let i = 0; i < 50_000; i++) {
      const retryClass = pick(random, ["throttling", "transient"] as const)
      const retryIndex = Math.floor(random() * 70) - 2
      const r = random()
      const hint = random() * 60_000
      const context = { retryClass, retryIndex, r, hint }
      const bound = Retry.backoff(Retry.constants, retryClass, retryIndex)
      const base = retryClass === "throttling" ? 1000 : 50
      check(bound === Math.min(base * 2 ** Math.max(0, retryIndex), 20_000), "backoff", context)
      const jittered = Retry.retryDelay(Retry.constants, retryClass, retryIndex, r)
      check(jittered >= 0 && jittered <= bound && jittered === r * bound, "full jitter", context)
      const hinted = Retry.retryDelay(Retry.constants, retryClass, retryIndex, r, hint)
      check(hinted >= jittered && hinted <= jittered + 5000, "a hint raises by at most 5 s", context)
      check(hinted >= Math.min(hint, jittered + 5000), "a hint is followed up to the cap", context)
      const other = random()
      const [low, high] = r <= other ? [r, other] : [other, r]
      check(
        Retry.retryDelay(Retry.constants, retryClass, retryIndex, low) <=
          Retry.retryDelay(Retry.constants, retryClass, retryIndex, high),
        "grows with the random number",
        context
      )
    }
    expect(broken).toEqual([])
  })

  it("clamps a random number outside [0, 1]", () => {
    expect(Retry.retryDelay(Retry.constants, "throttling", 0, -1)).toBe(0)
    expect(Retry.retryDelay(Retry.constants, "throttling", 0, 2)).toBe(1000)
  })
})
