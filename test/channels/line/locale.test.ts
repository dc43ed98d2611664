/**
 * LINE and the conversation's language (issue 14), over real HTTP against the real server and the fake
 * Messaging API: the profile's language on a follow and on a first message, the rich menu of the
 * conversation's locale linked to the user, and neither ever breaking the reply.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { installRichMenus } from "../../../scripts/line-richmenu.ts";
import { localeOfLineLanguage } from "../../../src/channels/line/locale.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/logger.ts";
import { startServer, type RunningServer } from "../../../src/main.ts";
import { startFakeLineApi, type FakeLineApi } from "./fake-line-api.ts";
import { postWebhook, TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "./sign.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let fake: FakeLineApi;
let server: RunningServer;
let menus: Record<string, string>;
const logs: any[] = [];
const dir = mkdtempSync(join(tmpdir(), "line-locale-"));

/** A PNG header of the rich menu's size (the fake checks the size only). */
function menuImage(): string {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(2500, 16);
  b.writeUInt32BE(1686, 20);
  const path = join(dir, "menu.png");
  writeFileSync(path, b);
  return path;
}

beforeAll(async () => {
  fake = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
  // The city ran `npm run line:richmenu`: one menu per locale, behind its alias.
  menus = await installRichMenus({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: fake.url, images: { ja: menuImage() } });
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    SESSION_STORE: "memory",
    LINE_CHANNEL_SECRET: TEST_CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    LINE_API_BASE_URL: fake.url,
    BOT_NOW: "2026-11-21T10:00:00+09:00",
  });
  server = await startServer(config, createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line)) }));
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

const newUserId = () => `U${randomBytes(16).toString("hex")}`;

function fixture(name: string, userId: string) {
  const body = JSON.parse(readFileSync(new URL(`../../fixtures/line/${name}.json`, import.meta.url), "utf8"));
  const event = body.events[0];
  event.webhookEventId = `01${randomBytes(12).toString("hex").toUpperCase()}`;
  event.timestamp = Date.now();
  if (event.replyToken) event.replyToken = randomBytes(16).toString("hex");
  event.source.userId = userId;
  return { body, event };
}
function text(userId: string, words: string) {
  const f = fixture("text", userId);
  f.event.message.text = words;
  return f;
}

/** Deliver (signed), expect 200, wait until the event is done; answers the reply sent for it. */
async function deliver(f: { body: any; event: any }) {
  const res = await postWebhook(server.url, JSON.stringify(f.body));
  expect(res.status).toBe(200);
  await fake.waitFor(() => logs.some((l) => l.msg === "line event" && l.eventId === f.event.webhookEventId));
  const replies = fake.replies().filter((r) => r.replyToken === f.event.replyToken);
  expect(replies).toHaveLength(1);
  return replies[0]!.messages;
}

const profileCalls = (userId: string) => fake.requests.filter((r) => r.method === "GET" && r.path === `/v2/bot/profile/${userId}`);
const linksOf = (userId: string) => fake.links().filter((l) => l.userId === userId);
/** The inbound events the runtime was given, for this conversation. */
const eventsFor = (handle: { mock: { calls: unknown[][] } }, conversationId: string) => handle.mock.calls.filter((c) => c[0] === conversationId).map((c) => c[1]);

