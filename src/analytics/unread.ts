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
import { CONTACT_MASKS, maskContactDetails } from "../nlu/index.ts";

export const UNREAD_TEXT_LENGTH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export const unreadKey = (day: IsoDate) => `unread:${day}`;

const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const DASHES = /[\u2010-\u2015\u2212\uFF0D\u30FC\uFF70](?=\d)|(?<=\d)[\u2010-\u2015\u2212\uFF0D\u30FC\uFF70]/g;

const LONG_NUMBER = /\d{4,}(?!年)/g;

export const MASKS = { ...CONTACT_MASKS, number: "＊＊＊＊" } as const;

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
  const masked = maskContactDetails(normalizeUnread(redacted)).replace(LONG_NUMBER, MASKS.number);
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
