/**
 * Reminders wired from the configuration (issue 17), for src/main.ts: the store beside the session
 * store, the conversation's offers (LINE opt-in, web calendar link), and the scheduler that pushes
 * on LINE. `REMINDERS=off` asks nothing and sends nothing (「通知を止める」 still cancels what is
 * stored); the web chat's calendar link stores nothing and stays.
 */
import type { CityConfig } from "../../flows/cities/schema.ts";
import type { AppConfig } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import { createReminderMetrics } from "../observability/reminders.ts";
import { lineUserIdOf, ReminderOffers } from "./offer.ts";
import { ReminderScheduler } from "./scheduler.ts";
import { createReminderStore } from "./store.ts";
import { MemoryReminderStore } from "./store-memory.ts";
import type { ReminderStore } from "./types.ts";

export interface Reminders {
  offers: ReminderOffers;
  store: ReminderStore;
  /** Start the scheduler (a check now, then every REMINDER_CHECK_SECONDS), when there is one. */
  start(): void;
  /** Stop the scheduler (a check in flight finishes) and close the store. */
  close(): Promise<void>;
}

export async function setupReminders(
  config: AppConfig,
  city: CityConfig,
  deps: { now: () => Date; logger: Logger; metrics: Metrics; calendarPath: string },
): Promise<Reminders> {
  const log = deps.logger.child({ component: "reminders" });
  const metrics = createReminderMetrics(deps.metrics.registry);
  const line = Boolean(config.LINE_CHANNEL_SECRET && config.LINE_CHANNEL_ACCESS_TOKEN);
  const on = config.REMINDERS === "on";
  const store = line
    ? await createReminderStore(config.SESSION_STORE, { onError: (err) => log.debug({ err }, "reminders: redis connection error") })
    : new MemoryReminderStore();
  const offers = new ReminderOffers({
    store,
    counterHours: city.counter.hours,
    remindable: (id) => (line ? lineUserIdOf(id) : undefined),
    offer: on,
    calendarPath: deps.calendarPath,
    calendarFor: (id) => id.startsWith("web:"),
    onScheduled: (kind) => metrics.scheduled.inc({ kind }),
    onCancelled: (reason, count) => metrics.cancelled.inc({ reason }, count),
  });
  let scheduler: ReminderScheduler | undefined;
  if (line && on && config.LINE_CHANNEL_ACCESS_TOKEN) {
    const { createLineReminderSender } = await import("../channels/line/reminder-push.ts");
    scheduler = new ReminderScheduler({
      store,
      sender: createLineReminderSender({
        channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN,
        ...(config.LINE_API_BASE_URL ? { apiBaseUrl: config.LINE_API_BASE_URL } : {}),
      }),
      counter: city.counter,
      now: deps.now,
      intervalMs: config.REMINDER_CHECK_SECONDS * 1000,
      onSent: (kind) => {
        metrics.sent.inc({ kind });
        log.info({ kind }, "reminder sent");
      },
      onFailed: (reason, err) => {
        metrics.failed.inc({ reason });
        const e = err as { name?: string; status?: number; message?: string } | undefined;
        log.warn({ reason, ...(e ? { err: { name: e.name, status: e.status, message: e.message } } : {}) }, "reminder not sent");
      },
      onChecked: (result) => log.debug(result, "reminders checked"),
      onError: (err) => log.error({ err }, "reminders: check failed"),
    });
  }
  if (line) log.info({ reminders: on ? "on" : "off", checkSeconds: config.REMINDER_CHECK_SECONDS }, on ? "LINE reminders are on" : "LINE reminders are off (REMINDERS=off)");
  return {
    offers,
    store,
    start: () => scheduler?.start(),
    close: async () => {
      await scheduler?.stop();
      await store.close();
    },
  };
}
