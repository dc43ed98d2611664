/**
 * The route answers' words by locale (issue 14). `ja-easy` falls back to `ja` until its catalog exists (route-text/ja-easy.ts).
 */
import type { Locale } from "../../../src/core/locale.ts";
import { en } from "./en.ts";
import { ja } from "./ja.ts";
import { jaEasy } from "./ja-easy.ts";
import type { RouteText } from "./types.ts";

export type { PinKey, RouteText } from "./types.ts";

const CATALOGS: { readonly [L in Locale]: RouteText } = {
  ja,
  "ja-easy": jaEasy,
  en,
};

/** The catalog of a locale; `ja` when unset. */
export function routeText(locale: Locale = "ja"): RouteText {
  return CATALOGS[locale] ?? ja;
}

/** Every locale's catalog (for the key check). */
export const ROUTE_TEXTS: { readonly [L in Locale]: RouteText } = CATALOGS;
