import * as Suite from "@cognito-feedback/test-support/httpEndpoint"
import { describe, it } from "@effect/vitest"
import { Either } from "effect"
import * as Endpoint from "../src/Endpoint.js"

const plain = <A, E>(result: Either.Either<A, E>): Suite.Result<A, E> =>
  Either.match(result, {
    onLeft: (failure) => ({ _tag: "Failure", failure }),
    onRight: (success) => ({ _tag: "Success", success })
  })

describe("Endpoint", () => {
  Suite.endpointSuite({ describe, it }, {
    resolve: (options, userPoolId) => plain(Endpoint.resolve(options, userPoolId)),
    validate: (options) => plain(Endpoint.validate(options)),
    partitionOf: Endpoint.partitionOf,
    regionFromUserPoolId: Endpoint.regionFromUserPoolId,
    isEndpointError: (value) => value instanceof Endpoint.EndpointError
  })
})
