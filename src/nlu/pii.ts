/**
 * Finds the two secrets a resident must never send to the bot: a PIN and the 12-digit 個人番号.
 *
 * - PIN: 4 digits right after 暗証番号/パスワード/PIN/ピン (optional は/が/を/の/:/=, spaces, a bracket),
 *   or 6–16 letters+digits after such a keyword; or, anywhere, a 6–16 character token of upper-case
 *   letters and digits with at least one of each (ABC12345). Message codes such as HJS0432E or
 *   EI123-2008 are not PINs.
 * - 個人番号: 12 digits (or 4-4-4 with spaces or hyphens; full-width digits too) whose check digit is valid.
 *
 * Works on a per-character folded copy of the text (NFKC, kana folding, dash unification) that keeps a
 * map back to the original, so `redacted` is the original text with only the findings replaced.
 */
import { foldKana } from "./normalize.ts";

export type PiiKind = "pin" | "individual-number";

export interface PiiResult {
  kinds: PiiKind[];
  redacted: string;
}

export const REDACTION = "＊＊＊＊";

/** True when `digits` (exactly 12 ASCII digits) carries a valid 個人番号 check digit. */
export function isValidIndividualNumber(digits: string): boolean {
  if (!/^[0-9]{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = digits.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  const check = r <= 1 ? 0 : 11 - r;
  return check === digits.charCodeAt(11) - 48;
}

/** The check digit for an 11-digit prefix (used by tests and fixtures). */
export function individualNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48;
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export interface Folded {
  s: string;
  /** Where folded unit k came from in the text: `[start[k], end[k])`; unset when unit k is text[k]'s. */
  start?: number[];
  end?: number[];
}

const DASH = /[\u2010-\u2015\u2212\u30FC\uFF70\uFE58\uFE63\uFF0D]/;

/**
 * Per UTF-16 unit (filled in as met): 1 when the unit folds on its own, with nothing but kana folding
 * — it is not a surrogate, NFKC leaves it unchanged, it is no dash and no combining (semi-)voiced mark
 * — else 2; 0 not yet known. Almost every unit of a resident's message is such a unit (ASCII, kana,
 * kanji, 、。「」), and skipping `normalize("NFKC")` and the dash test for them is what makes
 * {@link foldWithMap} cheap. The answer is a pure function of the unit, so the table only remembers it.
 */
const PLAIN = new Uint8Array(0x10000);

function isPlain(c: number): boolean {
  let p = PLAIN[c] ?? 2;
  if (p === 0) {
    const ch = String.fromCharCode(c);
    const plain = (c < 0xd800 || c > 0xdfff) && c !== 0x3099 && c !== 0x309a && ch.normalize("NFKC") === ch && !DASH.test(ch);
    p = plain ? 1 : 2;
    PLAIN[c] = p;
  }
  return p === 1;
}

/** Katakana → hiragana for one plain unit (what {@link foldKana} does to it). */
function foldKanaUnit(c: number): string {
  if (c === 0x30f5 || c === 0x30f6 || c === 0x3095 || c === 0x3096) return "か";
  if ((c >= 0x30a1 && c <= 0x30f4) || c === 0x30fd || c === 0x30fe) return String.fromCharCode(c - 0x60);
  return String.fromCharCode(c);
}

/**
 * Fold the text character by character, remembering where each folded UTF-16 unit came from. The
 * result is exactly {@link foldWithMapReference}'s (test/nlu/pii.test.ts compares them): plain units
 * (see {@link PLAIN}) take a short path, and a text made of plain units only — the usual message —
 * folds unit for unit, so its map is left out.
 */
export function foldWithMap(text: string): Folded {
  let i = 0;
  while (i < text.length && isPlain(text.charCodeAt(i))) i++;
  if (i === text.length) return { s: foldKana(text) };
  const units: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let k = 0; k < i; k++) {
    units.push(foldKanaUnit(text.charCodeAt(k)));
    start.push(k);
    end.push(k + 1);
  }
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isPlain(c)) {
      units.push(foldKanaUnit(c));
      start.push(i);
      end.push(i + 1);
      i++;
      continue;
    }
    i = foldSlowly(text, i, units, start, end);
  }
  return { s: units.join(""), start, end };
}

/**
 * The character at `i` (a surrogate pair counts as one) folded the long way: NFKC, a combining
 * (semi-)voiced mark composed with the unit before it, kana folding, dashes → "-". Appends to the
 * units and their map; returns the index of the next character.
 */
