/**
 * Counters kept beside the conversations, in the same store (`SESSION_STORE`): the daily figures, the
 * unread messages and the open hand-offs of issue 18. A tally is a named set of whole-number fields
 * (`figures:2026-12-02` → `route:pin-retry-guidance` = 3) that expires as a whole; adding to it is
 * atomic in every store, so that several instances on one Redis count together.
 *
 * Kept apart from the `SessionStore` (src/store) on purpose: the figures are not the conversation's,
 * and their store opens its own connection to the same place (a second SQLite connection to the same
 * file, a second Redis connection), so neither store's code knows the other.
 *
 * - memory: a Map (single process, lost on restart);
 * - sqlite: table `tallies (key, field, value, expires_at)` in the session store's file;
 * - redis: one hash per tally, `mcr:tally:<key>`, with the tally's expiry (PEXPIRE).
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export interface TallyStore {
  /**
   * Add `increments` to the tally's fields (creating them at 0); the whole tally then expires `ttlMs`
   * from now (a later add pushes the expiry on).
   */
  add(key: string, increments: Readonly<Record<string, number>>, ttlMs: number): Promise<void>;
  /** Set fields to values (e.g. a ticket's opening time). */
  set(key: string, values: Readonly<Record<string, number>>, ttlMs: number): Promise<void>;
  /** Every field of a live tally (empty when unknown or expired). */
  read(key: string): Promise<Record<string, number>>;
  /** Remove fields from a tally. */
  remove(key: string, fields: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** The tally store for a `SESSION_STORE` value: beside the conversations. */
export async function createTallyStore(spec: string, opts: { onError?: (error: unknown) => void } = {}): Promise<TallyStore> {
  const value = spec.trim();
  if (value.startsWith("sqlite:") && value !== "sqlite::memory:") return new SqliteTally(value.slice("sqlite:".length));
  if (/^rediss?:\/\//i.test(value)) {
    const { connectRedis } = await import("../store/redis.ts");
    return new RedisTally(connectRedis(value, opts.onError ?? (() => {})));
  }
  return new MemoryTally();
}

/** Single process only (tests, demos): lost on restart. */
export class MemoryTally implements TallyStore {
  readonly #tallies = new Map<string, { fields: Map<string, number>; expiresAt: number }>();

  async add(key: string, increments: Readonly<Record<string, number>>, ttlMs: number): Promise<void> {
    const tally = this.#live(key) ?? { fields: new Map<string, number>(), expiresAt: 0 };
    for (const [field, n] of Object.entries(increments)) tally.fields.set(field, (tally.fields.get(field) ?? 0) + n);
    tally.expiresAt = Date.now() + ttlMs;
    this.#tallies.set(key, tally);
  }

  async set(key: string, values: Readonly<Record<string, number>>, ttlMs: number): Promise<void> {
    const tally = this.#live(key) ?? { fields: new Map<string, number>(), expiresAt: 0 };
    for (const [field, n] of Object.entries(values)) tally.fields.set(field, n);
    tally.expiresAt = Date.now() + ttlMs;
    this.#tallies.set(key, tally);
  }

  async read(key: string): Promise<Record<string, number>> {
    return Object.fromEntries(this.#live(key)?.fields ?? []);
  }

  async remove(key: string, fields: readonly string[]): Promise<void> {
    const tally = this.#live(key);
    for (const field of fields) tally?.fields.delete(field);
  }

  async close(): Promise<void> {
    this.#tallies.clear();
  }

  #live(key: string) {
    const tally = this.#tallies.get(key);
    if (tally && tally.expiresAt <= Date.now()) {
      this.#tallies.delete(key);
      return undefined;
    }
    return tally;
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tallies (
  key TEXT NOT NULL,
  field TEXT NOT NULL,
  value INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (key, field)
) WITHOUT ROWID;
`;

/** A second connection to the session store's SQLite file (its WAL lets both write in turn). */
export class SqliteTally implements TallyStore {
  readonly #db: import("node:sqlite").DatabaseSync;
  readonly #sql: Record<"add" | "set" | "touch" | "read" | "remove" | "sweep", import("node:sqlite").StatementSync>;
  #writes = 0;

  constructor(path: string) {
    const file = resolve(path);
    mkdirSync(dirname(file), { recursive: true });
    // Loaded here so that a server on another store never loads node:sqlite.
    const { DatabaseSync } = process.getBuiltinModule("node:sqlite") as typeof import("node:sqlite");
    this.#db = new DatabaseSync(file, { timeout: 5_000 });
    this.#db.exec("PRAGMA busy_timeout = 5000");
    // As the session store's own connection: in WAL mode a commit then needs no fsync (the WAL is
    // synced at checkpoints), so a tally write costs microseconds, not a disk flush per turn.
    this.#db.exec("PRAGMA synchronous = NORMAL");
    this.#db.exec(SCHEMA);
    const db = this.#db;
    this.#sql = {
      add: db.prepare(
        `INSERT INTO tallies (key, field, value, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key, field) DO UPDATE SET
           value = CASE WHEN tallies.expires_at > ? THEN tallies.value + excluded.value ELSE excluded.value END,
           expires_at = excluded.expires_at`,
      ),
      set: db.prepare(
        `INSERT INTO tallies (key, field, value, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key, field) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      ),
      touch: db.prepare("UPDATE tallies SET expires_at = ? WHERE key = ? AND expires_at > ?"),
      read: db.prepare("SELECT field, value FROM tallies WHERE key = ? AND expires_at > ?"),
      remove: db.prepare("DELETE FROM tallies WHERE key = ? AND field = ?"),
      sweep: db.prepare("DELETE FROM tallies WHERE expires_at <= ?"),
    };
  }

  async add(key: string, increments: Readonly<Record<string, number>>, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.#write(() => {
      this.#sql.touch.run(now + ttlMs, key, now);
      for (const [field, n] of Object.entries(increments)) this.#sql.add.run(key, field, n, now + ttlMs, now);
    });
  }

  async set(key: string, values: Readonly<Record<string, number>>, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.#write(() => {
      this.#sql.touch.run(now + ttlMs, key, now);
      for (const [field, n] of Object.entries(values)) this.#sql.set.run(key, field, n, now + ttlMs);
    });
  }

  async read(key: string): Promise<Record<string, number>> {
    const rows = this.#sql.read.all(key, Date.now()) as { field: string; value: number }[];
    return Object.fromEntries(rows.map((r) => [r.field, Number(r.value)]));
  }

  async remove(key: string, fields: readonly string[]): Promise<void> {
    this.#write(() => {
      for (const field of fields) this.#sql.remove.run(key, field);
    });
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }

  /** One transaction; every 1,000th also deletes the expired rows. */
  #write(fn: () => void): void {
    this.#db.exec("BEGIN IMMEDIATE");
    try {
      fn();
      if (++this.#writes % 1_000 === 0) this.#sql.sweep.run(Date.now());
      this.#db.exec("COMMIT");
    } catch (error) {
      this.#db.exec("ROLLBACK");
      throw error;
    }
  }
}

