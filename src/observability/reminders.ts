/**
 * Reminder metrics (issue 17), on an app's registry: scheduled (a resident said yes), sent (LINE
 * accepted the push), cancelled (「通知を止める」 or unfollow), failed (429, another failure, or 30 days
 * past the date unsent). Labels are closed sets: a reminder kind or a reason, never a user id.
 */
import { Counter, type Registry } from "prom-client";

export interface ReminderMetrics {
  scheduled: Counter<"kind">;
  sent: Counter<"kind">;
  cancelled: Counter<"reason">;
  failed: Counter<"reason">;
}

export function createReminderMetrics(registry: Registry): ReminderMetrics {
  const registers = [registry];
  return {
    scheduled: new Counter({ name: "mcr_reminders_scheduled_total", help: "Reminders a resident opted in to, by kind", labelNames: ["kind"], registers }),
    sent: new Counter({ name: "mcr_reminders_sent_total", help: "Reminders LINE accepted, by kind", labelNames: ["kind"], registers }),
    cancelled: new Counter({
      name: "mcr_reminders_cancelled_total",
      help: "Reminders cancelled, by reason (stop: the resident asked; unfollow: the resident blocked the account)",
      labelNames: ["reason"],
      registers,
    }),
    failed: new Counter({
      name: "mcr_reminders_failed_total",
      help: "Reminder pushes that failed, by reason (rate-limited: LINE answered 429; error: any other failure; expired: deleted unsent 30 days after its date)",
      labelNames: ["reason"],
      registers,
    }),
  };
}
