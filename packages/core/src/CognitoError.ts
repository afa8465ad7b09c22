/**
 * Every way `UpdateAuthEventFeedback` can fail, as `Schema.TaggedError`s: the eight exceptions the
 * service models (class name = `_tag` = the AWS error code), plus one error for the transport and
 * one for a response that cannot be mapped to any of them.
 *
 * Each shows itself in `String(error)` and in fast-check's reports (its `toStringMethod`): the tag,
 * the message and the fields that are not secret (request id, reason code, origin, reason,
 * status, code), never a `cause`. No field holds the username or the token: the live client
 * redacts both from every text it keeps from a response.
 *
 * @since 0.1.0
 */
import * as ErrorText from "@cognito-feedback/protocol/ErrorText"
import * as ServiceError from "@cognito-feedback/protocol/ServiceError"
import * as Schema from "effect/Schema"

const { codes } = ServiceError

const serviceFields = {
  message: Schema.String,
  requestId: Schema.optional(Schema.String)
}

/**
 * Where an `InvalidParameterException` was decided: `"local"`, caller input the client rejected
 * before sending anything; `"service"`, the service's answer.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ErrorOrigin = Schema.Literal("local", "service")

/**
 * @since 0.1.0
 * @category models
 */
export type ErrorOrigin = typeof ErrorOrigin.Type

/**
 * A parameter is invalid. Also the error for caller input that breaks the request schema: then
 * `origin` is `"local"`, `message` names the field and the rule, and nothing was sent. `origin`
 * defaults to `"service"`, when constructing and when decoding an error encoded without it.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidParameterException extends Schema.TaggedError<InvalidParameterException>()(
  codes.InvalidParameterException,
  {
    ...serviceFields,
    reasonCode: Schema.optional(Schema.String),
    origin: Schema.optionalWith(ErrorOrigin, { default: () => "service" })
  }
) {}

/**
 * The user pool, or the auth event, does not exist.
 *
 * @since 0.1.0
 * @category errors
 */
export class ResourceNotFoundException extends Schema.TaggedError<ResourceNotFoundException>()(
  codes.ResourceNotFoundException,
  serviceFields
) {}

/**
 * The request rate was exceeded. Retried as throttling.
 *
 * @since 0.1.0
 * @category errors
 */
export class TooManyRequestsException extends Schema.TaggedError<TooManyRequestsException>()(
  codes.TooManyRequestsException,
  serviceFields
) {}

/**
 * Not authorized: typically a wrong, expired or already used feedback token.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotAuthorizedException extends Schema.TaggedError<NotAuthorizedException>()(
  codes.NotAuthorizedException,
  serviceFields
) {}

/**
 * No user with that username, alias or `sub` in the pool.
 *
 * @since 0.1.0
 * @category errors
 */
export class UserNotFoundException extends Schema.TaggedError<UserNotFoundException>()(
  codes.UserNotFoundException,
  serviceFields
) {}

/**
 * Threat protection is off for the pool (`AdvancedSecurityMode` is `OFF`).
 *
 * @since 0.1.0
 * @category errors
 */
export class UserPoolAddOnNotEnabledException extends Schema.TaggedError<UserPoolAddOnNotEnabledException>()(
  codes.UserPoolAddOnNotEnabledException,
  serviceFields
) {}

/**
 * The operation is not available in this region or pool configuration (e.g. a replica region).
 *
 * @since 0.1.0
 * @category errors
 */
export class OperationNotEnabledException extends Schema.TaggedError<OperationNotEnabledException>()(
  codes.OperationNotEnabledException,
  serviceFields
) {}

/**
 * The service failed. Retried as a transient error.
 *
 * @since 0.1.0
 * @category errors
 */
export class InternalErrorException extends Schema.TaggedError<InternalErrorException>()(
  codes.InternalErrorException,
  serviceFields
) {}

