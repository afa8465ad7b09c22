/**
 * A risk configuration as a simulator takes and keeps it: the three configurations of
 * `SetRiskConfiguration`, checked against the model (`Operations.SetRiskConfiguration`), the
 * account-takeover one read by a simulated risky sign-in.
 *
 * @since 0.1.0
 */
import type { shapes } from "./Operations.js"
import type { EventAction, NotifyEmail } from "./RiskNotification.js"

type RiskLevel = (typeof shapes.RiskLevelType.values)[number]

/**
 * A risk configuration as `SetRiskConfiguration` takes it (the three configurations, as given and
 * checked against the model).
 *
 * @since 0.1.0
 * @category models
 */
export interface RiskConfigurations {
  readonly CompromisedCredentialsRiskConfiguration?: unknown
  readonly AccountTakeoverRiskConfiguration?: AccountTakeoverRiskConfiguration | undefined
  readonly RiskExceptionConfiguration?: unknown
}

/**
 * `AccountTakeoverRiskConfigurationType` as a simulator reads it.
 *
 * @since 0.1.0
 * @category models
 */
export interface AccountTakeoverRiskConfiguration {
  readonly NotifyConfiguration?: {
    readonly From?: string | undefined
    readonly ReplyTo?: string | undefined
    readonly SourceArn: string
    readonly BlockEmail?: NotifyEmail | undefined
    readonly NoActionEmail?: NotifyEmail | undefined
    readonly MfaEmail?: NotifyEmail | undefined
  } | undefined
  readonly Actions: {
    readonly [L in `${RiskLevel}Action`]?: {
      readonly Notify: boolean
      readonly EventAction: EventAction
    } | undefined
  }
}
