/**
 * What the Slack App Home shows help-desk staff (issue 18), platform-free: today and the last 7 days
 * (conversations, the top routes, the resolved rate), the hand-offs still open with their age, and the
 * most frequent messages the bot could not read. The Slack channel renders it (src/channels/slack/home.ts).
 */
import { addDays, todayInTokyo } from "../calendar/index.ts";
import type { IsoDate } from "../core/slots.ts";
import { OPEN_HANDOFFS_KEY, readFigures, sumFigures, type DayFigures } from "./figures.ts";
import type { TallyStore } from "./tally.ts";
import { topUnread } from "./unread.ts";

export interface PeriodSummary {
  since: IsoDate;
  until: IsoDate;
  conversations: number;
  answers: number;
  /** The most answered routes, most first (at most 5). */
  topRoutes: { routeId: string; answers: number }[];
  resolved: number;
  notResolved: number;
  /** resolved / (resolved + notResolved), or undefined without any answer to 「解決しましたか？」. */
  resolvedRate?: number;
  handoffsOpened: number;
}

export interface HomeSummary {
  /** When it was read (the runtime's clock). */
  now: Date;
  today: PeriodSummary;
  week: PeriodSummary;
  /** Tickets not yet resolved or withdrawn, oldest first. */
  openHandoffs: { ticketId: string; openedAt: Date; ageMinutes: number }[];
  /** The 10 most frequent unread messages of the last 7 days. */
  unread: { text: string; count: number }[];
}

export const HOME_TOP_ROUTES = 5;
export const HOME_UNREAD = 10;

function summarise(days: readonly DayFigures[], since: IsoDate, until: IsoDate): PeriodSummary {
  const t = sumFigures(days);
  const routes = Object.entries(t.routes).map(([routeId, r]) => ({ routeId, ...r }));
  const resolved = routes.reduce((n, r) => n + r.resolved, 0);
  const notResolved = routes.reduce((n, r) => n + r.notResolved, 0);
  return {
    since,
    until,
    conversations: Object.values(t.conversations).reduce((a, b) => a + b, 0),
    answers: routes.reduce((n, r) => n + r.answers, 0),
    topRoutes: routes
      .filter((r) => r.answers > 0)
      .sort((a, b) => b.answers - a.answers || a.routeId.localeCompare(b.routeId))
      .slice(0, HOME_TOP_ROUTES)
      .map((r) => ({ routeId: r.routeId, answers: r.answers })),
    resolved,
    notResolved,
    ...(resolved + notResolved > 0 ? { resolvedRate: resolved / (resolved + notResolved) } : {}),
    handoffsOpened: t.handoffsOpened,
  };
}

export async function homeSummary(tally: TallyStore, now: Date): Promise<HomeSummary> {
  const today = todayInTokyo(now);
  const weekStart = addDays(today, -6);
  const days = await readFigures(tally, weekStart, today);
  const open = await tally.read(OPEN_HANDOFFS_KEY);
  return {
    now,
    today: summarise(days.filter((d) => d.day === today), today, today),
    week: summarise(days, weekStart, today),
    openHandoffs: Object.entries(open)
      .map(([ticketId, at]) => ({ ticketId, openedAt: new Date(at), ageMinutes: Math.max(0, Math.floor((now.getTime() - at) / 60_000)) }))
      .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime()),
    unread: await topUnread(tally, weekStart, today, HOME_UNREAD),
  };
}
