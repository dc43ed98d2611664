/**
 * Redis {@link SessionStore} on `ioredis`, for any number of instances sharing one Redis.
 *
 * Keys (with the default prefix `mcr:`): conversations `mcr:conv:<id>`, dedupe claims
 * `mcr:evt:<key>`, key/values `mcr:kv:<key>`, conversation locks `mcr:lock:<id>`. Every key carries
 * its TTL in Redis (`SET … PX`), so nothing needs sweeping.
 *
 * `withLock` is a distributed lease lock: `SET lock token NX PX lease`, retried with small jittered
 * waits until `lockWaitMs` has passed (then {@link LockTimeoutError}); the lease is extended while
 * the holder runs, and released only if the token still matches (compare-and-delete in Lua). A
 * crashed holder therefore blocks its conversation for at most one lease. In front of the Redis lock
 * sits a per-process FIFO queue, so concurrent events of one conversation inside one instance wait
 * in order without polling Redis.
 *
 * The inbox is a Redis Stream per queue, `mcr:inbox:<queue>`, read by the consumer group `instances`
 * (one consumer per process): `enqueue` XADDs (before the webhook's 200) and, in the same script,
 * appends the entry's id to the conversation's list `mcr:inboxq:<queue>:<conversation>`, so the
 * conversation's order is the stream's. `take` XAUTOCLAIMs entries left idle past the deadline by
 * any consumer (a dead instance's), else XREADGROUPs new ones on a connection of its own (a blocking
 * read would hold up every other command). `finish` XACKs and XDELs the entry and drops it from its
 * conversation's list; `park` first copies it, with the reason, to `mcr:inbox:<queue>:parked`.
 * Inbox keys have no TTL: an accepted event is never dropped by expiry.
 */

import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { decodeConversation, encodeConversation, sleep, StoreClosedError, ttlMillis } from "./codec.ts";
import { KeyedMutex } from "./mutex.ts";
import {
  LockTimeoutError,
  type InboxItem,
  type InboxTakeOptions,
  type NewInboxItem,
  type SessionStore,
  type StoredConversation,
  type ValueWrite,
} from "./types.ts";

/** Options for {@link RedisStore}. */
export interface RedisStoreOptions {
  /** Prefix of every key. Default `mcr:`. */
  keyPrefix?: string;
  /**
   * Lease of a conversation lock: how long a crashed holder can block its conversation. A live
   * holder renews it every half lease. Default 8 000 ms.
   */
  lockLeaseMs?: number;
  /** How long `withLock` waits (local queue plus Redis) before a `LockTimeoutError`. Default 10 000 ms. */
  lockWaitMs?: number;
  /**
   * Called with errors that have no caller to reject: connection errors, a failed lease renewal or
   * release, and a lock found lost (taken over after its lease ran out) when the holder finished.
   */
  onError?: (error: unknown) => void;
  /** Extra ioredis options, applied over this store's fail-fast defaults. */
  redis?: RedisOptions;
}

/** Reported through `onError` when a holder's lease ran out and the lock was no longer its own. */
export class LockLostError extends Error {
  readonly code = "LOCK_LOST";
  constructor(conversationId: string) {
    super(`lock of conversation ${conversationId} was lost before the holder finished`);
    this.name = "LockLostError";
  }
}

/** Delete KEYS[1] only while it still holds our token ARGV[1]. */
const COMPARE_AND_DELETE = `
if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("DEL", KEYS[1])
end
return 0`;

/** Set the TTL of KEYS[1] to ARGV[2] ms only while it still holds our token ARGV[1]. */
const COMPARE_AND_PEXPIRE = `
if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 0`;

/**
 * KEYS[1] the stream, KEYS[2..] the conversations' lists; ARGV pairs of (conversation, body). XADD each
 * entry and append its id to its conversation's list, all at once: the list's order is the stream's.
 */
