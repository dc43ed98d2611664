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
 */

import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { decodeConversation, encodeConversation, sleep, StoreClosedError, ttlMillis } from "./codec.ts";
import { KeyedMutex } from "./mutex.ts";
import { LockTimeoutError, type SessionStore, type StoredConversation, type ValueWrite } from "./types.ts";

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

  async ping(): Promise<void> {
    this.#open();
    await this.#redis.ping();
  }

  /** Quit the connection (or drop it when Redis is unreachable). Later calls reject. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
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

  #key(kind: "conv" | "evt" | "kv" | "lock", id: string): string {
    return `${this.#prefix}${kind}:${id}`;
  }

  #open(): void {
    if (this.#closed) throw new StoreClosedError("redis");
  }
}
