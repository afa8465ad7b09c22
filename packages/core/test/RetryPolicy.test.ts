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
import {
  Clock,
  Duration,
  Effect,
  Either,
  FastCheck as fc,
  Fiber,
  Option,
  Random,
  Ref,
  Schedule,
  TestClock
} from "effect"
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
  new OperationNotEnabledException({ message: "replica" })
]
const transportReasons = retryableTransportReasons
const unexpected = (status: number, code?: string) => new UnexpectedResponseError({ status, code, message: "?" })

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
            Effect.zipRight(outcome(context.attempt))
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
    const fiber = yield* Effect.fork(effect)
    yield* TestClock.adjust(Duration.hours(1))
    return yield* Effect.either(Fiber.join(fiber))
  })

const recordRetries = Effect.map(Ref.make<ReadonlyArray<RetryPolicy.RetryEvent>>([]), (ref) => ({
  events: Ref.get(ref),
  onRetry: (event: RetryPolicy.RetryEvent) => Ref.update(ref, (events) => [...events, event])
}))

const gaps = (records: ReadonlyArray<AttemptRecord>) => gapsOf(records.map((record) => record.at))

const serviceError = fc.constantFrom<UpdateAuthEventFeedbackError>(
  tooMany,
  internal,
  ...nonRetryable,
  ...transportReasons.map((reason) => new TransportError({ reason, message: reason })),
  unexpected(503),
  unexpected(429),
  unexpected(400, "ThrottlingException"),
  unexpected(404)
)

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

  const status = anyStatus
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

  it.prop("a throttling code is throttling whatever the status", {
    status,
    code: fc.constantFrom(...sdkLists.THROTTLING_ERROR_CODES)
  }, ({ code, status }) => {
    assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), "throttling")
  })

  it.prop("a transient code is transient whatever the status", {
    status,
    code: fc.constantFrom(...sdkLists.TRANSIENT_ERROR_CODES)
  }, ({ code, status }) => {
    assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), "transient")
  })

  it.prop("without a known code the status decides", {
    status: fc.oneof(status, fc.constantFrom(429, ...sdkLists.TRANSIENT_ERROR_STATUS_CODES)),
    code: fc.option(unknownCode, { nil: undefined })
  }, ({ code, status }) => {
    const expected = status === 429
      ? "throttling"
      : sdkLists.TRANSIENT_ERROR_STATUS_CODES.includes(status)
      ? "transient"
      : "none"
    assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), expected)
    assert.strictEqual(RetryPolicy.classify(unexpected(status, code)), RetryPolicy.classify(unexpected(status)))
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
    assert.strictEqual(RetryPolicy.disabled.maxAttempts, 1)
    assert.strictEqual(RetryPolicy.disabled.quota, undefined)
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

  it.prop("a jittered delay stays within [0, backoff]", jitterInputs, ({ random, retryClass, retryIndex }) => {
    const delay = Duration.toMillis(RetryPolicy.retryDelay(RetryPolicy.defaults, retryClass, retryIndex, random))
    const bound = defaultBackoffMillis(retryClass, retryIndex)
    assert.isAtLeast(delay, 0)
    assert.isAtMost(delay, bound)
    // durations keep nanoseconds
    assert.closeTo(delay, random * bound, 1e-6)
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
      assert.isTrue(Either.isLeft(result))
      if (Either.isLeft(result)) {
        assert.strictEqual(result.left, tooMany)
        assert.strictEqual(result.left._tag, "TooManyRequestsException")
      }
      const log = yield* script.log
      assert.deepStrictEqual(log.map((record) => record.attempt), [1, 2, 3])
      const [first, second] = gaps(log)
      assert.isDefined(first)
      assert.isDefined(second)
      assert.isTrue(first !== undefined && first >= 0 && first <= 1000, `first delay ${first}`)
      assert.isTrue(second !== undefined && second >= 0 && second <= 2000, `second delay ${second}`)
    }))

  it.effect("sleeps the exact jittered delay on the Clock", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
      const script = yield* scripted(always(tooMany))
      const fiber = yield* Effect.fork(retrier.run(script.attempt).pipe(Effect.withRandom(Random.fixed([0.5]))))
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
    { seed: fc.integer() },
    ({ seed }) =>
      Effect.gen(function*() {
        const policy = RetryPolicy.standard({ maxAttempts: 8, quota: false })
        const runOnce = Effect.gen(function*() {
          const retrier = yield* RetryPolicy.makeRetrier(policy)
          const script = yield* scripted(always(tooMany))
          const recorder = yield* recordRetries
          yield* settle(
            retrier.run(script.attempt, { onRetry: recorder.onRetry }).pipe(
              Effect.withRandom(Random.make(seed))
            )
          )
          return {
            gaps: gaps(yield* script.log),
            delays: (yield* recorder.events).map((e) => Duration.toMillis(e.delay))
          }
        })
        const first = yield* runOnce
        const second = yield* runOnce
        assert.strictEqual(first.gaps.length, 7)
        first.delays.forEach((delay, i) => {
          assert.isAtLeast(delay, 0)
          assert.isAtMost(delay, defaultBackoffMillis("throttling", i))
          assert.closeTo(first.gaps[i] ?? -1, delay, 1e-6)
        })
        assert.deepStrictEqual(second.delays, first.delays)
      }),
    { timeout: 30_000, fastCheck: { numRuns: 20 } }
  )

  it.effect("makes exactly one attempt for each non-retryable error", () =>
    Effect.gen(function*() {
      for (const error of nonRetryable) {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
        const script = yield* scripted(always(error))
        const result = yield* settle(retrier.run(script.attempt))
        assert.deepStrictEqual(result, Either.left(error))
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
        assert.deepStrictEqual(result, Either.right({ value: "ok", attempts: 3 }), error._tag)
        const [first, second] = gaps(yield* script.log)
        assert.isTrue(first !== undefined && first <= 50 && second !== undefined && second <= 100)
      }
    }))

  it.effect("honours a Retry-After hint, capped at backoff + 5 s", () =>
    Effect.gen(function*() {
      const delaysWith = (hint: Duration.DurationInput) =>
        Effect.gen(function*() {
          const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ maxAttempts: 2 }))
          const script = yield* scripted(() => failWith(tooMany, Duration.decode(hint)))
          yield* settle(retrier.run(script.attempt).pipe(Effect.withRandom(Random.fixed([0.5]))))
          return gaps(yield* script.log)
        })
      for (const [hint, expected] of retryAfterCases) {
        assert.deepStrictEqual(yield* delaysWith(Duration.millis(hint)), [expected])
      }
    }))

  it.effect("reports each retry before sleeping", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
      const script = yield* scripted((attempt) => attempt === 1 ? failWith(tooMany) : succeedOn(3, internal)(attempt))
      const recorder = yield* recordRetries
      const result = yield* settle(
        retrier.run(script.attempt, { onRetry: recorder.onRetry }).pipe(Effect.withRandom(Random.fixed([1])))
      )
      assert.deepStrictEqual(result, Either.right({ value: "ok", attempts: 3 }))
      const events = yield* recorder.events
      assert.deepStrictEqual(
        events.map((event) => [event.attempt, event.error._tag, event.retryClass, Duration.toMillis(event.delay)]),
        [[1, "TooManyRequestsException", "throttling", 1000], [2, "InternalErrorException", "transient", 100]]
      )
      assert.deepStrictEqual(gaps(yield* script.log), [1000, 100])
    }))

  it.effect("tells each attempt its number and the limit", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ maxAttempts: 4 }))
      const seen = yield* Ref.make<ReadonlyArray<RetryPolicy.AttemptContext>>([])
      yield* settle(
        retrier.run((context) => Ref.update(seen, (all) => [...all, context]).pipe(Effect.zipRight(failWith(internal))))
      )
      assert.deepStrictEqual(yield* Ref.get(seen), [1, 2, 3, 4].map((attempt) => ({ attempt, maxAttempts: 4 })))
    }))

  it.effect("stops retrying when interrupted", () =>
    Effect.gen(function*() {
      const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ maxAttempts: 10 }))
      const script = yield* scripted(always(tooMany))
      const fiber = yield* Effect.fork(retrier.run(script.attempt).pipe(Effect.withRandom(Random.fixed([1]))))
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
        const results = yield* settle(
          Effect.all(Array.from({ length: 20 }, () => Effect.either(retrier.run(script.attempt))), {
            concurrency: "unbounded"
          })
        )
        assert.isTrue(Either.isRight(results))
        if (Either.isRight(results)) {
          assert.isTrue(results.right.every((result) => Either.isLeft(result) && result.left === tooMany))
        }
        // 12 tokens buy two throttling retries (5 each) among all 20 calls
        assert.strictEqual(yield* script.count, 22)
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 2)
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
      }))

    it.effect("refunds never exceed the capacity", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.defaults)
        for (let i = 0; i < 5; i++) yield* retrier.run(() => Effect.succeed(i))
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 500)
      }))

    it.effect("with too few tokens the error comes back at once", () =>
      Effect.gen(function*() {
        const retrier = yield* RetryPolicy.makeRetrier(RetryPolicy.standard({ quota: { capacity: 13 } }))
        const script = yield* scripted(always(internal))
        const result = yield* settle(retrier.run(script.attempt))
        assert.deepStrictEqual(result, Either.left(internal))
        assert.strictEqual(yield* script.count, 1)
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
        () => limiter.update(false).pipe(Effect.zipRight(TestClock.adjust(Duration.millis((seconds * 1000) / count)))),
        {
          discard: true
        }
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
        const fiber = yield* Effect.fork(Effect.forEach(Array.from({ length: 100 }), () => limiter.acquire))
        yield* TestClock.adjust(0)
        assert.isTrue(Option.isSome(yield* Fiber.poll(fiber)))
      }))

    it.effect("makes callers wait for tokens once throttled", () =>
      Effect.gen(function*() {
        const limiter = yield* RetryPolicy.makeRateLimiter()
        yield* limiter.update(true) // nothing measured yet: the minimum rate, 0.5 tokens a second
        assert.strictEqual(yield* limiter.fillRate, 0.5)
        const acquired = yield* Ref.make(0)
        const fiber = yield* Effect.fork(
          Effect.forEach([1, 2], () => limiter.acquire.pipe(Effect.zipRight(Ref.update(acquired, (n) => n + 1))))
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
        const result = yield* settle(retrier.run(script.attempt).pipe(Effect.withRandom(Random.fixed([0]))))
        assert.deepStrictEqual(result, Either.right({ value: "ok", attempts: 2 }))
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
              Effect.zipRight(retrier.run(
                (context) =>
                  Ref.update(count, (n) => n + 1).pipe(
                    Effect.zipRight(Effect.suspend(() => {
                      const error = outcome(context.attempt)
                      return error === undefined ? Effect.succeed(context.attempt) : Effect.fail({ error })
                    }))
                  ),
                { onRetry: (event) => Ref.update(recorded, (events) => [...events, event]) }
              )),
              Effect.withRandom(Random.fixed([1]))
            )
          )
        assert.deepStrictEqual(
          yield* run((attempt) => attempt === 1 ? busy : attempt === 2 ? broken : undefined),
          Either.right({ value: 3, attempts: 3 })
        )
        assert.deepStrictEqual(
          (yield* Ref.get(recorded)).map((
            event
          ) => [event.error._tag, event.retryClass, Duration.toMillis(event.delay)]),
          [["Busy", "throttling", 1000], ["Broken", "transient", 100]]
        )
        assert.deepStrictEqual(yield* run(() => refused), Either.left(refused))
        assert.strictEqual(yield* Ref.get(count), 1)
        // 5 + 14 taken, the last 14 refunded, then 5 + 5 for the third run's two throttling retries
        yield* run(() => busy)
        assert.strictEqual(yield* (retrier.quota?.available ?? Effect.succeed(-1)), 500 - 5 - 10)
      }))

    it.effect("toScheduleWith applies the policy with Effect.retry", () =>
      Effect.gen(function*() {
        const count = yield* Ref.make(0)
        const retried = (error: OtherError) =>
          Ref.set(count, 0).pipe(
            Effect.zipRight(settle(Effect.retry(
              Ref.update(count, (n) => n + 1).pipe(Effect.zipRight(Effect.fail(error))),
              RetryPolicy.toScheduleWith<OtherError>({ ...RetryPolicy.defaults, schedule: undefined }, classifyOther)
            ))),
            Effect.zipRight(Ref.get(count))
          )
        assert.deepStrictEqual([yield* retried(busy), yield* retried(broken), yield* retried(refused)], [3, 3, 1])
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
        assert.deepStrictEqual(result, Either.left(notAuthorized))
        assert.deepStrictEqual(gaps(yield* script.log), [1000, 1000, 1000])
      }))

    it.effect("a custom schedule can stop on its own, from the errors it sees", () =>
      Effect.gen(function*() {
        const policy = RetryPolicy.fromSchedule(
          Schedule.recurWhile((error: UpdateAuthEventFeedbackError) => error._tag !== "NotAuthorizedException")
        )
        assert.strictEqual(policy.mode, "custom")
        const retrier = yield* RetryPolicy.makeRetrier(policy)
        const script = yield* scripted((attempt) => failWith(attempt < 5 ? tooMany : notAuthorized))
        const result = yield* settle(retrier.run(script.attempt))
        assert.deepStrictEqual(result, Either.left(notAuthorized))
        assert.strictEqual(yield* script.count, 5)
        const recurs = yield* RetryPolicy.makeRetrier(RetryPolicy.fromSchedule(Schedule.recurs(1)))
        const second = yield* scripted(always(tooMany))
        yield* settle(recurs.run(second.attempt))
        assert.strictEqual(yield* second.count, 2)
      }))

    it.effect("disabled makes one attempt", () =>
      Effect.gen(function*() {
        for (const policy of [RetryPolicy.disabled, { ...RetryPolicy.disabled, maxAttempts: 5 }]) {
          const retrier = yield* RetryPolicy.makeRetrier(policy)
          const script = yield* scripted(always(tooMany))
          const result = yield* settle(retrier.run(script.attempt))
          assert.deepStrictEqual(result, Either.left(tooMany))
          assert.strictEqual(yield* script.count, 1)
        }
      }))

    it.effect("toSchedule applies the policy with Effect.retry", () =>
      Effect.gen(function*() {
        const count = yield* Ref.make(0)
        const failing = (error: UpdateAuthEventFeedbackError) =>
          Ref.updateAndGet(count, (n) => n + 1).pipe(Effect.zipRight(Effect.fail(error)))
        const retried = (error: UpdateAuthEventFeedbackError, policy = RetryPolicy.defaults) =>
          Ref.set(count, 0).pipe(
            Effect.zipRight(settle(Effect.retry(failing(error), RetryPolicy.toSchedule(policy)))),
            Effect.zipRight(Ref.get(count))
          )
        assert.strictEqual(yield* retried(tooMany), 3)
        assert.strictEqual(yield* retried(internal, RetryPolicy.standard({ maxAttempts: 5 })), 5)
        assert.strictEqual(yield* retried(notAuthorized), 1)
        assert.strictEqual(yield* retried(tooMany, RetryPolicy.disabled), 1)
        assert.strictEqual(
          yield* retried(notAuthorized, RetryPolicy.fromSchedule(Schedule.forever, { maxAttempts: 4 })),
          4
        )
      }))
  })

  it.effect.prop(
    "attempts never exceed maxAttempts and the final error is the last attempt's",
    {
      outcomes: fc.array(fc.option(serviceError, { nil: undefined }), { minLength: 1, maxLength: 12 }),
      maxAttempts: fc.integer({ min: 1, max: 8 }),
      adaptive: fc.boolean()
    },
    ({ adaptive, maxAttempts, outcomes }) =>
      Effect.gen(function*() {
        const policy = adaptive ? RetryPolicy.adaptive({ maxAttempts }) : RetryPolicy.standard({ maxAttempts })
        const retrier = yield* RetryPolicy.makeRetrier(policy)
        // outcome i (cycled) is the i-th attempt's: undefined succeeds
        const outcomeOf = (attempt: number) => outcomes[(attempt - 1) % outcomes.length]
        const script = yield* scripted((attempt) => {
          const error = outcomeOf(attempt)
          return error === undefined ? Effect.succeed(attempt) : failWith(error)
        })
        const result = yield* settle(retrier.run(script.attempt))
        const attempts = yield* script.count
        assert.isAtLeast(attempts, 1)
        assert.isAtMost(attempts, maxAttempts)
        if (Either.isLeft(result)) {
          const last = outcomeOf(attempts)
          assert.strictEqual(result.left, last)
          if (attempts < maxAttempts && last !== undefined) assert.isFalse(RetryPolicy.isRetryable(last))
        } else {
          assert.deepStrictEqual(result.right, { value: attempts, attempts })
          assert.isUndefined(outcomeOf(attempts))
        }
      }),
    { timeout: 30_000 }
  )
})
