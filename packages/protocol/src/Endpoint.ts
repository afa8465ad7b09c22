/**
 * Where a call goes: the Cognito user-pools endpoint for a region, with the AWS SDKs' rules for
 * partitions, FIPS and dual-stack, or a custom endpoint (a local emulator) used as given. Pure
 * functions returning a `Resolved` / `Valid` or an `Invalid` result: each edition wraps them in
 * its own error type.
 *
 * @since 0.1.0
 */

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
 * The names of the AWS partitions, as in the AWS SDKs' partition table.
 *
 * @since 0.1.0
 * @category partitions
 */
export type PartitionName =
  | "aws"
  | "aws-cn"
  | "aws-eusc"
  | "aws-iso"
  | "aws-iso-b"
  | "aws-iso-e"
  | "aws-iso-f"
  | "aws-us-gov"

/**
 * What a partition gives a region: the `outputs` of the AWS SDKs' partition table.
 *
 * @since 0.1.0
 * @category partitions
 */
export interface Partition {
  readonly name: PartitionName
  readonly dnsSuffix: string
  readonly dualStackDnsSuffix: string
  /** The region that global endpoints of the partition are signed for. */
  readonly implicitGlobalRegion: string
  readonly supportsFIPS: boolean
  readonly supportsDualStack: boolean
}

/**
 * One row of the partition table: its id, the pattern of its region names (the SDKs' source
 * text), the regions it lists by name (these win over every pattern), and its outputs.
 *
 * @since 0.1.0
 * @category partitions
 */
export interface PartitionEntry {
  readonly id: PartitionName
  readonly regionRegex: string
  readonly regions: ReadonlyArray<string>
  readonly outputs: Partition
}

// the default partition, for a region that no other matches
const awsPartition: Partition = {
  name: "aws",
  dnsSuffix: "amazonaws.com",
  dualStackDnsSuffix: "api.aws",
  implicitGlobalRegion: "us-east-1",
  supportsFIPS: true,
  supportsDualStack: true
}

/**
 * The AWS SDKs' partition table, in its order, as the AWS SDK for JavaScript v3 ships it
 * (`@aws-sdk/core` 3.981.0, `submodules/client/util-endpoints/lib/aws/partitions.js`, version
 * 1.1). The tests compare it with the installed SDK's table.
 *
 * @since 0.1.0
 * @category partitions
 */
