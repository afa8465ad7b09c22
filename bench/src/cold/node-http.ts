import { make } from "../clients/node-http.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
