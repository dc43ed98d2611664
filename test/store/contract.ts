/**
 * The behaviour every {@link SessionStore} must have. Each store's test file calls
 * {@link runStoreContract}; the suite uses real (short) waits for expiry, never fake timers.
 */

import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboxTakeOptions, SessionStore, StoredConversation } from "../../src/store/types.ts";
import { counterOf, envelope, increment, uniqueId } from "./helpers.ts";

/** Store-specific hooks for {@link runStoreContract}. */
export interface StoreContractOptions {
  /**
   * Make the conversation's lock look held by a holder that crashed and will never release it; the
   * lock must become free again after about `holdMs`. Without this hook the contract simulates the
   * in-process equivalent: a holder that fails after `holdMs`.
   */
  simulateCrashedHolder?: (store: SessionStore, conversationId: string, holdMs: number) => Promise<void>;
}

/**
 * Register the contract suite for one store implementation. `makeStore` is called before every
 * test (the store is closed after it); `cleanup` runs once after the whole suite.
 */
export function runStoreContract(
  name: string,
  makeStore: () => Promise<SessionStore>,
  cleanup?: () => Promise<void>,
  options: StoreContractOptions = {},
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStore;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });
    if (cleanup !== undefined) afterAll(cleanup);

    it("ping resolves", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it("get of an unknown id is undefined", async () => {
      expect(await store.get(uniqueId("unknown"))).toBeUndefined();
    });

    it("round-trips an envelope through save and get", async () => {
      const id = uniqueId("roundtrip");
      const value: StoredConversation = {
        machineId: "certificate-recovery",
        version: 3,
        snapshot: {
          value: { diagnose: "askPin" },
          context: { attempts: 2, city: "横浜市", tags: ["pin", "locked"], nested: { ok: true, none: null } },
          status: "active",
        },
        meta: { handoff: false, channel: "line" },
        updatedAt: 1_750_000_000_000,
      };
      await store.save(id, value, 60_000);
      const loaded = await store.get(id);
      expect(loaded).toEqual(value);
      expect(loaded).not.toBe(value);
    });

    it("overwrites on a second save", async () => {
      const id = uniqueId("overwrite");
      await store.save(id, envelope(1), 60_000);
      await store.save(id, envelope(2, { version: 2 }), 60_000);
      const loaded = await store.get(id);
      expect(loaded?.snapshot).toEqual({ count: 2 });
      expect(loaded?.version).toBe(2);
    });

    it("deletes (and deleting an unknown id is fine)", async () => {
      const id = uniqueId("delete");
      await store.save(id, envelope(1), 60_000);
      await store.delete(id);
      expect(await store.get(id)).toBeUndefined();
      await expect(store.delete(uniqueId("never-saved"))).resolves.toBeUndefined();
    });

    it("expires a conversation after its ttl", async () => {
      const id = uniqueId("expiry");
      await store.save(id, envelope(1), 50);
      expect(await store.get(id)).toBeDefined();
      await sleep(120);
      expect(await store.get(id)).toBeUndefined();
    });

    it("counts the ttl from the latest save", async () => {
      const id = uniqueId("ttl-renew");
      await store.save(id, envelope(1), 150);
      await sleep(100);
      await store.save(id, envelope(2), 150);
      await sleep(100); // 200 ms after the first save, 100 ms after the second
      expect((await store.get(id))?.snapshot).toEqual({ count: 2 });
    });

    it("claimEvent is true the first time and false afterwards", async () => {
      const key = uniqueId("event");
      expect(await store.claimEvent(key, 60_000)).toBe(true);
      expect(await store.claimEvent(key, 60_000)).toBe(false);
      expect(await store.claimEvent(key, 60_000)).toBe(false);
      expect(await store.claimEvent(uniqueId("other-event"), 60_000)).toBe(true);
    });

    it("concurrent claims of one key: exactly one wins", async () => {
      const key = uniqueId("event-race");
      const results = await Promise.all(Array.from({ length: 20 }, () => store.claimEvent(key, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("a claim expires after its ttl", async () => {
      const key = uniqueId("event-expiry");
      expect(await store.claimEvent(key, 50)).toBe(true);
      expect(await store.claimEvent(key, 50)).toBe(false);
      await sleep(120);
      expect(await store.claimEvent(key, 60_000)).toBe(true);
    });

    it("releaseEvent lets a key be claimed again", async () => {
      const key = uniqueId("event-release");
      expect(await store.claimEvent(key, 60_000)).toBe(true);
      await store.releaseEvent(key);
      expect(await store.claimEvent(key, 60_000)).toBe(true);
      expect(await store.claimEvent(key, 60_000)).toBe(false);
      await expect(store.releaseEvent(uniqueId("never-claimed"))).resolves.toBeUndefined();
    });

    it("getValue/setValue round-trip, overwrite and expire", async () => {
      const key = uniqueId("kv");
      expect(await store.getValue(key)).toBeUndefined();
      await store.setValue(key, "conv-1", 60_000);
      expect(await store.getValue(key)).toBe("conv-1");
      await store.setValue(key, "conv-2 ✓", 50);
      expect(await store.getValue(key)).toBe("conv-2 ✓");
      await sleep(120);
      expect(await store.getValue(key)).toBeUndefined();
    });

    it("save sets the values given with the conversation, each with its own ttl", async () => {
      const id = uniqueId("with-values");
      const [long, short] = [uniqueId("kv-long"), uniqueId("kv-short")];
      await store.save(id, envelope(1), 60_000, [
        { key: long, value: "1", ttlMs: 60_000 },
        { key: short, value: "short ✓", ttlMs: 50 },
      ]);
      expect((await store.get(id))?.snapshot).toEqual({ count: 1 });
      expect(await store.getValue(long)).toBe("1");
      expect(await store.getValue(short)).toBe("short ✓");
      await store.save(id, envelope(2), 60_000, [{ key: long, value: "2", ttlMs: 60_000 }]);
      expect(await store.getValue(long)).toBe("2");
      await sleep(120);
      expect(await store.getValue(short)).toBeUndefined();
      expect(await store.getValue(long)).toBe("2");
      await store.save(id, envelope(3), 60_000, []);
      expect((await store.get(id))?.snapshot).toEqual({ count: 3 });
    });

    it("save with a bad value ttl rejects and writes nothing", async () => {
      const id = uniqueId("with-bad-value");
      const key = uniqueId("kv-bad");
      await expect(store.save(id, envelope(1), 60_000, [{ key, value: "x", ttlMs: 0 }])).rejects.toThrow(RangeError);
      expect(await store.get(id)).toBeUndefined();
      expect(await store.getValue(key)).toBeUndefined();
    });

    it("rejects a ttl that is not a positive number", async () => {
      await expect(store.save(uniqueId("bad-ttl"), envelope(1), 0)).rejects.toThrow(RangeError);
      await expect(store.claimEvent(uniqueId("bad-ttl"), -1)).rejects.toThrow(RangeError);
      await expect(store.setValue(uniqueId("bad-ttl"), "x", Number.NaN)).rejects.toThrow(RangeError);
    });

    it("withLock serialises 50 concurrent read-modify-write increments", async () => {
      const id = uniqueId("counter");
      let inside = 0;
      let maxInside = 0;
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          store.withLock(id, async () => {
            inside++;
            maxInside = Math.max(maxInside, inside);
            try {
              return await increment(store, id);
            } finally {
              inside--;
            }
          }),
        ),
      );
      expect(await counterOf(store, id)).toBe(50);
      expect(maxInside).toBe(1);
      expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it("withLock admits waiters of one conversation in arrival order", async () => {
      const id = uniqueId("fifo");
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.withLock(id, async () => {
            await sleep(1);
            order.push(i);
          }),
        ),
      );
      expect(order).toEqual(Array.from({ length: 10 }, (_, i) => i));
    });

    it("withLock of one conversation does not block another", async () => {
      const a = uniqueId("lock-a");
      const b = uniqueId("lock-b");
      let aDone = false;
      const slow = store.withLock(a, async () => {
        await sleep(300);
        aDone = true;
      });
      await sleep(10);
      await store.withLock(b, async () => {
        expect(aDone).toBe(false);
      });
      await slow;
    });

    it("withLock returns the value of fn", async () => {
      await expect(store.withLock(uniqueId("value"), async () => ({ answer: 42 }))).resolves.toEqual({ answer: 42 });
    });

    it("withLock releases the lock when fn throws", async () => {
      const id = uniqueId("throws");
      const boom = new Error("boom");
      await expect(
        store.withLock(id, async () => {
          throw boom;
        }),
      ).rejects.toBe(boom);
      const started = Date.now();
      await expect(store.withLock(id, async () => "again")).resolves.toBe("again");
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    // ---- the inbox: accepted events until they are answered ----

    const takeOpts = (consumer: string, extra: Partial<InboxTakeOptions> = {}): InboxTakeOptions => ({
      consumer,
      max: 10,
      waitMs: 50,
      resumeAfterMs: 60_000,
      ...extra,
    });

    it("inbox: enqueued items are handed out in order, once, and queued per conversation oldest first", async () => {
      const queue = uniqueId("q");
      const [a, b] = [uniqueId("conv-a"), uniqueId("conv-b")];
      await store.enqueue(queue, [
        { conversationId: a, body: "a1" },
        { conversationId: b, body: "b1" },
      ]);
      await store.enqueue(queue, [{ conversationId: a, body: "a2" }]);
      expect(await store.inboxDepth(queue)).toBe(3);
      const taken = await store.take(queue, takeOpts("one"));
      expect(taken.map((i) => [i.conversationId, i.body, i.deliveries, i.resumed])).toEqual([
        [a, "a1", 0, false],
        [b, "b1", 0, false],
        [a, "a2", 0, false],
      ]);
      expect(await store.take(queue, takeOpts("two"))).toEqual([]);
      expect((await store.queued(queue, a)).map((i) => i.body)).toEqual(["a1", "a2"]);
      expect((await store.queued(queue, a)).map((i) => i.id)).toEqual([taken[0]?.id, taken[2]?.id]);

      await store.finish(queue, taken[0]!);
      await store.finish(queue, taken[0]!); // twice is fine
      expect((await store.queued(queue, a)).map((i) => i.body)).toEqual(["a2"]);
      expect(await store.inboxDepth(queue)).toBe(2);
    });

    it("inbox: two consumers taking at once share the items without overlap", async () => {
      const queue = uniqueId("q");
      const conv = uniqueId("conv");
      await store.enqueue(queue, Array.from({ length: 20 }, (_, i) => ({ conversationId: conv, body: `e${i}` })));
      const [one, two] = await Promise.all([store.take(queue, takeOpts("one", { max: 12 })), store.take(queue, takeOpts("two", { max: 12 }))]);
      const bodies = [...one!, ...two!].map((i) => i.body).sort();
      expect(bodies).toEqual(Array.from({ length: 20 }, (_, i) => `e${i}`).sort());
    });

    it("inbox: an item left unfinished past the deadline is handed out again, as resumed", async () => {
      const queue = uniqueId("q");
      const conv = uniqueId("conv");
      await store.enqueue(queue, [{ conversationId: conv, body: "x" }]);
      const [first] = await store.take(queue, takeOpts("dead", { resumeAfterMs: 200 }));
      expect(first).toMatchObject({ deliveries: 0, resumed: false });
      expect(await store.take(queue, takeOpts("alive", { resumeAfterMs: 200, waitMs: 10 }))).toEqual([]);
      await sleep(300);
      const [again] = await store.take(queue, takeOpts("alive", { resumeAfterMs: 200 }));
      expect(again).toMatchObject({ id: first?.id, body: "x", conversationId: conv, deliveries: 1, resumed: true });
      await store.finish(queue, again!);
      await sleep(300);
      expect(await store.take(queue, takeOpts("alive", { resumeAfterMs: 200, waitMs: 10 }))).toEqual([]);
      expect(await store.inboxDepth(queue)).toBe(0);
    });

    it("inbox: take waits for a new item, and returns empty after waitMs when none comes", async () => {
      const queue = uniqueId("q");
      const conv = uniqueId("conv");
      const started = Date.now();
      expect(await store.take(queue, takeOpts("one", { waitMs: 100 }))).toEqual([]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(80);
      const waiting = store.take(queue, takeOpts("one", { waitMs: 2_000 }));
      await sleep(50);
      const at = Date.now();
      await store.enqueue(queue, [{ conversationId: conv, body: "late" }]);
      expect((await waiting).map((i) => i.body)).toEqual(["late"]);
      expect(Date.now() - at).toBeLessThan(1_000);
    });

    it("inbox: a parked item leaves the queue but is kept with its reason", async () => {
      const queue = uniqueId("q");
      const conv = uniqueId("conv");
      await store.enqueue(queue, [
        { conversationId: conv, body: "poison" },
        { conversationId: conv, body: "fine" },
      ]);
      const [poison] = await store.take(queue, takeOpts("one", { max: 1 }));
      await store.park(queue, poison!, "failed 3 times: boom");
      expect((await store.queued(queue, conv)).map((i) => i.body)).toEqual(["fine"]);
      expect(await store.inboxDepth(queue)).toBe(1);
      expect(await store.parked(queue)).toEqual([expect.objectContaining({ conversationId: conv, body: "poison", reason: "failed 3 times: boom" })]);
    });

    it("a lock held by a crashed holder is eventually acquired", async () => {
      const id = uniqueId("crashed");
      const holdMs = 300;
      const started = Date.now();
      if (options.simulateCrashedHolder !== undefined) {
        await options.simulateCrashedHolder(store, id, holdMs);
      } else {
        void store
          .withLock(id, async () => {
            await sleep(holdMs);
            throw new Error("holder crashed");
          })
          .catch(() => {});
        await sleep(5);
      }
      await expect(store.withLock(id, async () => "mine")).resolves.toBe("mine");
      expect(Date.now() - started).toBeGreaterThanOrEqual(holdMs - 20);
    });
  });
}
