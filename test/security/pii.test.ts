/**
 * The PII guard end to end (issue 6): a message carrying a PIN, a password-like token or a valid
 * 12-digit 個人番号 is answered with a gentle warning, the diagnosis goes on with the rest of the
 * message, and the secret is found nowhere afterwards: not in the session store (the SQLite file's
 * bytes, every Redis key and value), not in the logs (captured at `trace`), not in `/metrics`, and not
 * in what the bot sent back. Through every channel: web over HTTP, LINE as signed webhooks against the
 * fake Messaging API, Slack as signed events against the fake Web API.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../flows/certificate-recovery/messages.ts";
import { individualNumberCheckDigit } from "../../src/nlu/index.ts";
import { startHarness, type Harness, type TurnLine } from "./harness.ts";
import { testRedisUrl } from "../helpers/redis.js";

const fullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");

const PIN = "7093";
const PASSWORD = "QX7K2M9P";
const NUMBER = `31415926535${individualNumberCheckDigit("31415926535")}`;

/** Each secret in every form it could be kept in: as typed, full-width, JSON-escaped full-width. */
const NEEDLES: { name: string; find: (haystack: string) => boolean }[] = [PIN, PASSWORD, NUMBER].flatMap((secret) => {
  const wide = fullWidth(secret);
  const escaped = JSON.stringify(wide).slice(1, -1).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  // A 4-digit PIN could occur by chance inside a longer number (a timestamp, a byte count): only a
  // free-standing 7093 counts (a \\uXXXX escape right before it is not a number).
  const plain = /^[0-9]{4}$/.test(secret) ? new RegExp(`(?:(?<![0-9.])|(?<=\\\\u[0-9a-fA-F]{4}))${secret}(?![0-9.])`) : new RegExp(secret);
  return [
    { name: secret, find: (h: string) => plain.test(h) },
    { name: `${secret} (full-width)`, find: (h: string) => h.includes(wide) },
    { name: `${secret} (full-width, \\u-escaped)`, find: (h: string) => h.toLowerCase().includes(escaped.toLowerCase()) },
  ];
});

/** Fail with the places where a secret was found. */
function expectNoSecrets(where: string, haystack: string): void {
  const found = NEEDLES.filter((n) => n.find(haystack)).map((n) => n.name);
  expect(found, `${where} holds ${found.join(", ")}`).toEqual([]);
}

/** The messages: each with its secret(s), and the same message without them. */
const CASES = [
  { name: "a 4-digit PIN after 暗証番号", text: `利用者証明用の暗証番号は${PIN}です。3回間違えてロックされました`, clean: "利用者証明用の暗証番号を3回間違えてロックされました" },
  { name: "an upper-case password", text: `署名用のパスワード${PASSWORD}を5回間違えてロックされました`, clean: "署名用のパスワードを5回間違えてロックされました" },
  { name: "a valid 個人番号", text: `マイナンバーは${NUMBER}です。電子証明書が失効していると出ました`, clean: "電子証明書が失効していると出ました" },
  {
    name: "full-width PIN and 個人番号",
    text: `暗証番号は${fullWidth(PIN)}、マイナンバーは${fullWidth(NUMBER)}です。カードをなくしました`,
    clean: "カードをなくしました",
  },
  { name: "a full-width password", text: `パスワードは${fullWidth(PASSWORD)}です。署名用の暗証番号を忘れました`, clean: "署名用の暗証番号を忘れました" },
];

const WARNING = MESSAGES.piiWarning;

describe("the search for secrets", () => {
  it("finds each secret where it is (as typed, full-width, JSON-escaped) and not in near misses", () => {
    for (const c of CASES) {
      expect(NEEDLES.some((n) => n.find(c.text)), c.name).toBe(true);
      const escaped = JSON.stringify(c.text).replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
      expect(NEEDLES.some((n) => n.find(escaped)), `${c.name} escaped`).toBe(true);
      expect(NEEDLES.some((n) => n.find(Buffer.from(c.text).toString("latin1") + Buffer.from(c.text).toString("utf8"))), `${c.name} as bytes`).toBe(true);
    }
    expect(NEEDLES.some((n) => n.find("updatedAt 1763709300123 size 0.7093 17093 70931"))).toBe(false);
    expect(NEEDLES.some((n) => n.find("\\u306f7093\\u3067"))).toBe(true);
  });
});
const REDIS_URL = testRedisUrl(14);

/** Where the conversation stands after a turn: the route reached, or the question asked. */
const stepOf = (t: { routeId?: string; pendingSlot?: string }) => t.routeId ?? `question:${t.pendingSlot}`;

interface StoreUnderTest {
  name: string;
  env: () => Record<string, string>;
  setUp(): Promise<void>;
  /** Everything the store holds, as text to search. */
  contents(): Promise<string>;
  tearDown(): Promise<void>;
}

const sqliteDir = mkdtempSync(join(tmpdir(), "mcr-pii-"));
const sqlitePath = join(sqliteDir, "sessions.db");
/** The database file and its -wal / -shm companions, byte for byte (latin1 keeps ASCII as is). */
const sqliteBytes = () =>
  readdirSync(sqliteDir)
    .map((f) => {
      const bytes = readFileSync(join(sqliteDir, f));
      return `${bytes.toString("latin1")}\n${bytes.toString("utf8")}`;
    })
    .join("\n");

const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
admin.on("error", () => {});

