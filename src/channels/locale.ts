/**
 * The conversation's locale as a channel learns it (issue 14). The runtime decides and stores it; a
 * channel only reads it back to render its own words (alt texts, the page's buttons, LINE's rich menu).
 */
import type { InboundEvent } from "../core/events.ts";
import { DEFAULT_LOCALE, type Locale } from "../core/locale.ts";
import type { TurnResult } from "../core/runtime.ts";

/**
 * The locale after a turn: the runtime's (`TurnResult.locale`). Until every runtime reports it, a
 * conversation this turn started is taken to be in the locale the channel asked for (the start event's
 * `locale`, else a text's `localeHint`); otherwise undefined (read the stored meta).
 */
export function localeAfterTurn(turn: Pick<TurnResult, "locale" | "started">, event: InboundEvent): Locale | undefined {
  if (turn.locale) return turn.locale;
  if (!turn.started) return undefined;
  if (event.kind === "start") return event.locale;
  if (event.kind === "text") return event.localeHint;
  return undefined;
}

/** The `lang` attribute of a page in a locale: `en`, or `ja` for both kinds of Japanese. */
export function htmlLang(locale: Locale): "ja" | "en" {
  return locale === "en" ? "en" : "ja";
}

export { DEFAULT_LOCALE };
