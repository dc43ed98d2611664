/**
 * `GET /api/chat/calendar.ics?kind=<reminder kind>&date=YYYY-MM-DD[&locale=ja|ja-easy|en]` (issue 17):
 * the calendar entry behind a route's 「カレンダーに追加」 link. Made from the query and the city file
 * (src/reminders/ics.ts); nothing is stored, nothing about the resident is read.
 */
import type { RequestHandler } from "express";
import type { CityConfig } from "../../../flows/cities/schema.ts";
import { parseIsoDate } from "../../calendar/index.ts";
import { badRequest } from "../../core/errors.ts";
import { buildCalendar } from "../../reminders/ics.ts";
import { REMINDER_KINDS, REMINDER_LOCALES, type ReminderKind, type ReminderLocale } from "../../reminders/types.ts";

/** Where the calendar file is served (the route links point here). */
export const CALENDAR_PATH = "/api/chat/calendar.ics";

export function calendarHandler(city: CityConfig): RequestHandler {
  return (req, res) => {
    const { kind, date, locale = "ja" } = req.query;
    if (typeof kind !== "string" || !(REMINDER_KINDS as readonly string[]).includes(kind)) throw badRequest("kind: not a reminder kind");
    const day = typeof date === "string" ? parseIsoDate(date) : undefined;
    if (!day) throw badRequest("date: expected YYYY-MM-DD");
    if (typeof locale !== "string" || !(REMINDER_LOCALES as readonly string[]).includes(locale)) throw badRequest("locale: ja, ja-easy or en");
    const body = buildCalendar({
      kind: kind as ReminderKind,
      date: day,
      locale: locale as ReminderLocale,
      cityId: city.id,
      cityName: city.name,
      counter: city.counter,
      now: new Date(),
    });
    res.set("Content-Type", "text/calendar; charset=utf-8");
    res.set("Content-Disposition", `attachment; filename="${kind}-${day}.ics"`);
    res.status(200).send(body);
  };
}
