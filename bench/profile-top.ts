/**
 * Read a V8 .cpuprofile (`node --cpu-prof`) and print where the time went: the top functions by self
 * time, and self time summed by place (our src/, flows/, each node_modules package, node internals,
 * GC), and optionally who calls a given function.
 * Usage: `tsx bench/profile-top.ts <file.cpuprofile> [top=25] [functionName…]`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Sampled time in ms, idle excluded. */
  busyMs: number;
  idleMs: number;
  functions: SelfTime[];
  places: SelfTime[];
  /** Total (inclusive) time of our own functions (src/, flows/) and of xstate's entry points. */
  inclusive: SelfTime[];
}

/** Functions outside our code whose inclusive time is worth seeing beside ours. */
const INCLUSIVE_EXTRA = new Set(["createActor", "getPersistedSnapshot", "restoreSnapshot", "resolveState", "replyMessage", "logger", "LOG", "write"]);

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** A short place for a script URL: `src/nlu/extract.ts`, `node_modules/xstate`, `node:internal`… */
export function placeOf(url: string): string {
  if (url === "") return "(native)";
  let path = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (path.startsWith("node:")) return path.startsWith("node:internal") ? "node:internal" : path;
  const nm = path.lastIndexOf("node_modules/");
  if (nm !== -1) {
    const rest = path.slice(nm + "node_modules/".length).split("/");
    return `node_modules/${rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (path.startsWith(ROOT)) path = path.slice(ROOT.length);
  return path;
}

/** A script URL as a short file name: `src/nlu/pii.ts`, `xstate/dist/….js`, `node:internal/streams/readable`. */
export function fileOf(url: string): string {
  if (url.startsWith("node:")) return url;
  let path = url.startsWith("file://") ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf("node_modules/");
  if (nm !== -1) return path.slice(nm + "node_modules/".length);
  if (path.startsWith(ROOT)) path = path.slice(ROOT.length);
  return path;
}

export function summarize(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length > 0 && deltas.length === samples.length) {
    // A sample's time is the delta to the next sample (the last one gets the mean).
    const mean = (profile.endTime - profile.startTime) / samples.length;
    for (let i = 0; i < samples.length; i++) {
      const id = samples[i] ?? -1;
      const dt = i + 1 < deltas.length ? (deltas[i + 1] ?? 0) : mean;
      selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, dt));
    }
  } else {
    const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
    const per = (profile.endTime - profile.startTime) / total;
    for (const n of profile.nodes) selfUs.set(n.id, (n.hitCount ?? 0) * per);
  }

  let idleUs = 0;
  let busyUs = 0;
  const fns = new Map<string, { name: string; where: string; us: number }>();
  const places = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const place = functionName.startsWith("(") && url === "" ? functionName : placeOf(url);
    const where = url === "" ? place : `${fileOf(url)}:${lineNumber + 1}`;
    const name = functionName || "(anonymous)";
    const key = `${name}@${where}`;
    const f = fns.get(key) ?? { name, where, us: 0 };
    f.us += us;
    fns.set(key, f);
    places.set(place, (places.get(place) ?? 0) + us);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusiveUs = new Map<string, number>();
  const keyOf = (n: ProfileNode): string | undefined => {
    const place = placeOf(n.callFrame.url);
    const ours = /^(src|flows)\//.test(place);
    if (!ours && !(INCLUSIVE_EXTRA.has(n.callFrame.functionName) && place.startsWith("node_modules/"))) return undefined;
    return `${n.callFrame.functionName || "(anonymous)"}\u0000${place}`;
  };
  const stackKeys = new Map<number, string[]>();
  const keysFor = (id: number): string[] => {
    const cached = stackKeys.get(id);
    if (cached) return cached;
    const keys = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      const k = n ? keyOf(n) : undefined;
      if (k) keys.add(k);
    }
    const list = [...keys];
    stackKeys.set(id, list);
    return list;
  };
  for (const [id, us] of selfUs) {
    if (byId.get(id)?.callFrame.functionName === "(idle)") continue;
    for (const k of keysFor(id)) inclusiveUs.set(k, (inclusiveUs.get(k) ?? 0) + us);
  }

  const share = (us: number) => (busyUs > 0 ? us / busyUs : 0);
  return {
    inclusive: [...inclusiveUs.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => {
        const [name = "", where = ""] = key.split("\u0000");
        return { name, where, ms: us / 1000, share: share(us) };
      }),
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    functions: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000, share: share(f.us) })),
    places: [...places.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ name: where, where, ms: us / 1000, share: share(us) })),
  };
}

/**
 * Where the self time of functions named `name` comes from: summed by the nearest caller in our own
 * code (src/, flows/), as `function file`, with the share of that function's self time.
 */
export function callersOf(profile: CpuProfile, name: string, top = 10): SelfTime[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = (n: ProfileNode) => /^(src|flows)\//.test(placeOf(n.callFrame.url));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totals = new Map<string, number>();
  let all = 0;
  for (let i = 0; i < samples.length; i++) {
    let node = byId.get(samples[i] ?? -1);
    if (!node || node.callFrame.functionName !== name) continue;
    const us = deltas[i + 1] ?? 0;
    all += us;
    let up = parent.get(node.id);
    let key = "(no caller in src/ or flows/)";
    while (up !== undefined) {
      node = byId.get(up);
      if (!node) break;
      if (ours(node) && node.callFrame.functionName !== name) {
        key = `${node.callFrame.functionName || "(anonymous)"}  ${placeOf(node.callFrame.url)}`;
        break;
      }
      up = parent.get(node.id);
    }
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({ name, where, ms: us / 1000, share: all > 0 ? us / all : 0 }));
}

export function formatSummary(s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const lines = [`busy ${s.busyMs.toFixed(0)} ms, idle ${s.idleMs.toFixed(0)} ms`, "", "top self time (functions):"];
  for (const f of s.functions) lines.push(`  ${pct(f.share)} ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}  ${f.where}`);
  lines.push("", "self time by place:");
  for (const p of s.places) lines.push(`  ${pct(p.share)} ${p.ms.toFixed(0).padStart(7)} ms  ${p.name}`);
  lines.push("", "total (inclusive) time of our functions:");
  for (const f of s.inclusive) lines.push(`  ${pct(f.share)} ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}  ${f.where}`);
  return lines.join("\n");
}

if (import.meta.main) {
  const [file, topArg, ...callers] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: tsx bench/profile-top.ts <file.cpuprofile> [top] [function whose callers to show]…\n");
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  process.stdout.write(`${formatSummary(summarize(profile, Number(topArg ?? 25)))}\n`);
  for (const name of callers) {
    process.stdout.write(`\ncallers of ${name} (nearest in src/ or flows/):\n`);
    for (const c of callersOf(profile, name)) process.stdout.write(`  ${(c.share * 100).toFixed(1).padStart(5)}% ${c.ms.toFixed(0).padStart(7)} ms  ${c.where}\n`);
  }
}
