/**
 * `POST /webhooks/line` over real HTTP against the real server, with a local fake Messaging API
 * (LINE_API_BASE_URL) and bodies signed with the test secret. The server is started like
 * startTestServer does, plus a logger whose lines the tests read: every event ends in one
 * `line event` log line (debug for a handled turn), which is how a test knows the work after the 200
 * is done.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../../flows/certificate-recovery/messages.ts";
import type { Server } from "node:http";
import { retryKeyOf } from "../../../src/channels/line/deliver.ts";
import { createLineChannel } from "../../../src/channels/line/index.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/logger.ts";
import { startServer, type RunningServer } from "../../../src/main.ts";
import { createApp } from "../../../src/server.ts";
import { postJson } from "../../helpers/server.ts";
import { startFakeLineApi, type FakeLineApi } from "./fake-line-api.ts";
import { postWebhook, signLineBody, TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "./sign.ts";

const BOT_NOW = "2026-11-21T10:00:00+09:00";
const GROUP = "C281f4e131fb4fcb09491bd8ba15d0adc";

let fake: FakeLineApi;
let server: RunningServer;
const logs: any[] = [];

beforeAll(async () => {
  fake = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    SESSION_STORE: "memory",
    LOG_LEVEL: "info",
    LINE_CHANNEL_SECRET: TEST_CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    LINE_API_BASE_URL: fake.url,
    BOT_NOW,
    INBOX_RESUME_AFTER_SECONDS: "0.3",
  });
  // Debug: the `line event` line of a handled turn (what the tests wait for) is a debug line.
  server = await startServer(config, createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line)) }));
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

// ---- helpers ----

const newUserId = () => `U${randomBytes(16).toString("hex")}`;
const newEventId = () => `01${randomBytes(12).toString("hex").toUpperCase()}`;

/** A fixture with fresh ids, token and timestamp (and the user given), as LINE would send it now. */
function fixture(name: string, userId: string = newUserId()): { body: any; event: any } {
  const body = JSON.parse(readFileSync(new URL(`../../fixtures/line/${name}.json`, import.meta.url), "utf8"));
  const event = body.events[0];
  event.webhookEventId = newEventId();
  event.timestamp = Date.now();
  if (event.replyToken) event.replyToken = randomBytes(16).toString("hex");
  event.source.userId = userId;
  return { body, event };
}

function postback(userId: string, data: string) {
  const f = fixture("postback", userId);
  f.event.postback = { data };
  return f;
}

/** Deliver a body (signed), expect 200, and wait until the event's `line event` log line. */
async function deliver(body: any, eventId: string = body.events[0].webhookEventId, times = 1) {
  const res = await postWebhook(server.url, JSON.stringify(body));
  expect(res.status).toBe(200);
  return waitHandled(eventId, times);
}

function waitHandled(eventId: string, times = 1) {
  return fake.waitFor(() => {
    const lines = logs.filter((l) => l.msg === "line event" && l.eventId === eventId);
    return lines.length >= times ? lines : undefined;
  });
}

const repliesTo = (replyToken: string) => fake.replies().filter((r) => r.replyToken === replyToken);

/** The one reply sent with this token. */
function replyFor(replyToken: string) {
  const replies = repliesTo(replyToken);
  expect(replies).toHaveLength(1);
  return replies[0]!.messages;
}

const quickItems = (messages: any[]) => messages.at(-1)?.quickReply?.items ?? [];

// ---- tests ----

