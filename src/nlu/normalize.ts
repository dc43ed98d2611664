/**
 * Text normalisation for matching Japanese free text typed by residents.
 *
 * Design choice (documented, relied on by every pattern in src/nlu):
 *   katakana are folded to HIRAGANA ("ロック" → "ろっく", "ｶｰﾄﾞ" → "かーど"), so that a resident typing
 *   "ろっく", "ロック" or "ﾛｯｸ" matches the same pattern. Patterns in this folder are written in their
 *   natural spelling and folded the same way when compiled (see `rx` in patterns.ts), so a pattern
 *   source "ロック|わからない" matches "ﾛｯｸ" and "ワカラナイ" alike.
 *
 * Steps, in order:
 *  1. lone surrogates → U+FFFD (so that `normalize()` and regexes are well defined);
 *  2. Unicode NFKC (full-width ASCII → ASCII, half-width katakana → full-width, ㋿ → 令和, ① → 1 …);
 *  3. control and zero-width characters → space; CR/CRLF → LF;
 *  4. katakana → hiragana (ヵ/ヶ → か, as in 3ヶ月);
 *  5. ASCII upper case → lower case;
 *  6. dash variants (‐ ‑ ‒ – — ― − － ｰ ー -): after a kana they are the long-vowel mark "ー",
 *     everywhere else the ASCII hyphen "-" (2027-03-15, EI123-2008, 0120-95-0178);
 *     wave dashes (〜 ～ ∼) → "~";
 *  7. kanji numerals in front of a counter (回 度 日 月 年 桁 歳 か月 週間 時間 文字 件 人 番目) → digits:
 *     三回 → 3回, 二十五日 → 25日, 十二月 → 12月, 二〇二七年 → 2027年; "一月ほど前" → "1か月ほど前"
 *     (a duration, not January). Words such as 同一日, 統一, 十分 (enough) are left alone;
 *  8. whitespace: runs without a line break → one space, runs with one → one "\n"; trimmed.
 *
 * Never throws; linear in the length of the input.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 (except \t \n \r), DEL, C1, zero-width and bidi controls, BOM.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const DASHES = /[\-\u2010-\u2015\u2043\u2212\u2E3A\u2E3B\u30FC\uFE58\uFE63\uFF0D\uFF70\u02D7\u2500\u2501\u23AF]/g;
const WAVES = /[~\u301C\u3030\u223C\u223E\uFF5E]/g;

/** Katakana → hiragana for one string (no other change). Used on texts and on pattern sources. */
export function foldKana(s: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x30f5 || c === 0x30f6 || c === 0x3095 || c === 0x3096) {
      out += "か";
      changed = true;
    } else if (c >= 0x30a1 && c <= 0x30f4) {
      out += String.fromCharCode(c - 0x60);
      changed = true;
    } else if (c === 0x30fd || c === 0x30fe) {
      out += String.fromCharCode(c - 0x60);
      changed = true;
    } else {
      out += s[i];
    }
  }
  return changed ? out : s;
}

function isKana(c: number): boolean {
  return (c >= 0x3041 && c <= 0x309f) || (c >= 0x30a0 && c <= 0x30ff);
}

function unifyDashes(s: string): string {
  return s.replace(DASHES, (_m, offset: number, str: string) => {
    if (offset > 0 && isKana(str.charCodeAt(offset - 1))) return "ー";
    return "-";
  });
}

const KANJI_DIGITS: Record<string, number> = {
  "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
};
const KANJI_UNITS: Record<string, number> = { "十": 10, "百": 100, "千": 1000 };

/** Value of a run of kanji numerals ("二十五" → 25, "二〇二七" → 2027); undefined if not a numeral. */
export function kanjiNumberValue(run: string): number | undefined {
  if (run.length === 0 || run.length > 12) return undefined;
  let hasUnit = false;
  for (const ch of run) {
    if (KANJI_UNITS[ch] !== undefined) hasUnit = true;
    else if (KANJI_DIGITS[ch] === undefined) return undefined;
  }
  if (!hasUnit) {
    let v = 0;
    for (const ch of run) v = v * 10 + (KANJI_DIGITS[ch] ?? 0);
    return v;
  }
  let total = 0;
  let current = -1;
  for (const ch of run) {
    const unit = KANJI_UNITS[ch];
    if (unit !== undefined) {
      total += (current < 0 ? 1 : current) * unit;
      current = -1;
    } else {
      current = (current < 0 ? 0 : current * 10) + (KANJI_DIGITS[ch] ?? 0);
    }
  }
  if (current >= 0) total += current;
  return total;
}

// A run of kanji numerals followed by a counter. The counter is only looked at, not consumed.
// Runs are capped at 12 characters and must start a run (look-behind), which keeps this linear.
const KANJI_NUMBER = /(?<![〇零一二三四五六七八九十百千])[〇零一二三四五六七八九十百千]{1,12}(?=か月|回|度|日|月|年|桁|歳|才|週間|時間|文字|件|人|番目)/g;
// Kanji that may stand right before a numeral that is a count or a date (令和九年, 年三月, 約三回, 第二…).
const NUMERAL_PREFIX_OK = new Set([..."年月日和成治正約計第全各毎後前元今来回度間々"]);
const DURATION_AFTER = /^月(?:ほど|くらい|ぐらい|前|後|以上|以内|間|半|近く)/;

function isIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function convertKanjiNumerals(s: string): string {
  return s.replace(KANJI_NUMBER, (run: string, offset: number, str: string) => {
    if (offset > 0) {
      const prev = str.charCodeAt(offset - 1);
      const prevCh = str[offset - 1] ?? "";
      if (isIdeograph(prev) && !NUMERAL_PREFIX_OK.has(prevCh)) return run;
    }
    const value = kanjiNumberValue(run);
    if (value === undefined) return run;
    const after = str.slice(offset + run.length, offset + run.length + 4);
    if (DURATION_AFTER.test(after)) return `${value}か`;
    return String(value);
  });
}

/** Normalise resident text for matching. See the module comment for the exact steps. */
export function normalize(text: string): string {
  if (typeof text !== "string" || text.length === 0) return "";
  let s = text.replace(LONE_SURROGATE, "\uFFFD");
  s = s.normalize("NFKC");
  s = s.replace(/\r\n?/g, "\n").replace(CONTROL, " ");
  s = foldKana(s);
  s = s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  s = unifyDashes(s);
  s = s.replace(WAVES, "~");
  s = convertKanjiNumerals(s);
  // 3け月 / 3箇月 → 3か月 (ヶ月 and カ月 are already か月 after kana folding).
  s = s.replace(/([0-9])[けケ箇个]月/g, "$1か月");
  s = s.replace(/\s+/g, (ws) => (ws.includes("\n") ? "\n" : " "));
  return s.trim();
}

/**
 * `normalize` plus removal of the spaces that touch a non-ASCII character, so that "暗証番号 忘れた" and
 * "3 回" match like "暗証番号忘れた" and "3回". Spaces between ASCII words are kept. Used for matching only.
 */
export function compact(normalized: string): string {
  return normalized.replace(/ (?=[^\x00-\x7F])/g, "").replace(/(?<=[^\x00-\x7F]) /g, "");
}

/**
 * Domain words residents type in hiragana only ("あんしょうばんごう", "こうしん", "ひっこし") or in
 * half-width katakana (folded to hiragana by `normalize`), rewritten to the kanji the patterns use.
 * Longest first; a few have guards against common words that contain them (ごきげん, さしつかえ).
 * Used for matching only (matchForm), never shown.
 */
const KANA_WORDS: [RegExp, string][] = (
  [
    ["あんしょうばんごう", "暗証番号"],
    ["あんしょうばんご", "暗証番号"],
    ["りようしゃしょうめいよう", "利用者証明用"],
    ["でんししょうめいしょ", "電子証明書"],
    ["しょうめいしょ", "証明書"],
    ["しょめいよう", "署名用"],
    ["ゆうこうきげん", "有効期限"],
    ["(?<!ご)きげん", "期限"],
    ["こうしん", "更新"],
    ["さいはっこう", "再発行"],
    ["はっこう", "発行"],
    ["しっこう", "失効"],
    ["ひっこし", "引っ越し"],
    ["ひっこ", "引っ越"],
    ["てんきょ", "転居"],
    ["てんにゅう", "転入"],
    ["てんしゅつ", "転出"],
    ["けっこん", "結婚"],
    ["りこん", "離婚"],
    ["じゅうしょ", "住所"],
    ["みょうじ", "名字"],
    ["(?<!し)つかえ", "使え"],
    ["ふんしつ", "紛失"],
    ["かおにんしょう", "顔認証"],
    ["ざいりゅうしかく", "在留資格"],
    ["ざいりゅう", "在留"],
    ["よんけた", "4桁"],
    ["かくていしんこく", "確定申告"],
    ["じゅうみんひょう", "住民票"],
    ["ほけんしょう", "保険証"],
    ["しやくしょ", "市役所"],
    ["くやくしょ", "区役所"],
    ["まどぐち", "窓口"],
    ["たんとうしゃ", "担当者"],
    ["しゅるい", "種類"],
    ["(?<!ま)ちがい", "違い"],
    ["さくじつ", "昨日"],
  ] as const
).map(([from, to]) => [new RegExp(from, "g"), to]);

/** Counters typed in kana after a digit: 2かい → 2回, 2027ねん5がつ5にち → 2027年5月5日. */
const KANA_COUNTERS = /([0-9])(ねん|がつ|にち|かい)/g;
const KANA_COUNTER_KANJI: Record<string, string> = { ねん: "年", がつ: "月", にち: "日", かい: "回" };

function kanaToKanjiWords(s: string): string {
  let out = s.replace(KANA_COUNTERS, (_m, d: string, c: string) => d + (KANA_COUNTER_KANJI[c] ?? c));
  for (const [re, to] of KANA_WORDS) out = out.replace(re, to);
  return out;
}

/** Emoji (pictographs, their modifiers and joiners) stand between words like a space. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]+/gu;

/** normalize + compact: the form every matcher in src/nlu works on. */
export function matchForm(text: string): string {
  // The same text is matched several times in a turn (extractFacts, parseAnswer, the dates): the
  // last answer is kept.
  if (text !== lastText || lastForm === undefined) {
    lastForm = kanaToKanjiWords(compact(normalize(typeof text === "string" ? text.replace(/\u2B55/g, "○").replace(/[\u274C\u2716\u274E]/g, "×").replace(EMOJI, " ") : text)));
    lastText = text;
  }
  return lastForm;
}

let lastText: string | undefined;
let lastForm: string | undefined;
