import { make } from "../clients/effect-plain-fetch.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
