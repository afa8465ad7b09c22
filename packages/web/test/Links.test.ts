// The links and the email templates, and round trips: a template filled in as Cognito fills it in
// (every value written in raw) gives links the page reads back to exactly those values, and opens the
// question, whose button records exactly the link's request. The suite is the shared
// `@cognito-feedback/test-support/pageLinks`; this runs it through the Effect 3 edition.
import { linksSuite } from "@cognito-feedback/test-support/pageLinks"
import { describe, it } from "@effect/vitest"
import { driver } from "./support.js"

linksSuite({ describe, it }, driver)
