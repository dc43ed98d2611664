/** The Slack channel's life cycle: token check at start-up, Socket Mode built but not connected until start(). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../../flows/cities/schema.ts";
import { createSlackChannel } from "../../../src/channels/slack/index.ts";
import { ConversationRuntime } from "../../../src/core/runtime.ts";
import { certificateRecoveryFlow } from "../../../flows/certificate-recovery/index.ts";
import { createLogger } from "../../../src/logger.ts";
import { MemoryStore } from "../../../src/store/memory.ts";
import { startTestServer } from "../../helpers/server.ts";
import { startFakeSlackApi, type FakeSlackApi } from "./fake-slack-api.ts";
import { SIGNING_SECRET } from "./sign.ts";

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await startFakeSlackApi();
});
afterAll(() => fake.close());

describe("Slack channel life cycle", () => {
  it("stops start-up when Slack refuses the bot token, naming the variable", async () => {
    fake.refusedTokens.add("xoxb-revoked");
    await expect(
      startTestServer({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-revoked", SLACK_API_URL: fake.url }),
    ).rejects.toThrow("Slack: SLACK_BOT_TOKEN was refused (invalid_auth)");
  });

  it("builds the Socket Mode app without connecting; stop() before start() is harmless", async () => {
    const store = new MemoryStore();
    const runtime = new ConversationRuntime({ flow: certificateRecoveryFlow, store, city: loadCityConfig(SAMPLE_CITY_PATH), now: () => new Date(), idleTtlMs: 3_600_000 });
    const channel = createSlackChannel({
      runtime,
      store,
      logger: createLogger("silent"),
      signingSecret: SIGNING_SECRET,
      botToken: "xoxb-socket",
      appToken: "xapp-1-A0MYNA-0000-socket",
      apiUrl: fake.url,
      slashCommand: "/mynacard",
    });
    expect(channel.name).toBe("slack");
    await channel.stop?.();
    expect(fake.calls.filter((c) => c.token === "xapp-1-A0MYNA-0000-socket")).toEqual([]);
    await store.close();
  });
});
