import { make } from "../clients/ours-fetch.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
