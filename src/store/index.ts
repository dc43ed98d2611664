/**
 * Choose a {@link SessionStore} from a configuration string (e.g. the `SESSION_STORE` setting).
 *
 * The Redis and SQLite stores are imported only when chosen: `ioredis` takes ~50 ms to load, and
 * `node:sqlite` prints a warning on Node 22 (below). Import `RedisStore` / `LockLostError` from
 * `./redis.ts` and `SqliteStore` from `./sqlite.ts` themselves.
 */

import { MemoryStore, type MemoryStoreOptions } from "./memory.ts";
import type { RedisStoreOptions } from "./redis.ts";
import type { SqliteStoreOptions } from "./sqlite.ts";
import type { SessionStore } from "./types.ts";

export { MemoryStore, type MemoryStoreOptions } from "./memory.ts";
export type { RedisStoreOptions } from "./redis.ts";
export type { SqliteStoreOptions } from "./sqlite.ts";
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
    const { SqliteStore } = await importSqlite();
    return new SqliteStore(path, opts);
  }
  if (/^rediss?:\/\//i.test(value)) {
    const { RedisStore } = await import("./redis.ts");
    return new RedisStore(value, opts);
  }
  throw new Error(`unknown session store "${spec}"; expected ${ACCEPTED}`);
}

/** What Node 22 prints once when `node:sqlite` loads (Node 24 prints nothing). */
const SQLITE_EXPERIMENTAL = "SQLite is an experimental feature";

/**
 * `./sqlite.ts`, without Node 22's one-line "ExperimentalWarning: SQLite is an experimental feature…" on
 * stderr: the store uses only the module's settled core (`DatabaseSync`, prepared statements, `exec`), and
 * an operator's stderr is for real problems. Every other warning passes.
 */
async function importSqlite(): Promise<typeof import("./sqlite.ts")> {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    if ((typeof warning === "string" ? warning : warning.message).startsWith(SQLITE_EXPERIMENTAL)) return;
    (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return await import("./sqlite.ts");
  } finally {
    process.emitWarning = emitWarning;
  }
}
