/**
 * What operators see, over real HTTP: a request id on every request (the caller's when sane), one
 * access log line per request, one turn log line per conversation turn (hashed conversation, route,
 * questions, piiFound; never the text), `/metrics` from a registry of the app's own, and errors counted
 * and logged without ids or stack traces on the wire.
 */
import type { Server } from "node:http";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../src/channels/types.ts";
import { loadConfig } from "../../src/config.ts";
import { ConversationRuntime } from "../../src/core/runtime.ts";
import { certificateRecoveryFlow } from "../../flows/certificate-recovery/index.ts";
import { createLogger, hashId } from "../../src/logger.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { observeTurns } from "../../src/observability/turns.ts";
import { createApp } from "../../src/server.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { postJson, startTestServer } from "../helpers/server.ts";
import { startHarness, type Harness } from "../security/harness.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: RunningServer;
const logs: any[] = [];
beforeAll(async () => {
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", SESSION_STORE: "memory", BOT_NOW: "2026-11-21T10:00:00+09:00", WEB_RATE_LIMIT_PER_MINUTE: "0" });
  server = await startServer(config, createLogger("info", { write: (line: string) => void logs.push(JSON.parse(line)) }));
});
afterAll(() => server.close());

const metricsOf = async (url: string) => (await fetch(`${url}/metrics`)).text();

describe("request ids", () => {
  it("generates one when the caller sends none, and answers with it", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get("x-request-id")).toMatch(UUID);
  });

  it("keeps a sane X-Request-Id (a proxy's trace id)", async () => {
    for (const id of ["abc-123", "trace:7f3a.9@edge/1", "A".repeat(128)]) {
      const res = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": id } });
      expect(res.headers.get("x-request-id")).toBe(id);
    }
  });

  it("replaces one that is not (spaces, quotes, too long, non-ASCII)", async () => {
    for (const id of ["has space", 'quo"te', "A".repeat(129), "日本語", "a\tb", ""]) {
      const res = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": encodeURI(id) === id ? id : encodeURIComponent(id) + " x" } });
      expect(res.headers.get("x-request-id")).toMatch(UUID);
    }
  });
});

describe("logs", () => {
  it("one access line per request: method, path without query, status, ms, requestId", async () => {
    const res = await fetch(`${server.url}/healthz?token=secret-value`, { headers: { "x-request-id": "access-1" } });
    expect(res.status).toBe(200);
    const line = logs.find((l) => l.msg === "request" && l.requestId === "access-1");
    expect(line).toMatchObject({ method: "GET", path: "/healthz", status: 200, requestId: "access-1", level: 30 });
    expect(typeof line.ms).toBe("number");
    expect(logs.filter((l) => l.msg === "request" && l.requestId === "access-1")).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain("secret-value");
  });

  it("a refused request's log line carries the request id too", async () => {
    const res = await postJson(`${server.url}/api/chat/sessions/${"A".repeat(24)}/messages`, "{oops", { "x-request-id": "bad-1" });
    expect(res.status).toBe(400);
    expect(logs.find((l) => l.msg === "request rejected" && l.requestId === "bad-1")).toMatchObject({ status: 400, code: "MALFORMED_JSON" });
    expect(logs.find((l) => l.msg === "request" && l.requestId === "bad-1")).toMatchObject({ status: 400 });
  });

  it("a web turn: the session id never appears; the path shows :id and the conversation hash", async () => {
    const start = await postJson(`${server.url}/api/chat/sessions`, {});
    const sessionId = start.json.sessionId as string;
    const res = await postJson(`${server.url}/api/chat/sessions/${sessionId}/messages`, { text: "マイナンバーカードを落としました" }, { "x-request-id": "turn-1" });
    expect(res.status).toBe(200);
    const conversation = hashId(`web:${sessionId}`);

    const access = logs.find((l) => l.msg === "request" && l.requestId === "turn-1");
    expect(access).toMatchObject({ method: "POST", path: "/api/chat/sessions/:id/messages", conversation, status: 200 });

    const turn = logs.find((l) => l.msg === "turn" && l.requestId === "turn-1");
    expect(turn).toMatchObject({ channel: "web", conversation, event: "text", routeId: "card-lost", questionsAsked: expect.any(Number), piiFound: false });
    expect(turn).not.toHaveProperty("text");

    const all = JSON.stringify(logs);
    expect(all).not.toContain(sessionId);
    expect(all).not.toContain("落としました");
  });

  it("a LINE event handled after the 200 still carries its request's id", async () => {
    const h: Harness = await startHarness();
    try {
      const { conversationId } = await h.lineText("マイナンバーカードを落としました");
      const turn = await h.turnOf(conversationId);
      expect(turn).toMatchObject({ channel: "line", routeId: "card-lost", piiFound: false });
      const access = h.logObjects().find((l) => l.msg === "request" && l.path === "/webhooks/line");
      expect(turn.requestId).toBe(access.requestId);
      expect(h.logs.join("")).not.toContain(conversationId.slice("line:".length));
    } finally {
      await h.close();
    }
  });

  it("message text is redacted even if it slips into a log object", () => {
    const lines: string[] = [];
    const logger = createLogger("info", { write: (l: string) => void lines.push(l) });
    logger.info({ text: "暗証番号は1234", event: { text: "a" }, body: "b", message: { text: "c" }, rawBody: "d", ok: "kept" }, "x");
    const line = JSON.parse(lines[0] ?? "{}");
    expect(line).toMatchObject({ text: "[redacted]", event: { text: "[redacted]" }, body: "[redacted]", message: { text: "[redacted]" }, rawBody: "[redacted]", ok: "kept" });
  });
});

