/**
 * The exceptions Cognito's feedback operations return, each once: its code (the class name in the
 * service model, which is also each edition's `_tag`), how the AWS SDKs' standard retry strategy
 * classifies it, and its status in the model. What each means is said by the editions' error
 * classes.
 *
 * @since 0.1.0
 */

/**
 * How a retry strategy treats an error: `throttling` and `transient` are retried (with their own
 * backoff bases and quota costs), `none` never.
 *
 * @since 0.1.0
 * @category models
 */
export type RetryClass = "throttling" | "transient" | "none"

/**
 * One service exception: its code, its retry class, its status in the model.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServiceErrorDescription {
  readonly code: string
  readonly retry: RetryClass
  /** The HTTP status the service model gives it (`httpError`; a server fault without one: 500). */
  readonly modelStatus: number
}

/**
 * The service exceptions of the feedback operations (`UpdateAuthEventFeedback`,
 * `AdminUpdateAuthEventFeedback` and `AdminListUserAuthEvents` list the same eight in the service
 * model), in the order of the facts sheet, with the status the model gives each (the live service
 * sends 400 for all but server faults: `AwsJson.encodeErrorResponse`). The retry classes are the AWS SDKs':
 * `TooManyRequestsException` is one of their throttling codes, `InternalErrorException` a 500
 * (transient); the others are client errors, never retried.
 *
 * @since 0.1.0
 * @category models
 */
export const serviceErrors = [
  { code: "InvalidParameterException", retry: "none", modelStatus: 400 },
  {
    code: "ResourceNotFoundException",
    retry: "none",
    modelStatus: 404
  },
  { code: "TooManyRequestsException", retry: "throttling", modelStatus: 429 },
  {
    code: "NotAuthorizedException",
    retry: "none",
    modelStatus: 403
  },
  { code: "UserNotFoundException", retry: "none", modelStatus: 404 },
  {
    code: "UserPoolAddOnNotEnabledException",
    retry: "none",
    modelStatus: 400
  },
  {
    code: "OperationNotEnabledException",
    retry: "none",
    modelStatus: 400
  },
  { code: "InternalErrorException", retry: "transient", modelStatus: 500 }
] as const satisfies ReadonlyArray<ServiceErrorDescription>

/**
 * @since 0.1.0
 * @category models
 */
export type ServiceErrorCode = (typeof serviceErrors)[number]["code"]

type Codes<T extends ReadonlyArray<ServiceErrorDescription>> = { readonly [K in keyof T]: T[K]["code"] }

/**
 * The codes, in the order of `serviceErrors`, as a tuple of their literal types.
 *
 * @since 0.1.0
 * @category models
 */
export const serviceErrorCodes = serviceErrors.map((error) => error.code) as unknown as Codes<typeof serviceErrors>

const byCode: ReadonlyMap<string, ServiceErrorDescription> = new Map(serviceErrors.map((error) => [error.code, error]))

/**
 * Whether `code` is one of the service exceptions' codes.
 *
 * @since 0.1.0
 * @category guards
 */
export const isServiceErrorCode = (code: string): code is ServiceErrorCode => byCode.has(code)

/**
 * The description of a service exception's code.
 *
 * @since 0.1.0
 * @category getters
 */
export const describe = (code: ServiceErrorCode): ServiceErrorDescription => byCode.get(code) as ServiceErrorDescription

/**
 * Each code by its own name, for code that names one exception (an edition's error class, a
 * simulator's answer) without writing the code again as a string.
 *
 * @since 0.1.0
 * @category models
 */
export const codes: { readonly [C in ServiceErrorCode]: C } = /* @__PURE__ */ Object.fromEntries(
  serviceErrors.map((error) => [error.code, error.code])
) as { readonly [C in ServiceErrorCode]: C }
