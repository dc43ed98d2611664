/**
 * Slack over Socket Mode (SLACK_APP_TOKEN), for a city whose network takes no inbound webhooks: the real
 * server opens a WebSocket to the fake Slack (its URL from `apps.connections.open` at SLACK_API_URL),
 * receives envelopes there, acknowledges each, and answers through the Web API, as over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/main.ts";
import { startTestServer } from "../../helpers/server.ts";
import { sleep, until } from "../../helpers/wait.ts";
import { startFakeSlackApi, type FakeSlackApi, type RecordedCall } from "./fake-slack-api.ts";
import { fixture } from "./fixtures.ts";
import { SIGNING_SECRET } from "./sign.ts";

const BOT_TOKEN = "xoxb-1111-2222-sockettoken";
const APP_TOKEN = "xapp-1-A0MYNA-3333-sockettoken";
let fake: FakeSlackApi;
let server: RunningServer | undefined;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  server = await startTestServer({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fake.url,
    BOT_NOW: "2026-11-21T10:00:00+09:00",
  });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

let seq = 0;

const posts = (channel: string) => fake.callsOf("chat.postMessage").filter((c) => c.body.channel === channel);

function dm(channel: string, text: string) {
  const body = fixture("event-message-im.json");
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;
  body.event_id = `Ev0SOCK${String(seq).padStart(4, "0")}`;
  body.event = { ...body.event, channel, text, ts, event_ts: ts };
  return body;
}

describe("Slack over Socket Mode", () => {
  it("connects at start-up with the app token, through the configured API base", async () => {
    await fake.socket.connected();
    expect(fake.socket.opened).toEqual([APP_TOKEN]);
    expect(fake.callsOf("apps.connections.open").map((c) => c.token)).toEqual([APP_TOKEN]);
  });

  it("acknowledges a DM event and answers it with the bot token", async () => {
    const envelope = fake.socket.send("events_api", dm("D0SOCK01", "e-Taxで署名用電子証明書が失効していますと出ました"));
    expect(await fake.socket.ackOf(envelope)).toMatchObject({ envelope_id: envelope });
    const [question] = await until(() => posts("D0SOCK01"));
    expect(question!.token).toBe(BOT_TOKEN);
    const actions = question!.body.blocks.find((b: any) => b.type === "actions");
    expect(actions.block_id).toBe("q:basicInfoChanged:slack:T0HELP:D0SOCK01:dm");
  });

  it("handles an event Slack sends again (retry_attempt 1) once", async () => {
    const body = dm("D0SOCK02", "暗証番号を3回間違えてロックされました");
    const first = fake.socket.send("events_api", body);
    await fake.socket.ackOf(first);
    await until(() => posts("D0SOCK02"));
    const again = fake.socket.send("events_api", body, { retryAttempt: 1 });
    await fake.socket.ackOf(again);
    await sleep(200);
    expect(posts("D0SOCK02")).toHaveLength(1);
  });

  it("acknowledges a slash command and opens a thread for it", async () => {
    const command = { ...fixture("command.json"), channel_id: "C0SOCKCMD", text: "" };
    const envelope = fake.socket.send("slash_commands", command);
    await fake.socket.ackOf(envelope);
    const [root] = await until(() => posts("C0SOCKCMD"));
    expect(root!.body.text).toBe("マイナ証明書レスキュー：相談を受け付けました");
    expect(JSON.stringify(root!.body.blocks)).toContain("<@U0STAFF1> さんの相談を、このスレッドでご案内します。");
    const [greeting] = await until(() => posts("C0SOCKCMD").filter((c) => c.body.thread_ts === root!.result!.ts));
    expect(greeting!.body.blocks.some((b: any) => b.type === "actions" && String(b.block_id).startsWith("q:symptom:"))).toBe(true);
  });

  it("acknowledges a button click and moves the conversation on", async () => {
    await fake.socket.ackOf(fake.socket.send("events_api", dm("D0SOCK03", "e-Taxで署名用電子証明書が失効していますと出ました")));
    const [question] = await until(() => posts("D0SOCK03"));
    const block = question!.body.blocks.find((b: any) => b.type === "actions");
    const yes = block.elements.find((e: any) => e.value === "yes");
    const payload = fixture("block-actions.json");
    const ts = question!.result!.ts as string;
    payload.channel.id = "D0SOCK03";
    payload.container = { type: "message", message_ts: ts, channel_id: "D0SOCK03", is_ephemeral: false };
    payload.message = { ...payload.message, ts, text: question!.body.text, blocks: question!.body.blocks };
    payload.actions = [{ action_id: yes.action_id, block_id: block.block_id, text: yes.text, value: "yes", type: "button", action_ts: ts }];
    await fake.socket.ackOf(fake.socket.send("interactive", payload));
    const [, routed] = await until(() => posts("D0SOCK03"), 2);
    expect(JSON.stringify(routed!.body.blocks)).toContain("signature-reissue-after-change");
  });

  it("closes the socket on shutdown", async () => {
    expect(fake.socket.connections).toBe(1);
    await server!.close();
    server = undefined;
    await fake.socket.disconnected();
  });
});
