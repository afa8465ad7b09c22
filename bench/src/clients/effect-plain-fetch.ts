/** The plain hand-written `HttpClient` call over `FetchHttpClient`: the floor of this library's fetch variant. */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type { MakeClient } from "../shared.js"
import { makePlain } from "./plain.js"

export const make: MakeClient = (endpoint) => makePlain(endpoint, FetchHttpClient.layer)