export const partitions: ReadonlyArray<PartitionEntry> = [
  {
    id: "aws",
    regionRegex: "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
    regions: [
      "af-south-1",
      "ap-east-1",
      "ap-east-2",
      "ap-northeast-1",
      "ap-northeast-2",
      "ap-northeast-3",
      "ap-south-1",
      "ap-south-2",
      "ap-southeast-1",
      "ap-southeast-2",
      "ap-southeast-3",
      "ap-southeast-4",
      "ap-southeast-5",
      "ap-southeast-6",
      "ap-southeast-7",
      "aws-global",
      "ca-central-1",
      "ca-west-1",
      "eu-central-1",
      "eu-central-2",
      "eu-north-1",
      "eu-south-1",
      "eu-south-2",
      "eu-west-1",
      "eu-west-2",
      "eu-west-3",
      "il-central-1",
      "me-central-1",
      "me-south-1",
      "me-west-1",
      "mx-central-1",
      "sa-east-1",
      "sa-west-1",
      "us-east-1",
      "us-east-2",
      "us-west-1",
      "us-west-2"
    ],
    outputs: awsPartition
  },
  {
    id: "aws-cn",
    regionRegex: "^cn\\-\\w+\\-\\d+$",
    regions: ["aws-cn-global", "cn-north-1", "cn-northwest-1"],
    outputs: {
      name: "aws-cn",
      dnsSuffix: "amazonaws.com.cn",
      dualStackDnsSuffix: "api.amazonwebservices.com.cn",
      implicitGlobalRegion: "cn-northwest-1",
      supportsFIPS: true,
      supportsDualStack: true
    }
  },
  {
    // the AWS European Sovereign Cloud
    id: "aws-eusc",
    regionRegex: "^eusc\\-(de)\\-\\w+\\-\\d+$",
    regions: ["eusc-de-east-1"],
    outputs: {
      name: "aws-eusc",
      dnsSuffix: "amazonaws.eu",
      dualStackDnsSuffix: "api.amazonwebservices.eu",
      implicitGlobalRegion: "eusc-de-east-1",
      supportsFIPS: true,
      supportsDualStack: true
    }
  },
  {
    id: "aws-iso",
    regionRegex: "^us\\-iso\\-\\w+\\-\\d+$",
    regions: ["aws-iso-global", "us-iso-east-1", "us-iso-west-1"],
    outputs: {
      name: "aws-iso",
      dnsSuffix: "c2s.ic.gov",
      dualStackDnsSuffix: "api.aws.ic.gov",
      implicitGlobalRegion: "us-iso-east-1",
      supportsFIPS: true,
      supportsDualStack: true
    }
  },
  {
    id: "aws-iso-b",
    regionRegex: "^us\\-isob\\-\\w+\\-\\d+$",
    regions: ["aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"],
    outputs: {
      name: "aws-iso-b",
      dnsSuffix: "sc2s.sgov.gov",
      dualStackDnsSuffix: "api.aws.scloud",
      implicitGlobalRegion: "us-isob-east-1",
      supportsFIPS: true,
      supportsDualStack: true
    }
  },
  {
    id: "aws-iso-e",
    regionRegex: "^eu\\-isoe\\-\\w+\\-\\d+$",
    regions: ["aws-iso-e-global", "eu-isoe-west-1"],
    outputs: {
      name: "aws-iso-e",
      dnsSuffix: "cloud.adc-e.uk",
      dualStackDnsSuffix: "api.cloud-aws.adc-e.uk",
      implicitGlobalRegion: "eu-isoe-west-1",
      supportsFIPS: true,
      supportsDualStack: true
    }
  },
  {
    id: "aws-iso-f",
    regionRegex: "^us\\-isof\\-\\w+\\-\\d+$",
    regions: ["aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"],
    outputs: {
      name: "aws-iso-f",
      dnsSuffix: "csp.hci.ic.gov",
      dualStackDnsSuffix: "api.aws.hci.ic.gov",
      implicitGlobalRegion: "us-isof-south-1",
      supportsFIPS: true,
      supportsDualStack: true
    }
  },
  {
    id: "aws-us-gov",
    regionRegex: "^us\\-gov\\-\\w+\\-\\d+$",
    regions: ["aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"],
    outputs: {
      name: "aws-us-gov",
      dnsSuffix: "amazonaws.com",
      dualStackDnsSuffix: "api.aws",
      implicitGlobalRegion: "us-gov-west-1",
      supportsFIPS: true,
      supportsDualStack: true
    }
  }
]

// The SDKs' lookup: a region listed by name first (so `aws-cn-global` is aws-cn's), then the first
// pattern that matches, then aws. The aws pattern has exactly one word between prefix and number
// (`\w` has no `-`), so it does not take `us-gov-west-1` or `eu-isoe-west-1`.
const byRegion: ReadonlyMap<string, Partition> = new Map(
  partitions.flatMap((entry) => entry.regions.map((region) => [region, entry.outputs] as const)).reverse()
)
const byPattern: ReadonlyArray<readonly [RegExp, Partition]> = partitions.map((entry) => [
  new RegExp(entry.regionRegex),
  entry.outputs
])

/**
 * The partition of a region, as the AWS SDKs find it: the partition that lists the region by
 * name, else the first whose pattern matches, else `aws`.
 *
 * @since 0.1.0
 * @category partitions
 */
export const partitionOf = (region: string): Partition =>
  byRegion.get(region) ?? byPattern.find(([pattern]) => pattern.test(region))?.[1] ?? awsPartition

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

