/**
 * Over real HTTP (signed Slack events in, the fake Slack Web API out): a conversation the runtime
 * reports in English (TurnResult.locale) gets a staff view that stays Japanese and says 「言語：English」.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningServer } from "../../../src/main.ts";
import { startTestServer } from "../../helpers/server.ts";
import { until } from "../../helpers/wait.ts";
import { startFakeSlackApi, type FakeSlackApi } from "./fake-slack-api.ts";
import { fixture } from "./fixtures.ts";
import { postEvent, SIGNING_SECRET } from "./sign.ts";

let fake: FakeSlackApi;
let server: RunningServer;
let endpoint: string;
beforeAll(async () => {
  fake = await startFakeSlackApi();
  server = await startTestServer({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-1111-2222-testtoken", SLACK_API_URL: fake.url, BOT_NOW: "2026-11-21T10:00:00+09:00" });
  endpoint = `${server.url}/webhooks/slack/events`;
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

let seq = 0;
function dm(channel: string, text: string) {
  const body = fixture("event-message-im.json");
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;
  body.event_id = `Ev0LOCALE${String(seq).padStart(4, "0")}`;
  body.event = { ...body.event, channel, text, ts, event_ts: ts };
  return body;
}

describe("Slack: the resident's language in the staff view", () => {
  it("a turn in English: the route's staff view (Japanese) says 言語：English; a Japanese one does not", async () => {
    const original = server.runtime.handle.bind(server.runtime);
    const handle = vi.spyOn(server.runtime, "handle").mockImplementation((id, event, options = {}) =>
      original(id, event, { ...options, ...(options.outbox ? { outbox: (r) => options.outbox!({ ...r, locale: "en" }) } : {}) }),
    );
    try {
      expect((await postEvent(endpoint, dm("D0LOCALE1", "カードをなくしました"))).status).toBe(200);
      const [routed] = await until(() => fake.callsOf("chat.postMessage").filter((c) => c.body.channel === "D0LOCALE1"));
      const blocks = JSON.stringify(routed!.body.blocks);
      expect(blocks).toContain("担当者向け");
      expect(blocks).toContain(":globe_with_meridians: 言語：English");
    } finally {
      handle.mockRestore();
    }
    expect((await postEvent(endpoint, dm("D0LOCALE2", "カードをなくしました"))).status).toBe(200);
    const [ja] = await until(() => fake.callsOf("chat.postMessage").filter((c) => c.body.channel === "D0LOCALE2"));
    expect(JSON.stringify(ja!.body.blocks)).toContain("担当者向け");
    expect(JSON.stringify(ja!.body.blocks)).not.toContain("言語：");
  });
});
