import { make } from "../clients/aws-sdk.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
