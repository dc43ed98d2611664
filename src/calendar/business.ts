import holiday_jp from "@holiday-jp/holiday_jp";
import type { IsoDate } from "../core/slots.ts";
import { addDays, dateParts, weekdayOf } from "./dates.ts";

/**
 * The library's holidays by their `YYYY-MM-DD` keys, read once. (Its own `isHoliday` lists every key of
 * its table on each call, which showed in the per-turn profile, bench/README.md; it would also format a
 * `Date` with local getters, which depend on the process TZ.)
 */
const HOLIDAYS: ReadonlySet<string> = new Set(Object.keys(holiday_jp.holidays));

/**
 * Whether `d` is a Japanese national holiday (振替休日 and 国民の休日 included), per @holiday-jp/holiday_jp
 * (data up to 2050; later dates are never holidays).
 */
export function isNationalHoliday(d: IsoDate): boolean {
  dateParts(d);
  return HOLIDAYS.has(d);
}

/** Whether `d` falls in the municipal year-end closure, 12月29日–1月3日 inclusive. */
export function isYearEndClosure(d: IsoDate): boolean {
  const { m, d: day } = dateParts(d);
  return (m === 12 && day >= 29) || (m === 1 && day <= 3);
}

/** A municipal business day (開庁日): not Saturday/Sunday, not a national holiday, not 12/29–1/3. */
export function isBusinessDay(d: IsoDate): boolean {
  const w = weekdayOf(d);
  return w !== 0 && w !== 6 && !isNationalHoliday(d) && !isYearEndClosure(d);
}

/** The first business day strictly after `d` (翌開庁日). */
export function nextBusinessDay(d: IsoDate): IsoDate {
  let next = addDays(d, 1);
  while (!isBusinessDay(next)) next = addDays(next, 1);
  return next;
}
