/**
 * The page tokens against Node's own base64url (an independent encoder), and the pages against an
 * independent sort of the events.
 */
import { Buffer } from "node:buffer"
import { describe, expect, it } from "vitest"
import * as SimulationPagination from "../src/SimulationPagination.js"

const ascii = (length: number, seed: number) =>
  Array.from({ length }, (_, i) => String.fromCharCode(32 + ((seed * 7919 + i * 104729) % 95))).join("")

describe("SimulationPagination base64url", () => {
  it("encodes as Node does, without padding, and decodes Node's with or without padding", () => {
    for (let length = 0; length < 40; length++) {
      for (let seed = 0; seed < 5; seed++) {
        const text = ascii(length, seed)
        const node = Buffer.from(text, "latin1").toString("base64url")
        expect(SimulationPagination.encodeBase64Url(text)).toBe(node)
        expect(SimulationPagination.decodeBase64Url(node)).toBe(text)
        expect(SimulationPagination.decodeBase64Url(Buffer.from(text, "latin1").toString("base64"))).toBe(
          /[+/]/.test(Buffer.from(text, "latin1").toString("base64")) ? undefined : text
        )
      }
    }
  })

  it("refuses what is not base64url", () => {
    for (const bad of ["a", "ab c", "a+b/", "YQ=a", "====", "Y==="]) {
      expect([bad, SimulationPagination.decodeBase64Url(bad)]).toEqual([bad, undefined])
    }
  })
})

describe("SimulationPagination tokens", () => {
  const key = { time: Date.UTC(2026, 10, 1), seq: 7 }

  it("round-trip for the pool and user they were minted for, and no other", () => {
    const token = SimulationPagination.encodeToken("us-east-1_A1", "sub-1", key)
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(SimulationPagination.decodeToken(token, "us-east-1_A1", "sub-1")).toEqual(key)
    expect(SimulationPagination.decodeToken(token, "us-east-1_A2", "sub-1")).toBeUndefined()
    expect(SimulationPagination.decodeToken(token, "us-east-1_A1", "sub-2")).toBeUndefined()
  })

  it("refuse a tampered or forged token", () => {
    const token = SimulationPagination.encodeToken("us-east-1_A1", "sub-1", key)
    const text = Buffer.from(token, "base64url").toString("latin1")
    const tampered = Buffer.from(text.replace(/^\d/, "9")).toString("base64url")
    const forged = Buffer.from("0.0.00000000").toString("base64url")
    for (const bad of [tampered, forged, `${token}x`, "garbage"]) {
      expect(SimulationPagination.decodeToken(bad, "us-east-1_A1", "sub-1")).toBeUndefined()
    }
  })
})

describe("SimulationPagination.page", () => {
  const events = [3, 1, 3, 2].map((s, seq) => ({ seq, id: `e${seq}`, creationDate: new Date(s * 1000) }))

  it("newest first, ties in reverse order of insertion; next when more remain", () => {
    const first = SimulationPagination.page(events, undefined, 3)
    expect(first.events.map((e) => e.id)).toEqual(["e2", "e0", "e3"])
    expect(first.next).toEqual({ time: 2000, seq: 3 })
    const rest = SimulationPagination.page(events, first.next, 3)
    expect(rest.events.map((e) => e.id)).toEqual(["e1"])
    expect(rest.next).toBeUndefined()
    expect(SimulationPagination.page(events, undefined, 4).next).toBeUndefined()
  })

  it("MaxResults 0 or absent is the model's maximum, 60", () => {
    expect([0, undefined, 1, 60].map(SimulationPagination.pageSize)).toEqual([60, 60, 1, 60])
  })
})
