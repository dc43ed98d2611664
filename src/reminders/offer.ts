/**
 * Reminders in the conversation (issue 17), beside the machine rather than inside it: the runtime asks
 * this module, around each turn,
 * - {@link ReminderOffers.intercept}: is the event an answer to the open reminder question (a tap on
 *   yes/no, or a typed はい/いいえ), or 「通知を止める」 / "stop reminders"? Then it is answered here and the
 *   machine never sees it;
 * - {@link ReminderOffers.decorate}: after a route that knows a date (src/reminders/plan.ts), on LINE
 *   the follow-up choices give way to the opt-in question (the last message of the reply, so that its
 *   quick replies are the ones LINE shows; the follow-up comes once it is answered); on the web chat
 *   the route gains a 「カレンダーに追加」 link to a `.ics` file that stores nothing.
 *
 * The open question lives in the conversation's `meta` (`reminderOffer`: kind and dates, nothing
 * about the resident) and ends with the next turn, whatever it is. Imports no platform.
 */
import { REMINDER_MESSAGES, STOP_WORDS, NO_WORDS, YES_WORDS } from "../../flows/certificate-recovery/reminder-messages.ts";
import { followUpReply } from "../../flows/certificate-recovery/questions.ts";
import type { RouteId } from "../../flows/certificate-recovery/routes-ids.ts";
import type { WeeklyHours } from "../calendar/index.ts";
import type { InboundEvent } from "../core/events.ts";
import type { QuestionReply, Reply, RouteReply } from "../core/reply.ts";
import type { Facts, IsoDate } from "../core/slots.ts";
import { normalize } from "../nlu/index.ts";
import { planReminder, reminderId, sendTime, type ReminderPlan } from "./plan.ts";
import { REMINDER_KINDS, REMINDER_LOCALES, type Reminder, type ReminderKind, type ReminderLocale, type ReminderStore } from "./types.ts";

/** The slot of the opt-in question (a contract addition, like `followUp`): values `yes` · `no`. */
export const REMINDER_SLOT = "reminder";
const META_KEY = "reminderOffer";
/** Longest message read as 「通知を止める」 (a longer one is a question for the diagnosis). */
const STOP_MAX_LENGTH = 40;

export type ReminderCancelReason = "stop" | "unfollow";

/** The LINE user id of a 1:1 LINE conversation (`line:U…`): only there can a push reach who asked. */
export function lineUserIdOf(conversationId: string): string | undefined {
  return /^line:(U[0-9a-f]{32})$/.exec(conversationId)?.[1];
}

export interface ReminderOffersOptions {
  store: ReminderStore;
  /** The counter's weekly hours: a reminder moves to the first day it is open. */
  counterHours: WeeklyHours;
  /** The LINE user id of a conversation whose resident can be reminded (a 1:1 LINE chat), else undefined. */
  remindable(conversationId: string): string | undefined;
  /** Ask the opt-in question on LINE (false with REMINDERS=off: 「通知を止める」 still works). */
  offer: boolean;
  /** Where the web chat's `.ics` is served (e.g. `/api/chat/calendar.ics`); unset: no calendar link. */
  calendarPath?: string;
  /** Whether a conversation's routes get the calendar link (the web chat). */
  calendarFor?(conversationId: string): boolean;
  onScheduled?(kind: ReminderKind): void;
  onCancelled?(reason: ReminderCancelReason, count: number): void;
}

/** The open opt-in question, as kept in meta. */
interface OpenOffer extends ReminderPlan {
  locale: ReminderLocale;
  /**
   * The route's other questions (its details, issue 13) held back while the reminder is asked, so that
   * the reminder's yes/no are the only quick replies LINE shows; offered again once it is answered.
   */
  held?: QuestionReply[];
}

/** What an intercepted event answers, and the conversation's meta after it. */
export interface Intercepted {
  replies: Reply[];
  meta: Record<string, unknown>;
}

export class ReminderOffers {
  readonly #opts: ReminderOffersOptions;

  constructor(opts: ReminderOffersOptions) {
    this.#opts = opts;
  }

  /** Answer the event here when it is about reminders; undefined lets the machine have it. */
  async intercept(conversationId: string, event: InboundEvent, meta: Record<string, unknown>): Promise<Intercepted | undefined> {
    const userId = this.#opts.remindable(conversationId);
    if (!userId) return undefined;
    const offer = openOffer(meta);
    const locale = offer?.locale ?? localeOf(meta);
    const copy = REMINDER_MESSAGES[locale];
    const rest = withoutOffer(meta);
    const after: Reply[] = offer ? [...(offer.held ?? []), followUpReply(locale)] : [];

    if (event.kind === "text" && event.text.length <= STOP_MAX_LENGTH && STOP_WORDS.test(normalize(event.text))) {
      const count = await this.#opts.store.cancelUser(userId);
      if (count > 0) this.#opts.onCancelled?.("stop", count);
      return { replies: [{ type: "text", text: copy.stopped(count) }, ...after], meta: rest };
    }
    if (!offer) return undefined;
    const answer = answerOf(event);
    if (answer === undefined) return undefined;
    if (answer === "no") return { replies: [{ type: "text", text: copy.declined }, ...after], meta: rest };

    const plans = [offer, ...(offer.also ?? [])];
    const reminders: Reminder[] = plans.map((p) => ({
      id: reminderId(userId, p.kind),
      userId,
      kind: p.kind,
      date: p.date,
      locale,
      dueAt: sendTime(p.dueDate),
    }));
    await this.#opts.store.schedule(reminders);
    for (const r of reminders) this.#opts.onScheduled?.(r.kind);
    return { replies: [{ type: "text", text: copy.scheduled(offer.dueDate, offer.also?.[0]?.dueDate) }, ...after], meta: rest };
  }

