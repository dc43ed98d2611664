/**
 * Japanese date expressions → calendar dates. Plain y/m/d integer arithmetic on UTC `Date`s only:
 * no local time, no time zone (the caller passes "today" as a Tokyo calendar date).
 *
 * Understood (after `normalize`, so full-width digits and kanji numerals are already digits):
 *   西暦   2027/3/15 · 2027-03-15 · 2027.3.15 · 2027年3月15日 · 2027年3月 · 2027/3
 *   和暦   令和9年3月15日 · R9.3.15 · R9/3/15 · r9年3月15日 · 令和元年5月1日 · 平成31年4月30日 · 昭和…
 *          a bare "9年3月15日" (1–19年) is read as 令和
 *   月日   3月15日 · 3/15 → the next occurrence on or after today; 今年/来年/再来年/去年の3月15日
 *   月     来年2月 · 今年の3月 · 再来年の1月 · 2月 (next occurrence) · 今月 · 来月 · 先月
 *   相対   今日/本日/今朝/さっき · 昨日 · 一昨日/おととい · 明日 · 明後日 · N日前 · N日後 · N週間前
 *          先週の金曜 · 今週の月曜日 · 金曜 (the latest one on or before today; weeks start on Monday)
 *   和暦   平成 up to 平成60年: cards issued before 2019 print 平成 dates into the future (平成33年 = 2021)
 *   数字   3/15/2027 (US order) · 15/3/2027 · 15.03.2027 (day first when it cannot be a month, or with dots)
 *   English  March 15, 2027 · 15 March 2027 · next February · yesterday … (see englishDates below; scanned
 *          only when the text holds Latin letters)
 * A date that does not exist (2027年2月29日, 4月31日) is no date; findImpossibleDate reports it.
 */
import { matchForm } from "./normalize.ts";

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatYmd(v: Ymd): string {
  return `${v.y}-${pad2(v.m)}-${pad2(v.d)}`;
}

export function formatYm(y: number, m: number): string {
  return `${y}-${pad2(m)}`;
}

