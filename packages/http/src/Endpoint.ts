/**
 * Where a call goes: the Cognito user-pools endpoint for a region, with the AWS SDKs' rules for
 * partitions, FIPS and dual-stack, or a custom endpoint (a local emulator) used as given. Pure
 * functions: configuration errors are values, checked once when a layer is built.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

/**
 * @since 0.1.0
 * @category models
 */
export interface EndpointOptions {
  /** Wins over the user pool id's prefix (needed for replica regions). An empty string means unset. */
  readonly region?: string | undefined
  /** A custom endpoint URL, e.g. a local emulator. An empty string means unset. */
  readonly endpoint?: string | undefined
  readonly useFipsEndpoint?: boolean | undefined
  readonly useDualstackEndpoint?: boolean | undefined
}

/**
 * A configuration that cannot give an endpoint. `setting` names the option at fault
 * (`region`, `endpoint`, `useFipsEndpoint`, `useDualstackEndpoint`, or `UserPoolId` when the
 * region taken from the pool id is unusable).
 *
 * @since 0.1.0
 * @category errors
 */
export class EndpointError extends Schema.TaggedError<EndpointError>()("EndpointError", {
  setting: Schema.String,
  message: Schema.String
}) {}

/**
 * @since 0.1.0
 * @category models
 */
export interface Partition {
  readonly name: "aws" | "aws-cn" | "aws-us-gov" | "aws-iso" | "aws-iso-b"
  readonly dnsSuffix: string
  readonly dualStackDnsSuffix: string
}

