// The Effect 4 runner of the whole risky sign-in loop: the cases are
// `@cognito-feedback/test-support/riskLoop`, shared with the Effect 3 edition; this binds them to
// the Effect 4 simulator, emulator, page (`toWebHandler` served over `node:http` on 127.0.0.1, its
// calls over HTTP to the emulator) and `TakeoverEmail`.
import { AuthEventFeedbackHttp } from "@cognito-feedback/http"
import { serveWebHandler } from "@cognito-feedback/test-support/pageBrowser"
import type { RiskLoopDriver, RiskSimulator } from "@cognito-feedback/test-support/riskLoop"
import { riskLoopSuite } from "@cognito-feedback/test-support/riskLoop"
import { CognitoSimulator } from "@cognito-feedback/testkit"
import type { SimulatorSeed } from "@cognito-feedback/testkit"
import * as CognitoEmulator from "@cognito-feedback/testkit/CognitoEmulator"
import { FeedbackPage, TakeoverEmail } from "@cognito-feedback/web"
import { describe, it } from "@effect/vitest"
import { Context, Effect, Exit, Layer, Result, Scope } from "effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"

const outcome = <A, E extends { readonly _tag: string; readonly message: string }>(effect: Effect.Effect<A, E>) =>
  Effect.runPromise(Effect.match(effect, {
    onFailure: (error) => ({ _tag: "Failure" as const, error: { _tag: error._tag, message: error.message } }),
    onSuccess: (value) => ({ _tag: "Success" as const, value })
  }))

const checked = <A>(result: Result.Result<A, { readonly option?: string | undefined; readonly message: string }>) =>
  Result.isSuccess(result)
    ? { _tag: "Ok" as const, value: result.success }
    : { _tag: "Refused" as const, option: result.failure.option, message: result.failure.message }

const driver: RiskLoopDriver = {
  simulator: async ({ customEmailSender, seed, tokenReuse }) => {
    const sim = await Effect.runPromise(CognitoSimulator.make({
      seed: seed as SimulatorSeed.SeedFile,
      tokenReuse,
      customEmailSender: customEmailSender === undefined
        ? undefined
        : (event) => Effect.tryPromise(() => customEmailSender(event))
    }))
    const simulator: RiskSimulator = {
      setRiskConfiguration: (input) => outcome(sim.setRiskConfiguration(input)),
      describeRiskConfiguration: (input) => outcome(sim.describeRiskConfiguration(input)),
      riskySignIn: (signIn) => outcome(sim.riskySignIn(signIn)),
      outbox: () => Effect.runPromise(sim.outbox),
      update: (input) => outcome(sim.updateAuthEventFeedback(input)),
      list: (input) => outcome(sim.adminListUserAuthEvents(input))
    }
    return simulator
  },
  serve: async ({ customEmailSenderUrl, seed }) => {
    const scope = Effect.runSync(Scope.make())
    const close = () => Effect.runPromise(Scope.close(scope, Exit.void))
    try {
      const context = await Effect.runPromise(
        Layer.buildWithScope(
          CognitoEmulator.layerWithSimulator({ seed: seed as SimulatorSeed.SeedFile, customEmailSenderUrl }),
          scope
        )
      )
      const emulator = Context.get(context, CognitoEmulator.CognitoEmulator)
      const { dispose, handler } = Result.getOrThrow(FeedbackPage.toWebHandler(
        { productName: "Example" },
        AuthEventFeedbackHttp.layer({ endpoint: emulator.url }).pipe(Layer.provide(FetchHttpClient.layer))
      ))
      const server = await serveWebHandler(handler)
      return {
        emulatorUrl: emulator.url,
        pageUrl: server.url,
        dispose: async () => {
          await server.close()
          await dispose()
          await close()
        }
      }
    } catch (error) {
      await close()
      throw error
    }
  },
  linkTemplates: (options) => checked(FeedbackPage.linkTemplates(options)),
  takeoverEmail: (event, { pageUrl, to }) =>
    Effect.runPromise(
      Effect.flatMap(
        TakeoverEmail.decode(event),
        (decoded) => Effect.fromResult(TakeoverEmail.email(decoded, { pageUrl, to }))
      )
    )
}

riskLoopSuite({ describe, it }, driver)
