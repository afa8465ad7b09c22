/**
 * An exchange in a fiber of its own, started from the caller's fiber refs and flags, with a real-time
 * limit: the one place the `HttpClient` transport reaches into Effect's runtime (`Runtime.make` from
 * a fiber's refs, `Runtime.runFork` with `updateRefs`, a fiber observer).
 *
 * It stands for public API that costs more per call: `Effect.locally` / `Effect.provideService` for
 * the exchange's settings and `Effect.timeoutFail` for its limit (each an acquire-release or a race
 * of two forks per exchange). A port to another Effect major rewrites this module, or replaces it
 * with those calls if they have become cheap there.
 */
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import type * as FiberId from "effect/FiberId"
import type * as FiberRefs from "effect/FiberRefs"
import * as Runtime from "effect/Runtime"

/** What the fiber's refs become before it starts (the transport's own settings). */
export interface RefsUpdate {
  readonly updateRefs: (refs: FiberRefs.FiberRefs, fiberId: FiberId.Runtime) => FiberRefs.FiberRefs
}

/**
 * `self` in a fiber of its own, failing with `onTimeout()` (and interrupted) if it has not ended
 * within `millis` of real time. One fiber does both jobs: it carries the exchange's settings from
 * its start, with nothing to restore afterwards (`Effect.locally` and `provideService` each cost an
 * acquire-release per exchange), and a plain timer can interrupt it, where `Effect.timeoutFail`
 * races two forks.
 *
 * The fiber is started with `Runtime.runFork` from the caller's own fiber refs and flags: it runs at
 * once, in this stack, rather than after a trip through the scheduler, and it is a root, like a
 * daemon: the wait below ends it on every path (done, timed out, or the caller interrupted, when the
 * wait's canceller interrupts it and waits for it), so registering it as the caller's child would
 * only add bookkeeping to every exchange. It returns its exit as its value, so that a failure is
 * ours to report, not logged as an unhandled one.
 */
export const inOwnFiber = <A, E>(
  self: Effect.Effect<A, E>,
  withContext: (context: Context.Context<never>) => Context.Context<never>,
  refs: RefsUpdate,
  millis: number | undefined,
  onTimeout: () => E
): Effect.Effect<A, E> =>
  Effect.withFiberRuntime<A, E>((caller, status) => {
    const runtime = Runtime.make({
      context: withContext(caller.currentContext),
      fiberRefs: caller.getFiberRefs(),
      runtimeFlags: status.runtimeFlags
    })
    // forked inside the registration, so that no interruption can fall between the fork and the wait
    return Effect.async<A, E>((resume) => {
      const fiber = Runtime.runFork(runtime, Effect.exit(self), refs)
      let settled = false
      const timer = millis === undefined ? undefined : setTimeout(() => {
        if (settled) return
        settled = true
        // interrupting the fiber aborts its request before the timeout is reported
        resume(Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(onTimeout())))
      }, millis)
      fiber.addObserver((exit) => {
        clearTimeout(timer)
        if (settled) return
        settled = true
        resume(Exit.isSuccess(exit) ? exit.value : Effect.failCause(exit.cause))
      })
      return Effect.suspend(() => {
        settled = true
        clearTimeout(timer)
        return Fiber.interrupt(fiber)
      })
    })
  })
