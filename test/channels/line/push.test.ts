/** LINE pushes for the hand-off: where they go, the retry key, and a 409 (already accepted) as delivered. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLinePushNotifier, pushTargetOf } from "../../../src/channels/line/push.ts";
import { startFakeLineApi, type FakeLineApi } from "./fake-line-api.ts";
import { TEST_ACCESS_TOKEN } from "./sign.ts";

const USER = `U${"a".repeat(32)}`;
const GROUP = `C${"b".repeat(32)}`;

let fake: FakeLineApi;
beforeAll(async () => {
  fake = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
});
afterAll(() => fake.close());

describe("LINE push notifier", () => {
  it("pushes to the user, or to the group the conversation lives in", () => {
    expect(pushTargetOf(`line:${USER}`)).toBe(USER);
    expect(pushTargetOf(`line:${GROUP}:${USER}`)).toBe(GROUP);
    expect(pushTargetOf("web:abc")).toBeUndefined();
  });

  it("sends a delivery once: the same key carries the same X-Line-Retry-Key, which LINE answers 409", async () => {
    const notifier = createLinePushNotifier({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: fake.url });
    await notifier.notify(`line:${USER}`, [{ type: "text", text: "（担当者）こんにちは" }], "slack:Ev1");
    await notifier.notify(`line:${USER}`, [{ type: "text", text: "（担当者）こんにちは" }], "slack:Ev1");
    expect(fake.pushes()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === "/v2/bot/message/push").map((r) => r.status)).toEqual([200, 409]);
    await notifier.notify(`line:${USER}`, [{ type: "text", text: "（担当者）もう一つ" }], "slack:Ev2");
    expect(fake.pushes()).toHaveLength(2);
    expect(fake.pushes()[0]!.retryKey).not.toBe(fake.pushes()[1]!.retryKey);
  });

  it("throws LINE's refusal without the text", async () => {
    const notifier = createLinePushNotifier({ channelAccessToken: TEST_ACCESS_TOKEN, apiBaseUrl: fake.url });
    fake.failNext(500);
    const err = await notifier.notify(`line:${USER}`, [{ type: "text", text: "ひみつの内容" }], "slack:Ev3").catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe("LINE push failed: 500 An error occurred in the server");
    expect((err as Error).message).not.toContain("ひみつ");
  });
});
