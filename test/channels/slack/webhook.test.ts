/**
 * The Slack channel over real HTTP against the real server: signed requests in (events, slash commands,
 * interactions), Web API calls out to a local fake Slack.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import type { RunningServer } from "../../../src/main.ts";
import { createSlackChannel } from "../../../src/channels/slack/index.ts";
import { createLogger } from "../../../src/logger.ts";
import { createApp } from "../../../src/server.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { startTestServer } from "../../helpers/server.ts";
import { sleep, until } from "../../helpers/wait.ts";
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from "./fake-slack-api.ts";
import { fixture } from "./fixtures.ts";
import { postCommand, postEvent, postInteraction, SIGNING_SECRET } from "./sign.ts";

const BOT_TOKEN = "xoxb-1111-2222-testtoken";
let fake: FakeSlackApi;
let server: RunningServer;
let endpoint: string;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  server = await startTestServer({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.url,
    BOT_NOW: "2026-11-21T10:00:00+09:00",
  });
  endpoint = `${server.url}/webhooks/slack/events`;
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});
afterEach(() => {
  fake.delayMs = 0;
});

// ---- helpers -------------------------------------------------------------------------------------

let seq = 0;
const nextId = () => `Ev0TEST${String(++seq).padStart(4, "0")}`;
const nowTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;


const posts = (channel: string, threadTs?: string) =>
  fake.callsOf("chat.postMessage").filter((c) => c.body.channel === channel && c.body.thread_ts === threadTs);

/** The route id shown in a message's staff view, if the message holds a route. */
function routeOf(call: RecordedCall): string | undefined {
  for (const b of call.body.blocks ?? []) {
    if (b.type !== "context") continue;
    const m = /ルート `([a-z-]+)`/.exec(b.elements[0].text);
    if (m) return m[1];
  }
  return undefined;
}

/** The question's actions block in a message: slot, block id and buttons. */
function questionOf(call: RecordedCall) {
  const block = (call.body.blocks ?? []).find((b: any) => b.type === "actions" && String(b.block_id).startsWith("q:"));
  if (!block) return undefined;
  return { slot: String(block.block_id).split(":")[1], blockId: block.block_id as string, elements: block.elements as any[] };
}

/** Click a question's button, as Slack sends it: a block_actions payload with the message. */
async function click(call: RecordedCall, value: string, user = "U0STAFF1") {
  const q = questionOf(call);
  if (!q) throw new Error("no question in this message");
  const button = q.elements.find((e) => e.type === "button" && e.value === value);
  if (!button) throw new Error(`no button ${value} among ${q.elements.map((e) => e.value).join(",")}`);
  const payload = fixture("block-actions.json");
  const ts = call.result!.ts as string;
  payload.user.id = user;
  payload.channel.id = call.body.channel;
  payload.container = { type: "message", message_ts: ts, channel_id: call.body.channel, is_ephemeral: false, ...(call.body.thread_ts ? { thread_ts: call.body.thread_ts } : {}) };
  payload.message = { ...payload.message, ts, text: call.body.text, blocks: call.body.blocks, thread_ts: call.body.thread_ts };
  if (!call.body.thread_ts) delete payload.message.thread_ts;
  payload.actions = [{ action_id: button.action_id, block_id: q.blockId, text: button.text, value: button.value, type: "button", action_ts: nowTs() }];
  return postInteraction(endpoint, payload);
}

function dm(channel: string, text: string, extra: Record<string, unknown> = {}) {
  const body = fixture("event-message-im.json");
  const ts = nowTs();
  body.event_id = nextId();
  body.event = { ...body.event, channel, text, ts, event_ts: ts, ...extra };
  return body;
}

// ---- tests ---------------------------------------------------------------------------------------

