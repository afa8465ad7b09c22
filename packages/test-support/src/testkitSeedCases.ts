/**
 * The generators of both editions' `SimulatorSeed` suites: seeds drawn valid and broken in every
 * way (as a file's JSON or as values built in code), and request inputs with members right, wrong
 * or absent, for the properties that the schemas and the protocol's validator give the same answers.
 * Effect-free; each edition's suite is a thin runner over them.
 */
import * as fc from "fast-check"

/**
 * How often a drawn value is wrong, per field: a third of the seeds have none (then only the
 * uniqueness rules can refuse them), the others a few or many.
 */
const rates = [0, 0, 0.01, 0.03, 0.1, 0.3] as const

/** A value that is right but for `rate` of the draws, which take one of the wrong ones. */
const mostlyAt =
  (rate: number) => <A>(right: fc.Arbitrary<A>, ...wrong: ReadonlyArray<unknown>): fc.Arbitrary<unknown> =>
    rate === 0
      ? right
      : fc.oneof({ arbitrary: right, weight: Math.round(1000 * (1 - rate)) }, {
        arbitrary: fc.constantFrom(...wrong),
        weight: Math.round(1000 * rate)
      })

/** An object whose optional fields may be absent, and which is sometimes not one or has a field too many. */
const recordAt = (rate: number) => (fields: Record<string, fc.Arbitrary<unknown>>, required: ReadonlyArray<string>) =>
  fc.tuple(
    fc.record(fields, { requiredKeys: required as Array<string> }),
    mostlyAt(rate)(fc.constant(undefined), "extra", "eventID", "aliasAttribute"),
    mostlyAt(rate / 3)(fc.constant(undefined), [], "text", null, 1)
  ).map(([value, extra, replaced]) =>
    replaced !== undefined ? replaced : typeof extra === "string" ? { ...value, [extra]: 1 } : value
  )

const dateAt = (rate: number, form: "iso" | "Date") =>
  mostlyAt(rate)(
    fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) =>
      form === "iso" ? new Date(ms).toISOString() : new Date(ms)
    ),
    "not a date",
    "2026-11-01",
    1,
    form === "iso" ? new Date(0) : "2026-11-01T10:00:00Z",
    new Date(Number.NaN)
  )

const seedAt = (rate: number, form: "iso" | "Date") => {
  const mostly = mostlyAt(rate)
  const record = recordAt(rate)
  const date = (form: "iso" | "Date") => dateAt(rate, form)
  const event = record({
    eventId: mostly(fc.constantFrom("e1", "e2", "e3", "evt-1", "evt-2", "evt-3"), "bad id!", "", 7),
    feedbackToken: mostly(fc.constantFrom("t", "tok.valid-1"), "a/b", ""),
    eventType: mostly(fc.constantFrom("SignIn", "SignUp"), "Login", undefined),
    creationDate: date(form),
    eventResponse: mostly(fc.constantFrom("Pass", "Fail"), "Ok"),
    riskDecision: mostly(fc.constantFrom("NoRisk", "Block"), "Maybe"),
    riskLevel: mostly(fc.constantFrom("Low", "High"), "Extreme"),
    compromisedCredentialsDetected: mostly(fc.boolean(), "yes"),
    challengeResponses: mostly(
      fc.array(
        record({ challengeName: mostly(fc.constant("Mfa"), "Sms"), challengeResponse: fc.constant("Success") }, [
          "challengeName",
          "challengeResponse"
        ]),
        { maxLength: 2 }
      ),
      {}
    ),
    eventContextData: record({ city: mostly(fc.constant("Lyon"), 1), ipAddress: fc.constant("192.0.2.1") }, []),
    feedback: record({
      feedbackValue: mostly(fc.constantFrom("Valid", "Invalid"), "valid"),
      provider: mostly(fc.constantFrom("User", "Admin"), "Robot"),
      feedbackDate: date(form)
    }, ["feedbackValue"])
  }, ["eventId", "feedbackToken"])
  const user = record({
    username: mostly(fc.constantFrom("alice", "bob", "carol"), "a b", ""),
    sub: mostly(fc.constantFrom("s1", "s2"), ""),
    attributes: mostly(
      fc.record({ email: fc.constantFrom("a@example.com", "b@example.com") }, { requiredKeys: [] }),
      { email: 1 },
      []
    ),
    authEvents: mostly(fc.array(event, { maxLength: 3 }), "events")
  }, ["username"])
  const pool = record({
    id: mostly(fc.constantFrom("us-east-1_A1", "us-east-1_B1"), "no pool", 1),
    advancedSecurityMode: mostly(fc.constantFrom("OFF", "AUDIT", "ENFORCED"), "ON"),
    aliasAttributes: mostly(fc.constantFrom(["email"], [], ["email", "preferred_username"]), ["name"]),
    users: mostly(fc.array(user, { maxLength: 3 }), {})
  }, ["id"])
  return record({ userPools: mostly(fc.array(pool, { maxLength: 3 }), {}) }, [])
}

export const seedOf = (form: "iso" | "Date") => fc.constantFrom(...rates).chain((rate) => seedAt(rate, form))

export const member = (right: fc.Arbitrary<unknown>, ...wrong: ReadonlyArray<unknown>) =>
  fc.option(mostlyAt(0.3)(right, ...wrong), { freq: 6, nil: undefined })

/** `UpdateAuthEventFeedback` inputs, each member right, wrong or absent. */
export const updateInput = fc.record({
  UserPoolId: member(fc.constant("us-east-1_A1"), "no pool", "", 7, `${"a".repeat(60)}_1`),
  Username: member(fc.constant("alice"), "a b", "", null, 1, {}),
  EventId: member(fc.constant("evt-1"), "evt!", "e".repeat(51)),
  FeedbackToken: member(fc.constant("tok.1"), "a/b", "", 0),
  FeedbackValue: member(fc.constant("Valid"), "valid", 1)
}, { requiredKeys: [] })

/** `AdminListUserAuthEvents` inputs, each member right, wrong or absent. */
export const listInput = fc.record({
  UserPoolId: member(fc.constant("us-east-1_A1"), "no pool"),
  Username: member(fc.constant("alice"), "a b", 1),
  MaxResults: member(fc.integer({ min: 0, max: 60 }), 61, -1, 1.5, "10", Number.NaN),
  NextToken: member(fc.constant("abc"), "", " ", 5)
}, { requiredKeys: [] })