describe("LINE webhook: events", () => {
  it("a signed text event gets one reply whose quick replies are the question's choices", async () => {
    const { body, event } = fixture("text");
    await deliver(body);
    const messages = replyFor(event.replyToken);
    const call = fake.requests.find((r) => r.body?.replyToken === event.replyToken)!;
    expect(call.headers.authorization).toBe(`Bearer ${TEST_ACCESS_TOKEN}`);
    expect(messages.length).toBeLessThanOrEqual(5);

    // The same words through the web chat ask the same question: the quick replies are its choices.
    const web = await postJson(`${server.url}/api/chat/sessions`, {});
    const turn = await postJson(`${server.url}/api/chat/sessions/${web.json.sessionId}/messages`, { text: event.message.text });
    const question = turn.json.replies.findLast((r: any) => r.type === "question");
    expect(question).toBeDefined();
    expect(messages.at(-1).text).toContain(question.text);
    const postbacks = quickItems(messages).filter((i: any) => i.action.type === "postback");
    expect(postbacks).toEqual(
      question.choices.map((c: any) => ({
        type: "action",
        action: { type: "postback", label: c.label, data: `c=${encodeURIComponent(c.value)}&s=${question.slot}`, displayText: c.label },
      })),
    );
    if (question.input === "date") expect(quickItems(messages).at(-1).action).toMatchObject({ type: "datetimepicker", mode: "date" });
  });

  it("a whole diagnosis over LINE (text, then tapped choices) ends in a Flex route and the follow-up", async () => {
    const userId = newUserId();
    const first = fixture("text", userId);
    first.event.message.text = "暗証番号がロックされてしまいました";
    await deliver(first.body);
    let messages = replyFor(first.event.replyToken);
    const prefer = ["c=signature&s=certificate", "c=yes&s=userPinKnown", "c=yes&s=nfcSmartphone", "c=self&s=applicant"];
    let taps = 0;
    for (; taps < 10 && !messages.some((m: any) => m.type === "flex"); taps++) {
      const items = quickItems(messages).filter((i: any) => i.action.type === "postback");
      expect(items.length, "every question offers choices").toBeGreaterThan(0);
      const data = prefer.find((p) => items.some((i: any) => i.action.data === p)) ?? items[0].action.data;
      const tap = postback(userId, data);
      await deliver(tap.body);
      messages = replyFor(tap.event.replyToken);
    }
    const flex = messages.find((m: any) => m.type === "flex");
    expect(flex, "a route").toBeDefined();
    expect(taps).toBeGreaterThanOrEqual(2);
    expect(flex.altText.length).toBeLessThanOrEqual(400);
    expect(flex.altText).toContain(flex.contents.header.contents[0].text);
    expect(flex.contents.footer.contents.at(-1).action).toEqual({ type: "uri", label: "窓口に電話 0120-000-111", uri: "tel:0120000111" });
    // The route's details first (issue #13), then the follow-up.
    expect(quickItems(messages).map((i: any) => i.action.data)).toEqual([
      "c=detail%3Astores&s=detail",
      "c=detail%3Afees&s=detail",
      "c=detail%3Acontacts&s=detail",
      "c=resolved&s=followUp",
      "c=not-resolved&s=followUp",
      "c=restart&s=followUp",
      "c=contact&s=followUp",
    ]);
    expect(await server.store.get(`line:${userId}`)).toBeDefined();
  });

  it("a route's details are quick replies; a tap answers with the detail as a bubble, the diagnosis kept (issue #13)", async () => {
    const userId = newUserId();
    const first = fixture("text", userId);
    first.event.message.text = "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました";
    await deliver(first.body);
    const messages = replyFor(first.event.replyToken);
    const flex = messages.find((m: any) => m.type === "flex");
    const bodyTexts = JSON.stringify(flex.contents.body);
    expect(flex.contents.body.contents[0]).toMatchObject({ type: "text", text: expect.stringContaining("見本市の窓口で発行の申請") });
    expect(bodyTexts).not.toContain("代理人（家族など）が手続きする場合"); // a detail: offered, not shown
    const items = quickItems(messages);
    expect(items.length).toBeLessThanOrEqual(13);
    for (const i of items) expect(i.action.label.length).toBeLessThanOrEqual(20);
    const proxy = items.find((i: any) => i.action.label === "代理人が行く場合");
    expect(proxy.action.data).toBe("c=detail%3Aproxy&s=detail");
    expect(items.at(-1).action.data).toBe("c=contact&s=followUp");

    const tap = postback(userId, proxy.action.data);
    await deliver(tap.body);
    const shown = replyFor(tap.event.replyToken);
    const detailFlex = shown.find((m: any) => m.type === "flex");
    expect(JSON.stringify(detailFlex.contents.body)).toContain("代理人（家族など）が手続きする場合");
    expect(JSON.stringify(detailFlex.contents.body)).toContain("照会書兼回答書");
    const next = quickItems(shown).map((i: any) => i.action.data);
    expect(next).not.toContain("c=detail%3Aproxy&s=detail");
    expect(next).toContain("c=detail%3Aguardian&s=detail");
    expect(next.at(-1)).toBe("c=contact&s=followUp");
    expect(fake.replies().filter((r) => r.replyToken === tap.event.replyToken)).toHaveLength(1);
  });

  it("a redelivered event (same webhookEventId) is answered once and advances the conversation once", async () => {
    const { body, event } = fixture("text");
    await deliver(body);
    const before = await server.store.get(`line:${event.source.userId}`);
    expect(before).toBeDefined();

    const again = structuredClone(body);
    again.events[0].deliveryContext.isRedelivery = true;
    const lines = await deliver(again, event.webhookEventId, 2);
    expect(lines[1]).toMatchObject({ outcome: "duplicate", redelivery: true });
    expect(repliesTo(event.replyToken)).toHaveLength(1);
    expect(await server.store.get(`line:${event.source.userId}`)).toStrictEqual(before);
  });

  it("the same event delivered twice at once is still handled once", async () => {
    const { body, event } = fixture("redelivery");
    const raw = JSON.stringify(body);
    const [a, b] = await Promise.all([postWebhook(server.url, raw), postWebhook(server.url, raw)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const lines = await waitHandled(event.webhookEventId, 2);
    expect(lines.map((l: any) => l.outcome).sort()).toEqual(["duplicate", "turn"]);
    expect(repliesTo(event.replyToken)).toHaveLength(1);
  });

  it("follow → the greeting and the main entry points", async () => {
    const { body, event } = fixture("follow");
    await deliver(body);
    const messages = replyFor(event.replyToken);
    expect(messages[0].text.startsWith(MESSAGES.greeting)).toBe(true);
    expect(quickItems(messages).map((i: any) => i.action.data)).toEqual(expect.arrayContaining(["c=revoked&s=symptom", "c=locked&s=symptom", "c=forgot-pin&s=symptom", "c=lost-card&s=symptom"]));
  });

  it("unfollow → the conversation is forgotten (and nothing is sent)", async () => {
    const userId = newUserId();
    await deliver(fixture("follow", userId).body);
    expect(await server.store.get(`line:${userId}`)).toBeDefined();
    const calls = fake.requests.length;
    await deliver(fixture("unfollow", userId).body);
    expect(await server.store.get(`line:${userId}`)).toBeUndefined();
    expect(fake.requests.length).toBe(calls);
  });

  it.each(["sticker", "image", "location"])("a %s gets the short polite text-only answer", async (name) => {
    const { body, event } = fixture(name);
    await deliver(body);
    expect(replyFor(event.replyToken)).toEqual([{ type: "text", text: MESSAGES.unsupported }]);
    expect(await server.store.get(`line:${event.source.userId}`)).toBeUndefined();
  });

  it("a rich menu tap starts a fresh diagnosis from its symptom", async () => {
    const userId = newUserId();
    const tap = postback(userId, "m=lost-card");
    await deliver(tap.body);
    const messages = replyFor(tap.event.replyToken);
    expect(messages.length).toBeGreaterThan(0);
    expect(await server.store.get(`line:${userId}`)).toBeDefined();
  });

  it("a group message without a mention of the bot → silence", async () => {
    const { body, event } = fixture("group-text");
    const lines = await deliver(body);
    expect(lines[0]).toMatchObject({ outcome: "ignored", reason: "not mentioned" });
    expect(repliesTo(event.replyToken)).toHaveLength(0);
    expect(await server.store.get(`line:${GROUP}:${event.source.userId}`)).toBeUndefined();
  });

  it("a group message that mentions the bot → an answer, in that member's own conversation", async () => {
    const { body, event } = fixture("group-text-mention");
    await deliver(body);
    expect(replyFor(event.replyToken).length).toBeGreaterThan(0);
    expect(await server.store.get(`line:${GROUP}:${event.source.userId}`)).toBeDefined();
    expect(await server.store.get(`line:${event.source.userId}`)).toBeUndefined();
  });

  it("one info line per event: a turn's is the runtime's `turn` line, with the event id and the request id", async () => {
    const { body, event } = fixture("text");
    await deliver(body);
    const info = logs.filter((l) => l.level >= 30 && l.eventId === event.webhookEventId);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ msg: "turn", channel: "line", event: "text", requestId: expect.any(String) });
    // Nothing else at info for that request either: its access line and the `line event` line are debug.
    expect(logs.filter((l) => l.level >= 30 && l.requestId === info[0].requestId)).toHaveLength(1);
    const debug = logs.filter((l) => l.level === 20 && l.requestId === info[0].requestId);
    expect(debug.map((l) => l.msg).sort()).toEqual(["line event", "request"]);
    expect(debug.find((l) => l.msg === "line event")).toMatchObject({ outcome: "turn", reply: "replied", conversation: info[0].conversation });
    expect(debug.find((l) => l.msg === "request")).toMatchObject({ path: "/webhooks/line", status: 200 });

    // An event that is not a turn keeps its `line event` line at info.
    const unfollow = fixture("unfollow");
    const [line] = await deliver(unfollow.body);
    expect(line).toMatchObject({ level: 30, outcome: "forget" });
  });

  it("answers without the browser headers the page and the API carry", async () => {
    const { body, event } = fixture("follow");
    const raw = JSON.stringify(body);
    const res = await fetch(`${server.url}/webhooks/line`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "x-line-signature": signLineBody(raw) },
      body: raw,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    for (const header of ["content-security-policy", "x-frame-options", "cross-origin-opener-policy", "referrer-policy"]) {
      expect(res.headers.get(header), header).toBeNull();
    }
    // The follow's own work (the profile, the reply) is done before the next test counts LINE calls.
    await waitHandled(event.webhookEventId);
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("unknown event types and LINE's empty verification body → 200 and nothing else", async () => {
    const { body, event } = fixture("follow");
    event.type = "beacon";
    event.beacon = { hwid: "d41d8cd98f", type: "enter" };
    const calls = fake.requests.length;
    const lines = await deliver(body);
    expect(lines[0]).toMatchObject({ outcome: "ignored", reason: "event type" });
    const verify = await postWebhook(server.url, JSON.stringify({ destination: "Ub45d697d1aa722245ed0115a880c8aa9", events: [] }));
    expect(verify.status).toBe(200);
    expect(fake.requests.length).toBe(calls);
  });
});

describe("LINE webhook: verification and failures", () => {
  it("a bad signature → 401 with a JSON error, and nothing is processed", async () => {
    const { body, event } = fixture("text");
    const calls = fake.requests.length;
    const res = await postWebhook(server.url, JSON.stringify(body), signLineBody(JSON.stringify(body), "another-secret"));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: "UNAUTHORIZED", message: "invalid x-line-signature" } });
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests.length).toBe(calls);
    expect(logs.some((l) => l.eventId === event.webhookEventId)).toBe(false);
    expect(await server.store.get(`line:${event.source.userId}`)).toBeUndefined();
  });

  it("a body changed after signing → 401", async () => {
    const { body } = fixture("text");
    const raw = JSON.stringify(body);
    const res = await postWebhook(server.url, raw.replace("ロック", "ロッ ク"), signLineBody(raw));
    expect(res.status).toBe(401);
  });

  it("a missing signature → 401", async () => {
    const res = await postWebhook(server.url, JSON.stringify(fixture("text").body), null);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: "UNAUTHORIZED", message: "missing x-line-signature" } });
  });

  it("a signed body that is not JSON → 400; JSON that is not a webhook → 400", async () => {
    const res = await postWebhook(server.url, "{not json");
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: "BAD_REQUEST", message: "malformed JSON body" } });
    const shape = await postWebhook(server.url, JSON.stringify({ hello: "world" }));
    expect(shape.status).toBe(400);
    expect(shape.json.error.code).toBe("BAD_REQUEST");
  });

  it("the reply API failing (500) is logged with the event id; the server stays up and the next event works", async () => {
    fake.failNext(500);
    const { body, event } = fixture("text");
    const [line] = await deliver(body);
    expect(line).toMatchObject({ reply: "reply-failed" });
    const failure = logs.find((l) => l.msg === "line reply failed" && l.eventId === event.webhookEventId);
    expect(failure).toMatchObject({ status: 500, apiMessage: "An error occurred in the server" });
    expect(JSON.stringify(logs)).not.toContain(event.message.text);

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const next = fixture("text");
    await deliver(next.body);
    expect(replyFor(next.event.replyToken).length).toBeGreaterThan(0);
  });

  it("a reply token that has expired is not used: the answer is pushed with a retry key derived from the event id", async () => {
    const { body, event } = fixture("text");
    event.timestamp = Date.now() - 5 * 60_000;
    const [line] = await deliver(body);
    expect(line).toMatchObject({ reply: "pushed" });
    expect(logs.some((l) => l.msg === "line reply skipped: reply token expired" && l.eventId === event.webhookEventId)).toBe(true);
    expect(fake.requests.some((r) => r.body?.replyToken === event.replyToken)).toBe(false);
    const pushes = fake.pushes().filter((p) => p.to === event.source.userId);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.retryKey).toBe(retryKeyOf(event.webhookEventId));
    expect(pushes[0]?.messages.length).toBeGreaterThan(0);
  });

  it("a reply that failed (500) after the step was saved is sent again later with the same words, the step applied once", async () => {
    fake.failNext(500);
    const { body, event } = fixture("text");
    await deliver(body);
    const saved = await server.store.get(`line:${event.source.userId}`);
    expect(saved).toBeDefined();
    // Still in the inbox; taken over after INBOX_RESUME_AFTER_SECONDS (0.3 s) and replied with the same token.
    const replies = await fake.waitFor(() => (repliesTo(event.replyToken).length > 0 ? repliesTo(event.replyToken) : undefined), 5_000);
    const failedCall = fake.requests.find((r) => r.body?.replyToken === event.replyToken && r.status === 500);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.messages).toEqual(failedCall?.body.messages);
    expect((await server.store.get(`line:${event.source.userId}`))?.snapshot).toEqual(saved?.snapshot);
    await waitHandled(event.webhookEventId, 2);
  });

  it("a store that cannot take the events → 503 with Retry-After (LINE redelivers), nothing answered", async () => {
    const store = new MemoryStore();
    store.enqueue = async () => {
      throw new Error("redis down");
    };
    const lines: any[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line)) });
    const channel = createLineChannel({
      runtime: server.runtime,
      store,
      logger,
      channelSecret: TEST_CHANNEL_SECRET,
      channelAccessToken: TEST_ACCESS_TOKEN,
      apiBaseUrl: fake.url,
    });
    const app = createApp({ channels: [channel], store, logger });
    const http = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const { body, event } = fixture("text");
      const res = await postWebhook(`http://127.0.0.1:${(http.address() as any).port}`, JSON.stringify(body));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect(lines.some((l) => l.msg.startsWith("line events not accepted"))).toBe(true);
      expect(fake.requests.some((r) => r.body?.replyToken === event.replyToken)).toBe(false);
    } finally {
      await new Promise((r) => http.close(r));
      await store.close();
    }
  });

  it("/metrics: events accepted, resumed, answered by reply and by push, and the inbox's depth", async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name.replace(/[{}"]/g, "\\$&")} (\\d+)`, "m").exec(text)?.[1] ?? NaN);
    expect(value('mcr_inbox_events_total{queue="line",outcome="accepted"}')).toBeGreaterThan(10);
    expect(value('mcr_inbox_events_total{queue="line",outcome="resumed"}')).toBeGreaterThanOrEqual(1);
    expect(value('mcr_inbox_events_total{queue="line",outcome="duplicate"}')).toBeGreaterThanOrEqual(2);
    expect(value('mcr_line_deliveries_total{how="reply"}')).toBeGreaterThan(10);
    expect(value('mcr_line_deliveries_total{how="push"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^mcr_inbox_depth\{queue="line"\} \d+$/m);
  });

  it("never logs what the resident wrote", () => {
    const all = JSON.stringify(logs);
    expect(all).not.toContain("暗証番号");
    expect(all).not.toContain("ロック");
  });
});

describe("the fake Messaging API refuses what LINE refuses", () => {
  const call = (body: unknown, auth: string | null = `Bearer ${TEST_ACCESS_TOKEN}`) =>
    fetch(`${fake.url}/v2/bot/message/reply`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));
  const text = (t: string, extra: object = {}) => ({ type: "text", text: t, ...extra });
  const qr = (n: number, label = "はい", data = "c=yes") => ({
    items: Array.from({ length: n }, () => ({ type: "action", action: { type: "postback", label, data, displayText: label } })),
  });
  const token = () => randomBytes(16).toString("hex");

  it.each([
    ["more than 5 messages", Array.from({ length: 6 }, () => text("a")), "messages"],
    ["more than 13 quick reply items", [text("a", { quickReply: qr(14) })], "messages[0].quickReply.items"],
    ["a label over 20 characters", [text("a", { quickReply: qr(1, "あ".repeat(21)) })], "messages[0].quickReply.items[0].action.label"],
    ["postback data over 300", [text("a", { quickReply: qr(1, "はい", "c=".padEnd(301, "x")) })], "messages[0].quickReply.items[0].action.data"],
    ["a text over 5,000", [text("あ".repeat(5_001))], "messages[0].text"],
    ["an altText over 400", [{ type: "flex", altText: "あ".repeat(401), contents: { type: "bubble" } }], "messages[0].altText"],
  ])("%s → 400 with LINE's error shape", async (_name, messages, property) => {
    const res = await call({ replyToken: token(), messages });
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/error/);
    expect(res.json.details.map((d: any) => d.property)).toContain(property);
  });

  it("no bearer token → 401; a reply token used twice → 400 Invalid reply token", async () => {
    expect((await call({ replyToken: token(), messages: [text("a")] }, null)).status).toBe(401);
    const t = token();
    expect((await call({ replyToken: t, messages: [text("a")] })).status).toBe(200);
    expect(await call({ replyToken: t, messages: [text("a")] })).toEqual({ status: 400, json: { message: "Invalid reply token" } });
  });
});

