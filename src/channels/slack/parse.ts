/**
 * Slack payloads → where the conversation lives and what happened in it. Pure: no I/O, no Bolt.
 *
 * Conversation ids: `slack:<team>:<channel>:<thread_ts>` for a thread (a mention, a slash command, the
 * staff form), and `slack:<team>:<channel>:dm` for a direct message with the bot, so that a DM is one
 * ongoing conversation.
 */
import type { InboundEvent } from "../../core/events.ts";
import { SLOTS, type Facts, type Slot } from "../../core/slots.ts";
import { factsFromChoice } from "../../../flows/certificate-recovery/questions.ts";
import { formatJapaneseDate, parseIsoDate } from "../../calendar/index.ts";

/** Where replies go: a channel (or DM), in a thread or not, and the conversation they belong to. */
export interface SlackTarget {
  conversationId: string;
  channel: string;
  /** Reply in this thread; top level when absent. */
  threadTs?: string;
}

/** A message or mention to feed the runtime. */
export interface ParsedMessage {
  target: SlackTarget;
  event: InboundEvent;
  /** Only continue a conversation that already exists (a thread reply without a mention). */
  onlyIfExists: boolean;
  /** A DM thread reply: the thread's own conversation, if there is one, comes before the DM's. */
  threadConversationId?: string;
}

const DM = "dm";

/** `slack:<team>:<channel>:<thread_ts|dm>`. */
export function conversationIdOf(team: string, channel: string, thread: string): string {
  return `slack:${team}:${channel}:${thread}`;
}

/** The parts of a Slack conversation id, or undefined when it is not one. */
export function parseConversationId(id: string): { team: string; channel: string; thread: string } | undefined {
  const m = /^slack:([A-Z0-9_]+):([A-Z0-9]+):(dm|\d+\.\d+)$/.exec(id);
  return m ? { team: m[1]!, channel: m[2]!, thread: m[3]! } : undefined;
}

/** Where a conversation's replies go when nothing else says: its thread, or the DM's top level. */
export function targetOf(conversationId: string): SlackTarget | undefined {
  const p = parseConversationId(conversationId);
  if (!p) return undefined;
  return { conversationId, channel: p.channel, ...(p.thread === DM ? {} : { threadTs: p.thread }) };
}

