/**
 * What the bot could not read (issue 18), end to end over the web chat: a message from which the
 * language layer took nothing is kept masked (PIN and 個人番号 by the PII guard; phone number, e-mail
 * address, postal code and address here), counted by identical text, and nothing else of the
 * conversation is kept for it; the store's bytes (SQLite file, every Redis key and value, the memory
 * tallies) are searched for each secret. `UNREAD_MESSAGES_DAYS=0` keeps nothing.
 */
import { DatabaseSync } from "node:sqlite";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { topUnread, maskUnread } from "../../src/analytics/unread.ts";
import { individualNumberCheckDigit } from "../../src/nlu/index.ts";
import type { RunningServer } from "../../src/main.ts";
import { testRedisUrl } from "../helpers/redis.ts";
import { postJson, startTestServer } from "../helpers/server.ts";

const NUMBER = `31415926535${individualNumberCheckDigit("31415926535")}`;
const SECRETS = ["7093", NUMBER, "090-1234-5678", "09012345678", "taro.yamada@example.jp", "100-0001", "千代田1-1", "千代田区"];
/** Unreadable: no symptom, no fact, no answer to the first question. */
const TEXT = `こんにちは。暗証番号は7093、マイナンバーは${NUMBER}です。電話は090-1234-5678、メールは taro.yamada@example.jp、住所は〒100-0001 東京都千代田区千代田1-1です`;
const KEPT = "こんにちは。暗証番号は****、マイナンバーは****です。電話は［電話番号］、メールは ［メール］、住所は［郵便番号］ ［住所］です";
const DAY = "2026-11-21";
const BOT_NOW = "2026-11-21T10:00:00+09:00";

const REDIS_URL = testRedisUrl(5);
const dir = mkdtempSync(join(tmpdir(), "mcr-unread-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sqliteBytes = (d: string) =>
  readdirSync(d)
    .map((f) => readFileSync(join(d, f)).toString("utf8"))
    .join("\n");

async function redisDump(): Promise<string> {
  const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 0 });
  const out: string[] = [];
  for (const key of await admin.keys("*")) {
    const type = await admin.type(key);
    const value = type === "string" ? await admin.get(key) : type === "hash" ? JSON.stringify(await admin.hgetall(key)) : `<${type}>`;
    out.push(`${key}\t${value}`);
  }
  admin.disconnect();
  return out.join("\n");
}

/**
 * Everything the store holds outside the conversations' own records. A web conversation keeps its
 * transcript (redacted and masked, for a reload: issue 15) until it expires; what the unread messages
 * add must be nowhere else.
 */
function sqliteOutsideConversations(d: string): string {
  const db = new DatabaseSync(join(d, "sessions.db"), { readOnly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'conversations'").all() as { name: string }[];
    return tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join("\n");
  } finally {
    db.close();
  }
}

async function redisOutsideConversations(): Promise<string> {
  return (await redisDump())
    .split("\n")
    .filter((line) => !line.startsWith("mcr:conv:"))
    .join("\n");
}

async function flushRedis() {
  const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 0 });
  await admin.flushdb();
  admin.disconnect();
}

async function say(server: RunningServer, text: string): Promise<any[]> {
  const session = await postJson(`${server.url}/api/chat/sessions`, {});
  const res = await postJson(`${server.url}/api/chat/sessions/${session.json.sessionId}/messages`, { text });
  expect(res.status).toBe(200);
  return res.json.replies;
}

describe("masking (unit)", () => {
  it("masks phone numbers, e-mail addresses, postal codes and addresses, full-width too", () => {
    expect(maskUnread("電話は０３－１２３４－５６７８、(0120)95-0178 か +81 90-1234-5678 へ")).toBe("電話は［電話番号］、［電話番号］ か ［電話番号］ へ");
    expect(maskUnread("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ に")).toBe("［メール］ に");
    expect(maskUnread("見本市本町二丁目3番4号の者です")).toBe("［住所］の者です");
    expect(maskUnread("大阪府大阪市北区に住んでいます")).toBe("［住所］に住んでいます");
    expect(maskUnread("カードが　　読めない\n\n\nです")).toBe("カードが 読めない\nです");
    expect(maskUnread("2026年に 123456 のコード")).toBe("2026年に ＊＊＊＊ のコード");
  });
});

const STORES = [
  {
    name: "memory",
    env: () => ({ SESSION_STORE: "memory" }),
    contents: async (s: RunningServer) => JSON.stringify(await s.analytics.tally.read(`unread:${DAY}`)),
    outside: async (s: RunningServer) => JSON.stringify(await s.analytics.tally.read(`unread:${DAY}`)),
  },
  {
    name: "sqlite",
    env: () => ({ SESSION_STORE: `sqlite:${join(dir, "sqlite", "sessions.db")}` }),
    contents: async () => sqliteBytes(join(dir, "sqlite")),
    outside: async () => sqliteOutsideConversations(join(dir, "sqlite")),
  },
  { name: "redis (db 5)", env: () => ({ SESSION_STORE: REDIS_URL }), contents: async () => redisDump(), outside: async () => redisOutsideConversations() },
];

describe.each(STORES)("unread messages: $name", ({ env, contents, outside }) => {
  it("keeps an unreadable message masked, counted by identical text, and nothing of the secrets", async () => {
    await flushRedis();
    const server = await startTestServer({ ...env(), BOT_NOW });
    try {
      const replies = await say(server, TEXT);
      expect(replies.some((r) => r.type === "question" && r.text.startsWith("すみません、うまく読み取れませんでした"))).toBe(true);
      await say(server, TEXT.replace("090-1234-5678", "09012345678")); // another phone number, the same kept text
      await say(server, "失効と表示されました"); // read: not kept
      await server.analytics.flush();
      expect(await topUnread(server.analytics.tally, DAY, DAY)).toEqual([{ text: KEPT, count: 2 }]);
      const stored = await contents(server);
      expect(stored).toContain("［電話番号］");
      for (const secret of SECRETS) expect(stored, secret).not.toContain(secret);
      // Nothing else of the conversation is kept for it (the web conversation's own record aside).
      expect(await outside(server)).not.toContain("失効と表示されました");
    } finally {
      await server.close();
    }
  });
});

describe("UNREAD_MESSAGES_DAYS=0", () => {
  it("keeps nothing (sqlite and redis)", async () => {
    await flushRedis();
    for (const spec of [`sqlite:${join(dir, "off", "sessions.db")}`, REDIS_URL]) {
      const server = await startTestServer({ SESSION_STORE: spec, BOT_NOW, UNREAD_MESSAGES_DAYS: "0" });
      try {
        await say(server, TEXT);
        await server.analytics.flush();
        expect(await topUnread(server.analytics.tally, DAY, DAY)).toEqual([]);
        expect(await server.analytics.tally.read(`unread:${DAY}`)).toEqual({});
        // The day's figures are still counted.
        expect(await server.analytics.tally.read(`figures:${DAY}`)).toMatchObject({ "conversations:web:ja": 1 });
      } finally {
        await server.close();
      }
    }
    expect(sqliteOutsideConversations(join(dir, "off"))).not.toContain("［電話番号］");
    expect(sqliteBytes(join(dir, "off"))).not.toContain("090-1234-5678");
    expect(await redisDump()).not.toContain("unread");
  });
});
