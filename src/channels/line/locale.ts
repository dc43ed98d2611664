/**
 * LINE and the conversation's language (issue 14), transport only:
 *
 * - **The profile's language.** When a user follows the account, or writes with no conversation yet,
 *   the channel asks LINE for the user's profile (`getProfile` → `language`) and passes it on: as the
 *   start event's `locale`, or as a text's `localeHint` (the resident's own words still win). `ja…` is
 *   `ja`; any other language is `en`, the one foreign locale (a Vietnamese or Portuguese reader is more
 *   likely to read plain English than Japanese). No profile (a failure, a group chat): no hint; the turn
 *   goes on.
 * - **The rich menu.** One menu per locale, each behind an alias (`richmenu-ja`, `richmenu-ja-easy`,
 *   `richmenu-en`, made by `npm run line:richmenu`); the Japanese one is every friend's default. When a
 *   turn leaves the conversation in a locale other than the user's linked menu, the channel links that
 *   locale's menu to the user (alias → menu id → link). What is linked is kept beside the conversation
 *   (`line:richmenu:<userId>`), so a switch links once. Failures are logged and never break a reply.
 */
import { HTTPFetchError, type LineBotClient } from "@line/bot-sdk";
import type { InboundEvent } from "../../core/events.ts";
import { DEFAULT_LOCALE, type Locale } from "../../core/locale.ts";
import type { Logger } from "../../logger.ts";
import type { SessionStore } from "../../store/types.ts";

/** The rich menu alias of a locale (LINE: ≤ 32 characters of `[A-Za-z0-9_-]`). */
export const richMenuAlias = (locale: Locale): string => `richmenu-${locale}`;

/** The locale the bot uses for a LINE profile language (BCP 47, e.g. `ja`, `en-US`, `zh-Hant`). */
export function localeOfLineLanguage(language: string | undefined): Locale | undefined {
  if (!language || language.trim() === "") return undefined;
  return /^ja\b/i.test(language) ? "ja" : "en";
}

/** The LINE user behind a 1:1 conversation id (`line:U…`); undefined in a group or room. */
export function userOfConversation(conversationId: string): string | undefined {
  return /^line:(U[0-9a-f]{32})$/i.exec(conversationId)?.[1];
}

type Profiles = Pick<LineBotClient, "getProfile">;
type RichMenus = Pick<LineBotClient, "getRichMenuAlias" | "linkRichMenuIdToUser">;

export interface ProfileLocaleDeps {
  client: Profiles;
  /** Whether the conversation exists already (a text to an existing one needs no hint). */
  exists: (conversationId: string) => Promise<boolean>;
  log: Logger;
  fields: object;
}

/**
 * The event with the profile's language added: a start (follow) gets `locale`, a text from a user
 * with no conversation gets `localeHint`. Anything else, or no profile, is returned as it is.
 */
export async function withProfileLocale(conversationId: string, event: InboundEvent, deps: ProfileLocaleDeps): Promise<InboundEvent> {
  const userId = userOfConversation(conversationId);
  if (!userId) return event;
  if (event.kind !== "start" && event.kind !== "text") return event;
  if (event.kind === "start" && event.locale) return event;
  let language: string | undefined;
  try {
    if (event.kind === "text" && (event.localeHint || (await deps.exists(conversationId)))) return event;
    language = (await deps.client.getProfile(userId)).language;
  } catch (err) {
    deps.log.warn({ ...deps.fields, status: err instanceof HTTPFetchError ? err.status : undefined }, "line: no profile language (getProfile failed)");
    return event;
  }
  const locale = localeOfLineLanguage(language);
  if (!locale) return event;
  return event.kind === "start" ? { ...event, locale } : { ...event, localeHint: locale };
}

/** How long a looked-up alias (or its absence) is trusted before LINE is asked again. */
const ALIAS_TTL_MS = 10 * 60 * 1000;
/** How long the record of a user's linked menu is kept (a later switch links again after it). */
const LINKED_TTL_MS = 180 * 24 * 60 * 60 * 1000;

export interface RichMenuLinker {
  /** Link the menu of `locale` to the user of the conversation, unless it is linked already. Never throws. */
  follow(conversationId: string, locale: Locale, fields: object): Promise<void>;
}

export function createRichMenuLinker(deps: { client: RichMenus; store: SessionStore; log: Logger; clock?: () => number }): RichMenuLinker {
  const clock = deps.clock ?? Date.now;
  const aliases = new Map<Locale, { richMenuId?: string; at: number }>();

  async function menuOf(locale: Locale): Promise<string | undefined> {
    const known = aliases.get(locale);
    if (known && clock() - known.at < ALIAS_TTL_MS) return known.richMenuId;
    let richMenuId: string | undefined;
    try {
      richMenuId = (await deps.client.getRichMenuAlias(richMenuAlias(locale))).richMenuId;
    } catch (err) {
      // 404: no menu installed for this locale (`npm run line:richmenu`). Remembered for a while.
      if (!(err instanceof HTTPFetchError && err.status === 404)) throw err;
    }
    aliases.set(locale, { ...(richMenuId ? { richMenuId } : {}), at: clock() });
    return richMenuId;
  }

  return {
    async follow(conversationId, locale, fields) {
      const userId = userOfConversation(conversationId);
      if (!userId) return;
      const key = `line:richmenu:${userId}`;
      try {
        // A user never linked has the default menu: the Japanese one.
        const linked = (await deps.store.getValue(key)) ?? DEFAULT_LOCALE;
        if (linked === locale) return;
        const richMenuId = await menuOf(locale);
        if (!richMenuId) {
          deps.log.warn({ ...fields, locale, alias: richMenuAlias(locale) }, "line: no rich menu for the locale (run npm run line:richmenu)");
          return;
        }
        await deps.client.linkRichMenuIdToUser(userId, richMenuId);
        await deps.store.setValue(key, locale, LINKED_TTL_MS);
      } catch (err) {
        deps.log.warn({ ...fields, locale, status: err instanceof HTTPFetchError ? err.status : undefined }, "line: could not link the rich menu");
      }
    },
  };
}
