/** The Effect 4 edition over `node:http` directly: `@cognito-feedback/node` 4. */
import * as AuthEventFeedbackNode from "@cognito-feedback/node/AuthEventFeedbackNode"
import type { MakeClient } from "../../../../bench/src/shared.js"
import { makeOurs4 } from "./ours4.js"

export const make: MakeClient = (endpoint, retry) => makeOurs4(endpoint, retry, AuthEventFeedbackNode.layer)
