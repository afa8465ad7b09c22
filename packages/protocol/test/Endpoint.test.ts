import type * as CognitoSdk from "@aws-sdk/client-cognito-identity-provider"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as Endpoint from "../src/Endpoint.js"

// The oracle is the installed AWS SDK itself: its client, its endpoint resolver (Cognito's rule
// set) and its partition table. Everything is loaded through one `require` so that the client and
// `@aws-sdk/core/client` (where the partition table lives) are the same module instances.
const require = createRequire(import.meta.url)
const clientEntry = require.resolve("@aws-sdk/client-cognito-identity-provider")
const sdk = require(clientEntry) as typeof CognitoSdk
const sdkRequire = createRequire(clientEntry)

interface SdkPartitionEntry {
  readonly id: string
  readonly regionRegex: string
  readonly regions: Record<string, { readonly description?: string }>
  readonly outputs: object
}
interface SdkPartitionsInfo {
  readonly partitions: ReadonlyArray<SdkPartitionEntry>
  readonly version: string
}
const sdkCore = sdkRequire("@aws-sdk/core/client") as {
  readonly partition: (region: string) => Record<string, unknown>
  readonly setPartitionInfo: (info: SdkPartitionsInfo) => void
  readonly useDefaultPartitionInfo: () => void
}

// `@aws-sdk/core` does not export its table; read it from its own source file (a JSON literal)
const sdkPartitions: SdkPartitionsInfo = (() => {
  const file = path.join(
    path.dirname(sdkRequire.resolve("@aws-sdk/core/package.json")),
    "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js"
  )
  const text = readFileSync(file, "utf8")
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as SdkPartitionsInfo
})()

const endpointProvider = new sdk.CognitoIdentityProviderClient({ region: "us-east-1" }).config.endpointProvider

type Outcome = { readonly url: string } | { readonly error: string }

