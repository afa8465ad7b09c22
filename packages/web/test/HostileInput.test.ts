// Property tests: no query string or form body, however hostile, gives a defect, a 5xx, a
// character the page did not escape, or the token or username anywhere in the response (but the
// question's hidden fields), the logs or the spans. The suite is the shared
// `@cognito-feedback/test-support/pageHostile`; this runs it through the Effect 3 page.
import { hostileSuite } from "@cognito-feedback/test-support/pageHostile"
import { describe, it } from "@effect/vitest"
import { driver } from "./support.js"

hostileSuite({ describe, it }, driver)
