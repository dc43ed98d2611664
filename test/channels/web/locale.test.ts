/**
 * The web chat's locale (issue 14), over real HTTP against the real server: a session opened in a
 * language, the locale with every reply list and with the session, the page's words per locale.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { UI_TEXT } from "../../../flows/certificate-recovery/ui-text.ts";
import type { RunningServer } from "../../../src/main.ts";
import { postJson, startTestServer } from "../../helpers/server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_NOW: "2026-11-21T10:00:00+09:00" });
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

const say = (id: string, body: unknown) => postJson(`${server.url}/api/chat/sessions/${id}/messages`, body);

describe("POST /api/chat/sessions with a locale", () => {
  it.each(["en", "ja-easy", "ja"] as const)('{"locale": "%s"} opens the conversation in it: the start event carries it, the answer says it', async (locale) => {
    const handle = vi.spyOn(server.runtime, "handle");
    const res = await postJson(`${server.url}/api/chat/sessions`, { locale });
    expect(res.status).toBe(201);
    expect(res.json.locale).toBe(locale);
    expect(handle).toHaveBeenCalledWith(`web:${res.json.sessionId}`, { kind: "start", locale });
  });

  it("no locale, an empty object or an empty body: a start event without one, the conversation in ja", async () => {
    const handle = vi.spyOn(server.runtime, "handle");
    const empty = await fetch(`${server.url}/api/chat/sessions`, { method: "POST" });
    expect(empty.status).toBe(201);
    const json = (await empty.json()) as { sessionId: string; locale: string; replies: unknown[] };
    expect(json.locale).toBe("ja");
    expect(json.replies.length).toBeGreaterThan(0);
    const obj = await postJson(`${server.url}/api/chat/sessions`, {});
    expect(obj.status).toBe(201);
    expect(obj.json.locale).toBe("ja");
    expect(handle.mock.calls.map((c) => c[1])).toEqual([{ kind: "start" }, { kind: "start" }]);
  });

  it.each([{ locale: "fr" }, { locale: "EN" }, { locale: 3 }, ["en"], "en"])("%j is a 400 with a JSON error, and no conversation", async (body) => {
    const handle = vi.spyOn(server.runtime, "handle");
    const res = await postJson(`${server.url}/api/chat/sessions`, JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ message: expect.any(String) });
    expect(res.text).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
    expect(handle).not.toHaveBeenCalled();
  });
});

describe("the conversation's locale in every answer", () => {
  it("the messages' answer, the poll and the session say the stored locale", async () => {
    const opened = await postJson(`${server.url}/api/chat/sessions`, {});
    const id = opened.json.sessionId as string;
    const first = await say(id, { text: "カードをなくしました" });
    expect(first.status).toBe(200);
    expect(first.json.locale).toBe("ja");

    // The conversation is switched (as the runtime stores it: meta.locale).
    await server.runtime.updateMeta(`web:${id}`, (meta) => ({ ...meta, locale: "en" }));
    const next = await say(id, { action: "restart" });
    expect(next.status).toBe(200);
    expect(next.json.locale).toBe("en");

    const session = await fetch(`${server.url}/api/chat/sessions/${id}`);
    expect(session.status).toBe(200);
    expect(((await session.json()) as { locale: string }).locale).toBe("en");

    const poll = await fetch(`${server.url}/api/chat/sessions/${id}/messages`);
    expect(poll.status).toBe(200);
    expect(((await poll.json()) as { locale: string }).locale).toBe("en");
  });
});

describe("the page's words per locale", () => {
  it("GET /api/chat/ui-text?locale= answers the catalog's words; an unknown locale is a 400", async () => {
    for (const locale of ["ja", "ja-easy", "en"] as const) {
      const res = await fetch(`${server.url}/api/chat/ui-text?locale=${locale}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(UI_TEXT[locale].web);
    }
    expect(((await (await fetch(`${server.url}/api/chat/ui-text`)).json()) as { send: string }).send).toBe("送信");
    const bad = await fetch(`${server.url}/api/chat/ui-text?locale=de`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/ja, ja-easy, en/);
  });

  it("the page loads every locale's words from /ui-text.js; ?lang= sets <html lang>", async () => {
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).toMatch(/<html lang="ja">/);
    expect(page.indexOf('src="ui-text.js"')).toBeLessThan(page.indexOf('src="chat.js"'));
    expect(await (await fetch(`${server.url}/?lang=en`)).text()).toMatch(/<html lang="en">/);
    expect(await (await fetch(`${server.url}/?lang=ja-easy`)).text()).toMatch(/<html lang="ja">/);
    expect(await (await fetch(`${server.url}/?lang=xx`)).text()).toMatch(/<html lang="ja">/);

    const script = await fetch(`${server.url}/ui-text.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    const words: Record<string, unknown> = {};
    new Function("globalThis", await script.text())(words);
    expect(words.McrUiText).toEqual({ ja: UI_TEXT.ja.web, "ja-easy": UI_TEXT["ja-easy"].web, en: UI_TEXT.en.web });
  });

  it("widget.js carries the widget's words of every locale", async () => {
    const widget = await (await fetch(`${server.url}/widget.js`)).text();
    expect(widget).not.toContain("__WIDGET_TEXT__");
    for (const locale of ["ja", "ja-easy", "en"] as const) expect(widget).toContain(JSON.stringify(UI_TEXT[locale].widget));
  });
});
