/**
 * Hand-off from the bot to a person at the help desk, and back. Platform-free: the desk (Slack) and the
 * residents' channels (LINE push, the web chat's outbox) are ports that the channels implement and
 * src/main.ts wires in.
 *
 * A hand-off lives in the conversation's `meta` (`meta.handoff`), and the ticket's id points back at the
 * conversation in the store's key/values (`ticket:<ticketId>` → conversation id), so that any instance
 * sharing the store can act on a staff member's click or reply, before or after a restart.
 *
 * ```
 *  (bot answers) ── contact-city route ──▶ waiting ── 対応する / a staff reply ──▶ active
 *        ▲                                   │                                     │
 *        └────── 解決済み (or the resident starts over) ◀──────────────────────────┘
 * ```
 *
 * While a conversation is `waiting` or `active`, the runtime hands the resident's messages to
 * {@link Handoff.forward} (they go to the ticket) instead of to the machine.
 */
import { createHash } from "node:crypto";
import { formatDate, formatJapaneseDateTime, isWithinHours, nextOpening, todayInTokyo, type WeeklyHours } from "../calendar/index.ts";
import type { SessionStore } from "../store/types.ts";
import type { FactLabel, Flow } from "./flow.ts";
import { localeOfMeta, type Locale } from "./locale.ts";
import type { Reply } from "./reply.ts";
import type { Facts } from "./slots.ts";

export type { FactLabel };

/** How many of the resident's latest messages a ticket shows. */
export const RECENT_MESSAGES = 5;
/** Each kept message is cut to this many characters. */
export const RECENT_MESSAGE_LENGTH = 500;
/** Staff messages are cut to this many characters (LINE allows 5,000 per text). */
export const STAFF_MESSAGE_LENGTH = 4_000;
/**
 * A conversation under hand-off is kept at least this long: a ticket opened on Friday evening is
 * answered on Monday, well after the usual idle expiry.
 */
export const HANDOFF_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Where a ticket stands, as the desk shows it. */
export type TicketStatus = "waiting" | "active" | "resolved" | "withdrawn";

/** What staff see on a ticket. Holds no PIN or 個人番号: messages are kept only after the PII guard. */
export interface Ticket {
  /** The resident's channel: `line`, `web`. */
  origin: string;
  /** The facts collected, in words (the flow's, for staff). */
  facts: FactLabel[];
  /** The route the bot showed, if any. */
  route?: { routeId: string; title: string };
  /** The resident's latest messages, oldest first, redacted. */
  recentMessages: string[];
  /** When the ticket was opened (ISO 8601). */
  openedAt: string;
  /** The resident's language (issue 14), for staff to see; the desk's words stay Japanese. */
  locale?: Locale;
  /** Opened while the desk was closed: when it opens (ISO 8601). */
  opensAt?: string;
}

/** A ticket's status and the staff member handling it (the desk's own reference, e.g. a Slack user id). */
export interface TicketState {
  status: TicketStatus;
  staff?: string;
}

/** The help desk, as the core needs it. Implemented by the Slack channel. */
export interface HelpDesk {
  /** Post a new ticket; answers the desk's id for it (a Slack message ts). */
  openTicket(ticket: Ticket): Promise<{ ticketId: string }>;
  /** Add a message from the resident to the ticket (the Slack thread). */
  appendResidentMessage(ticketId: string, text: string): Promise<void>;
  /** Show the ticket's new state (the Slack message, updated). */
  updateTicket(ticketId: string, ticket: Ticket, state: TicketState): Promise<void>;
}

/**
 * Sends replies to a resident outside a turn (a staff message, the end of a hand-off). One per
 * conversation-id prefix: `line` pushes, `web` puts them in the chat page's outbox.
 */
export interface ResidentNotifier {
  /**
   * Deliver `replies` to the conversation. `idempotencyKey` is the same for every retry of one
   * delivery (derived from the desk's event id): a retry must never deliver twice.
   */
  notify(conversationId: string, replies: Reply[], idempotencyKey: string): Promise<void>;
}

