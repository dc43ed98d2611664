import type { IsoDate } from "../core/slots.ts";
import { compareDates, dateParts, weekdayOf } from "./dates.ts";

const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"] as const;

/** `2027年1月21日（木）`; `weekday` and `year` default to true. */
export function formatJapaneseDate(d: IsoDate, opts: { weekday?: boolean; year?: boolean } = {}): string {
  const p = dateParts(d);
  const year = opts.year === false ? "" : `${p.y}年`;
  const weekday = opts.weekday === false ? "" : `（${WEEKDAYS_JA[weekdayOf(d)]}）`;
  return `${year}${p.m}月${p.d}日${weekday}`;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
const WEEKDAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** `Thursday, January 21, 2027`; `weekday` and `year` default to true. */
export function formatEnglishDate(d: IsoDate, opts: { weekday?: boolean; year?: boolean } = {}): string {
  const p = dateParts(d);
  const weekday = opts.weekday === false ? "" : `${WEEKDAYS_EN[weekdayOf(d)]}, `;
  const year = opts.year === false ? "" : `, ${p.y}`;
  return `${weekday}${MONTHS_EN[p.m - 1]} ${p.d}${year}`;
}

/**
 * A date in the conversation's language: `ja` and `ja-easy` `2027年1月21日（木）` (やさしい日本語 writes dates
 * plainly, as Japanese does), `en` `Thursday, January 21, 2027`.
 */
export function formatDate(d: IsoDate, locale: "ja" | "ja-easy" | "en", opts: { weekday?: boolean; year?: boolean } = {}): string {
  return locale === "en" ? formatEnglishDate(d, opts) : formatJapaneseDate(d, opts);
}

/** `1月21日`. */
export function formatMonthDay(d: IsoDate): string {
  return formatJapaneseDate(d, { weekday: false, year: false });
}

export type WarekiEra = "令和" | "平成" | "昭和" | "大正";

/** Eras newest first: first day, and the Gregorian year of 元年 minus one. */
const ERAS: readonly { era: WarekiEra; start: IsoDate; offset: number; lastYear?: number }[] = [
  { era: "令和", start: "2019-05-01", offset: 2018 },
  { era: "平成", start: "1989-01-08", offset: 1988, lastYear: 31 },
  { era: "昭和", start: "1926-12-25", offset: 1925, lastYear: 64 },
  { era: "大正", start: "1912-07-30", offset: 1911, lastYear: 15 },
];

/** `令和9年1月21日` (year 1 is written 元年: `令和元年5月1日`). Throws RangeError before 1912-07-30. */
export function toWareki(d: IsoDate): string {
  const p = dateParts(d);
  const e = ERAS.find((x) => compareDates(d, x.start) >= 0);
  if (!e) throw new RangeError(`toWareki: ${d} is before 大正`);
  const y = p.y - e.offset;
  return `${e.era}${y === 1 ? "元" : y}年${p.m}月${p.d}日`;
}

/** Gregorian year of `era` `year` (令和9 → 2027). Throws RangeError for a year the era never had. */
export function warekiToGregorianYear(era: WarekiEra, year: number): number {
  const e = ERAS.find((x) => x.era === era);
  if (!e || !Number.isInteger(year) || year < 1 || (e.lastYear !== undefined && year > e.lastYear)) {
    throw new RangeError(`No such year: ${era}${year}年`);
  }
  return e.offset + year;
}
