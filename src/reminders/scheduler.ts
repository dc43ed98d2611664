/**
 * Sends due reminders (issue 17): at start-up and every `REMINDER_CHECK_SECONDS`, claim the reminders
 * due by the clock (`BOT_NOW` drives it too), push each with a retry key derived from its id, and
 * delete it only once LINE accepted the push. A 429 (LINE's rate or monthly quota) or a failure on
 * LINE's side puts it back for the next check; a reminder 30 days past its due time is deleted unsent.
 *
 * Exactly once: the store's claim hides a reminder from every other instance while it is being sent
 * (src/reminders/types.ts); if an instance dies after LINE accepted the push but before the delete,
 * the next claimant sends it again with the same `X-Line-Retry-Key` and LINE answers 409, sending
 * nothing twice. Imports no platform: the push itself is a {@link ReminderSender}.
 */
import { REMINDER_MESSAGES, type ReminderCounter, type ReminderNotice } from "../../flows/certificate-recovery/reminder-messages.ts";
import { todayInTokyo } from "../calendar/index.ts";
import { idempotencyUuid } from "../core/handoff.ts";
import { REMINDER_RETENTION_MS, type Reminder, type ReminderKind, type ReminderStore } from "./types.ts";

/** What became of one push: LINE accepted it (or had already: 409), or answered 429. */
export type PushOutcome = "sent" | "rate-limited";

/**
 * The push (LINE: src/channels/line/reminder-push.ts). Throws for any other failure: the reminder is
 * tried again at the next check, until 30 days after its due time.
 */
export interface ReminderSender {
  push(userId: string, notice: ReminderNotice, retryKey: string): Promise<PushOutcome>;
}

export type ReminderFailure = "rate-limited" | "error" | "expired";

export interface ReminderSchedulerOptions {
  store: ReminderStore;
  sender: ReminderSender;
  counter: ReminderCounter;
  now: () => Date;
  /** Between two checks (REMINDER_CHECK_SECONDS). */
  intervalMs: number;
  /** How long a claim hides a reminder from other claims. Default 5 minutes. */
  leaseMs?: number;
  /** Reminders claimed at once. Default 50. */
  batch?: number;
  onSent?(kind: ReminderKind): void;
  onFailed?(reason: ReminderFailure, error?: unknown): void;
  /** After every check (a debug log line). */
  onChecked?(result: { sent: number; failed: number }): void;
  /** A check that failed as a whole (the store did not answer). */
  onError?(error: unknown): void;
}

/** The retry key of a reminder's push: the same for every attempt at the same reminder. */
export const retryKeyOf = (reminder: Pick<Reminder, "id" | "dueAt">) => idempotencyUuid(`reminder:${reminder.id}:${reminder.dueAt}`);

export class ReminderScheduler {
  readonly #opts: ReminderSchedulerOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(opts: ReminderSchedulerOptions) {
    this.#opts = opts;
  }

  /** Check now, then every interval. */
  start(): void {
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), this.#opts.intervalMs);
    this.#timer.unref();
  }

  /** Stop checking; resolves once a check in flight is done. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }

  #tick(): void {
    if (this.#running || this.#stopped) return;
    this.#running = this.check()
      .then((result) => this.#opts.onChecked?.(result), (err: unknown) => this.#opts.onError?.(err))
      .finally(() => (this.#running = undefined));
  }

  /** One check: send what is due. Resolves with what became of each claimed reminder. */
  async check(): Promise<{ sent: number; failed: number }> {
    const { store, leaseMs = 5 * 60_000, batch = 50 } = this.#opts;
    const now = this.#opts.now().getTime();
    const seen = new Set<string>();
    let sent = 0;
    let failed = 0;
    for (;;) {
      const claimed = await store.claimDue(now, leaseMs, batch);
      const fresh = claimed.filter((r) => !seen.has(r.id));
      // Put back what this check already tried (released "now" again): the next check has it.
      for (const r of claimed) if (seen.has(r.id)) await store.release(r.id, now);
      for (const r of fresh) {
        seen.add(r.id);
        if ((await this.#deliver(r, now)) === "sent") sent++;
        else failed++;
      }
      if (claimed.length < batch || fresh.length === 0 || this.#stopped) break;
    }
    return { sent, failed };
  }

  async #deliver(reminder: Reminder, now: number): Promise<"sent" | ReminderFailure> {
    const { store } = this.#opts;
    if (now - reminder.dueAt > REMINDER_RETENTION_MS) {
      await store.complete(reminder.id);
      this.#opts.onFailed?.("expired");
      return "expired";
    }
    const dueDate = todayInTokyo(new Date(reminder.dueAt));
    const notice = REMINDER_MESSAGES[reminder.locale].notice(reminder.kind, reminder.date, dueDate, this.#opts.counter);
    let outcome: PushOutcome;
    try {
      outcome = await this.#opts.sender.push(reminder.userId, notice, retryKeyOf(reminder));
    } catch (err) {
      await store.release(reminder.id, now);
      this.#opts.onFailed?.("error", err);
      return "error";
    }
    if (outcome === "rate-limited") {
      await store.release(reminder.id, now);
      this.#opts.onFailed?.("rate-limited");
      return "rate-limited";
    }
    await store.complete(reminder.id);
    this.#opts.onSent?.(reminder.kind);
    return "sent";
  }
}