/** What the desk's events answer: acted on, nothing to change, or no conversation waits on this ticket. */
export type DeskOutcome = "done" | "unchanged" | "closed";

/**
 * The shape of {@link HandoffState} as stored. Bump it when a stored state of the previous version can no
 * longer be read as it is, and add a migration from it to {@link HANDOFF_MIGRATIONS}; a state that still
 * cannot be read ends politely (the ticket is withdrawn on the desk, the resident told), never silently.
 */
export const HANDOFF_VERSION = 1;

/** A stored hand-off of version N (the key) to version N + 1. 0: written before versions, same fields. */
export const HANDOFF_MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  0: (old) => ({ ...old, version: 1 }),
};

/** The hand-off state kept in a conversation's `meta.handoff`. */
export interface HandoffState {
  version: typeof HANDOFF_VERSION;
  ticketId: string;
  status: "waiting" | "active";
  staff?: string;
  /** The resident has been told once that their messages reach the desk. */
  acknowledged: boolean;
  /** The ticket as posted, so that every update shows it whole. */
  ticket: Ticket;
}

export interface HandoffOptions {
  store: SessionStore;
  /** The conversation's flow: what the hand-off says to the resident (in the conversation's locale), the facts in words for staff. */
  flow: Pick<Flow, "handoffWords" | "factLabels">;
  desk: HelpDesk;
  /** By conversation-id prefix (`line`, `web`); a conversation without one is never handed off. */
  notifiers: Readonly<Record<string, ResidentNotifier>>;
  /** The desk's opening hours (city.handoff.hours) and how they read (city.handoff.hoursText). */
  hours: WeeklyHours;
  hoursText: string;
  now: () => Date;
  /** The runtime's idle expiry; conversations under hand-off are kept at least {@link HANDOFF_TTL_MS}. */
  idleTtlMs: number;
  /** Told when the desk could not be reached (for the log); never throws. */
  onError?: (what: string, error: unknown) => void;
  /** Told when a ticket opens, is taken by a person, or closes (issue 18: the daily figures). */
  observer?: HandoffObserver;
}

/** What the figures learn of tickets (src/analytics). Called after the fact; whatever it throws is ignored. */
export interface HandoffObserver {
  opened(ticketId: string, openedAt: Date): void;
  /** A person took a waiting ticket (「対応する」, or a first reply). */
  taken(ticketId: string, openedAt: Date): void;
  /** Resolved or withdrawn. */
  closed(ticketId: string): void;
}

// ---- meta: pure functions ---------------------------------------------------------------------------

/**
 * A conversation's `meta.handoff` as read: none, a state of this version (migrated if older), or a
 * state that cannot be read (another version, a broken shape), with its ticket when it names one so the
 * desk can be told.
 */
export type HandoffRead =
  | { kind: "none" }
  | { kind: "ok"; state: HandoffState }
  | { kind: "unreadable"; ticketId?: string; ticket?: Ticket; version?: unknown };

export function readHandoff(
  meta: Record<string, unknown> | undefined,
  migrations: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = HANDOFF_MIGRATIONS,
): HandoffRead {
  const raw = meta?.handoff;
  if (raw === undefined) return { kind: "none" };
  if (typeof raw !== "object" || raw === null) return { kind: "unreadable" };
  let h = raw as Record<string, unknown>;
  const ticketId = typeof h.ticketId === "string" ? h.ticketId : undefined;
  const ticket = typeof h.ticket === "object" && h.ticket !== null && Array.isArray((h.ticket as Ticket).facts) ? (h.ticket as Ticket) : undefined;
  let version = h.version ?? 0;
  while (typeof version === "number" && version < HANDOFF_VERSION) {
    const migrate = migrations[version];
    if (!migrate) break;
    h = migrate(h);
    if (typeof h.version !== "number" || h.version <= version) break;
    version = h.version;
  }
  const valid =
    version === HANDOFF_VERSION &&
    typeof h.ticketId === "string" &&
    (h.status === "waiting" || h.status === "active") &&
    typeof h.ticket === "object" &&
    h.ticket !== null;
  if (!valid) {
    // A state that is over (resolved, withdrawn) is no hand-off, whatever its version.
    if (h.status === "resolved" || h.status === "withdrawn") return { kind: "none" };
    return { kind: "unreadable", ...(ticketId ? { ticketId } : {}), ...(ticket ? { ticket } : {}), version: h.version };
  }
  return { kind: "ok", state: h as unknown as HandoffState };
}

