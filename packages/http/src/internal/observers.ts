/**
 * What a call needs to know about its fiber, read once when it starts, so that unobserved work is
 * skipped rather than done and thrown away: whether spans reach an exporter, whether debug lines
 * reach a logger, whether its clock is real time, its metric labels and its `Random`.
 *
 * This is the one module of the engine that reads Effect's runtime internals (a fiber's refs and
 * its services, the live clock's `scheduler`), each standing for public API that costs an effect
 * per call: `Effect.currentSpan`/`Tracer` (is this traced), `FiberRef.get(currentMinimumLogLevel)`,
 * `Clock` (is it `TestClock`), `Metric` labels (`Effect.tagMetrics`), `Random`. A port to another
 * Effect major rewrites these five functions and nothing else of the engine.
 *
 * Each is decided from what the fiber holds, never by comparing it with this copy of `effect`'s
 * module constants: an app may load another copy, and such a test would then silently answer the
 * other way.
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as FiberRefs from "effect/FiberRefs"
import * as LogLevel from "effect/LogLevel"
import type * as MetricLabel from "effect/MetricLabel"
import * as Random from "effect/Random"
import * as Tracer from "effect/Tracer"

type AnyFiber = Fiber.RuntimeFiber<unknown, unknown>

/**
 * Tracing is on and the fiber's tracer is not the one its runtime started with: Effect's built-in
 * tracer keeps spans in memory only, where nobody can read them after the call. The default is
 * read from the initial value of the fiber's services reference, which copies of `effect` of
 * one version share, not from this copy's module constants.
 */
export const isTraced = (fiber: AnyFiber): boolean =>
  fiber.getFiberRef(FiberRef.currentTracerEnabled) &&
  Context.get(fiber.getFiberRef(DefaultServices.currentServices), Tracer.Tracer) !== startingTracer

// the reference's initial value, which an empty set of fiber refs falls back to
const startingTracer = Context.get(
  FiberRefs.getOrDefault(FiberRefs.empty(), DefaultServices.currentServices),
  Tracer.Tracer
)

/** A `logDebug` would reach the loggers. */
export const isDebugEnabled = (fiber: AnyFiber): boolean =>
  LogLevel.lessThanEqual(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Debug)

/**
 * The fiber's clock sleeps on the runtime's real timers. Effect's live clock exposes the scheduler
 * it sleeps on; `TestClock` and other virtual clocks have none, and their time must be left to them.
 */
export const timersAreReal = (fiber: AnyFiber): boolean => {
  const clock: Clock.Clock & { readonly scheduler?: unknown } = Context.get(
    fiber.getFiberRef(DefaultServices.currentServices),
    Clock.Clock
  )
  return typeof clock.scheduler === "function"
}

/** The fiber's metric labels (`Effect.tagMetrics`), for metric updates made without an effect. */
export const metricLabels = (fiber: AnyFiber): ReadonlyArray<MetricLabel.MetricLabel> =>
  fiber.getFiberRef(FiberRef.currentMetricLabels)

/** The fiber's `Random` service (`Effect.random`), without the effect that reads it. */
export const randomOf = (fiber: AnyFiber): Random.Random =>
  Context.get(fiber.getFiberRef(DefaultServices.currentServices), Random.Random)
