import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSessionStore, MemoryStore } from "../../src/store/index.ts";
import { SqliteStore } from "../../src/store/sqlite.ts";
import { RedisStore } from "../../src/store/redis.ts";
import { testRedisUrl } from "../helpers/redis.js";

const dir = mkdtempSync(join(tmpdir(), "mcr-index-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("createSessionStore", () => {
  it("memory", async () => {
    const store = await createSessionStore("memory");
    expect(store).toBeInstanceOf(MemoryStore);
    await store.close();
  });

  it("sqlite:<path>, creating the directory", async () => {
    const file = join(dir, "data", "sessions.db");
    const store = await createSessionStore(`sqlite:${file}`);
    expect(store).toBeInstanceOf(SqliteStore);
    expect(existsSync(file)).toBe(true);
    await store.ping();
    await store.close();
  });

  it("redis:// and rediss:// URLs (connecting lazily in the background)", async () => {
    for (const url of [testRedisUrl(13), testRedisUrl(13).replace("redis:", "rediss:")]) {
      const store = await createSessionStore(url, { redis: { lazyConnect: true } });
      expect(store).toBeInstanceOf(RedisStore);
      await store.close();
    }
  });

  it.each(["", "memroy", "sqlite:", "postgres://db/sessions", "redis:/oops"])(
    "rejects %j, naming the value and the accepted forms",
    async (spec) => {
      await expect(createSessionStore(spec)).rejects.toThrow(`"${spec}"`);
      await expect(createSessionStore(spec)).rejects.toThrow(/memory.*sqlite:<path>.*redis:\/\//);
    },
  );
});
