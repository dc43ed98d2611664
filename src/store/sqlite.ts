/**
 * SQLite {@link SessionStore} on Node's built-in `node:sqlite` (`DatabaseSync`).
 *
 * Meant for **one instance** with a persistent disk: data survives restarts, but `withLock` is an
 * in-process FIFO mutex, so two processes sharing the file do not serialise each other's
 * conversations. Every individual operation is still safe when processes share the file: writes run
 * in `BEGIN IMMEDIATE` transactions, WAL mode lets readers proceed during writes, and `busy_timeout`
 * makes a writer wait for the other's transaction instead of failing. Note that `node:sqlite` is
 * synchronous: while waiting on a busy file the event loop is blocked for up to `busyTimeoutMs`.
 *
 * Checkpoints (copying the WAL back into the database file, then an fsync) are kept off the event
 * loop: a commit never checkpoints (`wal_autocheckpoint` is off on this connection); after every
 * `walCheckpointCommits` write transactions a worker thread with its own connection runs a PASSIVE
 * checkpoint, which blocks neither readers nor writers. When it is done, this connection checkpoints
 * the few frames committed meanwhile (a fraction of a millisecond), so that the next commit starts
 * the WAL over: with writes going on all the time, a checkpoint from another connection alone never
 * catches up with the WAL, which would then grow without end. (SQLite's own checkpoint, inline in the
 * commit that crosses 1,000 pages, stalled the event loop for 3–5 ms every few hundred commits.)
 *
 * The inbox (accepted LINE events not yet answered) is the table `inbox` in the same file: an event is
 * a row from before the webhook's 200 until it is answered. Opening the file hands every row a previous
 * process had taken out again at once (`resumed`): one instance per file, so its taker is gone.
 */

import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { Worker } from "node:worker_threads";
import { decodeConversation, encodeConversation, StoreClosedError, ttlMillis } from "./codec.ts";
import { KeyedMutex } from "./mutex.ts";
import type { InboxItem, InboxTakeOptions, NewInboxItem, SessionStore, StoredConversation, ValueWrite } from "./types.ts";

/** Options for {@link SqliteStore}. */
export interface SqliteStoreOptions {
  /** How often expired rows are deleted (they are ignored on read regardless). Default 60 000 ms. */
  sweepIntervalMs?: number;
  /** How long `withLock` waits for the conversation before a `LockTimeoutError`. Default 10 000 ms. */
  lockWaitMs?: number;
  /** SQLite `busy_timeout`: how long a write waits for another connection's lock. Default 5 000 ms. */
  busyTimeoutMs?: number;
  /**
   * Write transactions between two checkpoints, which a worker thread runs (see the module comment).
   * Default 500 (about SQLite's own 1,000-page threshold at this store's two to three pages per
   * commit). 0: leave checkpoints to SQLite, inline in the commit that crosses 1,000 pages.
   */
  walCheckpointCommits?: number;
  /** Called with errors of the background sweep and checkpoints (which are otherwise ignored). */
  onError?: (error: unknown) => void;
}

/**
 * The checkpoint worker (plain JavaScript, evaluated as a script: it needs no loader): its own
 * connection to the file; every message but "close" runs one PASSIVE checkpoint and answers
 * `{ ok }` or `{ error }`.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require("node:worker_threads");
const { DatabaseSync } = require("node:sqlite");
const db = new DatabaseSync(workerData.path, { timeout: workerData.busyTimeoutMs });
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    checkpoint.get();
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
});
`;

/** For the synchronous waits of {@link whileBusy}; nothing ever notifies it. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `step` again while SQLite answers SQLITE_BUSY, until `deadline` (ms since the epoch). Switching a
 * file to WAL needs an exclusive lock, and when another connection holds an open write SQLite answers
 * "database is locked" at once instead of calling the busy handler (waiting could deadlock): two
 * instances starting on one new file. Only the opening uses it; the thread sleeps 1 → 50 ms between tries.
 */