/** The hand-off state in a conversation's meta, if it is under hand-off (migrated to this version). */
export function handoffOf(meta: Record<string, unknown> | undefined): HandoffState | undefined {
  const read = readHandoff(meta);
  return read.kind === "ok" ? read.state : undefined;
}

/** The resident's latest messages kept in meta (redacted), oldest first. */
export function recentMessagesOf(meta: Record<string, unknown> | undefined): string[] {
  const r = meta?.recentMessages;
  return Array.isArray(r) ? r.filter((m): m is string => typeof m === "string") : [];
}

/** Meta with one more (already redacted) resident message kept, the oldest dropped beyond five. */
export function withRecentMessage(meta: Record<string, unknown>, redacted: string): Record<string, unknown> {
  const text = redacted.trim().slice(0, RECENT_MESSAGE_LENGTH);
  if (text === "") return meta;
  return { ...meta, recentMessages: [...recentMessagesOf(meta), text].slice(-RECENT_MESSAGES) };
}

/** Meta with the hand-off state set, or removed (`undefined`). */
export function withHandoff(meta: Record<string, unknown>, state: HandoffState | undefined): Record<string, unknown> {
  const { handoff: _dropped, ...rest } = meta;
  return state ? { ...rest, handoff: state } : rest;
}

/** How long to keep a conversation with this meta (a hand-off not yet read is kept like one). */
export function ttlFor(meta: Record<string, unknown> | undefined, idleTtlMs: number): number {
  return readHandoff(meta).kind !== "none" ? Math.max(idleTtlMs, HANDOFF_TTL_MS) : idleTtlMs;
}

/** `line` for `line:U…`. */
export function channelOfConversation(conversationId: string): string {
  return conversationId.split(":", 1)[0] ?? "";
}

/** When the desk opens, as the resident reads it: `11月24日（火）8:30`, `November 24, 8:30` in English. */
function opensAtText(opens: Date, locale: Locale): string {
  const ja = formatJapaneseDateTime(opens);
  if (locale !== "en") return ja;
  const time = /(\d{1,2}:\d{2})$/.exec(ja)?.[1] ?? "";
  return `${formatDate(todayInTokyo(opens), "en", { year: false })}${time ? `, ${time}` : ""}`;
}

/**
 * A UUID derived from a key (UUID version 5 layout over SHA-1), so that every retry of one delivery
 * carries the same id: LINE's `X-Line-Retry-Key` refuses a second push with the same key.
 */
