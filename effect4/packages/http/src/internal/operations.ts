/**
 * The described operations the live clients call, each bound once for the engine.
 */
import type {
  UpdateAuthEventFeedbackRequest,
  UpdateAuthEventFeedbackResponse
} from "@cognito-feedback/core/UpdateAuthEventFeedback"
import * as Operations from "@cognito-feedback/protocol/Operations"
import * as Binding from "./binding.js"

const empty: UpdateAuthEventFeedbackResponse = {}

/** Its output has no members: every success is the same empty object. */
export const updateAuthEventFeedback = Binding.make<UpdateAuthEventFeedbackRequest, UpdateAuthEventFeedbackResponse>(
  Operations.UpdateAuthEventFeedback,
  () => empty,
  "feedback recorded"
)
