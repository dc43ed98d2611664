/**
 * Natural-language understanding for マイナ証明書レスキュー: pure functions over Japanese and English free
 * text. A message with no Japanese script is read by the English patterns of english.ts (issue 14), one
 * that is mostly English with a few Japanese terms both ways (the English reading wins), every other one
 * by the Japanese patterns; the entry points and the Facts are the same for both languages.
 * No I/O, no platform SDKs, no time zone: "today" is always passed in as a Tokyo calendar date.
 *
 * - normalize(text)            NFKC, katakana → HIRAGANA (our folding choice; patterns are folded the
 *                               same way), lower-case ASCII, dash/long-vowel unification, kanji
 *                               numerals before counters → digits, whitespace collapsed.
 * - extractFacts(text, ctx)    every fact a message carries (symptom, certificate, dates …).
 * - parseAnswer(slot, text, ctx) a typed answer → the slot's value (contract §2) or undefined.
 * - parseJapaneseDate(text, today) the first 西暦/和暦/relative date → { date } or { month }; English
 *                               dates too (March 15, 2027 · 15 March 2027 · 3/15/2027 · next February).
 * - detectPii(text)            PINs and valid 12-digit 個人番号 → kinds + redacted copy.
 *
 * - warmUp()                  compile the patterns once, before the first resident pays for it (main.ts).
 *
 * Every function is total (never throws, whatever the string) and linear in the input length.
 */
export { normalize, matchForm } from "./normalize.ts";
export { extractFacts, type NluContext } from "./extract.ts";
export { warmUp } from "./warm.ts";
export { parseAnswer, parseAnswerFacts, answerTrouble, type AnswerContext, type AnswerValue, type AnswerTrouble } from "./answer.ts";
export { parseJapaneseDate, findImpossibleDate } from "./dates.ts";
export {
  detectPii,
  isValidIndividualNumber,
  individualNumberCheckDigit,
  REDACTION,
  type PiiKind,
  type PiiResult,
} from "./pii.ts";
export { maskContactDetails, CONTACT_MASKS } from "./contact.ts";