describe("LINE channel: when the conversation cannot be handled", () => {
  it("tries again, then gives up: apologises, logs without the user id, keeps the event parked for a person, and idle() waits for it", async () => {
    const store = new MemoryStore();
    let calls = 0;
    const runtime: any = {
      city: { counter: { phone: "0120-000-111" } },
      handle: async (id: string) => {
        calls += 1;
        throw new Error(`store unreachable for ${id}`);
      },
    };
    const lines: any[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line)) });
    const channel = createLineChannel({
      runtime,
      store,
      logger,
      channelSecret: TEST_CHANNEL_SECRET,
      channelAccessToken: TEST_ACCESS_TOKEN,
      apiBaseUrl: fake.url,
      resumeAfterMs: 50,
      maxAttempts: 2,
    });
    const app = createApp({ channels: [channel], store, logger });
    await channel.start?.();
    const http = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const url = `http://127.0.0.1:${(http.address() as any).port}`;
    try {
      const { body, event } = fixture("text");
      expect((await postWebhook(url, JSON.stringify(body))).status).toBe(200);
      await channel.idle();
      expect(calls).toBe(2);
      expect(replyFor(event.replyToken)).toEqual([{ type: "text", text: MESSAGES.internalError }]);
      const failures = lines.filter((l) => l.msg === "line event failed");
      expect(failures.map((l) => l.eventId)).toEqual([event.webhookEventId]);
      expect(lines.find((l) => l.msg.startsWith("line event given up"))).toMatchObject({ eventId: event.webhookEventId, attempts: 2 });
      expect(JSON.stringify(lines)).not.toContain(event.source.userId);
      const parked = await store.parked("line");
      expect(parked).toHaveLength(1);
      expect(JSON.parse(parked[0]!.body).e.webhookEventId).toBe(event.webhookEventId);
      expect(parked[0]!.reason).toMatch(/^failed 2 times/);
      expect(parked[0]!.reason).not.toContain(event.source.userId);

      // Not marked answered: a redelivery of the same event is tried again.
      const again = structuredClone(body);
      again.events[0].deliveryContext.isRedelivery = true;
      again.events[0].replyToken = randomBytes(16).toString("hex");
      await postWebhook(url, JSON.stringify(again));
      await channel.idle();
      expect(calls).toBe(4);
    } finally {
      await new Promise((r) => http.close(r));
      await channel.stop?.();
      await store.close();
    }
  });
});
