/**
 * What a call needs to know about its observers, read once per call so that unobserved work is
 * skipped rather than done and thrown away: spans when no tracer can export them, log lines
 * below the minimum level.
 */
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as LogLevel from "effect/LogLevel"
import * as Tracer from "effect/Tracer"

// Effect's built-in tracer keeps its spans in memory only: nobody can read them after the call.
const nativeTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/** Tracing is on and the tracer is one that exports spans (an OpenTelemetry layer, a test tracer). */
export const isTraced = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  fiber.getFiberRef(FiberRef.currentTracerEnabled) &&
  Context.get(fiber.getFiberRef(DefaultServices.currentServices), Tracer.Tracer) !== nativeTracer

/** A `logDebug` would reach the loggers. */
export const isDebugEnabled = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  LogLevel.lessThanEqual(fiber.getFiberRef(FiberRef.currentMinimumLogLevel), LogLevel.Debug)
