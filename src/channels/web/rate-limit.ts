/**
 * The web chat's rate limits, with `rate-limiter-flexible`: at most `perMinute` requests per key (an IP
 * address, a session) in each minute, counted from the key's first request of that minute.
 *
 * With a Redis session store the counters live in that Redis (`mcr:ratelimit:<scope>:<key>`, expiring
 * with their minute), so several instances behind a load balancer share one budget. If Redis does not
 * answer, each instance counts in its own memory until it does (the library's insurance limiter): a
 * Redis outage never refuses or fails a resident's request. Without Redis (memory, sqlite: one process)
 * they are counted in memory; idle keys are dropped when their minute ends.
 */
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { BotError } from "../../core/errors.ts";

export type RateLimitScope = "ip" | "session";

export interface RateLimiterOptions {
  /** What is limited; keeps the counters of the two limits apart. */
  scope: RateLimitScope;
  /** Requests allowed per window (also the burst size). Must be a positive whole number. */
  perMinute: number;
  /** Counters shared by every instance: a connection to the session store's Redis. */
  redis?: Redis;
  /** Length of a window in seconds. Default 60 (tests shorten it). */
  windowSeconds?: number;
  /** Told about a failure of the limiter itself; the request is let through. */
  onError?: (error: unknown) => void;
}

/** A request was counted, or the limit is reached and the next window opens in `retryAfterSeconds`. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RequestLimiter {
  /** Count one request of `key`. */
  take(key: string): Promise<TakeResult>;
}

/** A limiter of `opts.perMinute` requests per key and window (see the file's comment). */
export function createRateLimiter(opts: RateLimiterOptions): RequestLimiter {
  if (!(Number.isInteger(opts.perMinute) && opts.perMinute > 0)) {
    throw new RangeError(`perMinute must be a positive whole number, got ${opts.perMinute}`);
  }
  const shape = { points: opts.perMinute, duration: opts.windowSeconds ?? 60, keyPrefix: `mcr:ratelimit:${opts.scope}` };
  const memory = new RateLimiterMemory(shape);
  const limiter: RateLimiterAbstract = opts.redis
    ? new RateLimiterRedis({ ...shape, storeClient: opts.redis, insuranceLimiter: memory })
    : memory;
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        opts.onError?.(rejection);
        return { ok: true };
      }
    },
  };
}

/** A 429: the JSON error says which limit, and `Retry-After` when to try again (src/server.ts). */
export class RateLimitedError extends BotError {
  readonly retryAfterSeconds: number;
  readonly scope: RateLimitScope;
  constructor(scope: RateLimitScope, retryAfterSeconds: number) {
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
