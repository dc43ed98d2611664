/**
 * RedisStore against a REAL Redis: 127.0.0.1:6379, database 13, flushed before and after. When
 * Redis is not reachable these tests FAIL (CI starts a server); they never skip.
 */

import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LockLostError, RedisStore } from "../../src/store/redis.ts";
import { LockTimeoutError } from "../../src/store/types.ts";
import { runStoreContract } from "./contract.ts";
import { runWorkersTogether } from "./fixtures/spawn.ts";
import { counterOf, envelope, increment, uniqueId } from "./helpers.ts";
import { testRedisUrl } from "../helpers/redis.js";

const REDIS_URL = testRedisUrl(13);

/** A plain connection to database 13 for set-up and inspection. */
const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
let connectionError: Error | undefined;
admin.on("error", (error: Error) => (connectionError ??= error));

beforeAll(async () => {
  try {
    await admin.connect();
    await admin.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${(connectionError ?? (error as Error)).message}). The redis store tests need a real ` +
        "Redis server (CI starts one; locally run `redis-server`). They fail instead of skipping on purpose.",
    );
  }
  await admin.flushdb();
});

afterAll(async () => {
  if (admin.status === "ready") {
    await admin.flushdb();
    await admin.quit();
  } else {
    admin.disconnect();
  }
});

runStoreContract("redis", async () => new RedisStore(REDIS_URL), undefined, {
  // A holder that crashed: its lock key stays until its lease (PX) runs out.
  simulateCrashedHolder: async (_store, conversationId, holdMs) => {
    await admin.set(`mcr:lock:${conversationId}`, "crashed-holder-token", "PX", holdMs);
  },
});

describe("RedisStore", () => {
  it("keeps its keys under the prefix, with their TTLs in Redis", async () => {
    const store = new RedisStore(REDIS_URL);
    const id = uniqueId("keys");
    await store.save(id, envelope(1, { updatedAt: 5 }), 60_000);
    await store.claimEvent(`evt-${id}`, 30_000);
    await store.setValue(`kv-${id}`, "v", 20_000);
    expect(await admin.get(`mcr:conv:${id}`)).toBe('{"machineId":"counter","version":1,"snapshot":{"count":1},"updatedAt":5}');
    expect(await admin.pttl(`mcr:conv:${id}`)).toBeGreaterThan(59_000);
    expect(await admin.pttl(`mcr:evt:evt-${id}`)).toBeLessThanOrEqual(30_000);
    expect(await admin.get(`mcr:kv:kv-${id}`)).toBe("v");
    expect(await admin.pttl(`mcr:kv:kv-${id}`)).toBeLessThanOrEqual(20_000);
    await store.close();

    const other = new RedisStore(REDIS_URL, { keyPrefix: "other:" });
    await other.save(id, envelope(2), 60_000);
    expect(await admin.exists(`other:conv:${id}`)).toBe(1);
    expect((await new RedisStore(REDIS_URL).get(id))?.snapshot).toEqual({ count: 1 });
    await other.close();
  });

  it("holds mcr:lock:<id> with a lease while fn runs and deletes it afterwards", async () => {
    const store = new RedisStore(REDIS_URL, { lockLeaseMs: 5_000 });
    const id = uniqueId("lock-key");
    await store.withLock(id, async () => {
      expect(await admin.get(`mcr:lock:${id}`)).toMatch(/^[0-9a-f-]{36}$/);
      const pttl = await admin.pttl(`mcr:lock:${id}`);
      expect(pttl).toBeGreaterThan(4_000);
      expect(pttl).toBeLessThanOrEqual(5_000);
    });
    expect(await admin.exists(`mcr:lock:${id}`)).toBe(0);
    await store.close();
  });

  it("throws LockTimeoutError when the lock stays taken past lockWaitMs, without calling fn", async () => {
    const store = new RedisStore(REDIS_URL, { lockWaitMs: 200 });
    const id = uniqueId("timeout");
    await admin.set(`mcr:lock:${id}`, "someone-else", "PX", 5_000);
    let called = false;
    const started = Date.now();
    await expect(
      store.withLock(id, async () => {
        called = true;
      }),
    ).rejects.toBeInstanceOf(LockTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(called).toBe(false);
    expect(await admin.get(`mcr:lock:${id}`)).toBe("someone-else");
    await store.close();
  });

  it("renews the lease while fn runs longer than the lease, keeping other instances out", async () => {
    const errors: unknown[] = [];
    // Renewal happens every half lease; 500 ms leaves room for a loaded test machine.
    const holder = new RedisStore(REDIS_URL, { lockLeaseMs: 500, onError: (error) => errors.push(error) });
    const contender = new RedisStore(REDIS_URL, { lockLeaseMs: 500 });
    const id = uniqueId("renew");
    const events: string[] = [];
    const slow = holder.withLock(id, async () => {
      events.push("holder:start");
      await sleep(1_600); // more than three leases
      events.push("holder:end");
    });
    await sleep(50);
    const waiting = contender.withLock(id, async () => {
      events.push("contender");
    });
    await sleep(1_000);
    expect(await admin.pttl(`mcr:lock:${id}`)).toBeGreaterThan(0);
    await Promise.all([slow, waiting]);
    expect(events, `holder errors: ${errors.map(String).join("; ")}`).toEqual(["holder:start", "holder:end", "contender"]);
    expect(errors).toEqual([]);
    await holder.close();
    await contender.close();
  });

  it("releases only its own lock: a lock taken over after a lost lease is left alone", async () => {
    const errors: unknown[] = [];
    const store = new RedisStore(REDIS_URL, { onError: (error) => errors.push(error) });
    const id = uniqueId("takeover");
    await store.withLock(id, async () => {
      await admin.set(`mcr:lock:${id}`, "new-owner", "PX", 5_000); // as if our lease had run out
    });
    expect(await admin.get(`mcr:lock:${id}`)).toBe("new-owner");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(LockLostError);
    await store.close();
  });

  it("queues one instance's own waiters locally instead of polling Redis", async () => {
    const store = new RedisStore(REDIS_URL);
    const id = uniqueId("local-queue");
    await store.ping();
    // Counts SET commands sent by this test process only (other suites may share the server).
    const setSpy = vi.spyOn(Redis.prototype, "set");
    try {
      await Promise.all(Array.from({ length: 20 }, () => store.withLock(id, () => increment(store, id))));
      // 20 lock acquisitions + 20 saves; waiters polling the Redis lock would have made many more.
      expect(setSpy).toHaveBeenCalledTimes(40);
    } finally {
      setSpy.mockRestore();
    }
    expect(await counterOf(store, id)).toBe(20);
    await store.close();
  });

  it("two instances (two connections): 100 interleaved concurrent increments all land", async () => {
    const a = new RedisStore(REDIS_URL);
    const b = new RedisStore(REDIS_URL);
    const id = uniqueId("two-instances");
    await Promise.all([a.ping(), b.ping()]);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const store = i % 2 === 0 ? a : b;
        return store.withLock(id, () => increment(store, id));
      }),
    );
    expect(await counterOf(a, id)).toBe(100);
    await a.close();
    await b.close();
  });

  it("two child processes, 50 increments each: 100", async () => {
    const id = uniqueId("two-processes");
    const workers = await runWorkersTogether("./redis-worker.ts", [
      [REDIS_URL, id, "50"],
      [REDIS_URL, id, "50"],
    ]);
    for (const worker of workers) {
      expect(worker, worker.stderr).toMatchObject({ code: 0 });
      expect(JSON.parse(worker.stdout)).toEqual({ done: 50 });
    }
    const store = new RedisStore(REDIS_URL);
    expect(await counterOf(store, id)).toBe(100);
    await store.close();
  });

  it("recovers by itself after its connection is killed", async () => {
    const name = `mcr-test-${process.pid}-${Date.now()}`;
    const store = new RedisStore(REDIS_URL, { redis: { connectionName: name } });
    await store.ping();
    const clients = String(await admin.client("LIST"));
    const clientId = /id=(\d+) .*name=(\S+)/g;
    const ids = [...clients.matchAll(clientId)].filter((m) => m[2] === name).map((m) => m[1]!);
    expect(ids).toHaveLength(1);
    await admin.client("KILL", "ID", ids[0]!);
    await sleep(200);
    const id = uniqueId("after-kill");
    await store.save(id, envelope(3), 60_000);
    expect((await store.get(id))?.snapshot).toEqual({ count: 3 });
    await store.close();
  });

  it("fails fast with rejected promises (not crashes) when Redis is down", async () => {
    const port = await unusedPort();
    const errors: unknown[] = [];
    const store = new RedisStore(`redis://127.0.0.1:${port}/0`, { onError: (error) => errors.push(error) });
    const started = Date.now();
    await expect(store.ping()).rejects.toThrow();
    await expect(store.get("c")).rejects.toThrow();
    await expect(store.save("c", envelope(1), 1_000)).rejects.toThrow();
    await expect(store.claimEvent("e", 1_000)).rejects.toThrow();
    await expect(store.withLock("c", async () => "never")).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000); // five calls, each well under a second
    expect(errors.length).toBeGreaterThan(0); // connection errors went to onError, not to the console
    await store.close();
  });
});

/** A TCP port nobody listens on (bound, then released). */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
