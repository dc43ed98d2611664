/**
 * Natural-language understanding for マイナ証明書レスキュー: pure functions over Japanese free text.
 * No I/O, no platform SDKs, no time zone: "today" is always passed in as a Tokyo calendar date.
 *
 * - normalize(text)            NFKC, katakana → HIRAGANA (our folding choice; patterns are folded the
 *                               same way), lower-case ASCII, dash/long-vowel unification, kanji
 *                               numerals before counters → digits, whitespace collapsed.
 * - extractFacts(text, ctx)    every fact a message carries (symptom, certificate, dates …).
 * - parseAnswer(slot, text, ctx) a typed answer → the slot's value (contract §2) or undefined.
 * - parseJapaneseDate(text, today) the first 西暦/和暦/relative date → { date } or { month }.
 * - detectPii(text)            PINs and valid 12-digit 個人番号 → kinds + redacted copy.
 *
 * Every function is total (never throws, whatever the string) and linear in the input length.
 */
export { normalize, matchForm } from "./normalize.ts";
export { extractFacts, type NluContext } from "./extract.ts";
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