function foldSlowly(text: string, i: number, units: string[], start: number[], end: number[]): number {
  const c = text.charCodeAt(i);
  let len = 1;
  let ch: string;
  if (c >= 0xd800 && c <= 0xdbff) {
    const c2 = text.charCodeAt(i + 1);
    if (c2 >= 0xdc00 && c2 <= 0xdfff) {
      len = 2;
      ch = text.slice(i, i + 2);
    } else ch = "\uFFFD";
  } else if (c >= 0xdc00 && c <= 0xdfff) ch = "\uFFFD";
  else ch = text[i] ?? "";
  let n = ch.normalize("NFKC");
  if ((n === "\u3099" || n === "\u309A") && units.length > 0) {
    const last = units.length - 1;
    const composed = ((units[last] ?? "") + n).normalize("NFC");
    if (composed.length === 1) {
      units[last] = foldKana(composed);
      end[last] = i + len;
      return i + len;
    }
  }
  n = foldKana(n);
  for (let k = 0; k < n.length; k++) {
    let u = n[k] ?? "";
    if (DASH.test(u)) u = "-";
    units.push(u);
    start.push(i);
    end.push(i + len);
  }
  return i + len;
}

/**
 * The plain definition of the folding, every character the long way. Kept as the reference that
 * {@link foldWithMap} is tested against; not used by {@link detectPii}.
 */
export function foldWithMapReference(text: string): Required<Folded> {
  const units: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < text.length) i = foldSlowly(text, i, units, start, end);
  return { s: units.join(""), start, end };
}

const INDIVIDUAL = /(?<![0-9])([0-9]{4})\s{0,2}-?\s{0,2}([0-9]{4})\s{0,2}-?\s{0,2}([0-9]{4})(?![0-9])/g;
const KEYWORD = foldKana(
  "(?:暗証番号|暗唱番号|暗証|暗所番号|パスワ-ド|ぱすわど|(?<![a-z])password|(?<![a-z])passcode|(?<![a-z])pw(?![a-z])|(?<![a-z])pin(?:\\s?code)?|ピンコ-ド|ピン)",
);
// English too: "my PIN is 4821", "pin number: 4821", "password was AB12CD34", "pin code = 4821".
const KEY_SEP =
  "\\s{0,2}(?:(?<![a-z])(?:number|no\\.?|#|code)\\s{0,2})?(?:は|が|を|の|も|って|:|=|、|→|->|,|(?<![a-z])(?:is|was|should be|would be|maybe|probably)(?![a-z]))?\\s{0,2}(?:は|:|=)?\\s{0,2}[「『\"'(\\[]?\\s{0,2}";
