import { make } from "../clients/undici.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
