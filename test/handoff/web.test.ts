/**
 * Hand-off of a web chat resident to the Slack help desk and back, over real HTTP: the JSON API in
 * (`POST …/messages`, and `GET …/messages?after=` for what staff wrote), signed Slack events and clicks,
 * a fake Slack Web API. Also: outside the desk's hours, and a city without a help desk.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDOFF_MESSAGES } from "../../flows/certificate-recovery/messages.ts";
import { SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { postJson } from "../helpers/server.ts";
import {
  clickTicket,
  deliverSlackEvent,
  FRIDAY_OPEN,
  sleep,
  staffReplyEvent,
  startHarness,
  SUNDAY_CLOSED,
  textOf,
  threadPosts,
  ticketButtons,
  tickets,
  ticketUpdates,
  until,
  type Harness,
} from "./helpers.ts";

async function newSession(h: Harness): Promise<string> {
  const res = await postJson(`${h.server.url}/api/chat/sessions`, {});
  expect(res.status).toBe(201);
  return res.json.sessionId;
}

async function say(h: Harness, sessionId: string, body: unknown) {
  const res = await postJson(`${h.server.url}/api/chat/sessions/${sessionId}/messages`, body);
  expect(res.status).toBe(200);
  return res.json.replies as any[];
}

async function poll(h: Harness, sessionId: string, after?: string) {
  const res = await fetch(`${h.server.url}/api/chat/sessions/${sessionId}/messages${after === undefined ? "" : `?after=${after}`}`);
  return { status: res.status, json: (await res.json()) as any, cacheControl: res.headers.get("cache-control") };
}

const texts = (replies: any[]) => replies.map((r) => r.text ?? r.title).join("\n");

describe("hand-off from the web chat, desk open", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ botNow: FRIDAY_OPEN });
  });
  afterAll(() => h?.close());

  it("opens a ticket, delivers staff messages through GET …/messages once, and gives the conversation back", async () => {
    const id = await newSession(h);
    let first = await poll(h, id);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ replies: [], handoff: false });
    expect(first.cacheControl).toBe("no-store");

    const replies = await say(h, id, { text: "担当者の方と直接お話ししたいです" });
    expect(replies.map((r) => r.type)).toEqual(["route", "text"]);
    expect(replies[0]).toMatchObject({ routeId: "contact-city" });
    expect(replies[1].text).toBe(HANDOFF_MESSAGES.openedWithinHours("平日 8:30〜17:15（土日・祝日・年末年始は休み）"));

    const [ticket] = await until(() => tickets(h.slack));
    expect(ticket!.body.text).toBe("窓口への相談（Webチャット）：対応待ち");
    expect(textOf(ticket!)).toContain("担当者の方と直接お話ししたいです");
    expect(ticketButtons(ticket!)).toEqual(["handoff:claim", "handoff:resolve"]);
    const ticketTs = ticket!.result!.ts as string;

    first = await poll(h, id);
    expect(first.json).toMatchObject({ replies: [], handoff: true });
    const cursor0 = first.json.cursor as string;

    // A staff reply (delivered twice by Slack) reaches the page once; replying also claims the ticket.
    const event = staffReplyEvent(ticketTs, "担当の佐藤です。どのような画面が出ていますか？", "U0STAFF2");
    await deliverSlackEvent(h, event);
    const [claimed] = await until(() => ticketUpdates(h.slack, ticketTs));
    expect(textOf(claimed!)).toContain("対応中*：<@U0STAFF2>");
    await deliverSlackEvent(h, event, 1);
    await until(() => h.logs.filter((l) => l.msg === "slack: event already handled" && l.eventId === event.event_id));
    const page = await poll(h, id, cursor0);
    expect(page.json.replies).toEqual([{ type: "text", text: "（担当者）担当の佐藤です。どのような画面が出ていますか？" }]);
    expect(page.json.handoff).toBe(true);
    const cursor1 = page.json.cursor as string;
    expect(cursor1).not.toBe(cursor0);
    expect((await poll(h, id, cursor1)).json.replies).toEqual([]);

    // The resident answers: to the thread, acknowledged once, no diagnosis.
    expect(await say(h, id, { text: "「電子証明書の有効期限が切れています」と出ます" })).toEqual([{ type: "text", text: HANDOFF_MESSAGES.forwarded }]);
    expect(await say(h, id, { choice: "restart-please" })).toEqual([]);
    const posts = await until(() => threadPosts(h.slack, ticketTs), 2);
    expect(posts.map((p) => p.body.text)).toEqual(["相談者：「電子証明書の有効期限が切れています」と出ます", "相談者：（ボタン）restart-please"]);

    // 解決済み.
    await clickTicket(h, ticket!, "resolve", "U0STAFF2");
    const updates = await until(() => ticketUpdates(h.slack, ticketTs), 2);
    expect(textOf(updates.at(-1)!)).toContain("解決済み");
    let closing = await poll(h, id, cursor1);
    for (let i = 0; i < 100 && closing.json.replies.length === 0; i++) {
      await sleep(20);
      closing = await poll(h, id, cursor1);
    }
    expect(closing.json.replies).toEqual([{ type: "text", text: "担当者との相談を終了しました。引き続きチャットでご案内します。" }]);
    expect(closing.json.handoff).toBe(false);

    // The bot answers again.
    const again = await say(h, id, { text: "4桁の暗証番号を2回間違えてしまいました" });
    expect(again.find((r) => r.type === "route")).toMatchObject({ routeId: "pin-retry-guidance" });
  });

  it("answers 404 for an unknown session and 400 for a cursor it never gave", async () => {
    expect((await poll(h, "A".repeat(24))).status).toBe(404);
    expect((await poll(h, "not-a-session")).status).toBe(404);
    const id = await newSession(h);
    expect((await poll(h, id, "abc")).status).toBe(400);
  });

  it("ends the hand-off when the resident starts over, and says so on the ticket", async () => {
    const id = await newSession(h);
    const before = tickets(h.slack).length;
    await say(h, id, { text: "担当者の方と直接お話ししたいです" });
    const [ticket] = (await until(() => tickets(h.slack), before + 1)).slice(before);
    const replies = await say(h, id, { action: "restart" });
    expect(texts(replies)).toContain(HANDOFF_MESSAGES.withdrawn);
    expect(replies.at(-1)).toMatchObject({ type: "question", slot: "symptom" });
    const [update] = await until(() => ticketUpdates(h.slack, ticket!.result!.ts));
    expect(textOf(update!)).toContain("取り下げ");
    expect(ticketButtons(update!)).toEqual([]);
    expect((await poll(h, id)).json.handoff).toBe(false);
  });
});

describe("hand-off outside the desk's hours", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ botNow: SUNDAY_CLOSED });
  });
  afterAll(() => h?.close());

  it("tells the resident when the desk opens (Monday 11/23 is a holiday)", async () => {
    const id = await newSession(h);
    const replies = await say(h, id, { text: "担当者の方と直接お話ししたいです" });
    expect(replies.at(-1).text).toBe(HANDOFF_MESSAGES.openedOutsideHours("11月24日（火）8:30", "平日 8:30〜17:15（土日・祝日・年末年始は休み）"));
    const [ticket] = await until(() => tickets(h.slack));
    expect(textOf(ticket!)).toContain("受付時間外（次の受付：11月24日（火）8:30）");
  });
});

describe("a city without a help desk", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ botNow: FRIDAY_OPEN, city: SAMPLE_CITY_PATH });
  });
  afterAll(() => h?.close());

  it("answers contact-city as before: the contacts and the follow-up, no ticket", async () => {
    const id = await newSession(h);
    const replies = await say(h, id, { text: "担当者の方と直接お話ししたいです" });
    expect(replies.map((r) => r.type)).toEqual(["route", "question"]);
    expect(replies[0]).toMatchObject({ routeId: "contact-city" });
    expect(replies[1]).toMatchObject({ slot: "followUp" });
    await sleep(100);
    expect(h.slack.callsOf("chat.postMessage")).toEqual([]);
    expect((await poll(h, id)).json).toMatchObject({ replies: [], handoff: false });
    // And the conversation goes on with the bot.
    expect((await say(h, id, { choice: "restart" })).at(-1)).toMatchObject({ slot: "symptom" });
  });
});
