import { oneCall } from "../../../../bench/src/cold/oneCall.js"
import { make } from "../clients/ours4-node.js"

await oneCall(make)
