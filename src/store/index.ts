/**
 * Choose a {@link SessionStore} from a configuration string (e.g. the `SESSION_STORE` setting).
 *
 * The Redis store (and `ioredis`, ~50 ms to load) is imported only for a `redis://` spec: import
 * `RedisStore` and `LockLostError` from `./redis.ts` itself.
 */

import { MemoryStore, type MemoryStoreOptions } from "./memory.ts";
import type { RedisStoreOptions } from "./redis.ts";
import { SqliteStore, type SqliteStoreOptions } from "./sqlite.ts";
import type { SessionStore } from "./types.ts";

export { MemoryStore, type MemoryStoreOptions } from "./memory.ts";
export type { RedisStoreOptions } from "./redis.ts";
export { SqliteStore, type SqliteStoreOptions } from "./sqlite.ts";
export { StoreClosedError } from "./codec.ts";
export { LockTimeoutError, type SessionStore, type StoredConversation, type ValueWrite } from "./types.ts";

/** Options for {@link createSessionStore}; each store reads the ones it knows. */
export type CreateSessionStoreOptions = MemoryStoreOptions & SqliteStoreOptions & RedisStoreOptions;

const ACCEPTED = "`memory`, `sqlite:<path>` (e.g. `sqlite:./data/sessions.db`) or a `redis://` / `rediss://` URL";

/**
 * Create the store named by `spec`:
 * - `memory`: {@link MemoryStore} (single process, lost on restart);
 * - `sqlite:<path>`: {@link SqliteStore} on that file, created with its directory when missing;
 * - `redis://…` or `rediss://…`: {@link RedisStore} (connects in the background; use `ping()` to
 *   check it answers).
 *
 * Throws an Error naming the value and the accepted forms for anything else.
 */
export async function createSessionStore(
  spec: string,
  opts: CreateSessionStoreOptions = {},
): Promise<SessionStore> {
  const value = spec.trim();
  if (value === "memory") return new MemoryStore(opts);
  if (value.startsWith("sqlite:")) {
    const path = value.slice("sqlite:".length);
    if (path === "") throw new Error(`session store "${spec}" has no file path; expected ${ACCEPTED}`);
    return new SqliteStore(path, opts);
  }
  if (/^rediss?:\/\//i.test(value)) {
    const { RedisStore } = await import("./redis.ts");
    return new RedisStore(value, opts);
  }
  throw new Error(`unknown session store "${spec}"; expected ${ACCEPTED}`);
}
