/**
 * Part 2: the LINE webhook over HTTP. autocannon (here, in the parent) posts correctly signed bodies
 * to `POST /webhooks/line` of a server in a child process, whose replies go to the fake Messaging API
 * in a third process. Every request is a new event (fresh webhookEventId, reply token, timestamp);
 * users walk through the example conversations (first text as a message, then the answers as
 * postbacks `c=<value>` or typed messages), several hundred users at a time, a new userId for each
 * conversation. The same traffic goes to the baseline — a bare express + SDK `middleware` echo bot —
 * started the same way.
 *
 * Both answer 200 before they reply, so autocannon's figures are the acknowledgements; the work after
 * the 200 is measured at the fake API: replies accepted per second from the first request to the last
 * reply (the backlog drained), which is the throughput that matters to a resident.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signLineBody, TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../../test/channels/line/sign.ts";
import { figures, fire, type HttpFigures, type HttpRun, type Load } from "../lib/autocannon.ts";
import { spawnChild, type BenchChild } from "../lib/child.ts";
import type { Knobs } from "../lib/knobs.ts";
import { BENCH_NOW, type Script } from "../lib/scripts.ts";
import { load1, sleep } from "../lib/stats.ts";

export interface LineTargetResult extends HttpFigures {
  target: "ours" | "baseline";
  /** Measured rounds (their figures are summed; percentiles over every response). */
  rounds: number;
  /** Replies accepted by the fake API per second, first request to last reply. */
  repliesPerSecond: number;
  replies: number;
  /** Events acknowledged but not yet replied to when autocannon stopped (worst round). */
  backlogAtEnd: number;
  /** Time after autocannon stopped until the last reply (worst round). */
  drainMs: number;
  /** Calls the fake API refused (400/401): should be 0. */
  rejectedReplies: number;
  /** The server process's CPU time per acknowledged event (user + system, reply included), ms. */
  cpuMsPerEvent: number;
  /** The same for the load generator (this process: autocannon, signing) and the fake API, ms. */
  generatorCpuMsPerEvent: number;
  fakeApiCpuMsPerEvent: number;
  rssMb?: number;
  /** Highest 1-minute load average seen at the end of a round. */
  load1: number;
}

export interface LineResult {
  connections: number;
  store: string;
  logLevel: string;
  ours: LineTargetResult;
  baseline: LineTargetResult;
  /** ours / baseline, acknowledged requests per second. */
  ratio: number;
  /** ours / baseline, replies per second (work done). */
  replyRatio: number;
  /**
   * baseline / ours CPU time per event: the throughput ratio the two would have with a core each to
   * themselves, unaffected by what else the machine runs.
   */
  cpuRatio: number;
}

/** The webhook traffic: users walking through the example conversations, round robin over `slots`. */
export class LineTraffic {
  readonly #scripts: Script[];
  readonly #users: { userId: string; script: Script; step: number }[] = [];
  readonly #prefix = randomBytes(6).toString("hex");
  #usersStarted = 0;
  #events = 0;
  #turn = 0;

  constructor(scripts: Script[], slots: number) {
    this.#scripts = scripts;
    for (let i = 0; i < slots; i++) this.#users.push(this.#newUser());
  }