export function idempotencyUuid(key: string): string {
  const h = createHash("sha1").update(`myna-cert-rescue:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// ---- the service --------------------------------------------------------------------------------------

const ticketKey = (ticketId: string) => `ticket:${ticketId}`;

/**
 * Opens tickets, forwards residents' messages, and acts on the desk's events. The runtime calls
 * {@link open}, {@link forward} and {@link withdraw} while it holds the conversation's lock; the desk's
 * channel calls {@link claim}, {@link staffReply} and {@link resolve}, which take the lock themselves.
 */
export class Handoff {
  readonly #opts: HandoffOptions;

  constructor(opts: HandoffOptions) {
    this.#opts = opts;
  }

  /** Whether this conversation can be handed off: its channel can be reached outside a turn. */
  canHandOff(conversationId: string): boolean {
    return this.#opts.notifiers[channelOfConversation(conversationId)] !== undefined;
  }

  /** Whether `ticketId` is one of ours (the desk's channel then reads the thread as a ticket's). */
  async isTicket(ticketId: string): Promise<boolean> {
    return (await this.#opts.store.getValue(ticketKey(ticketId))) !== undefined;
  }

  /**
   * Open a ticket for the conversation (under its lock). Answers the new state and what to tell the
   * resident; when the desk cannot be reached, no state and an apology (the contacts were shown).
   */
  async open(
    conversationId: string,
    input: { facts: Facts; route?: { routeId: string; title: string }; recentMessages: string[]; locale?: Locale },
  ): Promise<{ state?: HandoffState; replies: Reply[] }> {
    const { desk, store, hours, hoursText, flow } = this.#opts;
    const locale = input.locale ?? "ja";
    const words = flow.handoffWords(locale);
    const now = this.#opts.now();
    const within = isWithinHours(now, hours);
    const opens = within ? undefined : nextOpening(now, hours);
    const ticket: Ticket = {
      origin: channelOfConversation(conversationId),
      facts: flow.factLabels(input.facts),
      ...(input.route ? { route: input.route } : {}),
      recentMessages: input.recentMessages.slice(-RECENT_MESSAGES),
      openedAt: now.toISOString(),
      ...(input.locale ? { locale: input.locale } : {}),
      ...(opens ? { opensAt: opens.toISOString() } : {}),
    };
    let ticketId: string;
    try {
      ({ ticketId } = await desk.openTicket(ticket));
      await store.setValue(ticketKey(ticketId), conversationId, HANDOFF_TTL_MS);
    } catch (error) {
      this.#report("open", error);
      return { replies: [{ type: "text", text: words.unavailable }] };
    }
    const text = within
      ? words.openedWithinHours(hoursText)
      : opens
        ? words.openedOutsideHours(opensAtText(opens, locale), hoursText)
        : words.openedNoHours(hoursText);
    this.#observe((o) => o.opened(ticketId, now));
    return { state: { version: HANDOFF_VERSION, ticketId, status: "waiting", acknowledged: false, ticket }, replies: [{ type: "text", text }] };
  }

  /** Add the resident's (redacted) message to the ticket (under the conversation's lock). */
  async forward(state: HandoffState, text: string, locale: Locale = "ja"): Promise<{ state: HandoffState; replies: Reply[] }> {
    await this.#opts.desk.appendResidentMessage(state.ticketId, text.slice(0, RECENT_MESSAGE_LENGTH * 4));
    if (state.acknowledged) return { state, replies: [] };
    return { state: { ...state, acknowledged: true }, replies: [{ type: "text", text: this.#opts.flow.handoffWords(locale).forwarded }] };
  }

  /** The resident started over (under the conversation's lock): the ticket says so; the bot answers again. */
  async withdraw(state: HandoffState, locale: Locale = "ja"): Promise<Reply[]> {
    this.#observe((o) => o.closed(state.ticketId));
    try {
      await this.#opts.desk.updateTicket(state.ticketId, state.ticket, { status: "withdrawn" });
    } catch (error) {
      this.#report("withdraw", error);
    }
    return [{ type: "text", text: this.#opts.flow.handoffWords(locale).withdrawn }];
  }

  /**
   * A hand-off stored in a shape this version cannot read (another version, a broken state), met on the
   * resident's next event: the ticket, when one is named, is withdrawn on the desk (not left open with
   * nobody behind it), and the resident is told the chat starts over and how to reach a person again.
   */
  async withdrawUnreadable(conversationId: string, read: { ticketId?: string; ticket?: Ticket }, locale: Locale = "ja"): Promise<Reply[]> {
    if (read.ticketId) {
      const ticketId = read.ticketId;
      this.#observe((o) => o.closed(ticketId));
      const ticket: Ticket = read.ticket ?? {
        origin: channelOfConversation(conversationId),
        facts: [],
        recentMessages: [],
        openedAt: this.#opts.now().toISOString(),
      };
      try {
        await this.#opts.desk.updateTicket(ticketId, ticket, { status: "withdrawn" });
      } catch (error) {
        this.#report("withdraw", error);
      }
    }
    return [{ type: "text", text: this.#opts.flow.handoffWords(locale).unreadable }];
  }

  /** A staff member takes the ticket (「対応する」): they are named on it. */
  async claim(ticketId: string, staff: string): Promise<DeskOutcome> {
    const change = await this.#transition(ticketId, (state) =>
      state.status === "active" && state.staff === staff ? "unchanged" : { ...state, status: "active", staff },
    );
    if (change.outcome !== "done" || !change.after) return change.outcome;
    const openedAt = new Date(change.after.ticket.openedAt);
    if (change.before?.status === "waiting") this.#observe((o) => o.taken(ticketId, openedAt));
    await this.#opts.desk.updateTicket(ticketId, change.after.ticket, { status: "active", staff });
    return "done";
  }

  /**
   * A staff member's reply in the ticket's thread: delivered to the resident once (`eventKey` is the
   * desk's event id, the same on every retry). A reply to a waiting ticket also claims it.
   */
  async staffReply(ticketId: string, staff: string, text: string, eventKey: string): Promise<DeskOutcome> {
    const conversationId = await this.#opts.store.getValue(ticketKey(ticketId));
    if (!conversationId) return "closed";
    const meta = (await this.#opts.store.get(conversationId))?.meta;
    const state = handoffOf(meta);
    if (!state || state.ticketId !== ticketId) return "closed";
    const notifier = this.#opts.notifiers[channelOfConversation(conversationId)];
    if (!notifier) return "closed";
    const words = text.trim().slice(0, STAFF_MESSAGE_LENGTH);
    const prefix = this.#opts.flow.handoffWords(localeOfMeta(meta)).staffPrefix;
    await notifier.notify(conversationId, [{ type: "text", text: `${prefix}${words}` }], eventKey);
    if (state.status === "waiting") await this.claim(ticketId, staff).catch((error: unknown) => this.#report("claim", error));
    return "done";
  }

  /** 「解決済み」: the ticket closes, the conversation goes back to the bot, and the resident is told. */
  async resolve(ticketId: string, staff: string): Promise<DeskOutcome> {
    const change = await this.#transition(ticketId, () => undefined);
    if (change.outcome !== "done" || !change.before || !change.conversationId) return change.outcome;
    this.#observe((o) => o.closed(ticketId));
    await this.#opts.desk.updateTicket(ticketId, change.before.ticket, { status: "resolved", staff });
    const notifier = this.#opts.notifiers[channelOfConversation(change.conversationId)];
    const resolved = this.#opts.flow.handoffWords(change.locale ?? "ja").resolved;
    await notifier?.notify(change.conversationId, [{ type: "text", text: resolved }], `handoff-resolved:${ticketId}`);
    return "done";
  }

  /**
   * Change the hand-off of the ticket's conversation under its lock: `change` answers the new state,
   * `undefined` to end the hand-off, or "unchanged".
   */
  async #transition(
    ticketId: string,
    change: (state: HandoffState) => HandoffState | undefined | "unchanged",
  ): Promise<{ outcome: DeskOutcome; conversationId?: string; before?: HandoffState; after?: HandoffState; locale?: Locale }> {
    const { store, idleTtlMs } = this.#opts;
    const conversationId = await store.getValue(ticketKey(ticketId));
    if (!conversationId) return { outcome: "closed" };
    return store.withLock(conversationId, async () => {
      const stored = await store.get(conversationId);
      const before = handoffOf(stored?.meta);
      if (!stored || !before || before.ticketId !== ticketId) return { outcome: "closed" as const };
      const after = change(before);
      if (after === "unchanged") return { outcome: "unchanged" as const, conversationId, before, after: before };
      const meta = withHandoff(stored.meta ?? {}, after);
      await store.save(conversationId, { ...stored, meta, updatedAt: Date.now() }, ttlFor(meta, idleTtlMs));
      return { outcome: "done" as const, conversationId, before, ...(after ? { after } : {}), locale: localeOfMeta(stored.meta) };
    });
  }

  #observe(fn: (observer: HandoffObserver) => void): void {
    const { observer } = this.#opts;
    if (!observer) return;
    try {
      fn(observer);
    } catch {
      // an observer never breaks a conversation
    }
  }

  #report(what: string, error: unknown): void {
    try {
      this.#opts.onError?.(what, error);
    } catch {
      // an observer never breaks a conversation
    }
  }
}
