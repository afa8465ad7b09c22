// The escaping template the pages are built with, and the stylesheet's hash in the CSP.
import { escape, html } from "@cognito-feedback/protocol/Html"
import { outcome, styleHash, stylesheet } from "@cognito-feedback/protocol/PageHtml"
import { english } from "@cognito-feedback/protocol/PageTexts"
import { assert, describe, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { createHash } from "node:crypto"
import { decodeEntities } from "./support.js"

describe("html", () => {
  it.prop(
    "escape leaves no markup character and decodes back to the text",
    [fc.string({ unit: "binary" })],
    ([text]) => {
      const escaped = escape(text)
      assert.notMatch(escaped, /[<>"']/)
      assert.notMatch(escaped.replace(/&(amp|lt|gt|quot|#39);/g, ""), /&/)
      assert.strictEqual(decodeEntities(escaped), text)
    }
  )

  it.prop(
    "every interpolation is escaped, in text and in attributes, nested or in lists",
    [fc.string(), fc.string(), fc.array(fc.string(), { maxLength: 3 })],
    ([a, b, list]) => {
      const inner = html`<b>${b}</b>`
      const out = html`<p title="${a}">${a}${inner}${list.map((item) => html`<i>${item}</i>`)}${undefined}${false}</p>`
      assert.strictEqual(
        out.value,
        `<p title="${escape(a)}">${escape(a)}<b>${escape(b)}</b>${
          list.map((item) => `<i>${escape(item)}</i>`).join("")
        }</p>`
      )
    }
  )

  it("a hostile value cannot open a tag or leave an attribute", () => {
    const out = html`<a href="${"\" onmouseover=\"alert(1)"}">${"<script>alert('x')</script>"}</a>`.value
    assert.strictEqual(
      out,
      "<a href=\"&quot; onmouseover=&quot;alert(1)\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>"
    )
  })

  it("the Content-Security-Policy's hash is the stylesheet's, which pages carry as it is", () => {
    assert.strictEqual(styleHash, `sha256-${createHash("sha256").update(stylesheet).digest("base64")}`)
    const page = outcome({ texts: english, productName: "Example" }, "failed", undefined).value
    assert.include(page, `<style>${stylesheet}</style>`)
  })
})