const ENQUEUE = `
for i = 2, #KEYS do
  local id = redis.call("XADD", KEYS[1], "*", "c", ARGV[2 * i - 3], "b", ARGV[2 * i - 2])
  redis.call("RPUSH", KEYS[i], id)
end
return #KEYS - 1`;

/**
 * KEYS[1] the stream, KEYS[2] a conversation's list: its entries, oldest first (ids whose entry is gone
 * are dropped from the list).
 */
const QUEUED = `
local ids = redis.call("LRANGE", KEYS[2], 0, -1)
local out = {}
for _, id in ipairs(ids) do
  local entry = redis.call("XRANGE", KEYS[1], id, id)
  if #entry > 0 then table.insert(out, entry[1]) else redis.call("LREM", KEYS[2], 0, id) end
end
return out`;

/** How often one process looks for idle inbox entries to resume (more often while it finds some). */
const CLAIM_EVERY_MS = 250;

/** The consumer group every instance reads the inbox with. */
const GROUP = "instances";

/** A stream entry as ioredis returns it: `[id, [field, value, …]]`. */
type StreamEntry = [string, string[]];

/** Shortest and longest pause between two attempts at a busy lock (full jitter in between). */
const RETRY_MIN_MS = 5;
const RETRY_MAX_MS = 60;

/**
 * ioredis defaults for a store that must fail fast when Redis is down. Commands issued while
 * (re)connecting wait in the offline queue, but only until the next connection attempt fails
 * (`maxRetriesPerRequest: 0`); attempts come at most 0.5 s apart, so with Redis down a command
 * rejects within about half a second, while a short blip (a restart, a failover) is ridden out.
 * `commandTimeout` bounds everything else (e.g. a host that drops packets). A command in flight
 * when the connection drops rejects rather than being resent. (`enableOfflineQueue: false` would
 * also reject the commands sent right after start, before the connection is ready.)
 */
const FAIL_FAST: RedisOptions = {
  maxRetriesPerRequest: 0,
  enableOfflineQueue: true,
  connectTimeout: 5_000,
  commandTimeout: 5_000,
  retryStrategy: (times) => Math.min(50 * times, 500),
};

/**
 * A Redis connection with this store's fail-fast defaults, for other shared state that lives beside the
 * sessions (the web chat's rate-limit counters). Errors go to `onError` instead of ioredis's console.
 */
export function connectRedis(url: string, onError: (error: unknown) => void = () => {}, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, { ...FAIL_FAST, ...options });
  redis.on("error", (error: unknown) => onError(error));
  return redis;
}

