/**
 * In-memory {@link SessionStore}. **Single process only**: data lives in this process's heap, is lost
 * on restart and is invisible to other instances; `withLock` only orders callers inside this process.
 * Use it for development, tests and single-instance demos; use sqlite or redis otherwise. Its inbox
 * (accepted LINE events not yet answered) is in memory too: a restart loses it. Tests only.
 */

import { decodeConversation, encodeConversation, StoreClosedError, ttlMillis } from "./codec.ts";
import { KeyedMutex } from "./mutex.ts";
import { MemoryInbox } from "./inbox-memory.ts";
import type { InboxItem, InboxTakeOptions, NewInboxItem, SessionStore, StoredConversation, ValueWrite } from "./types.ts";

/** Options for {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /** How often expired entries are swept (they are also ignored on read). Default 60 000 ms. */
  sweepIntervalMs?: number;
  /** How long `withLock` waits for the conversation before a `LockTimeoutError`. Default 10 000 ms. */
  lockWaitMs?: number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A Map-backed store with expiry. Expired entries are dropped lazily on read and by a periodic sweep
 * whose timer is `unref()`ed (it never keeps the process alive). Envelopes are stored as JSON text,
 * so callers get a fresh copy on every `get` and the store behaves like the persistent ones.
 */
export class MemoryStore implements SessionStore {
  readonly #conversations = new Map<string, Entry<string>>();
  readonly #events = new Map<string, Entry<true>>();
  readonly #values = new Map<string, Entry<string>>();
  readonly #mutex = new KeyedMutex();
  readonly #inbox = new MemoryInbox();
  readonly #lockWaitMs: number;
  readonly #sweeper: NodeJS.Timeout;
  #closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.#lockWaitMs = options.lockWaitMs ?? 10_000;
    this.#sweeper = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 60_000);
    this.#sweeper.unref();
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    const text = this.#read(this.#conversations, conversationId);
    return text === undefined ? undefined : decodeConversation(text, conversationId);
  }

  async save(conversationId: string, value: StoredConversation, ttlMs: number, values: readonly ValueWrite[] = []): Promise<void> {
    this.#open();
    const now = Date.now();
    const expiresAt = now + ttlMillis(ttlMs);
    const entries = values.map((v) => [v.key, { value: v.value, expiresAt: now + ttlMillis(v.ttlMs) }] as const);
    this.#conversations.set(conversationId, { value: encodeConversation(value), expiresAt });
    for (const [key, entry] of entries) this.#values.set(key, entry);
  }

  async delete(conversationId: string): Promise<void> {
    this.#open();
    this.#conversations.delete(conversationId);
  }

  async claimEvent(key: string, ttlMs: number): Promise<boolean> {
    const ttl = ttlMillis(ttlMs);
    if (this.#read(this.#events, key) !== undefined) return false;
    this.#events.set(key, { value: true, expiresAt: Date.now() + ttl });
    return true;
  }

  async releaseEvent(key: string): Promise<void> {
    this.#open();
    this.#events.delete(key);
  }

  /** In-process FIFO lock per conversation (see {@link KeyedMutex}); not shared between processes. */
  async withLock<T>(conversationId: string, fn: () => Promise<T>): Promise<T> {
    this.#open();
    return this.#mutex.run(conversationId, fn, this.#lockWaitMs);
  }

  async getValue(key: string): Promise<string | undefined> {
    return this.#read(this.#values, key);
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.#open();
    this.#values.set(key, { value, expiresAt: Date.now() + ttlMillis(ttlMs) });
  }

  async enqueue(queue: string, items: readonly NewInboxItem[]): Promise<void> {
    this.#open();
    this.#inbox.enqueue(queue, items);
  }

  async take(queue: string, options: InboxTakeOptions): Promise<InboxItem[]> {
    this.#open();
    return this.#inbox.take(queue, options, () => this.#open());
  }

  async queued(queue: string, conversationId: string): Promise<InboxItem[]> {
    this.#open();
    return this.#inbox.queued(queue, conversationId);
  }

  async finish(queue: string, item: InboxItem): Promise<void> {
    this.#open();
    this.#inbox.finish(queue, item);
  }

  async park(queue: string, item: InboxItem, reason: string): Promise<void> {
    this.#open();
    this.#inbox.park(queue, item, reason);
  }

  async parked(queue: string): Promise<(InboxItem & { reason: string })[]> {
    this.#open();
    return this.#inbox.parked(queue);
  }

  async inboxDepth(queue: string): Promise<number> {
    this.#open();
    return this.#inbox.depth(queue);
  }

  async ping(): Promise<void> {
    this.#open();
  }

  /** Stop the sweep timer and drop all data. Later calls reject with {@link StoreClosedError}. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#sweeper);
    this.#conversations.clear();
    this.#events.clear();
    this.#values.clear();
    this.#inbox.clear();
  }

  /** Remove every expired entry now; returns how many were removed. Runs periodically by itself. */
  sweep(now = Date.now()): number {
    let removed = 0;
    for (const map of [this.#conversations, this.#events, this.#values] as Map<string, Entry<unknown>>[]) {
      for (const [key, entry] of map) {
        if (entry.expiresAt <= now) {
          map.delete(key);
          removed++;
        }
      }
    }
    return removed;
  }

  /** The live value under `key`, dropping it when expired. */
  #read<V>(map: Map<string, Entry<V>>, key: string): V | undefined {
    this.#open();
    const entry = map.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  #open(): void {
    if (this.#closed) throw new StoreClosedError("memory");
  }
}