  #newUser() {
    const n = this.#usersStarted++;
    const script = this.#scripts[n % this.#scripts.length];
    if (!script) throw new Error("no scripts");
    return { userId: `U${this.#prefix}${n.toString(16).padStart(20, "0")}`, script, step: 0 };
  }

  /** The next webhook body and its signature. */
  next(): { body: string; headers: Record<string, string> } {
    const slot = this.#turn++ % this.#users.length;
    let user = this.#users[slot];
    if (!user || user.step >= user.script.steps.length) {
      user = this.#newUser();
      this.#users[slot] = user;
    }
    const step = user.script.steps[user.step++];
    const n = this.#events++;
    const common = {
      mode: "active",
      timestamp: Date.now(),
      source: { type: "user", userId: user.userId },
      webhookEventId: `01${this.#prefix.toUpperCase()}${n.toString(16).toUpperCase().padStart(12, "0")}`,
      deliveryContext: { isRedelivery: false },
      replyToken: randomBytes(16).toString("hex"),
    };
    let event: object;
    if (step?.kind === "choice") event = { type: "postback", ...common, postback: { data: `c=${encodeURIComponent(step.value)}` } };
    else if (step?.kind === "restart") event = { type: "postback", ...common, postback: { data: "a=restart" } };
    else {
      const text = step?.kind === "text" ? step.text : "こんにちは";
      event = { type: "message", ...common, message: { id: String(1e17 + n), type: "text", quoteToken: common.replyToken, text } };
    }
    const body = JSON.stringify({ destination: "Ub45d697d1aa722245ed0115a880c8aa9", events: [event] });
    return { body, headers: { "content-type": "application/json; charset=utf-8", "x-line-signature": signLineBody(body, TEST_CHANNEL_SECRET) } };
  }
}

async function stats(fake: BenchChild) {
  const s = await fake.call("stats");
  return { replies: Number(s.replies), rejected: Number(s.rejected), lastReplyAt: Number(s.lastReplyAt) };
}

/** Wait until the fake has `expected` replies, or they stop coming for `quietMs`. */
async function drain(fake: BenchChild, expected: number, quietMs = 2_000, maxMs = 60_000) {
  const started = Date.now();
  let last = await stats(fake);
  let lastChange = Date.now();
  while (last.replies < expected && Date.now() - lastChange < quietMs && Date.now() - started < maxMs) {
    await sleep(50);
    const now = await stats(fake);
    if (now.replies !== last.replies) lastChange = Date.now();
    last = now;
  }
  return last;
}

type Target = "ours" | "baseline";

interface Round {
  http: HttpRun;
  replies: number;
  rejected: number;
  /** First request to the last reply (or to autocannon's end if later), ms. */
  activeMs: number;
  backlogAtEnd: number;
  drainMs: number;
  /** CPU time over the round and its drain, µs: the server, this process, the fake API. */
  cpuUs: number;
  generatorCpuUs: number;
  fakeCpuUs: number;
  load1: number;
}

const cpuOf = async (server: BenchChild) => Number((await server.call("usage")).cpuUs);

/** One measured round against one target: autocannon, then wait for the replies to drain. */
async function round(load: Load, server: BenchChild, fake: BenchChild): Promise<Round> {
  await fake.call("reset");
  const cpu0 = await cpuOf(server);
  const fake0 = await cpuOf(fake);
  const gen0 = process.cpuUsage();
  const startedAt = Date.now();
  const http = await fire(load);
  const stoppedAt = Date.now();
  const atEnd = await stats(fake);
  const done = await drain(fake, http.ok);
  const cpuUs = (await cpuOf(server)) - cpu0;
  const fakeCpuUs = (await cpuOf(fake)) - fake0;
  const gen = process.cpuUsage(gen0);
  const lastReplyAt = done.lastReplyAt || stoppedAt;
  return {
    http,
    cpuUs,
    fakeCpuUs,
    generatorCpuUs: gen.user + gen.system,
    replies: done.replies,
    rejected: done.rejected,
    activeMs: Math.max(lastReplyAt, stoppedAt) - startedAt,
    backlogAtEnd: Math.max(0, http.ok - atEnd.replies),
    drainMs: Math.max(0, lastReplyAt - stoppedAt),
    load1: load1(),
  };
}

function summarizeRounds(target: Target, rounds: Round[], rssMb: number | undefined): LineTargetResult {
  const replies = rounds.reduce((n, r) => n + r.replies, 0);
  const events = Math.max(1, rounds.reduce((n, r) => n + r.http.ok, 0));
  const perEvent = (us: (r: Round) => number) => rounds.reduce((n, r) => n + us(r), 0) / 1000 / events;
  return {
    target,
    ...figures(
      rounds.map((r) => r.http),
      rounds.flatMap((r) => r.http.latencies),
    ),
    rounds: rounds.length,
    replies,
    repliesPerSecond: (replies / rounds.reduce((n, r) => n + r.activeMs, 0)) * 1000,
    backlogAtEnd: Math.max(...rounds.map((r) => r.backlogAtEnd)),
    drainMs: Math.max(...rounds.map((r) => r.drainMs)),
    rejectedReplies: rounds.reduce((n, r) => n + r.rejected, 0),
    cpuMsPerEvent: perEvent((r) => r.cpuUs),
    generatorCpuMsPerEvent: perEvent((r) => r.generatorCpuUs),
    fakeApiCpuMsPerEvent: perEvent((r) => r.fakeCpuUs),
    ...(rssMb !== undefined ? { rssMb } : {}),
    load1: Math.max(...rounds.map((r) => r.load1)),
  };
}

