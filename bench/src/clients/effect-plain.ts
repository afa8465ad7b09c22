/**
 * A plain hand-written `HttpClient` call over undici: what any Effect client of this operation pays
 * before doing any of its own work (validation, retries, error decoding, spans).
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import type { MakeClient } from "../shared.js"
import { makePlain } from "./plain.js"

export const make: MakeClient = (endpoint) => makePlain(endpoint, NodeHttpClient.layerUndici)