describe("Slack request verification", () => {
  it("answers the url_verification challenge", async () => {
    const res = await postEvent(endpoint, fixture("url-verification.json"));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("refuses a bad signature, a stale timestamp and missing headers with 401, and does nothing", async () => {
    const before = fake.calls.length;
    const body = dm("D0SIGN01", "暗証番号を忘れました");
    expect((await postEvent(endpoint, body, { secret: "not-the-signing-secret" })).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postEvent(endpoint, body, { timestamp: sixMinutesAgo })).status).toBe(401);
    const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(401);
    await sleep(200);
    expect(fake.calls.length).toBe(before);
  });

  it("checked the bot token once at start-up, and calls the API with it", async () => {
    expect(fake.callsOf("auth.test")).toHaveLength(1);
    await postEvent(endpoint, dm("D0TOKEN1", "暗証番号を忘れました"));
    const [reply] = await until(() => posts("D0TOKEN1"));
    expect(reply!.token).toBe(BOT_TOKEN);
  });
});

describe("direct messages", () => {
  it("drives a DM conversation to a route: typed message, then a button", async () => {
    const first = await postEvent(endpoint, dm("D0STAFF1", "e-Taxで署名用電子証明書が失効していますと出ました"));
    expect(first.status).toBe(200);
    const [question] = await until(() => posts("D0STAFF1"));
    expect(questionOf(question!)?.slot).toBe("basicInfoChanged");
    expect(questionOf(question!)?.blockId).toBe("q:basicInfoChanged:slack:T0HELP:D0STAFF1:dm");

    expect((await click(question!, "yes")).status).toBe(200);
    const [, routed] = await until(() => posts("D0STAFF1"), 2);
    expect(routeOf(routed!)).toBe("signature-reissue-after-change");
    expect(routed!.body.blocks[0]).toMatchObject({ type: "header" });
    // The staff view's "why this route" is decide()'s reason for this route, worded (issue 13).
    expect(JSON.stringify(routed!.body.blocks)).toContain(
      "*この案内になった理由*\\n• 発行後に住所・氏名などが変わったため、署名用電子証明書が自動的に失効しています。",
    );
    // The question now shows what was chosen instead of its buttons.
    const [update] = await until(() => fake.callsOf("chat.update").filter((c) => c.body.channel === "D0STAFF1"));
    expect(update!.body.ts).toBe(question!.result!.ts);
    expect(JSON.stringify(update!.body.blocks)).toContain("はい（<@U0STAFF1>）");
    expect(update!.body.blocks.some((b: any) => b.type === "actions")).toBe(false);
  });

  it("ignores the bot's own messages", async () => {
    const body = fixture("event-message-bot-own.json");
    body.event_id = nextId();
    expect((await postEvent(endpoint, body)).status).toBe(200);
    await sleep(300);
    expect(posts("D0STAFF9")).toHaveLength(0);
  });

  it("answers a retried event once (same event_id, X-Slack-Retry-Num: 1)", async () => {
    const body = dm("D0RETRY1", "マイナンバーカードを落としました");
    expect((await postEvent(endpoint, body)).status).toBe(200);
    await until(() => posts("D0RETRY1"));
    const retry = await postEvent(endpoint, body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect(retry.status).toBe(200);
    await sleep(300);
    expect(posts("D0RETRY1")).toHaveLength(1);
    expect(routeOf(posts("D0RETRY1")[0]!)).toBe("card-lost");
  });
});

describe("mentions and threads", () => {
  it("answers a mention in its thread, and later thread replies without a mention continue it", async () => {
    const mention = fixture("event-app-mention.json");
    const ts = nowTs();
    mention.event_id = nextId();
    mention.event = { ...mention.event, ts, event_ts: ts };
    expect((await postEvent(endpoint, mention)).status).toBe(200);
    // Slack also delivers the mention as a channel message: it must not be answered twice.
    const asMessage = fixture("event-message-thread-reply.json");
    asMessage.event_id = nextId();
    asMessage.event = { ...asMessage.event, ts, event_ts: ts, thread_ts: undefined, text: mention.event.text };
    await postEvent(endpoint, asMessage);
    const [routed] = await until(() => posts("C0HELPDESK", ts));
    expect(routeOf(routed!)).toBe("pin-retry-guidance");

    const reply = fixture("event-message-thread-reply.json");
    reply.event_id = nextId();
    const replyTs = nowTs();
    reply.event = { ...reply.event, ts: replyTs, event_ts: replyTs, thread_ts: ts, text: "マイナンバーカードを落としました" };
    expect((await postEvent(endpoint, reply)).status).toBe(200);
    const [, second] = await until(() => posts("C0HELPDESK", ts), 2);
    expect(routeOf(second!)).toBe("card-lost");
    await sleep(200);
    expect(posts("C0HELPDESK", ts)).toHaveLength(2);
  });

  it("ignores replies in a thread the bot has no conversation for", async () => {
    const reply = fixture("event-message-thread-reply.json");
    reply.event_id = nextId();
    const thread = nowTs();
    reply.event = { ...reply.event, ts: nowTs(), thread_ts: thread };
    expect((await postEvent(endpoint, reply)).status).toBe(200);
    await sleep(300);
    expect(posts("C0HELPDESK", thread)).toHaveLength(0);
  });
});

describe("slash command", () => {
  const command = (fields: Record<string, string>) => postCommand(endpoint, { ...fixture("command.json"), response_url: fake.responseUrl, ...fields });

  it("opens a thread in the channel and diagnoses the text after the command there", async () => {
    const res = await command({ channel_id: "C0CMDTEXT", text: "4桁の暗証番号を2回間違えてしまいました" });
    expect(res.status).toBe(200);
    const [root] = await until(() => posts("C0CMDTEXT"));
    expect(JSON.stringify(root!.body.blocks)).toContain('"action_id":"open_form"');
    const thread = root!.result!.ts as string;
    const [routed] = await until(() => posts("C0CMDTEXT", thread));
    expect(routeOf(routed!)).toBe("pin-retry-guidance");
  });

  it("with no text, asks and is answered by buttons up to a route", async () => {
    expect((await command({ channel_id: "C0CMDBTN", text: "" })).status).toBe(200);
    const [root] = await until(() => posts("C0CMDBTN"));
    const thread = root!.result!.ts as string;
    const inThread = () => posts("C0CMDBTN", thread);

    const [greeting] = await until(inThread);
    expect(questionOf(greeting!)?.slot).toBe("symptom");
    await click(greeting!, "wrong-pin");
    const [, certificate] = await until(inThread, 2);
    expect(questionOf(certificate!)?.slot).toBe("certificate");
    await click(certificate!, "user");
    const [, , attempts] = await until(inThread, 3);
    expect(questionOf(attempts!)?.slot).toBe("wrongAttempts");
    await click(attempts!, "2");
    const [, , , routed] = await until(inThread, 4);
    expect(routeOf(routed!)).toBe("pin-retry-guidance");
    // The staff view: what was heard and why.
    const staff = JSON.stringify(routed!.body.blocks);
    expect(staff).toContain("続けて間違えた回数：2回");
    expect(staff).toContain("3回でロック");
    expect(staff).toContain("```");
  });

  it("acknowledges at once and does the work after (Slack wants an answer within 3 seconds)", async () => {
    fake.delayMs = 1_500;
    const started = Date.now();
    const res = await command({ channel_id: "C0CMDSLOW", text: "" });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    const [root] = await until(() => posts("C0CMDSLOW"), 1, 8_000);
    await until(() => posts("C0CMDSLOW", root!.result!.ts), 1, 8_000);
  });

  it("tells the person privately when the bot is not in the channel", async () => {
    fake.notInChannel.add("C0NOBOT");
    expect((await command({ channel_id: "C0NOBOT", text: "" })).status).toBe(200);
    const [ephemeral] = await until(() => fake.callsOf("response_url"));
    expect(ephemeral!.body.response_type).toBe("ephemeral");
    expect(ephemeral!.body.text).toContain("/invite");
  });
});

describe("staff form", () => {
  const submission = (meta: Record<string, string>) => {
    const payload = fixture("view-submission.json");
    payload.view.private_metadata = JSON.stringify(meta);
    return payload;
  };

  it("`/mynacard form` opens the modal; submitting it posts the route in one step", async () => {
    const trigger = "13345224609.738474920.formtrigger";
    await postCommand(endpoint, { ...fixture("command.json"), channel_id: "C0FORM01", text: "form", trigger_id: trigger });
    const [open] = await until(() => fake.callsOf("views.open").filter((c) => c.body.trigger_id === trigger));
    expect(open!.body.view.callback_id).toBe("diagnosis_form");
    expect(JSON.parse(open!.body.view.private_metadata)).toEqual({ channel: "C0FORM01" });

    const res = await postInteraction(endpoint, submission({ channel: "C0FORM01" }));
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const [root] = await until(() => posts("C0FORM01"));
    expect(JSON.stringify(root!.body.blocks)).toContain("フォームに入力した内容");
    const [routed] = await until(() => posts("C0FORM01", root!.result!.ts));
    expect(routeOf(routed!)).toBe("pin-reset-kiosk");
    expect(questionOf(routed!)?.slot).toBe("followUp");
  });

  it("the form button on a thread opens the modal for that thread, and the route lands there", async () => {
    await postCommand(endpoint, { ...fixture("command.json"), channel_id: "C0FORM02", text: "" });
    const [root] = await until(() => posts("C0FORM02"));
    const thread = root!.result!.ts as string;
    await until(() => posts("C0FORM02", thread));

    const payload = fixture("block-actions.json");
    payload.channel.id = "C0FORM02";
    payload.trigger_id = "13345224609.738474920.buttontrigger";
    payload.container = { type: "message", message_ts: thread, channel_id: "C0FORM02", is_ephemeral: false };
    payload.message = { ...payload.message, ts: thread, blocks: root!.body.blocks, text: root!.body.text };
    delete payload.message.thread_ts;
    payload.actions = [{ action_id: "open_form", block_id: "x1", value: "open_form", type: "button", text: { type: "plain_text", text: "フォームでまとめて入力" }, action_ts: nowTs() }];
    expect((await postInteraction(endpoint, payload)).status).toBe(200);
    const [open] = await until(() => fake.callsOf("views.open").filter((c) => c.body.trigger_id === payload.trigger_id));
    expect(JSON.parse(open!.body.view.private_metadata)).toEqual({ channel: "C0FORM02", threadTs: thread });

    await postInteraction(endpoint, submission({ channel: "C0FORM02", threadTs: thread }));
    const [, routed] = await until(() => posts("C0FORM02", thread), 2);
    expect(routeOf(routed!)).toBe("pin-reset-kiosk");
    expect(posts("C0FORM02")).toHaveLength(1); // no second thread
  });

  it("asks for at least one answer when the form is sent empty", async () => {
    const payload = submission({ channel: "C0FORM03" });
    payload.view.state.values = {};
    const res = await postInteraction(endpoint, payload);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ response_action: "errors", errors: { "slot:symptom": "少なくとも1つ選んでください。" } });
    await sleep(200);
    expect(posts("C0FORM03")).toHaveLength(0);
  });
});