/**
 * Both servers run side by side (each idle while the other is measured); the measured time is split
 * into rounds in the order baseline, ours, ours, baseline, … so that a change in the machine's load
 * during the run weighs on both alike.
 */
export async function runLine(knobs: Knobs, scripts: Script[]): Promise<LineResult> {
  const dir = mkdtempSync(join(tmpdir(), "bench-line-"));
  const fake = await spawnChild("bench/children/fake-line.ts", { env: { LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN } });
  const servers = new Map<Target, BenchChild>();
  try {
    for (const target of ["baseline", "ours"] as const) {
      const env: Record<string, string> = {
        PORT: "0",
        HOST: "127.0.0.1",
        SESSION_STORE: knobs.httpStore === "memory" ? "memory" : `sqlite:${join(dir, `line-${target}.db`)}`,
        LOG_LEVEL: knobs.logLevel,
        BOT_NOW: BENCH_NOW,
        LINE_CHANNEL_SECRET: TEST_CHANNEL_SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
        LINE_API_BASE_URL: String(fake.ready.url),
      };
      const script = target === "ours" ? "bench/children/server.ts" : "bench/children/echo-line.ts";
      servers.set(target, await spawnChild(script, { env, ...(knobs.profile ? { profileName: `line-${target}` } : {}) }));
    }
    const loads = new Map<Target, Load>();
    for (const [target, server] of servers) {
      const traffic = new LineTraffic(scripts, knobs.connections * 8);
      const load: Load = {
        url: String(server.ready.url),
        connections: knobs.connections,
        seconds: knobs.lineSeconds / knobs.lineRounds,
        method: "POST",
        path: "/webhooks/line",
        next: () => traffic.next(),
      };
      loads.set(target, load);
      // Warm-up (JIT, connections, the store), then let its replies drain.
      await fake.call("reset");
      const warm = await fire({ ...load, seconds: knobs.warmupSeconds });
      await drain(fake, warm.ok, 500);
    }

    const rounds = new Map<Target, Round[]>([
      ["baseline", []],
      ["ours", []],
    ]);
    for (const server of servers.values()) await server.call("profileStart");
    for (let r = 0; r < knobs.lineRounds; r++) {
      const order: Target[] = r % 2 === 0 ? ["baseline", "ours"] : ["ours", "baseline"];
      for (const target of order) {
        const load = loads.get(target);
        const server = servers.get(target);
        if (load && server) rounds.get(target)?.push(await round(load, server, fake));
      }
    }
    for (const server of servers.values()) await server.call("profileStop", 60_000);

    const rss = async (t: Target) => {
      const m = await servers.get(t)?.call("usage").catch(() => undefined);
      return m ? Number(m.rss) / 2 ** 20 : undefined;
    };
    const ours = summarizeRounds("ours", rounds.get("ours") ?? [], await rss("ours"));
    const baseline = summarizeRounds("baseline", rounds.get("baseline") ?? [], await rss("baseline"));
    return {
      connections: knobs.connections,
      store: knobs.httpStore,
      logLevel: knobs.logLevel,
      ours,
      baseline,
      ratio: ours.requestsPerSecond / baseline.requestsPerSecond,
      replyRatio: ours.repliesPerSecond / baseline.repliesPerSecond,
      cpuRatio: baseline.cpuMsPerEvent / ours.cpuMsPerEvent,
    };
  } finally {
    for (const server of servers.values()) await server.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
