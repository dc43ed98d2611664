/**
 * The web chat's calendar entry (issue 17): an RFC 5545 file built with ical-generator, computed from
 * the request alone and stored nowhere. One all-day event on the date that matters (a DATE value: the
 * same calendar day wherever the phone is; the calendar names Asia/Tokyo), at the counter's address,
 * with a display alarm at 9:00 on the day the LINE reminder would come (two weeks before for an
 * expiry).
 */
import ical, { ICalAlarmRelatesTo, ICalAlarmType } from "ical-generator";
import { REMINDER_MESSAGES, type ReminderCounter } from "../../flows/certificate-recovery/reminder-messages.ts";
import { addDays, daysBetween } from "../calendar/index.ts";
import type { IsoDate } from "../core/slots.ts";
import { sendOn, SEND_HOUR } from "./plan.ts";
import type { ReminderKind, ReminderLocale } from "./types.ts";

export interface CalendarEntry {
  kind: ReminderKind;
  date: IsoDate;
  locale: ReminderLocale;
  cityId: string;
  cityName: string;
  counter: ReminderCounter;
  /** DTSTAMP: when the file was made. */
  now: Date;
}

/** The `.ics` text (CRLF lines, folded at 75 octets by the library). */
export function buildCalendar(entry: CalendarEntry): string {
  const copy = REMINDER_MESSAGES[entry.locale];
  const { summary, description } = copy.calendarEvent(entry.kind, entry.date, entry.cityName, entry.counter);
  const calendar = ical({ prodId: { company: "myna-cert-rescue", product: "reminders", language: entry.locale === "en" ? "EN" : "JA" } });
  calendar.x("X-WR-TIMEZONE", "Asia/Tokyo");
  const event = calendar.createEvent({
    id: `${entry.kind}-${entry.date}@${entry.cityId}.myna-cert-rescue`,
    start: entry.date,
    end: addDays(entry.date, 1),
    allDay: true,
    summary,
    description,
    location: `${entry.counter.name} ${entry.counter.address}`,
    stamp: entry.now,
  });
  // Seconds BEFORE the event's start (its 0:00): negative is after.
  const before = daysBetween(sendOn(entry.kind, entry.date), entry.date) * 86_400 - SEND_HOUR * 3_600;
  event.createAlarm({ type: ICalAlarmType.display, description: summary }).trigger(before).relatesTo(ICalAlarmRelatesTo.start);
  return calendar.toString();
}
