/**
 * What the chat page and the widget need from the server (issue 15), over real HTTP: a favicon (no 404
 * on every load), widget.js readable from a city's site (Cross-Origin-Resource-Policy), and the page
 * framable only by the origins in EMBED_ORIGINS.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/main.ts";
import { ConfigError, loadConfig } from "../../../src/config.ts";
import { startTestServer } from "../../helpers/server.ts";

const CITY_SITE = "https://www.city.example.lg.jp";
let plain: RunningServer;
let embedded: RunningServer;
beforeAll(async () => {
  [plain, embedded] = await Promise.all([startTestServer(), startTestServer({ EMBED_ORIGINS: `${CITY_SITE}, http://localhost:8080` })]);
});
afterAll(async () => {
  await Promise.all([plain.close(), embedded.close()]);
});

const frameAncestors = (res: Response) => /frame-ancestors ([^;]+)/.exec(res.headers.get("content-security-policy") ?? "")?.[1];

describe("the chat page's assets", () => {
  it("serves /favicon.ico and /favicon.svg", async () => {
    const ico = await fetch(`${plain.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get("content-type")).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    expect((await ico.arrayBuffer()).byteLength).toBeGreaterThan(100);
    const svg = await fetch(`${plain.url}/favicon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const page = await (await fetch(`${plain.url}/`)).text();
    expect(page).toContain('rel="icon" href="favicon.svg"');
  });

  it("widget.js may be loaded by another site; the page itself may not", async () => {
    const widget = await fetch(`${plain.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get("content-type")).toMatch(/javascript/);
    expect(widget.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(await widget.text()).toContain("マイナ証明書の相談");
    const page = await fetch(`${plain.url}/`);
    expect(page.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });
});

describe("EMBED_ORIGINS", () => {
  it("unset: nobody may frame the page", async () => {
    const res = await fetch(`${plain.url}/`);
    expect(frameAncestors(res)).toBe("'none'");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("set: the page may be framed by those origins only (frame-ancestors), without X-Frame-Options", async () => {
    const res = await fetch(`${embedded.url}/`);
    expect(frameAncestors(res)).toBe(`'self' ${CITY_SITE} http://localhost:8080`);
    expect(res.headers.get("x-frame-options")).toBeNull();
    // The rest of the policy is as strict as ever.
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });
});

describe("EMBED_ORIGINS, checked at start-up", () => {
  it.each(["https://www.city.example.lg.jp/", "https://www.city.example.lg.jp/chat", "www.city.example.lg.jp", "*"])("%s is refused, naming the variable", (value) => {
    expect(() => loadConfig({ EMBED_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ EMBED_ORIGINS: value })).toThrow(/^EMBED_ORIGINS: /);
  });
  it("a list of origins is read as a list", () => {
    expect(loadConfig({ EMBED_ORIGINS: " https://a.example.jp , http://localhost:8080" }).EMBED_ORIGINS).toEqual(["https://a.example.jp", "http://localhost:8080"]);
    expect(loadConfig({}).EMBED_ORIGINS).toEqual([]);
  });
});
