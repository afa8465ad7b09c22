import { make } from "../clients/fetch.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
