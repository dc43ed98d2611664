import { TZDate } from "@date-fns/tz";
import type { IsoDate } from "../core/slots.ts";
import { addDays, dateParts, TOKYO, todayInTokyo, weekdayOf } from "./dates.ts";
import { isNationalHoliday, isYearEndClosure } from "./business.ts";
import { formatJapaneseDate } from "./format.ts";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
/** Opening hours per weekday, Tokyo wall-clock `HH:MM` (`close` exclusive, may be `24:00`). */
export type WeeklyHours = { [weekday in Weekday]?: { open: string; close: string }[] };

const KEYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function minutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Not a time (HH:MM): ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Opening ranges in minutes on Tokyo date `d`; none on holidays, 12/29–1/3 and `closedDates`. */
function rangesOn(d: IsoDate, hours: WeeklyHours, closedDates: readonly IsoDate[]): [number, number][] {
  if (closedDates.includes(d) || isNationalHoliday(d) || isYearEndClosure(d)) return [];
  return (hours[KEYS[weekdayOf(d)] ?? "sun"] ?? []).map((r) => [minutes(r.open), minutes(r.close)]);
}

/** The instant of Tokyo wall-clock `min` minutes after midnight on `d`. */
function instant(d: IsoDate, min: number): Date {
  const p = dateParts(d);
  return new Date(new TZDate(p.y, p.m - 1, p.d, 0, min, TOKYO).getTime());
}

function minuteOfDayInTokyo(now: Date): number {
  const t = new TZDate(now.getTime(), TOKYO);
  return t.getHours() * 60 + t.getMinutes() + t.getSeconds() / 60;
}

/** Whether the place has opening hours at all on Tokyo date `d` (holidays, 12/29–1/3 and `closedDates` closed). */
export function isOpenOn(d: IsoDate, hours: WeeklyHours, closedDates: readonly IsoDate[] = []): boolean {
  return rangesOn(d, hours, closedDates).some(([o, c]) => o < c);
}

/**
 * The first date on or after `d` on which the place is open (a renewal window opening on a Sunday or
 * 1月1日 → the first day the counter can take it, facts §4). Looks 60 days ahead; `undefined` beyond.
 */
export function firstOpenDayFrom(d: IsoDate, hours: WeeklyHours, closedDates: readonly IsoDate[] = []): IsoDate | undefined {
  for (let i = 0; i <= 60; i++) {
    const day = addDays(d, i);
    if (isOpenOn(day, hours, closedDates)) return day;
  }
  return undefined;
}

/** The last date on or before `d` on which the place is open (looks 60 days back; `undefined` beyond). */
export function lastOpenDayUpTo(d: IsoDate, hours: WeeklyHours, closedDates: readonly IsoDate[] = []): IsoDate | undefined {
  for (let i = 0; i <= 60; i++) {
    const day = addDays(d, -i);
    if (isOpenOn(day, hours, closedDates)) return day;
  }
  return undefined;
}

/**
 * Whether `now` is within `hours` (Tokyo time). National holidays, 12/29–1/3 and `closedDates` are closed.
 */
export function isWithinHours(now: Date, hours: WeeklyHours, closedDates: readonly IsoDate[] = []): boolean {
  const t = minuteOfDayInTokyo(now);
  return rangesOn(todayInTokyo(now), hours, closedDates).some(([o, c]) => o <= t && t < c);
}

/**
 * The earliest instant ≥ `now` at which the place is open: `now` itself when open now, else the next
 * opening time. Looks 60 days ahead; `undefined` if nothing opens in that span.
 */
export function nextOpening(now: Date, hours: WeeklyHours, closedDates: readonly IsoDate[] = []): Date | undefined {
  if (isWithinHours(now, hours, closedDates)) return new Date(now.getTime());
  const today = todayInTokyo(now);
  const t = minuteOfDayInTokyo(now);
  for (let i = 0; i <= 60; i++) {
    const d = addDays(today, i);
    const opens = rangesOn(d, hours, closedDates)
      .filter(([o, c]) => o < c && (i > 0 || o > t))
      .map(([o]) => o);
    if (opens.length > 0) return instant(d, Math.min(...opens));
  }
  return undefined;
}

/**
 * An instant as Tokyo wall-clock date and time, as a resident reads it: `11月24日（火）8:30`
 * (`2026年11月24日（火）8:30` with `year: true`).
 */
export function formatJapaneseDateTime(instant: Date, opts: { year?: boolean } = {}): string {
  const t = new TZDate(instant.getTime(), TOKYO);
  const date = formatJapaneseDate(todayInTokyo(instant), { year: opts.year ?? false });
  return `${date}${t.getHours()}:${String(t.getMinutes()).padStart(2, "0")}`;
}
