// The golden page cases (the protocol's `WireCases.pageCases`) through the feedback page's public
// API: the button's `POST` answers with each case's status, `Retry-After` and sentence. The suite is
// the shared `@cognito-feedback/test-support/pageWireCases`; this runs it through the Effect 4 page.
import { wireCasesPageSuite } from "@cognito-feedback/test-support/pageWireCases"
import { describe, it } from "@effect/vitest"
import { driver } from "./support.js"

wireCasesPageSuite({ describe, it }, driver)