/**
 * The exceptions the service itself can return.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CognitoServiceError = Schema.Union(
  InvalidParameterException,
  ResourceNotFoundException,
  TooManyRequestsException,
  NotAuthorizedException,
  UserNotFoundException,
  UserPoolAddOnNotEnabledException,
  OperationNotEnabledException,
  InternalErrorException
)

/**
 * @since 0.1.0
 * @category errors
 */
export type CognitoServiceError = typeof CognitoServiceError.Type

/**
 * The AWS error codes of the service exceptions, in the order of the facts sheet (the protocol's
 * `ServiceError.serviceErrors`, where each code, its retry class and its meaning are written).
 *
 * @since 0.1.0
 * @category models
 */
export const serviceErrorCodes: typeof ServiceError.serviceErrorCodes & ReadonlyArray<ServiceErrorCode> =
  ServiceError.serviceErrorCodes

/**
 * @since 0.1.0
 * @category models
 */
export type ServiceErrorCode = CognitoServiceError["_tag"]

// a class per code of the protocol's table and no other, checked both ways by the compiler:
// every protocol code is a class's tag (`serviceErrorCodes`' type), and every class's tag is a
// protocol code (`makeServiceError` looks the class up by the protocol's codes)
type ServiceErrorClass = new(fields: {
  readonly message: string
  readonly requestId?: string | undefined
}) => CognitoServiceError

const serviceErrorClasses = Object.fromEntries(
  CognitoServiceError.members.map((errorClass) => [errorClass._tag, errorClass])
) as unknown as { readonly [C in ServiceError.ServiceErrorCode]: ServiceErrorClass }

/**
 * Whether `code` is one of the service exceptions' codes.
 *
 * @since 0.1.0
 * @category guards
 */
export const isServiceErrorCode: (code: string) => code is ServiceErrorCode = ServiceError.isServiceErrorCode

/**
 * Builds the service exception for a known code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeServiceError = (
  code: ServiceErrorCode,
  fields: {
    readonly message: string
    readonly requestId?: string | undefined
    readonly reasonCode?: string | undefined
  }
): CognitoServiceError => {
  const { message, reasonCode, requestId } = fields
  if (code === codes.InvalidParameterException) {
    // an absent reason code is left out, not set to `undefined`: the error equals one built without it
    return new InvalidParameterException(
      reasonCode === undefined ? { message, requestId } : { message, requestId, reasonCode }
    )
  }
  return new serviceErrorClasses[code]({ message, requestId })
}

/**
 * The request did not complete: the connection could not be made or was reset, or an attempt
 * timed out; or (`NotSent`) the request could not even be handed to the network, which a retry
 * would not change. `cause` is the underlying error of the transport, never the request itself.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  reason: Schema.Literal("Connect", "Reset", "Timeout", "NotSent", "Unknown"),
  message: Schema.String,
  cause: Schema.optional(Schema.Defect)
}) {}

/**
 * A response that maps to no service exception: an unknown error code, a body that is not the
 * protocol's (HTML from a load balancer, bad JSON), or an unexpected status. Keeps what could be read.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnexpectedResponseError extends Schema.TaggedError<UnexpectedResponseError>()("UnexpectedResponseError", {
  status: Schema.Int,
  code: Schema.optional(Schema.String),
  requestId: Schema.optional(Schema.String),
  message: Schema.String,
  cause: Schema.optional(Schema.Defect)
}) {}

/**
 * Everything `UpdateAuthEventFeedback` can fail with.
 *
 * @since 0.1.0
 * @category errors
 */
export type UpdateAuthEventFeedbackError = CognitoServiceError | TransportError | UnexpectedResponseError

/**
 * @since 0.1.0
 * @category schemas
 */
export const UpdateAuthEventFeedbackError = Schema.Union(CognitoServiceError, TransportError, UnexpectedResponseError)

// every class of the union shows itself as the protocol's `ErrorText` says (a class added to the
// union gets it too)
ErrorText.install([...CognitoServiceError.members, TransportError, UnexpectedResponseError])