/**
 * The option at fault in an `Invalid` result; `UserPoolId` when the region taken from the pool id
 * is unusable.
 *
 * @since 0.1.0
 * @category models
 */
export type Setting = "region" | "endpoint" | "useFipsEndpoint" | "useDualstackEndpoint" | "UserPoolId"

/**
 * A configuration that cannot give an endpoint. The message never contains the custom endpoint,
 * which could carry credentials.
 *
 * @since 0.1.0
 * @category models
 */
export interface Invalid {
  readonly _tag: "Invalid"
  readonly setting: Setting
  readonly message: string
}

/**
 * Options that passed `validate`, with the custom endpoint normalized (`undefined` when unset).
 *
 * @since 0.1.0
 * @category models
 */
export interface Valid {
  readonly _tag: "Valid"
  readonly options: EndpointOptions
  readonly endpoint: string | undefined
}

/**
 * The endpoint of a call.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved {
  readonly _tag: "Resolved"
  /** The URL to post to, without a trailing `/`. */
  readonly url: string
  /** The region the call is for, also reported for a custom endpoint. */
  readonly region: string
  /** The region's partition; `undefined` for a custom endpoint. */
  readonly partition: Partition | undefined
  /** Whether `url` is the configured custom endpoint. */
  readonly custom: boolean
}

const invalid = (setting: Setting, message: string): Invalid => ({ _tag: "Invalid", setting, message })

// One DNS label: the region goes into a host name, so nothing else (no `.`, `/`, `@`, `:`) may get in.
const regionLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

const isSet = (value: string | undefined): value is string => value !== undefined && value !== ""

const checkRegion = (region: string, setting: "region" | "UserPoolId"): Invalid | undefined =>
  regionLabel.test(region) ? undefined : invalid(
    setting,
    setting === "region"
      ? `Invalid region ${JSON.stringify(region)}: must be a DNS label (lower-case letters, digits and -)`
      : "Invalid region in the UserPoolId prefix: must be a DNS label (lower-case letters, digits and -)"
  )

// The WHATWG URL class, a global of every runtime the protocol runs on (Node, browsers, Deno, Bun,
// workers); declared here, with what is read of it, because the protocol compiles against ES2022 only.
declare const URL: new(input: string) => {
  readonly protocol: string
  readonly hostname: string
  readonly username: string
  readonly password: string
  readonly search: string
  readonly hash: string
  readonly origin: string
  readonly pathname: string
}

/**
 * The custom endpoint as the URL a client posts to: parsed and normalized (lower-case host, no
 * default port, no trailing `/`), its path kept. The URL itself is never echoed in a message: it
 * could carry credentials.
 */
const parseCustomEndpoint = (endpoint: string): string | Invalid => {
  const bad = (why: string) => invalid("endpoint", `Invalid endpoint: ${why}`)
  let url: InstanceType<typeof URL>
  try {
    url = new URL(endpoint)
  } catch {
    return bad("must be an absolute http or https URL")
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return bad("must be an absolute http or https URL")
  if (url.hostname === "") return bad("must have a host")
  // fetch refuses URLs with credentials; fail at configuration, not on every call
  if (url.username !== "" || url.password !== "") return bad("must not contain credentials")
  if (url.search !== "" || url.hash !== "") return bad("must not have a query or a fragment")
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "")
}