function whileBusy<T>(deadline: number, step: () => T): T {
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      return step();
    } catch (error) {
      if ((error as { errcode?: number }).errcode !== 5 || Date.now() >= deadline) throw error;
      Atomics.wait(PAUSE, 0, 0, Math.max(1, Math.min(pause, deadline - Date.now())));
    }
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS conversations (
  id         TEXT PRIMARY KEY,
  json       TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_expires_at ON conversations (expires_at);
CREATE TABLE IF NOT EXISTS dedupe_keys (
  key        TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dedupe_keys_expires_at ON dedupe_keys (expires_at);
CREATE TABLE IF NOT EXISTS kv (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS kv_expires_at ON kv (expires_at);
CREATE TABLE IF NOT EXISTS inbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  queue           TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  body            TEXT NOT NULL,
  received_at     INTEGER NOT NULL,
  deliveries      INTEGER NOT NULL DEFAULT 0,
  taken_by        TEXT,
  taken_at        INTEGER,
  parked_reason   TEXT
);
CREATE INDEX IF NOT EXISTS inbox_conversation ON inbox (queue, conversation_id, id);
`;

/** A file-backed store; see the module comment for what is and is not safe across processes. */
export class SqliteStore implements SessionStore {
  /** The resolved database file path (or `:memory:`). */
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #mutex = new KeyedMutex();
  readonly #lockWaitMs: number;
  readonly #busyTimeoutMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #sweeper: NodeJS.Timeout;
  /** Commits between checkpoints by the worker; 0 when SQLite checkpoints inline (or no WAL). */
  #checkpointEvery: number;
  /** Commits since the last completed checkpoint. */
  #commits = 0;
  #checkpointer: Worker | undefined;
  #checkpointing = false;
  readonly #sql: {
    getConversation: StatementSync;
    saveConversation: StatementSync;
    deleteConversation: StatementSync;
    claimEvent: StatementSync;
    releaseEvent: StatementSync;
    getValue: StatementSync;
    setValue: StatementSync;
    sweepConversations: StatementSync;
    sweepEvents: StatementSync;
    sweepValues: StatementSync;
    checkpoint: StatementSync;
    enqueue: StatementSync;
    stale: StatementSync;
    fresh: StatementSync;
    takeRow: StatementSync;
    queued: StatementSync;
    finish: StatementSync;
    park: StatementSync;
    parked: StatementSync;
    depth: StatementSync;
  };
  /** Waiting `take` calls, woken by `enqueue` (one process per file). */
  readonly #takers = new Set<() => void>();
  #closed = false;

  /** Open (creating when needed, parent directory included) the database at `path`. */
  constructor(path: string, options: SqliteStoreOptions = {}) {
    const inMemory = path === ":memory:";
    this.path = inMemory ? path : resolve(path);
    if (!inMemory) mkdirSync(dirname(this.path), { recursive: true });
    this.#lockWaitMs = options.lockWaitMs ?? 10_000;
    this.#onError = options.onError ?? (() => {});

    const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
    this.#busyTimeoutMs = Math.max(0, Math.floor(busyTimeoutMs));
    this.#db = new DatabaseSync(this.path, { timeout: busyTimeoutMs });
    try {
      this.#db.exec(`PRAGMA busy_timeout = ${this.#busyTimeoutMs}`);
      const wal = whileBusy(Date.now() + this.#busyTimeoutMs, () => this.#db.prepare("PRAGMA journal_mode = WAL").get())
        ?.journal_mode === "wal";
      this.#checkpointEvery = wal ? Math.max(0, Math.floor(options.walCheckpointCommits ?? 500)) : 0;
      if (this.#checkpointEvery > 0) this.#db.exec("PRAGMA wal_autocheckpoint = 0");
      this.#db.exec("PRAGMA synchronous = NORMAL");
      this.#transaction(() => this.#db.exec(SCHEMA));
    } catch (error) {
      this.#db.close();
      throw error;
    }

    const db = this.#db;
    this.#sql = {
      getConversation: db.prepare("SELECT json FROM conversations WHERE id = ? AND expires_at > ?"),
      saveConversation: db.prepare(
        `INSERT INTO conversations (id, json, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET json = excluded.json, expires_at = excluded.expires_at`,
      ),
      deleteConversation: db.prepare("DELETE FROM conversations WHERE id = ?"),
      // Inserts a new key, or takes over an expired one; changes === 0 means a live claim exists.
      claimEvent: db.prepare(
        `INSERT INTO dedupe_keys (key, expires_at) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at
         WHERE dedupe_keys.expires_at <= ?`,
      ),
      releaseEvent: db.prepare("DELETE FROM dedupe_keys WHERE key = ?"),
      getValue: db.prepare("SELECT value FROM kv WHERE key = ? AND expires_at > ?"),
      setValue: db.prepare(
        `INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      ),
      sweepConversations: db.prepare("DELETE FROM conversations WHERE expires_at <= ?"),
      sweepEvents: db.prepare("DELETE FROM dedupe_keys WHERE expires_at <= ?"),
      sweepValues: db.prepare("DELETE FROM kv WHERE expires_at <= ?"),
      checkpoint: db.prepare("PRAGMA wal_checkpoint(PASSIVE)"),
      enqueue: db.prepare("INSERT INTO inbox (queue, conversation_id, body, received_at) VALUES (?, ?, ?, ?)"),
      stale: db.prepare(
        `SELECT id, conversation_id, body, deliveries FROM inbox
         WHERE queue = ? AND parked_reason IS NULL AND taken_at IS NOT NULL AND taken_at <= ? ORDER BY id LIMIT ?`,
      ),
      fresh: db.prepare(
        `SELECT id, conversation_id, body, deliveries FROM inbox
         WHERE queue = ? AND parked_reason IS NULL AND taken_at IS NULL ORDER BY id LIMIT ?`,
      ),
      takeRow: db.prepare("UPDATE inbox SET taken_by = ?, taken_at = ?, deliveries = deliveries + 1 WHERE id = ?"),
      queued: db.prepare(
        `SELECT id, conversation_id, body, deliveries FROM inbox
         WHERE queue = ? AND conversation_id = ? AND parked_reason IS NULL ORDER BY id`,
      ),
      finish: db.prepare("DELETE FROM inbox WHERE id = ? AND queue = ? AND parked_reason IS NULL"),
      park: db.prepare("UPDATE inbox SET parked_reason = ? WHERE id = ? AND queue = ?"),
      parked: db.prepare(
        "SELECT id, conversation_id, body, deliveries, parked_reason FROM inbox WHERE queue = ? AND parked_reason IS NOT NULL ORDER BY id",
      ),
      depth: db.prepare("SELECT count(*) AS n FROM inbox WHERE queue = ? AND parked_reason IS NULL"),
    };
    // Rows taken by a process that is gone (one instance per file): hand them out again at once.
    this.#transaction(() => db.exec("UPDATE inbox SET taken_at = 0 WHERE taken_at IS NOT NULL AND parked_reason IS NULL"));

    this.#sweeper = setInterval(() => {
      try {
        this.sweep();
      } catch (error) {
        this.#onError(error);
      }
    }, options.sweepIntervalMs ?? 60_000);
    this.#sweeper.unref();
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    this.#open();
    const row = this.#sql.getConversation.get(conversationId, Date.now());
    if (row === undefined) return undefined;
    return decodeConversation(String(row.json), conversationId);
  }

  async save(conversationId: string, value: StoredConversation, ttlMs: number, values: readonly ValueWrite[] = []): Promise<void> {
    this.#open();
    const now = Date.now();
    const expiresAt = now + ttlMillis(ttlMs);
    const writes = values.map((v) => [v.key, v.value, now + ttlMillis(v.ttlMs)] as const);
    const json = encodeConversation(value);
    this.#transaction(() => {
      this.#sql.saveConversation.run(conversationId, json, expiresAt);
      for (const [key, text, valueExpiresAt] of writes) this.#sql.setValue.run(key, text, valueExpiresAt);
    });
  }

  async delete(conversationId: string): Promise<void> {
    this.#open();
    this.#transaction(() => this.#sql.deleteConversation.run(conversationId));
  }

  async claimEvent(key: string, ttlMs: number): Promise<boolean> {
    this.#open();
    const now = Date.now();
    const expiresAt = now + ttlMillis(ttlMs);
    const result = this.#transaction(() => this.#sql.claimEvent.run(key, expiresAt, now));
    return Number(result.changes) > 0;
  }

  async releaseEvent(key: string): Promise<void> {
    this.#open();
    this.#transaction(() => this.#sql.releaseEvent.run(key));
  }

  /**
   * In-process FIFO lock per conversation. It does not coordinate with other processes that share
   * the file: run a single instance on SQLite (or use Redis for several).
   */
  async withLock<T>(conversationId: string, fn: () => Promise<T>): Promise<T> {
    this.#open();
    return this.#mutex.run(conversationId, fn, this.#lockWaitMs);
  }

  async getValue(key: string): Promise<string | undefined> {
    this.#open();
    const row = this.#sql.getValue.get(key, Date.now());
    return row === undefined ? undefined : String(row.value);
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.#open();
    const expiresAt = Date.now() + ttlMillis(ttlMs);
    this.#transaction(() => this.#sql.setValue.run(key, value, expiresAt));
  }

  async enqueue(queue: string, items: readonly NewInboxItem[]): Promise<void> {
    this.#open();
    const now = Date.now();
    this.#transaction(() => {
      for (const item of items) this.#sql.enqueue.run(queue, item.conversationId, item.body, now);
    });
    for (const wake of [...this.#takers]) wake();
  }

  async take(queue: string, options: InboxTakeOptions): Promise<InboxItem[]> {
    this.#open();
    const first = this.#takeNow(queue, options);
    if (first.length > 0 || options.waitMs <= 0) return first;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#takers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, options.waitMs);
      this.#takers.add(done);
    });
    this.#open();
    return this.#takeNow(queue, options);
  }

  async queued(queue: string, conversationId: string): Promise<InboxItem[]> {
    this.#open();
    return this.#sql.queued.all(queue, conversationId).map((row) => inboxItem(row, false));
  }

  async finish(queue: string, item: InboxItem): Promise<void> {
    this.#open();
    this.#transaction(() => this.#sql.finish.run(Number(item.id), queue));
  }

  async park(queue: string, item: InboxItem, reason: string): Promise<void> {
    this.#open();
    this.#transaction(() => this.#sql.park.run(reason, Number(item.id), queue));
  }

  async parked(queue: string): Promise<(InboxItem & { reason: string })[]> {
    this.#open();
    return this.#sql.parked.all(queue).map((row) => ({ ...inboxItem(row, false), reason: String(row.parked_reason) }));
  }

  async inboxDepth(queue: string): Promise<number> {
    this.#open();
    return Number(this.#sql.depth.get(queue)?.n ?? 0);
  }

  async ping(): Promise<void> {
    this.#open();
    this.#db.prepare("SELECT 1").get();
  }

  /** Stale rows first (resumed), else new ones; marked taken in one transaction. */
  #takeNow(queue: string, { consumer, max, resumeAfterMs }: InboxTakeOptions): InboxItem[] {
    return this.#transaction(() => {
      const now = Date.now();
      let resumed = true;
      let rows = this.#sql.stale.all(queue, now - resumeAfterMs, max);
      if (rows.length === 0) {
        resumed = false;
        rows = this.#sql.fresh.all(queue, max);
      }
      for (const row of rows) this.#sql.takeRow.run(consumer, now, Number(row.id));
      return rows.map((row) => inboxItem(row, resumed));
    });
  }

  /**
   * Stop the sweep timer and the checkpoint worker, and close the database (which checkpoints what is
   * left). Later calls reject with {@link StoreClosedError}.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#sweeper);
    for (const wake of [...this.#takers]) wake();
    const worker = this.#checkpointer;
    this.#checkpointer = undefined;
    if (worker) {
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("close");
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    }
    this.#db.close();
  }

  /** Delete every expired row now; returns how many were deleted. Runs periodically by itself. */
  sweep(now = Date.now()): number {
    this.#open();
    return this.#transaction(
      () =>
        Number(this.#sql.sweepConversations.run(now).changes) +
        Number(this.#sql.sweepEvents.run(now).changes) +
        Number(this.#sql.sweepValues.run(now).changes),
    );
  }

  /** Run `work` in a write transaction, taking the write lock up front (waits up to busy_timeout). */
  #transaction<T>(work: () => T): T {
    this.#db.exec("BEGIN IMMEDIATE");
    let result: T;
    try {
      result = work();
      this.#db.exec("COMMIT");
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec("ROLLBACK");
      throw error;
    }
    if (this.#checkpointEvery > 0 && ++this.#commits >= this.#checkpointEvery) this.#checkpoint();
    return result;
  }

  /**
   * Ask the worker (started on first use) for a checkpoint, unless one is under way. Should the
   * worker fall far behind (starting, or an event loop that does not let its answer in), checkpoint
   * here: the WAL stays bounded whatever happens.
   */
  #checkpoint(): void {
    if (this.#commits >= 2 * this.#checkpointEvery) {
      this.#checkpointHere();
      return;
    }
    if (this.#checkpointing || this.#closed) return;
    this.#checkpointing = true;
    this.#checkpointer ??= this.#startCheckpointer();
    this.#checkpointer.postMessage("checkpoint");
  }

  /** A PASSIVE checkpoint on this connection, on the event loop. */
  #checkpointHere(): void {
    this.#commits = 0;
    try {
      this.#sql.checkpoint.get();
    } catch (error) {
      this.#onError(error);
    }
  }

  #startCheckpointer(): Worker {
    const worker = new Worker(CHECKPOINTER, {
      eval: true,
      // The worker is plain JavaScript: none of this process's flags (e.g. `--import tsx`).
      execArgv: [],
      workerData: { path: this.path, busyTimeoutMs: this.#busyTimeoutMs },
    });
    worker.on("message", (answer: { ok?: boolean; error?: string }) => {
      this.#checkpointing = false;
      if (answer.error !== undefined) this.#onError(new Error(`sqlite checkpoint failed: ${answer.error}`));
      // The frames committed while the worker was at it: few, so this is quick.
      if (!this.#closed) this.#checkpointHere();
    });
    const fallBack = (error: unknown) => {
      if (this.#checkpointer !== worker) return; // closed on purpose
      this.#checkpointer = undefined;
      this.#checkpointEvery = 0;
      // Without the worker, SQLite checkpoints inline again: the WAL must not grow without bound.
      if (!this.#closed) this.#db.exec("PRAGMA wal_autocheckpoint = 1000");
      this.#onError(error);
    };
    worker.on("error", fallBack);
    worker.on("exit", (code) => fallBack(new Error(`sqlite checkpoint worker exited (${code})`)));
    // Never what keeps the process alive (after the listeners: adding one refs the worker again).
    worker.unref();
    return worker;
  }

  #open(): void {
    if (this.#closed) throw new StoreClosedError("sqlite");
  }
}

/** An inbox row as an {@link InboxItem}. */
function inboxItem(row: Record<string, unknown>, resumed: boolean): InboxItem {
  return {
    id: String(row.id),
    conversationId: String(row.conversation_id),
    body: String(row.body),
    deliveries: Number(row.deliveries),
    resumed,
  };
}
