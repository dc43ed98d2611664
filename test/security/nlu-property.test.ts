/**
 * The language layer against 10,000 random strings (fast-check): printable ASCII, any Unicode code
 * point (astral planes, lone surrogates, control characters), graphemes (emoji sequences, combining
 * marks), mixtures of Japanese fragments the bot reacts to (暗証番号, 令和, 回, ロック …) with digits
 * and noise, and long strings up to 10,000 characters. Every function (normalize, extractFacts,
 * parseAnswer for every slot, parseJapaneseDate, detectPii) must return, with a well-formed value, in
 * under 50 ms per call.
 *
 * Timing is the CPU time of the call (process.cpuUsage), not wall time: on a busy machine (CI, the
 * whole suite in parallel workers) wall time measures the scheduler, while CPU time is what a runaway
 * regular expression would burn. A call over the bound is measured again once (a GC pause is not the
 * function's fault) and fails only when slow twice. The run's total wall time is bounded too.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { SLOTS, SYMPTOMS, type Slot } from "../../src/core/slots.ts";
import { detectPii, extractFacts, normalize, parseAnswer, parseJapaneseDate, REDACTION, warmUp } from "../../src/nlu/index.ts";

// As the server does right after it listens (src/main.ts): the patterns' one-off compile (V8 compiles
// a regular expression on its first run and again to native code later) is not a string's cost.
beforeAll(() => {
  warmUp();
});

const TODAY = "2026-11-21";
const PER_CALL_MS = 50;
/** Wall time for all 10,000 strings (about 15 s on a quiet 2-CPU machine). */
const TOTAL_MS = 180_000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const YES_NO = ["yes", "no"];
const YES_NO_UNKNOWN = ["yes", "no", "unknown"];

/** What parseAnswer may answer for each slot (shared/contract.md §2), besides undefined. */
const ANSWERS: Record<Slot, (v: string | number) => boolean> = {
  symptom: (v) => (SYMPTOMS as readonly string[]).includes(String(v)),
  certificate: (v) => ["signature", "user", "unknown"].includes(String(v)),
  basicInfoChanged: (v) => YES_NO_UNKNOWN.includes(String(v)),
  wrongAttempts: (v) => v === "unknown" || (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 5),
  signaturePinKnown: (v) => YES_NO.includes(String(v)),
  userPinKnown: (v) => YES_NO.includes(String(v)),
  nfcSmartphone: (v) => YES_NO_UNKNOWN.includes(String(v)),
  certExpiry: (v) => v === "unknown" || DATE.test(String(v)),
  cardExpiry: (v) => v === "unknown" || DATE.test(String(v)),
  issuedOn: (v) => v === "unknown" || DATE.test(String(v)),
  applicant: (v) => ["self", "proxy", "legal-representative"].includes(String(v)),
  foreignResident: (v) => YES_NO.includes(String(v)),
  noSignatureReason: (v) => ["under-15", "adult-ward", "face-auth-card", "unknown"].includes(String(v)),
};

// ---- the strings ----

const FRAGMENTS = [
  "暗証番号", "暗証番号は", "パスワード", "PIN", "ピン", "マイナンバー", "個人番号", "令和", "令和9年", "平成", "R8.", "西暦",
  "年", "月", "日", "回", "３回", "三回", "残り", "ロック", "ﾛｯｸ", "失効", "期限", "有効期間", "署名用", "利用者証明用", "4桁",
  "6桁", "忘れ", "間違え", "引っ越", "結婚", "更新", "再発行", "紛失", "なくした", "代理", "後見", "在留", "顔認証", "はい",
  "いいえ", "わからない", "覚えていない", "昨日", "来月", "先週", "/", "-", "ー", "－", "・", "、", "。", "？", " ", "　", "\n",
  "HJS0432E", "EI123-2008", "ABC12345", "ＡＢＣ１２３４５", "0120-95-0178", "😀", "🙏🏻", "\u0000", "\u200b", "\ufeff", "゛", "ｶﾞ",
];
const digits = fc.string({ unit: fc.constantFrom(..."0123456789０１２３４５６７８９〇一二三四五六七八九十"), minLength: 1, maxLength: 14 });
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 });
/** Any UTF-16 unit, surrogate halves and controls included. */
const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });
const mixture = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 2, arbitrary: digits }, fc.string({ maxLength: 6 }), loneSurrogates), {
    maxLength: 40,
  })
  .map((parts) => parts.join(""));
