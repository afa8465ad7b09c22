// Every outcome of the page over the testkit's simulator: the status, the words a person reads,
// and what the simulator recorded (nothing at all on GET and HEAD). The suite is the shared
// `@cognito-feedback/test-support/pageSuite`; this runs it through the Effect 3 page.
import { feedbackPageSuite } from "@cognito-feedback/test-support/pageSuite"
import { describe, it } from "@effect/vitest"
import { driver } from "./support.js"

feedbackPageSuite({ describe, it }, driver)
