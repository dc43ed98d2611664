/**
 * Which language the resident writes or asks for (issue 14). Pure functions.
 *
 * - {@link localeRequest}: an explicit switch — 「English」, "English please", 「やさしい日本語」, 「にほんご」 …
 * - {@link looksEnglish}: a message written in English (a first message in English starts in English).
 */
import type { Locale } from "../core/locale.ts";

/** The locale the text asks to switch to, when the text is (mostly) such a request; else undefined. */
export function localeRequest(text: string): Locale | undefined {
  const t = text.normalize("NFKC").trim().toLowerCase().replace(/[.!?。！？\s]+$/u, "");
  if (/^(english|in english|english please|english,? please|英語|えいご)$/u.test(t)) return "en";
  if (/^(やさしい日本語|やさしいにほんご|easy japanese|simple japanese)$/u.test(t)) return "ja-easy";
  if (/^(日本語|にほんご|japanese)$/u.test(t)) return "ja";
  return undefined;
}

/** True when the text is written in English (Latin letters, no Japanese), long enough to tell. */
export function looksEnglish(text: string): boolean {
  const t = text.normalize("NFKC");
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(t)) return false;
  const words = t.match(/[a-z]{2,}/giu) ?? [];
  return words.length >= 2;
}
