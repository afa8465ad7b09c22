/**
 * What a call needs to know about its fiber, read once when it starts, so that unobserved work is
 * skipped rather than done and thrown away: whether spans reach an exporter, whether debug lines
 * reach a logger, whether its clock is real time, and its `Random`.
 *
 * Effect 4 exposes all of it publicly: the fiber of `Effect.withFiber`, its `getRef` and its
 * `context` (`Context.mapUnsafe` tells a provided service from a defaulted reference). Each stands
 * for public API that costs an effect per call: `Effect.currentSpan`/`Tracer` (is this traced),
 * `References.MinimumLogLevel`, `Clock` (is it `TestClock`), `Random`. Metric attributes need no
 * reading: an update without an effect takes the fiber's context (`metric.updateUnsafe(n, context)`).
 *
 * Each is decided from what the fiber holds, never by comparing it with this copy of `effect`'s
 * module constants: an app may load another copy, and such a test would then silently answer the
 * other way. The keys compared are strings, shared by every copy.
 */
import type * as Fiber from "effect/Fiber"
import * as LogLevel from "effect/LogLevel"
import * as Random from "effect/Random"
import * as References from "effect/References"

type AnyFiber = Fiber.Fiber<unknown, unknown>

// `Tracer.Tracer`'s and `Clock.Clock`'s keys: a reference absent from the context is its default
const tracerKey = "effect/Tracer"
const clockKey = "effect/Clock"

/**
 * Tracing is on and the fiber's tracer is one that was provided (`Effect.withTracer`,
 * `@effect/opentelemetry`): the default native tracer keeps spans in memory only, where nobody can
 * read them after the call.
 */
export const isTraced = (fiber: AnyFiber): boolean =>
  fiber.getRef(References.TracerEnabled) && fiber.context.mapUnsafe.has(tracerKey)

/** A `logDebug` would reach the loggers. */
export const isDebugEnabled = (fiber: AnyFiber): boolean =>
  LogLevel.isLessThanOrEqualTo(fiber.getRef(References.MinimumLogLevel), "Debug")

/**
 * The fiber's clock sleeps on the runtime's real timers: no clock was provided, so the live one
 * is used. `TestClock` and any other provided clock keep their own time, which must be left to them.
 */
export const timersAreReal = (fiber: AnyFiber): boolean => !fiber.context.mapUnsafe.has(clockKey)

/** The fiber's `Random` service, whose draws need no effect. */
export const randomOf = (fiber: AnyFiber): Random.Random => fiber.getRef(Random.Random)
