/**
 * The suite of the endpoint rules both editions run: each runner passes its `Endpoint` module, its
 * Either/Result results mapped to the plain union below.
 */
import type { EndpointOptions, Partition, PartitionName } from "@cognito-feedback/protocol/Endpoint"
import * as fc from "fast-check"
import { assert, propOf } from "./httpAssert.js"
import type { TestApi } from "./testApi.js"

export type Result<A, E> =
  | { readonly _tag: "Success"; readonly success: A }
  | { readonly _tag: "Failure"; readonly failure: E }

export interface EndpointError {
  readonly _tag: "EndpointError"
  readonly setting: string
  readonly message: string
}

export interface Driver {
  readonly resolve: (
    options: EndpointOptions,
    userPoolId: string
  ) => Result<{ readonly url: string; readonly region: string }, EndpointError>
  readonly validate: (options: EndpointOptions) => Result<EndpointOptions, EndpointError>
  readonly partitionOf: (region: string) => Partition
  readonly regionFromUserPoolId: (userPoolId: string) => string | undefined
  /** the value is the edition's `EndpointError` */
  readonly isEndpointError: (value: unknown) => boolean
}

const isFailure = <A, E>(result: Result<A, E>) => result._tag === "Failure"
const isSuccess = <A, E>(result: Result<A, E>) => result._tag === "Success"

const right = <A, E>(result: Result<A, E>): A =>
  result._tag === "Success" ? result.success : assert.fail(`expected success, got ${String(result.failure)}`)

const left = <A, E>(result: Result<A, E>): E =>
  result._tag === "Failure" ? result.failure : assert.fail(`expected failure, got ${JSON.stringify(result.success)}`)

const partitionPrefixes = {
  aws: ["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"],
  "aws-cn": ["cn"],
  "aws-us-gov": ["us-gov"],
  "aws-iso": ["us-iso"],
  "aws-iso-b": ["us-isob"],
  "aws-iso-e": ["eu-isoe"],
  "aws-iso-f": ["us-isof"],
  "aws-eusc": ["eusc-de"]
} as const

const suffixes = {
  aws: ["amazonaws.com", "api.aws"],
  "aws-cn": ["amazonaws.com.cn", "api.amazonwebservices.com.cn"],
  "aws-us-gov": ["amazonaws.com", "api.aws"],
  "aws-iso": ["c2s.ic.gov", "api.aws.ic.gov"],
  "aws-iso-b": ["sc2s.sgov.gov", "api.aws.scloud"],
  "aws-iso-e": ["cloud.adc-e.uk", "api.cloud-aws.adc-e.uk"],
  "aws-iso-f": ["csp.hci.ic.gov", "api.aws.hci.ic.gov"],
  "aws-eusc": ["amazonaws.eu", "api.amazonwebservices.eu"]
} as const

const partitionNames = Object.keys(partitionPrefixes) as Array<PartitionName>

/** A region shaped like the partition's pattern: `{prefix}-{word}-{number}`. */
const regionOf = (name: PartitionName) =>
  fc.tuple(
    fc.constantFrom(...partitionPrefixes[name]),
    fc.stringMatching(/^[a-z]{1,12}$/),
    fc.integer({ min: 1, max: 99 })
  )
    .map(([prefix, word, n]) => `${prefix}-${word}-${n}`)

const anyRegion = fc.constantFrom(...partitionNames).chain((name) => regionOf(name).map((region) => ({ name, region })))
const poolSuffix = fc.stringMatching(/^[0-9a-zA-Z]{1,20}$/)

