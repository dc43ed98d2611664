/**
 * Fixed sentences the bot says outside questions and routes, and around a hand-off to a person. The
 * words are the catalogs' (text/*.ts, one per locale); MESSAGES and HANDOFF_MESSAGES are the Japanese.
 */
import { localeChoiceValue, type Locale } from "../../src/core/locale.ts";
import type { Choice } from "../../src/core/reply.ts";
import { catalogFor, LOCALE_LABELS, type FixedMessageKey } from "./text/index.ts";
import type { HandoffCatalog } from "./text/catalog.ts";
import { JA } from "./text/ja.ts";

export type { FixedMessageKey };
export { LOCALE_LABELS };

/** The fixed sentences in Japanese. */
export const MESSAGES: Readonly<Record<FixedMessageKey, string>> = JA.messages;

/** The hand-off's sentences: staff's own words reach the resident after `staffPrefix`. */
export type HandoffMessages = HandoffCatalog;

/**
 * What the bot says around a hand-off to a person at the help desk (src/core/handoff.ts), in Japanese.
 * Staff's own words reach the resident after {@link HANDOFF_MESSAGES.staffPrefix}.
 */
export const HANDOFF_MESSAGES: Readonly<HandoffMessages> = JA.handoff;

/** The fixed sentences in a locale. */
export function messagesFor(locale: Locale): Readonly<Record<FixedMessageKey, string>> {
  return catalogFor(locale).messages;
}

/** The hand-off sentences in a locale. */
export function handoffMessagesFor(locale: Locale): Readonly<HandoffMessages> {
  return catalogFor(locale).handoff;
}

/**
 * The language choices the greeting offers (`locale:<locale>`): every language but the current one,
 * each labelled in its own language ("English", 「やさしい日本語」, 「日本語」). English first: most readers
 * who need another language look for it.
 */
const LOCALE_ORDER: readonly Locale[] = ["en", "ja-easy", "ja"];
export function localeChoices(current: Locale): Choice[] {
  return LOCALE_ORDER.filter((l) => l !== current).map((l) => ({ label: LOCALE_LABELS[l], value: localeChoiceValue(l) }));
}