// The SDKs' partition table, in its order: a region belongs to the first pattern that matches. The aws
// pattern has exactly one word between prefix and number (`\w` has no `-`), so it does not take
// `us-gov-west-1` or `us-isob-east-1`.
const awsPartition: Partition = { name: "aws", dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws" }
const partitions: ReadonlyArray<readonly [RegExp, Partition]> = [
  [/^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, awsPartition],
  [/^cn-\w+-\d+$/, {
    name: "aws-cn",
    dnsSuffix: "amazonaws.com.cn",
    dualStackDnsSuffix: "api.amazonwebservices.com.cn"
  }],
  [/^us-gov-\w+-\d+$/, { name: "aws-us-gov", dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws" }],
  [/^us-iso-\w+-\d+$/, { name: "aws-iso", dnsSuffix: "c2s.ic.gov", dualStackDnsSuffix: "api.aws.ic.gov" }],
  [/^us-isob-\w+-\d+$/, { name: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", dualStackDnsSuffix: "api.aws.scloud" }]
]

/**
 * The partition of a region: the first whose pattern matches, else `aws`, as in the SDKs.
 *
 * @since 0.1.0
 * @category partitions
 */
export const partitionOf = (region: string): Partition => {
  const found = partitions.find(([pattern]) => pattern.test(region))
  return found === undefined ? awsPartition : found[1]
}

/**
 * The region prefix of a user pool id (`us-east-1_AbC` → `us-east-1`): what comes before the last
 * `_`, since the id's suffix is alphanumeric. `undefined` when there is no `_` or nothing before it.
 *
 * @since 0.1.0
 * @category regions
 */
export const regionFromUserPoolId = (userPoolId: string): string | undefined => {
  const index = userPoolId.lastIndexOf("_")
  return index <= 0 ? undefined : userPoolId.slice(0, index)
}

// One DNS label: the region goes into a host name, so nothing else (no `.`, `/`, `@`, `:`) may get in.
const regionLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

const isSet = (value: string | undefined): value is string => value !== undefined && value !== ""

const checkRegion = (region: string, setting: "region" | "UserPoolId"): EndpointError | undefined =>
  regionLabel.test(region) ? undefined : new EndpointError({
    setting,
    message: setting === "region"
      ? `Invalid region ${JSON.stringify(region)}: must be a DNS label (lower-case letters, digits and -)`
      : "Invalid region in the UserPoolId prefix: must be a DNS label (lower-case letters, digits and -)"
  })

/**
 * The custom endpoint as the URL a client posts to: parsed and normalized (lower-case host, no
 * default port, no trailing `/`), its path kept. The URL itself is never echoed in a message: it
 * could carry credentials.
 */
const parseCustomEndpoint = (endpoint: string): Either.Either<string, EndpointError> => {
  const invalid = (why: string) =>
    Either.left(new EndpointError({ setting: "endpoint", message: `Invalid endpoint: ${why}` }))
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return invalid("must be an absolute http or https URL")
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return invalid("must be an absolute http or https URL")
  if (url.hostname === "") return invalid("must have a host")
  // fetch refuses URLs with credentials; fail at configuration, not on every call
  if (url.username !== "" || url.password !== "") return invalid("must not contain credentials")
  if (url.search !== "" || url.hash !== "") return invalid("must not have a query or a fragment")
  return Either.right(`${url.origin}${url.pathname}`.replace(/\/+$/, ""))
}

const checkOptions = (options: EndpointOptions): Either.Either<string | undefined, EndpointError> => {
  if (isSet(options.endpoint)) {
    if (options.useFipsEndpoint === true) {
      return Either.left(
        new EndpointError({ setting: "useFipsEndpoint", message: "FIPS and custom endpoint are not supported" })
      )
    }
    if (options.useDualstackEndpoint === true) {
      return Either.left(
        new EndpointError({
          setting: "useDualstackEndpoint",
          message: "Dualstack and custom endpoint are not supported"
        })
      )
    }
  }
  if (isSet(options.region)) {
    const error = checkRegion(options.region, "region")
    if (error !== undefined) return Either.left(error)
  }
  return isSet(options.endpoint) ? parseCustomEndpoint(options.endpoint) : Either.right(undefined)
}

/**
 * The checks that need no user pool id, done once when a layer is built: a custom endpoint with
 * FIPS or dual-stack, the shape of the custom endpoint URL, the shape of an explicit region.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (options: EndpointOptions): Either.Either<EndpointOptions, EndpointError> =>
  Either.map(checkOptions(options), () => options)

/**
 * @since 0.1.0
 * @category models
 */
export interface ResolvedEndpoint {
  /** The URL to post to, without a trailing `/`. */
  readonly url: string
  /** The region the call is for, also reported for a custom endpoint. */
  readonly region: string
}

// FIPS + dual-stack in these regions stays on the IPv4 FIPS host, as the service's endpoint rules say.
const fipsDualStackOnDefaultSuffix: ReadonlySet<string> = new Set(["us-east-1", "us-east-2", "us-west-1", "us-west-2"])

const serviceUrl = (region: string, fips: boolean, dualStack: boolean): string => {
  const partition = partitionOf(region)
  const host = fips ? "cognito-idp-fips" : "cognito-idp"
  const suffix = !dualStack
    ? partition.dnsSuffix
    : fips
    ? fipsDualStackOnDefaultSuffix.has(region) ? partition.dnsSuffix : partition.dualStackDnsSuffix
    // the aws partition's default hosts are already dual-stack
    : partition.name === "aws"
    ? partition.dnsSuffix
    : partition.dualStackDnsSuffix
  return `https://${host}.${region}.${suffix}`
}

/**
 * The endpoint of a call: the region is the explicit one, else the user pool id's prefix; the URL
 * is the custom endpoint if set, else the service's for that region, partition, FIPS and
 * dual-stack settings.
 *
 * @since 0.1.0
 * @category resolution
 */
export const resolve = (options: EndpointOptions, userPoolId: string): Either.Either<ResolvedEndpoint, EndpointError> =>
  Either.flatMap(checkOptions(options), (custom) => {
    let region: string
    if (isSet(options.region)) {
      region = options.region
    } else {
      const fromPool = regionFromUserPoolId(userPoolId)
      if (fromPool === undefined) {
        return Either.left(new EndpointError({ setting: "region", message: "Missing Region" }))
      }
      // with a custom endpoint the region is only reported, so emulator pool ids like `my_pool_1` pass
      const error = custom === undefined ? checkRegion(fromPool, "UserPoolId") : undefined
      if (error !== undefined) return Either.left(error)
      region = fromPool
    }
    return Either.right({
      url: custom ?? serviceUrl(region, options.useFipsEndpoint === true, options.useDualstackEndpoint === true),
      region
    })
  })
