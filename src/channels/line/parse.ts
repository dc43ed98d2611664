/**
 * LINE webhook bodies → what the channel does with each event: a turn of a conversation, a polite
 * "text only" answer, forgetting a conversation, or nothing. Also the postback data format the
 * renderer writes into buttons and this file reads back.
 *
 * Conversation ids: `line:<userId>` in a 1:1 chat, `line:<groupId|roomId>:<userId>` in a group or room
 * (one diagnosis per person, even in a shared chat).
 */
import type { webhook } from "@line/bot-sdk";
import { z } from "zod";
import { badRequest } from "../../core/errors.ts";
import type { InboundEvent } from "../../core/events.ts";
import { SYMPTOMS, type Symptom } from "../../core/slots.ts";

/** What to do with one webhook event. */
export type LineAction =
  /** Feed the event to the conversation and reply with what it says. */
  | { kind: "turn"; conversationId: string; event: InboundEvent; replyToken?: string }
  /** A sticker, image, audio, video, file or location in a 1:1 chat: say what the bot can read. */
  | { kind: "unsupported"; conversationId: string; replyToken?: string }
  /** The resident blocked the account (unfollow): forget the conversation. */
  | { kind: "forget"; conversationId: string }
  /** Not for the bot (no mention in a group, an event type it does not use, a standby event). */
  | { kind: "ignore"; reason: string };

/** The fields every event must carry for the channel to handle it once (dedupe) and in time. */
const EventEnvelope = z.looseObject({
  type: z.string(),
  webhookEventId: z.string().min(1).max(100),
  timestamp: z.number(),
});

const CallbackBody = z.looseObject({
  destination: z.string().optional(),
  events: z.array(z.looseObject({ type: z.string() })),
});

/**
 * The events of a verified webhook body. A body that is JSON but not LINE's shape is a 400; an event
 * without an id or timestamp is dropped (it could not be deduplicated).
 */
export function parseWebhookBody(body: unknown): webhook.Event[] {
  const parsed = CallbackBody.safeParse(body);
  if (!parsed.success) throw badRequest("body must be a LINE webhook: {destination, events: [...]}");
  return parsed.data.events.filter((e) => EventEnvelope.safeParse(e).success) as unknown as webhook.Event[];
}

const MEDIA_TYPES = new Set(["sticker", "image", "audio", "video", "file", "location"]);

/** Decide what to do with one event. Pure: no I/O, no clock. */
export function toLineAction(event: webhook.Event): LineAction {
  if (event.mode === "standby") return { kind: "ignore", reason: "standby" };
  const conversationId = conversationIdOf(event.source);
  if (!conversationId) return { kind: "ignore", reason: "no user id" };
  const inChat = event.source?.type === "group" || event.source?.type === "room";

  switch (event.type) {
    case "message": {
      const message = event.message;
      if (message.type === "text") {
        let text = message.text;
        if (inChat) {
          const mine = (message.mention?.mentionees ?? []).filter((m) => m.type === "user" && m.isSelf === true);
          if (mine.length === 0) return { kind: "ignore", reason: "not mentioned" };
          text = withoutMentions(text, mine);
        }
        const inbound: InboundEvent = text.trim() === "" ? { kind: "start" } : { kind: "text", text };
        return turn(conversationId, inbound, event.replyToken);
      }
      if (inChat) return { kind: "ignore", reason: "not mentioned" };
      if (MEDIA_TYPES.has(message.type)) {
        return { kind: "unsupported", conversationId, ...(event.replyToken ? { replyToken: event.replyToken } : {}) };
      }
      return { kind: "ignore", reason: "message type" };
    }
    case "postback": {
      const inbound = parsePostbackData(event.postback.data, event.postback.params);
      return inbound ? turn(conversationId, inbound, event.replyToken) : { kind: "ignore", reason: "unknown postback" };
    }
    case "follow":
      return turn(conversationId, { kind: "start" }, event.replyToken);
    case "unfollow":
      return { kind: "forget", conversationId };
    default:
      return { kind: "ignore", reason: "event type" };
  }
}

function turn(conversationId: string, event: InboundEvent, replyToken: string | undefined): LineAction {
  return { kind: "turn", conversationId, event, ...(replyToken ? { replyToken } : {}) };
}

/** `line:<userId>` or `line:<groupId|roomId>:<userId>`; undefined when LINE did not say who it is. */
export function conversationIdOf(source: webhook.Source | undefined): string | undefined {
  if (!source?.userId) return undefined;
  switch (source.type) {
    case "user":
      return `line:${source.userId}`;
    case "group":
      return `line:${source.groupId}:${source.userId}`;
    case "room":
      return `line:${source.roomId}:${source.userId}`;
    default:
      return undefined;
  }
}

/** The text with the bot's own @mentions cut out (index and length count UTF-16 units, as JS does). */
function withoutMentions(text: string, mentions: { index: number; length: number }[]): string {
  let out = text;
  for (const m of [...mentions].sort((a, b) => b.index - a.index)) {
    out = out.slice(0, m.index) + out.slice(m.index + m.length);
  }
  return out.trim();
}

// ---- postback data: written by render.ts and richmenu.json, read here ----

/** A tapped choice: `c=<value>&s=<slot>` (the slot of the question the button belongs to). */
export const choiceData = (value: string, slot?: string): string =>
  `c=${encodeURIComponent(value)}${slot ? `&s=${encodeURIComponent(slot)}` : ""}`;
/** A date picked in the calendar for a slot: `d=<slot>` (the date comes in `postback.params.date`). */
export const datePickerData = (slot: string): string => `d=${encodeURIComponent(slot)}`;
/** Start over: `a=restart`. */
export const RESTART_DATA = "a=restart";
/** A rich menu entry point: a fresh diagnosis that starts from a symptom, `m=<symptom>`. */
export const menuData = (symptom: Symptom): string => `m=${symptom}`;

/** Postback data (and datetimepicker params) → InboundEvent; undefined for data this bot never wrote. */
export function parsePostbackData(data: string, params?: Record<string, string>): InboundEvent | undefined {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(data);
  } catch {
    return undefined;
  }
  const choice = q.get("c");
  const slot = q.get("s");
  if (choice) return { kind: "choice", value: choice, ...(slot ? { slot } : {}) };
  const dateSlot = q.get("d");
  if (dateSlot && params?.date) return { kind: "choice", value: params.date, slot: dateSlot };
  if (q.get("a") === "restart") return { kind: "restart" };
  const symptom = q.get("m");
  if (symptom && (SYMPTOMS as readonly string[]).includes(symptom)) {
    return { kind: "facts", facts: { symptom: symptom as Symptom } };
  }
  return undefined;
}