/** The SDK's answer, with the URL's trailing `/` dropped (ours has none). */
const sdkOutcome = (params: Parameters<typeof endpointProvider>[0]): Outcome => {
  try {
    return { url: endpointProvider(params).url.href.replace(/\/$/, "") }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/** Our answer, its message put in the SDK's words where the SDK prefixes them. */
const ourOutcome = (result: Endpoint.Resolved | Endpoint.Invalid): Outcome =>
  result._tag === "Resolved" ? { url: result.url } : { error: result.message }

/** The SDK's message without its `Invalid Configuration: ` prefix, which ours do not carry. */
const withoutPrefix = (outcome: Outcome): Outcome =>
  "error" in outcome ? { error: outcome.error.replace(/^Invalid Configuration: /, "") } : outcome

/** What a real client sends: the URL its request goes to, caught before signing and sending. */
const clientOutcome = async (config: CognitoSdk.CognitoIdentityProviderClientConfig): Promise<Outcome> => {
  const client = new sdk.CognitoIdentityProviderClient({ ...config, ignoreConfiguredEndpointUrls: true })
  const captured = new Error("captured")
  let url = ""
  client.middlewareStack.add(() => (args) => {
    const request = args.request as { protocol: string; hostname: string; port?: number; path: string }
    url = `${request.protocol}//${request.hostname}${
      request.port === undefined ? "" : `:${request.port}`
    }${request.path}`
    throw captured
  }, { step: "build" })
  try {
    await client.send(
      new sdk.UpdateAuthEventFeedbackCommand({
        UserPoolId: "us-east-1_AbC123",
        Username: "alice",
        EventId: "event-1",
        FeedbackToken: "token",
        FeedbackValue: "Valid"
      })
    )
  } catch (error) {
    if (error !== captured) return { error: (error as Error).message }
  } finally {
    client.destroy()
  }
  return { url: url.replace(/\/$/, "") }
}

/** A region of the partition's shape that it does not list: its first listed region, renamed. */
const syntheticRegion = (entry: SdkPartitionEntry): string => {
  const pattern = new RegExp(entry.regionRegex)
  const listed = Object.keys(entry.regions).find((region) => pattern.test(region))
  if (listed === undefined) throw new Error(`no listed region of ${entry.id} matches its pattern`)
  const parts = listed.split("-")
  return [...parts.slice(0, -2), "synthetic", "9"].join("-")
}

const listedRegions = sdkPartitions.partitions.flatMap((entry) => Object.keys(entry.regions))
const syntheticRegions = sdkPartitions.partitions.map(syntheticRegion)
// no pattern takes these: the SDKs put them in aws (the sovereign cloud's pattern is Germany's only)
const unmatchedRegions = ["eusc-fr-east-1", "mars-north-1", "local"]
const allRegions = [...listedRegions, ...syntheticRegions, ...unmatchedRegions]
const flags = [[false, false], [true, false], [false, true], [true, true]] as const

const describeFlags = (fips: boolean, dualStack: boolean) =>
  [fips ? "FIPS" : "", dualStack ? "dual-stack" : ""].filter((s) => s !== "").join(" + ") || "default"

describe("Endpoint", () => {
  describe("the partition table", () => {
    it("is the installed SDK's, row for row and in its order", () => {
      expect(Endpoint.partitions.map((entry) => ({ ...entry, regions: [...entry.regions] }))).toEqual(
        sdkPartitions.partitions.map(({ id, outputs, regionRegex, regions }) => ({
          id,
          regionRegex,
          regions: Object.keys(regions),
          outputs
        }))
      )
    })

    it("has the eight partitions of the AWS SDKs", () => {
      expect(Endpoint.partitions.map((entry) => entry.id).sort()).toEqual([
        "aws",
        "aws-cn",
        "aws-eusc",
        "aws-iso",
        "aws-iso-b",
        "aws-iso-e",
        "aws-iso-f",
        "aws-us-gov"
      ])
    })

    it("every synthetic region matches its partition's pattern and is not listed", () => {
      sdkPartitions.partitions.forEach((entry, i) => {
        const region = syntheticRegions[i] ?? ""
        expect(new RegExp(entry.regionRegex).test(region), region).toBe(true)
        expect(listedRegions).not.toContain(region)
      })
    })
  })

  describe("partitionOf is the SDK's partition()", () => {
    for (const region of allRegions) {
      it(region, () => {
        const { description: _description, ...outputs } = sdkCore.partition(region)
        expect(Endpoint.partitionOf(region)).toEqual(outputs)
      })
    }

    it("puts the sovereign cloud in aws-eusc, on amazonaws.eu", () => {
      expect(Endpoint.partitionOf("eusc-de-east-1")).toMatchObject({
        name: "aws-eusc",
        dnsSuffix: "amazonaws.eu",
        dualStackDnsSuffix: "api.amazonwebservices.eu"
      })
      // listed by name, so not aws even though no pattern but aws-cn's could take it
      expect(Endpoint.partitionOf("aws-cn-global").name).toBe("aws-cn")
    })
  })

  describe("resolve gives the SDK's endpoint for every partition × FIPS × dual-stack", () => {
    for (const region of allRegions) {
      for (const [fips, dualStack] of flags) {
        it(`${region} ${describeFlags(fips, dualStack)}`, () => {
          const expected = sdkOutcome({ Region: region, UseFIPS: fips, UseDualStack: dualStack })
          const options = { useFipsEndpoint: fips, useDualstackEndpoint: dualStack }
          // the region from the pool id, and the same region configured explicitly
          expect(ourOutcome(Endpoint.resolve(options, `${region}_AbC123`))).toEqual(expected)
          expect(ourOutcome(Endpoint.resolve({ ...options, region }, "eu-west-3_AbC123"))).toEqual(expected)
        })
      }
    }

    it("eusc-de-east-1 is on amazonaws.eu (the SDK's answer, spelled out)", () => {
      const url = (fips: boolean, dualStack: boolean) =>
        ourOutcome(Endpoint.resolve({ useFipsEndpoint: fips, useDualstackEndpoint: dualStack }, "eusc-de-east-1_A"))
      expect(url(false, false)).toEqual({ url: "https://cognito-idp.eusc-de-east-1.amazonaws.eu" })
      expect(url(true, false)).toEqual({ url: "https://cognito-idp-fips.eusc-de-east-1.amazonaws.eu" })
      expect(url(false, true)).toEqual({ url: "https://cognito-idp.eusc-de-east-1.api.amazonwebservices.eu" })
      expect(url(true, true)).toEqual({ url: "https://cognito-idp-fips.eusc-de-east-1.api.amazonwebservices.eu" })
    })

    it("reports the region and its partition", () => {
      const resolved = Endpoint.resolve({ useFipsEndpoint: true }, "us-isof-south-1_A")
      expect(resolved).toEqual({
        _tag: "Resolved",
        url: "https://cognito-idp-fips.us-isof-south-1.csp.hci.ic.gov",
        region: "us-isof-south-1",
        partition: Endpoint.partitionOf("us-isof-south-1"),
        custom: false
      })
    })
  })

  describe("a real SDK client sends where resolve says", () => {
    // one listed and one synthetic region per partition, through the client's own configuration
    const regions = sdkPartitions.partitions.flatMap((entry, i) => [
      Object.keys(entry.regions).find((region) => new RegExp(entry.regionRegex).test(region)) ?? entry.id,
      syntheticRegions[i] ?? entry.id
    ])
    for (const region of regions) {
      for (const [fips, dualStack] of flags) {
        it(`${region} ${describeFlags(fips, dualStack)}`, async () => {
          const expected = await clientOutcome({ region, useFipsEndpoint: fips, useDualstackEndpoint: dualStack })
          expect(
            ourOutcome(Endpoint.resolve({ useFipsEndpoint: fips, useDualstackEndpoint: dualStack }, `${region}_A`))
          )
            .toEqual(expected)
        })
      }
    }
  })

  describe("partitions without FIPS or dual-stack fail as in the SDK", () => {
    // the installed table has none, so give the SDK a table that has them, and ours the same rows
    const variants = (["aws", "aws-cn"] as const).flatMap((name) =>
      ([[false, true], [true, false], [false, false]] as const).map(([supportsFIPS, supportsDualStack]) => {
        const tag = `${name.replace("-", "")}${supportsFIPS ? "" : "nofips"}${supportsDualStack ? "" : "nodual"}`
        const outputs: Endpoint.Partition = {
          ...Endpoint.partitionOf(`${name}-global`),
          supportsFIPS,
          supportsDualStack
        }
        return { region: `zz-${tag}-1`, regionRegex: `^zz\\-${tag}\\-\\d+$`, outputs }
      })
    )
    // ids of their own: the SDK falls back on the row whose id is `aws`
    beforeAll(() =>
      sdkCore.setPartitionInfo({
        version: sdkPartitions.version,
        partitions: [
          ...variants.map(({ outputs, region, regionRegex }) => ({ id: region, regionRegex, regions: {}, outputs })),
          ...sdkPartitions.partitions
        ]
      })
    )
    afterAll(() => sdkCore.useDefaultPartitionInfo())

    for (const { outputs, region } of variants) {
      for (const [fips, dualStack] of flags) {
        it(`${region} (${outputs.name}) ${describeFlags(fips, dualStack)}`, () => {
          const options = { useFipsEndpoint: fips, useDualstackEndpoint: dualStack }
          const ours = Endpoint.serviceEndpoint(region, outputs, options)
          expect(ourOutcome(ours)).toEqual(sdkOutcome({ Region: region, UseFIPS: fips, UseDualStack: dualStack }))
          if (ours._tag === "Invalid") {
            expect(ours.setting).toBe(!outputs.supportsFIPS && fips ? "useFipsEndpoint" : "useDualstackEndpoint")
          }
        })
      }
    }
  })

  describe("custom endpoints", () => {
    const endpoints = [
      "http://localhost:9229",
      "http://localhost:9229/",
      "http://127.0.0.1:9229/emu/",
      "https://cognito.example.com/base",
      "http://[::1]:9229"
    ]
    for (const endpoint of endpoints) {
      for (const [fips, dualStack] of flags) {
        it(`${endpoint} ${describeFlags(fips, dualStack)}`, async () => {
          const options = { endpoint, useFipsEndpoint: fips, useDualstackEndpoint: dualStack }
          const ours = ourOutcome(Endpoint.resolve(options, "us-east-1_AbC123"))
          const params = { Endpoint: endpoint, Region: "us-east-1", UseFIPS: fips, UseDualStack: dualStack }
          expect(ours).toEqual(withoutPrefix(sdkOutcome(params)))
          expect(ours).toEqual(withoutPrefix(await clientOutcome({ region: "us-east-1", ...options })))
        })
      }
    }

    it("is used as given, normalized, the region still reported", () => {
      expect(Endpoint.resolve({ endpoint: "https://LocalHost:443/" }, "eu-west-1_A")).toEqual({
        _tag: "Resolved",
        url: "https://localhost",
        region: "eu-west-1",
        partition: undefined,
        custom: true
      })
      // the region is only reported, so emulator pool ids pass
      expect(Endpoint.resolve({ endpoint: "http://e" }, "my_pool_1")).toMatchObject({
        url: "http://e",
        region: "my_pool"
      })
      expect(Endpoint.resolve({}, "my_pool_1")).toMatchObject({ _tag: "Invalid", setting: "UserPoolId" })
    })

    it("needs a region, unlike the SDK (ours reports it)", () => {
      expect(Endpoint.resolve({ endpoint: "http://e" }, "x")).toEqual({
        _tag: "Invalid",
        setting: "region",
        message: "Missing Region"
      })
    })
  })

  describe("the region", () => {
    it("is the pool id's prefix, or the explicit one, which wins (replica regions)", () => {
      expect(Endpoint.regionFromUserPoolId("us-east-1_AbCdEf123")).toBe("us-east-1")
      expect(Endpoint.regionFromUserPoolId("eusc-de-east-1_X")).toBe("eusc-de-east-1")
      expect(Endpoint.regionFromUserPoolId("my_pool_1")).toBe("my_pool")
      for (const id of ["us-east-1", "_Abc", ""]) expect(Endpoint.regionFromUserPoolId(id)).toBeUndefined()
      expect(ourOutcome(Endpoint.resolve({ region: "eusc-de-east-1" }, "us-east-1_AbC"))).toEqual(
        sdkOutcome({ Region: "eusc-de-east-1", UseFIPS: false, UseDualStack: false })
      )
      expect(ourOutcome(Endpoint.resolve({ region: "" }, "cn-north-1_AbC"))).toEqual(
        sdkOutcome({ Region: "cn-north-1", UseFIPS: false, UseDualStack: false })
      )
    })

    it("missing gives the SDK's Missing Region", () => {
      for (const [options, poolId] of [[{}, "AbC123"], [{ region: "" }, "_AbC"]] as const) {
        expect(ourOutcome(Endpoint.resolve(options, poolId))).toEqual(
          withoutPrefix(sdkOutcome({ UseFIPS: false, UseDualStack: false }))
        )
      }
    })

    it("must be a DNS label, from the pool id or configured", () => {
      for (const poolId of ["evil.com/x_A", "US-EAST-1_A", "a_b_C", "-us-east-1_A", "us-east-1-_A"]) {
        expect(Endpoint.resolve({}, poolId)).toMatchObject({ _tag: "Invalid", setting: "UserPoolId" })
      }
      for (const region of ["US-EAST-1", "evil.com", "a/b", "-x", "x-", "a".repeat(64), " us-east-1"]) {
        const result = Endpoint.validate({ region })
        expect(result).toMatchObject({ _tag: "Invalid", setting: "region" })
        expect(result._tag === "Invalid" && result.message).toContain(JSON.stringify(region))
      }
    })
  })

  describe("validate", () => {
    it("returns the options and the normalized custom endpoint", () => {
      const options = { endpoint: "http://127.0.0.1:9229/emu/", region: "us-east-1" }
      expect(Endpoint.validate(options)).toEqual({ _tag: "Valid", options, endpoint: "http://127.0.0.1:9229/emu" })
      expect(Endpoint.validate({ endpoint: "", useFipsEndpoint: true })).toMatchObject({ endpoint: undefined })
    })

    const errors: ReadonlyArray<readonly [Endpoint.EndpointOptions, Endpoint.Setting, string]> = [
      [
        { endpoint: "http://e", useFipsEndpoint: true },
        "useFipsEndpoint",
        "FIPS and custom endpoint are not supported"
      ],
      [
        { endpoint: "http://e", useDualstackEndpoint: true },
        "useDualstackEndpoint",
        "Dualstack and custom endpoint are not supported"
      ],
      [{ endpoint: "localhost:9229" }, "endpoint", "Invalid endpoint: must be an absolute http or https URL"],
      [{ endpoint: "ftp://example.com" }, "endpoint", "Invalid endpoint: must be an absolute http or https URL"],
      [{ endpoint: "http://user:s3cr3t@example.com" }, "endpoint", "Invalid endpoint: must not contain credentials"],
      [{ endpoint: "http://example.com/?a=1" }, "endpoint", "Invalid endpoint: must not have a query or a fragment"]
    ]
    for (const [options, setting, message] of errors) {
      it(`${JSON.stringify(options)} → ${message}`, () => {
        expect(Endpoint.validate(options)).toEqual({ _tag: "Invalid", setting, message })
      })
    }
  })
})
