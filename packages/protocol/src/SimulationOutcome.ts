/**
 * What a simulated call ends with: the operation's output, or a service exception as its code and
 * message (the edition builds its own error value from these: a tagged error, an HTTP response).
 * The codes are the protocol's (`ServiceError.serviceErrors`), reached by name through
 * `ServiceError.codes`, so the simulator never writes one again.
 *
 * @since 0.1.0
 */
import type { ServiceErrorCode } from "./ServiceError.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Success<A> {
  readonly _tag: "Success"
  readonly output: A
}

/**
 * A service exception: its code and a message that never contains a username or a token.
 *
 * @since 0.1.0
 * @category models
 */
export interface Failure<C extends ServiceErrorCode = ServiceErrorCode> {
  readonly _tag: "Failure"
  readonly code: C
  readonly message: string
}

/**
 * @since 0.1.0
 * @category models
 */
export type Outcome<A> = Success<A> | Failure

/**
 * @since 0.1.0
 * @category constructors
 */
export const success = <A>(output: A): Success<A> => ({ _tag: "Success", output })

/**
 * @since 0.1.0
 * @category constructors
 */
export const failure = <C extends ServiceErrorCode>(code: C, message: string): Failure<C> => ({
  _tag: "Failure",
  code,
  message
})