describe("durable acceptance (issue 16)", () => {
  it("a store that cannot take the event → a non-2xx (Slack retries), nothing answered", async () => {
    const store = new MemoryStore();
    store.enqueue = async () => {
      throw new Error("redis down");
    };
    const lines: any[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line)) });
    const channel = createSlackChannel({ runtime: server.runtime, store, logger, signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, apiUrl: fake.url, slashCommand: "/mynacard" });
    const app = createApp({ channels: [channel], store, logger });
    const http = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    await channel.start?.();
    try {
      const res = await postEvent(`http://127.0.0.1:${(http.address() as any).port}/webhooks/slack/events`, dm("D0DOWN01", "マイナンバーカードを落としました"));
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(lines.some((l) => String(l.msg).startsWith("slack events not accepted"))).toBe(true);
      await sleep(300);
      expect(posts("D0DOWN01")).toHaveLength(0);
    } finally {
      await channel.stop?.();
      await new Promise((r) => http.close(r));
      await store.close();
    }
  });

  it("/metrics: Slack events accepted and duplicates, through the inbox (queue slack)", async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name.replace(/[{}"]/g, "\\$&")} (\\d+)`, "m").exec(text)?.[1] ?? NaN);
    expect(value('mcr_inbox_events_total{queue="slack",outcome="accepted"}')).toBeGreaterThan(5);
    expect(value('mcr_inbox_events_total{queue="slack",outcome="duplicate"}')).toBeGreaterThanOrEqual(1);
  });
});

describe("Block Kit limits", () => {
  it("every message the bot sent was accepted by the fake (≤ 50 blocks, texts within limits)", () => {
    const refused = fake.calls.filter((c) => c.result?.error === "invalid_blocks");
    expect(refused).toEqual([]);
    expect(fake.calls.filter((c) => c.token !== undefined && c.token !== BOT_TOKEN)).toEqual([]);
  });
});
