/**
 * The cases of both editions' `LiveClientAgainstEmulator` suites: the seed, the request, and each
 * service error with the input or the simulator fault that causes it. Effect-free: each edition
 * maps a fault to its simulator's method (`throttleNext(1)`, `failNext(1)`, `failNext(1, code)`).
 */
import type * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"

export const poolId = "us-east-1_Live1"
export const offPoolId = "us-east-1_LiveOff"

export const seed: SimulationSeed.SeedFile = {
  userPools: [
    {
      id: poolId,
      aliasAttributes: ["email"],
      users: [
        {
          username: "alice",
          attributes: { email: "alice@example.com" },
          authEvents: [{ eventId: "evt-1", feedbackToken: "tok.live-1" }]
        }
      ]
    },
    {
      id: offPoolId,
      advancedSecurityMode: "OFF",
      users: [{ username: "carol", authEvents: [{ eventId: "evt-c", feedbackToken: "tok.c" }] }]
    }
  ]
}

export const request = {
  UserPoolId: poolId,
  Username: "alice@example.com",
  EventId: "evt-1",
  FeedbackToken: "tok.live-1",
  FeedbackValue: "Invalid"
} as const

/** What the simulator is told before the call, if anything. */
export type Fault = "throttleNext" | "failNext" | "failNextOperationNotEnabled"

export const serviceErrors: ReadonlyArray<
  readonly [tag: string, input: Readonly<Record<string, string>>, fault: Fault | undefined]
> = [
  ["NotAuthorizedException", { ...request, FeedbackToken: "tok.wrong" }, undefined],
  ["UserNotFoundException", { ...request, Username: "nobody" }, undefined],
  ["ResourceNotFoundException", { ...request, UserPoolId: "us-east-1_Nope" }, undefined],
  ["ResourceNotFoundException", { ...request, EventId: "evt-nope" }, undefined],
  [
    "UserPoolAddOnNotEnabledException",
    { ...request, UserPoolId: offPoolId, Username: "carol", EventId: "evt-c", FeedbackToken: "tok.c" },
    undefined
  ],
  ["TooManyRequestsException", request, "throttleNext"],
  ["InternalErrorException", request, "failNext"],
  ["OperationNotEnabledException", request, "failNextOperationNotEnabled"]
]
