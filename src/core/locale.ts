/**
 * The conversation's language (contract §3, second wave): `ja` (default), `ja-easy` (やさしい日本語) or
 * `en`. Stored in the conversation's `meta.locale`; every reply of the conversation is in it. The core
 * only carries the locale: the words are the flow's catalogs.
 */
export const LOCALES = ["ja", "ja-easy", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ja";

export function isLocale(x: unknown): x is Locale {
  return typeof x === "string" && (LOCALES as readonly string[]).includes(x);
}

/** The conversation's locale from its meta; `ja` when it has none (or an unknown one). */
export function localeOfMeta(meta: Record<string, unknown> | undefined): Locale {
  const l = meta?.locale;
  return isLocale(l) ? l : DEFAULT_LOCALE;
}

/** A choice that switches the conversation's language: `locale:en`. */
export const LOCALE_CHOICE_PREFIX = "locale:";
export const localeChoiceValue = (l: Locale): string => `${LOCALE_CHOICE_PREFIX}${l}`;
export function localeOfChoice(value: string): Locale | undefined {
  if (!value.startsWith(LOCALE_CHOICE_PREFIX)) return undefined;
  const l = value.slice(LOCALE_CHOICE_PREFIX.length);
  return isLocale(l) ? l : undefined;
}
