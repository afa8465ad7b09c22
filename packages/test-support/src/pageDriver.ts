/**
 * What the shared page suites (`pageSuite`, `pageWireCases`, `pageLinks`, `pageHostile`) need of an
 * edition: its feedback page, its link functions and its testkit, behind Promise-returning
 * functions of plain data. Each edition implements `PageDriver` with its own Effect (the page's
 * router through a web handler, `Either` or `Result` mapped to `Checked`, the testkit's simulator
 * or script read back). Effect-free.
 */
import type { SignInDetails } from "@cognito-feedback/protocol/FeedbackLink"
import type * as FeedbackLinkTemplates from "@cognito-feedback/protocol/FeedbackLinkTemplates"
import type { Texts } from "@cognito-feedback/protocol/PageTexts"
import type { ErrorData } from "@cognito-feedback/protocol/WireCases"
import type * as fc from "fast-check"
import type { Answer, Recorded } from "./pageClient.js"

/** The page's options (`FeedbackPage.Options` of both editions). */
export interface PageOptions {
  readonly productName: string
  readonly path?: string | undefined
  readonly userPoolId?: string | undefined
  readonly secureAccountUrl?: string | undefined
  readonly texts?: Texts | undefined
  readonly publicOrigin?: string | undefined
}

/** How one call to the service ends, as data (built into the edition's error classes). */
export type CallOutcome = { readonly _tag: "Success" } | { readonly _tag: "Failure"; readonly error: ErrorData }

/** What answers the page's calls. */
export type Scenario =
  /** The testkit's in-memory simulator over its sample seed; the next calls throttled, or failing. */
  | { readonly _tag: "Simulator"; readonly throttleNext?: number; readonly failNext?: number }
  /** The testkit's scripted service: `outcomes` in order (`AuthEventFeedbackTest.layerScripted`). */
  | { readonly _tag: "Scripted"; readonly outcomes: ReadonlyArray<CallOutcome> }
  /** An `AuthEventFeedback` (`AuthEventFeedback.make`) whose every valid call ends as `outcome`. */
  | { readonly _tag: "EndingAs"; readonly outcome: CallOutcome }

export const simulator: Scenario = { _tag: "Simulator" }
export const scripted = (...outcomes: ReadonlyArray<CallOutcome>): Scenario => ({ _tag: "Scripted", outcomes })
export const failure = (error: ErrorData): CallOutcome => ({ _tag: "Failure", error })

/** A request as the service got it, or as a link reads, secrets revealed. */
export interface FeedbackRequest {
  readonly UserPoolId: string
  readonly Username: string
  readonly EventId: string
  readonly FeedbackToken: string
  readonly FeedbackValue: "Valid" | "Invalid"
}

/** An `Either` (Effect 3) or `Result` (Effect 4) of the edition, with its `OptionsError` as data. */
export type Checked<A> =
  | { readonly _tag: "Ok"; readonly value: A }
  | { readonly _tag: "Refused"; readonly option: string | undefined; readonly message: string }

/** A page over a scenario, with what its service recorded. */
export interface Page {
  readonly send: (request: Request) => Promise<Answer>
  readonly recorded: Recorded
  /** How each call the simulator answered ended (`Success` or the error's code), in order. */
  readonly outcomes: () => Promise<ReadonlyArray<string>>
  /** The number of calls the simulator answered. */
  readonly callCount: () => Promise<number>
  /** What the scripted service was sent (`AuthEventFeedbackTest.ScriptedCalls`). */
  readonly sent: () => Promise<ReadonlyArray<FeedbackRequest>>
  /** The feedback the simulator holds for the event of the page's pool, if any. */
  readonly feedbackOf: (
    username: string,
    eventId: string
  ) => Promise<{ readonly FeedbackValue: string; readonly Provider: string } | undefined>
}

/** What an edition's service can end with, as the page sees it (for `eachOutcome`). */
export type DrawnOutcome =
  | { readonly _tag: "Success" }
  | { readonly _tag: "Failure"; readonly error: { readonly _tag: string; readonly status?: number } }

export interface WebHandler {
  readonly handler: (request: Request) => Promise<Response>
  readonly dispose: () => Promise<void>
}

export interface LinkOptions {
  readonly baseUrl: string
  readonly path?: string | undefined
  readonly userPoolId: string
}

export interface LinkTemplateOptions extends LinkOptions {
  readonly sourceArn: string
  readonly from?: string | undefined
  readonly replyTo?: string | undefined
  readonly actions?: FeedbackLinkTemplates.ActionsOptions | undefined
}

export interface LinkEvent {
  readonly username: string
  readonly eventId: string
  readonly feedbackToken: string
  readonly signIn?: SignInDetails | undefined
}

export interface PageDriver {
  /** The page with `options` over `scenario`, driven as a server does (tracer and access logger around it). */
  readonly page: (options: PageOptions, scenario: Scenario) => Promise<Page & { readonly dispose: () => Promise<void> }>
  /**
   * `check` for `runs` outcomes drawn from the edition's `CognitoArbitrary.outcome`, each with a page
   * (default options) over a script of that one outcome; rejects with the first failure.
   */
  readonly eachOutcome: (runs: number, check: (outcome: DrawnOutcome, page: Page) => Promise<void>) => Promise<void>
  /** `FeedbackPage.toWebHandler(options, layer)` over `scenario`. */
  readonly toWebHandler: (options: PageOptions, scenario: Scenario) => Promise<Checked<WebHandler>>
  /** Whether `FeedbackPage.router(options)` takes the options. */
  readonly router: (options: PageOptions) => Checked<unknown>
  readonly defaultTexts: Texts
  readonly links: (
    options: LinkOptions,
    event: LinkEvent
  ) => Checked<{ readonly valid: string; readonly invalid: string }>
  readonly linkTemplates: (options: LinkTemplateOptions) => Checked<FeedbackLinkTemplates.LinkTemplates>
  /** What the page's link decoder reads from a link, as a browser sends it (`new URL` normalises it). */
  readonly readLink: (link: string) => Promise<Checked<FeedbackRequest>>
  /** Valid requests, drawn as the edition's own tests draw them. */
  readonly requests: fc.Arbitrary<FeedbackRequest>
}

/** `body` with a page, disposed after. */
export const withPage = async <A>(
  driver: PageDriver,
  options: PageOptions,
  scenario: Scenario,
  body: (page: Page) => Promise<A>
): Promise<A> => {
  const page = await driver.page(options, scenario)
  try {
    return await body(page)
  } finally {
    await page.dispose()
  }
}
