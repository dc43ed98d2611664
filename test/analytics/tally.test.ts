/**
 * The tallies beside the conversations (src/analytics/tally.ts), the same contract in all three stores:
 * memory, SQLite (a second connection to the session store's file) and the real Redis (db 15).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BufferedTally, createTallyStore, MemoryTally, type TallyStore } from "../../src/analytics/tally.ts";
import { createSessionStore } from "../../src/store/index.ts";
import { testRedisUrl } from "../helpers/redis.ts";
import { sleep } from "../helpers/wait.ts";

const REDIS_URL = testRedisUrl(15);
const dir = mkdtempSync(join(tmpdir(), "mcr-tally-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STORES: { name: string; open(): Promise<TallyStore> }[] = [
  { name: "memory", open: async () => new MemoryTally() },
  {
    name: "sqlite",
    async open() {
      // The session store first, as the server opens them: both on one file.
      const path = join(dir, `sessions-${Math.random().toString(36).slice(2)}.db`);
      const sessions = await createSessionStore(`sqlite:${path}`);
      const tally = await createTallyStore(`sqlite:${path}`);
      return {
        add: (k, i, t) => tally.add(k, i, t),
        set: (k, v, t) => tally.set(k, v, t),
        read: (k) => tally.read(k),
        remove: (k, f) => tally.remove(k, f),
        async close() {
          await tally.close();
          await sessions.close();
        },
      };
    },
  },
  {
    name: "redis (db 15)",
    async open() {
      const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 0, connectTimeout: 2_000 });
      await admin.flushdb();
      admin.disconnect();
      return createTallyStore(REDIS_URL);
    },
  },
];

describe.each(STORES)("tallies: $name", ({ open }) => {
  let tally: TallyStore;
  beforeAll(async () => {
    tally = await open();
  });
  afterAll(async () => {
    await tally.close();
  });

  it("adds to fields, creating them, and reads them back", async () => {
    await tally.add("figures:2026-11-20", { "route:a": 1, questions: 3 }, 60_000);
    await tally.add("figures:2026-11-20", { "route:a": 2, "route:b": 1 }, 60_000);
    expect(await tally.read("figures:2026-11-20")).toEqual({ "route:a": 3, questions: 3, "route:b": 1 });
    expect(await tally.read("figures:2026-11-21")).toEqual({});
  });

  it("counts concurrent adds exactly", async () => {
    await Promise.all(Array.from({ length: 50 }, () => tally.add("busy", { n: 1 }, 60_000)));
    expect(await tally.read("busy")).toEqual({ n: 50 });
  });

  it("keeps any text as a field name (unread messages)", async () => {
    const text = "カードが\"読めない\"です ［電話番号］\n改行も";
    await tally.add("unread:2026-11-20", { [text]: 1 }, 60_000);
    await tally.add("unread:2026-11-20", { [text]: 1 }, 60_000);
    expect(await tally.read("unread:2026-11-20")).toEqual({ [text]: 2 });
  });

  it("sets and removes fields", async () => {
    await tally.set("handoffs:open", { "1763.1": 1000, "1763.2": 2000 }, 60_000);
    await tally.set("handoffs:open", { "1763.1": 1500 }, 60_000);
    await tally.remove("handoffs:open", ["1763.2", "unknown"]);
    expect(await tally.read("handoffs:open")).toEqual({ "1763.1": 1500 });
  });

  it("expires a tally as a whole; an add after expiry starts again from 0", async () => {
    await tally.add("short", { n: 5 }, 150);
    expect(await tally.read("short")).toEqual({ n: 5 });
    await sleep(250);
    expect(await tally.read("short")).toEqual({});
    await tally.add("short", { n: 1 }, 60_000);
    expect(await tally.read("short")).toEqual({ n: 1 });
  });
});

describe("BufferedTally", () => {
  /** A memory tally that counts the writes it receives. */
  function counting() {
    const inner = new MemoryTally();
    const writes: string[] = [];
    const tally: TallyStore = {
      add: (k, i, t) => (writes.push(k), inner.add(k, i, t)),
      set: (k, v, t) => inner.set(k, v, t),
      read: (k) => inner.read(k),
      remove: (k, f) => inner.remove(k, f),
      close: () => inner.close(),
    };
    return { tally, writes };
  }

  it("gathers adds: one write per tally and interval, and a read sees everything added before it", async () => {
    const { tally, writes } = counting();
    const buffered = new BufferedTally(tally, { intervalMs: 60_000 });
    for (let i = 0; i < 100; i++) await buffered.add("figures:2026-11-20", { questions: 1, [`route:${i % 2}`]: 1 }, 60_000);
    await buffered.add("unread:2026-11-20", { "読めない文": 1 }, 60_000);
    expect(writes).toEqual([]);
    expect(await buffered.read("figures:2026-11-20")).toEqual({ questions: 100, "route:0": 50, "route:1": 50 });
    expect(writes).toEqual(["figures:2026-11-20", "unread:2026-11-20"]);
  });

  it("writes by itself after the interval, and on close", async () => {
    const { tally, writes } = counting();
    const buffered = new BufferedTally(tally, { intervalMs: 50 });
    await buffered.add("a", { n: 1 }, 60_000);
    await sleep(150);
    expect(writes).toEqual(["a"]);
    await buffered.add("b", { n: 1 }, 60_000);
    await buffered.close();
    expect(writes).toEqual(["a", "b"]);
  });
});
