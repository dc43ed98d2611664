/**
 * Part 1: core turns per second in process — `runtime.handle` (lock → load snapshot → PII guard →
 * NLU → transition → save) for the memory and sqlite stores, on the example conversations replayed
 * back to back with distinct ids (first text, then the answers), one turn at a time.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConversationRuntime } from "../../src/core/runtime.ts";
import { createSessionStore } from "../../src/store/index.ts";
import { profiled } from "../lib/inprocess-profile.ts";
import type { Knobs } from "../lib/knobs.ts";
import { createBenchRuntime, type Script } from "../lib/scripts.ts";
import { load1, percentile } from "../lib/stats.ts";

export interface CoreResult {
  store: "memory" | "sqlite";
  seconds: number;
  turns: number;
  conversations: number;
  turnsPerSecond: number;
  /** CPU time of this process per turn (user + system): steadier than wall time on a shared machine. */
  cpuUsPerTurn: number;
  p50Us: number;
  p99Us: number;
  /** sqlite only: database file bytes per conversation stored, measured closed (the WAL checkpointed into it). */
  fileBytesPerConversation?: number;
  load1: number;
}

/** Replay conversations for `seconds`; returns the turns done and each turn's time in µs. */
async function drive(runtime: ConversationRuntime, scripts: Script[], seconds: number, prefix: string, record: boolean) {
  const latencies: number[] = [];
  let turns = 0;
  let conversations = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    const script = scripts[conversations % scripts.length];
    if (!script) throw new Error("no scripts");
    const id = `bench:${prefix}:${conversations++}`;
    for (const step of script.steps) {
      const t0 = performance.now();
      await runtime.handle(id, step);
      if (record) latencies.push((performance.now() - t0) * 1000);
      turns++;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { turns, conversations, elapsed, cpuUs: cpu.user + cpu.system, latencies };
}

export async function runCore(knobs: Knobs, scripts: Script[]): Promise<CoreResult[]> {
  const results: CoreResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), "bench-core-"));
  try {
    for (const kind of ["memory", "sqlite"] as const) {
      const path = join(dir, "core.db");
      const store = await createSessionStore(kind === "memory" ? "memory" : `sqlite:${path}`);
      try {
        const runtime = createBenchRuntime(store);
        const warm = await drive(runtime, scripts, knobs.warmupSeconds, "warmup", false);
        const run = await profiled(`core-${kind}`, knobs.profile, () => drive(runtime, scripts, knobs.coreSeconds, "run", true));
        const sorted = Float64Array.from(run.latencies).sort();
        const result: CoreResult = {
          store: kind,
          seconds: run.elapsed,
          turns: run.turns,
          conversations: run.conversations,
          turnsPerSecond: run.turns / run.elapsed,
          cpuUsPerTurn: run.cpuUs / run.turns,
          p50Us: percentile(sorted, 50),
          p99Us: percentile(sorted, 99),
          load1: load1(),
        };
        results.push(result);
        if (kind === "sqlite") {
          // Every conversation of the warm-up and the run is in the file (with its seen: marker). The
          // file is measured closed: closing checkpoints the WAL into it and removes the WAL.
          await store.close();
          const size = (p: string) => {
            try {
              return statSync(p).size;
            } catch {
              return 0;
            }
          };
          result.fileBytesPerConversation = (size(path) + size(`${path}-wal`)) / (warm.conversations + run.conversations);
        }
      } finally {
        await store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
