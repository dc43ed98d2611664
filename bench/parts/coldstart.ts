/**
 * Part 5: cold start — from spawning the server process to the first `GET /healthz` 200, the median
 * of several runs. `node --import tsx src/main.ts` (what `npm start` and the image's CMD run) is the
 * figure; beside it, `tsx src/main.ts` (the tsx CLI, which starts a second node process: `npm start`
 * until the bench showed the cost) and, for comparison, `node src/main.ts` on Node's own type
 * stripping. Web only, on a fresh sqlite file, as `npm start` runs it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Knobs } from "../lib/knobs.ts";
import { ROOT } from "../lib/scripts.ts";
import { median, sleep } from "../lib/stats.ts";

export interface ColdStartWay {
  command: string;
  runsMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface ColdStartResult {
  /** `node --import tsx src/main.ts`: `npm start`. */
  node: ColdStartWay;
  /** `tsx src/main.ts` through the tsx CLI (the former `npm start`). */
  tsxCli: ColdStartWay;
  /** For comparison: `node src/main.ts` with Node's own type stripping (no tsx at all). */
  nodeStrip: ColdStartWay;
}

/** The parent's environment without channel secrets or a frozen clock: the web-only `npm start`. */
function webOnlyEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LINE_|SLACK_|BOT_NOW$|MUNICIPALITY_CONFIG$)/.test(k)));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function once(command: string, args: string[], dir: string, run: number): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...webOnlyEnv(),
      PORT: String(port),
      HOST: "127.0.0.1",
      SESSION_STORE: `sqlite:${join(dir, `cold-${run}.db`)}`,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  proc.stderr?.setEncoding("utf8");
  proc.stderr?.on("data", (c: string) => (stderr = (stderr + c).slice(-2_000)));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`cold start: ${command} exited ${proc.exitCode}\n${stderr}`);
      if (performance.now() - started > 30_000) throw new Error(`cold start: no /healthz after 30 s\n${stderr}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(5);
    }
  } finally {
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

const summary = (command: string, runsMs: number[]): ColdStartWay => ({
  command,
  runsMs,
  medianMs: median(runsMs),
  minMs: Math.min(...runsMs),
  maxMs: Math.max(...runsMs),
});

export async function runColdStart(knobs: Knobs): Promise<ColdStartResult> {
  const dir = mkdtempSync(join(tmpdir(), "bench-cold-"));
  const ways = [
    { command: "node --import tsx src/main.ts", args: ["--import", "tsx", "src/main.ts"], runs: [] as number[] },
    { command: "tsx src/main.ts", args: [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "src/main.ts"], runs: [] as number[] },
    { command: "node src/main.ts", args: ["src/main.ts"], runs: [] as number[] },
  ] as const;
  try {
    // Interleaved (a, b, c, a, b, c, …) so that the machine's load weighs on every way alike.
    let spawned = 0;
    for (let i = 0; i < knobs.coldStartRuns; i++) {
      for (const way of ways) way.runs.push(await once(process.execPath, [...way.args], dir, spawned++));
    }
    const [node, tsxCli, nodeStrip] = ways.map((w) => summary(w.command, w.runs));
    if (!node || !tsxCli || !nodeStrip) throw new Error("cold start: missing a way");
    return { node, tsxCli, nodeStrip };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
