/**
 * The web chat's rate limits hold across instances: two servers on one real Redis (database 10, flushed
 * here) count a client address and a session together, over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { RunningServer } from "../../src/main.ts";
import { postJson, startTestServer } from "../helpers/server.ts";
import { testRedisUrl } from "../helpers/redis.js";

const REDIS_URL = testRedisUrl(10);
const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
let one: RunningServer;
let two: RunningServer;

beforeAll(async () => {
  await admin.connect();
  await admin.flushdb();
  const env = { SESSION_STORE: REDIS_URL, WEB_RATE_LIMIT_PER_MINUTE: "6", WEB_SESSION_RATE_LIMIT_PER_MINUTE: "3" };
  [one, two] = await Promise.all([startTestServer(env), startTestServer(env)]);
});
afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await admin.flushdb();
  admin.disconnect();
});

const from = (ip: string) => ({ "x-forwarded-for": ip });
const open = (server: RunningServer, ip: string) => postJson(`${server.url}/api/chat/sessions`, {}, from(ip));
const say = (server: RunningServer, id: string, ip: string) =>
  postJson(`${server.url}/api/chat/sessions/${id}/messages`, { text: "わからない" }, from(ip));

describe("rate limits with several instances on one Redis", () => {
  it("a session's messages count on every instance: the 4th is refused wherever it lands", async () => {
    const id = (await open(one, "198.51.100.40")).json.sessionId as string;
    expect((await say(one, id, "198.51.100.41")).status).toBe(200);
    expect((await say(two, id, "198.51.100.42")).status).toBe(200);
    expect((await say(one, id, "198.51.100.43")).status).toBe(200);
    const refused = await say(two, id, "198.51.100.44");
    expect(refused.status).toBe(429);
    expect(refused.json.error.message).toMatch(/conversation/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(55);
    expect((await say(one, id, "198.51.100.45")).status).toBe(429);
  });

  it("an address's requests count on every instance: the 7th is refused, other addresses go on", async () => {
    const ip = "203.0.113.70";
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await open(i % 2 ? two : one, ip)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
    expect((await open(one, ip)).status).toBe(429);
    expect((await open(two, ip)).status).toBe(429);
    expect((await open(two, "203.0.113.71")).status).toBe(201);
    expect(await admin.get("mcr:ratelimit:ip:203.0.113.70")).toBe("8");
  });
});