describe("LINE: the profile's language", () => {
  it("a follow from a user whose LINE is in English: an English conversation, and the English rich menu linked", async () => {
    const handle = vi.spyOn(server.runtime, "handle");
    const userId = newUserId();
    fake.setProfile(userId, { language: "en" });
    const messages = await deliver(fixture("follow", userId));
    expect(messages.length).toBeGreaterThan(0);
    expect(profileCalls(userId)).toHaveLength(1);
    expect(eventsFor(handle, `line:${userId}`)).toEqual([{ kind: "start", locale: "en" }]);
    // The English menu, found by its alias, linked to this user once.
    expect(fake.requests.some((r) => r.method === "GET" && r.path === "/v2/bot/richmenu/alias/richmenu-en")).toBe(true);
    expect(linksOf(userId)).toEqual([{ userId, richMenuId: menus.en }]);
    expect(await server.store.getValue(`line:richmenu:${userId}`)).toBe("en");

    // The next message: no second profile request, no second link.
    await deliver(text(userId, "I lost my card"));
    expect(profileCalls(userId)).toHaveLength(1);
    expect(linksOf(userId)).toHaveLength(1);
    expect(eventsFor(handle, `line:${userId}`)[1]).toEqual({ kind: "text", text: "I lost my card" });
  });

  it("a text from a user with no conversation yet and an English profile carries the hint; a second one does not", async () => {
    const handle = vi.spyOn(server.runtime, "handle");
    const userId = newUserId();
    fake.setProfile(userId, { language: "en-US" });
    await deliver(text(userId, "My certificate expired"));
    expect(eventsFor(handle, `line:${userId}`)).toEqual([{ kind: "text", text: "My certificate expired", localeHint: "en" }]);
    expect(linksOf(userId)).toEqual([{ userId, richMenuId: menus.en }]);
    await deliver(text(userId, "yes"));
    expect(eventsFor(handle, `line:${userId}`)[1]).toEqual({ kind: "text", text: "yes" });
    expect(profileCalls(userId)).toHaveLength(1);
  });

  it("a Japanese profile: a Japanese conversation, and no link (the Japanese menu is the default)", async () => {
    const handle = vi.spyOn(server.runtime, "handle");
    const userId = newUserId();
    fake.setProfile(userId, { language: "ja" });
    await deliver(fixture("follow", userId));
    expect(eventsFor(handle, `line:${userId}`)).toEqual([{ kind: "start", locale: "ja" }]);
    expect(linksOf(userId)).toEqual([]);
    expect(await server.store.getValue(`line:richmenu:${userId}`)).toBeUndefined();
  });

  it("no language in the profile: no locale, no link", async () => {
    const handle = vi.spyOn(server.runtime, "handle");
    const userId = newUserId();
    await deliver(fixture("follow", userId));
    expect(profileCalls(userId)).toHaveLength(1);
    expect(eventsFor(handle, `line:${userId}`)).toEqual([{ kind: "start" }]);
    expect(linksOf(userId)).toEqual([]);
  });

  it("getProfile failing (500) does not break the reply: the conversation starts without a locale, a warning is logged", async () => {
    const handle = vi.spyOn(server.runtime, "handle");
    const userId = newUserId();
    fake.setProfile(userId, { language: "en" });
    fake.failProfiles(500);
    try {
      const messages = await deliver(fixture("follow", userId));
      expect(messages.length).toBeGreaterThan(0);
    } finally {
      fake.failProfiles(undefined);
    }
    expect(eventsFor(handle, `line:${userId}`)).toEqual([{ kind: "start" }]);
    expect(logs.find((l) => l.msg === "line: no profile language (getProfile failed)" && l.status === 500)).toBeDefined();
    expect(JSON.stringify(logs)).not.toContain(userId);
  });

  it("in a group, nobody's profile is asked for", async () => {
    const f = fixture("group-text-mention", newUserId());
    const handle = vi.spyOn(server.runtime, "handle");
    await deliver(f);
    expect(profileCalls(f.event.source.userId)).toHaveLength(0);
    const [, event] = handle.mock.calls.at(-1)!;
    expect(event).not.toHaveProperty("localeHint");
  });
});

describe("LINE: the rich menu follows the conversation's locale", () => {
  it("a turn the runtime reports in another locale links that locale's menu, once; back to ja links the Japanese one", async () => {
    const userId = newUserId();
    await deliver(fixture("follow", userId));
    expect(linksOf(userId)).toEqual([]);
    // The runtime says which locale the conversation is in after each turn (TurnResult.locale).
    let reported = "ja-easy";
    const original = server.runtime.handle.bind(server.runtime);
    vi.spyOn(server.runtime, "handle").mockImplementation((id, event, options = {}) =>
      original(id, event, { ...options, ...(options.outbox ? { outbox: (r) => options.outbox!({ ...r, locale: reported as any }) } : {}) }),
    );
    const easy = await deliver(text(userId, "やさしい日本語"));
    expect(easy.length).toBeGreaterThan(0);
    expect(linksOf(userId)).toEqual([{ userId, richMenuId: menus["ja-easy"] }]);
    await deliver(text(userId, "はい"));
    expect(linksOf(userId)).toHaveLength(1);
    reported = "ja";
    await deliver(text(userId, "日本語で"));
    expect(linksOf(userId)).toEqual([
      { userId, richMenuId: menus["ja-easy"] },
      { userId, richMenuId: menus.ja },
    ]);
    expect(await server.store.getValue(`line:richmenu:${userId}`)).toBe("ja");
  });

  it("a link that fails is logged and the reply still goes out", async () => {
    const userId = newUserId();
    fake.setProfile(userId, { language: "en" });
    const original = fake.links().length;
    const f = fixture("follow", userId);
    // The link is the turn's first call that is not a lookup (it comes before the reply): LINE fails it.
    fake.failNext(500, 1);
    const res = await postWebhook(server.url, JSON.stringify(f.body));
    expect(res.status).toBe(200);
    await fake.waitFor(() => logs.some((l) => l.msg === "line event" && l.eventId === f.event.webhookEventId));
    expect(logs.find((l) => l.msg === "line: could not link the rich menu" && l.status === 500 && l.eventId === f.event.webhookEventId)).toBeDefined();
    expect(fake.replies().filter((r) => r.replyToken === f.event.replyToken)).toHaveLength(1);
    expect(fake.links().length).toBe(original);
    expect(await server.store.getValue(`line:richmenu:${userId}`)).toBeUndefined();
  });
});

