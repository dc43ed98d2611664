/**
 * The reminder stores (memory, SQLite, Redis) against one contract: a claim hides what it took from
 * every other claim (another connection to the same file or Redis included) until its lease ends;
 * complete deletes, release puts back; 「通知を止める」 deletes a user's reminders and counts them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryReminderStore } from "../../src/reminders/store-memory.ts";
import { RedisReminderStore } from "../../src/reminders/store-redis.ts";
import { SqliteReminderStore } from "../../src/reminders/store-sqlite.ts";
import type { Reminder, ReminderStore } from "../../src/reminders/types.ts";
import { testRedisUrl } from "../helpers/redis.ts";

/** Its own database and a key prefix per run: nothing else is touched. */
const REDIS_URL = testRedisUrl(9);
const prefixes: string[] = [];
const prefix = () => {
  const p = `test-reminders-${Math.random().toString(36).slice(2)}:`;
  prefixes.push(p);
  return p;
};
const dir = mkdtempSync(join(tmpdir(), "mcr-reminder-store-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const redis = new Redis(REDIS_URL);
  for (const p of prefixes) {
    const keys = await redis.keys(`${p}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
});

const T0 = Date.parse("2027-03-16T09:00:00+09:00");
const reminder = (i: number, userId = `U${String(i % 7).padStart(32, "0")}`): Reminder => ({
  id: `r${String(i).padStart(4, "0")}`,
  userId,
  kind: "certificate-renewal-opens",
  date: "2027-03-16",
  locale: "ja",
  dueAt: T0 + i,
});

/** Two handles on one backend (two connections where the backend has connections). */
const backends: { name: string; open(): Promise<[ReminderStore, ReminderStore]> }[] = [
  {
    name: "memory",
    open: async () => {
      const s = new MemoryReminderStore();
      return [s, s];
    },
  },
  {
    name: "sqlite",
    open: async () => {
      const file = join(dir, `r-${Math.random().toString(36).slice(2)}.db`);
      return [new SqliteReminderStore(file), new SqliteReminderStore(file)];
    },
  },
  {
    name: "redis",
    open: async () => {
      const keyPrefix = prefix();
      return [new RedisReminderStore(REDIS_URL, { keyPrefix }), new RedisReminderStore(REDIS_URL, { keyPrefix })];
    },
  },
];

for (const backend of backends) {
  describe(`${backend.name} reminder store`, () => {
    it("claims each due reminder once across two connections claiming side by side", async () => {
      const [a, b] = await backend.open();
      try {
        await a.schedule(Array.from({ length: 300 }, (_, i) => reminder(i)));
        const now = T0 + 1_000;
        const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimDue(now, 60_000, 25)));
        const ids = claims.flat().map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(300);
        // Claimed: hidden until the lease ends, due again after it.
        expect(await a.claimDue(now, 60_000, 500)).toEqual([]);
        expect(await b.claimDue(now + 60_000, 60_000, 500)).toHaveLength(300);
      } finally {
        await a.close();
        if (b !== a) await b.close();
      }
    });

    it("due only from its due time; complete deletes, release puts back, schedule replaces by id", async () => {
      const [s] = await backend.open();
      try {
        await s.schedule([reminder(1, "Ua"), reminder(2, "Ua"), reminder(3, "Ub")]);
        await s.schedule([{ ...reminder(3, "Ub"), date: "2027-04-01", dueAt: T0 + 3 }]);
        expect(await s.claimDue(T0, 1_000, 10)).toEqual([]);
        const claimed = await s.claimDue(T0 + 3, 1_000, 10);
        expect(claimed.map((r) => r.id)).toEqual(["r0001", "r0002", "r0003"]);
        expect(claimed[2]).toEqual({ ...reminder(3, "Ub"), date: "2027-04-01", dueAt: T0 + 3 });
        await s.complete("r0001");
        await s.release("r0002", T0 + 3);
        expect((await s.claimDue(T0 + 3, 1_000, 10)).map((r) => r.id)).toEqual(["r0002"]);
        expect(await s.countUser("Ua")).toBe(1);
        expect(await s.cancelUser("Ua")).toBe(1);
        expect(await s.cancelUser("Ua")).toBe(0);
        expect(await s.countUser("Ub")).toBe(1);
        expect((await s.claimDue(T0 + 10_000, 1_000, 10)).map((r) => r.id)).toEqual(["r0003"]);
      } finally {
        await s.close();
      }
    });
  });
}
