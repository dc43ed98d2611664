import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SLOTS, SYMPTOMS } from "../../src/core/slots.ts";
import { detectPii, extractFacts, normalize, parseAnswer, parseJapaneseDate } from "../../src/nlu/index.ts";

const today = "2026-11-21";

function runAll(s: string): void {
  normalize(s);
  const f = extractFacts(s, { today });
  if (f.symptom !== undefined) expect(SYMPTOMS).toContain(f.symptom);
  if (typeof f.wrongAttempts === "number") {
    expect(f.wrongAttempts).toBeGreaterThanOrEqual(0);
    expect(f.wrongAttempts).toBeLessThanOrEqual(5);
  }
  for (const k of ["certExpiry", "cardExpiry", "issuedOn"] as const) {
    const v = f[k];
    if (v !== undefined) expect(v).toMatch(/^(\d{4}-\d{2}-\d{2}|unknown)$/);
  }
  parseJapaneseDate(s, today);
  const p = detectPii(s);
  extractFacts(p.redacted, { today });
  for (const slot of SLOTS) parseAnswer(slot, s, { today });
}

const NASTY: string[] = [
  "",
  " ",
  "\u0000\u0001\u0002\u001f\u007f",
  "\uD800",
  "\uDC00ロック\uD83D",
  "😀".repeat(3000),
  "あ".repeat(10_000),
  "ロック".repeat(3400),
  "一".repeat(10_000) + "回",
  "一二三四五六七八九十".repeat(1000),
  " ".repeat(10_000) + "x",
  "\n ".repeat(5000),
  "1".repeat(10_000),
  "1234 ".repeat(2000),
  "A1".repeat(5000),
  "暗証番号は".repeat(2000),
  "2027/3/15期限".repeat(700),
  "今日更新した".repeat(1600),
  "ー".repeat(10_000),
  "－".repeat(10_000),
  "令和".repeat(5000),
  "署名用4桁忘れ".repeat(1400),
  "3回間違え".repeat(2000),
  "引っ越".repeat(3000),
  "ｶﾞ".repeat(5000),
  "゛".repeat(10_000),
];

describe("robustness", () => {
  it("never throws on hostile strings and stays fast on 10,000 characters", () => {
    for (const s of NASTY) {
      const t0 = performance.now();
      expect(() => runAll(s)).not.toThrow();
      const ms = performance.now() - t0;
      expect(ms, `slow on ${JSON.stringify(s.slice(0, 20))}…`).toBeLessThan(1500);
    }
  });

  it("never throws on arbitrary strings (property)", () => {
    const alphabet = fc.constantFrom(
      ..."ロックされた失効期限切れ署名用利用者4桁回間違え忘れ暗証番号パスワード令和年月日/.-ー－ 　\n0123456789０１２３ABCxyzｶｰﾄﾞ引っ越しました？!。、😀\u0000\uD800",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: alphabet, maxLength: 200 })), (s) => {
        runAll(s);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts non-string input without throwing", () => {
    const bad = [undefined, null, 42, {}] as unknown as string[];
    for (const b of bad) {
      expect(normalize(b)).toBe("");
      expect(extractFacts(b, { today })).toEqual({});
      expect(detectPii(b).kinds).toEqual([]);
      expect(parseAnswer("symptom", b, { today })).toBeUndefined();
      expect(parseJapaneseDate(b, today)).toBeUndefined();
    }
  });
});