/** The tests of the endpoint rules (inside the runner's `describe("Endpoint")`). */
export const endpointSuite = (t: TestApi, driver: Driver) => {
  const prop = propOf(t)
  const urlOf = (options: EndpointOptions, userPoolId: string) => right(driver.resolve(options, userPoolId)).url

  t.describe("partitionOf", () => {
    const cases: ReadonlyArray<readonly [string, PartitionName]> = [
      ["us-east-1", "aws"],
      ["eu-central-2", "aws"],
      ["ap-southeast-5", "aws"],
      ["il-central-1", "aws"],
      ["mx-central-1", "aws"],
      ["cn-north-1", "aws-cn"],
      ["cn-northwest-1", "aws-cn"],
      // four dash-separated parts: aws's `^us-\w+-\d+$` cannot take these, so the later rows do
      ["us-gov-west-1", "aws-us-gov"],
      ["us-gov-east-1", "aws-us-gov"],
      ["us-iso-east-1", "aws-iso"],
      ["us-iso-west-1", "aws-iso"],
      ["us-isob-east-1", "aws-iso-b"],
      ["eu-isoe-west-1", "aws-iso-e"],
      ["us-isof-south-1", "aws-iso-f"],
      // the AWS European Sovereign Cloud
      ["eusc-de-east-1", "aws-eusc"],
      // listed by name in the SDKs' table, so not the aws fallback
      ["aws-cn-global", "aws-cn"],
      // no pattern matches: aws, as in the SDKs
      ["eusc-fr-east-1", "aws"],
      ["local", "aws"],
      ["mars-north-1", "aws"]
    ]
    for (const [region, name] of cases) {
      t.it(`${region} → ${name}`, () => {
        const partition = driver.partitionOf(region)
        assert.strictEqual(partition.name, name)
        assert.deepStrictEqual([partition.dnsSuffix, partition.dualStackDnsSuffix], [...suffixes[name]])
      })
    }

    prop("every region of a partition's shape lands in that partition", [anyRegion], ([{ name, region }]) => {
      assert.strictEqual(driver.partitionOf(region).name, name)
    })
  })

  t.describe("regionFromUserPoolId", () => {
    t.it("is the part before the `_`", () => {
      assert.strictEqual(driver.regionFromUserPoolId("us-east-1_AbCdEf123"), "us-east-1")
      assert.strictEqual(driver.regionFromUserPoolId("us-gov-west-1_X"), "us-gov-west-1")
      // the id's suffix is alphanumeric, so the last `_` separates it
      assert.strictEqual(driver.regionFromUserPoolId("my_pool_1"), "my_pool")
    })

    t.it("is undefined without a region part", () => {
      assert.isUndefined(driver.regionFromUserPoolId("us-east-1"))
      assert.isUndefined(driver.regionFromUserPoolId("_Abc"))
      assert.isUndefined(driver.regionFromUserPoolId(""))
    })
  })

  t.describe("resolve", () => {
    const table: ReadonlyArray<
      readonly [region: string, fips: boolean, dualStack: boolean, url: string]
    > = [
      ["us-east-1", false, false, "https://cognito-idp.us-east-1.amazonaws.com"],
      ["us-east-1", true, false, "https://cognito-idp-fips.us-east-1.amazonaws.com"],
      ["us-east-1", false, true, "https://cognito-idp.us-east-1.amazonaws.com"],
      ["us-east-1", true, true, "https://cognito-idp-fips.us-east-1.amazonaws.com"],
      ["us-east-2", true, true, "https://cognito-idp-fips.us-east-2.amazonaws.com"],
      ["us-west-1", true, true, "https://cognito-idp-fips.us-west-1.amazonaws.com"],
      ["us-west-2", true, true, "https://cognito-idp-fips.us-west-2.amazonaws.com"],
      ["eu-west-1", false, false, "https://cognito-idp.eu-west-1.amazonaws.com"],
      ["eu-west-1", true, false, "https://cognito-idp-fips.eu-west-1.amazonaws.com"],
      ["eu-west-1", false, true, "https://cognito-idp.eu-west-1.amazonaws.com"],
      ["eu-west-1", true, true, "https://cognito-idp-fips.eu-west-1.api.aws"],
      ["ca-central-1", true, true, "https://cognito-idp-fips.ca-central-1.api.aws"],
      ["cn-north-1", false, false, "https://cognito-idp.cn-north-1.amazonaws.com.cn"],
      ["cn-north-1", true, false, "https://cognito-idp-fips.cn-north-1.amazonaws.com.cn"],
      ["cn-north-1", false, true, "https://cognito-idp.cn-north-1.api.amazonwebservices.com.cn"],
      ["cn-north-1", true, true, "https://cognito-idp-fips.cn-north-1.api.amazonwebservices.com.cn"],
      ["us-gov-west-1", false, false, "https://cognito-idp.us-gov-west-1.amazonaws.com"],
      ["us-gov-west-1", true, false, "https://cognito-idp-fips.us-gov-west-1.amazonaws.com"],
      ["us-gov-west-1", false, true, "https://cognito-idp.us-gov-west-1.api.aws"],
      ["us-gov-west-1", true, true, "https://cognito-idp-fips.us-gov-west-1.api.aws"],
      ["us-iso-east-1", false, false, "https://cognito-idp.us-iso-east-1.c2s.ic.gov"],
      ["us-iso-east-1", true, false, "https://cognito-idp-fips.us-iso-east-1.c2s.ic.gov"],
      ["us-iso-east-1", false, true, "https://cognito-idp.us-iso-east-1.api.aws.ic.gov"],
      ["us-iso-east-1", true, true, "https://cognito-idp-fips.us-iso-east-1.api.aws.ic.gov"],
      ["us-isob-east-1", false, false, "https://cognito-idp.us-isob-east-1.sc2s.sgov.gov"],
      ["us-isob-east-1", true, false, "https://cognito-idp-fips.us-isob-east-1.sc2s.sgov.gov"],
      ["us-isob-east-1", false, true, "https://cognito-idp.us-isob-east-1.api.aws.scloud"],
      ["us-isob-east-1", true, true, "https://cognito-idp-fips.us-isob-east-1.api.aws.scloud"],
      ["eusc-de-east-1", false, false, "https://cognito-idp.eusc-de-east-1.amazonaws.eu"],
      ["eusc-de-east-1", true, false, "https://cognito-idp-fips.eusc-de-east-1.amazonaws.eu"],
      ["eusc-de-east-1", false, true, "https://cognito-idp.eusc-de-east-1.api.amazonwebservices.eu"],
      ["eusc-de-east-1", true, true, "https://cognito-idp-fips.eusc-de-east-1.api.amazonwebservices.eu"],
      ["eu-isoe-west-1", false, true, "https://cognito-idp.eu-isoe-west-1.api.cloud-aws.adc-e.uk"],
      ["us-isof-south-1", true, false, "https://cognito-idp-fips.us-isof-south-1.csp.hci.ic.gov"]
    ]
    for (const [region, fips, dualStack, url] of table) {
      t.it(`${region}${fips ? " FIPS" : ""}${dualStack ? " dual-stack" : ""} → ${url}`, () => {
        const options = { useFipsEndpoint: fips, useDualstackEndpoint: dualStack }
        // from the pool id, and the same from an explicit region
        assert.deepStrictEqual(right(driver.resolve(options, `${region}_AbC123`)), { url, region })
        assert.deepStrictEqual(right(driver.resolve({ ...options, region }, "eu-west-3_AbC123")), { url, region })
      })
    }

    t.it("an explicit region wins over the pool id's (replica regions)", () => {
      assert.deepStrictEqual(right(driver.resolve({ region: "eu-west-1" }, "us-east-1_AbC")), {
        url: "https://cognito-idp.eu-west-1.amazonaws.com",
        region: "eu-west-1"
      })
    })

    t.it("an empty region is unset (an empty AWS_REGION)", () => {
      assert.strictEqual(urlOf({ region: "" }, "us-east-2_AbC"), "https://cognito-idp.us-east-2.amazonaws.com")
    })

    t.it("a custom endpoint is used as given, normalized, its path kept, the region still reported", () => {
      assert.deepStrictEqual(right(driver.resolve({ endpoint: "http://localhost:9229" }, "us-east-1_AbC")), {
        url: "http://localhost:9229",
        region: "us-east-1"
      })
      assert.strictEqual(urlOf({ endpoint: "http://localhost:9229/" }, "us-east-1_A"), "http://localhost:9229")
      assert.strictEqual(urlOf({ endpoint: "http://127.0.0.1:9229/emu/" }, "us-east-1_A"), "http://127.0.0.1:9229/emu")
      assert.strictEqual(urlOf({ endpoint: "https://LocalHost:443/" }, "us-east-1_A"), "https://localhost")
      assert.strictEqual(urlOf({ endpoint: "http://[::1]:9229" }, "us-east-1_A"), "http://[::1]:9229")
      assert.strictEqual(urlOf({ endpoint: "http://localhost:9229/?" }, "us-east-1_A"), "http://localhost:9229")
      assert.deepStrictEqual(right(driver.resolve({ endpoint: "http://e", region: "eu-west-1" }, "us-east-1_A")), {
        url: "http://e",
        region: "eu-west-1"
      })
    })

    t.it("with a custom endpoint the pool id's region is only reported, so any prefix passes", () => {
      assert.deepStrictEqual(right(driver.resolve({ endpoint: "http://localhost:9229" }, "my_pool_1")), {
        url: "http://localhost:9229",
        region: "my_pool"
      })
      assert.isTrue(isFailure(driver.resolve({}, "my_pool_1")))
    })

    t.it("fails with Missing Region when no region can be found", () => {
      for (
        const [options, poolId] of [[{}, "AbC123"], [{ region: "" }, "_AbC"], [{ endpoint: "http://e" }, "x"]] as const
      ) {
        const error = left(driver.resolve(options, poolId))
        assert.isTrue(driver.isEndpointError(error))
        assert.deepStrictEqual([error._tag, error.setting, error.message], [
          "EndpointError",
          "region",
          "Missing Region"
        ])
      }
    })

    t.it("fails on a pool id prefix that is not a DNS label, without building a host", () => {
      for (const poolId of ["evil.com/x_A", "US-EAST-1_A", "a_b_C", "-us-east-1_A", "us-east-1-_A"]) {
        const error = left(driver.resolve({}, poolId))
        assert.strictEqual(error.setting, "UserPoolId")
        assert.include(error.message, "Invalid region")
      }
    })

    t.it("reports the configuration errors of validate", () => {
      const error = left(driver.resolve({ endpoint: "http://e", useFipsEndpoint: true }, "us-east-1_A"))
      assert.strictEqual(error.message, "FIPS and custom endpoint are not supported")
    })

    prop(
      "a valid pool id resolves to https on its partition's suffix, region from the pool id",
      [anyRegion, poolSuffix, fc.boolean(), fc.boolean()],
      ([{ name, region }, suffix, fips, dualStack]) => {
        const resolved = right(
          driver.resolve({ useFipsEndpoint: fips, useDualstackEndpoint: dualStack }, `${region}_${suffix}`)
        )
        assert.strictEqual(resolved.region, region)
        const url = new URL(resolved.url)
        assert.strictEqual(url.protocol, "https:")
        assert.strictEqual(url.href, `${resolved.url}/`)
        const [dnsSuffix, dualStackDnsSuffix] = suffixes[name]
        const host = `${fips ? "cognito-idp-fips" : "cognito-idp"}.${region}`
        const allowed = dualStack ? [dnsSuffix, dualStackDnsSuffix] : [dnsSuffix]
        assert.include(allowed.map((s) => `${host}.${s}`), url.hostname)
        // dual-stack leaves only the aws partition's default host unchanged
        if (dualStack && !fips) {
          assert.strictEqual(url.hostname, `${host}.${name === "aws" ? dnsSuffix : dualStackDnsSuffix}`)
        }
      }
    )

    prop(
      "an explicit region wins over any pool id's",
      [anyRegion, anyRegion, poolSuffix],
      ([explicit, fromPool, suffix]) => {
        const resolved = right(driver.resolve({ region: explicit.region }, `${fromPool.region}_${suffix}`))
        assert.strictEqual(resolved.region, explicit.region)
        assert.strictEqual(
          new URL(resolved.url).hostname,
          `cognito-idp.${explicit.region}.${suffixes[explicit.name][0]}`
        )
      }
    )

    prop(
      "no pool id prefix can steer the request to another host",
      [fc.oneof(fc.string(), fc.stringMatching(/^[\w.:/@#?-]{1,30}$/)), fc.boolean(), fc.boolean()],
      ([prefix, fips, dualStack]) => {
        const result = driver.resolve({ useFipsEndpoint: fips, useDualstackEndpoint: dualStack }, `${prefix}_Abc1`)
        if (isFailure(result)) {
          assert.isTrue(driver.isEndpointError(result.failure))
          return
        }
        const { region, url } = result.success
        assert.strictEqual(region, prefix)
        const partition = driver.partitionOf(region)
        const hosts = [partition.dnsSuffix, partition.dualStackDnsSuffix].flatMap((suffix) => [
          `cognito-idp.${region}.${suffix}`,
          `cognito-idp-fips.${region}.${suffix}`
        ])
        const parsed = new URL(url)
        assert.include(hosts, parsed.hostname)
        assert.strictEqual(parsed.href, `https://${parsed.hostname}/`)
      }
    )
  })

  t.describe("validate", () => {
    t.it("accepts consistent options and returns them", () => {
      for (
        const options of [
          {},
          { region: "eu-west-1", useFipsEndpoint: true, useDualstackEndpoint: true },
          { endpoint: "http://localhost:9229", region: "us-east-1" },
          { endpoint: "https://cognito.example.com/base", useFipsEndpoint: false, useDualstackEndpoint: false },
          { endpoint: "", useFipsEndpoint: true },
          { region: undefined, endpoint: undefined }
        ]
      ) {
        assert.strictEqual(right(driver.validate(options)), options)
      }
    })

    const errors: ReadonlyArray<readonly [EndpointOptions, string, string]> = [
      [
        { endpoint: "http://localhost:9229", useFipsEndpoint: true },
        "useFipsEndpoint",
        "FIPS and custom endpoint are not supported"
      ],
      [
        { endpoint: "http://localhost:9229", useDualstackEndpoint: true },
        "useDualstackEndpoint",
        "Dualstack and custom endpoint are not supported"
      ],
      [{ endpoint: "localhost:9229" }, "endpoint", "Invalid endpoint: must be an absolute http or https URL"],
      [{ endpoint: "not a url" }, "endpoint", "Invalid endpoint: must be an absolute http or https URL"],
      [{ endpoint: "/relative" }, "endpoint", "Invalid endpoint: must be an absolute http or https URL"],
      [{ endpoint: "ftp://example.com" }, "endpoint", "Invalid endpoint: must be an absolute http or https URL"],
      [{ endpoint: "http://user:secret@example.com" }, "endpoint", "Invalid endpoint: must not contain credentials"],
      [{ endpoint: "http://example.com/?a=1" }, "endpoint", "Invalid endpoint: must not have a query or a fragment"],
      [{ endpoint: "http://example.com/#x" }, "endpoint", "Invalid endpoint: must not have a query or a fragment"]
    ]
    for (const [options, setting, message] of errors) {
      t.it(`${JSON.stringify(options)} → ${message}`, () => {
        const error = left(driver.validate(options))
        assert.isTrue(driver.isEndpointError(error))
        assert.deepStrictEqual([error._tag, error.setting, error.message], ["EndpointError", setting, message])
      })
    }

    t.it("rejects a region that is not a DNS label, naming it", () => {
      for (
        const region of ["US-EAST-1", "evil.com", "us-east-1.evil.com", "a/b", "-x", "x-", "a".repeat(64), " us-east-1"]
      ) {
        const error = left(driver.validate({ region }))
        assert.strictEqual(error.setting, "region")
        assert.include(error.message, JSON.stringify(region))
      }
      assert.isTrue(isSuccess(driver.validate({ region: "a".repeat(63) })))
    })

    t.it("never echoes a custom endpoint, which may carry credentials", () => {
      const error = left(driver.validate({ endpoint: "http://user:s3cr3t@example.com" }))
      assert.notInclude(error.message, "s3cr3t")
      assert.notInclude(String(error), "s3cr3t")
    })

    prop("never throws on any endpoint string", [fc.oneof(fc.string(), fc.webUrl())], ([endpoint]) => {
      const result = driver.validate({ endpoint })
      if (isFailure(result)) assert.strictEqual(result.failure.setting, "endpoint")
    })
  })
}
