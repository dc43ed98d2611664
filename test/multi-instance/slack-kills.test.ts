/**
 * Slack events are accepted durably, then answered once, whatever dies (issue 16, the Slack half). Real
 * server PROCESSES (`node --import tsx src/main.ts`) on one Redis (database 4, flushed first) and one fake
 * Slack Web API in this process; signed requests as Slack sends them.
 *
 * - An event accepted (200) by an instance that is SIGKILLed while posting its answer (the fake holds
 *   the post: it never reaches "Slack") is answered once, by the instance started after it, with the
 *   answer saved when the event was applied.
 * - A retried event (same event_id, X-Slack-Retry-Num) sent to the other instance is answered once.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlackApi, type FakeSlackApi } from "../channels/slack/fake-slack-api.ts";
import { fixture } from "../channels/slack/fixtures.ts";
import { postEvent, SIGNING_SECRET } from "../channels/slack/sign.ts";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../channels/line/sign.ts";
import { testRedisUrl } from "../helpers/redis.ts";
import { sleep, until } from "../helpers/wait.ts";
import { freePorts, killAll, startInstance, type Instance, type InstanceEnv } from "./instances.ts";

const REDIS_URL = testRedisUrl(4);
const BOT_TOKEN = "xoxb-1111-2222-testtoken";

let fake: FakeSlackApi;
let admin: Redis;
let env: InstanceEnv;
const spawned: Instance[] = [];

beforeAll(async () => {
  admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
  admin.on("error", () => undefined);
  await admin.connect();
  await admin.flushdb();
  fake = await startFakeSlackApi();
  env = {
    lineApiUrl: fake.url,
    channelSecret: TEST_CHANNEL_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    sessionStore: REDIS_URL,
    extra: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.url, INBOX_RESUME_AFTER_SECONDS: "1" },
  };
});

afterAll(async () => {
  await killAll(spawned);
  await fake?.close();
  if (admin?.status === "ready") {
    await admin.flushdb();
    await admin.quit();
  } else admin?.disconnect();
});

async function start(name: string, port: number): Promise<Instance> {
  const instance = await startInstance(name, port, env);
  spawned.push(instance);
  return instance;
}

let seq = 0;
function dm(channel: string, text: string) {
  const body = fixture("event-message-im.json");
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;
  body.event_id = `Ev0KILL${String(seq).padStart(4, "0")}`;
  body.event = { ...body.event, channel, text, ts, event_ts: ts };
  return body;
}

const posts = (channel: string) => fake.callsOf("chat.postMessage").filter((c) => c.body.channel === channel);
const events = (i: Instance) => `${i.url}/webhooks/slack/events`;

describe("Slack events through the durable inbox, instances killed", () => {
  it("an event accepted, then its instance SIGKILLed before the answer reached Slack, is answered once after a restart", async () => {
    const [portA, portB] = await freePorts(2);
    const a = await start("a", portA!);
    fake.stalled.add("chat.postMessage");
    const body = dm("D0KILL01", "マイナンバーカードを落としました");
    expect((await postEvent(events(a), body)).status).toBe(200);
    // Its worker applied the event, saved the answer with the step and is posting it: kill it there.
    await until(() => (fake.held >= 1 ? [1] : []), 1, 15_000);
    expect(await admin.exists(`mcr:kv:outbox:slack:event:${body.event_id}`)).toBe(1);
    a.child.kill("SIGKILL");
    await a.exited;
    fake.stalled.clear();
    expect(posts("D0KILL01")).toHaveLength(0);

    await start("b", portB!);
    const [answer] = await until(() => posts("D0KILL01"), 1, 20_000);
    expect(JSON.stringify(answer!.body.blocks)).toContain("card-lost");
    await sleep(2_500); // past another resume deadline: nothing more comes
    expect(posts("D0KILL01")).toHaveLength(1);
    expect(JSON.parse((await admin.get(`mcr:kv:outbox:slack:event:${body.event_id}`))!)).toEqual({ status: "sent" });
  });

  it("a retried event (X-Slack-Retry-Num) sent to the other instance is answered once", async () => {
    const b = spawned.find((i) => i.name === "b" && i.child.exitCode === null && i.child.signalCode === null)!;
    const [portC] = await freePorts(1);
    const c = await start("c", portC!);
    const body = dm("D0KILL02", "マイナンバーカードを落としました");
    expect((await postEvent(events(b), body)).status).toBe(200);
    const retry = await postEvent(events(c), body, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect(retry.status).toBe(200);
    await until(() => posts("D0KILL02"), 1, 10_000);
    await sleep(2_500);
    expect(posts("D0KILL02")).toHaveLength(1);
  });
});
