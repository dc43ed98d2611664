import type { IsoDate } from "../core/slots.ts";
import { addDays, addMonths, compareDates, dateParts, isLeapYear, isoDate } from "./dates.ts";

/** facts §4: renewal opens the day after the date this many months before the expiry. */
export const RENEWAL_WINDOW_MONTHS = 3;

/**
 * The renewal window of a certificate or card expiring on `expiry`: opens the day after the date three
 * months before expiry (03-15 → 12-16; 05-31 → 02-28 clamped, so 03-01), closes on `expiry` itself.
 */
export function renewalWindow(expiry: IsoDate): { opens: IsoDate; closes: IsoDate } {
  return { opens: addDays(addMonths(expiry, -RENEWAL_WINDOW_MONTHS), 1), closes: expiry };
}

/** Where `today` stands against the renewal window of `expiry`. */
export function renewalWindowStatus(expiry: IsoDate, today: IsoDate): "before" | "open" | "expired" {
  if (compareDates(today, expiry) > 0) return "expired";
  return compareDates(today, renewalWindow(expiry).opens) >= 0 ? "open" : "before";
}

/** The birthday of someone born on `birthDate` in year `y`; 2月29日 becomes 2月28日 in non-leap years. */
function birthdayIn(birthDate: IsoDate, y: number): IsoDate {
  const b = dateParts(birthDate);
  return b.m === 2 && b.d === 29 && !isLeapYear(y) ? isoDate(y, 2, 28) : isoDate(y, b.m, b.d);
}

/** The `n`th birthday strictly after `issuedOn` (a birthday on the issue day itself does not count). */
export function nthBirthdayAfter(issuedOn: IsoDate, birthDate: IsoDate, n: number): IsoDate {
  if (compareDates(birthDate, issuedOn) > 0) {
    throw new RangeError(`birth date ${birthDate} is after the issue date ${issuedOn}`);
  }
  const y = dateParts(issuedOn).y;
  const first = compareDates(birthdayIn(birthDate, y), issuedOn) > 0 ? y : y + 1;
  return birthdayIn(birthDate, first + n - 1);
}

/**
 * Expiry of an electronic certificate: the 5th birthday after the day of issue (発行の日後5回目の誕生日).
 * Choice: for a 2月29日 birthday, the birthday in a non-leap year is taken to be 2月28日.
 * If `cardExpiry` is given the result never goes past it (a certificate never outlives the card).
 * Throws RangeError for invalid dates or a birth date after the issue date.
 */
export function certificateExpiryFrom(issuedOn: IsoDate, birthDate: IsoDate, cardExpiry?: IsoDate): IsoDate {
  const e = nthBirthdayAfter(issuedOn, birthDate, 5);
  return cardExpiry !== undefined && compareDates(cardExpiry, e) < 0 ? cardExpiry : e;
}

/**
 * Expiry of the card: the 10th birthday after issue if the resident was an adult at application (18+, or
 * 20+ for applications before 2022-04-01), otherwise the 5th. 2月29日 is handled as in
 * {@link certificateExpiryFrom}.
 */
export function cardExpiryFrom(
  issuedOn: IsoDate,
  birthDate: IsoDate,
  ageAtApplication: number,
  appliedOn: IsoDate,
): IsoDate {
  const adultAge = compareDates(appliedOn, "2022-04-01") < 0 ? 20 : 18;
  return nthBirthdayAfter(issuedOn, birthDate, ageAtApplication >= adultAge ? 10 : 5);
}