/** Every key in db 14 with its value, whatever the type. */
async function redisDump(): Promise<string> {
  const out: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await admin.scan(cursor, "COUNT", "500");
    cursor = next;
    for (const key of keys) {
      const type = await admin.type(key);
      let value: unknown;
      if (type === "string") value = await admin.get(key);
      else if (type === "hash") value = await admin.hgetall(key);
      else if (type === "list") value = await admin.lrange(key, 0, -1);
      else if (type === "set") value = await admin.smembers(key);
      else if (type === "zset") value = await admin.zrange(key, "0", "-1", "WITHSCORES");
      else value = `<${type}>`;
      out.push(`${key}\t${typeof value === "string" ? value : JSON.stringify(value)}`);
    }
  } while (cursor !== "0");
  return out.join("\n");
}

const STORES: StoreUnderTest[] = [
  {
    name: "sqlite",
    env: () => ({ SESSION_STORE: `sqlite:${sqlitePath}` }),
    async setUp() {},
    contents: async () => sqliteBytes(),
    async tearDown() {
      rmSync(sqliteDir, { recursive: true, force: true });
    },
  },
  {
    name: "redis (db 14)",
    env: () => ({ SESSION_STORE: REDIS_URL }),
    async setUp() {
      try {
        await admin.connect();
        await admin.ping();
      } catch (error) {
        throw new Error(`Redis is not reachable at ${REDIS_URL} (${(error as Error).message}); these tests need a real Redis and never skip.`);
      }
      await admin.flushdb();
    },
    contents: redisDump,
    async tearDown() {
      if (admin.status === "ready") {
        await admin.flushdb();
        await admin.quit();
      } else admin.disconnect();
    },
  },
];

describe.each(STORES)("PII guard with the $name store", (store) => {
  let h: Harness;
  /** What the bot does with each clean message (the diagnosis the PII message must continue). */
  const expected = new Map<string, string>();
  const conversations: { channel: string; id: string }[] = [];

  beforeAll(async () => {
    await store.setUp();
    h = await startHarness(store.env());
    for (const c of CASES) {
      const { sessionId } = await h.web.newSession();
      const res = await h.web.say(sessionId, { text: c.clean });
      expect(res.status).toBe(200);
      const turn = await h.turnOf(`web:${sessionId}`, 2);
      expect(turn.piiFound).toBe(false);
      expected.set(c.name, stepOf(turn));
    }
  });
  afterAll(async () => {
    await h?.close();
    await store.tearDown();
  });

  /** The warning came first, the diagnosis went on, and nothing in the turn says more than it should. */
  function expectContinued(c: (typeof CASES)[number], turn: TurnLine) {
    expect(turn.piiFound).toBe(true);
    const step = stepOf(turn);
    expect(step).toBe(expected.get(c.name));
    expect(step).not.toBe("question:symptom");
  }

  it.each(CASES)("web: $name → warning, diagnosis goes on", async (c) => {
    const { sessionId } = await h.web.newSession();
    const res = await h.web.say(sessionId, { text: c.text });
    expect(res.status).toBe(200);
    const replies = res.json.replies as any[];
    expect(replies[0]).toEqual({ type: "text", text: WARNING });
    expect(replies.slice(1).some((r) => r.type === "question" || r.type === "route")).toBe(true);
    expectNoSecrets("the web reply", res.text);
    const conversationId = `web:${sessionId}`;
    conversations.push({ channel: "web", id: conversationId });
    expectContinued(c, await h.turnOf(conversationId, 2));
    // The conversation carries on from there.
    const next = await h.web.say(sessionId, { choice: "unknown" });
    expect(next.status).toBe(200);
  });

  it.each(CASES)("LINE: $name → warning, diagnosis goes on", async (c) => {
    const { conversationId, messages } = await h.lineText(c.text);
    // The warning opens the reply (LINE's renderer may join it to the question's text).
    expect(messages[0].type).toBe("text");
    expect(messages[0].text.startsWith(WARNING)).toBe(true);
    expectNoSecrets("the LINE reply", JSON.stringify(messages));
    conversations.push({ channel: "line", id: conversationId });
    expectContinued(c, await h.turnOf(conversationId));
  });

  it.each(CASES)("Slack: $name → warning, diagnosis goes on", async (c) => {
    const { conversationId, post } = await h.slackDm(c.text);
    const sent = JSON.stringify(post.body);
    expect(sent).toContain("送らないでください");
    expectNoSecrets("the Slack post", sent);
    conversations.push({ channel: "slack", id: conversationId });
    expectContinued(c, await h.turnOf(conversationId));
  });

  it("the secrets are found nowhere: store, logs, /metrics", async () => {
    // (Every turn above has completed: each test waited for its turn log line.)
    // The store really holds these conversations (so an empty search means something).
    for (const { id } of conversations) expect(await h.server.store.get(id), id).toBeDefined();
    const stored = await store.contents();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toContain(conversations.find((c) => c.channel === "web")!.id);
    expectNoSecrets(`the ${store.name} store`, stored);

    // Logs: a line per turn with piiFound, never the text or the secret.
    const turns = h.logObjects().filter((l) => l.msg === "turn" && l.piiFound === true);
    expect(new Set(turns.map((t) => t.channel))).toEqual(new Set(["web", "line", "slack"]));
    expect(turns).toHaveLength(CASES.length * 3);
    const logText = h.logs.join("");
    for (const c of CASES) expect(logText).not.toContain(c.clean);
    expectNoSecrets("the logs", logText);

    // Metrics: counted, never carried.
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    for (const channel of ["web", "line", "slack"]) {
      expect(metrics).toContain(`mcr_pii_discarded_total{channel="${channel}"} ${CASES.length}`);
    }
    expectNoSecrets("/metrics", metrics);

    // After a clean shutdown (the SQLite WAL is checkpointed into the file), still nowhere.
    await h.close();
    expectNoSecrets(`the ${store.name} store after shutdown`, await store.contents());
  });
});
