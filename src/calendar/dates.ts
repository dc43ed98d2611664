import type { IsoDate, IsoMonth } from "../core/slots.ts";

/** The only time zone the bot reasons in. Japan has had no DST since 1951, so it is a fixed UTC+09:00. */
export const TOKYO = "Asia/Tokyo";

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const INSTANT_RE =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Whether `y` is a Gregorian leap year. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** `YYYY-MM-DD` from parts (no validation). */
export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** `s` if it is a real calendar date `YYYY-MM-DD` (leap years included), else `undefined`. */
export function parseIsoDate(s: string): IsoDate | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? s : undefined;
}

/** `s` if it is a real month `YYYY-MM`, else `undefined`. */
export function parseIsoMonth(s: string): IsoMonth | undefined {
  const m = MONTH_RE.exec(s);
  const mo = Number(m?.[2]);
  return m && mo >= 1 && mo <= 12 ? s : undefined;
}

/** Year, month (1–12) and day of an IsoDate; throws RangeError when `d` is not a real date. */
export function dateParts(d: IsoDate): { y: number; m: number; d: number } {
  if (parseIsoDate(d) === undefined) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) };
}

function monthParts(month: IsoMonth): { y: number; m: number } {
  if (parseIsoMonth(month) === undefined) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return { y: Number(month.slice(0, 4)), m: Number(month.slice(5, 7)) };
}

// Calendar arithmetic on day numbers (days since 1970-01-01): no Date in local time, so TZ cannot leak in.
function toDayNumber(d: IsoDate): number {
  const p = dateParts(d);
  return Date.UTC(p.y, p.m - 1, p.d) / DAY_MS;
}

function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

const TOKYO_OFFSET_MS = 9 * 3_600_000;

/**
 * The calendar date in Tokyo at instant `now`. Plain arithmetic on the fixed UTC+09:00 (see TOKYO):
 * it runs on every turn, where a time-zone lookup per call showed in the profile (bench/README.md).
 */
export function todayInTokyo(now: Date): IsoDate {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError("todayInTokyo: invalid Date");
  return fromDayNumber(Math.floor((ms + TOKYO_OFFSET_MS) / DAY_MS));
}

/**
 * A clock for the bot. `botNow` (e.g. the `BOT_NOW` environment variable) unset or blank → the real clock;
 * an ISO 8601 instant with an offset (`2026-11-21T10:00:00+09:00`, `…Z`) → a frozen clock returning that
 * instant. Anything else throws, so a typo never silently runs on the real clock.
 */
export function nowFromEnv(botNow: string | undefined): () => Date {
  const s = botNow?.trim();
  if (!s) return () => new Date();
  const m = INSTANT_RE.exec(s);
  const ms = Date.parse(s);
  if (!m || parseIsoDate(m[1] ?? "") === undefined || Number.isNaN(ms)) {
    throw new Error(
      `BOT_NOW is not an ISO 8601 instant with an offset: ${JSON.stringify(botNow)} ` +
        `(expected e.g. "2026-11-21T10:00:00+09:00" or "2026-11-21T01:00:00Z")`,
    );
  }
  return () => new Date(ms);
}

/** `d` plus `n` days (`n` may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** `d` plus `n` months, clamped to the end of the target month (date-fns semantics: 01-31 + 1 → 02-28/29). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const p = dateParts(d);
  const total = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return isoDate(y, m, Math.min(p.d, daysInMonth(y, m)));
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** `b − a` in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Whether `a` is strictly before `b`. */
export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

/** Whether `a` is strictly after `b`. */
export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

/** Day of the week of `d`: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: IsoDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** First day of month `m` (`YYYY-MM` → `YYYY-MM-01`). */
export function firstDayOfMonth(m: IsoMonth): IsoDate {
  const p = monthParts(m);
  return isoDate(p.y, p.m, 1);
}

/** Last day of month `m` (`2028-02` → `2028-02-29`). */
export function lastDayOfMonth(m: IsoMonth): IsoDate {
  const p = monthParts(m);
  return isoDate(p.y, p.m, daysInMonth(p.y, p.m));
}
