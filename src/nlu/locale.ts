/**
 * Which language the resident writes or asks for (issue 14). Pure functions.
 *
 * - {@link localeRequest}: an explicit switch — 「English」, "English please", "can you speak English?",
 *   「英語で」, 「やさしい日本語」, 「やさしいにほんご」, "easy Japanese", 「にほんご」, 「日本語で」, "Japanese please" …
 *   Only a message that is (mostly) the request: "English is hard, my PIN is locked" is no switch.
 * - {@link looksEnglish}: a message written in English (a first message in English starts in English):
 *   no Japanese script, and English words — two or more, or one plain word ("help", "hello"). A lone
 *   code (HJS0432E), a date, a number, "ok", "e-Tax" or "PIN" tells nothing.
 */
import type { Locale } from "../core/locale.ts";

const POLITE_EN = "(?:\\s*,?\\s*(?:please|pls|plz|thanks|thank you|thx))?";
const ASK_EN = "(?:(?:can|could|would|do|will|may|shall) (?:you|u|we|i) (?:please |pls )?(?:speak|talk|use|write|reply|answer|do|help|have|get|chat|continue|switch to|change to)(?: me| us)?(?: in)? |(?:do you have|have you got|is there|are there) (?:an? )?|(?:i )?(?:want|need|prefer|would like|'d like)(?: to)?(?: use| speak| talk| read)?(?: in)? |(?:please |pls )?(?:speak|talk|reply|answer|write|change|switch)(?: to| in)? |is there |in )?";
const JA_POLITE = "(?:で|に)?(?:お願いします|おねがいします|お願い|おねがい|してください|して|に変えて|にして|に切り替えて|でお願いできますか|で話して|でいい|がいい|ください|可能ですか|できますか)?(?:です)?";

const SUFFIX_EN = "(?: (?:version|mode|language|support|speaker|ok|okay|possible|available|is ok|is okay|is possible|only|is fine|is better|better))?";
const RE_EN_REQUEST = new RegExp(`^(?:(?:hi|hello|hey|sorry|excuse me),? )?(?:is )?${ASK_EN}(?:english|eng|en)${SUFFIX_EN}${POLITE_EN}$`);
const RE_EN_REQUEST_JA = new RegExp(`^(?:英語|えいご|エイゴ|english)${JA_POLITE}$`);
const RE_EASY_REQUEST = new RegExp(
  `^(?:${ASK_EN})?(?:easy|simple|plain|easier|simpler|basic) japanese${SUFFIX_EN}${POLITE_EN}$|^(?:やさしい|易しい|優しい|簡単な|かんたんな)(?:日本語|にほんご|ニホンゴ)${JA_POLITE}$`,
);
const RE_JA_REQUEST = new RegExp(`^(?:${ASK_EN})?(?:normal |regular )?japanese${SUFFIX_EN}${POLITE_EN}$|^(?:日本語|にほんご|ニホンゴ)${JA_POLITE}$`);

/** A quick test before the full reading: the text names a language (half- and full-width alike). */
const NAMES_A_LANGUAGE = /[eｅ][nｎ]|japanese|ｊａｐａｎｅｓｅ|英語|えいご|エイゴ|ｴｲｺﾞ|日本語|にほんご|ニホンゴ|ﾆﾎﾝｺﾞ/iu;

/** The locale the text asks to switch to, when the text is (mostly) such a request; else undefined. */
export function localeRequest(text: string): Locale | undefined {
  if (typeof text !== "string" || text.length > 80) return undefined;
  // Every request names a language (en / eng / english, japanese, 英語, 日本語): most messages stop here.
  if (!NAMES_A_LANGUAGE.test(text)) return undefined;
  const t = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[「」『』"]/g, "")
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]+/gu, " ")
    .trim()
    .replace(/[.!?。！？、,\s]+$/u, "")
    .replace(/^[\s、,]+/u, "")
    .replace(/\s+/g, " ")
    .replace(/\bcan't\b|\bcant\b/g, "can")
    .replace(/\bu\b/g, "you");
  if (t.length === 0) return undefined;
  if (RE_EASY_REQUEST.test(t)) return "ja-easy";
  if (RE_EN_REQUEST.test(t) || RE_EN_REQUEST_JA.test(t)) return "en";
  if (RE_JA_REQUEST.test(t)) return "ja";
  return undefined;
}

/** One-word messages that are English only when nothing else is said: loanwords and codes are not. */
const NOT_ENOUGH = new Set(["ok", "okay", "yes", "no", "pin", "nfc", "id", "e", "tax", "etax", "iphone", "android", "pc", "pdf", "qr", "line", "mynaportal", "tel", "n", "y"]);

/** True when the text is written in English (Latin letters, no Japanese), long enough to tell. */
export function looksEnglish(text: string): boolean {
  if (typeof text !== "string") return false;
  const t = text.normalize("NFKC");
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(t)) return false;
  // Words of letters only (a token with digits is a code, a date or a PIN).
  const words = (t.toLowerCase().match(/(?<![a-z0-9'\-])[a-z]+(?:'[a-z]+)?(?![a-z0-9\-])/g) ?? []).filter((w) => w.length >= 2 || w === "i");
  if (words.length >= 2) return true;
  const w = words[0];
  return w !== undefined && w.length >= 2 && !NOT_ENOUGH.has(w);
}
