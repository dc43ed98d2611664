// やさしい日本語 (issue 14): a kanji word followed by its reading in full-width brackets,
// 「市役所（しやくしょ）」, is shown as <ruby>市役所<rt>しやくしょ</rt></ruby>. Built with DOM APIs only:
// the text is never parsed as HTML. Loaded before chat.js; `segments` is also unit-tested on its own.
"use strict";
(() => {
  // A run of kanji (with 々 〆 ヶ) right before 「（」, and a reading of hiragana (ー allowed) up to 「）」.
  const READING = /([\p{Script=Han}々〆ヶ]+)（([\p{Script=Hiragana}ー]+)）/gu;

  /** The text cut into plain strings and `{ base, reading }` pieces, in order. */
  function segments(text) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(READING)) {
      if (m.index > last) out.push(text.slice(last, m.index));
      out.push({ base: m[1], reading: m[2] });
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  /** The text as a fragment of text nodes and <ruby> elements (with <rp> brackets for copying). */
  function fragment(doc, text) {
    const out = doc.createDocumentFragment();
    for (const s of segments(text)) {
      if (typeof s === "string") {
        out.append(s);
        continue;
      }
      const ruby = doc.createElement("ruby");
      const open = doc.createElement("rp");
      open.textContent = "（";
      const rt = doc.createElement("rt");
      rt.textContent = s.reading;
      const close = doc.createElement("rp");
      close.textContent = "）";
      ruby.append(s.base, open, rt, close);
      out.append(ruby);
    }
    return out;
  }

  globalThis.McrRuby = { segments, fragment };
})();
