import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { StoreClosedError } from "../../src/store/codec.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { LockTimeoutError } from "../../src/store/types.ts";
import { runStoreContract } from "./contract.ts";
import { envelope } from "./helpers.ts";

runStoreContract("memory", async () => new MemoryStore());

describe("MemoryStore", () => {
  it("sweep() removes expired entries of every kind", async () => {
    const store = new MemoryStore();
    await store.save("c", envelope(1), 20);
    await store.claimEvent("e", 20);
    await store.setValue("k", "v", 20);
    await store.save("live", envelope(1), 60_000);
    expect(store.sweep()).toBe(0);
    await sleep(40);
    expect(store.sweep()).toBe(3);
    expect(await store.get("live")).toBeDefined();
    await store.close();
  });

  it("sweeps periodically by itself", async () => {
    const store = new MemoryStore({ sweepIntervalMs: 20 });
    await store.save("c", envelope(1), 10);
    await sleep(80);
    expect(store.sweep()).toBe(0); // the timer got there first
    await store.close();
  });

  it("returns a copy, not the saved object", async () => {
    const store = new MemoryStore();
    const value = envelope(1);
    await store.save("c", value, 60_000);
    (value.snapshot as { count: number }).count = 99;
    const loaded = await store.get("c");
    expect(loaded?.snapshot).toEqual({ count: 1 });
    (loaded?.snapshot as { count: number }).count = 7;
    expect((await store.get("c"))?.snapshot).toEqual({ count: 1 });
    await store.close();
  });

  it("a waiter gives up with LockTimeoutError after lockWaitMs, without disturbing the queue", async () => {
    const store = new MemoryStore({ lockWaitMs: 100 });
    const order: string[] = [];
    const holder = store.withLock("c", async () => {
      await sleep(150);
      order.push("holder");
    });
    const late = store.withLock("c", async () => {
      order.push("late");
    });
    await expect(late).rejects.toBeInstanceOf(LockTimeoutError);
    await holder;
    await store.withLock("c", async () => {
      order.push("next");
    });
    expect(order).toEqual(["holder", "next"]);
    await store.close();
  });

  it("rejects every call after close()", async () => {
    const store = new MemoryStore();
    await store.close();
    await store.close();
    await expect(store.get("c")).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.ping()).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.withLock("c", async () => 1)).rejects.toBeInstanceOf(StoreClosedError);
  });
});
