/** This library over `node:http` directly: `@cognito-feedback/node`. */
import * as AuthEventFeedbackNode from "@cognito-feedback/node/AuthEventFeedbackNode"
import type { MakeClient } from "../shared.js"
import { makeOurs } from "./ours.js"

export const make: MakeClient = (endpoint, retry) => makeOurs(endpoint, retry, AuthEventFeedbackNode.layer)
