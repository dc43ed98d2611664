/**
 * One real server with all three channels on (web, LINE against the fake Messaging API, Slack against
 * the fake Web API), its log lines captured as written (a pino destination), and small helpers to talk
 * to it the way each platform does: web over HTTP, LINE as signed webhooks, Slack as signed events.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadConfig } from "../../src/config.ts";
import { hashId, createLogger } from "../../src/logger.ts";
import { startServer, type RunningServer } from "../../src/main.ts";
import { startFakeLineApi, type FakeLineApi } from "../channels/line/fake-line-api.ts";
import { postWebhook, TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../channels/line/sign.ts";
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from "../channels/slack/fake-slack-api.ts";
import { fixture as slackFixture } from "../channels/slack/fixtures.ts";
import { postEvent, SIGNING_SECRET } from "../channels/slack/sign.ts";
import { postJson } from "../helpers/server.ts";

export const BOT_NOW = "2026-11-21T10:00:00+09:00";
export const SLACK_BOT_TOKEN = "xoxb-1111-2222-securitytest";

/** What one turn logged (the `turn` line of src/observability/turns.ts). */
export interface TurnLine {
  channel: string;
  conversation: string;
  event: string;
  routeId?: string;
  pendingSlot?: string;
  questionsAsked: number;
  piiFound: boolean;
  requestId?: string;
}

export interface Harness {
  server: RunningServer;
  url: string;
  line: FakeLineApi;
  slack: FakeSlackApi;
  /** Every log line, raw, as pino wrote it. */
  logs: string[];
  /** The log lines parsed. */
  logObjects(): any[];
  /** The `turn` log line of a conversation's n-th turn (waits for it). */
  turnOf(conversationId: string, nth?: number): Promise<TurnLine>;
  web: {
    newSession(): Promise<{ sessionId: string; replies: any[] }>;
    say(sessionId: string, body: unknown): ReturnType<typeof postJson>;
  };
  /** Send a LINE text message from a new user (signed); resolves with the reply sent to LINE. */
  lineText(text: string, userId?: string): Promise<{ conversationId: string; messages: any[] }>;
  /** Send a Slack DM in a fresh DM channel (signed); resolves with the bot's post. */
  slackDm(text: string, channel?: string): Promise<{ conversationId: string; post: RecordedCall }>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, pick: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = pick();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function lineFixture(name: string, userId = `U${randomBytes(16).toString("hex")}`): { body: any; event: any } {
  const body = JSON.parse(readFileSync(new URL(`../fixtures/line/${name}.json`, import.meta.url), "utf8"));
  const event = body.events[0];
  event.webhookEventId = `01${randomBytes(12).toString("hex").toUpperCase()}`;
  event.timestamp = Date.now();
  if (event.replyToken) event.replyToken = randomBytes(16).toString("hex");
  event.source.userId = userId;
  return { body, event };
}

let slackSeq = 0;
/** A Slack DM event (fresh event id and ts) in `channel`. */
export function slackDmEvent(channel: string, text: string): any {
  const body = slackFixture("event-message-im.json");
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++slackSeq).padStart(6, "0")}`;
  body.event_id = `Ev0SEC${String(slackSeq).padStart(6, "0")}${randomBytes(3).toString("hex")}`;
  body.event = { ...body.event, channel, text, ts, event_ts: ts };
  delete body.event.blocks; // the blocks repeat the text; the channel reads `text`
  return body;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const line = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
  const slack = await startFakeSlackApi();
  const logs: string[] = [];
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    SESSION_STORE: "memory",
    BOT_NOW,
    LINE_CHANNEL_SECRET: TEST_CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
    LINE_API_BASE_URL: line.url,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN,
    SLACK_API_URL: slack.url,
    WEB_RATE_LIMIT_PER_MINUTE: "0",
    ...env,
  });
  const logger = createLogger("trace", { write: (s: string) => void logs.push(s) });
  const server = await startServer(config, logger);
  const url = server.url;
  const logObjects = () => logs.map((l) => JSON.parse(l));

  const turnOf = (conversationId: string, nth = 1) => {
    const hash = hashId(conversationId);
    return waitFor(`turn ${nth} of ${conversationId}`, () => logObjects().filter((l) => l.msg === "turn" && l.conversation === hash)[nth - 1] as TurnLine | undefined);
  };

  let dmSeq = 0;
  return {
    server,
    url,
    line,
    slack,
    logs,
    logObjects,
    turnOf,
    web: {
      async newSession() {
        const res = await postJson(`${url}/api/chat/sessions`, {});
        if (res.status !== 201) throw new Error(`session: ${res.status} ${res.text}`);
        return res.json;
      },
      say: (sessionId, body) => postJson(`${url}/api/chat/sessions/${sessionId}/messages`, body),
    },
    async lineText(text, userId) {
      const { body, event } = lineFixture("text", userId);
      event.message.text = text;
      const res = await postWebhook(url, JSON.stringify(body));
      if (res.status !== 200) throw new Error(`LINE webhook: ${res.status} ${res.text}`);
      const reply = await waitFor("LINE reply", () => line.replies().find((r) => r.replyToken === event.replyToken));
      return { conversationId: `line:${event.source.userId}`, messages: reply.messages };
    },
    async slackDm(text, channel = `D0SEC${String(++dmSeq).padStart(4, "0")}${randomBytes(2).toString("hex").toUpperCase()}`) {
      const before = slack.callsOf("chat.postMessage").filter((c) => c.body.channel === channel).length;
      const res = await postEvent(`${url}/webhooks/slack/events`, slackDmEvent(channel, text));
      if (res.status !== 200) throw new Error(`Slack event: ${res.status} ${res.text}`);
      const post = await waitFor("Slack post", () => slack.callsOf("chat.postMessage").filter((c) => c.body.channel === channel)[before]);
      return { conversationId: `slack:T0HELP:${channel}:dm`, post };
    },
    async close() {
      await server.close();
      await line.close();
      await slack.close();
    },
  };
}
