import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectPii, extractFacts, individualNumberCheckDigit, isValidIndividualNumber } from "../../src/nlu/index.ts";
import { foldWithMap, foldWithMapReference } from "../../src/nlu/pii.ts";

/** Official formula, written out independently of the implementation. */
function checkDigit(first11: string): number {
  const d = [...first11].map(Number);
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = d[11 - n] ?? 0;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

function validNumber(first11: string): string {
  return first11 + String(checkDigit(first11));
}

describe("individual number check digit", () => {
  it("matches the official formula", () => {
    expect(checkDigit("12345678901")).toBe(8);
    expect(isValidIndividualNumber("123456789018")).toBe(true);
    expect(isValidIndividualNumber("123456789019")).toBe(false);
    for (const prefix of ["98765432109", "00000000001", "31415926535", "27182818284"]) {
      expect(individualNumberCheckDigit(prefix)).toBe(checkDigit(prefix));
      expect(isValidIndividualNumber(validNumber(prefix))).toBe(true);
    }
  });
});

describe("detectPii", () => {
  it("finds a valid 個人番号 in any common shape", () => {
    const n = validNumber("98765432109");
    const spaced = `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`;
    const hyphen = `${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`;
    const fullWidth = [...n].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
    for (const s of [n, spaced, hyphen, fullWidth, `番号は${n}です`]) {
      const r = detectPii(s);
      expect(r.kinds).toEqual(["individual-number"]);
      expect(r.redacted).not.toMatch(/[0-9０-９]{4}/);
      expect(r.redacted).toContain("＊＊＊＊");
    }
    expect(detectPii(`番号は${n}です`).redacted).toBe("番号は＊＊＊＊です");
  });

  it("ignores 12 digits with a wrong check digit", () => {
    const n = validNumber("98765432109");
    const wrong = n.slice(0, 11) + String((Number(n[11]) + 1) % 10);
    expect(detectPii(wrong).kinds).toEqual([]);
    expect(detectPii("123456789019").kinds).toEqual([]);
    expect(detectPii("1234567890181").kinds).toEqual([]); // 13 digits
  });

  it("finds PINs", () => {
    expect(detectPii("暗証番号は1234です")).toEqual({ kinds: ["pin"], redacted: "暗証番号は＊＊＊＊です" });
    expect(detectPii("暗証番号：１２３４").redacted).toBe("暗証番号：＊＊＊＊");
    expect(detectPii("PIN=9876").kinds).toEqual(["pin"]);
    expect(detectPii("ピン 4321 で合ってる？").kinds).toEqual(["pin"]);
    expect(detectPii("パスワードはABC12345").redacted).toBe("パスワードは＊＊＊＊");
    expect(detectPii("パスワードはabc12345です").kinds).toEqual(["pin"]);
    expect(detectPii("ABC12345って入れたら違うって").kinds).toEqual(["pin"]);
    expect(detectPii("ＡＢＣ１２３４５").redacted).toBe("＊＊＊＊");
  });

  it("reports both kinds in order of appearance", () => {
    const n = validNumber("31415926535");
    const r = detectPii(`暗証番号は5678、マイナンバーは${n}`);
    expect(r.kinds).toEqual(["pin", "individual-number"]);
    expect(r.redacted).toBe("暗証番号は＊＊＊＊、マイナンバーは＊＊＊＊");
  });

  it("does not flag dates, counts, years, phone numbers or error codes", () => {
    for (const s of [
      "2027/03/15",
      "3回間違えた",
      "2026年に更新",
      "0120-95-0178",
      "0120-0178-27",
      "HJS0432E",
      "ＨＪＳ０４３２Ｅ",
      "EI123-2008",
      "暗証番号は4桁です",
      "暗証番号を2026年に設定",
      "暗証番号を3回間違えた",
      "令和9年3月15日",
      "NFC",
    ]) {
      expect(detectPii(s)).toEqual({ kinds: [], redacted: s });
    }
  });

  it("redacted text is safe for extractFacts and keeps the facts", () => {
    const r = detectPii("4桁の暗証番号1234を3回間違えてロックされました");
    expect(r.redacted).not.toContain("1234");
    const f = extractFacts(r.redacted, { today: "2026-11-21" });
    expect(f).toMatchObject({ symptom: "locked", certificate: "user", wrongAttempts: 3 });
    expect(JSON.stringify(f)).not.toContain("1234");
  });

  it("extractFacts never outputs a PIN or a 個人番号", () => {
    const n = validNumber("12345678901");
    const f = extractFacts(`マイナンバー${n}、暗証番号9876、パスワードZX98CV76です。ロックされた`, { today: "2026-11-21" });
    const json = JSON.stringify(f);
    expect(json).not.toContain(n);
    expect(json).not.toContain("9876");
    expect(json).not.toMatch(/zx98cv76/i);
  });
});

describe("detectPii: error codes in context", () => {
  it("a token introduced or followed by エラー is a code, not a PIN", () => {
    expect(detectPii("エラーコード：EM2002").kinds).toEqual([]);
    expect(detectPii("EM2002というエラーが出ました").kinds).toEqual([]);
    expect(detectPii("EM2002と入力した").kinds).toEqual(["pin"]);
  });
});

describe("foldWithMap: the short path for plain characters", () => {
  /** The fold with its map written out (a text of plain units only comes back without one). */
  const full = (text: string) => {
    const f = foldWithMap(text);
    const identity = [...Array(f.s.length).keys()];
    return { s: f.s, start: f.start ?? identity, end: f.end ?? identity.map((k) => k + 1) };
  };

  it("folds every UTF-16 unit as the reference does, alone and between kana, marks and dashes", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `カ${ch}\u3099ー`, `a${ch}${ch}1`]) {
        const got = full(text);
        const want = foldWithMapReference(text);
        if (got.s !== want.s || got.start.join() !== want.start.join() || got.end.join() !== want.end.join()) {
          expect({ c: c.toString(16), ...got }).toEqual({ c: c.toString(16), ...want });
        }
      }
    }
  });

  it("agrees with the reference on 20,000 generated texts (kana, half-width, marks, dashes, digits, emoji, lone surrogates)", () => {
    const pieces = [
      ..."あいうかがぱゔゕゖアイウカガパヴヵヶヷヺヽヾｱｲｶﾞﾊﾟｰﾞﾟ゛゜\u3099\u309A",
      ..."ー－‐‑‒–—―−﹘﹣ｰ-~〜～",
      ..."0123456789０１２３４５６７８９abcXYZＡＢｃ ,.:=　、。「」『』（）！？",
      ..."暗証番号パスワードピンPIN令和回月日年漢字㋿①Ⅻﬁ㍻豈\u00A0\u200B\t\n",
      "😀", "👍🏽", "\uD800", "\uDC00", "\uD83D", "e\u0301", "か\u3099", "ハ\u309A",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(full(text)).toEqual(foldWithMapReference(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees with the reference on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        expect(full(text)).toEqual(foldWithMapReference(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
