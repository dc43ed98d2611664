/**
 * The conversation runtime: load snapshot → machine step (src/core/turn.ts) → persist → Reply[]. One
 * direction, no I/O in the machine. Events of one conversation are handled one at a time (the store's
 * lock), across every instance that shares the store.
 */
import {
  MACHINE_ID,
  MACHINE_VERSION,
  type ConversationContext,
  type ConversationEvent,
  type ConversationOutput,
  readsNothing,
  routeReasons,
  type Reason,
} from "../../flows/certificate-recovery/machine.ts";
import { feedbackReplies } from "../../flows/certificate-recovery/feedback.ts";
import { MESSAGES } from "../../flows/certificate-recovery/messages.ts";
import { FOLLOW_UP_SLOT, followUpReply, questionReply } from "../../flows/certificate-recovery/questions.ts";
import { detailIdOf } from "../../flows/certificate-recovery/blocks.ts";
import { buildRoute, DETAIL_SLOT, detailQuestion, detailReply } from "../../flows/certificate-recovery/routes.ts";
import type { CityConfig } from "../../flows/cities/schema.ts";
import { todayInTokyo } from "../calendar/index.ts";
import { detectPii } from "../nlu/index.ts";
import type { ReminderOffers } from "../reminders/offer.ts";
import type { SessionStore, StoredConversation, ValueWrite } from "../store/types.ts";
import { notFound } from "./errors.ts";
import type { InboundEvent } from "./events.ts";
import {
  choiceInWords,
  handoffOf,
  readHandoff,
  recentMessagesOf,
  ttlFor,
  withHandoff,
  withRecentMessage,
  type Handoff,
  type HandoffState,
} from "./handoff.ts";
import type { Reply } from "./reply.ts";
import type { Facts, IsoDate } from "./slots.ts";
import { choiceLabel, withTurn } from "./transcript.ts";
import { persistSnapshot, restoreSnapshot, sendToMachine, startMachine, type MachineSnapshot } from "./turn.ts";

/** Texts longer than this are cut before they are read: nobody describes a card problem in more. */
export const MAX_TEXT_LENGTH = 2_000;
const SEEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export interface RuntimeOptions {
  store: SessionStore;
  city: CityConfig;
  /** The clock (BOT_NOW freezes it). */
  now: () => Date;
  /** Idle conversations expire after this long. */
  idleTtlMs: number;
  /**
   * Migrations of stored snapshots by the version they were taken with. A snapshot of a version with
   * no migration (and not the current one) restarts the conversation politely.
   */
  migrations?: Record<number, (snapshot: unknown) => unknown>;
  /**
   * Called after every handled event (for the turn log and metrics). A plain callback so that the core
   * stays free of loggers and metric libraries; whatever it throws is ignored.
   */
  onTurn?: (turn: TurnRecord) => void;
  /** Called when handling an event failed (the error is rethrown to the channel afterwards). */
  onTurnError?: (failure: TurnFailure) => void;
  /**
   * Hand-off to the help desk (src/core/handoff.ts), when the desk is configured. A `contact-city`
   * route then opens a ticket, and a conversation under hand-off is forwarded to the desk instead of
   * the machine. Without it, `contact-city` shows the city's contacts only.
   */
  handoff?: Handoff;
  /** Reminders (issue 17, src/reminders/offer.ts): the opt-in after a dated route, 「通知を止める」, the calendar link. */
  reminders?: ReminderOffers;
  /**
   * Keep the transcript of these conversations in their meta (src/core/transcript.ts), for a channel
   * that shows a conversation again after a reload (the web chat). Unset: no transcript is kept.
   */
  keepTranscript?: (conversationId: string) => boolean;
}

/** One handled event, as {@link RuntimeOptions.onTurn} sees it. */
export interface TurnRecord {
  conversationId: string;
  /** The kind of inbound event (`start`, `text`, `choice`, `restart`, `facts`). */
  event: InboundEvent["kind"];
  /** Wall time of the turn, lock wait included. */
  ms: number;
  result: TurnResult;
}

/** One failed event, as {@link RuntimeOptions.onTurnError} sees it. */
export interface TurnFailure {
  conversationId: string;
  event: InboundEvent["kind"];
  ms: number;
  error: unknown;
}

