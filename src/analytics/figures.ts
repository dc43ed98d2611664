/**
 * The daily figures (issue 18): what the bot did each day (Asia/Tokyo), counted in the session store's
 * tallies (./tally.ts) and kept {@link FIGURES_TTL_DAYS} days. No conversation id, no text: counts only.
 *
 * One tally per day, `figures:<YYYY-MM-DD>`, with these fields:
 *
 * | field | counts |
 * |---|---|
 * | `conversations:<channel>:<locale>` | conversations started (web, line, slack; locale `ja` for now) |
 * | `questions` | questions asked (a question asked again counts again; not the follow-up) |
 * | `route:<routeId>` | answers (routes) given |
 * | `routeQuestions:<routeId>` | questions asked before those answers, summed |
 * | `resolved:<routeId>` / `notResolved:<routeId>` | 「解決した」 / 「解決しない」 after that route |
 * | `handoffsOpened` | tickets opened for the help desk |
 * | `handoffsTaken` / `handoffWaitSeconds` | tickets a person took, and the seconds they waited, summed |
 */
import { addDays, todayInTokyo } from "../calendar/index.ts";
import type { TurnRecord } from "../core/runtime.ts";
import type { IsoDate } from "../core/slots.ts";
import { channelOf } from "../observability/metrics.ts";
import type { TallyStore } from "./tally.ts";

export const FIGURES_TTL_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;
const FIGURES_TTL_MS = FIGURES_TTL_DAYS * DAY_MS;

export const figuresKey = (day: IsoDate) => `figures:${day}`;
/** The tally of tickets not yet closed: ticket id → opened at (epoch ms). */
export const OPEN_HANDOFFS_KEY = "handoffs:open";
const OPEN_HANDOFFS_TTL_MS = 15 * DAY_MS;

/** One day's figures, read back. */
export interface DayFigures {
  day: IsoDate;
  /** By `<channel>:<locale>`. */
  conversations: Record<string, number>;
  questions: number;
  /** By route id. */
  routes: Record<string, { answers: number; questionsAsked: number; resolved: number; notResolved: number }>;
  handoffsOpened: number;
  handoffsTaken: number;
  /** Summed minutes until a person took a ticket (divide by handoffsTaken for the average). */
  handoffWaitMinutes: number;
}

/** What one handled turn adds to the day's figures (empty when nothing). */
export function turnIncrements(turn: TurnRecord, locale = "ja"): Record<string, number> {
  const r = turn.result;
  const add: Record<string, number> = {};
  const inc = (field: string, n = 1) => {
    if (n > 0) add[field] = (add[field] ?? 0) + n;
  };
  if (r.started) inc(`conversations:${channelOf(turn.conversationId)}:${locale}`);
  inc("questions", r.replies.filter((x) => x.type === "question" && x.slot !== "followUp").length);
  if (r.routeId) {
    inc(`route:${r.routeId}`);
    inc(`routeQuestions:${r.routeId}`, r.questionsAsked);
  }
  if (r.feedback) inc(`${r.feedback.resolved ? "resolved" : "notResolved"}:${r.feedback.routeId}`);
  return add;
}

/** Records the figures; every method is fire-and-forget safe (errors go to `onError`). */
export class Figures {
  readonly #tally: TallyStore;
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;
  /** Writes not yet done (tests wait for them). */
  readonly #pending = new Set<Promise<void>>();

  constructor(tally: TallyStore, opts: { now: () => Date; onError?: (error: unknown) => void }) {
    this.#tally = tally;
    this.#now = opts.now;
    this.#onError = opts.onError ?? (() => {});
  }

  get tally(): TallyStore {
    return this.#tally;
  }

  today(): IsoDate {
    return todayInTokyo(this.#now());
  }

  /** Count a handled turn. */
  turn(turn: TurnRecord): void {
    const add = turnIncrements(turn);
    if (Object.keys(add).length > 0) this.#track(this.#tally.add(figuresKey(this.today()), add, FIGURES_TTL_MS));
  }

  /** A ticket was opened at `openedAt`. */
  handoffOpened(ticketId: string, openedAt: Date): void {
    this.#track(
      (async () => {
        await this.#tally.add(figuresKey(todayInTokyo(openedAt)), { handoffsOpened: 1 }, FIGURES_TTL_MS);
        await this.#tally.set(OPEN_HANDOFFS_KEY, { [ticketId]: openedAt.getTime() }, OPEN_HANDOFFS_TTL_MS);
      })(),
    );
  }

