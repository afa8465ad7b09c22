/**
 * The escaping template against literal markup written out by hand, and against a decoder of the
 * five entities it may produce (the HTML standard's named and numeric references), over text drawn
 * from a seeded generator that favours the markup characters.
 */
import { describe, expect, it } from "vitest"
import { escape, Html, html } from "../src/Html.js"

const decode = (text: string): string =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'" })[name] ?? ""
  )

const random = (seed: number) => () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const alphabet = [..."<>&\"'=/ ;#ax", "&amp;", "&lt;", "é", "😀", "\u0000", "\ud800"]

describe("Html.escape", () => {
  it("writes the five markup characters as entities and nothing else", () => {
    expect(escape("<script>alert('x' & \"y\")</script>")).toBe(
      "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
    )
    expect(escape("&amp;")).toBe("&amp;amp;")
    expect(escape("plain text, é 😀")).toBe("plain text, é 😀")
    expect(escape("")).toBe("")
  })

  it("leaves no markup character, and decodes back to the text", () => {
    const rand = random(21)
    for (let run = 0; run < 2000; run++) {
      const text = Array.from({ length: Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)])
        .join("")
      const escaped = escape(text)
      expect(escaped).not.toMatch(/[<>"']/)
      expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toMatch(/&/)
      expect(decode(escaped)).toBe(text)
    }
  })
})

describe("Html.html", () => {
  it("escapes every interpolation, in text and in attributes", () => {
    const out = html`<a href="${"\" onmouseover=\"alert(1)"}">${"<script>alert('x')</script>"}</a>`
    expect(out.value).toBe(
      "<a href=\"&quot; onmouseover=&quot;alert(1)\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>"
    )
  })

  it("keeps markup built by html as it is, nested and in lists, and renders nothing for nothing", () => {
    const inner = html`<b>${"<i>"}</b>`
    const list = ["a&b", "c"].map((item) => html`<li>${item}</li>`)
    const out = html`<p>${inner}${list}${undefined}${null}${false}${0}${12.5}</p>`
    expect(out.value).toBe("<p><b>&lt;i&gt;</b><li>a&amp;b</li><li>c</li>012.5</p>")
    expect(String(out)).toBe(out.value)
  })

  it("trusts an Html made from a constant, and only that", () => {
    expect(html`${new Html("<hr>")}${"<hr>"}`.value).toBe("<hr>&lt;hr&gt;")
  })

  it("writes the literal parts as they are", () => {
    expect(html`<p class="x">\n</p>`.value).toBe("<p class=\"x\">\n</p>")
    expect(html``.value).toBe("")
  })
})
