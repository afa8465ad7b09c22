/**
 * The cases of both editions' `AwsSdkConformance` suites (the official AWS SDK for JavaScript v3
 * against the emulator): the seed, the request, and each error as the service documents it.
 * Effect-free, and free of the SDK too: each suite maps an error's name to the SDK's class.
 */
import type * as SimulationSeed from "@cognito-feedback/protocol/SimulationSeed"

export const poolId = "us-east-1_Sdk1"
export const offPoolId = "us-east-1_SdkOff"
export const token = "tok.sdk-1"

export const manyEvents = Array.from({ length: 7 }, (_, i) => ({
  eventId: `many-${i}`,
  feedbackToken: `tok.many-${i}`,
  creationDate: new Date(Date.UTC(2026, 10, 1, 10, i, 0, i * 125))
}))

export const seed: SimulationSeed.SeedFile = {
  userPools: [
    {
      id: poolId,
      users: [
        {
          username: "alice",
          authEvents: [
            {
              eventId: "evt-1",
              feedbackToken: token,
              creationDate: new Date("2026-11-01T10:00:00.500Z"),
              riskLevel: "High",
              riskDecision: "AccountTakeover",
              eventContextData: { ipAddress: "192.0.2.1", city: "Lisbon" }
            },
            { eventId: "evt-2", feedbackToken: "tok.sdk-2", creationDate: new Date("2026-11-02T10:00:00Z") }
          ]
        },
        { username: "bob", authEvents: manyEvents }
      ]
    },
    {
      id: offPoolId,
      advancedSecurityMode: "OFF",
      users: [{ username: "carol", authEvents: [{ eventId: "evt-c", feedbackToken: "tok.c" }] }]
    }
  ]
}

export const update = {
  UserPoolId: poolId,
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: token,
  FeedbackValue: "Invalid"
} as const

/**
 * Each error, as the service documents it and as the SDK must read it, written out here and not
 * taken from the simulator: the SDK exception's `name` (the error code, the API
 * reference's list of exceptions), the status the live service answers with (every client error
 * 400, server faults 500: the facts sheet), whether the SDK calls it a client or a server fault,
 * and the message the emulator words (the model's rule for an invalid member; the live service's
 * "Rate exceeded" for throttling).
 */
export const errorCases = [
  [
    "NotAuthorizedException",
    { ...update, FeedbackToken: "tok.wrong" },
    undefined,
    400,
    "Invalid feedback token."
  ],
  [
    "UserNotFoundException",
    { ...update, Username: "nobody" },
    undefined,
    400,
    "User does not exist."
  ],
  [
    "ResourceNotFoundException (pool)",
    { ...update, UserPoolId: "us-east-1_Nope" },
    undefined,
    400,
    "User pool us-east-1_Nope does not exist."
  ],
  [
    "ResourceNotFoundException (event)",
    { ...update, EventId: "evt-nope" },
    undefined,
    400,
    "Auth event not found."
  ],
  [
    "UserPoolAddOnNotEnabledException",
    { ...update, UserPoolId: offPoolId, Username: "carol", EventId: "evt-c", FeedbackToken: "tok.c" },
    undefined,
    400,
    "Threat protection (advanced security) is not enabled for this user pool."
  ],
  [
    "InvalidParameterException",
    { ...update, EventId: "evt!1" },
    undefined,
    400,
    // the model's EventIdType pattern, anchored
    "EventId: must match ^[\\w+-]+$"
  ],
  ["TooManyRequestsException", update, "throttle", 400, "Rate exceeded"],
  ["InternalErrorException", update, "fail", 500, "An internal error occurred."]
] as const
