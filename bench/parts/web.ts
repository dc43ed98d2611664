/**
 * Part 3: the web chat API over HTTP against our server in a child process. Sessions are created
 * beforehand (`POST /api/chat/sessions`); the messages then go round robin over the sessions, each
 * session walking through an example conversation (first text, then the answers), then
 * `{"action":"restart"}` and the next conversation.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InboundEvent } from "../../src/core/events.ts";
import { fire, type HttpFigures } from "../lib/autocannon.ts";
import { spawnChild } from "../lib/child.ts";
import type { Knobs } from "../lib/knobs.ts";
import { BENCH_NOW, type Script } from "../lib/scripts.ts";
import { load1 } from "../lib/stats.ts";

export interface WebResult extends HttpFigures {
  /** The server process's CPU time per message (user + system), ms. */
  cpuMsPerRequest: number;
  connections: number;
  sessions: number;
  store: string;
  logLevel: string;
  load1: number;
}

const bodyOf = (e: InboundEvent): string =>
  JSON.stringify(e.kind === "text" ? { text: e.text } : e.kind === "choice" ? { choice: e.value } : { action: "restart" });

/** Messages round robin over the sessions; each session walks a script, then restarts. */
export class WebTraffic {
  readonly #sessions: { id: string; steps: string[]; at: number }[];
  #turn = 0;

  constructor(sessionIds: string[], scripts: Script[]) {
    this.#sessions = sessionIds.map((id, i) => {
      const script = scripts[i % scripts.length];
      if (!script) throw new Error("no scripts");
      return { id, steps: [...script.steps.map(bodyOf), bodyOf({ kind: "restart" })], at: 0 };
    });
  }

  next(): { path: string; body: string; headers: Record<string, string> } {
    const s = this.#sessions[this.#turn++ % this.#sessions.length];
    if (!s) throw new Error("no sessions");
    const body = s.steps[s.at % s.steps.length] ?? "{}";
    s.at++;
    return { path: `/api/chat/sessions/${s.id}/messages`, body, headers: { "content-type": "application/json" } };
  }
}

export async function runWeb(knobs: Knobs, scripts: Script[]): Promise<WebResult> {
  const dir = mkdtempSync(join(tmpdir(), "bench-web-"));
  const server = await spawnChild("bench/children/server.ts", {
    env: {
      PORT: "0",
      HOST: "127.0.0.1",
      SESSION_STORE: knobs.httpStore === "memory" ? "memory" : `sqlite:${join(dir, "web.db")}`,
      LOG_LEVEL: knobs.logLevel,
      BOT_NOW: BENCH_NOW,
      // One client IP and many messages per session: keep the limiters in the path but out of the way
      // (1,000,000 per minute is the configuration's maximum).
      WEB_RATE_LIMIT_PER_MINUTE: "1000000",
      WEB_SESSION_RATE_LIMIT_PER_MINUTE: "1000000",
    },
    ...(knobs.profile ? { profileName: "web-ours" } : {}),
  });
  try {
    const url = String(server.ready.url);
    const ids: string[] = [];
    for (let i = 0; i < knobs.webSessions; i++) {
      const res = await fetch(`${url}/api/chat/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (res.status !== 201) throw new Error(`web: session ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { sessionId: string }).sessionId);
    }
    const traffic = new WebTraffic(ids, scripts);
    const load = { url, connections: knobs.connections, method: "POST" as const, path: "/api/chat/sessions", next: () => traffic.next() };
    await fire({ ...load, seconds: knobs.warmupSeconds });
    await server.call("profileStart");
    const cpu0 = Number((await server.call("usage")).cpuUs);
    const { latencies: _all, ...http } = await fire({ ...load, seconds: knobs.webSeconds });
    const cpuUs = Number((await server.call("usage")).cpuUs) - cpu0;
    await server.call("profileStop", 60_000);
    return { ...http, cpuMsPerRequest: cpuUs / 1000 / Math.max(1, http.requests), connections: knobs.connections, sessions: ids.length, store: knobs.httpStore, logLevel: knobs.logLevel, load1: load1() };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
