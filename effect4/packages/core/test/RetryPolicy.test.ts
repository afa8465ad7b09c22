import {
  anyStatus,
  backoffCases,
  defaultBackoffMillis,
  gaps as gapsOf,
  jitterInputs,
  loadSdkRetryLists,
  retryableTransportReasons,
  retryAfterCases,
  unexpectedResponseClasses
} from "@cognito-feedback/test-support/coreCases"
import { assert, describe, it } from "@effect/vitest"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Random from "effect/Random"
import * as Ref from "effect/Ref"
import * as Result from "effect/Result"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as TestClock from "effect/testing/TestClock"
import * as fc from "fast-check"
import type { UpdateAuthEventFeedbackError } from "../src/CognitoError.js"
import {
  InternalErrorException,
  InvalidParameterException,
  NotAuthorizedException,
  OperationNotEnabledException,
  ResourceNotFoundException,
  TooManyRequestsException,
  TransportError,
  UnexpectedResponseError,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException
} from "../src/CognitoError.js"
import * as RetryPolicy from "../src/RetryPolicy.js"

// The AWS SDK's own lists, the oracle for the classification (not this package's lists): the
// protocol's tests check that they are what it uses.
const sdkLists = await loadSdkRetryLists()

const tooMany = new TooManyRequestsException({ message: "Rate exceeded", requestId: "r-1" })
const internal = new InternalErrorException({ message: "Internal error" })
const notAuthorized = new NotAuthorizedException({ message: "Invalid token" })
const nonRetryable: ReadonlyArray<UpdateAuthEventFeedbackError> = [
  new InvalidParameterException({ message: "bad", reasonCode: "X" }),
  new ResourceNotFoundException({ message: "no pool" }),
  notAuthorized,
  new UserNotFoundException({ message: "no user" }),
  new UserPoolAddOnNotEnabledException({ message: "off" }),
  new OperationNotEnabledException({ message: "replica" }),
  new TransportError({ reason: "NotSent", message: "not sent" })
]
const transportReasons = retryableTransportReasons
const unexpected = (status: number, code?: string) => new UnexpectedResponseError({ status, code, message: "?" })

/** `Random.fixed([value])` of Effect 3: every draw is `value`. */
const withRandom = (value: number) =>
  Effect.provideService(Random.Random, { nextDoubleUnsafe: () => value, nextIntUnsafe: () => 0 })

interface AttemptRecord {
  readonly attempt: number
  readonly at: number
}

/** An attempt function whose n-th call (1-based) does `outcome(n)`, with the log of its calls. */
const scripted = <A>(outcome: (attempt: number) => Effect.Effect<A, RetryPolicy.AttemptFailure>) =>
  Effect.map(Ref.make<ReadonlyArray<AttemptRecord>>([]), (log) => ({
    log: Ref.get(log),
    count: Effect.map(Ref.get(log), (records) => records.length),
    attempt: (context: RetryPolicy.AttemptContext) =>
      Effect.flatMap(
        Clock.currentTimeMillis,
        (at) =>
          Ref.update(log, (records) => [...records, { attempt: context.attempt, at }]).pipe(
            Effect.andThen(outcome(context.attempt))
          )
      )
  }))

const failWith = (error: UpdateAuthEventFeedbackError, retryAfter?: Duration.Duration) =>
  Effect.fail<RetryPolicy.AttemptFailure>({ error, retryAfter })

const always = (error: UpdateAuthEventFeedbackError) => () => failWith(error)

/** Fails with `error` until attempt `n`, which succeeds with "ok". */
const succeedOn = (n: number, error: UpdateAuthEventFeedbackError) => (attempt: number) =>
  attempt >= n ? Effect.succeed("ok") : failWith(error)

/** Runs `effect` in a fiber and lets the TestClock run far enough for every retry to happen. */
const settle = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    const fiber = yield* Effect.forkChild(effect)
    yield* TestClock.adjust(Duration.hours(1))
    return yield* Effect.result(Fiber.join(fiber))
  })

const assertFailure = <A, E>(result: Result.Result<A, E>, error: E, message?: string) => {
  assert.isTrue(Result.isFailure(result), message)
  if (Result.isFailure(result)) assert.strictEqual(result.failure, error, message)
}

const assertSuccess = <A, E>(result: Result.Result<A, E>, value: A, message?: string) => {
  assert.isTrue(Result.isSuccess(result), message)
  if (Result.isSuccess(result)) assert.deepStrictEqual(result.success, value, message)
}

const recordRetries = Effect.map(Ref.make<ReadonlyArray<RetryPolicy.RetryEvent>>([]), (ref) => ({
  events: Ref.get(ref),
  onRetry: (event: RetryPolicy.RetryEvent) => Ref.update(ref, (events) => [...events, event])
}))

