/**
 * `npm run bench`: the performance figures of issue 7, printed as a table beside their targets and
 * written as JSON to bench/results/ (bench-<time>.json and latest.json). See bench/README.md for the
 * parts, the knobs (BENCH_QUICK=1 for a ~1 second-per-part smoke run) and the latest figures.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, platform, release, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { formatSummary, summarize, type CpuProfile } from "./profile-top.ts";
import { PROFILE_DIR } from "./lib/child.ts";
import { readKnobs, type Knobs, type PartName } from "./lib/knobs.ts";
import { recordScripts, ROOT } from "./lib/scripts.ts";
import { load1 } from "./lib/stats.ts";
import { runColdStart, type ColdStartResult } from "./parts/coldstart.ts";
import { runCore, type CoreResult } from "./parts/core.ts";
import { runLine, type LineResult } from "./parts/line.ts";
import { runStorage, type StorageResult } from "./parts/storage.ts";
import { runWeb, type WebResult } from "./parts/web.ts";

export interface Parts {
  core?: CoreResult[];
  line?: LineResult;
  web?: WebResult;
  storage?: StorageResult;
  coldstart?: ColdStartResult;
}

export interface TargetCheck {
  figure: string;
  value: number;
  target: string;
  met: boolean;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  seconds: number;
  quick: boolean;
  knobs: Knobs;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGb: number; load1Start: number; load1End: number };
  commit?: string;
  scripts: { conversations: number; turns: number };
  parts: Parts;
  targets: TargetCheck[];
  errors: Partial<Record<PartName, string>>;
}

const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined || Number.isNaN(n) ? "—" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MB`;

export function targetsOf(parts: Parts): TargetCheck[] {
  const out: TargetCheck[] = [];
  const memCore = parts.core?.find((c) => c.store === "memory");
  if (memCore) {
    out.push({ figure: "core turns/s (memory)", value: memCore.turnsPerSecond, target: "≥ 20,000", met: memCore.turnsPerSecond >= 20_000 });
    const perCpu = 1e6 / memCore.cpuUsPerTurn;
    out.push({ figure: "core turns per CPU-second (memory)", value: perCpu, target: "≥ 20,000", met: perCpu >= 20_000 });
  }
  if (parts.line) {
    out.push({ figure: "LINE ours/baseline (req/s)", value: parts.line.ratio, target: "≥ 0.8", met: parts.line.ratio >= 0.8 });
    out.push({ figure: "LINE ours/baseline (replies/s)", value: parts.line.replyRatio, target: "≥ 0.8", met: parts.line.replyRatio >= 0.8 });
    out.push({ figure: "LINE ours/baseline (CPU per event)", value: parts.line.cpuRatio, target: "≥ 0.8", met: parts.line.cpuRatio >= 0.8 });
    out.push({ figure: "LINE p99 ms (ours)", value: parts.line.ours.p99Ms, target: "< 25", met: parts.line.ours.p99Ms < 25 });
  }
  if (parts.storage) {
    const s = parts.storage.stored;
    out.push({ figure: "stored bytes/conversation (mean)", value: s.meanBytes, target: "≤ 1,536", met: s.meanBytes <= 1536 });
    out.push({ figure: "stored bytes/conversation (max)", value: s.maxBytes, target: "≤ 1,536", met: s.maxBytes <= 1536 });
  }
  if (parts.coldstart) {
    out.push({ figure: "cold start ms (median)", value: parts.coldstart.node.medianMs, target: "< 800", met: parts.coldstart.node.medianMs < 800 });
  }
  return out;
}

/** The table of a run, as Markdown (it reads fine in a terminal and pastes into bench/README.md). */
export function formatTable(r: BenchResult): string {
  const rows: string[][] = [];
  const row = (...cells: string[]) => rows.push(cells);
  const mark = (met: boolean) => (met ? "ok" : "**short**");
  const targets = new Map(r.targets.map((t) => [t.figure, t]));
  const tcell = (figure: string) => {
    const t = targets.get(figure);
    return t ? [t.target, mark(t.met)] : ["", ""];
  };
  const p = r.parts;
  for (const c of p.core ?? []) {
    row(`1 core, ${c.store} store`, `${fmt(c.turnsPerSecond)} turns/s · p50 ${fmt(c.p50Us)} µs · p99 ${fmt(c.p99Us)} µs`, ...tcell(`core turns/s (${c.store})`));
    row(
      `1 core, ${c.store}, per CPU`,
      `${fmt(c.cpuUsPerTurn)} µs CPU/turn = ${fmt(1e6 / c.cpuUsPerTurn)} turns per CPU-second${c.fileBytesPerConversation ? ` · file ${fmt(c.fileBytesPerConversation)} B/conv.` : ""}`,
      ...tcell(`core turns per CPU-second (${c.store})`),
    );
  }
  if (p.line) {
    const l = p.line;
    for (const t of [l.ours, l.baseline]) {
      const problems = t.non2xx + t.errors + t.rejectedReplies > 0 ? ` · ${t.non2xx} non-2xx, ${t.errors} errors, ${t.rejectedReplies} replies refused` : "";
      row(
        `2 LINE webhook, ${t.target}`,
        `${fmt(t.requestsPerSecond)} req/s · p50 ${fmt(t.p50Ms, 1)} ms · p99 ${fmt(t.p99Ms, 1)} ms · replies ${fmt(t.repliesPerSecond)}/s · CPU/event ${fmt(t.cpuMsPerEvent, 2)} ms (generator ${fmt(t.generatorCpuMsPerEvent, 2)}, fake API ${fmt(t.fakeApiCpuMsPerEvent, 2)})${problems}`,
        ...(t.target === "ours" ? tcell("LINE p99 ms (ours)") : ["", ""]),
      );
    }
    row("2 LINE ours/baseline, req/s", fmt(l.ratio, 2), ...tcell("LINE ours/baseline (req/s)"));
    row("2 LINE ours/baseline, replies/s", fmt(l.replyRatio, 2), ...tcell("LINE ours/baseline (replies/s)"));
    row("2 LINE ours/baseline, CPU/event", fmt(l.cpuRatio, 2), ...tcell("LINE ours/baseline (CPU per event)"));
  }
  if (p.web) {
    const w = p.web;
    row(
      "3 web chat API",
      `${fmt(w.requestsPerSecond)} req/s · p50 ${fmt(w.p50Ms, 1)} ms · p99 ${fmt(w.p99Ms, 1)} ms · ${fmt(w.cpuMsPerRequest, 2)} ms CPU/req.${w.non2xx + w.errors > 0 ? ` · ${w.non2xx} non-2xx, ${w.errors} errors` : ""}`,
      "",
      "",
    );
  }
  if (p.storage) {
    const s = p.storage.stored;
    row("4 stored/conversation, mean", `${fmt(s.meanBytes)} B (${s.conversations} examples; + ${s.seenMarkerBytes} B seen: marker)`, ...tcell("stored bytes/conversation (mean)"));
    row("4 stored/conversation, max", `${fmt(s.maxBytes)} B (${s.maxConversation}; largest at any turn ${fmt(s.peakBytes)} B)`, ...tcell("stored bytes/conversation (max)"));
    const m = p.storage.memory;
    row(`4 memory, ${fmt(m.conversations)} idle conv.`, `heap +${mb(m.heapUsedDelta)} (${fmt(m.heapUsedPerConversation)} B/conv.) · RSS +${mb(m.rssDelta)}`, "", "");
  }
  if (p.coldstart) {
    const c = p.coldstart;
    row("5 cold start, node --import tsx (npm start)", `median ${fmt(c.node.medianMs)} ms (${c.node.runsMs.map((x) => fmt(x)).join(", ")})`, ...tcell("cold start ms (median)"));
    row("5 cold start, tsx CLI (former npm start)", `median ${fmt(c.tsxCli.medianMs)} ms (${c.tsxCli.runsMs.map((x) => fmt(x)).join(", ")})`, "", "");
    row("5 cold start, node src/main.ts (type stripping)", `median ${fmt(c.nodeStrip.medianMs)} ms (${c.nodeStrip.runsMs.map((x) => fmt(x)).join(", ")})`, "", "");
  }
  for (const [part, message] of Object.entries(r.errors)) row(`${part}`, `FAILED: ${message.split("\n")[0] ?? ""}`, "", "");
  const header = ["part", "figure", "target", ""];
  const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  return lines.join("\n");
}

