/** {@link ReminderStore} in memory: one process, lost on restart (tests and demos, like MemoryStore). */
import type { Reminder, ReminderStore } from "./types.ts";

export class MemoryReminderStore implements ReminderStore {
  readonly #reminders = new Map<string, { reminder: Reminder; at: number }>();

  async schedule(reminders: readonly Reminder[]): Promise<void> {
    for (const r of reminders) this.#reminders.set(r.id, { reminder: { ...r }, at: r.dueAt });
  }

  async cancelUser(userId: string): Promise<number> {
    let n = 0;
    for (const [id, { reminder }] of this.#reminders) {
      if (reminder.userId === userId) {
        this.#reminders.delete(id);
        n++;
      }
    }
    return n;
  }

  async countUser(userId: string): Promise<number> {
    return [...this.#reminders.values()].filter((e) => e.reminder.userId === userId).length;
  }

  async claimDue(now: number, leaseMs: number, limit: number): Promise<Reminder[]> {
    const due = [...this.#reminders.values()].filter((e) => e.at <= now).sort((a, b) => a.at - b.at).slice(0, limit);
    for (const e of due) e.at = now + leaseMs;
    return due.map((e) => ({ ...e.reminder }));
  }

  async complete(id: string): Promise<void> {
    this.#reminders.delete(id);
  }

  async release(id: string, at: number): Promise<void> {
    const e = this.#reminders.get(id);
    if (e) e.at = at;
  }

  async close(): Promise<void> {}
}