const gaps = (records: ReadonlyArray<AttemptRecord>) => gapsOf(records.map((record) => record.at))

const serviceErrors: ReadonlyArray<UpdateAuthEventFeedbackError> = [
  tooMany,
  internal,
  ...nonRetryable,
  ...transportReasons.map((reason) => new TransportError({ reason, message: reason })),
  unexpected(503),
  unexpected(429),
  unexpected(400, "ThrottlingException"),
  unexpected(404)
]

describe("classify", () => {
  it("classifies every error tag", () => {
    const table: ReadonlyArray<readonly [UpdateAuthEventFeedbackError, RetryPolicy.RetryClass]> = [
      [tooMany, "throttling"],
      [internal, "transient"],
      ...nonRetryable.map((error) => [error, "none"] as const),
      ...transportReasons.map((reason) => [new TransportError({ reason, message: "x" }), "transient"] as const),
      ...unexpectedResponseClasses.map(([status, code, retryClass]) => [unexpected(status, code), retryClass] as const)
    ]
    for (const [error, expected] of table) {
      assert.strictEqual(RetryPolicy.classify(error), expected, `${error._tag} ${JSON.stringify(error)}`)
      assert.strictEqual(RetryPolicy.isRetryable(error), expected !== "none")
      assert.strictEqual(RetryPolicy.isThrottling(error), expected === "throttling")
    }
  })

  const unknownCode = fc.string().filter((code) =>
    !sdkLists.THROTTLING_ERROR_CODES.includes(code) && !sdkLists.TRANSIENT_ERROR_CODES.includes(code)
  )

  it("exports the AWS SDK's lists", () => {
    assert.deepStrictEqual([...RetryPolicy.throttlingErrorCodes].sort(), [...sdkLists.THROTTLING_ERROR_CODES].sort())
    assert.deepStrictEqual([...RetryPolicy.transientErrorCodes].sort(), [...sdkLists.TRANSIENT_ERROR_CODES].sort())
    assert.deepStrictEqual(
      [...RetryPolicy.transientStatusCodes].sort(),
      [...sdkLists.TRANSIENT_ERROR_STATUS_CODES].sort()
    )
  })

  it("classifies each of the AWS SDK's throttling codes as throttling, whatever the status", () => {
    for (const code of sdkLists.THROTTLING_ERROR_CODES) {
      for (const status of [200, 400, 404, 429, 500, 503]) {
        assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), "throttling", `${code} ${status}`)
      }
    }
  })

  it("a throttling code is throttling whatever the status", () => {
    fc.assert(fc.property(anyStatus, fc.constantFrom(...sdkLists.THROTTLING_ERROR_CODES), (status, code) => {
      assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), "throttling")
    }))
  })

  it("a transient code is transient whatever the status", () => {
    fc.assert(fc.property(anyStatus, fc.constantFrom(...sdkLists.TRANSIENT_ERROR_CODES), (status, code) => {
      assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), "transient")
    }))
  })

  it("without a known code the status decides", () => {
    fc.assert(fc.property(
      fc.oneof(anyStatus, fc.constantFrom(429, ...sdkLists.TRANSIENT_ERROR_STATUS_CODES)),
      fc.option(unknownCode, { nil: undefined }),
      (status, code) => {
        const expected = status === 429
          ? "throttling"
          : sdkLists.TRANSIENT_ERROR_STATUS_CODES.includes(status)
          ? "transient"
          : "none"
        assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), expected)
        assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), RetryPolicy.classify(unexpected(status)))
      }
    ))
  })
})

