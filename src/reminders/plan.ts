/**
 * Which reminder a route offers, and when it is sent (pure; dates in Asia/Tokyo). The dates come from
 * src/calendar: the renewal window (facts §3), and the first day the counter is open (facts §4: a date
 * a resident can act on is a day the counter is open; weekends, national holidays and 12/29–1/3 are
 * closed).
 */
import { TZDate } from "@date-fns/tz";
import type { RouteId } from "../../flows/certificate-recovery/routes-ids.ts";
import {
  addDays,
  compareDates,
  dateParts,
  isBusinessDay,
  nextOpening,
  renewalWindow,
  TOKYO,
  todayInTokyo,
  type WeeklyHours,
} from "../calendar/index.ts";
import type { Facts, IsoDate } from "../core/slots.ts";
import type { ReminderKind } from "./types.ts";

/** The routes after which a reminder is offered. */
export const REMINDER_ROUTES: ReadonlySet<RouteId> = new Set<RouteId>([
  "certificate-renewal-not-yet",
  "card-renewal",
  "foreign-resident-extension",
]);

/** A "draws near" reminder is sent this many days before the date. */
export const DAYS_BEFORE_EXPIRY = 14;
/** Reminders are sent at this Tokyo wall-clock hour. */
export const SEND_HOUR = 9;

/** A reminder to offer: its kind and date, and maybe a second one stored with it. */
export interface ReminderPlan {
  kind: ReminderKind;
  /** The date that matters (what the question and the push name). */
  date: IsoDate;
  /** The day it is sent: `sendOn` of the kind, moved to the first day the counter is open. */
  dueDate: IsoDate;
  /** Stored too when the resident says yes (the optional second reminder). */
  also?: { kind: ReminderKind; date: IsoDate; dueDate: IsoDate }[];
}

const known = (d: string | undefined): IsoDate | undefined => (d && d !== "unknown" ? d : undefined);

/** The day a reminder of `kind` about `date` is meant for, before moving it to an open day. */
export function sendOn(kind: ReminderKind, date: IsoDate): IsoDate {
  switch (kind) {
    case "certificate-renewal-opens":
    case "card-renewal-opens":
      return date;
    case "certificate-expiry-soon":
    case "card-expiry-soon":
    case "residence-period-ends":
      return addDays(date, -DAYS_BEFORE_EXPIRY);
  }
}

/**
 * The first day on or after `date` on which the counter is open (its weekly hours; national
 * holidays and 12/29–1/3 are always closed). Without any hours in the next 60 days, the first
 * business day on or after `date`.
 */
export function firstOpenDay(date: IsoDate, hours: WeeklyHours): IsoDate {
  const { y, m, d } = dateParts(date);
  const midnight = new Date(new TZDate(y, m - 1, d, 0, 0, TOKYO).getTime());
  const opening = nextOpening(midnight, hours);
  if (opening) return todayInTokyo(opening);
  let day = date;
  while (!isBusinessDay(day)) day = addDays(day, 1);
  return day;
}

/** Epoch ms of {@link SEND_HOUR}:00 Asia/Tokyo on `date`. */
export function sendTime(date: IsoDate): number {
  const { y, m, d } = dateParts(date);
  return new TZDate(y, m - 1, d, SEND_HOUR, 0, TOKYO).getTime();
}

/** `kind` about `date`, with its due day; undefined when that day is not after today. */
function planned(kind: ReminderKind, date: IsoDate, today: IsoDate, hours: WeeklyHours) {
  const dueDate = firstOpenDay(sendOn(kind, date), hours);
  return compareDates(dueDate, today) > 0 ? { kind, date, dueDate } : undefined;
}

/**
 * The reminder a route can offer, or undefined (no date known, or the date already came):
 * - `certificate-renewal-not-yet`: the window's opening day, and two weeks before the certificate's
 *   expiry as the optional second reminder;
 * - `card-renewal`: the card's window opening day while it is ahead, else two weeks before the card's
 *   expiry;
 * - `foreign-resident-extension`: two weeks before the 在留期間's end, when the resident gave it (the
 *   card's expiry follows the 在留期間, facts §3).
 */
export function planReminder(routeId: RouteId, facts: Facts, today: IsoDate, hours: WeeklyHours): ReminderPlan | undefined {
  switch (routeId) {
    case "certificate-renewal-not-yet": {
      const expiry = known(facts.certExpiry);
      if (!expiry) return undefined;
      const opens = planned("certificate-renewal-opens", renewalWindow(expiry).opens, today, hours);
      if (!opens) return undefined;
      const soon = planned("certificate-expiry-soon", expiry, today, hours);
      return { ...opens, ...(soon && compareDates(soon.dueDate, opens.dueDate) > 0 ? { also: [soon] } : {}) };
    }
    case "card-renewal": {
      const expiry = known(facts.cardExpiry);
      if (!expiry) return undefined;
      return planned("card-renewal-opens", renewalWindow(expiry).opens, today, hours) ?? planned("card-expiry-soon", expiry, today, hours);
    }
    case "foreign-resident-extension": {
      // The card (and its certificates, which never outlive it) ends with the 在留期間: whichever date
      // the resident gave for it.
      const end = known(facts.cardExpiry) ?? known(facts.certExpiry);
      return end ? planned("residence-period-ends", end, today, hours) : undefined;
    }
    default:
      return undefined;
  }
}

/** A reminder's id, `<kind>:<userId>`: one per resident and kind (a later yes replaces the earlier one). */
export function reminderId(userId: string, kind: ReminderKind): string {
  return `${kind}:${userId}`;
}
