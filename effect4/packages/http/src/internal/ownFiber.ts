/**
 * An exchange in a fiber of its own, started from the caller's context, with a real-time limit: the
 * one place the `HttpClient` transport reaches into Effect's runtime (`Effect.runForkWith` from the
 * caller's context, a fiber observer).
 *
 * It stands for `Effect.timeoutOrElse`, which races two forks per exchange. When no limit is kept
 * here, nothing is forked: the exchange runs in the caller's fiber with its settings added to the
 * context (`Effect.updateContext`, cheap in Effect 4).
 */
import type * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"

/**
 * `self` with `withContext` applied to the caller's context, failing with `onTimeout()` (and
 * interrupted) if it has not ended within `millis` of real time. With a limit, one fiber does both
 * jobs: it carries the exchange's settings from its start, and a plain timer can interrupt it, where
 * `Effect.timeoutOrElse` races two forks.
 *
 * The fiber is started with `Effect.runForkWith` from the caller's context: it runs at once, in this
 * stack, and it is a root: the wait below ends it on every path (done, timed out, or the caller
 * interrupted, when the wait's canceller interrupts it and waits for it). It returns its exit as its
 * value, so that a failure is ours to report, not logged as an unhandled one.
 */
export const inOwnFiber = <A, E>(
  self: Effect.Effect<A, E>,
  withContext: (context: Context.Context<never>) => Context.Context<never>,
  millis: number | undefined,
  onTimeout: () => E
): Effect.Effect<A, E> => {
  if (millis === undefined) return Effect.updateContext(self, withContext)
  return Effect.withFiber<A, E>((caller) =>
    // forked inside the registration, so that no interruption can fall between the fork and the wait
    Effect.callback<A, E>((resume) => {
      const fiber = Effect.runForkWith(withContext(caller.context))(Effect.exit(self))
      let settled = false
      const timer = setTimeout(() => {
        if (settled) return
        settled = true
        // interrupting the fiber aborts its request before the timeout is reported
        resume(Effect.andThen(Fiber.interrupt(fiber), Effect.fail(onTimeout())))
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
  )
}
