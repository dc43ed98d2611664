/** The token bucket behind the web chat's rate limits, on a fake clock. */
import { describe, expect, it } from "vitest";
import { RateLimitedError, TokenBuckets } from "../../../src/channels/web/rate-limit.ts";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe("TokenBuckets", () => {
  it("allows a burst of perMinute, then one more every 60 s / perMinute", () => {
    const c = clock();
    const b = new TokenBuckets({ perMinute: 30, now: c.now });
    for (let i = 0; i < 30; i++) expect(b.take("s").ok).toBe(true);
    expect(b.take("s")).toEqual({ ok: false, retryAfterSeconds: 2 });
    c.advance(1_000);
    expect(b.take("s")).toEqual({ ok: false, retryAfterSeconds: 1 });
    c.advance(1_000);
    expect(b.take("s").ok).toBe(true);
    expect(b.take("s").ok).toBe(false);
  });

  it("keeps keys apart", () => {
    const b = new TokenBuckets({ perMinute: 1, now: clock().now });
    expect(b.take("a").ok).toBe(true);
    expect(b.take("a")).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(b.take("b").ok).toBe(true);
  });

  it("refusals do not dig a deeper hole: a client that keeps knocking waits the same", () => {
    const c = clock();
    const b = new TokenBuckets({ perMinute: 60, now: c.now });
    for (let i = 0; i < 60; i++) b.take("x");
    for (let i = 0; i < 100; i++) expect(b.take("x").ok).toBe(false);
    c.advance(1_000);
    expect(b.take("x").ok).toBe(true);
  });

  it("forgets idle buckets once they are full again, and never holds more than maxKeys", () => {
    const c = clock();
    const b = new TokenBuckets({ perMinute: 10, maxKeys: 100, now: c.now });
    for (let i = 0; i < 1_000; i++) b.take(`ip-${i}`);
    expect(b.size).toBe(100);
    c.advance(61_000);
    b.take("fresh");
    expect(b.size).toBe(1);
  });

  it("evicts the least recently used key first", () => {
    const b = new TokenBuckets({ perMinute: 1, maxKeys: 2, now: clock().now });
    b.take("a");
    b.take("b");
    b.take("a"); // a is now the most recent (refused, still remembered)
    b.take("c"); // b goes
    expect(b.take("a").ok).toBe(false);
    expect(b.take("b").ok).toBe(true);
  });

  it("refuses a zero or negative rate (0 means: no limiter at all)", () => {
    expect(() => new TokenBuckets({ perMinute: 0 })).toThrow(RangeError);
  });

  it("RateLimitedError is a 429 with the wait in seconds", () => {
    const e = new RateLimitedError("session", 7);
    expect([e.status, e.code, e.retryAfterSeconds, e.scope]).toEqual([429, "RATE_LIMITED", 7, "session"]);
  });
});