type RedisClient = import("ioredis").Redis;

/** One hash per tally on the session store's Redis (a connection of its own). */
export class RedisTally implements TallyStore {
  readonly #redis: RedisClient;
  readonly #prefix: string;

  constructor(redis: RedisClient, prefix = "mcr:tally:") {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async add(key: string, increments: Readonly<Record<string, number>>, ttlMs: number): Promise<void> {
    const k = this.#prefix + key;
    const multi = this.#redis.multi();
    for (const [field, n] of Object.entries(increments)) multi.hincrby(k, field, n);
    await multi.pexpire(k, ttlMs).exec();
  }

  async set(key: string, values: Readonly<Record<string, number>>, ttlMs: number): Promise<void> {
    const k = this.#prefix + key;
    await this.#redis.multi().hset(k, values).pexpire(k, ttlMs).exec();
  }

  async read(key: string): Promise<Record<string, number>> {
    const all = await this.#redis.hgetall(this.#prefix + key);
    return Object.fromEntries(Object.entries(all).map(([f, v]) => [f, Number(v)]));
  }

  async remove(key: string, fields: readonly string[]): Promise<void> {
    if (fields.length > 0) await this.#redis.hdel(this.#prefix + key, ...fields);
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }
}

/**
 * Adds gathered in memory and written together every `intervalMs` (and before any read, set, remove
 * or close), so that a turn costs a Map update rather than a database write: at most one write per
 * tally per interval, whatever the traffic. A crash loses at most the last interval's counts.
 */
export class BufferedTally implements TallyStore {
  readonly #inner: TallyStore;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  #buffer = new Map<string, { increments: Record<string, number>; ttlMs: number }>();
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(inner: TallyStore, opts: { intervalMs?: number; onError?: (error: unknown) => void } = {}) {
    this.#inner = inner;
    this.#intervalMs = opts.intervalMs ?? 1_000;
    this.#onError = opts.onError ?? (() => {});
  }

  async add(key: string, increments: Readonly<Record<string, number>>, ttlMs: number): Promise<void> {
    const entry = this.#buffer.get(key) ?? { increments: {}, ttlMs };
    for (const [field, n] of Object.entries(increments)) entry.increments[field] = (entry.increments[field] ?? 0) + n;
    entry.ttlMs = ttlMs;
    this.#buffer.set(key, entry);
    this.#timer ??= setTimeout(() => void this.flush().catch((error: unknown) => this.#onError(error)), this.#intervalMs).unref();
  }

  async set(key: string, values: Readonly<Record<string, number>>, ttlMs: number): Promise<void> {
    await this.flush();
    await this.#inner.set(key, values, ttlMs);
  }

  async read(key: string): Promise<Record<string, number>> {
    await this.flush();
    return this.#inner.read(key);
  }

  async remove(key: string, fields: readonly string[]): Promise<void> {
    await this.flush();
    await this.#inner.remove(key, fields);
  }

  /** Write what is gathered; resolves when it (and every earlier write) is done. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#buffer;
    this.#buffer = new Map();
    const write = this.#writing.then(async () => {
      for (const [key, { increments, ttlMs }] of batch) await this.#inner.add(key, increments, ttlMs);
    });
    // A failed batch is reported by whoever awaits it; the next ones still run.
    this.#writing = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.#inner.close();
    }
  }
}