describe("policies", () => {
  it("defaults are the AWS standard mode with the November 2026 constants", () => {
    const policy = RetryPolicy.defaults
    assert.strictEqual(policy.mode, "standard")
    assert.strictEqual(policy.maxAttempts, 3)
    assert.strictEqual(Duration.toMillis(policy.throttlingBaseDelay), 1000)
    assert.strictEqual(Duration.toMillis(policy.transientBaseDelay), 50)
    assert.strictEqual(Duration.toMillis(policy.maxBackoff), 20_000)
    assert.strictEqual(Duration.toMillis(policy.maxRetryAfterExtra), 5_000)
    assert.deepStrictEqual(policy.quota, { capacity: 500, throttlingCost: 5, retryCost: 14, noRetryIncrement: 1 })
    assert.deepStrictEqual(RetryPolicy.quotaDefaults, policy.quota)
    assert.strictEqual(policy.schedule, undefined)
  })

  it("constructors take changes", () => {
    const policy = RetryPolicy.standard({ maxAttempts: 5, quota: { capacity: 10 }, maxBackoff: "2 seconds" })
    assert.strictEqual(policy.maxAttempts, 5)
    assert.deepStrictEqual(policy.quota, { capacity: 10, throttlingCost: 5, retryCost: 14, noRetryIncrement: 1 })
    assert.strictEqual(Duration.toMillis(policy.maxBackoff), 2000)
    assert.strictEqual(RetryPolicy.standard({ quota: false }).quota, undefined)
    const adaptive = RetryPolicy.adaptive({ rateLimiter: { beta: 0.5 } })
    assert.strictEqual(adaptive.mode, "adaptive")
    assert.deepStrictEqual(adaptive.rateLimiter, { ...RetryPolicy.rateLimiterDefaults, beta: 0.5 })
    assert.strictEqual(RetryPolicy.disabled.mode, "disabled")
    assert.strictEqual(RetryPolicy.disabled.maxAttempts, 1)
    assert.strictEqual(RetryPolicy.disabled.quota, undefined)
    const custom = RetryPolicy.fromSchedule(Schedule.recurs(2))
    assert.strictEqual(custom.mode, "custom")
    assert.strictEqual(custom.maxAttempts, Number.POSITIVE_INFINITY)
    assert.strictEqual(custom.quota, undefined)
    assert.deepStrictEqual(RetryPolicy.fromSchedule(Schedule.recurs(2), { quota: {} }).quota, RetryPolicy.quotaDefaults)
  })

  it("fromMode reads AWS_RETRY_MODE and AWS_MAX_ATTEMPTS", () => {
    assert.strictEqual(RetryPolicy.fromMode("adaptive").mode, "adaptive")
    assert.strictEqual(RetryPolicy.fromMode("adaptive").maxAttempts, 3)
    assert.strictEqual(RetryPolicy.fromMode("standard", 7).mode, "standard")
    assert.strictEqual(RetryPolicy.fromMode("standard", 7).maxAttempts, 7)
  })

  it("backoff doubles from the class's base up to 20 s", () => {
    for (const [retryClass, i, millis] of backoffCases) {
      assert.strictEqual(
        Duration.toMillis(RetryPolicy.backoff(RetryPolicy.defaults, retryClass, i)),
        millis,
        `${retryClass} ${i}`
      )
    }
  })

  it("a jittered delay stays within [0, backoff]", () => {
    fc.assert(fc.property(jitterInputs.retryClass, jitterInputs.retryIndex, jitterInputs.random, (
      retryClass,
      retryIndex,
      random
    ) => {
      const delay = Duration.toMillis(RetryPolicy.retryDelay(RetryPolicy.defaults, retryClass, retryIndex, random))
      const bound = defaultBackoffMillis(retryClass, retryIndex)
      assert.isAtLeast(delay, 0)
      assert.isAtMost(delay, bound)
      // durations keep fractions of a millisecond
      assert.closeTo(delay, random * bound, 1e-6)
    }))
  })

  it("a Retry-After hint raises the delay, capped at the jittered delay + 5 s", () => {
    for (const [hint, expected] of retryAfterCases) {
      const delay = RetryPolicy.retryDelay(RetryPolicy.defaults, "throttling", 0, 0.5, Duration.millis(hint))
      assert.strictEqual(Duration.toMillis(delay), expected, `hint ${hint}`)
    }
  })
})