  /** A person took the ticket opened at `openedAt` (counted on the day they took it). */
  handoffTaken(_ticketId: string, openedAt: Date): void {
    const now = this.#now();
    const seconds = Math.max(0, Math.round((now.getTime() - openedAt.getTime()) / 1000));
    this.#track(this.#tally.add(figuresKey(todayInTokyo(now)), { handoffsTaken: 1, handoffWaitSeconds: seconds }, FIGURES_TTL_MS));
  }

  /** The ticket was resolved or withdrawn. */
  handoffClosed(ticketId: string): void {
    this.#track(this.#tally.remove(OPEN_HANDOFFS_KEY, [ticketId]));
  }

  /** Resolves when every write started so far is done. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Track a write started elsewhere (e.g. the unread messages). */
  track(write: Promise<void>): void {
    this.#track(write);
  }

  #track(write: Promise<void>): void {
    const p = write.catch((error: unknown) => {
      try {
        this.#onError(error);
      } catch {
        // an observer never breaks a conversation
      }
    });
    this.#pending.add(p);
    void p.finally(() => this.#pending.delete(p));
  }
}

/** The figures of every day from `since` to `until` (inclusive), oldest first. */
export async function readFigures(tally: TallyStore, since: IsoDate, until: IsoDate): Promise<DayFigures[]> {
  const days: IsoDate[] = [];
  for (let d = since; d <= until && days.length <= 800; d = addDays(d, 1)) days.push(d);
  return Promise.all(days.map(async (day) => toDayFigures(day, await tally.read(figuresKey(day)))));
}

export function toDayFigures(day: IsoDate, fields: Record<string, number>): DayFigures {
  const out: DayFigures = {
    day,
    conversations: {},
    questions: fields.questions ?? 0,
    routes: {},
    handoffsOpened: fields.handoffsOpened ?? 0,
    handoffsTaken: fields.handoffsTaken ?? 0,
    handoffWaitMinutes: Math.round(((fields.handoffWaitSeconds ?? 0) / 60) * 10) / 10,
  };
  const route = (id: string) => (out.routes[id] ??= { answers: 0, questionsAsked: 0, resolved: 0, notResolved: 0 });
  for (const [field, n] of Object.entries(fields)) {
    const [kind, ...rest] = field.split(":");
    const id = rest.join(":");
    if (kind === "conversations") out.conversations[id] = n;
    else if (kind === "route") route(id).answers += n;
    else if (kind === "routeQuestions") route(id).questionsAsked += n;
    else if (kind === "resolved") route(id).resolved += n;
    else if (kind === "notResolved") route(id).notResolved += n;
  }
  return out;
}

/** Several days added up (the App Home's "last 7 days"). */
export function sumFigures(days: readonly DayFigures[]): Omit<DayFigures, "day"> {
  const total: Omit<DayFigures, "day"> = {
    conversations: {},
    questions: 0,
    routes: {},
    handoffsOpened: 0,
    handoffsTaken: 0,
    handoffWaitMinutes: 0,
  };
  for (const d of days) {
    for (const [k, n] of Object.entries(d.conversations)) total.conversations[k] = (total.conversations[k] ?? 0) + n;
    total.questions += d.questions;
    for (const [id, r] of Object.entries(d.routes)) {
      const t = (total.routes[id] ??= { answers: 0, questionsAsked: 0, resolved: 0, notResolved: 0 });
      t.answers += r.answers;
      t.questionsAsked += r.questionsAsked;
      t.resolved += r.resolved;
      t.notResolved += r.notResolved;
    }
    total.handoffsOpened += d.handoffsOpened;
    total.handoffsTaken += d.handoffsTaken;
    total.handoffWaitMinutes = Math.round((total.handoffWaitMinutes + d.handoffWaitMinutes) * 10) / 10;
  }
  return total;
}
