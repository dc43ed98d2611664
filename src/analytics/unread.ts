/**
 * What the bot could not read (issue 18): a message from which the language layer took no fact and no
 * answer to the open question is kept, so that the city (and the team) learn which real phrasings the
 * bot misses. Only the message is kept, counted by identical text per day (`unread:<YYYY-MM-DD>`, text
 * → count), for `UNREAD_MESSAGES_DAYS` days; nothing else of the conversation (no id, no channel).
 *
 * What is kept has been through the PII guard (PINs and 個人番号 already ＊＊＊＊), and is then masked
 * again here: phone numbers, e-mail addresses, postal codes and postal addresses, and any other run of
 * four or more digits. Then normalised (NFKC, controls and runs of spaces folded, at most
 * {@link UNREAD_TEXT_LENGTH} characters), so that the same words count together.
 */
import { addDays, todayInTokyo } from "../calendar/index.ts";
import type { IsoDate } from "../core/slots.ts";
import type { TallyStore } from "./tally.ts";

export const UNREAD_TEXT_LENGTH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export const unreadKey = (day: IsoDate) => `unread:${day}`;

const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const DASHES = /[\u2010-\u2015\u2212\uFF0D\u30FC\uFF70](?=\d)|(?<=\d)[\u2010-\u2015\u2212\uFF0D\u30FC\uFF70]/g;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A phone number candidate: 03-1234-5678, 090 1234 5678, (0120)95-0178, 09012345678, +81 90-…. */
const PHONE = /(?<!\d)(?:\+81|\(?0)[\d\-() ]{7,16}\d(?!\d)/g;
const isPhone = (m: string) => {
  const digits = m.replace(/\D/g, "").length;
  return m.startsWith("+81") ? digits >= 11 && digits <= 12 : digits >= 10 && digits <= 11;
};
const POSTAL_CODE = /〒\s*\d{3}-?\d{4}|(?<![\d-])\d{3}-\d{4}(?![\d-])/g;
const PREFECTURE = "(?:東京都|北海道|京都府|大阪府|\\p{Script=Han}{2,3}県)";
const KANJI_NUMBER = "[一二三四五六七八九十〇]+";
const BLOCK = `(?:\\d+|${KANJI_NUMBER})`;
/** 千代田区千代田1-1, 見本市本町二丁目3番4号, 東京都…: a place name followed by block and lot numbers. */
const ADDRESS = new RegExp(
  `(?:${PREFECTURE})?[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]{0,12}?` +
    `${BLOCK}(?:丁目|番地|番|号|-)(?:${BLOCK}(?:丁目|番地|番|号|の|-)?)*`,
  "gu",
);
/** A prefecture and a municipality without numbers (東京都千代田区) says where someone lives, too. */
const PLACE = new RegExp(`${PREFECTURE}(?:\\p{Script=Han}{1,6}?[市区町村郡]){1,3}`, "gu");
const LONG_NUMBER = /\d{4,}(?!年)/g;

export const MASKS = {
  email: "［メール］",
  phone: "［電話番号］",
  postalCode: "［郵便番号］",
  address: "［住所］",
  number: "＊＊＊＊",
} as const;

/** NFKC, no controls, one space for a run of spaces, one line break for a run of them, trimmed. */
export function normalizeUnread(text: string): string {
  return text
    .replace(LONE_SURROGATE, "\uFFFD")
    .normalize("NFKC")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, " ")
    .replace(DASHES, "-")
    .replace(/[^\S\n]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/**
 * The text as it may be kept: normalised, then phone numbers, e-mail addresses, postal codes,
 * addresses and long numbers masked; cut to {@link UNREAD_TEXT_LENGTH} characters.
 */
export function maskUnread(redacted: string): string {
  const masked = normalizeUnread(redacted)
    .replace(EMAIL, MASKS.email)
    .replace(PHONE, (m) => (isPhone(m) ? MASKS.phone : m))
    .replace(POSTAL_CODE, MASKS.postalCode)
    .replace(ADDRESS, (m) => (/\d|丁目|番地|号/.test(m) ? MASKS.address : m))
    .replace(PLACE, MASKS.address)
    .replace(LONG_NUMBER, MASKS.number);
  return [...masked].slice(0, UNREAD_TEXT_LENGTH).join("");
}

/** Keeps unread messages for `days` days (0: keeps nothing). */
export class UnreadMessages {
  readonly #tally: TallyStore;
  readonly #days: number;
  readonly #now: () => Date;

  constructor(tally: TallyStore, opts: { days: number; now: () => Date }) {
    this.#tally = tally;
    this.#days = opts.days;
    this.#now = opts.now;
  }

  get enabled(): boolean {
    return this.#days > 0;
  }

  /** Keep one message (already through the PII guard). */
  async record(redacted: string): Promise<void> {
    if (!this.enabled) return;
    const text = maskUnread(redacted);
    if (text === "") return;
    await this.#tally.add(unreadKey(todayInTokyo(this.#now())), { [text]: 1 }, this.#days * DAY_MS);
  }
}

/** The most frequent unread messages from `since` to `until` (inclusive), most frequent first. */
export async function topUnread(
  tally: TallyStore,
  since: IsoDate,
  until: IsoDate,
  limit = 10,
): Promise<{ text: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (let d = since; d <= until; d = addDays(d, 1)) {
    for (const [text, n] of Object.entries(await tally.read(unreadKey(d)))) counts.set(text, (counts.get(text) ?? 0) + n);
  }
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, "ja"))
    .slice(0, limit);
}
