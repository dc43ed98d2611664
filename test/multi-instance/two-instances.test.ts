/**
 * Several instances, nothing lost (issue 5). Real server PROCESSES (`node --import tsx src/main.ts`)
 * share one REAL Redis (127.0.0.1:6379, database 12; this run's keys are deleted afterwards, see
 * `deleteOwnKeys`) and one fake LINE Messaging API in this process; LINE webhook events are signed
 * and sent to them as LINE would, redeliveries included. When Redis is not reachable these tests
 * FAIL (CI starts a server).
 *
 * - 1,000 events of 100 conversations alternate between two instances, 20 conversations at a time;
 *   10% are delivered a second time to the OTHER instance (at the same moment, after the reply, or
 *   while the conversation's next event is being handled). Every conversation must end in the state
 *   one in-process runtime reaches with the same events, every reply must be the one it sends, and
 *   the fake API must get exactly one reply per distinct event.
 * - SIGKILL of one instance mid-conversation: the other resumes it where it was.
 * - SIGTERM with requests in flight: they finish, their replies arrive, no new connection (nor a new
 *   request on a kept-alive one) is accepted, the process exits 0 without waiting for keep-alives.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { startFakeLineApi, type FakeLineApi } from "../channels/line/fake-line-api.ts";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../channels/line/sign.ts";
import {
  adminRedis,
  freePorts,
  deleteOwnKeys,
  killAll,
  REDIS_URL,
  startInstance,
  turnsHandled,
  type Instance,
} from "./instances.ts";
import {
  deliver,
  firstMessages,
  issuedIds,
  lineEvent,
  newUserId,
  nextMove,
  redelivery,
  ReplyWatcher,
  type LineEvent,
  type Move,
} from "./line-events.ts";
import { seeded, singleInstance, stateOf } from "./replay.ts";
const pool = firstMessages();

let fake: FakeLineApi;
let watcher: ReplyWatcher;
let admin: Redis;
const spawned: Instance[] = [];

beforeAll(async () => {
  admin = adminRedis();
  let connectionError: Error | undefined;
  admin.on("error", (error: Error) => (connectionError ??= error));
  try {
    await admin.connect();
    await admin.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${(connectionError ?? (error as Error)).message}). The multi-instance tests need a ` +
        "real Redis server (CI starts one; locally run `redis-server`). They fail instead of skipping on purpose.",
    );
  }
  fake = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
  watcher = new ReplyWatcher(fake);
});

afterAll(async () => {
  await killAll(spawned);
  watcher?.stop();
  await fake?.close();
  if (admin?.status === "ready") {
    await deleteOwnKeys(admin, issuedIds);
    await admin.quit();
  } else {
    admin?.disconnect();
  }
});

// ---- helpers ----

async function spawnInstances(names: string[]): Promise<Instance[]> {
  const ports = await freePorts(names.length);
  const env = { lineApiUrl: fake.url, channelSecret: TEST_CHANNEL_SECRET, accessToken: TEST_ACCESS_TOKEN };
  const started = await Promise.allSettled(names.map((name, i) => startInstance(name, ports[i] ?? 0, env)));
  for (const s of started) if (s.status === "fulfilled") spawned.push(s.value);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  return started.map((s) => (s as PromiseFulfilledResult<Instance>).value);
}

/** The persisted xstate snapshot of a LINE conversation, as the instances left it in Redis. */
async function storedSnapshot(userId: string): Promise<any> {
  const text = await admin.get(`mcr:conv:line:${userId}`);
  return text === null ? undefined : JSON.parse(text).snapshot;
}

/** Tap the first button of the last question. */
function firstButton(messages: any[]): Move {
  const item = (messages.at(-1)?.quickReply?.items ?? []).find((i: any) => i.action?.type === "postback");
  if (!item) throw new Error(`no button in ${JSON.stringify(messages).slice(0, 300)}`);
  return { kind: "postback", data: item.action.data };
}

async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Whether a new TCP connection to the port is accepted, refused, or reset (taken into the backlog
 * while the listening socket was being closed).
 */
function tryConnect(port: number): Promise<"accepted" | "refused" | "reset"> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve("accepted");
    });
    socket.once("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ECONNREFUSED") resolve("refused");
      else if (err.code === "ECONNRESET") resolve("reset");
      else reject(err);
    });
  });
}