/** What one event produced: the replies, and what the channel may show staff. */
export interface TurnResult {
  replies: Reply[];
  /** The conversation's locale after this turn (issue 14; set by the runtime once it stores the locale). */
  locale?: import("./locale.ts").Locale;
  /** The route reached in this turn, if any. */
  routeId?: string;
  /** Why decide() chose that route (typed codes with their facts; staff views word them). */
  reasons?: Reason[];
  /** Facts known after this turn (no PIN or 個人番号 can be among them). */
  facts: Facts;
  /** Questions asked so far in this diagnosis. */
  questionsAsked: number;
  /** The open question, if any. */
  pendingSlot?: string;
  /** The message carried a PIN or 個人番号 that was discarded. */
  piiFound: boolean;
  /** When `piiFound`: the resident's text as it was kept, the PIN or 個人番号 replaced by ＊＊＊＊. */
  redactedText?: string;
  /** True when this event started the conversation (new, expired or restarted after an update). */
  started: boolean;
  /** What this turn did to a hand-off: opened a ticket, forwarded the message to it, or withdrew it. */
  handoff?: "opened" | "forwarded" | "withdrawn";
  /** 「解決した」/「解決しない」 for a route, tapped in this turn (issue 18). */
  feedback?: { routeId: string; resolved: boolean };
  /**
   * The message (after the PII guard) when the language layer took no fact and no answer to the open
   * question from it (issue 18: the city learns what the bot cannot read). Never logged.
   */
  unreadText?: string;
}

export interface HandleOptions {
  /** Throw a 404 BotError instead of starting a conversation that does not exist. */
  mustExist?: boolean;
  /**
   * The step and its answer as one unit: records computed from the turn's result (an outbox of the
   * replies it owes) that are saved in the same write as the conversation's new state. A kill between
   * that save and the send then resends exactly these words, never a recomputed or a second answer.
   */
  outbox?: (result: TurnResult) => ValueWrite[];
  /** The caller already holds the conversation's lock (`store.withLock`): do not take it again. */
  lockHeld?: boolean;
}

export class ConversationRuntime {
  readonly #opts: RuntimeOptions;

  constructor(opts: RuntimeOptions) {
    this.#opts = opts;
  }

  get city(): CityConfig {
    return this.#opts.city;
  }

