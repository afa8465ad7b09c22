import * as Suite from "@cognito-feedback/test-support/httpEndpoint"
import { describe, it } from "@effect/vitest"
import * as Endpoint from "../src/Endpoint.js"

describe("Endpoint", () => {
  // Effect 4's Result is the suite's union already
  Suite.endpointSuite({ describe, it }, {
    resolve: Endpoint.resolve,
    validate: Endpoint.validate,
    partitionOf: Endpoint.partitionOf,
    regionFromUserPoolId: Endpoint.regionFromUserPoolId,
    isEndpointError: (value) => value instanceof Endpoint.EndpointError
  })
})
