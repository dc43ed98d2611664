/** Web chat request bodies (shared/contract.md §3) → InboundEvent. */
import { z } from "zod";
import { badRequest } from "../../core/errors.ts";
import type { InboundEvent } from "../../core/events.ts";
import { isLocale, LOCALES, type Locale } from "../../core/locale.ts";

/** Longest text accepted from the web chat (the body limit is checked before this). */
export const MAX_WEB_TEXT = 10_000;

const MessageBody = z.union([
  z.object({ text: z.string().min(1).max(MAX_WEB_TEXT) }).strict(),
  z.object({ choice: z.string().min(1).max(100) }).strict(),
  z.object({ action: z.literal("restart") }).strict(),
]);

/** Exactly one of `{text}`, `{choice}` or `{action:"restart"}`; anything else is a 400. */
export function parseMessageBody(body: unknown): InboundEvent {
  const parsed = MessageBody.safeParse(body);
  if (!parsed.success) {
    throw badRequest('body must be exactly one of {"text": string}, {"choice": string} or {"action": "restart"}');
  }
  const b = parsed.data;
  if ("text" in b) {
    if (b.text.trim() === "") throw badRequest("text must not be blank");
    return { kind: "text", text: b.text };
  }
  if ("choice" in b) return { kind: "choice", value: b.choice };
  return { kind: "restart" };
}

const SessionBody = z.object({ locale: z.string().optional() });

/**
 * `POST /api/chat/sessions`: an empty body, `{}`, or `{"locale": "ja" | "ja-easy" | "en"}` (contract §3,
 * second wave). The start event it becomes; an unknown locale is a 400.
 */
export function parseSessionBody(body: unknown): Extract<InboundEvent, { kind: "start" }> {
  const parsed = SessionBody.safeParse(body ?? {});
  if (!parsed.success) throw badRequest('body must be empty or {"locale": "ja" | "ja-easy" | "en"}');
  const { locale } = parsed.data;
  if (locale === undefined) return { kind: "start" };
  if (!isLocale(locale)) throw badRequest(`locale must be one of ${LOCALES.join(", ")}`);
  return { kind: "start", locale };
}

/** `?locale=` of `GET /api/chat/ui-text`: one of the locales; a missing one is `ja`. */
export function parseLocaleQuery(raw: unknown): Locale {
  if (raw === undefined || raw === "") return "ja";
  if (!isLocale(raw)) throw badRequest(`locale must be one of ${LOCALES.join(", ")}`);
  return raw;
}

/** `?after=<cursor>` of `GET …/messages`: absent for everything, else the cursor of an earlier answer. */
export function parseCursor(raw: unknown): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "string" || !/^\d{1,16}$/.test(raw)) throw badRequest("after must be a cursor from an earlier answer");
  return Number(raw);
}

/** Session ids are 24 base64url characters (18 random bytes). */
export const SESSION_ID = /^[A-Za-z0-9_-]{24}$/;