/** Long texts: a fragment or a short mixture repeated up to 10,000 characters. */
const long = fc
  .tuple(fc.oneof(fc.constantFrom(...FRAGMENTS), mixture.filter((s) => s.length > 0)), fc.integer({ min: 1_000, max: 10_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / Math.max(1, unit.length))).slice(0, length));

/** The runs per family; 10,000 strings in all. */
const FAMILIES: [name: string, arbitrary: fc.Arbitrary<string>, runs: number][] = [
  ["printable ASCII (fc.string)", fc.string({ maxLength: 200 }), 2_000],
  ["any Unicode code point (unit: binary)", fc.string({ unit: "binary", maxLength: 200 }), 2_000],
  ["any UTF-16 unit (lone surrogates, controls)", anyUnits, 1_000],
  ["graphemes (emoji, combining marks)", fc.string({ unit: "grapheme", maxLength: 100 }), 1_000],
  ["Japanese fragments, digits and noise", mixture, 3_500],
  ["long texts up to 10,000 characters", long, 500],
];

// ---- the checks ----

let slowest = { ms: 0, what: "" };

/** `fn`'s result and the CPU milliseconds it took. */
function cpuTimed<T>(fn: () => T): [T, number] {
  const start = process.cpuUsage();
  const out = fn();
  const used = process.cpuUsage(start);
  return [out, (used.user + used.system) / 1000];
}

/** Run `fn`, time it; slow twice in a row fails. */
function timed<T>(what: string, input: string, fn: () => T): T {
  let [out, ms] = cpuTimed(fn);
  if (ms >= PER_CALL_MS) [out, ms] = cpuTimed(fn);
  if (ms > slowest.ms) slowest = { ms, what: `${what} on ${input.length} chars` };
  expect(ms, `${what} took ${ms.toFixed(1)} ms of CPU on ${JSON.stringify(input.slice(0, 60))}… (${input.length} chars)`).toBeLessThan(PER_CALL_MS);
  return out;
}

function checkAll(s: string): void {
  const n = timed("normalize", s, () => normalize(s));
  expect(typeof n).toBe("string");

  const facts = timed("extractFacts", s, () => extractFacts(s, { today: TODAY }));
  expect(typeof facts).toBe("object");
  if (facts.symptom !== undefined) expect(SYMPTOMS).toContain(facts.symptom);
  for (const k of ["certExpiry", "cardExpiry", "issuedOn"] as const) {
    const v = facts[k];
    if (v !== undefined) expect(v === "unknown" || DATE.test(v), `${k}=${v}`).toBe(true);
  }
  for (const k of ["certExpiryMonth", "cardExpiryMonth"] as const) {
    const v = facts[k];
    if (v !== undefined) expect(v, k).toMatch(MONTH);
  }

  for (const slot of SLOTS) {
    const v = timed(`parseAnswer(${slot})`, s, () => parseAnswer(slot, s, { today: TODAY }));
    if (v !== undefined) expect(ANSWERS[slot](v), `parseAnswer(${slot}) = ${JSON.stringify(v)}`).toBe(true);
  }

  const d = timed("parseJapaneseDate", s, () => parseJapaneseDate(s, TODAY));
  if (d !== undefined) {
    if (d.date !== undefined) expect(d.date).toMatch(DATE);
    if (d.month !== undefined) expect(d.month).toMatch(MONTH);
  }

  const pii = timed("detectPii", s, () => detectPii(s));
  expect(typeof pii.redacted).toBe("string");
  for (const k of pii.kinds) expect(["pin", "individual-number"]).toContain(k);
  if (pii.kinds.length === 0) expect(pii.redacted).toBe(s);
  else expect(pii.redacted).toContain(REDACTION);
}

describe("the language layer on 10,000 random strings", () => {
  const started = performance.now();

  it.each(FAMILIES)("%s: total, well-formed, < 50 ms per call", (_name, arbitrary, runs) => {
    fc.assert(
      fc.property(arbitrary, (s) => {
        checkAll(s);
      }),
      { numRuns: runs },
    );
  });

  it("10,000 strings in all, within the total bound", () => {
    expect(FAMILIES.reduce((n, [, , runs]) => n + runs, 0)).toBe(10_000);
    const total = performance.now() - started;
    expect(total, `slowest call: ${slowest.what}, ${slowest.ms.toFixed(1)} ms`).toBeLessThan(TOTAL_MS);
  });
});