/**
 * The checks that need no user pool id, done once when a client is built: a custom endpoint with
 * FIPS or dual-stack (checked first, as in the SDKs), the shape of the custom endpoint URL, the
 * shape of an explicit region.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (options: EndpointOptions): Valid | Invalid => {
  if (isSet(options.endpoint)) {
    if (options.useFipsEndpoint === true) {
      return invalid("useFipsEndpoint", "FIPS and custom endpoint are not supported")
    }
    if (options.useDualstackEndpoint === true) {
      return invalid("useDualstackEndpoint", "Dualstack and custom endpoint are not supported")
    }
  }
  if (isSet(options.region)) {
    const error = checkRegion(options.region, "region")
    if (error !== undefined) return error
  }
  if (!isSet(options.endpoint)) return { _tag: "Valid", options, endpoint: undefined }
  const endpoint = parseCustomEndpoint(options.endpoint)
  return typeof endpoint === "string" ? { _tag: "Valid", options, endpoint } : endpoint
}

// Cognito's own rules on top of the partitions' (its endpoint rule set): FIPS + dual-stack in these
// regions stays on the IPv4 FIPS host, and dual-stack without FIPS in the aws partition keeps the
// default host, which already is dual-stack.
const fipsDualStackUrls: ReadonlyMap<string, string> = new Map(
  ["us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((region) => [
    region,
    `https://cognito-idp-fips.${region}.amazonaws.com`
  ])
)

/**
 * The service's endpoint for a region of a partition, by Cognito's endpoint rule set: FIPS and
 * dual-stack hosts, and the SDKs' errors when the partition supports neither. The region is taken
 * as given: `resolve` checks it first.
 *
 * @since 0.1.0
 * @category resolution
 */
export const serviceEndpoint = (
  region: string,
  partition: Partition,
  options: Pick<EndpointOptions, "useFipsEndpoint" | "useDualstackEndpoint">
): Resolved | Invalid => {
  const fips = options.useFipsEndpoint === true
  const dualStack = options.useDualstackEndpoint === true
  const resolved = (url: string): Resolved => ({ _tag: "Resolved", url, region, partition, custom: false })
  if (fips) {
    if (dualStack) {
      if (!partition.supportsFIPS || !partition.supportsDualStack) {
        return invalid(
          partition.supportsFIPS ? "useDualstackEndpoint" : "useFipsEndpoint",
          "FIPS and DualStack are enabled, but this partition does not support one or both"
        )
      }
      return resolved(
        fipsDualStackUrls.get(region) ?? `https://cognito-idp-fips.${region}.${partition.dualStackDnsSuffix}`
      )
    }
    return partition.supportsFIPS
      ? resolved(`https://cognito-idp-fips.${region}.${partition.dnsSuffix}`)
      : invalid("useFipsEndpoint", "FIPS is enabled but this partition does not support FIPS")
  }
  if (dualStack) {
    if (!partition.supportsDualStack) {
      return invalid("useDualstackEndpoint", "DualStack is enabled but this partition does not support DualStack")
    }
    return resolved(
      partition.name === "aws"
        ? `https://cognito-idp.${region}.amazonaws.com`
        : `https://cognito-idp.${region}.${partition.dualStackDnsSuffix}`
    )
  }
  return resolved(`https://cognito-idp.${region}.${partition.dnsSuffix}`)
}

/**
 * The endpoint of a call: the region is the explicit one, else the user pool id's prefix; the URL
 * is the custom endpoint if set, else the service's for that region, partition, FIPS and
 * dual-stack settings. Unlike the SDKs, a custom endpoint still needs a region (it is reported),
 * and a region must be a DNS label.
 *
 * @since 0.1.0
 * @category resolution
 */
export const resolve = (options: EndpointOptions, userPoolId: string): Resolved | Invalid => {
  const valid = validate(options)
  if (valid._tag === "Invalid") return valid
  const custom = valid.endpoint
  let region: string
  if (isSet(options.region)) {
    region = options.region
  } else {
    const fromPool = regionFromUserPoolId(userPoolId)
    if (fromPool === undefined) return invalid("region", "Missing Region")
    // with a custom endpoint the region is only reported, so emulator pool ids like `my_pool_1` pass
    const error = custom === undefined ? checkRegion(fromPool, "UserPoolId") : undefined
    if (error !== undefined) return error
    region = fromPool
  }
  return custom === undefined
    ? serviceEndpoint(region, partitionOf(region), options)
    : { _tag: "Resolved", url: custom, region, partition: undefined, custom: true }
}
