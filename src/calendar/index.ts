/** Calendar helpers: pure functions on `YYYY-MM-DD` dates, always reasoning in Asia/Tokyo. */
export {
  TOKYO,
  addDays,
  addMonths,
  compareDates,
  dateParts,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  isAfter,
  isBefore,
  isLeapYear,
  isoDate,
  lastDayOfMonth,
  nowFromEnv,
  parseIsoDate,
  parseIsoMonth,
  todayInTokyo,
  weekdayOf,
} from "./dates.ts";
export { isBusinessDay, isNationalHoliday, isYearEndClosure, nextBusinessDay } from "./business.ts";
export {
  cardExpiryFrom,
  certificateExpiryFrom,
  nthBirthdayAfter,
  RENEWAL_WINDOW_MONTHS,
  renewalWindow,
  renewalWindowStatus,
} from "./expiry.ts";
export { formatDate, formatEnglishDate, formatJapaneseDate, formatMonthDay, toWareki, warekiToGregorianYear } from "./format.ts";
export type { WarekiEra } from "./format.ts";
export { firstOpenDayFrom, formatJapaneseDateTime, isOpenOn, isWithinHours, lastOpenDayUpTo, nextOpening } from "./hours.ts";
export type { Weekday, WeeklyHours } from "./hours.ts";
