/**
 * Child processes of the bench: every server runs in its own process (so autocannon in the parent
 * does not share its event loop), started the same way — `node --import tsx <script>` with an IPC
 * channel. The child sends `{type: "ready", …}` once listening, answers `{type, id}` requests with
 * `{type, id, …}`, and exits 0 on `{type: "stop"}` (so that `--cpu-prof` gets written).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { ROOT } from "./scripts.ts";

export interface ChildMessage {
  type: string;
  id?: number;
  [key: string]: unknown;
}

export interface BenchChild {
  readonly proc: ChildProcess;
  /** The `ready` message. */
  readonly ready: ChildMessage;
  /** Send `{type}` and wait for the answer with the same id. */
  call(type: string, timeoutMs?: number): Promise<ChildMessage>;
  /** Ask it to stop; kill it if it has not exited in time. Resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Extra node flags (e.g. --expose-gc). */
  nodeArgs?: string[];
  /**
   * Let the parent profile the child: between `call("profileStart")` and `call("profileStop")` the
   * child writes `<profileName>.cpuprofile` under bench/results/profiles/ (the measured window only,
   * not start-up or warm-up).
   */
  profileName?: string;
  readyTimeoutMs?: number;
}

export const PROFILE_DIR = join(ROOT, "bench", "results", "profiles");

/** Write a CPU profile (from node:inspector) as bench/results/profiles/<name>.cpuprofile. */
export function writeProfile(name: string, profile: object): string {
  mkdirSync(PROFILE_DIR, { recursive: true });
  const path = join(PROFILE_DIR, `${name}.cpuprofile`);
  writeFileSync(path, JSON.stringify(profile));
  return path;
}

/** `node [flags] --import tsx <script>` with IPC; resolves once it says `ready`. */
export async function spawnChild(script: string, opts: SpawnOptions = {}): Promise<BenchChild> {
  const args = [...(opts.nodeArgs ?? []), "--import", "tsx", join(ROOT, script)];
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, ...(opts.profileName ? { BENCH_PROFILE_NAME: opts.profileName } : {}) },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  proc.stderr?.setEncoding("utf8");
  proc.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  let nextId = 1;
  const pending = new Map<number, (m: ChildMessage) => void>();
  proc.on("message", (m: ChildMessage) => {
    if (typeof m.id === "number") pending.get(m.id)?.(m);
  });

  const ready = await new Promise<ChildMessage>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`${script}: not ready after ${opts.readyTimeoutMs ?? 30_000} ms\n${stderr}`));
    }, opts.readyTimeoutMs ?? 30_000);
    proc.on("message", (m: ChildMessage) => {
      if (m.type === "ready") {
        clearTimeout(timer);
        resolve(m);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready\n${stderr}`));
    });
  });

  return {
    proc,
    ready,
    call(type, timeoutMs = 10_000) {
      const id = nextId++;
      return new Promise<ChildMessage>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${script}: no answer to ${type}\n${stderr}`));
        }, timeoutMs);
        pending.set(id, (m) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(m);
        });
        proc.send({ type, id });
      });
    },
    async stop(timeoutMs = 15_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      if (proc.connected) proc.send({ type: "stop" });
      const timer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The child's side of `profileStart` / `profileStop` (a no-op without BENCH_PROFILE_NAME). */
function profilerHandlers(): Record<string, () => unknown> {
  const name = process.env.BENCH_PROFILE_NAME;
  let session: Session | undefined;
  return {
    profileStart: async () => {
      if (!name || session) return {};
      session = new Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
      return {};
    },
    profileStop: async () => {
      if (!name || !session) return {};
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      session = undefined;
      return { path: writeProfile(name, profile) };
    },
  };
}

/** The child's side: answer requests by type, stop on `stop`. */
export function serveParent(own: Record<string, () => unknown>, onStop: () => Promise<void>): void {
  const handlers: Record<string, () => unknown> = {
    ...profilerHandlers(),
    /** CPU time used so far (µs, user + system) and memory, to cost requests independently of the machine's load. */
    usage: () => {
      const cpu = process.cpuUsage();
      return { cpuUs: cpu.user + cpu.system, rss: process.memoryUsage().rss };
    },
    ...own,
  };
  process.on("message", (m: ChildMessage) => {
    if (m.type === "stop") {
      onStop().then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`stop failed: ${String(err)}\n`);
          process.exit(1);
        },
      );
      return;
    }
    const handler = handlers[m.type];
    if (!handler) return;
    void Promise.resolve(handler()).then((answer) => process.send?.({ ...(answer as object), type: m.type, id: m.id }));
  });
  // The parent went away: do not linger.
  process.on("disconnect", () => void onStop().finally(() => process.exit(0)));
}

export function sendReady(extra: Record<string, unknown>): void {
  process.send?.({ type: "ready", ...extra });
}
