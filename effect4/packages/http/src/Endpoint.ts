/**
 * Where a call goes: the Cognito user-pools endpoint for a region, with the AWS SDKs' rules for
 * partitions, FIPS and dual-stack, or a custom endpoint (a local emulator) used as given. Pure
 * functions: configuration errors are values, checked once when a layer is built. The rules are
 * the protocol's (`@cognito-feedback/protocol/Endpoint`); this module gives them `Result` and a
 * tagged error.
 *
 * @since 1.0.0
 */
import * as Protocol from "@cognito-feedback/protocol/Endpoint"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

/**
 * @since 1.0.0
 * @category models
 */
export interface EndpointOptions extends Protocol.EndpointOptions {}

/**
 * A configuration that cannot give an endpoint. `setting` names the option at fault
 * (`region`, `endpoint`, `useFipsEndpoint`, `useDualstackEndpoint`, or `UserPoolId` when the
 * region taken from the pool id is unusable).
 *
 * @since 1.0.0
 * @category errors
 */
export class EndpointError extends Schema.TaggedError<EndpointError>()("EndpointError", {
  setting: Schema.String,
  message: Schema.String
}) {}

/**
 * An AWS partition: its name and DNS suffixes, and whether it supports FIPS and dual-stack.
 *
 * @since 1.0.0
 * @category models
 */
export interface Partition extends Protocol.Partition {}

/**
 * The partition of a region, as the AWS SDKs find it: the partition that lists the region by
 * name, else the first whose pattern matches, else `aws`.
 *
 * @since 1.0.0
 * @category partitions
 */
export const partitionOf: (region: string) => Partition = Protocol.partitionOf

/**
 * The region prefix of a user pool id (`us-east-1_AbC` → `us-east-1`): what comes before the last
 * `_`, since the id's suffix is alphanumeric. `undefined` when there is no `_` or nothing before it.
 *
 * @since 1.0.0
 * @category regions
 */
export const regionFromUserPoolId: (userPoolId: string) => string | undefined = Protocol.regionFromUserPoolId

const fromInvalid = ({ message, setting }: Protocol.Invalid) => Result.fail(new EndpointError({ setting, message }))

/**
 * The checks that need no user pool id, done once when a layer is built: a custom endpoint with
 * FIPS or dual-stack, the shape of the custom endpoint URL, the shape of an explicit region.
 *
 * @since 1.0.0
 * @category validation
 */
export const validate = (options: EndpointOptions): Result.Result<EndpointOptions, EndpointError> => {
  const result = Protocol.validate(options)
  return result._tag === "Invalid" ? fromInvalid(result) : Result.succeed(options)
}

/**
 * @since 1.0.0
 * @category models
 */
export interface ResolvedEndpoint {
  /** The URL to post to, without a trailing `/`. */
  readonly url: string
  /** The region the call is for, also reported for a custom endpoint. */
  readonly region: string
}

/**
 * The endpoint of a call: the region is the explicit one, else the user pool id's prefix; the URL
 * is the custom endpoint if set, else the service's for that region, partition, FIPS and
 * dual-stack settings.
 *
 * @since 1.0.0
 * @category resolution
 */
export const resolve = (
  options: EndpointOptions,
  userPoolId: string
): Result.Result<ResolvedEndpoint, EndpointError> => {
  const result = Protocol.resolve(options, userPoolId)
  return result._tag === "Invalid" ? fromInvalid(result) : Result.succeed({ url: result.url, region: result.region })
}
