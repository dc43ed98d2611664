/**
 * The web chat's protections over real HTTP: security headers and a strict Content-Security-Policy
 * that the chat page still works under, CORS only for the configured origins, and the per-IP and
 * per-session rate limits (429 with Retry-After and a JSON error).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/main.ts";
import { postJson, startTestServer } from "../../helpers/server.ts";

const ALLOWED = "https://www.city.example.lg.jp";
const OTHER = "https://evil.example";
const PUBLIC = new URL("../../../src/channels/web/public/", import.meta.url);
const asset = (name: string) => readFileSync(new URL(name, PUBLIC), "utf8");

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_NOW: "2026-11-21T10:00:00+09:00", CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` });
});
afterAll(() => server.close());

/** The policy's directives as a map. */
function csp(header: string | null): Map<string, string> {
  return new Map(
    (header ?? "")
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = "", ...values] = d.split(/\s+/);
        return [name, values.join(" ")] as const;
      }),
  );
}

describe("security headers", () => {
  it("the chat page has a strict CSP: only its own script and style, no inline, no framing", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    const policy = csp(res.headers.get("content-security-policy"));
    expect(Object.fromEntries(policy)).toEqual({
      "default-src": "'self'",
      "script-src": "'self'",
      "style-src": "'self'",
      "img-src": "'self'",
      "connect-src": "'self'",
      "font-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
    for (const value of policy.values()) expect(value).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("the API and errors carry the same headers", async () => {
    for (const res of [await postJson(`${server.url}/api/chat/sessions`, {}), await postJson(`${server.url}/nope`, {})]) {
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("the page works under that policy: no inline script, style or handler; assets are same-origin", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs = "", body = ""] of scripts) {
      expect(body.trim(), "inline script").toBe("");
      expect(attrs).toMatch(/\bsrc="(?![a-z]+:|\/\/)[^"]+"/); // a relative, same-origin src
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // onclick= and friends
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);

    const js = asset("chat.js");
    expect(js).not.toMatch(/\beval\s*\(|new Function|setTimeout\(\s*["'`]|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(js).not.toMatch(/\.style\b|setAttribute\(\s*["']style/); // inline styles would be blocked
    expect(js).not.toMatch(/fetch\(\s*["'`]https?:/); // connect-src 'self'
    const css = asset("chat.css");
    expect(css).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);

    for (const [name, type] of [["chat.js", /javascript/], ["chat.css", /text\/css/]] as const) {
      const res = await fetch(`${server.url}/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(type);
    }
  });
});

describe("CORS on /api/chat/*", () => {
  const preflight = (origin: string | undefined, headers = "content-type") =>
    fetch(`${server.url}/api/chat/sessions`, {
      method: "OPTIONS",
      headers: {
        ...(origin ? { origin } : {}),
        "access-control-request-method": "POST",
        "access-control-request-headers": headers,
      },
    });

  it("answers a configured origin's preflight with 204 and its origin", async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-methods")).toMatch(/\bPOST\b.*\bOPTIONS\b|\bOPTIONS\b.*\bPOST\b/);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/content-type/);
    expect(res.headers.get("access-control-max-age")).toBe("600");
    expect(res.headers.get("vary")).toMatch(/Origin/);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect((await preflight("http://localhost:5173")).headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("refuses any other origin's preflight with 403 and a JSON error, and no CORS header", async () => {
    for (const origin of [OTHER, `${ALLOWED}.evil.example`, "null", ALLOWED.replace("https", "http")]) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(((await res.json()) as any).error.code).toBe("CORS_ORIGIN_NOT_ALLOWED");
    }
  });

  it("refuses a preflight for a header the API does not take", async () => {
    const res = await preflight(ALLOWED, "content-type, x-admin");
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe("CORS_HEADER_NOT_ALLOWED");
  });

  it("sets Access-Control-Allow-Origin on API answers for a configured origin only", async () => {
    const ok = await postJson(`${server.url}/api/chat/sessions`, {}, { origin: ALLOWED });
    expect(ok.status).toBe(201);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(ok.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
    const other = await postJson(`${server.url}/api/chat/sessions`, {}, { origin: OTHER });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const same = await postJson(`${server.url}/api/chat/sessions`, {});
    expect(same.status).toBe(201);
    expect(same.headers.get("access-control-allow-origin")).toBeNull();
    // Not on anything outside the chat API.
    const health = await fetch(`${server.url}/healthz`, { headers: { origin: ALLOWED } });
    expect(health.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("no origins configured: every cross-origin preflight is refused", async () => {
    const plain = await startTestServer({});
    try {
      const res = await fetch(`${plain.url}/api/chat/sessions`, { method: "OPTIONS", headers: { origin: ALLOWED, "access-control-request-method": "POST" } });
      expect(res.status).toBe(403);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe("rate limits", () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startTestServer({ WEB_RATE_LIMIT_PER_MINUTE: "6", WEB_SESSION_RATE_LIMIT_PER_MINUTE: "3", CORS_ORIGINS: ALLOWED });
  });
  afterAll(() => limited.close());

  /** From a given client address (the server trusts X-Forwarded-For from loopback, as behind a proxy). */
  const from = (ip: string, extra: Record<string, string> = {}) => ({ "x-forwarded-for": ip, ...extra });
  const open = (ip: string) => postJson(`${limited.url}/api/chat/sessions`, {}, from(ip));
  const say = (id: string, ip: string, text = "わからない") => postJson(`${limited.url}/api/chat/sessions/${id}/messages`, { text }, from(ip));

  it("per session: the 4th message in a minute is a 429 with Retry-After; other sessions go on", async () => {
    const a = (await open("198.51.100.1")).json.sessionId as string;
    const b = (await open("198.51.100.1")).json.sessionId as string;
    for (let i = 0; i < 3; i++) expect((await say(a, `198.51.100.${10 + i}`)).status).toBe(200);
    const refused = await say(a, "198.51.100.20");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toMatch(/application\/json/);
    expect(refused.json.error).toEqual({ code: "RATE_LIMITED", message: expect.stringMatching(/conversation.*retry after \d+ s/) });
    const retryAfter = Number(refused.headers.get("retry-after"));
    // The session's minute began with its first message, a moment ago: the wait is the rest of it.
    expect(retryAfter).toBeGreaterThanOrEqual(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await say(b, "198.51.100.21")).status).toBe(200);
  });

  it("per IP address: the 7th request in a minute is a 429; other addresses go on", async () => {
    const ip = "203.0.113.7";
    const id = (await open(ip)).json.sessionId as string;
    for (let i = 0; i < 2; i++) expect((await say(id, ip)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await open(ip)).status).toBe(201);
    const refused = await open(ip);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("RATE_LIMITED");
    expect(refused.json.error.message).toMatch(/address/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await say(id, ip)).status).toBe(429);
    expect((await open("203.0.113.8")).status).toBe(201);
  });

  it("a 429 for a configured origin is readable by the page (CORS headers, Retry-After exposed)", async () => {
    const ip = "192.0.2.55";
    for (let i = 0; i < 6; i++) await open(ip);
    const refused = await postJson(`${limited.url}/api/chat/sessions`, {}, from(ip, { origin: ALLOWED }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(refused.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  });

  it("refusals are counted in /metrics by scope", async () => {
    const metrics = await (await fetch(`${limited.url}/metrics`)).text();
    expect(metrics).toMatch(/^mcr_rate_limited_total\{scope="session"\} [1-9]/m);
    expect(metrics).toMatch(/^mcr_rate_limited_total\{scope="ip"\} [1-9]/m);
  });

  it("health checks and the page are not rate limited", async () => {
    for (let i = 0; i < 10; i++) expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
  });
});
