/**
 * The bench's knobs, all from the environment. `BENCH_QUICK=1` turns every part into a ~1 second
 * smoke run; any explicit knob still wins over the quick default.
 */

export type PartName = "core" | "line" | "web" | "storage" | "coldstart";
export const ALL_PARTS: readonly PartName[] = ["core", "line", "web", "storage", "coldstart"];

export interface Knobs {
  quick: boolean;
  parts: PartName[];
  /** Measured seconds per store of the in-process core bench. */
  coreSeconds: number;
  /** Measured seconds per target (ours, baseline) of the LINE webhook bench, over all rounds. */
  lineSeconds: number;
  /** Rounds the LINE seconds are split into, alternating baseline and ours (ABBA…). */
  lineRounds: number;
  /** Measured seconds of the web chat API bench. */
  webSeconds: number;
  /** Unmeasured warm-up before each measurement, seconds. */
  warmupSeconds: number;
  /** autocannon connections (LINE and web). */
  connections: number;
  /** Store of the servers the HTTP parts start: `memory` or `sqlite` (a fresh temp file). */
  httpStore: "memory" | "sqlite";
  /** LOG_LEVEL of our server in the HTTP parts (the deployed default is `info`). */
  logLevel: string;
  /** Web chat sessions created before the web bench. */
  webSessions: number;
  /** Idle conversations put in the memory store for the memory figure. */
  idleConversations: number;
  /** Spawns per way of starting (median reported). */
  coldStartRuns: number;
  /** Run the server children (and the core bench child) with --cpu-prof into bench/results/profiles/. */
  profile: boolean;
  /** Where the JSON result goes (default bench/results/bench-<time>.json, and latest.json). */
  out?: string;
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

export function readKnobs(env: NodeJS.ProcessEnv = process.env): Knobs {
  const quick = env.BENCH_QUICK === "1" || env.BENCH_QUICK === "true";
  const parts = (env.BENCH_PARTS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of parts) {
    if (!(ALL_PARTS as readonly string[]).includes(p)) throw new Error(`BENCH_PARTS: unknown part ${p} (${ALL_PARTS.join(", ")})`);
  }
  const httpStore = env.BENCH_HTTP_STORE ?? "sqlite";
  if (httpStore !== "memory" && httpStore !== "sqlite") throw new Error("BENCH_HTTP_STORE must be memory or sqlite");
  return {
    quick,
    parts: parts.length > 0 ? (parts as PartName[]) : [...ALL_PARTS],
    coreSeconds: num(env, "BENCH_CORE_SECONDS", quick ? 0.5 : 5),
    lineSeconds: num(env, "BENCH_LINE_SECONDS", quick ? 0.5 : 12),
    lineRounds: Math.round(num(env, "BENCH_LINE_ROUNDS", quick ? 1 : 4)),
    webSeconds: num(env, "BENCH_WEB_SECONDS", quick ? 1 : 10),
    warmupSeconds: num(env, "BENCH_WARMUP_SECONDS", quick ? 0.2 : 2),
    connections: Math.round(num(env, "BENCH_CONNECTIONS", 50)),
    httpStore,
    logLevel: env.BENCH_LOG_LEVEL ?? "info",
    webSessions: Math.round(num(env, "BENCH_WEB_SESSIONS", quick ? 100 : 500)),
    idleConversations: Math.round(num(env, "BENCH_IDLE_CONVERSATIONS", quick ? 10_000 : 100_000)),
    coldStartRuns: Math.round(num(env, "BENCH_COLDSTART_RUNS", quick ? 1 : 5)),
    profile: env.BENCH_PROFILE === "1" || env.BENCH_PROFILE === "true",
    ...(env.BENCH_OUT ? { out: env.BENCH_OUT } : {}),
  };
}
