/**
 * The cases of both editions' secrets suites (`AuthEventFeedbackTest.test.ts`): the request whose
 * username and token must never show in logs, spans or errors, the calls the library makes in a
 * handler's life, the hostile token and where each edition must find it. Effect-free: each
 * edition's suite runs them with its own `captureTelemetry` and `expectNoSecrets`.
 */

/** A valid call for the sample seed (`@cognito-feedback/protocol/SimulationSeed`'s sample world). */
export const alice = {
  UserPoolId: "us-east-1_Example1",
  Username: "alice",
  EventId: "evt-1",
  FeedbackToken: "tok.valid-1",
  FeedbackValue: "Invalid"
} as const

/** Texts that must not appear in any error, message or location a leak report gives. */
export const secretTexts: ReadonlyArray<string> = [alice.FeedbackToken, alice.Username]

/** The first of `texts` that shows one of `secretTexts`, if any. */
export const leakedIn = (texts: ReadonlyArray<string>): string | undefined =>
  texts.find((text) => secretTexts.some((secret) => text.includes(secret)))

/**
 * The library's calls in a handler's life, in order, with the outcome each must have: one that
 * records, a wrong token, an unknown user, and a token that breaks the rules (rejected locally).
 * Eight secrets in all: a username and a token per call.
 */
export const libraryCalls = [
  { input: alice, outcome: "Success" },
  { input: { ...alice, FeedbackToken: "tok.wrong-one" }, outcome: "NotAuthorizedException" },
  { input: { ...alice, Username: "mallory" }, outcome: "UserNotFoundException" },
  { input: { ...alice, FeedbackToken: "tok/bad token" }, outcome: "InvalidParameterException" }
] as const

export const libraryCallSecrets = libraryCalls.length * 2

/** A token with characters that JSON escapes and URLs encode: found in every form. */
export const hostileToken = "tok.a/b=\"c"

/** The names each edition gives the log levels it reports (`"INFO"` in Effect 3, `"Info"` in Effect 4). */
export interface LevelNames {
  readonly debug: string
  readonly info: string
  readonly warn: string
  readonly error: string
}

/** Where `expectNoSecrets` finds a token logged in a message. */
export const messageLeak = (levels: LevelNames): string =>
  `the FeedbackToken of call 1 in log line 1 (${levels.info}) message`

/** Where it finds a username in a log annotation. */
export const annotationLeak = (levels: LevelNames): string =>
  `the Username of call 1 in log line 1 (${levels.debug}) annotation "user"`

/** Where it finds a token in a span attribute. */
export const attributeLeak = "the FeedbackToken of call 1 in span 1 (\"handler\") attribute \"feedback.token\""

/**
 * Where it finds `hostileToken` hidden in a span event, a log annotation (JSON-escaped) and a
 * logged cause (URL-encoded), the tracer's own events for the log lines included.
 */
export const hostileLeaks = (levels: LevelNames, causeAttribute: string): ReadonlyArray<string> => [
  `secret 1 in log line 1 (${levels.warn}) annotation "request"`,
  `secret 1 in log line 2 (${levels.error}) cause`,
  "secret 1 in span 1 (\"handler\") event \"sent\" attribute \"body\"",
  // Effect's tracer also records each log line inside a span as an event of that span
  "secret 1 in span 1 (\"handler\") event \"failed\" attribute \"request\"",
  `secret 1 in span 1 ("handler") event "failed" attribute "${causeAttribute}"`
]
