/**
 * The simulator's method for each described operation: the one table, keyed by the protocol's
 * operation names, from which `CognitoSimulator` builds its methods and `CognitoWire` dispatches.
 * An operation served (`Operations.served`) and missing here does not compile.
 */
import type * as Simulation from "@cognito-feedback/protocol/Simulation"

export const methodOf = {
  UpdateAuthEventFeedback: "updateAuthEventFeedback",
  AdminUpdateAuthEventFeedback: "adminUpdateAuthEventFeedback",
  AdminListUserAuthEvents: "adminListUserAuthEvents",
  SetRiskConfiguration: "setRiskConfiguration",
  DescribeRiskConfiguration: "describeRiskConfiguration"
} as const satisfies { readonly [N in Simulation.OperationName]: string }

export type Method = (typeof methodOf)[Simulation.OperationName]

export const operationNames = Object.keys(methodOf) as ReadonlyArray<Simulation.OperationName>