/** An HTTP request through `agent` (node:http, so the test decides about keep-alive); JSON in and out. */
function request(agent: Agent, method: string, url: string, body?: unknown): Promise<{ status: number; headers: IncomingHttpHeaders; json: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, method, headers: body === undefined ? {} : { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : undefined }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

// ---- tests ----

describe("two instances on one Redis", () => {
  it("1,000 LINE events of 100 conversations, 10% redelivered to the other instance: each applied once, as one instance would", async () => {
    const CONVERSATIONS = 100;
    const EVENTS = 10;
    const IN_FLIGHT = 20;
    const [a, b] = (await spawnInstances(["A", "B"])) as [Instance, Instance];

    // 100 of the 1,000 events go out twice, the copy to the other instance: at the same moment as the
    // original, after its reply, or late (while the conversation's next event is being handled).
    const random = seeded(0x5eed);
    const indexes = [...Array(CONVERSATIONS * EVENTS).keys()];
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j] ?? 0, indexes[i] ?? 0];
    }
    const modes = ["together", "after", "late"] as const;
    const duplicated = new Map(indexes.slice(0, CONVERSATIONS).map((n, i) => [n, modes[i % modes.length] ?? "after"]));

    const conversations = Array.from({ length: CONVERSATIONS }, (_, c) => ({ c, userId: newUserId(), events: [] as LineEvent[] }));
    const statuses: number[] = [];

    async function converse(conversation: (typeof conversations)[number]): Promise<void> {
      const { c, userId, events } = conversation;
      let messages: any[] = [];
      let late: { event: LineEvent; to: Instance } | undefined;
      for (let k = 0; k < EVENTS; k++) {
        const move: Move = k === 0 ? { kind: "text", text: pool[c % pool.length] ?? "" } : nextMove(c, k, messages, pool);
        const event = lineEvent(userId, move);
        events.push(event);
        const [to, other] = (c + k) % 2 === 0 ? [a, b] : [b, a];
        const mode = duplicated.get(c * EVENTS + k);
        if (mode === "together") statuses.push(...(await Promise.all([deliver(to.url, event), deliver(other.url, redelivery(event))])));
        else statuses.push(await deliver(to.url, event));
        if (late) {
          statuses.push(await deliver(late.to.url, late.event));
          late = undefined;
        }
        // The next event only once this one's reply reached LINE (a resident answers what they read).
        messages = await watcher.reply(event.replyToken);
        if (mode === "after") statuses.push(await deliver(other.url, redelivery(event)));
        if (mode === "late") late = { event: redelivery(event), to: other };
      }
      if (late) statuses.push(await deliver(late.to.url, late.event));
    }

    const t0 = performance.now();
    const queue = [...conversations];
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await converse(next);
      }),
    );
    const sendMs = performance.now() - t0;
    const turns = [await turnsHandled(a, "line"), await turnsHandled(b, "line")];

    // A graceful stop finishes whatever is still in flight (late duplicates included): after it, the
    // fake API and Redis hold everything the instances will ever do.
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await a.exited, a.output()).toEqual({ code: 0, signal: null });
    expect(await b.exited, b.output()).toEqual({ code: 0, signal: null });
    expect(a.output() + b.output()).not.toMatch(/"level":(50|60)/); // no error was logged

    // Every delivery was acknowledged; exactly one reply per distinct event, none refused by the fake.
    const allEvents = conversations.flatMap((c) => c.events);
    expect(allEvents).toHaveLength(1_000);
    expect(statuses).toHaveLength(1_000 + CONVERSATIONS);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const calls = watcher.allCalls();
    expect(calls.filter((call) => call.status !== 200).map((call) => `${call.status} ${JSON.stringify(call.body).slice(0, 120)}`)).toEqual([]);
    expect(calls).toHaveLength(1_000);
    expect(new Set(calls.map((call) => call.body.replyToken))).toEqual(new Set(allEvents.map((e) => e.replyToken)));
    // Redis: each event's outbox record marked sent, no conversation lock or inbox entry left behind.
    // Both instances did work.
    const records = await admin.mget(...allEvents.map((e) => `mcr:kv:outbox:line:${e.webhookEventId}`));
    expect(records.map((r) => (r === null ? null : JSON.parse(r).status))).toEqual(allEvents.map(() => "sent"));
    expect(await admin.exists(...conversations.map((c) => `mcr:inboxq:line:line:${c.userId}`))).toBe(0);
    expect(await admin.exists(...conversations.map((c) => `mcr:lock:line:${c.userId}`))).toBe(0);
    expect(turns[0]! + turns[1]!).toBe(1_000);
    expect(Math.min(...turns)).toBeGreaterThan(300);

    // The reference: the same events, deduplicated, through one in-process runtime.
    const single = singleInstance();
    const replyDiffs: string[] = [];
    const stateDiffs: string[] = [];
    const unchanged: string[] = [];
    const routes = new Set<string>();
    for (const { c, userId, events } of conversations) {
      let before: unknown;
      let expected: any;
      for (const [k, event] of events.entries()) {
        const turn = await single.handle(event);
        expected = turn.snapshot;
        const sent = watcher.calls(event.replyToken)[0]?.body.messages;
        if (!isDeepStrictEqual(sent, turn.messages)) replyDiffs.push(`conversation ${c}, event ${k}: the reply differs from one instance's`);
        // An answer to the reminder question moves the conversation's meta, not the machine.
        const state = { ...stateOf(turn.snapshot), reminderOffer: turn.meta?.reminderOffer };
        // The scripts are built so that every event moves the conversation: a lost one would show.
        if (isDeepStrictEqual(state, before)) unchanged.push(`conversation ${c}, event ${k} (${JSON.stringify(state.value)})`);
        before = state;
        if (state.routeId) routes.add(state.routeId);
      }
      const live = await storedSnapshot(userId);
      const diffsBefore = stateDiffs.length;
      for (const field of ["facts", "routeId", "asked", "pending", "value"] as const) {
        const want = stateOf(expected)[field];
        const got = stateOf(live)[field];
        if (!isDeepStrictEqual(got, want)) stateDiffs.push(`conversation ${c}: ${field} is ${JSON.stringify(got)}, one instance: ${JSON.stringify(want)}`);
      }
      if (stateDiffs.length === diffsBefore && !isDeepStrictEqual(live, expected)) stateDiffs.push(`conversation ${c}: the snapshots differ`);
    }
    await single.close();
    expect(stateDiffs).toEqual([]);
    expect(replyDiffs).toEqual([]);
    expect(unchanged).toEqual([]);
    // The scripts went through many routes, not one path over and over.
    expect(routes.size).toBeGreaterThanOrEqual(8);

    const kinds = new Map<string, number>();
    for (const e of allEvents) {
      const data = new URLSearchParams(e.postback?.data ?? "");
      const kind = e.message ? "text" : data.has("d") ? "calendar" : `tap ${data.get("c") === "restart" || data.get("c") === "contact" ? data.get("c") : "answer"}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.info(
      `multi-instance: 1,000 events + ${CONVERSATIONS} redeliveries in ${Math.round(sendMs)} ms ` +
        `(${Math.round(1_000 / (sendMs / 1_000))} events/s); turns A=${turns[0]} B=${turns[1]}; ${routes.size} routes reached; ` +
        [...kinds].map(([kind, n]) => `${kind} ${n}`).join(", "),
    );
  }, 90_000); // about 10 s alone on two cores; room for a machine busy with other suites (kills.test.ts runs beside it)

  it("SIGKILL of one instance mid-conversation: the other resumes it with the same open question and facts", async () => {
    const [c, d] = (await spawnInstances(["C", "D"])) as [Instance, Instance];
    const userId = newUserId();
    const events: LineEvent[] = [];
    const send = async (to: Instance, event: LineEvent) => {
      expect(await deliver(to.url, event)).toBe(200);
      return watcher.reply(event.replyToken);
    };
    const turnOn = async (to: Instance, move: Move) => {
      const event = lineEvent(userId, move);
      events.push(event);
      return send(to, event);
    };

    let messages = await turnOn(c, { kind: "text", text: "利用者証明用の暗証番号がロックされました" });
    messages = await turnOn(d, firstButton(messages));
    messages = await turnOn(c, firstButton(messages));
    const before = await storedSnapshot(userId);
    expect(before?.context.pending).toBeTruthy();
    const pending: string = before.context.pending;

    c.child.kill("SIGKILL");
    expect(await c.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(await storedSnapshot(userId)).toEqual(before);

    // The answer to the open question goes to the dead instance and is refused at the connection, so
    // LINE redelivers it; the load balancer hands the redelivery to the live one.
    const answer = lineEvent(userId, firstButton(messages));
    events.push(answer);
    await expect(deliver(c.url, answer)).rejects.toThrow();
    messages = await send(d, redelivery(answer));

    const after = await storedSnapshot(userId);
    // The tap answered the question that was open before the crash (its button carries the slot).
    expect(new URLSearchParams(answer.postback?.data ?? "").get("s")).toBe(pending);
    expect(after.context.facts).toEqual({ ...before.context.facts, [pending]: after.context.facts[pending] });
    expect(after.context.facts[pending]).toBeDefined();
    expect(after.context.asked.slice(0, before.context.asked.length)).toEqual(before.context.asked);
    expect(after.context.pending).not.toBe(pending);

    // Two more turns on the survivor, then: the same replies and state as one instance that never died.
    for (let k = 4; k < 6; k++) messages = await turnOn(d, nextMove(1, k, messages, pool));
    const single = singleInstance();
    let expected: { messages: unknown[]; snapshot: any } | undefined;
    for (const event of events) {
      expected = await single.handle(event);
      // Accepted calls: a resumed event's second try with a used token is refused by LINE (400), which is
      // how it learns that the reply got through.
      expect(watcher.calls(event.replyToken).filter((call) => call.status === 200).map((call) => call.body.messages)).toEqual([expected.messages]);
    }
    await single.close();
    expect(await storedSnapshot(userId)).toEqual(expected?.snapshot);

    d.child.kill("SIGTERM");
    expect(await d.exited, d.output()).toEqual({ code: 0, signal: null });
  });

  it("SIGTERM with requests in flight: they finish and their replies arrive, no new connection or request is accepted, exit 0", async () => {
    const [e] = (await spawnInstances(["E"])) as [Instance];
    // A client that keeps its connection open between requests, as a load balancer does.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const monitor = await admin.monitor();
    // A MONITOR line still arriving while it disconnects (the instances' inbox reads write one every
    // half second) is reported by ioredis as an error event: not this test's concern.
    monitor.on("error", () => undefined);
    try {
      const session = await request(agent, "POST", `${e.url}/api/chat/sessions`, {});
      expect(session.status).toBe(201);
      issuedIds.add(session.json.sessionId);
      const webConversation = `web:${session.json.sessionId}`;
      const userId = newUserId();
      const locks = [`mcr:lock:${webConversation}`, `mcr:lock:line:${userId}`];

      // Hold both conversations' locks (as another instance would), so that a web chat message (on the
      // kept-alive connection) and a LINE event are certainly in flight, waiting, when the signal comes.
      for (const key of locks) expect(await admin.set(key, "held-by-the-test", "PX", 20_000, "NX")).toBe("OK");
      const tried = new Set<string>();
      monitor.on("monitor", (_time: string, args: string[]) => {
        if (args[0]?.toLowerCase() === "set" && locks.includes(args[1] ?? "")) tried.add(args[1] ?? "");
      });
      const web = request(agent, "POST", `${e.url}/api/chat/sessions/${session.json.sessionId}/messages`, { text: "4桁の暗証番号を2回間違えてしまいました" });
      let webDone = false;
      const settled = () => (webDone = true);
      void web.then(settled, settled);
      const event = lineEvent(userId, { kind: "text", text: "マイナンバーカードを落としました" });
      expect(await deliver(e.url, event)).toBe(200);
      await waitUntil(() => tried.size === locks.length, 10_000, "both requests waiting for their conversation's lock");

      e.child.kill("SIGTERM");
      await waitUntil(async () => (await tryConnect(e.port)) === "refused", 5_000, "new connections refused after SIGTERM");
      // Still in flight: no answer yet, no reply, the process alive.
      expect(webDone).toBe(false);
      expect(watcher.calls(event.replyToken)).toEqual([]);
      expect(e.child.exitCode).toBeNull();

      const released = performance.now();
      await admin.del(...locks);
      const res = await web;
      expect(res.status).toBe(200);
      expect(res.json.replies.length).toBeGreaterThan(0);
      // The kept-alive connection ends with the answer: the next request finds no open door.
      expect(res.headers.connection).toBe("close");
      await expect(request(agent, "GET", `${e.url}/healthz`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
      const messages = await watcher.reply(event.replyToken);
      expect(messages.length).toBeGreaterThan(0);
      expect(await e.exited, e.output()).toEqual({ code: 0, signal: null });
      // Without waiting for the kept-alive connection to time out (the server's keepAliveTimeout is 5 s).
      expect(performance.now() - released).toBeLessThan(4_000);
      expect(e.output()).not.toMatch(/"level":(50|60)/);
    } finally {
      monitor.disconnect();
      agent.destroy();
    }
  });
});
