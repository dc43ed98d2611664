/** Start the real server on an ephemeral port for a test, with a given environment. */
import { loadConfig } from "../../src/config.ts";
import { startServer, type RunningServer } from "../../src/main.ts";

export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer> {
  // Every test request comes from 127.0.0.1: the per-IP limit is off unless a test sets it.
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", SESSION_STORE: "memory", LOG_LEVEL: "silent", WEB_RATE_LIMIT_PER_MINUTE: "0", ...env });
  return startServer(config);
}

/** POST JSON and read the JSON answer. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

/**
 * One test server per frozen "now" (BOT_NOW), started on first use and shared by the tests of a file;
 * `closeAll` closes them (call it in the file's afterAll).
 */
export function serversByNow(): { at(now: string): Promise<RunningServer>; closeAll(): Promise<void> } {
  const servers = new Map<string, Promise<RunningServer>>();
  return {
    at(now) {
      let s = servers.get(now);
      if (!s) {
        s = startTestServer({ BOT_NOW: now });
        servers.set(now, s);
      }
      return s;
    },
    async closeAll() {
      for (const s of servers.values()) await (await s).close();
    },
  };
}