describe("the profile's language → the bot's locale", () => {
  it.each([
    ["ja", "ja"],
    ["ja-JP", "ja"],
    ["en", "en"],
    ["en-GB", "en"],
    ["zh-Hant", "en"],
    ["vi", "en"],
    ["pt-BR", "en"],
    ["", undefined],
    [undefined, undefined],
  ])("%s → %s", (language, locale) => {
    expect(localeOfLineLanguage(language)).toBe(locale);
  });
});

/** Every text a resident reads in a LINE reply: texts, alt texts, Flex bubble texts, button and quick-reply labels. */
function wordsOf(messages: any[]): string[] {
  const out: string[] = [];
  const walk = (x: any): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== "object") return;
    for (const [k, v] of Object.entries(x)) {
      if ((k === "text" || k === "altText" || k === "label") && typeof v === "string") out.push(v);
      else if (typeof v === "object") walk(v);
    }
  };
  walk(messages);
  return out;
}
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe("LINE: an English resident end to end (the real runtime, its catalogs)", () => {
  it("an English profile: English greeting and questions, an English answer with the counter sentence and 0120-0178-27; the stored locale is en", async () => {
    const userId = newUserId();
    fake.setProfile(userId, { language: "en" });
    const greeting = await deliver(fixture("follow", userId));
    const greetingWords = wordsOf(greeting).join("\n");
    expect(greetingWords).toMatch(/My Number Card/);
    expect((await server.store.get(`line:${userId}`))?.meta?.locale).toBe("en");

    const asked = await deliver(text(userId, "forgot my signature password, i didnt move"));
    const askedWords = wordsOf(asked);
    // An English question (a Japanese term may follow in brackets).
    expect(askedWords.join("\n")).toMatch(/\?/);
    for (const w of askedWords) expect(w.replace(/[（(][^）)]*[）)]/gu, "")).not.toMatch(JAPANESE);

    const answered = await deliver(text(userId, "no"));
    const all = wordsOf(answered).join("\n");
    expect(all).toContain("0120-0178-27");
    // The one Japanese sentence to show the clerk.
    expect(all).toMatch(/[ぁ-んァ-ン一-龯]+.*(します|ください|です)。/u);
    expect(all).toMatch(/Show this at the counter/);
    const stored = await server.store.get(`line:${userId}`);
    expect(stored?.meta?.locale).toBe("en");
  });

  it("a Japanese first message from a user with an English profile is answered in English (the hint), and 「日本語」 switches back keeping the facts", async () => {
    const userId = newUserId();
    fake.setProfile(userId, { language: "en" });
    const first = await deliver(text(userId, "署名用の暗証番号を忘れました"));
    expect(wordsOf(first).join("\n")).toMatch(/[A-Za-z]{4,} [A-Za-z]{3,}/);
    const before = (await server.store.get(`line:${userId}`))?.snapshot;
    const back = await deliver(text(userId, "日本語"));
    expect(wordsOf(back).join("\n")).toMatch(/[ぁ-ん]/);
    const after = await server.store.get(`line:${userId}`);
    expect(after?.meta?.locale).toBe("ja");
    expect(after?.snapshot).toEqual(before);
  });
});
