/**
 * `npm run bench` in its quick mode (BENCH_QUICK=1: about a second per part), as a child process the
 * way the script runs it: it must finish and write a JSON result with every part. Speed is not
 * asserted here — only that each figure is there and is a number.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { BenchResult } from "../../bench/run.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "bench-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runQuickBench(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts"], {
      cwd: ROOT,
      env: { ...process.env, BENCH_QUICK: "1", BENCH_OUT: out, BENCH_PROFILE: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const isNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);

describe("npm run bench (BENCH_QUICK=1)", () => {
  it("writes a JSON result with every part and prints the table", async () => {
    const out = join(dir, "result.json");
    const run = await runQuickBench(out);
    expect(run.stderr).not.toContain("FAILED");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("| part | figure | target |");

    const r = JSON.parse(readFileSync(out, "utf8")) as BenchResult;
    expect(r.quick).toBe(true);
    expect(r.errors).toEqual({});
    expect(r.scripts.conversations).toBeGreaterThan(0);

    // 1. core, both stores
    expect(r.parts.core?.map((c) => c.store)).toEqual(["memory", "sqlite"]);
    for (const c of r.parts.core ?? []) {
      expect(c.turns).toBeGreaterThan(0);
      for (const v of [c.turnsPerSecond, c.p50Us, c.p99Us]) expect(isNumber(v)).toBe(true);
    }

    // 2. LINE webhook, ours and the echo baseline, and their ratio
    const line = r.parts.line;
    expect(line).toBeDefined();
    for (const t of [line?.ours, line?.baseline]) {
      expect(t?.ok).toBeGreaterThan(0);
      expect(t?.replies).toBeGreaterThan(0);
      expect(t?.rejectedReplies).toBe(0);
      for (const v of [t?.requestsPerSecond, t?.p50Ms, t?.p99Ms, t?.repliesPerSecond]) expect(isNumber(v)).toBe(true);
    }
    expect(isNumber(line?.ratio)).toBe(true);
    expect(isNumber(line?.replyRatio)).toBe(true);

    // 3. web chat API
    expect(r.parts.web?.ok).toBeGreaterThan(0);
    expect(r.parts.web?.non2xx).toBe(0);
    for (const v of [r.parts.web?.requestsPerSecond, r.parts.web?.p99Ms]) expect(isNumber(v)).toBe(true);

    // 4. stored bytes and idle memory
    const stored = r.parts.storage?.stored;
    expect(stored?.conversations).toBeGreaterThan(0);
    for (const v of [stored?.meanBytes, stored?.maxBytes]) expect(v).toBeGreaterThan(0);
    const memory = r.parts.storage?.memory;
    expect(memory?.conversations).toBeGreaterThan(0);
    for (const v of [memory?.heapUsedDelta, memory?.rssDelta]) expect(isNumber(v)).toBe(true);

    // 5. cold start
    for (const w of [r.parts.coldstart?.node, r.parts.coldstart?.tsxCli, r.parts.coldstart?.nodeStrip]) {
      expect(w?.runsMs.length).toBeGreaterThan(0);
      expect(w?.medianMs).toBeGreaterThan(0);
    }

    // The targets are reported beside the figures, never asserted.
    expect(r.targets.length).toBeGreaterThan(0);
  }, 240_000);
});
