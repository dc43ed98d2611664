/**
 * The web chat's rate limiter (rate-limiter-flexible): in memory on a fake clock, and shared by two
 * instances through the real Redis (database 11, flushed here), with the memory fallback when Redis
 * does not answer.
 */
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter, RateLimitedError } from "../../../src/channels/web/rate-limit.ts";
import { connectRedis } from "../../../src/store/redis.ts";
import { testRedisUrl } from "../../helpers/redis.js";

const REDIS_URL = testRedisUrl(11);

describe("createRateLimiter, in memory", () => {
  afterEach(() => vi.useRealTimers());

  it("allows perMinute requests in a minute, then refuses until the minute is over", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const limiter = createRateLimiter({ scope: "session", perMinute: 30 });
    for (let i = 0; i < 30; i++) expect(await limiter.take("s")).toEqual({ ok: true });
    vi.advanceTimersByTime(20_000);
    expect(await limiter.take("s")).toEqual({ ok: false, retryAfterSeconds: 40 });
    vi.advanceTimersByTime(39_500);
    expect(await limiter.take("s")).toEqual({ ok: false, retryAfterSeconds: 1 });
    vi.advanceTimersByTime(600);
    expect(await limiter.take("s")).toEqual({ ok: true });
  });

  it("keeps keys apart", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const limiter = createRateLimiter({ scope: "ip", perMinute: 1 });
    expect((await limiter.take("a")).ok).toBe(true);
    expect(await limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect((await limiter.take("b")).ok).toBe(true);
  });

  it("refusals do not dig a deeper hole: a client that keeps knocking waits the same", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const limiter = createRateLimiter({ scope: "ip", perMinute: 60 });
    for (let i = 0; i < 60; i++) await limiter.take("x");
    for (let i = 0; i < 100; i++) expect((await limiter.take("x")).ok).toBe(false);
    vi.advanceTimersByTime(60_001);
    expect((await limiter.take("x")).ok).toBe(true);
  });

  it("refuses a rate that is not a positive whole number (0 means: no limiter at all)", () => {
    for (const perMinute of [0, -1, 1.5, Number.NaN]) {
      expect(() => createRateLimiter({ scope: "ip", perMinute })).toThrow(RangeError);
    }
  });

  it("RateLimitedError is a 429 with the wait in seconds", () => {
    const e = new RateLimitedError("session", 7);
    expect([e.status, e.code, e.retryAfterSeconds, e.scope]).toEqual([429, "RATE_LIMITED", 7, "session"]);
  });
});

describe("createRateLimiter, shared through Redis", () => {
  const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
  const clients: Redis[] = [];
  const instance = (url = REDIS_URL) => {
    const redis = connectRedis(url);
    clients.push(redis);
    return redis;
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.flushdb();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await admin.flushdb();
    admin.disconnect();
  });

  it("two instances share one budget per key, and the scopes stay apart", async () => {
    const [one, two] = [instance(), instance()];
    const ipOnOne = createRateLimiter({ scope: "ip", perMinute: 4, redis: one });
    const ipOnTwo = createRateLimiter({ scope: "ip", perMinute: 4, redis: two });
    const sessionOnTwo = createRateLimiter({ scope: "session", perMinute: 4, redis: two });
    const taken = [];
    for (let i = 0; i < 4; i++) taken.push(await (i % 2 ? ipOnTwo : ipOnOne).take("198.51.100.9"));
    expect(taken).toEqual(Array(4).fill({ ok: true }));
    const refused = await ipOnOne.take("198.51.100.9");
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect((await ipOnTwo.take("198.51.100.9")).ok).toBe(false);
    expect((await sessionOnTwo.take("198.51.100.9")).ok).toBe(true);

    // The counter is a Redis key of the session store's prefix that expires with its minute.
    expect(await admin.get("mcr:ratelimit:ip:198.51.100.9")).toBe("6");
    const ttl = await admin.pttl("mcr:ratelimit:ip:198.51.100.9");
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("requests from many instances at once are counted exactly", async () => {
    const limiters = Array.from({ length: 5 }, () => createRateLimiter({ scope: "session", perMinute: 50, redis: instance() }));
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => limiters[i % 5]!.take("burst")));
    expect(results.filter((r) => r.ok)).toHaveLength(50);
  });

  it("with Redis unreachable, each instance limits in its own memory and nothing fails", async () => {
    const errors: unknown[] = [];
    const limiter = createRateLimiter({ scope: "ip", perMinute: 3, redis: instance("redis://127.0.0.1:1/0"), onError: (e) => errors.push(e) });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.take("203.0.113.1"));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(errors).toEqual([]);
  });
});
