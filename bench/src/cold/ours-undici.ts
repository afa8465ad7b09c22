import { make } from "../clients/ours-undici.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