  /**
   * After a machine turn: close any open offer; after a route with a date ahead, open one (LINE) or
   * add the calendar link (web).
   */
  decorate(
    conversationId: string,
    routeId: RouteId | undefined,
    facts: Facts,
    replies: Reply[],
    meta: Record<string, unknown>,
    today: IsoDate,
  ): Intercepted {
    let next = withoutOffer(meta);
    const plan = routeId ? planReminder(routeId, facts, today, this.#opts.counterHours) : undefined;
    if (!plan) return { replies, meta: next };
    const locale = localeOf(meta);
    const copy = REMINDER_MESSAGES[locale];

    if (this.#opts.offer && this.#opts.remindable(conversationId)) {
      const followUp = replies.findIndex((r) => r.type === "question" && r.slot === "followUp");
      // Only where the route's reply ends with the follow-up (not under a hand-off, for one).
      if (followUp !== replies.length - 1) return { replies, meta: next };
      const question: QuestionReply = {
        type: "question",
        slot: REMINDER_SLOT,
        text: copy.question(plan.kind, plan.date, plan.dueDate),
        input: "choice",
        choices: [
          { label: copy.yesLabel, value: "yes" },
          { label: copy.noLabel, value: "no" },
        ],
      };
      const before = replies.slice(0, followUp);
      const held = before.filter((r): r is QuestionReply => r.type === "question");
      const offer: OpenOffer = { ...plan, locale, ...(held.length > 0 ? { held } : {}) };
      next = { ...next, [META_KEY]: offer };
      return { replies: [...before.filter((r) => r.type !== "question"), question], meta: next };
    }

    if (this.#opts.calendarPath && this.#opts.calendarFor?.(conversationId)) {
      const url = `${this.#opts.calendarPath}?${new URLSearchParams({ kind: plan.kind, date: plan.date, locale })}`;
      const link = { label: copy.calendarLabel, url };
      return {
        replies: replies.map((r): Reply => (r.type === "route" && r.routeId === routeId ? withLink(r, link) : r)),
        meta: next,
      };
    }
    return { replies, meta: next };
  }

  /** The resident blocked the account (LINE unfollow): delete their reminders. */
  async forget(conversationId: string): Promise<void> {
    const userId = this.#opts.remindable(conversationId);
    if (!userId) return;
    const count = await this.#opts.store.cancelUser(userId);
    if (count > 0) this.#opts.onCancelled?.("unfollow", count);
  }
}

function withLink(route: RouteReply, link: { label: string; url: string }): RouteReply {
  return { ...route, links: [...(route.links ?? []), link], text: `${route.text}\n${link.label}：${link.url}` };
}

function answerOf(event: InboundEvent): "yes" | "no" | undefined {
  if (event.kind === "choice") {
    if (event.slot !== undefined && event.slot !== REMINDER_SLOT) return undefined;
    return event.value === "yes" || event.value === "no" ? event.value : undefined;
  }
  if (event.kind === "text" && event.text.length <= STOP_MAX_LENGTH) {
    const text = normalize(event.text).trim();
    if (NO_WORDS.test(text)) return "no";
    if (YES_WORDS.test(text)) return "yes";
  }
  return undefined;
}

const isKind = (v: unknown): v is ReminderKind => typeof v === "string" && (REMINDER_KINDS as readonly string[]).includes(v);
const isDate = (v: unknown): v is IsoDate => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The conversation's locale (`meta.locale`, when a channel set one), else `ja`. */
export function localeOf(meta: Record<string, unknown> | undefined): ReminderLocale {
  const l = meta?.locale;
  return typeof l === "string" && (REMINDER_LOCALES as readonly string[]).includes(l) ? (l as ReminderLocale) : "ja";
}

function openOffer(meta: Record<string, unknown>): OpenOffer | undefined {
  const o = meta[META_KEY] as Partial<OpenOffer> | undefined;
  if (!o || !isKind(o.kind) || !isDate(o.date) || !isDate(o.dueDate)) return undefined;
  const also = Array.isArray(o.also) ? o.also.filter((a) => isKind(a?.kind) && isDate(a?.date) && isDate(a?.dueDate)) : [];
  return { kind: o.kind, date: o.date, dueDate: o.dueDate, ...(also.length ? { also } : {}), locale: localeOf({ locale: o.locale }) };
}

function withoutOffer(meta: Record<string, unknown>): Record<string, unknown> {
  if (!(META_KEY in meta)) return meta;
  const { [META_KEY]: _, ...rest } = meta;
  return rest;
}