/** "YYYY-MM-DD" → Ymd, or undefined when malformed or not a real date. */
export function parseIsoDate(s: unknown): Ymd | undefined {
  if (typeof s !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? { y, m: mo, d } : undefined;
}

/** Add days with UTC arithmetic (years 1900–2100 only, so Date.UTC's 0–99 quirk never applies). */
export function addDays(v: Ymd, days: number): Ymd {
  const dt = new Date(Date.UTC(v.y, v.m - 1, v.d + days));
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** A date found in a (normalised) text, with its span. Exactly one of `date` / `month` is set. */
export interface DateHit {
  index: number;
  end: number;
  date?: string;
  month?: string;
  /** 今日 / 昨日 / N日前 / 先月 …: meaningful only next to a verb (更新した, 期限が切れる …). */
  relative: boolean;
  /** Month and day given without a year (3月15日, 3/15): `date` is the next occurrence. */
  yearless?: { m: number; d: number };
  /** A date that looks real but does not exist (2月30日); only kept when asked for. */
  impossible?: true;
}

/** The latest (m, d) on or before today: how "3月15日に更新した" is meant. */
export function previousOccurrence(todayIso: string, m: number, d: number): string | undefined {
  const today = parseIsoDate(todayIso);
  if (!today) return undefined;
  for (let y = today.y; y >= today.y - 8; y--) {
    if (!isValidYmd(y, m, d)) continue;
    const c = { y, m, d };
    if (compareYmd(c, today) <= 0) return formatYmd(c);
  }
  return undefined;
}

const ERA_BASE: Record<string, { base: number; max: number }> = {
  令和: { base: 2018, max: 99 }, r: { base: 2018, max: 99 },
  // 平成 ended in its 31st year, but cards and notices issued before 2019 printed 平成 dates into the future
  // (平成33年 = 2021, 平成40年 = 2028): those are valid.
  平成: { base: 1988, max: 60 }, h: { base: 1988, max: 60 },
  昭和: { base: 1925, max: 64 }, s: { base: 1925, max: 64 },
};

function eraYear(era: string | undefined, yearText: string | undefined): number | undefined {
  if (era === undefined || yearText === undefined) return undefined;
  const e = ERA_BASE[era];
  if (e === undefined) return undefined;
  const n = yearText === "元" ? 1 : Number(yearText);
  if (!Number.isInteger(n) || n < 1 || n > e.max) return undefined;
  return e.base + n;
}

const RELATIVE_YEAR: Record<string, number> = {
  今年: 0, ことし: 0, 本年: 0, 来年: 1, らいねん: 1, 翌年: 1, 再来年: 2, さらいねん: 2,
  去年: -1, 昨年: -1, きょねん: -1, 一昨年: -2, おととし: -2,
};
const YEAR_WORDS = "今年|ことし|本年|来年|らいねん|翌年|再来年|さらいねん|去年|昨年|きょねん|一昨年|おととし";

const SEP_Y = "\\s?(?:年|\\/|\\.|-)\\s?";
const SEP_M = "\\s?(?:月|\\/|\\.|-)\\s?";
const RE_WEST_FULL = new RegExp(`(?<![0-9])([0-9]{4})${SEP_Y}([0-9]{1,2})${SEP_M}([0-9]{1,2})(?![0-9])(?:日)?`, "g");
const RE_WEST_MONTH = new RegExp(`(?<![0-9])([0-9]{4})(?:年([0-9]{1,2})月|\\s?[\\/\\.-]\\s?([0-9]{1,2})(?![0-9]))`, "g");
const ERA = "(令和|平成|昭和|(?<![a-z])[rhs])\\s?([0-9]{1,2}|元)";
const RE_ERA_FULL = new RegExp(`${ERA}${SEP_Y}([0-9]{1,2})${SEP_M}([0-9]{1,2})(?![0-9])(?:日)?`, "g");
const RE_ERA_MONTH = new RegExp(`${ERA}${SEP_Y}([0-9]{1,2})(?![0-9])(?:月)?`, "g");
const RE_BARE_REIWA = /(?<![0-9a-z令和成昭元])([0-9]{1,2})年([0-9]{1,2})月(?:([0-9]{1,2})日)?/g;
const RE_MONTH_DAY = new RegExp(`(?:(${YEAR_WORDS})の?)?(?<![0-9\\/\\.\\-])([0-9]{1,2})月([0-9]{1,2})日`, "g");
const RE_SLASH_MD = /(?<![0-9\/.\-])([0-9]{1,2})\/([0-9]{1,2})(?![0-9\/])/g;
const RE_MONTH = new RegExp(`(?:(${YEAR_WORDS})の?)?(?<![0-9\\/\\.\\-])([0-9]{1,2})月(?![0-9]{1,2}日)`, "g");
const RE_REL_MONTH = /今月|来月|らいげつ|先月|再来月/g;
const RE_REL_DAY = /今日|本日|きょう|今朝|(?<![ぁ-ゖ])けさ|(?<=[はにもの、])けさ|さっき|先ほど|先程|一昨日|おととい|昨日|きのう|明後日|あさって|明日|あした|([0-9]{1,3})日前|([0-9]{1,3})日後|([0-9]{1,2})週間前/g;
/** 先週の金曜, 今週の月曜日, 金曜に (the latest one on or before today). */
const RE_WEEKDAY = /(?:(先々週|先週|せんしゅう|今週|こんしゅう)の?)?(月|火|水|木|金|土|日)(?:曜日|曜|ようび|よう日)/g;
const WEEKDAY_INDEX: Record<string, number> = { 月: 0, 火: 1, 水: 2, 木: 3, 金: 4, 土: 5, 日: 6 };

/** The next (m, d) on or after today; Feb 29 looks up to 8 years ahead. */
function nextOccurrence(today: Ymd, m: number, d: number): Ymd | undefined {
  for (let y = today.y; y <= today.y + 8; y++) {
    if (!isValidYmd(y, m, d)) continue;
    const c = { y, m, d };
    if (compareYmd(c, today) >= 0) return c;
  }
  return undefined;
}

function* scan(re: RegExp, t: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * Every date expression in an already matchForm'ed text, left to right, non-overlapping (at one
 * position the longest reading wins: "2027年3月15日" is one full date, not a month plus 3月15日).
 */
export function findDates(t: string, todayIso: string, keepImpossible = false): DateHit[] {
  const today = parseIsoDate(todayIso);
  const raw: DateHit[] = [];
  const pushDate = (
    m: RegExpExecArray,
    y: number | undefined,
    mo: number,
    d: number,
    relative = false,
    yearless = false,
  ): void => {
    if (y !== undefined && isValidYmd(y, mo, d)) {
      const hit: DateHit = { index: m.index, end: m.index + m[0].length, date: formatYmd({ y, m: mo, d }), relative };
      if (yearless) hit.yearless = { m: mo, d };
      raw.push(hit);
    } else {
      // A full date that does not exist (令和9年2月29日) still blocks shorter readings of the same text.
      const hit: DateHit = { index: m.index, end: m.index + m[0].length, relative };
      if (y !== undefined && looksLikeDate(mo, d)) hit.impossible = true;
      raw.push(hit);
    }
  };
  const pushMonth = (m: RegExpExecArray, y: number | undefined, mo: number, relative = false): void => {
    if (y !== undefined && y >= 1900 && y <= 2100 && Number.isInteger(mo) && mo >= 1 && mo <= 12) {
      raw.push({ index: m.index, end: m.index + m[0].length, month: formatYm(y, mo), relative });
    }
  };

  for (const m of scan(RE_WEST_FULL, t)) pushDate(m, Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of scan(RE_WEST_MONTH, t)) pushMonth(m, Number(m[1]), Number(m[2] ?? m[3]));
  for (const m of scan(RE_ERA_FULL, t)) pushDate(m, eraYear(m[1], m[2]), Number(m[3]), Number(m[4]));
  for (const m of scan(RE_ERA_MONTH, t)) pushMonth(m, eraYear(m[1], m[2]), Number(m[3]));
  for (const m of scan(RE_BARE_REIWA, t)) {
    const n = Number(m[1]);
    if (n < 1 || n > 19) continue;
    if (m[3] !== undefined) pushDate(m, 2018 + n, Number(m[2]), Number(m[3]));
    else pushMonth(m, 2018 + n, Number(m[2]));
  }
  for (const m of scan(RE_MONTH_DAY, t)) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (m[1] !== undefined) {
      if (today) pushDate(m, today.y + (RELATIVE_YEAR[m[1]] ?? 0), mo, d);
    } else if (today) {
      const c = nextOccurrence(today, mo, d);
      if (c) pushDate(m, c.y, c.m, c.d, false, true);
      else pushDate(m, today.y, mo, d); // 4月31日: no such day in any year
    }
  }
  if (today) {
    for (const m of scan(RE_SLASH_MD, t)) {
      const c = nextOccurrence(today, Number(m[1]), Number(m[2]));
      if (c) pushDate(m, c.y, c.m, c.d, false, true);
      else pushDate(m, today.y, Number(m[1]), Number(m[2]));
    }
    for (const m of scan(RE_MONTH, t)) {
      const mo = Number(m[2]);
      if (m[1] !== undefined) pushMonth(m, today.y + (RELATIVE_YEAR[m[1]] ?? 0), mo);
      else pushMonth(m, mo >= today.m ? today.y : today.y + 1, mo);
    }
    for (const m of scan(RE_REL_MONTH, t)) {
      const n = m[0] === "今月" ? 0 : m[0] === "先月" ? -1 : m[0] === "再来月" ? 2 : 1;
      const v = addMonths(today.y, today.m, n);
      pushMonth(m, v.y, v.m, true);
    }
    for (const m of scan(RE_REL_DAY, t)) {
      let n: number;
      const w = m[0];
      if (m[1] !== undefined) n = -Number(m[1]);
      else if (m[2] !== undefined) n = Number(m[2]);
      else if (m[3] !== undefined) n = -7 * Number(m[3]);
      else if (["今日", "本日", "きょう", "今朝", "けさ", "さっき", "先ほど", "先程"].includes(w)) n = 0;
      else if (w === "昨日" || w === "きのう") n = -1;
      else if (w === "一昨日" || w === "おととい") n = -2;
      else if (w === "明日" || w === "あした") n = 1;
      else n = 2;
      const v = addDays(today, n);
      pushDate(m, v.y, v.m, v.d, true);
    }
    // Weeks start on Monday: 先週の金曜 is the Friday of the week before this one.
    const todayIndex = (new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay() + 6) % 7;
    for (const m of scan(RE_WEEKDAY, t)) {
      const target = WEEKDAY_INDEX[m[2] ?? ""] ?? 0;
      let n: number;
      if (m[1] === undefined) n = -((todayIndex - target + 7) % 7);
      else {
        const weeksBack = m[1] === "先々週" ? 2 : m[1] === "先週" || m[1] === "せんしゅう" ? 1 : 0;
        n = target - todayIndex - 7 * weeksBack;
      }
      const v = addDays(today, n);
      pushDate(m, v.y, v.m, v.d, true);
    }
  }

  // 3/15/2027 (US) · 15/3/2027 · 15.03.2027: the year last (also without English words around it).
  for (const m of scan(RE_NUM_DMY, t)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    // US order unless the first number cannot be a month (15/3/2027) or dots are used (15.03.2027).
    if (a > 12 || (m[2] === "." && b <= 12)) pushDate(m, y, b, a);
    else pushDate(m, y, a, b);
  }
  if (today && HAS_LATIN.test(t)) englishDates(t, today, pushDate, pushMonth);

  raw.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: DateHit[] = [];
  let lastEnd = -1;
  for (const h of raw) {
    if (h.index >= lastEnd) {
      if (h.date !== undefined || h.month !== undefined || (keepImpossible && h.impossible)) out.push(h);
      lastEnd = h.end;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// English dates (issue 14), on the same lower-case matchForm text; scanned only when the text holds Latin
// letters, so a Japanese message pays one test. Understood:
//   March 15, 2027 · March 15th 2027 · Mar. 15 2027 · 15 March 2027 · 15th of March, 2027 · March 2027
//   March 15 / 15 March (next occurrence) · 3/15/2027 (US) · 15/3/2027 and 15.03.2027 (day first when > 12)
//   next February · this March · last March · February next year · in February · Feb (month names alone
//   only with next/this/last/in/of/until/by, "may" only as a date: "May 3", "May 2027", "in May")
//   today · this morning · yesterday · the day before yesterday · tomorrow · N days/weeks ago · a week ago
//   last month · this month · next month · last Friday · on Monday

const HAS_LATIN = /[a-z]{3}/;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME =
  "(jan(?:uary)?|feb(?:r?uary)?|febuary|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const ORD = "(?:st|nd|rd|th)?";
const monthOf = (name: string | undefined): number => MONTHS[(name ?? "").slice(0, name?.startsWith("sept") ? 4 : 3)] ?? 0;
const RE_EN_MDY = new RegExp(`(?<![a-z])${MONTH_NAME}(?![a-z])\\s?([0-9]{1,2})${ORD}(?![0-9])(?:\\s?,?\\s?([0-9]{4})(?![0-9]))?`, "g");
const RE_EN_DMY = new RegExp(`(?<![0-9])([0-9]{1,2})${ORD}\\s?(?:of\\s)?${MONTH_NAME}(?![a-z])(?:\\s?,?\\s?([0-9]{4})(?![0-9]))?`, "g");
const RE_EN_MY = new RegExp(`(?<![a-z])${MONTH_NAME}(?![a-z])\\s?(?:of\\s)?,?\\s?([0-9]{4})(?![0-9])`, "g");
const RE_EN_REL_MONTH = new RegExp(
  `(?<![a-z])(?:(next|this|last|coming|in|until|till|by|before|from|of|early|late|end of|beginning of)\\s)${MONTH_NAME}(?![a-z])(?!\\s?,?\\s?[0-9])(?:\\s(?:of\\s)?(next year|this year|last year))?` +
    `|(?<![a-z])(next year|this year|last year)(?:\\s(?:in|on))?\\s${MONTH_NAME}(?![a-z])` +
    `|(?<![a-z])${MONTH_NAME}(?![a-z])\\s(?:of\\s)?(next year|this year|last year)`,
  "g",
);
const RE_NUM_DMY = /(?<![0-9/.\-])([0-9]{1,2})\s?([/.\-])\s?([0-9]{1,2})\s?\2\s?([0-9]{4})(?![0-9])/g;
const RE_EN_REL_DAY =
  /(?<![a-z])(?:today|this morning|earlier today|just now|tonight|(?:the )?day before yesterday|yesterday|tomorrow|((?:[0-9]{1,3})|an?|one|two|three|four|five|six|seven|a few|few)\s(day|week|month)s?\sago)(?![a-z])/g;
const RE_EN_REL_MONTH_WORD = /(?<![a-z])(last|this|next)\smonth(?![a-z])|(?<![a-z])the month after next(?![a-z])|(?<![a-z])(?:a|one) month ago(?![a-z])/g;
const RE_EN_WEEKDAY = /(?<![a-z])(?:(last|this|on|past)\s)(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?(?![a-z])/g;
const EN_WEEKDAY: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const EN_NUMBER: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, few: 3, "a few": 3 };

type PushDate = (m: RegExpExecArray, y: number | undefined, mo: number, d: number, relative?: boolean, yearless?: boolean) => void;
type PushMonth = (m: RegExpExecArray, y: number | undefined, mo: number, relative?: boolean) => void;

function englishDates(t: string, today: Ymd, pushDate: PushDate, pushMonth: PushMonth): void {
  const yearlessDate = (m: RegExpExecArray, mo: number, d: number): void => {
    const c = nextOccurrence(today, mo, d);
    if (c) pushDate(m, c.y, c.m, c.d, false, true);
    else pushDate(m, today.y, mo, d);
  };
  for (const m of scan(RE_EN_MDY, t)) {
    const mo = monthOf(m[1]);
    const d = Number(m[2]);
    // "may 3" is a date; "may be" never reaches here (a digit must follow).
    if (m[3] !== undefined) pushDate(m, Number(m[3]), mo, d);
    else yearlessDate(m, mo, d);
  }
  for (const m of scan(RE_EN_DMY, t)) {
    const mo = monthOf(m[2]);
    const d = Number(m[1]);
    if (m[3] !== undefined) pushDate(m, Number(m[3]), mo, d);
    else yearlessDate(m, mo, d);
  }
  for (const m of scan(RE_EN_MY, t)) pushMonth(m, Number(m[2]), monthOf(m[1]));
  for (const m of scan(RE_EN_REL_MONTH, t)) {
    const word = m[1] ?? "";
    const mo = monthOf(m[2] ?? m[5] ?? m[6]);
    const yearWord = m[3] ?? m[4] ?? m[7];
    if (mo === 0) continue;
    if (yearWord !== undefined) {
      pushMonth(m, today.y + (yearWord === "next year" ? 1 : yearWord === "last year" ? -1 : 0), mo);
    } else if (word === "last") pushMonth(m, mo < today.m ? today.y : today.y - 1, mo);
    else if (word === "this") pushMonth(m, today.y, mo);
    else if (word === "next") pushMonth(m, mo > today.m ? today.y : today.y + 1, mo);
    else pushMonth(m, mo >= today.m ? today.y : today.y + 1, mo);
  }
  for (const m of scan(RE_EN_REL_MONTH_WORD, t)) {
    const n = m[1] === "last" || m[0].endsWith("ago") ? -1 : m[1] === "this" ? 0 : m[1] === "next" ? 1 : 2;
    const v = addMonths(today.y, today.m, n);
    pushMonth(m, v.y, v.m, true);
  }
  for (const m of scan(RE_EN_REL_DAY, t)) {
    const w = m[0];
    let n: number;
    if (m[2] !== undefined) {
      const count = /^[0-9]/.test(m[1] ?? "") ? Number(m[1]) : (EN_NUMBER[m[1] ?? ""] ?? 1);
      if (m[2] === "month") {
        const v = addMonths(today.y, today.m, -count);
        pushMonth(m, v.y, v.m, true);
        continue;
      }
      n = -count * (m[2] === "week" ? 7 : 1);
    } else if (w.endsWith("before yesterday")) n = -2;
    else if (w === "yesterday") n = -1;
    else if (w === "tomorrow") n = 1;
    else n = 0;
    const v = addDays(today, n);
    pushDate(m, v.y, v.m, v.d, true);
  }
  const todayIndex = (new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay() + 6) % 7;
  for (const m of scan(RE_EN_WEEKDAY, t)) {
    const target = EN_WEEKDAY[(m[2] ?? "").slice(0, 3)] ?? 0;
    // "last Friday" / "on Friday" / "this Friday": the latest one on or before today ("last" before today).
    let n = -((todayIndex - target + 7) % 7);
    if (m[1] === "last" && n === 0) n = -7;
    const v = addDays(today, n);
    pushDate(m, v.y, v.m, v.d, true);
  }
}

/** A month 1–12 and a day 1–31: a date someone may write, whether or not it exists. */
function looksLikeDate(m: number, d: number): boolean {
  return Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * The first date in the text that looks like a date but does not exist (2027年2月29日, 4月31日,
 * 令和9年2月30日), as the resident wrote it; undefined when there is none (or when a real date comes first).
 */
export function findImpossibleDate(text: string, todayIso: string): string | undefined {
  try {
    const t = matchForm(text);
    const first = findDates(t, todayIso, true)[0];
    return first?.impossible ? t.slice(first.index, first.end) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first date in a resident's text. `{ date: "YYYY-MM-DD" }` for a full date, `{ month: "YYYY-MM" }`
 * when only a year and month were given; undefined when there is none. `today` is "YYYY-MM-DD" in
 * Asia/Tokyo; an invalid `today` only disables the expressions that need it (3月15日, 来年2月, 昨日).
 */
export function parseJapaneseDate(text: string, today: string): { date?: string; month?: string } | undefined {
  try {
    const hits = findDates(matchForm(text), today);
    const first = hits[0];
    if (first === undefined) return undefined;
    return first.date !== undefined ? { date: first.date } : { month: first.month ?? "" };
  } catch {
    return undefined;
  }
}