describe("Retrier", () => {
  it.effect("retries throttling up to maxAttempts, then fails with the last error itself", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
      const script = yield* scripted(always(tooMany))
      const result = yield* settle(retrier.run(script.attempt))
      assertFailure(result, tooMany)
      if (Result.isFailure(result)) assert.strictEqual(result.failure._tag, "TooManyRequestsException")
      const log = yield* script.log
      assert.deepStrictEqual(log.map((record) => record.attempt), [1, 2, 3])
      const [first, second] = gaps(log)
      assert.isTrue(first !== undefined && first >= 0 && first <= 1000, `first delay ${first}`)
      assert.isTrue(second !== undefined && second >= 0 && second <= 2000, `second delay ${second}`)
    }))

  it.effect("sleeps the exact jittered delay on the Clock", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
      const script = yield* scripted(always(tooMany))
      const fiber = yield* Effect.forkChild(retrier.run(script.attempt).pipe(withRandom(0.5)))
      yield* TestClock.adjust(0)
      assert.strictEqual(yield* script.count, 1)
      yield* TestClock.adjust(499)
      assert.strictEqual(yield* script.count, 1)
      yield* TestClock.adjust(1)
      assert.strictEqual(yield* script.count, 2)
      yield* TestClock.adjust(999)
      assert.strictEqual(yield* script.count, 2)
      yield* TestClock.adjust(1)
      assert.strictEqual(yield* script.count, 3)
      const error = yield* Effect.flip(Fiber.join(fiber))
      assert.strictEqual(error, tooMany)
      yield* TestClock.adjust(Duration.hours(1))
      assert.strictEqual(yield* script.count, 3)
    }))

  it.effect.prop(
    "every delay is within the jitter bounds, and a seed reproduces it",
    { seed: Schema.Int },
    ({ seed }) =>
      Effect.gen(function*() {
        const policy = RetryPolicy.standard({ maxAttempts: 8, quota: false })
        const runOnce = Effect.gen(function*() {
          const retrier = yield* RetryPolicy.makeRetrier(policy)
          const script = yield* scripted(always(tooMany))
          const recorder = yield* recordRetries
          yield* settle(retrier.run(script.attempt, { onRetry: recorder.onRetry }).pipe(Random.withSeed(seed)))
          return {
            gaps: gaps(yield* script.log),
            delays: (yield* recorder.events).map((e) => Duration.toMillis(e.delay))
          }
        })
        const first = yield* runOnce
        const second = yield* runOnce
        assert.strictEqual(first.gaps.length, 7)
        assert.strictEqual(first.delays.length, 7)
        first.delays.forEach((delay, i) => {
          assert.isAtLeast(delay, 0)
          assert.isAtMost(delay, defaultBackoffMillis("throttling", i))
          assert.closeTo(first.gaps[i] ?? -1, delay, 1e-6)
        })
        assert.deepStrictEqual(second.delays, first.delays)
      }),
    { timeout: 30_000, arbitrary: { runs: 20 } }
  )

  it.effect("makes exactly one attempt for each non-retryable error", () =>
    Effect.gen(function*() {
      for (const error of nonRetryable) {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
        const script = yield* scripted(always(error))
        const result = yield* settle(retrier.run(script.attempt))
        assertFailure(result, error, error._tag)
        assert.strictEqual(yield* script.count, 1, error._tag)
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 500)
      }
    }))

  it.effect("retries transient errors with the 50 ms base", () =>
    Effect.gen(function*() {
      const transient: ReadonlyArray<UpdateAuthEventFeedbackError> = [
        internal,
        ...transportReasons.map((reason) => new TransportError({ reason, message: reason })),
        unexpected(503),
        unexpected(400, "RequestTimeoutException")
      ]
      for (const error of transient) {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
        const script = yield* scripted(succeedOn(3, error))
        const result = yield* settle(retrier.run(script.attempt))
        assertSuccess(result, { value: "ok", attempts: 3 }, error._tag)
        const [first, second] = gaps(yield* script.log)
        assert.isTrue(first !== undefined && first <= 50 && second !== undefined && second <= 100)
      }
      // with the largest draw, the delays are the bounds themselves
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
      const script = yield* scripted(succeedOn(3, internal))
      yield* settle(retrier.run(script.attempt).pipe(withRandom(1)))
      assert.deepStrictEqual(gaps(yield* script.log), [50, 100])
    }))

  it.effect("honours a Retry-After hint, capped at backoff + 5 s", () =>
    Effect.gen(function*() {
      const delaysWith = (hint: Duration.Duration) =>
        Effect.gen(function*() {
          const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ maxAttempts: 2 }))
          const script = yield* scripted(() => failWith(tooMany, hint))
          yield* settle(retrier.run(script.attempt).pipe(withRandom(0.5)))
          return gaps(yield* script.log)
        })
      for (const [hint, expected] of retryAfterCases) {
        assert.deepStrictEqual(yield* delaysWith(Duration.millis(hint)), [expected], `hint ${hint}`)
      }
    }))

  it.effect("reports each retry before sleeping", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
      const script = yield* scripted((attempt) => attempt === 1 ? failWith(tooMany) : succeedOn(3, internal)(attempt))
      const recorder = yield* recordRetries
      const result = yield* settle(retrier.run(script.attempt, { onRetry: recorder.onRetry }).pipe(withRandom(1)))
      assertSuccess(result, { value: "ok", attempts: 3 })
      const events = yield* recorder.events
      assert.deepStrictEqual(
        events.map((event) => [event.attempt, event.error._tag, event.retryClass, Duration.toMillis(event.delay)]),
        [[1, "TooManyRequestsException", "throttling", 1000], [2, "InternalErrorException", "transient", 100]]
      )
      assert.deepStrictEqual(gaps(yield* script.log), [1000, 100])
    }))

  it.effect("reports a retry before its sleep starts", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
      const script = yield* scripted(succeedOn(2, tooMany))
      const recorder = yield* recordRetries
      const fiber = yield* Effect.forkChild(
        retrier.run(script.attempt, { onRetry: recorder.onRetry }).pipe(withRandom(1))
      )
      yield* TestClock.adjust(0)
      assert.lengthOf(yield* recorder.events, 1)
      assert.strictEqual(yield* script.count, 1)
      yield* TestClock.adjust(1000)
      assert.deepStrictEqual(yield* Fiber.join(fiber), { value: "ok", attempts: 2 })
    }))

  it.effect("tells each attempt its number and the limit", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ maxAttempts: 4 }))
      const seen = yield* Ref.make<ReadonlyArray<RetryPolicy.AttemptContext>>([])
      yield* settle(
        retrier.run((context) => Ref.update(seen, (all) => [...all, context]).pipe(Effect.andThen(failWith(internal))))
      )
      assert.deepStrictEqual(yield* Ref.get(seen), [1, 2, 3, 4].map((attempt) => ({ attempt, maxAttempts: 4 })))
    }))

  it.effect("stops retrying when interrupted", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ maxAttempts: 10 }))
      const script = yield* scripted(always(tooMany))
      const fiber = yield* Effect.forkChild(retrier.run(script.attempt).pipe(withRandom(1)))
      yield* TestClock.adjust(1000)
      assert.strictEqual(yield* script.count, 2)
      yield* Fiber.interrupt(fiber)
      yield* TestClock.adjust(Duration.hours(1))
      assert.strictEqual(yield* script.count, 2)
    }))

  describe("quota", () => {
    it.effect("exhaustion stops retries across concurrent calls sharing a retrier", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ quota: { capacity: 12 } }))
        const script = yield* scripted(always(tooMany))
        const exhausted = yield* Ref.make(0)
        const results = yield* settle(
          Effect.all(
            Array.from(
              { length: 20 },
              () =>
                Effect.result(
                  retrier.run(script.attempt, { onQuotaExhausted: Ref.update(exhausted, (n) => n + 1) })
                )
            ),
            { concurrency: "unbounded" }
          )
        )
        assert.isTrue(Result.isSuccess(results))
        if (Result.isSuccess(results)) {
          assert.lengthOf(results.success, 20)
          assert.isTrue(results.success.every((result) => Result.isFailure(result) && result.failure === tooMany))
        }
        // 12 tokens buy two throttling retries (5 each) among all 20 calls
        assert.strictEqual(yield* script.count, 22)
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 2)
        // every call that wanted a retry it could not buy said so: 18 at their first failure, and the
        // calls whose retry was bought asked again after it (unless at their last attempt)
        assert.isAtLeast(yield* Ref.get(exhausted), 18)
      }))

    it.effect("a retry costs 5 after throttling and 14 otherwise; a success refunds", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
        const available = retrier.quota?.available ?? Effect.succeed(-1)
        const run = (outcome: (attempt: number) => Effect.Effect<string, RetryPolicy.AttemptFailure>) =>
          Effect.flatMap(scripted(outcome), (script) => settle(retrier.run(script.attempt)))

        yield* run(always(tooMany)) // two throttling retries, then failure: no refund
        assert.strictEqual(yield* available, 490)
        yield* run(always(internal))
        assert.strictEqual(yield* available, 462)
        yield* run(succeedOn(1, tooMany)) // no retry: +1
        assert.strictEqual(yield* available, 463)
        yield* run(succeedOn(2, internal)) // one retry: its 14 come back
        assert.strictEqual(yield* available, 463)
        yield* run(succeedOn(3, tooMany)) // costs 5 + 5, refunds the last 5
        assert.strictEqual(yield* available, 458)
        assert.strictEqual(RetryPolicy.retryCost(RetryPolicy.quotaDefaults, "throttling"), 5)
        assert.strictEqual(RetryPolicy.retryCost(RetryPolicy.quotaDefaults, "transient"), 14)
      }))

    it.effect("refunds never exceed the capacity", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
        for (let i = 0; i < 5; i++) yield* retrier.run(() => Effect.succeed(i))
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 500)
        const quota = yield* RetryPolicy.makeRetryQuota({ ...RetryPolicy.quotaDefaults, capacity: 10 })
        assert.isTrue(yield* quota.tryTake(7))
        assert.isFalse(yield* quota.tryTake(4))
        assert.strictEqual(yield* quota.available, 3)
        yield* quota.release(100)
        assert.strictEqual(yield* quota.available, 10)
      }))

    it.effect("with too few tokens the error comes back at once", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ quota: { capacity: 13 } }))
        const script = yield* scripted(always(internal))
        const exhausted = yield* Ref.make(0)
        const result = yield* settle(
          retrier.run(script.attempt, { onQuotaExhausted: Ref.update(exhausted, (n) => n + 1) })
        )
        assertFailure(result, internal)
        assert.strictEqual(yield* script.count, 1)
        assert.strictEqual(yield* Ref.get(exhausted), 1)
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 13)
      }))

    it.effect("no quota: retries are limited by maxAttempts alone", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ quota: false, maxAttempts: 50 }))
        assert.isUndefined(retrier.quota)
        const script = yield* scripted(always(internal))
        yield* settle(retrier.run(script.attempt))
        assert.strictEqual(yield* script.count, 50)
      }))
  })

  describe("adaptive rate limiter", () => {
    /** `count` responses spread evenly over `seconds`. */
    const traffic = (limiter: RetryPolicy.RateLimiter, count: number, seconds: number) =>
      Effect.forEach(
        Array.from({ length: count }),
        () => limiter.update(false).pipe(Effect.andThen(TestClock.adjust(Duration.millis((seconds * 1000) / count)))),
        { discard: true }
      )

    it.effect("slows down after throttling and recovers without it", () =>
      Effect.gen(function*() {
        const limiter = yield* RetryPolicy.makeRateLimiter()
        assert.strictEqual(yield* limiter.fillRate, 0.5)
        yield* traffic(limiter, 40, 4) // 10 requests a second
        const before = yield* limiter.fillRate
        const measured = (yield* limiter.state).measuredTxRate
        assert.isAbove(measured, 9)
        assert.isAbove(before, 10)

        yield* limiter.update(true)
        const throttled = yield* limiter.fillRate
        const state = yield* limiter.state
        assert.isTrue(state.enabled)
        // not limited yet, so the cut starts from the measured rate
        assert.strictEqual(state.lastMaxRate, state.measuredTxRate)
        assert.closeTo(throttled, state.lastMaxRate * 0.7, 1e-6)
        assert.isBelow(throttled, before)

        yield* limiter.update(true)
        assert.isBelow(yield* limiter.fillRate, throttled)

        yield* traffic(limiter, 60, 6)
        const recovered = yield* limiter.fillRate
        assert.isAbove(recovered, throttled)
        assert.isAbove(recovered, (yield* limiter.state).lastMaxRate)
      }))

    it.effect("never makes callers wait before the first throttling", () =>
      Effect.gen(function*() {
        const limiter = yield* RetryPolicy.makeRateLimiter()
        const fiber = yield* Effect.forkChild(Effect.forEach(Array.from({ length: 100 }), () => limiter.acquire))
        yield* TestClock.adjust(0)
        assert.isDefined(fiber.pollUnsafe())
      }))

    it.effect("makes callers wait for tokens once throttled", () =>
      Effect.gen(function*() {
        const limiter = yield* RetryPolicy.makeRateLimiter()
        yield* limiter.update(true) // nothing measured yet: the minimum rate, 0.5 tokens a second
        assert.strictEqual(yield* limiter.fillRate, 0.5)
        const acquired = yield* Ref.make(0)
        const fiber = yield* Effect.forkChild(
          Effect.forEach([1, 2], () => limiter.acquire.pipe(Effect.andThen(Ref.update(acquired, (n) => n + 1))))
        )
        yield* TestClock.adjust(1999)
        assert.strictEqual(yield* Ref.get(acquired), 0)
        yield* TestClock.adjust(1)
        assert.strictEqual(yield* Ref.get(acquired), 1)
        yield* TestClock.adjust(1999)
        assert.strictEqual(yield* Ref.get(acquired), 1)
        yield* TestClock.adjust(1)
        assert.strictEqual(yield* Ref.get(acquired), 2)
        yield* Fiber.join(fiber)
      }))

    it.effect("an adaptive retrier feeds every response to its limiter and waits on it", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.adaptive())
        assert.isUndefined((yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)).rateLimiter)
        const limiter = retrier.rateLimiter
        assert.isDefined(limiter)
        if (limiter === undefined) return
        const script = yield* scripted(succeedOn(2, tooMany))
        const result = yield* settle(retrier.run(script.attempt).pipe(withRandom(0)))
        assertSuccess(result, { value: "ok", attempts: 2 })
        const state = yield* limiter.state
        assert.isTrue(state.enabled)
        // both responses measured: 2 requests in the 2 s bucket, smoothed by 0.8
        assert.strictEqual(state.measuredTxRate, 0.8)
        // backoff was 0, so the second attempt waited for the limiter's token alone: 1 / 0.5 s
        assert.deepStrictEqual(gaps(yield* script.log), [2000])
      }))
  })

  describe("other operations' errors", () => {
    type OtherError = { readonly _tag: "Busy" } | { readonly _tag: "Broken" } | { readonly _tag: "Refused" }
    const busy: OtherError = { _tag: "Busy" }
    const broken: OtherError = { _tag: "Broken" }
    const refused: OtherError = { _tag: "Refused" }
    const classifyOther = (error: OtherError): RetryPolicy.RetryClass =>
      error._tag === "Busy" ? "throttling" : error._tag === "Broken" ? "transient" : "none"

    it.effect("makeRetrierWith retries by the given classification, with the policy's delays and quota", () =>
      Effect.gen(function*() {
        // the policy's data is the same for any errors; only a custom schedule is typed by them
        const policy: RetryPolicy.RetryPolicy<OtherError> = { ...RetryPolicy.defaults, schedule: undefined }
        const retrier = yield* RetryPolicy.makeRetrierWith(policy, classifyOther)
        const recorded = yield* Ref.make<ReadonlyArray<RetryPolicy.RetryEvent<OtherError>>>([])
        const count = yield* Ref.make(0)
        const run = (outcome: (attempt: number) => OtherError | undefined) =>
          settle(
            Ref.set(count, 0).pipe(
              Effect.andThen(retrier.run(
                (context) =>
                  Ref.update(count, (n) => n + 1).pipe(
                    Effect.andThen(Effect.suspend(() => {
                      const error = outcome(context.attempt)
                      return error === undefined ? Effect.succeed(context.attempt) : Effect.fail({ error })
                    }))
                  ),
                { onRetry: (event) => Ref.update(recorded, (events) => [...events, event]) }
              )),
              withRandom(1)
            )
          )
        assertSuccess(
          yield* run((attempt) => attempt === 1 ? busy : attempt === 2 ? broken : undefined),
          { value: 3, attempts: 3 }
        )
        assert.deepStrictEqual(
          (yield* Ref.get(recorded)).map((
            event
          ) => [event.error._tag, event.retryClass, Duration.toMillis(event.delay)]),
          [["Busy", "throttling", 1000], ["Broken", "transient", 100]]
        )
        assertFailure(yield* run(() => refused), refused)
        assert.strictEqual(yield* Ref.get(count), 1)
        // 5 + 14 taken, the last 14 refunded, then 5 + 5 for the third run's two throttling retries
        yield* run(() => busy)
        assert.strictEqual(yield* Ref.get(count), 3)
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 500 - 5 - 10)
      }))

    it.effect("toScheduleWith applies the policy with Effect.retry", () =>
      Effect.gen(function*() {
        const count = yield* Ref.make(0)
        const retried = (error: OtherError) =>
          Ref.set(count, 0).pipe(
            Effect.andThen(settle(Effect.retry(
              Ref.update(count, (n) => n + 1).pipe(Effect.andThen(Effect.fail(error))),
              RetryPolicy.toScheduleWith<OtherError>({ ...RetryPolicy.defaults, schedule: undefined }, classifyOther)
            ))),
            Effect.andThen(Ref.get(count))
          )
        assert.deepStrictEqual([yield* retried(busy), yield* retried(broken), yield* retried(refused)], [3, 3, 1])
      }))

    it.effect("toScheduleWith sleeps the policy's jittered backoff", () =>
      Effect.gen(function*() {
        const times = yield* Ref.make<ReadonlyArray<number>>([])
        const schedule = RetryPolicy.toScheduleWith<OtherError>(
          { ...RetryPolicy.defaults, maxAttempts: 4, schedule: undefined },
          classifyOther
        )
        const result = yield* settle(
          Effect.retry(
            Clock.currentTimeMillis.pipe(
              Effect.flatMap((now) => Ref.update(times, (all) => [...all, now])),
              Effect.andThen(Effect.fail(busy))
            ),
            schedule
          ).pipe(withRandom(1))
        )
        assertFailure(result, busy)
        assert.deepStrictEqual(gapsOf(yield* Ref.get(times)), [1000, 2000, 4000])
      }))
  })

  describe("custom and disabled", () => {
    it.effect("a custom schedule decides, even for errors the standard mode never retries", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(
          RetryPolicy.fromSchedule(Schedule.spaced("1 second"), { maxAttempts: 4 })
        )
        const script = yield* scripted(always(notAuthorized))
        const result = yield* settle(retrier.run(script.attempt))
        assertFailure(result, notAuthorized)
        assert.deepStrictEqual(gaps(yield* script.log), [1000, 1000, 1000])
      }))

    it.effect("a custom schedule can stop on its own, from the errors it sees", () =>
      Effect.gen(function*() {
        const policy = RetryPolicy.fromSchedule(
          Schedule.forever.pipe(
            Schedule.setInputType<UpdateAuthEventFeedbackError>(),
            Schedule.while(({ input }) => input._tag !== "NotAuthorizedException")
          )
        )
        assert.strictEqual(policy.mode, "custom")
        const retrier = yield* RetryPolicy.makeRetrier(policy)
        const script = yield* scripted((attempt) => failWith(attempt < 5 ? tooMany : notAuthorized))
        const result = yield* settle(retrier.run(script.attempt))
        assertFailure(result, notAuthorized)
        assert.strictEqual(yield* script.count, 5)
        const recurs = yield* RetryPolicy.makeRetrier(RetryPolicy.fromSchedule(Schedule.recurs(1)))
        const second = yield* scripted(always(tooMany))
        yield* settle(recurs.run(second.attempt))
        assert.strictEqual(yield* second.count, 2)
      }))

    it.effect("a custom schedule's state is per call, not shared by the calls of a retrier", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.fromSchedule(Schedule.recurs(2)))
        for (let call = 0; call < 3; call++) {
          const script = yield* scripted(always(tooMany))
          assertFailure(yield* settle(retrier.run(script.attempt)), tooMany)
          assert.strictEqual(yield* script.count, 3, `call ${call}`)
        }
      }))

    it.effect("a custom schedule still pays the quota when given one", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(
          RetryPolicy.fromSchedule(Schedule.spaced("10 millis"), { quota: { capacity: 30 } })
        )
        const script = yield* scripted(always(internal))
        assertFailure(yield* settle(retrier.run(script.attempt)), internal)
        // 14 per transient retry: two bought out of 30
        assert.strictEqual(yield* script.count, 3)
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 2)
      }))

    it.effect("disabled makes one attempt", () =>
      Effect.gen(function*() {
        for (const policy of [RetryPolicy.disabled, { ...RetryPolicy.disabled, maxAttempts: 5 }]) {
          const retrier = yield* RetryPolicy.makeRetrier(policy)
          const script = yield* scripted(always(tooMany))
          const result = yield* settle(retrier.run(script.attempt))
          assertFailure(result, tooMany)
          assert.strictEqual(yield* script.count, 1)
        }
      }))

    it.effect("toSchedule applies the policy with Effect.retry", () =>
      Effect.gen(function*() {
        const count = yield* Ref.make(0)
        const failing = (error: UpdateAuthEventFeedbackError) =>
          Ref.updateAndGet(count, (n) => n + 1).pipe(Effect.andThen(Effect.fail(error)))
        const retried = (error: UpdateAuthEventFeedbackError, policy = RetryPolicy.defaults) =>
          Ref.set(count, 0).pipe(
            Effect.andThen(settle(Effect.retry(failing(error), RetryPolicy.toSchedule(policy)))),
            Effect.andThen(Ref.get(count))
          )
        assert.strictEqual(yield* retried(tooMany), 3)
        assert.strictEqual(yield* retried(internal, RetryPolicy.standard({ maxAttempts: 5 })), 5)
        assert.strictEqual(yield* retried(notAuthorized), 1)
        assert.strictEqual(yield* retried(tooMany, RetryPolicy.disabled), 1)
        assert.strictEqual(
          yield* retried(notAuthorized, RetryPolicy.fromSchedule(Schedule.forever, { maxAttempts: 4 })),
          4
        )
        assert.strictEqual(yield* retried(notAuthorized, RetryPolicy.fromSchedule(Schedule.recurs(2))), 3)
      }))
  })

  // index into `serviceErrors`; -1 succeeds
  const outcomeIndex = Schema.Int.check(Schema.isBetween({ minimum: -1, maximum: serviceErrors.length - 1 }))

  it.effect.prop(
    "attempts never exceed maxAttempts and the final error is the last attempt's",
    {
      outcomes: Schema.Array(outcomeIndex).check(Schema.isMinLength(1), Schema.isMaxLength(12)),
      maxAttempts: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 8 })),
      adaptive: Schema.Boolean
    },
    ({ adaptive, maxAttempts, outcomes }) =>
      Effect.gen(function*() {
        const policy = adaptive ? RetryPolicy.adaptive({ maxAttempts }) : RetryPolicy.standard({ maxAttempts })
        const retrier = yield* RetryPolicy.makeRetrier(policy)
        // outcome i (cycled) is the i-th attempt's: undefined succeeds
        const outcomeOf = (attempt: number) => serviceErrors[outcomes[(attempt - 1) % outcomes.length] ?? -1]
        const script = yield* scripted((attempt) => {
          const error = outcomeOf(attempt)
          return error === undefined ? Effect.succeed(attempt) : failWith(error)
        })
        const result = yield* settle(retrier.run(script.attempt))
        const attempts = yield* script.count
        assert.isAtLeast(attempts, 1)
        assert.isAtMost(attempts, maxAttempts)
        if (Result.isFailure(result)) {
          const last = outcomeOf(attempts)
          assert.strictEqual(result.failure, last)
          if (attempts < maxAttempts && last !== undefined) assert.isFalse(RetryPolicy.isRetryable(last))
        } else {
          assert.deepStrictEqual(result.success, { value: attempts, attempts })
          assert.isUndefined(outcomeOf(attempts))
        }
      }),
    { timeout: 30_000, arbitrary: { runs: 100 } }
  )
})
