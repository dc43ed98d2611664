/**
 * Nothing lost, nothing twice, whatever dies (issue 16). Real server PROCESSES (`node --import tsx
 * src/main.ts`) and one fake LINE Messaging API in this process; residents talk to the bot as LINE would
 * deliver them: signed webhooks, 10% of the events delivered a second time (to either instance, at once
 * or a little later), and a webhook that got no 200 (its instance was down or died in the middle) sent
 * again, flagged as a redelivery, until some instance answers 200. Meanwhile the instances are SIGKILLed
 * and restarted at random moments — also while events they accepted (200) are not answered yet.
 *
 * - Redis: two instances on one Redis (database 8; its inbox stream is cleared first).
 * - SQLite: one instance on one file, killed and restarted.
 *
 * At the end, per resident, the fake Messaging API has accepted exactly one reply-or-push per event, in
 * the order of the events, with the words one in-process runtime answers, and every conversation's stored
 * state equals that runtime's. The randomness is seeded (MCR_KILL_SEED=<n> repeats a run; the seed is
 * printed, and named in every failed assertion). MCR_KILL_RESIDENTS (default 200, 10 events each).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { isDeepStrictEqual } from "node:util";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryKeyOf } from "../../src/channels/line/deliver.ts";
import { startFakeLineApi, type FakeLineApi, type RecordedRequest } from "../channels/line/fake-line-api.ts";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../channels/line/sign.ts";
import { testRedisUrl } from "../helpers/redis.ts";
import { freePorts, killAll, startInstance, type Instance, type InstanceEnv } from "./instances.ts";
import { deliver, firstMessages, lineEvent, newUserId, nextMove, redelivery, type LineEvent, type Move } from "./line-events.ts";
import { seeded, singleInstance, stateOf } from "./replay.ts";

const REDIS_URL = testRedisUrl(8);
const SEED = Number(process.env.MCR_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RESIDENTS = Number(process.env.MCR_KILL_RESIDENTS ?? 200);
const EVENTS = 10;
/** SIGKILLs per run (the issue asks for at least 5). */
const KILLS = 6;
const pool = firstMessages();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let fake: FakeLineApi;
let admin: Redis;
const spawned: Instance[] = [];
const sqliteDir = mkdtempSync(join(tmpdir(), "mcr-kills-"));

beforeAll(async () => {
  console.info(`kills: seed ${SEED} (MCR_KILL_SEED=${SEED} repeats this run)`);
  admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
  admin.on("error", () => undefined);
  await admin.connect();
  // This database is this suite's: an inbox left by an earlier, interrupted run would send to a dead fake.
  await admin.flushdb();
  fake = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
});

afterAll(async () => {
  await killAll(spawned);
  await fake?.close();
  if (admin?.status === "ready") {
    await admin.flushdb();
    await admin.quit();
  } else admin?.disconnect();
  rmSync(sqliteDir, { recursive: true, force: true });
});

/** Which accepted (200) reply or push answered which event: by reply token, or by push retry key. */
class Answers {
  readonly #byToken = new Map<string, string>();
  readonly #byKey = new Map<string, string>();
  readonly #answers = new Map<string, { index: number; call: RecordedRequest }[]>();
  readonly #waiters = new Map<string, () => void>();
  #cursor = 0;
  readonly #timer = setInterval(() => this.poll(), 3);

  expect(event: LineEvent): void {
    this.#byToken.set(event.replyToken, event.webhookEventId);
    this.#byKey.set(retryKeyOf(event.webhookEventId), event.webhookEventId);
  }

