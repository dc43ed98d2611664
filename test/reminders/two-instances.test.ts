/**
 * Exactly once across instances (issue 17): two servers on one Redis, both started at the due time,
 * push a reminder once between them; the claim is atomic (one Lua script), so the second instance
 * never even tries (one push request in all, not a second one answered 409).
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { RedisReminderStore } from "../../src/reminders/store-redis.ts";
import { startFakeLineApi, type FakeLineApi } from "../channels/line/fake-line-api.ts";
import { TEST_ACCESS_TOKEN } from "../channels/line/sign.ts";
import { testRedisUrl } from "../helpers/redis.ts";
import { until } from "../helpers/wait.ts";
import { newUserId, reachRenewalNotYet, startLineServer, tap, type LineServer } from "./line-helpers.ts";

const REDIS_URL = testRedisUrl(7);
let fake: FakeLineApi;
const servers: LineServer[] = [];

beforeAll(async () => {
  fake = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await fake?.close();
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
});

it("two instances on one Redis, both started at the due time: one push", async () => {
  const first = await startLineServer(fake, { store: REDIS_URL, now: "2026-11-21T10:00:00+09:00" });
  const users = [newUserId(), newUserId(), newUserId()];
  for (const user of users) {
    await reachRenewalNotYet(fake, first, user, "2027-06-15");
    await tap(fake, first, user, "c=yes&s=reminder");
  }
  await first.close();

  const due = "2027-03-16T09:05:00+09:00";
  servers.push(...(await Promise.all([startLineServer(fake, { store: REDIS_URL, now: due, checkSeconds: 1 }), startLineServer(fake, { store: REDIS_URL, now: due, checkSeconds: 1 })])));
  await until(() => fake.pushes(), users.length);
  await Promise.all(servers.map((s) => s.checked(3)));
  expect(fake.pushAttempts()).toHaveLength(users.length);
  expect(fake.pushes().map((p) => p.to).sort()).toEqual([...users].sort());

  // The second reminders (two weeks before the expiry) wait in Redis; the first ones are gone.
  const store = new RedisReminderStore(REDIS_URL);
  try {
    for (const user of users) expect(await store.countUser(user)).toBe(1);
  } finally {
    await store.close();
  }
});