describe("/metrics", () => {
  it("serves Prometheus text with the bot's metrics", async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^mcr_events_total\{channel="web",type="start"\} [1-9]/m);
    expect(text).toMatch(/^mcr_events_total\{channel="web",type="text"\} [1-9]/m);
    expect(text).toMatch(/^mcr_routes_total\{channel="web",route_id="card-lost"\} [1-9]/m);
    expect(text).toMatch(/^mcr_questions_per_diagnosis_count\{channel="web"\} [1-9]/m);
    expect(text).toMatch(/^mcr_questions_per_diagnosis_bucket\{le="\+Inf",channel="web"\} [1-9]/m);
    expect(text).toMatch(/^mcr_http_request_duration_seconds_count\{method="POST",route="\/api\/chat\/sessions\/:id\/messages",status="200"\} [1-9]/m);
    expect(text).toMatch(/^mcr_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} [1-9]/m);
    expect(text).toMatch(/^# TYPE mcr_errors_total counter/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it("labels unknown paths as one route, never the raw path", async () => {
    await fetch(`${server.url}/wp-admin/secret-probe-123`);
    const text = await metricsOf(server.url);
    expect(text).toMatch(/route="\(unmatched\)",status="404"/);
    expect(text).not.toContain("secret-probe-123");
  });

  it("questions per diagnosis: observed when a route is reached", async () => {
    const before = await metricsOf(server.url);
    const count = (t: string) => Number(/^mcr_questions_per_diagnosis_count\{channel="web"\} (\d+)/m.exec(t)?.[1] ?? 0);
    const { sessionId } = (await postJson(`${server.url}/api/chat/sessions`, {})).json;
    const say = (body: unknown) => postJson(`${server.url}/api/chat/sessions/${sessionId}/messages`, body);
    await say({ text: "e-Taxで署名用電子証明書が失効していますと出ました" });
    expect(count(await metricsOf(server.url))).toBe(count(before)); // a question, no route yet
    await say({ choice: "yes" });
    const after = await metricsOf(server.url);
    expect(count(after)).toBe(count(before) + 1);
    expect(after).toMatch(/^mcr_routes_total\{channel="web",route_id="signature-reissue-after-change"\} 1$/m);
  });

  it("each app has its own registry: two servers in one process do not share counts", async () => {
    const a = await startTestServer();
    const b = await startTestServer();
    try {
      await postJson(`${a.url}/api/chat/sessions`, {});
      await postJson(`${a.url}/api/chat/sessions`, {});
      expect(await metricsOf(a.url)).toMatch(/^mcr_events_total\{channel="web",type="start"\} 2$/m);
      expect(await metricsOf(b.url)).not.toMatch(/^mcr_events_total\{/m);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("errors", () => {
  /** An app with one channel whose routes misbehave on purpose. */
  async function appWith(mount: (app: Express) => void) {
    const lines: any[] = [];
    const logger = createLogger("info", { write: (l: string) => void lines.push(JSON.parse(l)) });
    const metrics = createMetrics({ processMetrics: false });
    const channel: Channel = { name: "broken", mount };
    const app = createApp({ channels: [channel], store: new MemoryStore(), logger, metrics });
    const http = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    return { url, lines, metrics, close: () => new Promise<void>((r) => http.close(() => r())) };
  }

  it("a crash is a 500 with a JSON apology, counted and logged without ids; no stack on the wire", async () => {
    const t = await appWith((app) => {
      app.post("/boom", () => {
        throw new Error("store unreachable for web:SESSIONxSECRETxxxxxxxxx");
      });
    });
    try {
      const res = await postJson(`${t.url}/boom`, {});
      expect(res.status).toBe(500);
      expect(res.json).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
      expect(res.text).not.toMatch(/store unreachable|\.ts:\d+/);
      const failed = t.lines.find((l) => l.msg === "request failed");
      expect(failed.error.type).toBe("Error");
      expect(failed.error.message).toMatch(/^store unreachable for #[A-Za-z0-9_-]{12}$/);
      expect(JSON.stringify(t.lines)).not.toContain("SESSIONxSECRET");
      expect(await t.metrics.render()).toMatch(/^mcr_errors_total\{source="http",code="Error"\} 1$/m);
    } finally {
      await t.close();
    }
  });

  it("an error status sent with an empty body gets the JSON error (as Bolt sends its 401)", async () => {
    const t = await appWith((app) => {
      app.post("/bare", (_req, res) => {
        res.status(401).send();
      });
    });
    try {
      const res = await postJson(`${t.url}/bare`, {});
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.json.error.code).toBe("UNAUTHORIZED");
    } finally {
      await t.close();
    }
  });

  it("a failed turn is counted by channel and logged with hashed ids; a 404 turn is not an error", async () => {
    const lines: any[] = [];
    const logger = createLogger("info", { write: (l: string) => void lines.push(JSON.parse(l)) });
    const metrics = createMetrics({ processMetrics: false });
    const store = new MemoryStore();
    const broken = Object.assign(Object.create(store), {
      withLock: async () => {
        throw Object.assign(new Error("lock lost for line:U0123456789abcdef"), { code: "LOCK_LOST" });
      },
    });
    const city = loadCityConfig(SAMPLE_CITY_PATH);
    const runtime = new ConversationRuntime({ flow: certificateRecoveryFlow, store: broken, city, now: () => new Date(), idleTtlMs: 60_000, ...observeTurns(logger, metrics) });
    await expect(runtime.handle("line:U0123456789abcdef", { kind: "text", text: "a" })).rejects.toThrow();
    expect(await metrics.render()).toMatch(/^mcr_errors_total\{source="line",code="LOCK_LOST"\} 1$/m);
    const failed = lines.find((l) => l.msg === "turn failed");
    expect(failed).toMatchObject({ channel: "line", conversation: hashId("line:U0123456789abcdef"), event: "text" });
    expect(JSON.stringify(lines)).not.toContain("U0123456789abcdef");

    const fine = new ConversationRuntime({ flow: certificateRecoveryFlow, store, city, now: () => new Date(), idleTtlMs: 60_000, ...observeTurns(logger, metrics) });
    await expect(fine.handle("web:nobody", { kind: "text", text: "a" }, { mustExist: true })).rejects.toThrow(/unknown conversation/);
    expect(lines.find((l) => l.msg === "turn refused")).toMatchObject({ channel: "web", code: "NOT_FOUND" });
    expect(await metrics.render()).not.toMatch(/source="web"/);
  });
});
