/** The catalog of a locale (text/catalog.ts): 日本語 is the reference, the others follow its keys. */
import type { Locale } from "../../../src/core/locale.ts";
import type { Catalog } from "./catalog.ts";
import { EN } from "./en.ts";
import { JA } from "./ja.ts";
import { JA_EASY } from "./ja-easy.ts";

export type { Catalog, FixedMessageKey, FollowUpValue, RetryReason } from "./catalog.ts";

export const CATALOGS: Record<Locale, Catalog> = { ja: JA, "ja-easy": JA_EASY, en: EN };

/** The catalog of `locale`; 日本語 for an unknown one. */
export function catalogFor(locale: Locale | undefined): Catalog {
  return (locale && Object.hasOwn(CATALOGS, locale) ? CATALOGS[locale] : undefined) ?? JA;
}

/**
 * The language choices shown in the greeting. Each label is in its own language (the reader of that
 * language is the one who taps it), so they are the same in every locale.
 */
export const LOCALE_LABELS: Record<Locale, string> = { en: "English", "ja-easy": "やさしい日本語", ja: "日本語" };