/** The text with mentions of the bot removed and whitespace trimmed. */
export function stripMention(text: string, botUserId: string): string {
  return text.replaceAll(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g"), " ").replace(/\s+/g, " ").trim();
}

/** Slack escapes `&`, `<` and `>` in message text; the bot reads what the person typed. */
function unescapeSlack(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

interface MessageLike {
  type?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  channel_type?: string;
}

interface EventBody {
  team_id?: string;
  event?: MessageLike;
}

/** Subtypes read as messages: plain messages (no subtype) and thread replies also sent to the channel. */
const READ_SUBTYPES = new Set([undefined, "thread_broadcast"]);

/** A bot's message (ours or another's): never answered, so that bots cannot talk in circles. */
export function isBotMessage(event: MessageLike, botUserId: string): boolean {
  return event.bot_id !== undefined || event.subtype === "bot_message" || event.user === botUserId;
}

/**
 * A `message` event → what to do with it, or undefined to ignore it. Direct messages always count;
 * in a channel, only thread replies without a mention (the mention arrives as `app_mention`) in a
 * thread that already has a conversation.
 */
export function parseMessageEvent(body: EventBody, botUserId: string): ParsedMessage | undefined {
  const e = body.event;
  const team = body.team_id;
  if (!e || e.type !== "message" || !team || !e.channel || !e.ts || !e.user) return undefined;
  if (!READ_SUBTYPES.has(e.subtype) || isBotMessage(e, botUserId)) return undefined;
  const raw = e.text ?? "";
  const text = unescapeSlack(stripMention(raw, botUserId));
  if (text === "") return undefined;
  const event: InboundEvent = { kind: "text", text };
  if (e.channel_type === "im") {
    return {
      target: { conversationId: conversationIdOf(team, e.channel, DM), channel: e.channel, ...(e.thread_ts ? { threadTs: e.thread_ts } : {}) },
      event,
      onlyIfExists: false,
      ...(e.thread_ts ? { threadConversationId: conversationIdOf(team, e.channel, e.thread_ts) } : {}),
    };
  }
  if (!e.thread_ts || raw.includes(`<@${botUserId}`)) return undefined;
  return { target: { conversationId: conversationIdOf(team, e.channel, e.thread_ts), channel: e.channel, threadTs: e.thread_ts }, event, onlyIfExists: true };
}

/** An `app_mention` → the conversation of its thread (a new thread starts at the mention). */
export function parseMention(body: EventBody, botUserId: string): ParsedMessage | undefined {
  const e = body.event;
  const team = body.team_id;
  if (!e || e.type !== "app_mention" || !team || !e.channel || !e.ts || !e.user || isBotMessage(e, botUserId)) return undefined;
  const thread = e.thread_ts ?? e.ts;
  const text = unescapeSlack(stripMention(e.text ?? "", botUserId));
  return {
    target: { conversationId: conversationIdOf(team, e.channel, thread), channel: e.channel, threadTs: thread },
    event: text === "" ? { kind: "start" } : { kind: "text", text },
    onlyIfExists: false,
  };
}

/** A slash command: open the staff form, or start a diagnosis in a new thread (with a first message). */
export type ParsedCommand =
  | { kind: "form"; team: string; channel: string; user: string; triggerId: string }
  | { kind: "start"; team: string; channel: string; user: string; text: string };

interface CommandBody {
  team_id?: string;
  channel_id?: string;
  user_id?: string;
  text?: string;
  trigger_id?: string;
}

const FORM_WORDS = new Set(["form", "フォーム"]);

export function parseCommand(body: CommandBody): ParsedCommand | undefined {
  const { team_id: team, channel_id: channel, user_id: user } = body;
  if (!team || !channel || !user) return undefined;
  const text = (body.text ?? "").trim();
  if (FORM_WORDS.has(text.toLowerCase()) && body.trigger_id) return { kind: "form", team, channel, user, triggerId: body.trigger_id };
  return { kind: "start", team, channel, user, text };
}

/** Questions' button blocks carry their conversation: block_id `q:<slot>:<conversationId>`. */
export function questionBlockId(slot: string, conversationId: string): string {
  return `q:${slot}:${conversationId}`;
}

interface ActionBody {
  team?: { id?: string } | null;
  user?: { id?: string };
  channel?: { id?: string };
  container?: { message_ts?: string; thread_ts?: string };
  message?: { ts?: string; thread_ts?: string; text?: string; blocks?: unknown[] };
  trigger_id?: string;
  actions?: {
    action_id?: string;
    block_id?: string;
    value?: string;
    selected_date?: string;
    text?: { text?: string };
  }[];
}

/** A tapped choice (button or date) on a question: the event, where to answer, and what was chosen. */
export interface ParsedChoice {
  target: SlackTarget;
  event: InboundEvent;
  blockId: string;
  /** The chosen answer as shown (the button's label, or the date in Japanese). */
  label: string;
  user: string;
  messageTs?: string;
}

/**
 * A `block_actions` payload from a question's buttons or date picker. The conversation comes from the
 * block id and must belong to the team and channel the click came from.
 */
export function parseChoiceAction(body: ActionBody): ParsedChoice | undefined {
  const action = body.actions?.[0];
  const team = body.team?.id;
  const channel = body.channel?.id;
  const user = body.user?.id;
  if (!action?.block_id || !action.action_id || !team || !channel || !user) return undefined;
  const m = /^q:([A-Za-z]+):(.+)$/.exec(action.block_id);
  const conversationId = m?.[2];
  const parts = conversationId ? parseConversationId(conversationId) : undefined;
  if (!conversationId || !parts || parts.team !== team || parts.channel !== channel) return undefined;

  let value: string | undefined;
  let label: string | undefined;
  if (action.action_id.startsWith("choice:") && action.value) {
    value = action.value;
    label = action.text?.text ?? value;
  } else if (action.action_id === "date" && action.selected_date && parseIsoDate(action.selected_date)) {
    value = action.selected_date;
    label = formatJapaneseDate(value, { weekday: false });
  }
  if (value === undefined || label === undefined) return undefined;
  const threadTs = body.container?.thread_ts ?? body.message?.thread_ts ?? (parts.thread === DM ? undefined : parts.thread);
  const messageTs = body.container?.message_ts ?? body.message?.ts;
  return {
    target: { conversationId, channel, ...(threadTs ? { threadTs } : {}) },
    event: { kind: "choice", value, ...(m?.[1] ? { slot: m[1] } : {}) },
    blockId: action.block_id,
    label,
    user,
    ...(messageTs ? { messageTs } : {}),
  };
}

/** Where the staff form's answer goes: a channel (a new thread) or an existing thread. */
export interface FormMeta {
  channel: string;
  threadTs?: string;
}

/** The form button on a thread's first message: the form answers in that thread. */
export function parseFormButton(body: ActionBody): { triggerId: string; meta: FormMeta } | undefined {
  const channel = body.channel?.id;
  const ts = body.message?.thread_ts ?? body.message?.ts;
  if (!body.trigger_id || !channel || !ts) return undefined;
  return { triggerId: body.trigger_id, meta: { channel, threadTs: ts } };
}

/** `private_metadata` → FormMeta, or undefined when it is not ours. */
export function parseFormMeta(raw: string | undefined): FormMeta | undefined {
  try {
    const v = JSON.parse(raw ?? "") as { channel?: unknown; threadTs?: unknown };
    if (typeof v.channel !== "string" || !/^[A-Z0-9]+$/.test(v.channel)) return undefined;
    if (v.threadTs !== undefined && (typeof v.threadTs !== "string" || !/^\d+\.\d+$/.test(v.threadTs))) return undefined;
    return { channel: v.channel, ...(v.threadTs ? { threadTs: v.threadTs } : {}) };
  } catch {
    return undefined;
  }
}

/** The block id of a slot's input in the staff form. */
export const formBlockId = (slot: Slot) => `slot:${slot}`;
/** The action id of every input element in the staff form. */
export const FORM_ACTION_ID = "value";

interface FormStateValue {
  type?: string;
  selected_option?: { value?: string } | null;
  selected_date?: string | null;
}

/**
 * The staff form's `view.state.values` → facts. Each value is checked as a tapped choice would be;
 * anything that does not belong to its slot is dropped.
 */
export function factsFromFormState(values: Record<string, Record<string, FormStateValue>> | undefined): Facts {
  const facts: Facts = {};
  for (const slot of SLOTS) {
    const input = values?.[formBlockId(slot)]?.[FORM_ACTION_ID];
    const raw = input?.selected_option?.value ?? input?.selected_date ?? undefined;
    if (!raw) continue;
    Object.assign(facts, factsFromChoice(slot, raw) ?? {});
  }
  return facts;
}

// ---- hand-off tickets in the help-desk channel ------------------------------------------------------

/** Action ids of a ticket's buttons. */
export const HANDOFF_CLAIM = "handoff:claim";
export const HANDOFF_RESOLVE = "handoff:resolve";

/** A staff member's reply in a thread of the help-desk channel (a ticket's, if the thread is one). */
export interface TicketReply {
  /** The thread's ts: a ticket's id. */
  ticketId: string;
  staff: string;
  /** The reply as the resident should read it (Slack markup turned into plain text). */
  text: string;
  /** The reply's own ts. */
  messageTs: string;
  eventId?: string;
  /** A note between staff (「メモ：…」): it stays in the thread and never reaches the resident. */
  internal: boolean;
}

/**
 * A thread reply that begins with 「メモ：」 (or `memo:`; full-width, half-width and either colon alike) is
 * a note between staff members, kept out of the resident's chat.
 */
export const isStaffNote = (text: string): boolean => /^\s*(?:メモ|めも|memo)\s*:/i.test(text.normalize("NFKC"));

const STAFF_ID = /^[UW][A-Z0-9]+$/;
const TS = /^\d+\.\d+$/;

/**
 * Slack's message markup → plain text for a resident: `<url|label>` → `label（url）`, `<url>` → url,
 * `<#C…|name>` → `#name`, user and group mentions dropped, `&lt;` and friends unescaped.
 */
export function slackToPlain(text: string): string {
  const out = text.replace(/<([^<>]+)>/g, (_all, inner: string) => {
    const [target = "", label] = inner.split("|", 2);
    if (/^[@!]/.test(target)) return label && !target.startsWith("@") ? label : "";
    if (target.startsWith("#")) return label ? `#${label}` : "";
    if (/^(mailto|tel):/.test(target)) return label ?? target.replace(/^(mailto|tel):/, "");
    if (/^https?:/.test(target)) return label && label !== target ? `${label}（${target}）` : target;
    return inner;
  });
  return unescapeSlack(out).replace(/[ \t]+\n/g, "\n").trim();
}

/**
 * A `message` event in a thread of the help-desk channel, from a person (never a bot), or undefined.
 * Whether the thread is a ticket's is for the caller to check (it needs the store).
 */
export function parseTicketReply(body: EventBody & { event_id?: unknown }, botUserId: string, deskChannel: string): TicketReply | undefined {
  const e = body.event;
  if (!e || e.type !== "message" || e.channel !== deskChannel || !e.user || !e.ts) return undefined;
  if (!e.thread_ts || e.thread_ts === e.ts || !TS.test(e.thread_ts) || !STAFF_ID.test(e.user)) return undefined;
  if (!READ_SUBTYPES.has(e.subtype) || isBotMessage(e, botUserId)) return undefined;
  const text = slackToPlain(stripMention(e.text ?? "", botUserId));
  if (text === "") return undefined;
  return {
    ticketId: e.thread_ts,
    staff: e.user,
    text,
    messageTs: e.ts,
    ...(typeof body.event_id === "string" ? { eventId: body.event_id } : {}),
    internal: isStaffNote(text),
  };
}

/** An `app_mention` in a thread of the help-desk channel: the thread's ts (a ticket's, perhaps). */
export function mentionThreadInDesk(body: EventBody, deskChannel: string): string | undefined {
  const e = body.event;
  return e?.type === "app_mention" && e.channel === deskChannel && e.thread_ts && TS.test(e.thread_ts) ? e.thread_ts : undefined;
}

/** A click on a ticket's 「対応する」 or 「解決済み」. */
export interface TicketAction {
  ticketId: string;
  action: "claim" | "resolve";
  staff: string;
}

/** A `block_actions` payload from a ticket's buttons, in the help-desk channel; undefined otherwise. */
export function parseTicketAction(body: ActionBody, deskChannel: string): TicketAction | undefined {
  const action = body.actions?.[0]?.action_id;
  const staff = body.user?.id;
  const ticketId = body.container?.message_ts ?? body.message?.ts;
  if (body.channel?.id !== deskChannel || !staff || !STAFF_ID.test(staff) || !ticketId || !TS.test(ticketId)) return undefined;
  if (action === HANDOFF_CLAIM) return { ticketId, action: "claim", staff };
  if (action === HANDOFF_RESOLVE) return { ticketId, action: "resolve", staff };
  return undefined;
}
