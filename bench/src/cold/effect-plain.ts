import { make } from "../clients/effect-plain.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