const NOT_A_COUNT = "(?!\\s{0,2}(?:年|月|日|回|桁|けた|円|歳|才|時|分|度|件|人|文字|つ|個|か|週|/|\\.[0-9]|-[0-9]))";
const PIN_AFTER_KEYWORD = new RegExp(`${KEYWORD}${KEY_SEP}([0-9]{4})(?![0-9])${NOT_A_COUNT}`, "gi");
const ALNUM_AFTER_KEYWORD = new RegExp(`${KEYWORD}${KEY_SEP}([A-Za-z0-9]{6,16})(?![A-Za-z0-9])`, "gi");
/** "4821 is my pin", "AB12CD34 is the password": the secret first, the keyword after. */
const PIN_BEFORE_KEYWORD = /(?<![0-9A-Za-z])([0-9]{4}|[A-Za-z0-9]{6,16})\s{1,2}(?:is|was|=)\s{1,2}(?:my|the|our|his|her)\s{1,2}(?:pin|password|pin code|pin number|passcode)(?![a-z])/gi;
/** "my number is 1234 5678 9012": 12 digits after an English keyword, whatever the check digit. */
const INDIVIDUAL_AFTER_KEYWORD =
  /(?<![a-z])(?:my ?number|individual number|personal number|kojin bango|mynumber)(?:\s{0,2}card)?(?:\s{0,2}(?:number|no\.?|#))?\s{0,2}(?:is|was|:|=)?\s{0,2}([0-9]{4}\s{0,2}-?\s{0,2}[0-9]{4}\s{0,2}-?\s{0,2}[0-9]{4})(?![0-9])/gi;
const UPPER_TOKEN = /(?<![A-Za-z0-9])[A-Z0-9]{6,16}(?![A-Za-z0-9])/g;
const MESSAGE_CODE = /^[A-Z]{2,5}[0-9]{3,5}[A-Z]$/;
const CODE_CONTEXT = new RegExp(foldKana("(?:エラ-|コ-ド|code|error|番号:|型番|品番|機種)\\s?[:=は]?\\s?$"), "i");

function hasDigitAndLetter(s: string): boolean {
  return /[0-9]/.test(s) && /[A-Za-z]/.test(s);
}

const CODE_AFTER = new RegExp(foldKana("^\\s?(?:の|という|って|と言う)?\\s?(?:エラ-|error)"), "i");

function isMessageCode(token: string, folded: string, index: number, end: number): boolean {
  if (MESSAGE_CODE.test(token.toUpperCase())) return true;
  if (/^-[0-9]/.test(folded.slice(end, end + 2))) return true;
  if (CODE_AFTER.test(folded.slice(end, end + 12))) return true;
  return CODE_CONTEXT.test(folded.slice(Math.max(0, index - 10), index));
}

/** Where a match's first group is, in the folded text (the group ends the match). */
function groupSpan(mm: RegExpExecArray): { from: number; to: number } {
  const g = mm[1] ?? "";
  const to = mm.index + mm[0].length;
  return { from: to - g.length, to };
}

interface Finding {
  kind: PiiKind;
  from: number; // folded index
  to: number; // folded index, exclusive
}

/** Find PINs and 個人番号 in `text` and return the kinds found and a copy with each replaced by ＊＊＊＊. */
export function detectPii(text: string): PiiResult {
  if (typeof text !== "string") return { kinds: [], redacted: "" };
  // One message is read several times in a turn (the runtime's guard, then extractFacts and parseAnswer
  // on the same text): the last answer is kept. A copy goes out, so a caller cannot change it.
  if (last === undefined || last.text !== text) {
    let result: PiiResult;
    try {
      result = detectInner(text);
    } catch {
      result = { kinds: [], redacted: text };
    }
    last = { text, result };
  }
  return { kinds: [...last.result.kinds], redacted: last.result.redacted };
}

let last: { text: string; result: PiiResult } | undefined;

function detectInner(text: string): PiiResult {
  if (text.length === 0) return { kinds: [], redacted: "" };
  const f = foldWithMap(text);
  const s = f.s;
  const found: Finding[] = [];

  INDIVIDUAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INDIVIDUAL.exec(s)) !== null) {
    const digits = `${m[1] ?? ""}${m[2] ?? ""}${m[3] ?? ""}`;
    if (isValidIndividualNumber(digits)) found.push({ kind: "individual-number", from: m.index, to: m.index + m[0].length });
    else INDIVIDUAL.lastIndex = m.index + 1; // a valid number may start inside a longer run of groups
  }

  INDIVIDUAL_AFTER_KEYWORD.lastIndex = 0;
  while ((m = INDIVIDUAL_AFTER_KEYWORD.exec(s)) !== null) found.push({ kind: "individual-number", ...groupSpan(m) });
  PIN_BEFORE_KEYWORD.lastIndex = 0;
  while ((m = PIN_BEFORE_KEYWORD.exec(s)) !== null) {
    const token = m[1] ?? "";
    if (token.length === 4 ? /^[0-9]{4}$/.test(token) : hasDigitAndLetter(token)) {
      found.push({ kind: "pin", from: m.index, to: m.index + token.length });
    }
  }
  PIN_AFTER_KEYWORD.lastIndex = 0;
  while ((m = PIN_AFTER_KEYWORD.exec(s)) !== null) found.push({ kind: "pin", ...groupSpan(m) });
  ALNUM_AFTER_KEYWORD.lastIndex = 0;
  while ((m = ALNUM_AFTER_KEYWORD.exec(s)) !== null) {
    const token = m[1] ?? "";
    const span = groupSpan(m);
    if (hasDigitAndLetter(token) && !isMessageCode(token, s, span.from, span.to)) found.push({ kind: "pin", ...span });
  }
  UPPER_TOKEN.lastIndex = 0;
  while ((m = UPPER_TOKEN.exec(s)) !== null) {
    const token = m[0];
    const to = m.index + token.length;
    if (hasDigitAndLetter(token) && !isMessageCode(token, s, m.index, to)) found.push({ kind: "pin", from: m.index, to });
  }

  if (found.length === 0) return { kinds: [], redacted: text };

  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const kinds: PiiKind[] = [];
  for (const x of found) if (!kinds.includes(x.kind)) kinds.push(x.kind);

  // Merge overlapping findings, map back to original offsets and rebuild the text.
  let out = "";
  let cursor = 0;
  let i = 0;
  while (i < found.length) {
    const first = found[i];
    if (first === undefined) break;
    let to = first.to;
    let j = i + 1;
    while (j < found.length && (found[j]?.from ?? Infinity) < to) {
      to = Math.max(to, found[j]?.to ?? to);
      j++;
    }
    const oStart = f.start ? (f.start[first.from] ?? text.length) : first.from;
    const oEnd = f.end ? (f.end[to - 1] ?? text.length) : to;
    if (oStart >= cursor) {
      out += text.slice(cursor, oStart) + REDACTION;
      cursor = Math.max(cursor, oEnd);
    }
    i = j;
  }
  out += text.slice(cursor);
  return { kinds, redacted: out };
}