  poll(): void {
    for (; this.#cursor < fake.requests.length; this.#cursor++) {
      const call = fake.requests[this.#cursor];
      if (!call || call.status !== 200) continue;
      const id =
        call.path === "/v2/bot/message/reply"
          ? this.#byToken.get(String(call.body?.replyToken))
          : call.path === "/v2/bot/message/push"
            ? this.#byKey.get(String(call.headers["x-line-retry-key"]))
            : undefined;
      if (!id) continue;
      this.#answers.set(id, [...(this.#answers.get(id) ?? []), { index: this.#cursor, call }]);
      this.#waiters.get(id)?.();
    }
  }

  of(eventId: string): { index: number; call: RecordedRequest }[] {
    this.poll();
    return this.#answers.get(eventId) ?? [];
  }

  async first(eventId: string, timeoutMs: number): Promise<RecordedRequest> {
    const seen = this.of(eventId)[0];
    if (seen) return seen.call;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`seed ${SEED}: no answer to event ${eventId} within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.set(eventId, () => {
        clearTimeout(timer);
        this.#waiters.delete(eventId);
        resolve();
      });
    });
    return this.of(eventId)[0]!.call;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

interface Slot {
  name: string;
  port: number;
  instance: Instance;
}

/** The run: residents talking, a killer killing, LINE redelivering; then the checks. */
async function runWithKills(opts: { label: string; slots: Slot[]; env: InstanceEnv; inboxDepth: () => Promise<number>; stored: (conversationId: string) => Promise<any> }) {
  // One PRNG per resident and one for the killer: a resident's choices do not depend on the others' timing.
  const killerRand = seeded(SEED ^ 0x9e3779b9);
  const answers = new Answers();
  const { slots } = opts;
  const started = Date.now();
  const acceptedUnanswered = new Set<string>();
  const sideTasks: Promise<void>[] = [];
  let redelivered = 0;
  let done = false;

  /** As LINE: POST until an instance answers 200; every try after the first is flagged a redelivery. */
  async function send(event: LineEvent, rand: () => number, first = true): Promise<void> {
    let body = first ? event : redelivery(event);
    const deadline = Date.now() + 180_000;
    for (let attempt = 0; ; attempt++) {
      const slot = slots[Math.floor(rand() * slots.length)]!;
      try {
        if ((await deliver(slot.instance.url, body)) === 200) return;
      } catch {
        // refused, or the instance died while it had the request
      }
      if (Date.now() > deadline) throw new Error(`seed ${SEED}: event ${event.webhookEventId} never accepted`);
      body = redelivery(event);
      await sleep(Math.min(1_000, 40 * 2 ** attempt) * (0.5 + rand()));
    }
  }

  const conversations: { c: number; userId: string; events: LineEvent[] }[] = [];
  async function resident(c: number): Promise<void> {
    const rand = seeded(SEED * 31 + c);
    const userId = newUserId();
    const events: LineEvent[] = [];
    conversations.push({ c, userId, events });
    let messages: any[] = [];
    for (let k = 0; k < EVENTS; k++) {
      const move: Move = k === 0 ? { kind: "text", text: pool[(c * 7) % pool.length]! } : nextMove(c, k, messages, pool);
      const event = lineEvent(userId, move);
      // Some reply tokens are close to LINE's minute: a late or resumed try must push instead.
      if (rand() < 0.05) event.timestamp = Date.now() - 52_000;
      events.push(event);
      answers.expect(event);
      const sending = send(event, rand);
      if (rand() < 0.1) {
        redelivered++;
        const wait = rand() < 0.5 ? 0 : rand() * 400;
        sideTasks.push(sleep(wait).then(() => send(event, rand, false)));
      }
      await sending;
      acceptedUnanswered.add(event.webhookEventId);
      messages = (await answers.first(event.webhookEventId, 120_000)).body.messages;
      acceptedUnanswered.delete(event.webhookEventId);
      answered++;
    }
  }

  let kills = 0;
  let killsWithAcceptedUnanswered = 0;
  let answered = 0;
  const total = RESIDENTS * EVENTS;
  /**
   * SIGKILL at random moments of the run (seeded: when 5–90% of the events are answered), the
   * instances in turn, each restarted on its port before the next kill.
   */
  async function killer(): Promise<void> {
    const moments = Array.from({ length: KILLS }, () => 0.05 + killerRand() * 0.85).sort((x, y) => x - y);
    for (const [n, moment] of moments.entries()) {
      while (!done && answered < moment * total) await sleep(10);
      if (done) return;
      await sleep(killerRand() * 50);
      const slot = slots[n % slots.length]!;
      if (acceptedUnanswered.size > 0) killsWithAcceptedUnanswered++;
      slot.instance.child.kill("SIGKILL");
      await slot.instance.exited;
      kills++;
      await sleep(killerRand() * 300);
      slot.instance = await startInstance(slot.name, slot.port, opts.env);
      spawned.push(slot.instance);
    }
  }

  const killing = killer();
  const talking = Promise.all(Array.from({ length: RESIDENTS }, (_, c) => sleep(killerRand() * 1_000).then(() => resident(c))));
  try {
    await talking;
  } finally {
    done = true;
    await killing;
  }
  await Promise.all(sideTasks);
  // The inbox drains (late redeliveries are recognised), then nothing more arrives.
  for (let until = Date.now() + 30_000; (await opts.inboxDepth()) > 0; ) {
    if (Date.now() > until) throw new Error(`seed ${SEED}: the inbox did not drain`);
    await sleep(50);
  }
  await sleep(300);
  const seconds = (Date.now() - started) / 1_000;
  answers.poll();
  answers.stop();

  // Exactly one accepted answer per event, in the order of each resident's events.
  const allEvents = conversations.flatMap((c) => c.events);
  const lost = allEvents.filter((e) => answers.of(e.webhookEventId).length === 0).map((e) => e.webhookEventId);
  const doubled = allEvents.filter((e) => answers.of(e.webhookEventId).length > 1).map((e) => e.webhookEventId);
  const outOfOrder = conversations.filter(({ events }) => {
    const at = events.map((e) => answers.of(e.webhookEventId)[0]?.index ?? -1);
    return at.some((index, k) => k > 0 && index <= at[k - 1]!);
  });
  const pushes = allEvents.filter((e) => answers.of(e.webhookEventId)[0]?.call.path === "/v2/bot/message/push").length;
  const output = slotsOutput();
  const resumed = (output.match(/"resumed":true[^\n]*"msg":"line event"/g) ?? []).length;
  const figures = {
    store: opts.label,
    seed: SEED,
    residents: RESIDENTS,
    events: allEvents.length,
    redelivered,
    kills,
    killsWithAcceptedUnanswered,
    resumed,
    replies: allEvents.length - pushes - lost.length,
    pushFallbacks: pushes,
    usedTokenRefusals: fake.requests.filter((r) => r.status === 400 && r.path === "/v2/bot/message/reply").length,
    retryKeyRefusals: fake.requests.filter((r) => r.status === 409).length,
    lost: lost.length,
    doubled: doubled.length,
    seconds: Math.round(seconds * 10) / 10,
  };
  console.info(`kills: ${JSON.stringify(figures)}`);

  for (const id of doubled) {
    const event = allEvents.find((e) => e.webhookEventId === id)!;
    const calls = fake.requests.filter((r) => r.body?.replyToken === event.replyToken || r.headers["x-line-retry-key"] === retryKeyOf(id));
    console.info(`kills: doubled ${id}: ${calls.map((r) => `${r.path.split("/").pop()} ${r.status} at age ${r.at - event.timestamp} ms`).join("; ")}`);
    for (const line of output.split("\n").filter((l) => l.includes(id))) console.info(`kills:   ${line.slice(0, 400)}`);
  }
  expect(kills, `seed ${SEED}`).toBeGreaterThanOrEqual(5);
  expect(killsWithAcceptedUnanswered, `seed ${SEED}: kills between a 200 and its answer`).toBeGreaterThanOrEqual(1);
  expect(lost, `seed ${SEED}: events never answered`).toEqual([]);
  expect(doubled, `seed ${SEED}: events answered twice`).toEqual([]);
  expect(outOfOrder.map((c) => c.c), `seed ${SEED}: residents answered out of order`).toEqual([]);

  // The words and the states one in-process runtime reaches with the same events.
  const single = singleInstance();
  const diffs: string[] = [];
  for (const { c, userId, events } of conversations) {
    let expected: any;
    for (const [k, event] of events.entries()) {
      const turn = await single.handle(event);
      expected = turn.snapshot;
      const sent = answers.of(event.webhookEventId)[0]?.call.body.messages;
      if (!isDeepStrictEqual(sent, turn.messages)) diffs.push(`resident ${c}, event ${k}: the answer differs from one instance's`);
    }
    const live = await opts.stored(`line:${userId}`);
    if (!isDeepStrictEqual(stateOf(live), stateOf(expected))) diffs.push(`resident ${c}: state ${JSON.stringify(stateOf(live))}, one instance: ${JSON.stringify(stateOf(expected))}`);
  }
  await single.close();
  expect(diffs.slice(0, 10), `seed ${SEED}`).toEqual([]);
  return figures;

