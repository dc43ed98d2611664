/**
 * Server PROCESSES for the multi-instance tests: `node --import tsx src/main.ts`, each on a port picked
 * beforehand (PORT=0 would not tell us which), all on one Redis database and one fake LINE API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { testRedisUrl } from "../helpers/redis.js";

export const REDIS_URL = testRedisUrl(12);
export const BOT_NOW = "2026-11-21T10:00:00+09:00";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const mainScript = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

export interface Instance {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr and stdout (warnings and errors: LOG_LEVEL=warn). */
  output(): string;
  /** Resolves when the process has exited, with its code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `count` free TCP ports on 127.0.0.1 (all held open together while picked, so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", resolve);
      });
    }
    return servers.map((s) => {
      const address = s.address();
      if (typeof address !== "object" || address === null) throw new Error("no port");
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

export interface InstanceEnv {
  lineApiUrl: string;
  channelSecret: string;
  accessToken: string;
  /** SESSION_STORE (default: this suite's Redis database, {@link REDIS_URL}). */
  sessionStore?: string;
  /** More environment (e.g. INBOX_RESUME_AFTER_SECONDS, LOG_LEVEL). */
  extra?: Record<string, string>;
  /** How long start-up may take before the test fails (default 40 s: CI runs kills.test.ts beside). */
  readyWithinMs?: number;
}

/** Spawn one server process and wait until `/readyz` answers 200 (it pinged Redis). */
export async function startInstance(name: string, port: number, env: InstanceEnv): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", mainScript], {
    cwd: repoRoot,
    // A minimal environment: nothing from the test runner's (SESSION_STORE, NODE_OPTIONS, …) leaks in.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      SESSION_STORE: env.sessionStore ?? REDIS_URL,
      LINE_CHANNEL_SECRET: env.channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: env.accessToken,
      LINE_API_BASE_URL: env.lineApiUrl,
      BOT_NOW,
      LOG_LEVEL: "warn",
      WEB_RATE_LIMIT_PER_MINUTE: "0",
      ...env.extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const instance: Instance = { name, port, url: `http://127.0.0.1:${port}`, child, output: () => output, exited };

  let gone = false;
  void exited.then(() => (gone = true));
  const readyWithinMs = env.readyWithinMs ?? 40_000;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (gone) throw new Error(`instance ${name} exited during start-up:\n${output}`);
    try {
      const res = await fetch(`${instance.url}/readyz`);
      await res.arrayBuffer();
      if (res.status === 200) return instance;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`instance ${name} not ready within ${readyWithinMs / 1_000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** Kill what is still running (afterAll): only the processes this suite started, by their handle. */
export async function killAll(instances: Iterable<Instance>): Promise<void> {
  await Promise.all(
    [...instances].map(async (i) => {
      if (i.child.exitCode === null && i.child.signalCode === null) {
        i.child.kill("SIGKILL");
        await i.exited;
      }
    }),
  );
}

/** A plain connection to this suite's Redis database for set-up and inspection. */
export function adminRedis(): Redis {
  return new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
}

/**
 * Delete this run's keys: those whose last segment (`mcr:<kind>:<channel>:<id>`) is one of `ids`.
 * Not FLUSHDB: several runs of this suite (developers running `npm test` side by side on one Redis)
 * may share the database at the same time, and one run's flush would erase another's dedupe claims
 * in the middle of its test. Ids are random, so runs never share a key.
 */
export async function deleteOwnKeys(redis: Redis, ids: ReadonlySet<string>): Promise<number> {
  let deleted = 0;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", "mcr:*", "COUNT", 1000);
    cursor = next;
    const own = keys.filter((key) => ids.has(key.slice(key.lastIndexOf(":") + 1)));
    if (own.length > 0) deleted += await redis.del(...own);
  } while (cursor !== "0");
  return deleted;
}

/** The `mcr_events_total` counts of one instance's `/metrics`, summed over the channel's event types. */
export async function turnsHandled(instance: Instance, channel: string): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  let total = 0;
  for (const line of text.split("\n")) {
    const m = /^mcr_events_total\{([^}]*)\} (\d+(?:\.\d+)?)$/.exec(line);
    if (m && m[1]?.includes(`channel="${channel}"`)) total += Number(m[2]);
  }
  return total;
}