/** A store backed by one Redis connection; see the module comment for keys and locking. */
export class RedisStore implements SessionStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #leaseMs: number;
  readonly #lockWaitMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #local = new KeyedMutex();
  /** The inbox's blocking reads (XREADGROUP … BLOCK), on a connection of their own; opened on first use. */
  #reader: Redis | undefined;
  /** Queues whose consumer group exists (created on first `take`). */
  readonly #groups = new Set<string>();
  /** When each queue's idle entries were last claimed (XAUTOCLAIM at most every {@link CLAIM_EVERY_MS}). */
  readonly #lastClaim = new Map<string, number>();
  #closed = false;

  /** Start connecting (in the background) to `url`, e.g. `redis://127.0.0.1:6379/5` or `rediss://…`. */
  constructor(url: string, options: RedisStoreOptions = {}) {
    this.#prefix = options.keyPrefix ?? "mcr:";
    this.#leaseMs = Math.ceil(options.lockLeaseMs ?? 8_000);
    this.#lockWaitMs = options.lockWaitMs ?? 10_000;
    if (!(this.#leaseMs > 0)) throw new RangeError(`lockLeaseMs must be positive, got ${options.lockLeaseMs}`);
    this.#onError = options.onError ?? (() => {});
    // Without a listener ioredis prints every connection error; commands reject on their own.
    this.#redis = connectRedis(url, (error) => this.#onError(error), options.redis);
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    this.#open();
    const text = await this.#redis.get(this.#key("conv", conversationId));
    return text === null ? undefined : decodeConversation(text, conversationId);
  }

  async save(conversationId: string, value: StoredConversation, ttlMs: number, values: readonly ValueWrite[] = []): Promise<void> {
    this.#open();
    const key = this.#key("conv", conversationId);
    const json = encodeConversation(value);
    const ttl = ttlMillis(ttlMs);
    if (values.length === 0) {
      await this.#redis.set(key, json, "PX", ttl);
      return;
    }
    const writes = values.map((v) => [this.#key("kv", v.key), v.value, ttlMillis(v.ttlMs)] as const);
    // MULTI/EXEC: the conversation and its values are applied together, in one round trip.
    const multi = this.#redis.multi().set(key, json, "PX", ttl);
    for (const [k, v, t] of writes) multi.set(k, v, "PX", t);
    const results = await multi.exec();
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (results === null) throw new Error(`redis: the save of conversation ${conversationId} was discarded`);
    if (failed) throw failed;
  }

  async delete(conversationId: string): Promise<void> {
    this.#open();
    await this.#redis.del(this.#key("conv", conversationId));
  }

  async claimEvent(key: string, ttlMs: number): Promise<boolean> {
    this.#open();
    const reply = await this.#redis.set(this.#key("evt", key), "1", "PX", ttlMillis(ttlMs), "NX");
    return reply === "OK";
  }

  async releaseEvent(key: string): Promise<void> {
    this.#open();
    await this.#redis.del(this.#key("evt", key));
  }

  /**
   * Hold the conversation's distributed lock while `fn` runs. Rejects with {@link LockTimeoutError}
   * when it cannot be had within `lockWaitMs` (then `fn` is not called), or with a Redis error.
   * Not re-entrant. A failed release is reported to `onError`; the lease then runs out by itself.
   */
  async withLock<T>(conversationId: string, fn: () => Promise<T>): Promise<T> {
    this.#open();
    const deadline = Date.now() + this.#lockWaitMs;
    const releaseLocal = await this.#local.acquire(conversationId, this.#lockWaitMs);
    try {
      const key = this.#key("lock", conversationId);
      const token = await this.#acquire(conversationId, key, deadline);
      const renewal = this.#keepLeased(conversationId, key, token);
      try {
        return await fn();
      } finally {
        renewal.stop();
        await this.#release(conversationId, key, token, renewal.lost);
      }
    } finally {
      releaseLocal();
    }
  }

  async getValue(key: string): Promise<string | undefined> {
    this.#open();
    return (await this.#redis.get(this.#key("kv", key))) ?? undefined;
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.#open();
    await this.#redis.set(this.#key("kv", key), value, "PX", ttlMillis(ttlMs));
  }

  async enqueue(queue: string, items: readonly NewInboxItem[]): Promise<void> {
    this.#open();
    if (items.length === 0) return;
    const keys = [this.#key("inbox", queue), ...items.map((i) => this.#inboxList(queue, i.conversationId))];
    const args = items.flatMap((i) => [i.conversationId, i.body]);
    await this.#redis.eval(ENQUEUE, keys.length, ...keys, ...args);
  }

  async take(queue: string, { consumer, max, waitMs, resumeAfterMs }: InboxTakeOptions): Promise<InboxItem[]> {
    this.#open();
    const stream = this.#key("inbox", queue);
    await this.#ensureGroup(queue, stream);
    // Entries left idle past the deadline, whoever took them (a dead instance, or this one after a failure).
    const now = Date.now();
    const claimed: [string, StreamEntry[]] =
      now - (this.#lastClaim.get(queue) ?? 0) < Math.min(CLAIM_EVERY_MS, resumeAfterMs / 2) ? ["0-0", []] : (await this.#redis.call("XAUTOCLAIM", stream, GROUP, consumer, Math.max(1, Math.floor(resumeAfterMs)), "0-0", "COUNT", max)) as [
      string,
      StreamEntry[],
    ];
    if (claimed[1].length === 0) this.#lastClaim.set(queue, now);
    const resumed = (claimed[1] ?? []).filter((e): e is StreamEntry => Array.isArray(e) && Array.isArray(e[1]));
    if (resumed.length > 0) {
      const first = resumed[0]?.[0] ?? "-";
      const last = resumed.at(-1)?.[0] ?? "+";
      const pending = (await this.#redis.call("XPENDING", stream, GROUP, first, last, resumed.length, consumer)) as [string, string, number, number][];
      const deliveries = new Map(pending.map(([id, , , n]) => [id, Number(n)]));
      return resumed.map((e) => ({ ...entryItem(e), deliveries: Math.max(0, (deliveries.get(e[0]) ?? 1) - 1), resumed: true }));
    }
    if (!this.#reader) {
      this.#reader = this.#redis.duplicate();
      this.#reader.on("error", (error: unknown) => this.#onError(error));
    }
    const read = (await this.#reader.call(
      "XREADGROUP", "GROUP", GROUP, consumer, "COUNT", max, "BLOCK", Math.max(1, Math.floor(waitMs)), "STREAMS", stream, ">",
    )) as [string, StreamEntry[]][] | [string, StreamEntry[]] | null;
    this.#open();
    // One stream read: `[[stream, entries]]`, or `[stream, entries]` as some protocol versions flatten it.
    const entries = read === null ? [] : typeof read[0] === "string" ? (read as [string, StreamEntry[]])[1] : ((read as [string, StreamEntry[]][])[0]?.[1] ?? []);
    return entries.map((e) => ({ ...entryItem(e), deliveries: 0, resumed: false }));
  }

  async queued(queue: string, conversationId: string): Promise<InboxItem[]> {
    this.#open();
    const entries = (await this.#redis.eval(QUEUED, 2, this.#key("inbox", queue), this.#inboxList(queue, conversationId))) as StreamEntry[];
    return entries.map((e) => ({ ...entryItem(e), deliveries: 0, resumed: false }));
  }

  async finish(queue: string, item: InboxItem): Promise<void> {
    this.#open();
    const stream = this.#key("inbox", queue);
    await this.#exec(
      this.#redis
        .multi()
        .xack(stream, GROUP, item.id)
        .xdel(stream, item.id)
        .lrem(this.#inboxList(queue, item.conversationId), 0, item.id),
    );
  }

  async park(queue: string, item: InboxItem, reason: string): Promise<void> {
    this.#open();
    const stream = this.#key("inbox", queue);
    await this.#exec(
      this.#redis
        .multi()
        .xadd(`${stream}:parked`, "*", "id", item.id, "c", item.conversationId, "b", item.body, "n", String(item.deliveries), "r", reason)
        .xack(stream, GROUP, item.id)
        .xdel(stream, item.id)
        .lrem(this.#inboxList(queue, item.conversationId), 0, item.id),
    );
  }

  async parked(queue: string): Promise<(InboxItem & { reason: string })[]> {
    this.#open();
    const entries = (await this.#redis.xrange(`${this.#key("inbox", queue)}:parked`, "-", "+")) as StreamEntry[];
    return entries.map(([, fields]) => {
      const f = fieldsOf(fields);
      return { id: f.id ?? "", conversationId: f.c ?? "", body: f.b ?? "", deliveries: Number(f.n ?? 0), resumed: false, reason: f.r ?? "" };
    });
  }

  async inboxDepth(queue: string): Promise<number> {
    this.#open();
    return this.#redis.xlen(this.#key("inbox", queue));
  }

  async ping(): Promise<void> {
    this.#open();
    await this.#redis.ping();
  }

  async #ensureGroup(queue: string, stream: string): Promise<void> {
    if (this.#groups.has(queue)) return;
    try {
      // From the stream's start: entries added before the group existed are read too.
      await this.#redis.call("XGROUP", "CREATE", stream, GROUP, "0", "MKSTREAM");
    } catch (error) {
      if (!String((error as Error).message).startsWith("BUSYGROUP")) throw error;
    }
    this.#groups.add(queue);
  }

  async #exec(multi: ReturnType<Redis["multi"]>): Promise<void> {
    const results = await multi.exec();
    if (results === null) throw new Error("redis: a transaction was discarded");
    const failed = results.find(([error]) => error !== null)?.[0];
    if (failed) throw failed;
  }

  #inboxList(queue: string, conversationId: string): string {
    return `${this.#prefix}inboxq:${queue}:${conversationId}`;
  }

  /** Quit the connection (or drop it when Redis is unreachable). Later calls reject. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // A blocking read in flight rejects; its loop sees the store closed.
    this.#reader?.disconnect();
    if (this.#redis.status === "ready") {
      try {
        await this.#redis.quit();
        return;
      } catch {
        // fall through: drop the connection
      }
    }
    // Also stops reconnect attempts, so a down Redis does not keep the process alive.
    this.#redis.disconnect();
  }

  /** Try `SET key token NX PX lease` until it succeeds or `deadline` passes. */
  async #acquire(conversationId: string, key: string, deadline: number): Promise<string> {
    const token = randomUUID();
    for (let attempt = 0; ; attempt++) {
      if ((await this.#redis.set(key, token, "PX", this.#leaseMs, "NX")) === "OK") return token;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new LockTimeoutError(conversationId);
      const cap = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
      await sleep(Math.min(remaining, RETRY_MIN_MS + Math.random() * (cap - RETRY_MIN_MS)));
    }
  }

  /** Renew the lease every half lease until stopped or until the lock turns out to be lost. */
  #keepLeased(conversationId: string, key: string, token: string): { stop(): void; readonly lost: boolean } {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    let lost = false;
    const schedule = () => {
      timer = setTimeout(renew, Math.max(1, Math.floor(this.#leaseMs / 2)));
      timer.unref();
    };
    const renew = () => {
      this.#redis.eval(COMPARE_AND_PEXPIRE, 1, key, token, this.#leaseMs).then(
        (renewed) => {
          if (stopped) return;
          if (renewed === 1) schedule();
          else {
            lost = true;
            this.#onError(new LockLostError(conversationId));
          }
        },
        (error: unknown) => {
          this.#onError(error);
          if (!stopped) schedule(); // the lease may still be valid: try again at the next tick
        },
      );
    };
    schedule();
    return {
      stop: () => {
        stopped = true;
        if (timer !== undefined) clearTimeout(timer);
      },
      get lost() {
        return lost;
      },
    };
  }

  /** Compare-and-delete the lock; reports a lost lock unless the renewal already did. */
  async #release(conversationId: string, key: string, token: string, lossReported: boolean): Promise<void> {
    try {
      const deleted = await this.#redis.eval(COMPARE_AND_DELETE, 1, key, token);
      if (deleted !== 1 && !lossReported) this.#onError(new LockLostError(conversationId));
    } catch (error) {
      this.#onError(error);
    }
  }

  #key(kind: "conv" | "evt" | "kv" | "lock" | "inbox", id: string): string {
    return `${this.#prefix}${kind}:${id}`;
  }

  #open(): void {
    if (this.#closed) throw new StoreClosedError("redis");
  }
}

/** `[field, value, …]` as an object. */
function fieldsOf(fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i] ?? ""] = fields[i + 1] ?? "";
  return out;
}

/** An inbox stream entry (`c`: conversation, `b`: body) as an item, deliveries and resumed still to set. */
function entryItem([id, fields]: StreamEntry): Omit<InboxItem, "deliveries" | "resumed"> {
  const f = fieldsOf(fields);
  return { id, conversationId: f.c ?? "", body: f.b ?? "" };
}
