/**
 * The hand-off tests' harness: the real server (startServer) with a city that has a help desk, a fake
 * Slack Web API and (optionally) a fake LINE Messaging API; signed Slack events and clicks as Slack
 * sends them; and a log the tests read to know when work after an acknowledgement is done.
 */
import { randomBytes } from "node:crypto";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import { startFakeLineApi, type FakeLineApi } from "../channels/line/fake-line-api.ts";
import { postWebhook, TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../channels/line/sign.ts";
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from "../channels/slack/fake-slack-api.ts";
import { fixture as slackFixture } from "../channels/slack/fixtures.ts";
import { postEvent, postInteraction, SIGNING_SECRET } from "../channels/slack/sign.ts";
import { sleep, until } from "../helpers/wait.ts";

/** The help-desk channel of the test city. */
export const DESK = "C0HANDOFF";
export const HANDOFF_CITY = new URL("../fixtures/cities/handoff-city.json", import.meta.url).pathname;
/** Friday 10:00 in Tokyo: the desk is open. */
export const FRIDAY_OPEN = "2026-11-20T10:00:00+09:00";
/** Sunday: closed; Monday 11/23 is 勤労感謝の日, so the desk opens on Tuesday 11/24 at 8:30. */
export const SUNDAY_CLOSED = "2026-11-22T10:00:00+09:00";

export interface Harness {
  server: RunningServer;
  slack: FakeSlackApi;
  line?: FakeLineApi;
  logs: any[];
  /** `POST /webhooks/slack/events` on the server. */
  slackEndpoint: string;
  close(): Promise<void>;
}

export async function startHarness(opts: { botNow: string; city?: string; line?: boolean }): Promise<Harness> {
  const slack = await startFakeSlackApi();
  const line = opts.line ? await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN }) : undefined;
  const logs: any[] = [];
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    SESSION_STORE: "memory",
    LOG_LEVEL: "info",
    WEB_RATE_LIMIT_PER_MINUTE: "0",
    BOT_NOW: opts.botNow,
    MUNICIPALITY_CONFIG: opts.city ?? HANDOFF_CITY,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-handoff-test",
    SLACK_API_URL: slack.url,
    ...(line ? { LINE_CHANNEL_SECRET: TEST_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN, LINE_API_BASE_URL: line.url } : {}),
  });
  // Debug: the `line event` line of a handled turn (what deliverLine waits for) is a debug line.
  const server = await startServer(config, createLogger("debug", { write: (l: string) => void logs.push(JSON.parse(l)) }));
  return {
    server,
    slack,
    ...(line ? { line } : {}),
    logs,
    slackEndpoint: `${server.url}/webhooks/slack/events`,
    async close() {
      await server.close();
      await slack.close();
      await line?.close();
    },
  };
}

export { sleep, until };

/** Tickets posted to the help-desk channel (top-level messages). */
export const tickets = (slack: FakeSlackApi) =>
  slack.callsOf("chat.postMessage").filter((c) => c.body.channel === DESK && c.body.thread_ts === undefined);
/** Messages the bot posted in a ticket's thread. */
export const threadPosts = (slack: FakeSlackApi, ticketTs: string) =>
  slack.callsOf("chat.postMessage").filter((c) => c.body.channel === DESK && c.body.thread_ts === ticketTs);
/** Updates of a ticket's message. */
export const ticketUpdates = (slack: FakeSlackApi, ticketTs: string) =>
  slack.callsOf("chat.update").filter((c) => c.body.channel === DESK && c.body.ts === ticketTs);

/** All mrkdwn and plain text of a message's blocks, joined. */
export function textOf(call: RecordedCall): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.text === "string") out.push(o.text);
      for (const [k, child] of Object.entries(o)) if (k !== "text" || typeof child !== "string") walk(child);
    }
  };
  walk(call.body.blocks);
  return out.join("\n");
}

/** The ticket's buttons (action ids), if it has any. */
export function ticketButtons(call: RecordedCall): string[] {
  const block = (call.body.blocks ?? []).find((b: any) => b.type === "actions" && b.block_id === "handoff");
  return block ? block.elements.map((e: any) => e.action_id) : [];
}

let seq = 0;
const nowTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;

/** A staff member's reply in a ticket's thread, as the Events API sends it. */
export function staffReplyEvent(ticketTs: string, text: string, user = "U0STAFF1") {
  const body = slackFixture("event-message-thread-reply.json");
  const ts = nowTs();
  body.event_id = `Ev0HAND${randomBytes(4).toString("hex").toUpperCase()}`;
  body.event = { ...body.event, user, text, ts, event_ts: ts, thread_ts: ticketTs, channel: DESK, parent_user_id: "U0BOT" };
  delete body.event.blocks;
  return body;
}

/** Deliver an event (signed); `retry` adds Slack's retry headers. */
export function deliverSlackEvent(h: Harness, body: unknown, retry?: number) {
  return postEvent(h.slackEndpoint, body, retry ? { headers: { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" } } : {});
}

/** Click 「対応する」 or 「解決済み」 on a ticket, as Slack sends it. */
export function clickTicket(h: Harness, ticket: RecordedCall, action: "claim" | "resolve", user = "U0STAFF1") {
  const payload = slackFixture("block-actions.json");
  const ts = ticket.result!.ts as string;
  payload.user.id = user;
  payload.channel = { id: DESK, name: "madoguchi-soudan" };
  payload.container = { type: "message", message_ts: ts, channel_id: DESK, is_ephemeral: false };
  payload.message = { type: "message", user: "U0BOT", bot_id: "B0BOT", ts, text: ticket.body.text, blocks: ticket.body.blocks };
  const label = action === "claim" ? "対応する" : "解決済み";
  payload.actions = [
    { action_id: `handoff:${action}`, block_id: "handoff", text: { type: "plain_text", text: label, emoji: true }, value: action, type: "button", action_ts: nowTs() },
  ];
  return postInteraction(h.slackEndpoint, payload);
}

// ---- LINE ----

export const newLineUserId = () => `U${randomBytes(16).toString("hex")}`;

function lineEvent(userId: string, event: Record<string, unknown>) {
  return {
    destination: "Ub45d697d1aa722245ed0115a880c8aa9",
    events: [
      {
        mode: "active",
        timestamp: Date.now(),
        source: { type: "user", userId },
        webhookEventId: `01${randomBytes(12).toString("hex").toUpperCase()}`,
        deliveryContext: { isRedelivery: false },
        replyToken: randomBytes(16).toString("hex"),
        ...event,
      },
    ],
  };
}

export const lineText = (userId: string, text: string) =>
  lineEvent(userId, { type: "message", message: { id: String(Date.now()), type: "text", quoteToken: "q", text } });
export const linePostback = (userId: string, data: string) => lineEvent(userId, { type: "postback", postback: { data } });

/** Send a LINE webhook body and wait until the server logged that its event was handled. */
export async function deliverLine(h: Harness, body: ReturnType<typeof lineEvent>) {
  const res = await postWebhook(h.server.url, JSON.stringify(body));
  if (res.status !== 200) throw new Error(`LINE webhook answered ${res.status}`);
  const id = body.events[0]!.webhookEventId;
  await until(() => h.logs.filter((l) => l.msg === "line event" && l.eventId === id));
  return h.line!.replies().find((r) => r.replyToken === body.events[0]!.replyToken);
}

/** Every text a LINE message list shows (texts, and a Flex bubble's altText). */
export const lineTexts = (messages: any[] | undefined) => (messages ?? []).map((m) => (m.type === "text" ? m.text : m.altText)).join("\n");
