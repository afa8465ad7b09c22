import { make } from "../clients/effect-aws.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
