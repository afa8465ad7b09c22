/**
 * The attempt timeout, paid on every attempt, made cheaper on the live clock. `Effect.timeoutFail`
 * races two forked fibers (the effect and a sleep); on the default clock one fork and a plain timer
 * do the same for less than half the cost. Any other clock (`TestClock`, a custom one) gets
 * `Effect.timeoutFail` itself, so time still comes from the `Clock` in tests.
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"

const liveClock = Context.get(DefaultServices.liveServices, Clock.Clock)

// setTimeout fires at once for longer delays; the live clock splits those, so leave them to it
const maxTimerMillis = 2 ** 31 - 1

/** The fiber's clock is the default one, whose sleeps are plain `setTimeout`s. */
export const usesLiveClock = (fiber: Fiber.RuntimeFiber<unknown, unknown>): boolean =>
  Context.get(fiber.getFiberRef(DefaultServices.currentServices), Clock.Clock) === liveClock

/**
 * `self`, failing with `onTimeout()` (and interrupted) if it has not ended within `duration`. An
 * infinite duration means no limit.
 */
export const timeoutFail = <A, E>(
  self: Effect.Effect<A, E>,
  options: { readonly duration: Duration.Duration; readonly onTimeout: () => E; readonly liveClock: boolean }
): Effect.Effect<A, E> => {
  if (!Duration.isFinite(options.duration)) return self
  const millis = Duration.toMillis(options.duration)
  if (!options.liveClock || millis > maxTimerMillis) {
    return Effect.timeoutFail(self, { duration: options.duration, onTimeout: options.onTimeout })
  }
  return Effect.uninterruptibleMask((restore) =>
    // the child ends with the exit as its value: a failure is ours to report, not an unhandled one
    Effect.flatMap(Effect.fork(Effect.exit(restore(self))), (fiber) =>
      restore(Effect.async<A, E>((resume) => {
        let settled = false
        const timer = setTimeout(() => {
          if (settled) return
          settled = true
          // interrupting the child aborts its request before the timeout is reported
          resume(Effect.zipRight(Fiber.interrupt(fiber), Effect.fail(options.onTimeout())))
        }, millis)
        fiber.addObserver((exit) => {
          clearTimeout(timer)
          if (settled) return
          settled = true
          resume(Exit.isSuccess(exit) ? exit.value : Exit.failCause(exit.cause))
        })
        return Effect.suspend(() => {
          settled = true
          clearTimeout(timer)
          return Fiber.interrupt(fiber)
        })
      })))
  )
}
