// The custom email sender side: the takeover event decodes with its secrets redacted, the email is
// the right one for the action, its links open the page with the event's values, and the handler
// sends once. The suite is the shared `@cognito-feedback/test-support/takeoverEmail`; this runs it
// through the Effect 3 edition.
import type { Decoded, TakeoverEmailDriver } from "@cognito-feedback/test-support/takeoverEmail"
import { takeoverEmailSuite } from "@cognito-feedback/test-support/takeoverEmail"
import { TakeoverEmail } from "@cognito-feedback/web"
import { describe, it } from "@effect/vitest"
import { Effect, Either, Redacted } from "effect"

const decoded = (input: unknown): Promise<Decoded> =>
  Effect.runPromise(
    TakeoverEmail.decode(input).pipe(
      Effect.match({
        onFailure: (error): Decoded => ({ _tag: "EventError", error, field: error.field, message: error.message }),
        onSuccess: (event): Decoded => {
          const attributes = event.request.userAttributes
          return {
            _tag: "Ok",
            event,
            plain: {
              userPoolId: event.userPoolId,
              userName: Redacted.value(event.userName),
              username: Redacted.value(attributes.USER_NAME),
              eventId: attributes.EVENT_ID,
              feedbackToken: Redacted.value(attributes.FEEDBACK_TOKEN),
              action: attributes.ACCOUNT_TAKE_OVER_ACTION,
              ipAddress: attributes.IP_ADDRESS,
              loginTime: attributes.LOGIN_TIME,
              city: attributes.CITY,
              country: attributes.COUNTRY,
              deviceName: attributes.DEVICE_NAME
            }
          }
        }
      })
    )
  )

const driver: TakeoverEmailDriver = {
  decode: decoded,
  email: (input, options) =>
    Effect.runPromise(
      Effect.map(TakeoverEmail.decode(input), (event) =>
        Either.match(TakeoverEmail.email(event, options), {
          onLeft: (error) => ({ _tag: "OptionsError", option: error.option, message: error.message }) as const,
          onRight: (email) => ({ _tag: "Ok", email }) as const
        }))
    ),
  handler: ({ recipient, send, ...options }) =>
    TakeoverEmail.handler({
      ...options,
      recipient: (event) => Effect.tryPromise({ try: () => recipient(event), catch: (error) => error }),
      send: (email) => Effect.tryPromise({ try: () => send(email), catch: (error) => error })
    })
}

takeoverEmailSuite({ describe, it }, driver)