  /** Today in Asia/Tokyo by the runtime's clock. */
  today(): IsoDate {
    return todayInTokyo(this.#opts.now());
  }

  async exists(conversationId: string): Promise<boolean> {
    return (await this.#opts.store.get(conversationId)) !== undefined;
  }

  /** Forget a conversation (LINE unfollow). */
  async forget(conversationId: string, options: Pick<HandleOptions, "lockHeld"> = {}): Promise<void> {
    if (options.lockHeld) await this.#opts.store.delete(conversationId);
    else await this.#opts.store.withLock(conversationId, () => this.#opts.store.delete(conversationId));
    await this.#opts.reminders?.forget(conversationId);
  }

  /**
   * Whether a person has the conversation: `waiting` for staff, `active` with staff, `none`; `undefined`
   * when the conversation does not exist.
   */
  async handoffStatus(conversationId: string): Promise<"none" | "waiting" | "active" | undefined> {
    const stored = await this.#opts.store.get(conversationId);
    if (!stored) return undefined;
    return handoffOf(stored.meta)?.status ?? "none";
  }

  /** Read channel-side state kept beside the conversation. */
  async getMeta(conversationId: string): Promise<Record<string, unknown> | undefined> {
    return (await this.#opts.store.get(conversationId))?.meta;
  }

  /** Update channel-side state under the conversation's lock. */
  async updateMeta(
    conversationId: string,
    update: (meta: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    const { store, idleTtlMs } = this.#opts;
    await store.withLock(conversationId, async () => {
      const stored = await store.get(conversationId);
      if (!stored) return;
      const meta = update(stored.meta ?? {});
      await store.save(conversationId, { ...stored, meta, updatedAt: Date.now() }, ttlFor(meta, idleTtlMs));
    });
  }

  /** Handle one event of one conversation. */
  async handle(conversationId: string, event: InboundEvent, options: HandleOptions = {}): Promise<TurnResult> {
    const t0 = performance.now();
    let result: TurnResult;
    try {
      const step = () => this.#handleLocked(conversationId, event, options);
      result = options.lockHeld ? await step() : await this.#opts.store.withLock(conversationId, step);
    } catch (error) {
      const { onTurnError } = this.#opts;
      if (onTurnError) quietly(() => onTurnError({ conversationId, event: event.kind, ms: performance.now() - t0, error }));
      throw error;
    }
    const { onTurn } = this.#opts;
    if (onTurn) quietly(() => onTurn({ conversationId, event: event.kind, ms: performance.now() - t0, result }));
    return result;
  }

  async #handleLocked(conversationId: string, event: InboundEvent, options: HandleOptions): Promise<TurnResult> {
    const { store, idleTtlMs } = this.#opts;
    const today = this.today();
    const stored = event.kind === "start" ? undefined : await store.get(conversationId);
    if (!stored && options.mustExist) throw notFound("unknown conversation");

    // Hand-off: a conversation waiting for (or talking with) a person is the desk's, not the machine's.
    const handoff = this.#opts.handoff?.canHandOff(conversationId) ? this.#opts.handoff : undefined;
    let meta: Record<string, unknown> = stored?.meta ?? {};
    let handoffChange: TurnResult["handoff"];
    const read = readHandoff(meta);
    const underHandoff = read.kind === "ok" ? read.state : undefined;
    // Reminders (issue 17): an answer to the opt-in question, or 「通知を止める」 at any time.
    const reminded = await this.#opts.reminders?.intercept(conversationId, event, meta);
    if (reminded) return this.#reminderTurn(conversationId, stored, reminded.replies, reminded.meta, options);
    if (underHandoff && handoff && stored && (event.kind === "text" || event.kind === "choice")) {
      return this.#forwardLocked(conversationId, stored, underHandoff, handoff, event, options);
    }

    const notices: Reply[] = [];
    if (underHandoff) {
      // Starting over (or a hand-off left behind by a configuration without a desk) ends the hand-off.
      if (handoff) {
        notices.push(...(await handoff.withdraw(underHandoff)));
        handoffChange = "withdrawn";
      }
      meta = withHandoff(meta, undefined);
    }
    if (read.kind === "unreadable") {
      // A hand-off this version cannot read (HANDOFF_VERSION): withdrawn on the desk, the resident told.
      if (handoff) {
        notices.push(...(await handoff.withdrawUnreadable(conversationId, read)));
        handoffChange = "withdrawn";
      }
      meta = withHandoff(meta, undefined);
    }
    let snapshot = stored ? this.#restorable(stored, notices) : undefined;
    let started = snapshot === undefined;
    if (!stored && event.kind !== "start" && (await store.getValue(`seen:${conversationId}`))) {
      notices.push({ type: "text", text: MESSAGES.expired });
    }

    let piiFound = false;
    let residentText: string | undefined;
    let machineEvent: ConversationEvent | undefined;
    let detailReplies: Reply[] | undefined;
    switch (event.kind) {
      case "start":
        break;
      case "text": {
        const pii = detectPii(event.text.slice(0, MAX_TEXT_LENGTH));
        if (pii.kinds.length > 0 || event.piiRemoved) {
          piiFound = true;
          notices.push({ type: "text", text: MESSAGES.piiWarning });
        }
        residentText = pii.redacted;
        machineEvent = { type: "TEXT", text: pii.redacted, today };
        // Kept (redacted) for a ticket, only where a hand-off can happen.
        if (handoff) meta = withRecentMessage(meta, pii.redacted);
        break;
      }
      case "choice": {
        residentText = choiceLabel(meta, event.value);
        // A route's detail, tapped after the answer: shown from the facts as they are, no machine step.
        const detailId = detailIdOf(event.value);
        const routed = snapshot && !snapshot.context.pending ? snapshot.context.routeId : undefined;
        if (detailId && routed) {
          const ctx = { city: this.#opts.city, today };
          const shown = detailReply(routed, detailId, snapshot!.context.facts, ctx);
          if (shown) {
            detailReplies = [shown, ...detailQuestion(routed, snapshot!.context.facts, ctx, detailId), followUpReply()];
            break;
          }
        }
        machineEvent = {
          type: "CHOICE",
          value: event.value.slice(0, 100),
          ...(event.slot ? { slot: event.slot.slice(0, 40) } : {}),
          today,
        };
        break;
      }
      case "restart":
        machineEvent = { type: "RESTART", today };
        break;
      case "facts":
        snapshot = undefined;
        started = true;
        break;
    }

    const outputs: ConversationOutput[] = [];
    let after = snapshot ?? startMachine({ today, ...(event.kind === "facts" ? { facts: event.facts } : {}) }, outputs);
    // A conversation opened by a message (or a form, or a menu tap) goes straight to it: no greeting.
    if (started && event.kind !== "start" && event.kind !== "facts") outputs.length = 0;
    if (event.kind === "facts") {
      const firstStep = outputs.findIndex((o) => o.type !== "say");
      if (firstStep > 0) outputs.splice(0, firstStep);
    }
    // Issue 18: nothing read from the text (no fact, no answer to the open question).
    const unread = machineEvent?.type === "TEXT" && readsNothing(machineEvent, after.context);
    if (machineEvent) after = sendToMachine(after, machineEvent, outputs);
    const persisted = persistSnapshot(after);

    const context: ConversationContext = after.context;
    let replies = [...notices, ...(detailReplies ?? outputs.flatMap((o) => this.#render(o, context, today, handoff !== undefined)))];
    const route = outputs.find((o) => o.type === "route");
    const feedback = outputs.find((o) => o.type === "feedback");

    if (handoff && route?.routeId === "contact-city" && !handoffOf(meta)) {
      // Staff want the answer the resident had before asking for a person (「窓口に相談したい」 after a route).
      const before = snapshot?.context.routeId;
      const shown = before && before !== "contact-city" ? buildRoute(before, context.facts, { city: this.#opts.city, today }) : undefined;
      const opened = await handoff.open(conversationId, {
        facts: context.facts,
        ...(shown ? { route: { routeId: shown.routeId, title: shown.title } } : {}),
        recentMessages: recentMessagesOf(meta),
      });
      const followUp = replies.findIndex((r) => r.type === "question" && r.slot === FOLLOW_UP_SLOT);
      if (opened.state) {
        // A person answers next: no buttons that the desk would receive as messages.
        meta = withHandoff(meta, opened.state);
        handoffChange = "opened";
        if (followUp >= 0) replies.splice(followUp, 1);
        replies = [...replies.filter((r) => !(r.type === "question" && r.slot === DETAIL_SLOT)), ...opened.replies];
      } else {
        replies.splice(followUp >= 0 ? followUp : replies.length, 0, ...opened.replies);
      }
    }

    if (this.#opts.reminders) {
      ({ replies, meta } = this.#opts.reminders.decorate(conversationId, route?.routeId, context.facts, replies, meta, today));
    }

    if (this.#opts.keepTranscript?.(conversationId)) meta = withTurn(meta, residentText, replies);
    const envelope: StoredConversation = {
      machineId: MACHINE_ID,
      version: MACHINE_VERSION,
      snapshot: persisted,
      ...(Object.keys(meta).length > 0 ? { meta } : {}),
      updatedAt: Date.now(),
    };
    const result: TurnResult = {
      replies,
      ...(route ? { routeId: route.routeId, reasons: routeReasons(context) } : {}),
      facts: context.facts,
      questionsAsked: context.asked.length,
      ...(context.pending ? { pendingSlot: context.pending } : {}),
      piiFound,
      ...(piiFound && residentText !== undefined ? { redactedText: residentText } : {}),
      started,
      ...(handoffChange ? { handoff: handoffChange } : {}),
      ...(feedback ? { feedback: { routeId: feedback.routeId, resolved: feedback.resolved } } : {}),
      ...(unread && machineEvent?.type === "TEXT" && machineEvent.text.trim() ? { unreadText: machineEvent.text } : {}),
    };
    // A started conversation leaves a `seen:` marker (for the "expired" notice), written with it, and
    // so is the outbox the caller asked for.
    const values: ValueWrite[] = started ? [{ key: `seen:${conversationId}`, value: "1", ttlMs: SEEN_TTL_MS }] : [];
    if (options.outbox) values.push(...options.outbox(result));
    await store.save(conversationId, envelope, ttlFor(meta, idleTtlMs), values.length > 0 ? values : undefined);
    return result;
  }

  /** A resident's message while a person has the conversation: to the ticket, not to the machine. */
  async #forwardLocked(
    conversationId: string,
    stored: StoredConversation,
    state: HandoffState,
    handoff: Handoff,
    event: Extract<InboundEvent, { kind: "text" | "choice" }>,
    options: HandleOptions,
  ): Promise<TurnResult> {
    const notices: Reply[] = [];
    let piiFound = false;
    let text: string;
    if (event.kind === "text") {
      const pii = detectPii(event.text.slice(0, MAX_TEXT_LENGTH));
      if (pii.kinds.length > 0 || event.piiRemoved) {
        piiFound = true;
        notices.push({ type: "text", text: MESSAGES.piiWarning });
      }
      text = pii.redacted;
    } else {
      text = choiceInWords(event.value, event.slot);
    }
    const forwarded = await handoff.forward(state, text);
    let meta = withHandoff(stored.meta ?? {}, forwarded.state);
    if (this.#opts.keepTranscript?.(conversationId)) {
      meta = withTurn(meta, event.kind === "text" ? text : choiceLabel(meta, event.value), [...notices, ...forwarded.replies]);
    }
    const context = (stored.snapshot as { context?: Partial<ConversationContext> } | undefined)?.context;
    const result: TurnResult = {
      replies: [...notices, ...forwarded.replies],
      facts: context?.facts ?? {},
      questionsAsked: context?.asked?.length ?? 0,
      piiFound,
      ...(piiFound ? { redactedText: text } : {}),
      started: false,
      handoff: "forwarded",
    };
    const values = options.outbox?.(result);
    await this.#opts.store.save(conversationId, { ...stored, meta, updatedAt: Date.now() }, ttlFor(meta, this.#opts.idleTtlMs), values);
    return result;
  }

  /** A turn answered by the reminders (issue 17): the machine is not fed, only `meta` changes. */
  async #reminderTurn(
    conversationId: string,
    stored: StoredConversation | undefined,
    replies: Reply[],
    meta: Record<string, unknown>,
    options: HandleOptions,
  ): Promise<TurnResult> {
    const context = (stored?.snapshot as { context?: Partial<ConversationContext> } | undefined)?.context;
    const result: TurnResult = { replies, facts: context?.facts ?? {}, questionsAsked: context?.asked?.length ?? 0, piiFound: false, started: false };
    // The answer it owes is saved with the state, as for any turn (HandleOptions.outbox).
    const values = options.outbox?.(result) ?? [];
    if (stored) {
      const { meta: _, ...rest } = stored;
      const next = { ...rest, ...(Object.keys(meta).length > 0 ? { meta } : {}), updatedAt: Date.now() };
      await this.#opts.store.save(conversationId, next, ttlFor(meta, this.#opts.idleTtlMs), values);
    } else {
      for (const v of values) await this.#opts.store.setValue(v.key, v.value, v.ttlMs);
    }
    return result;
  }

  /** The stored snapshot if this machine can resume it (migrated if need be); otherwise a notice. */
  #restorable(stored: StoredConversation, notices: Reply[]): MachineSnapshot | undefined {
    if (stored.machineId === MACHINE_ID && stored.version === MACHINE_VERSION) {
      const restored = restoreSnapshot(stored.snapshot);
      if (restored) return restored;
    }
    const migrate = stored.machineId === MACHINE_ID ? this.#opts.migrations?.[stored.version] : undefined;
    if (migrate) {
      try {
        const restored = restoreSnapshot(migrate(stored.snapshot));
        if (restored) return restored;
      } catch {
        // fall through to a polite restart
      }
    }
    notices.push({ type: "text", text: MESSAGES.versionChanged });
    return undefined;
  }

  #render(output: ConversationOutput, context: ConversationContext, today: IsoDate, canHandOff: boolean): Reply[] {
    switch (output.type) {
      case "say":
        return [{ type: "text", text: MESSAGES[output.key] }];
      case "ask":
        return [questionReply(output.slot, today, output.retry, output.reason)];
      case "route": {
        const ctx = { city: this.#opts.city, today };
        return [buildRoute(output.routeId, context.facts, ctx), ...detailQuestion(output.routeId, context.facts, ctx)];
      }
      case "followUp":
        return [followUpReply()];
      case "feedback":
        return feedbackReplies(output.resolved, { city: this.#opts.city, today, facts: context.facts, canHandOff });
    }
  }
}

/** Run an observer callback; an observer must never break a conversation. */
function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // ignored on purpose
  }
}
