/**
 * The transport-failure rules both editions build their errors from, and the invocation id format.
 */
import { describe, expect, it } from "vitest"
import * as InvocationId from "../src/InvocationId.js"
import * as TransportFailure from "../src/TransportFailure.js"

const withCode = (code: string) => Object.assign(new Error("x"), { code })

describe("TransportFailure", () => {
  it("finds the errno code on the error or up to three causes down, and no further", () => {
    expect(TransportFailure.codeOf(withCode("ECONNRESET"))).toBe("ECONNRESET")
    expect(TransportFailure.codeOf({ cause: { cause: { cause: { code: "EPIPE" } } } })).toBe("EPIPE")
    expect(TransportFailure.codeOf({ cause: { cause: { cause: { cause: { code: "EPIPE" } } } } })).toBeUndefined()
    expect(TransportFailure.codeOf("ECONNRESET")).toBeUndefined()
    expect(TransportFailure.codeOf({ code: 42 })).toBeUndefined()
  })

  it("classifies a failed request by its code", () => {
    expect(TransportFailure.requestFailed(withCode("ECONNREFUSED"))).toEqual({
      reason: "Connect",
      message: "could not complete the request (ECONNREFUSED)"
    })
    expect(TransportFailure.requestFailed(withCode("UND_ERR_HEADERS_TIMEOUT")).reason).toBe("Timeout")
    expect(TransportFailure.requestFailed(withCode("EWHATEVER")).reason).toBe("Reset")
    expect(TransportFailure.requestFailed(new Error("no code"))).toEqual({
      reason: "Unknown",
      message: "could not complete the request"
    })
  })

  it("tells a broken connection from an unreadable body", () => {
    expect(TransportFailure.bodyFailed(withCode("ECONNRESET"), 200)).toEqual({
      _tag: "Transport",
      reason: "Reset",
      message: "the connection failed while reading the response (ECONNRESET)"
    })
    expect(TransportFailure.bodyFailed(withCode("UND_ERR_BODY_TIMEOUT"), 200)._tag).toBe("Transport")
    expect(TransportFailure.bodyFailed(new Error("bad gzip"), 400, "Decode")).toEqual({
      _tag: "Unexpected",
      message: "HTTP 400: the body could not be read (Decode)"
    })
    expect(TransportFailure.bodyFailed(withCode("Z_DATA_ERROR"), 502).message).toBe(
      "HTTP 502: the body could not be read (Z_DATA_ERROR)"
    )
  })

  it("reads a body whole only when its declared length is within the bound and it has no coding", () => {
    expect(TransportFailure.readsWhole("10", undefined, 10)).toBe(true)
    expect(TransportFailure.readsWhole("10", "identity", 10)).toBe(true)
    expect(TransportFailure.readsWhole("10", "", 64)).toBe(true)
    expect(TransportFailure.readsWhole("11", undefined, 10)).toBe(false)
    expect(TransportFailure.readsWhole("10", "gzip", 64)).toBe(false)
    expect(TransportFailure.readsWhole(undefined, undefined, 64)).toBe(false)
    expect(TransportFailure.readsWhole("1e1", undefined, 64)).toBe(false)
    expect(TransportFailure.readsWhole("-1", undefined, 64)).toBe(false)
    expect([...TransportFailure.nullBodyStatuses]).toEqual([204, 205, 304])
  })
})

describe("InvocationId", () => {
  it("formats any two words as a UUID v4, the same words always the same id", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    for (const [a, b] of [[0, 0], [0xffff_ffff, 0xffff_ffff], [0x1234_5678, 0x9abc_def0], [1, 2]] as const) {
      expect(InvocationId.format(a, b)).toMatch(uuid)
      expect(InvocationId.format(a, b)).toBe(InvocationId.format(a, b))
    }
    expect(InvocationId.format(1, 2)).not.toBe(InvocationId.format(2, 1))
    expect(InvocationId.format(0x1234_5678, 0).slice(0, 8)).toBe("12345678")
  })
})