  function slotsOutput(): string {
    return spawned.map((i) => i.output()).join("\n");
  }
}

describe("nothing lost, nothing twice: instances SIGKILLed and restarted while residents talk", () => {
  const envFor = (sessionStore: string): InstanceEnv => ({
    lineApiUrl: fake.url,
    channelSecret: TEST_CHANNEL_SECRET,
    accessToken: TEST_ACCESS_TOKEN,
    sessionStore,
    extra: { LOG_LEVEL: "info", INBOX_RESUME_AFTER_SECONDS: "1", SESSION_LOCK_LEASE_SECONDS: "3" },
    // A restart on a busy CI machine (tsx compiling the server again) can be slow.
    readyWithinMs: 60_000,
  });

  it(`two instances on one Redis: ${RESIDENTS * EVENTS} LINE events of ${RESIDENTS} residents, each answered exactly once, in order`, async () => {
    const env = envFor(REDIS_URL);
    const ports = await freePorts(2);
    const slots: Slot[] = await Promise.all(
      ["A", "B"].map(async (name, i) => {
        const instance = await startInstance(name, ports[i]!, env);
        spawned.push(instance);
        return { name, port: ports[i]!, instance };
      }),
    );
    await runWithKills({
      label: "redis",
      slots,
      env,
      inboxDepth: () => admin.xlen("mcr:inbox:line"),
      stored: async (id) => {
        const text = await admin.get(`mcr:conv:${id}`);
        return text === null ? undefined : JSON.parse(text).snapshot;
      },
    });
    expect(await admin.xlen("mcr:inbox:line:parked")).toBe(0);
    for (const slot of slots) slot.instance.child.kill("SIGTERM");
    for (const slot of slots) expect(await slot.instance.exited).toEqual({ code: 0, signal: null });
  }, 400_000);

  it(`one instance on SQLite: ${RESIDENTS * EVENTS} LINE events, each answered exactly once, in order`, async () => {
    const file = join(sqliteDir, "sessions.db");
    const env = envFor(`sqlite:${file}`);
    const [port] = await freePorts(1);
    const instance = await startInstance("S", port!, env);
    spawned.push(instance);
    const slot: Slot = { name: "S", port: port!, instance };
    const read = () => new DatabaseSync(file, { readOnly: true });
    await runWithKills({
      label: "sqlite",
      slots: [slot],
      env,
      inboxDepth: async () => {
        const db = read();
        try {
          return Number(db.prepare("SELECT count(*) AS n FROM inbox WHERE parked_reason IS NULL").get()?.n ?? 0);
        } finally {
          db.close();
        }
      },
      stored: async (id) => {
        const db = read();
        try {
          const row = db.prepare("SELECT json FROM conversations WHERE id = ?").get(id);
          return row === undefined ? undefined : JSON.parse(String(row.json)).snapshot;
        } finally {
          db.close();
        }
      },
    });
    slot.instance.child.kill("SIGTERM");
    expect(await slot.instance.exited).toEqual({ code: 0, signal: null });
  }, 400_000);
});
