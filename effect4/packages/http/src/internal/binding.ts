/**
 * How the engine calls one described operation: its description from the protocol, and what of a
 * validated request it needs (the body, the secrets to keep out of what comes back, the value that
 * names the region) and of a success (the output). Derived from the description, so a new operation
 * is its description and one `make` here.
 */
import * as AwsJson from "@cognito-feedback/protocol/AwsJson"
import * as Operation from "@cognito-feedback/protocol/Operation"
import * as Redacted from "effect/Redacted"
import type * as Transport from "../Transport.js"

export interface Binding<Request, Output> {
  readonly operation: Operation.Operation
  /** The call's span, `Cognito.<Operation>`; its attempts' are `Cognito.<Operation>.attempt`. */
  readonly spanName: string
  /** The request's body, sensitive members opened at the last moment. */
  readonly encode: (request: Request) => string
  /** The request's sensitive values: a server may echo them, and they are redacted wherever it does. */
  readonly secrets: (request: Request) => ReadonlyArray<string>
  /** The value of the member that names the region (a user pool id). */
  readonly regionValue: (request: Request) => string
  /** The output of a success, from its answer. */
  readonly output: (response: Transport.Response) => Output
  /** The debug line of a success. */
  readonly succeeded: string
}

// a validated request holds its sensitive members as Redacted; a plain value is taken as it is
const reveal = (value: unknown): unknown => Redacted.isRedacted(value) ? Redacted.value(value) : value

export const make = <Request extends object, Output>(
  operation: Operation.Operation,
  output: (response: Transport.Response) => Output,
  succeeded = `${operation.name} succeeded`
): Binding<Request, Output> => {
  const sensitive = Operation.sensitiveMembers(operation)
  const regionMember = operation.regionMember
  const encode = AwsJson.requestEncoder(operation, reveal)
  return {
    operation,
    spanName: `Cognito.${operation.name}`,
    encode: (request) => encode(request as AwsJson.RequestInput<Operation.Operation>),
    secrets: (request) => {
      const values: Record<string, unknown> = request as Record<string, unknown>
      const secrets: Array<string> = []
      for (const name of sensitive) {
        const value = reveal(values[name])
        if (typeof value === "string") secrets.push(value)
      }
      return secrets
    },
    regionValue: (request) => String((request as Record<string, unknown>)[regionMember]),
    output,
    succeeded
  }
}
