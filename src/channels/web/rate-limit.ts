/**
 * A small in-memory token bucket per key (an IP address, a session): `perMinute` requests at once,
 * then one more every `60 s / perMinute`. Per process: behind several instances each allows its own
 * share (documented in the README). Memory stays bounded: idle buckets are dropped once they are full
 * again, and past `maxKeys` the least recently used bucket goes first.
 */
import { BotError } from "../../core/errors.ts";

export interface TokenBucketOptions {
  /** Requests allowed per minute (also the burst size). Must be > 0. */
  perMinute: number;
  /** Most keys remembered at once. */
  maxKeys?: number;
  /** Wall clock in ms (tests pass a fake). */
  now?: () => number;
}

/** A token was taken, or none is left and one will be in `retryAfterSeconds`. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets by key (see the file's comment). */
export class TokenBuckets {
  readonly #capacity: number;
  readonly #msPerToken: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #lastSweep = 0;

  constructor(opts: TokenBucketOptions) {
    if (!(opts.perMinute > 0)) throw new RangeError("perMinute must be > 0");
    this.#capacity = opts.perMinute;
    this.#msPerToken = 60_000 / opts.perMinute;
    this.#maxKeys = opts.maxKeys ?? 100_000;
    this.#now = opts.now ?? Date.now;
  }

  /** Take one token for `key`; when none is left, how long until one is. */
  take(key: string): TakeResult {
    const now = this.#now();
    this.#sweep(now);
    const bucket = this.#buckets.get(key);
    const tokens = bucket ? Math.min(this.#capacity, bucket.tokens + (now - bucket.at) / this.#msPerToken) : this.#capacity;
    // Re-insert so that Map order is least recently used first.
    this.#buckets.delete(key);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * this.#msPerToken) / 1000)) };
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next();
      if (!oldest.done) this.#buckets.delete(oldest.value);
    }
    return { ok: true };
  }

  /** Keys currently remembered (for tests). */
  get size(): number {
    return this.#buckets.size;
  }

  /** Once a minute, forget buckets that have filled up again: they behave exactly like new ones. */
  #sweep(now: number): void {
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [key, b] of this.#buckets) {
      if (b.tokens + (now - b.at) / this.#msPerToken >= this.#capacity) this.#buckets.delete(key);
    }
  }
}

/** A 429: the JSON error says which limit, and `Retry-After` when to try again (src/server.ts). */
export class RateLimitedError extends BotError {
  readonly retryAfterSeconds: number;
  readonly scope: "ip" | "session";
  constructor(scope: "ip" | "session", retryAfterSeconds: number) {
    super(
      "RATE_LIMITED",
      429,
      scope === "ip"
        ? `too many requests from this address; retry after ${retryAfterSeconds} s`
        : `too many messages in this conversation; retry after ${retryAfterSeconds} s`,
    );
    this.name = "RateLimitedError";
    this.retryAfterSeconds = retryAfterSeconds;
    this.scope = scope;
  }
}
