/**
 * {@link ReminderStore} in the session store's SQLite file (table `reminders`), on a connection of its
 * own. A claim is one `BEGIN IMMEDIATE` transaction that selects the due rows and moves their
 * `available_at` past the lease, so that no other claim (another process on the same file included)
 * sees them until the lease runs out.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { type Reminder, type ReminderKind, type ReminderLocale, type ReminderStore } from "./types.ts";

interface Row {
  id: string;
  user_id: string;
  kind: string;
  date: string;
  locale: string;
  due_at: number;
}

const toReminder = (r: Row): Reminder => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind as ReminderKind,
  date: r.date,
  locale: r.locale as ReminderLocale,
  dueAt: Number(r.due_at),
});

export class SqliteReminderStore implements ReminderStore {
  readonly #db: DatabaseSync;

  constructor(path: string, opts: { busyTimeoutMs?: number } = {}) {
    const file = resolve(path);
    mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file, { timeout: opts.busyTimeoutMs ?? 5_000 });
    this.#db.exec("PRAGMA journal_mode = WAL");
    this.#db.exec(`CREATE TABLE IF NOT EXISTS reminders (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      date TEXT NOT NULL,
      locale TEXT NOT NULL,
      due_at INTEGER NOT NULL,
      available_at INTEGER NOT NULL
    )`);
    this.#db.exec("CREATE INDEX IF NOT EXISTS reminders_available ON reminders (available_at)");
    this.#db.exec("CREATE INDEX IF NOT EXISTS reminders_user ON reminders (user_id)");
  }

  #transaction<T>(fn: () => T): T {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      const result = fn();
      this.#db.exec("COMMIT");
      return result;
    } catch (err) {
      this.#db.exec("ROLLBACK");
      throw err;
    }
  }

  async schedule(reminders: readonly Reminder[]): Promise<void> {
    const insert = this.#db.prepare(
      "INSERT OR REPLACE INTO reminders (id, user_id, kind, date, locale, due_at, available_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    this.#transaction(() => {
      for (const r of reminders) insert.run(r.id, r.userId, r.kind, r.date, r.locale, r.dueAt, r.dueAt);
    });
  }

  async cancelUser(userId: string): Promise<number> {
    return Number(this.#db.prepare("DELETE FROM reminders WHERE user_id = ?").run(userId).changes);
  }

  async countUser(userId: string): Promise<number> {
    const row = this.#db.prepare("SELECT COUNT(*) AS n FROM reminders WHERE user_id = ?").get(userId) as { n: number };
    return Number(row.n);
  }

  async claimDue(now: number, leaseMs: number, limit: number): Promise<Reminder[]> {
    return this.#transaction(() => {
      const rows = this.#db
        .prepare("SELECT id, user_id, kind, date, locale, due_at FROM reminders WHERE available_at <= ? ORDER BY available_at LIMIT ?")
        .all(now, limit) as unknown as Row[];
      const claim = this.#db.prepare("UPDATE reminders SET available_at = ? WHERE id = ? AND available_at <= ?");
      return rows.filter((r) => Number(claim.run(now + leaseMs, r.id, now).changes) === 1).map(toReminder);
    });
  }

  async complete(id: string): Promise<void> {
    this.#db.prepare("DELETE FROM reminders WHERE id = ?").run(id);
  }

  async release(id: string, at: number): Promise<void> {
    this.#db.prepare("UPDATE reminders SET available_at = ? WHERE id = ?").run(at, id);
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
