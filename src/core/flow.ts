/**
 * The port between the core and a conversation flow (issue 13): the core knows no flow. The runtime
 * (src/core/runtime.ts) and the hand-off (src/core/handoff.ts) are given a {@link Flow} — its machine's
 * turns, its id and version, and its renderers — and never import flows/. A second flow, or a new
 * locale, is an argument, not an edit to the core (test/boundary.test.ts holds the line).
 *
 * Every member that produces words a resident reads takes the conversation's {@link Locale}; the flow's
 * catalogs hold the words. Staff-facing words (a ticket's facts, a tapped button in words) stay Japanese.
 *
 * `City` is the flow's own city configuration (opaque to the core: it is handed back to the flow's
 * renderers); `Reason` is the flow's "why this route" (handed on in TurnResult.reasons to staff views).
 */
import type { Locale } from "./locale.ts";
import type { Choice, Reply } from "./reply.ts";
import type { Facts, IsoDate } from "./slots.ts";

/** What the core reads of a flow's machine context. */
export interface FlowContext {
  facts: Facts;
  /** The slot of the question now open. */
  pending?: string;
  /** Slots asked in this diagnosis, in order. */
  asked: readonly string[];
  /** The route reached, if any. */
  routeId?: string;
}

/** A machine snapshot, opaque to the core beyond its context. */
export interface FlowSnapshot {
  readonly context: FlowContext;
}

/** Every event carries today's date so that the machine stays a pure function of its inputs. */
export type FlowEvent =
  | { type: "TEXT"; text: string; today: IsoDate }
  | { type: "CHOICE"; value: string; slot?: string; today: IsoDate }
  | { type: "RESTART"; today: IsoDate };

/** What the machine wants said; the flow renders these into Replies ({@link Flow.render}). */
export type FlowOutput =
  | { type: "say"; key: string }
  | { type: "ask"; slot: string; retry: boolean; reason?: string }
  | { type: "route"; routeId: string }
  | { type: "followUp" }
  /** 「解決した」/「解決しない」 after a route (issue 18). */
  | { type: "feedback"; routeId: string; resolved: boolean };

/** A new conversation: today, and facts to start from (the Slack staff form). */
export interface FlowInput {
  today: IsoDate;
  facts?: Facts;
}

/** What a flow's renderers are given. */
export interface RenderContext<City> {
  city: City;
  today: IsoDate;
  /** The conversation's language. */
  locale: Locale;
  /** The facts known after the step (a route's answer is built from them). */
  facts: Facts;
  /** A person at the help desk can take this conversation over. */
  canHandOff: boolean;
}

/** Fixed sentences the core says by itself, outside the machine's outputs. */
export type NoticeKey =
  /** The conversation expired: it starts again. */
  | "expired"
  /** The stored conversation cannot be resumed by this version. */
  | "versionChanged"
  /** A PIN or 個人番号 was discarded. */
  | "piiWarning"
  /** The conversation's language was switched (issue 14). */
  | "localeSwitched";

/** What the hand-off says to the resident, in the conversation's locale. */
export interface HandoffWords {
  openedWithinHours(hoursText: string): string;
  openedOutsideHours(opensAt: string, hoursText: string): string;
  openedNoHours(hoursText: string): string;
  readonly forwarded: string;
  readonly staffPrefix: string;
  readonly resolved: string;
  readonly withdrawn: string;
  readonly unreadable: string;
  readonly unavailable: string;
}

/** A fact in words, for staff (a ticket). */
export interface FactLabel {
  label: string;
  value: string;
}

export interface Flow<City = any, Reason = any> {
  /** The machine's id and version, stored with every snapshot; a snapshot of another restarts politely. */
  readonly id: string;
  readonly version: number;

  // ---- the machine's turns (src/core/turn.ts) ----
  start(input: FlowInput, outputs: FlowOutput[]): FlowSnapshot;
  send(snapshot: FlowSnapshot, event: FlowEvent, outputs: FlowOutput[]): FlowSnapshot;
  persist(snapshot: FlowSnapshot): unknown;
  restore(stored: unknown): FlowSnapshot | undefined;
  /** Issue 18: a TEXT event that tells the machine nothing in this context (no fact, no answer). */
  readsNothing(event: { text: string; today: IsoDate }, context: FlowContext): boolean;
  /** Why the context's diagnosis ends in its route (empty while a question is open). */
  routeReasons(context: FlowContext): Reason[];

  // ---- what the resident reads (every one in the conversation's locale) ----
  /**
   * One step's outputs as replies. The flow sees the whole step, so that, say, the greeting's first
   * question can offer the languages.
   */
  render(outputs: readonly FlowOutput[], ctx: RenderContext<City>): Reply[];
  /** A fixed sentence the core says by itself. */
  notice(key: NoticeKey, locale: Locale): string;
  /**
   * A tapped choice that asks for more of the route already shown (a detail), answered without a
   * machine step; undefined when `value` is no such choice for this route.
   */
  detail(value: string, routeId: string, ctx: RenderContext<City>): Reply[] | undefined;
  /** The title of a route, in the flow's staff language, for the ticket of a hand-off that follows it. */
  routeTitle(routeId: string, ctx: RenderContext<City>): string | undefined;
  /** The slots of the questions offered after a route: its details, and the follow-up. */
  readonly detailSlot: string;
  readonly followUpSlot: string;
  /** The choices that switch the conversation's language (`locale:<l>`), labelled in the flow's words. */
  localeChoices(locale: Locale): Choice[];
  /** The hand-off's sentences. */
  handoffWords(locale: Locale): HandoffWords;

  // ---- what staff read (Japanese) ----
  factLabels(facts: Facts): FactLabel[];
  /** A tapped choice in words: the button's label when the flow knows it. */
  choiceInWords(value: string, slot: string | undefined): string;
}
