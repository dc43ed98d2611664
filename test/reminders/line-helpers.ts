/**
 * Reminder tests over real HTTP: a server (src/main.ts startServer) with LINE on, pointed at the fake
 * LINE API, its log lines kept so that a test knows when an event was handled ("line event") and when
 * the scheduler has checked ("reminders checked"). Webhook bodies are signed with the test secret.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import type { FakeLineApi } from "../channels/line/fake-line-api.ts";
import { postWebhook, TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../channels/line/sign.ts";
import { until } from "../helpers/wait.ts";

export interface LineServer {
  server: RunningServer;
  logs: any[];
  /** Resolves once the scheduler has finished `count` checks since start. */
  checked(count?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startLineServer(
  fake: FakeLineApi,
  opts: { store: string; now: string; checkSeconds?: number; reminders?: "on" | "off" },
): Promise<LineServer> {
  const logs: any[] = [];
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    SESSION_STORE: opts.store,
    LOG_LEVEL: "debug",
    LINE_CHANNEL_SECRET: TEST_CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    LINE_API_BASE_URL: fake.url,
    BOT_NOW: opts.now,
    WEB_RATE_LIMIT_PER_MINUTE: "0",
    REMINDER_CHECK_SECONDS: String(opts.checkSeconds ?? 60),
    ...(opts.reminders ? { REMINDERS: opts.reminders } : {}),
  });
  const server = await startServer(config, createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line)) }));
  return {
    server,
    logs,
    checked: async (count = 1) => {
      await until(() => logs.filter((l) => l.msg === "reminders checked"), count);
    },
    close: () => server.close(),
  };
}

export const newUserId = () => `U${randomBytes(16).toString("hex")}`;
const newEventId = () => `01${randomBytes(12).toString("hex").toUpperCase()}`;

function fixture(name: string, userId: string): { body: any; event: any } {
  const body = JSON.parse(readFileSync(new URL(`../fixtures/line/${name}.json`, import.meta.url), "utf8"));
  const event = body.events[0];
  event.webhookEventId = newEventId();
  event.timestamp = Date.now();
  if (event.replyToken) event.replyToken = randomBytes(16).toString("hex");
  event.source.userId = userId;
  return { body, event };
}

/** Deliver one event and wait until it is handled; resolves with the messages replied to it. */
async function deliver(fake: FakeLineApi, line: LineServer, f: { body: any; event: any }): Promise<any[]> {
  const res = await postWebhook(line.server.url, JSON.stringify(f.body));
  expect(res.status).toBe(200);
  await until(() => line.logs.filter((l) => l.msg === "line event" && l.eventId === f.event.webhookEventId));
  return fake.replies().find((r) => r.replyToken === f.event.replyToken)?.messages ?? [];
}

export function sendText(fake: FakeLineApi, line: LineServer, userId: string, text: string): Promise<any[]> {
  const f = fixture("text", userId);
  f.event.message.text = text;
  return deliver(fake, line, f);
}

export function tap(fake: FakeLineApi, line: LineServer, userId: string, data: string): Promise<any[]> {
  const f = fixture("postback", userId);
  f.event.postback = { data };
  return deliver(fake, line, f);
}

export function unfollow(fake: FakeLineApi, line: LineServer, userId: string): Promise<any[]> {
  return deliver(fake, line, fixture("unfollow", userId));
}

/** The quick-reply postback data of a reply's last message. */
export const quickReplies = (messages: any[]): { label: string; data: string }[] =>
  (messages.at(-1)?.quickReply?.items ?? []).map((i: any) => ({ label: i.action.label, data: i.action.data }));

/** All text a reply shows (texts, and a Flex bubble's alt text). */
export const textOf = (messages: any[]): string => messages.map((m) => (m.type === "text" ? m.text : m.altText)).join("\n");

/**
 * A resident who wants to renew a certificate expiring on `expiry` (YYYY-MM-DD), before the window
 * opens: the route `certificate-renewal-not-yet`, whose reply ends with the reminder question.
 */
export async function reachRenewalNotYet(fake: FakeLineApi, line: LineServer, userId: string, expiry: string): Promise<any[]> {
  const [y, m, d] = expiry.split("-").map(Number);
  let messages = await sendText(fake, line, userId, `電子証明書を更新したいです。有効期限は${y}年${m}月${d}日です`);
  if (quickReplies(messages).some((q) => q.data?.includes("s=cardExpiry"))) {
    messages = await tap(fake, line, userId, "c=unknown&s=cardExpiry");
  }
  return messages;
}
