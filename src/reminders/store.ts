/**
 * The reminder store beside the session store (`SESSION_STORE`): the same memory, SQLite file or
 * Redis, each through a module of its own.
 */
import { MemoryReminderStore } from "./store-memory.ts";
import type { ReminderStore } from "./types.ts";

export async function createReminderStore(spec: string, opts: { onError?: (error: unknown) => void } = {}): Promise<ReminderStore> {
  const value = spec.trim();
  if (value.startsWith("sqlite:")) {
    const { SqliteReminderStore } = await import("./store-sqlite.ts");
    return new SqliteReminderStore(value.slice("sqlite:".length));
  }
  if (/^rediss?:\/\//i.test(value)) {
    const { RedisReminderStore } = await import("./store-redis.ts");
    return new RedisReminderStore(value, opts);
  }
  return new MemoryReminderStore();
}