function commitOf(): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

export async function runBench(knobs: Knobs = readKnobs(), log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<BenchResult> {
  const started = new Date();
  const load1Start = load1();
  const scripts = await recordScripts();
  const parts: Parts = {};
  const errors: Partial<Record<PartName, string>> = {};
  const steps: Record<PartName, () => Promise<void>> = {
    core: async () => void (parts.core = await runCore(knobs, scripts)),
    line: async () => void (parts.line = await runLine(knobs, scripts)),
    web: async () => void (parts.web = await runWeb(knobs, scripts)),
    storage: async () => void (parts.storage = await runStorage(knobs)),
    coldstart: async () => void (parts.coldstart = await runColdStart(knobs)),
  };
  for (const part of knobs.parts) {
    const t0 = performance.now();
    log(`bench: ${part}…`);
    try {
      await steps[part]();
      log(`bench: ${part} done in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    } catch (err) {
      errors[part] = err instanceof Error ? (err.stack ?? err.message) : String(err);
      log(`bench: ${part} FAILED: ${errors[part]}`);
    }
  }
  const finished = new Date();
  const cpu = cpus();
  const commit = commitOf();
  return {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (finished.getTime() - started.getTime()) / 1000,
    quick: knobs.quick,
    knobs,
    machine: {
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? "",
      memoryGb: Math.round(totalmem() / 2 ** 30),
      load1Start,
      load1End: load1(),
    },
    ...(commit ? { commit } : {}),
    scripts: { conversations: scripts.length, turns: scripts.reduce((n, s) => n + s.steps.length, 0) },
    parts,
    targets: targetsOf(parts),
    errors,
  };
}

/** Print the tops of the CPU profiles written by this run (the folder is emptied at its start). */
function printProfiles(): void {
  let files: string[] = [];
  try {
    files = readdirSync(PROFILE_DIR).filter((f) => f.endsWith(".cpuprofile"));
  } catch {
    return;
  }
  for (const f of files) {
    const path = join(PROFILE_DIR, f);
    const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
    process.stdout.write(`\n## profile ${f}\n${formatSummary(summarize(profile, 15))}\n`);
  }
}

if (import.meta.main) {
  const knobs = readKnobs();
  if (knobs.profile) rmSync(PROFILE_DIR, { recursive: true, force: true });
  const result = await runBench(knobs);
  const out = knobs.out ?? join(ROOT, "bench", "results", `bench-${result.startedAt.replace(/[:.]/g, "-")}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(out, json);
  if (!knobs.out) writeFileSync(join(ROOT, "bench", "results", "latest.json"), json);
  process.stdout.write(`\n${formatTable(result)}\n\n${knobs.quick ? "(quick smoke run: the figures are not meaningful)\n" : ""}total ${fmt(result.seconds, 1)} s · load ${result.machine.load1Start} → ${result.machine.load1End} · ${out}\n`);
  if (knobs.profile) printProfiles();
  process.exitCode = Object.keys(result.errors).length > 0 ? 1 : 0;
}
