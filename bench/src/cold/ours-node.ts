import { make } from "../clients/ours-node.js"
import { oneCall } from "./oneCall.js"

await oneCall(make)
