/**
 * Additions to the web chat API for the chat page (issue 15), over real HTTP against the real server:
 * `GET /api/chat/sessions/:id` restores a conversation (the transcript), `redactedText` tells the page
 * that a PIN was discarded, and after a `contact-city` answer 「窓口に相談したい」 is not offered again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/main.ts";
import { TRANSCRIPT_ENTRIES } from "../../../src/core/transcript.ts";
import { postJson, startTestServer } from "../../helpers/server.ts";

const BOT_NOW = "2026-11-21T10:00:00+09:00";
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_NOW });
});
afterAll(() => server.close());

async function newSession(url = server.url) {
  const res = await postJson(`${url}/api/chat/sessions`, {});
  expect(res.status).toBe(201);
  return res.json as { sessionId: string; replies: any[] };
}
const say = (id: string, body: unknown, url = server.url) => postJson(`${url}/api/chat/sessions/${id}/messages`, body);
const restore = async (id: string, url = server.url) => {
  const res = await fetch(`${url}/api/chat/sessions/${id}`);
  return { status: res.status, json: (await res.json()) as any, headers: res.headers };
};

describe("GET /api/chat/sessions/:id (restoring the page)", () => {
  it("returns the conversation so far: greeting, the resident's texts and taps, the bot's replies", async () => {
    const { sessionId, replies: greeting } = await newSession();
    const first = await say(sessionId, { text: "電子証明書が失効していると出ました" });
    const second = await say(sessionId, { choice: "yes" });
    expect(second.json.replies.some((r: any) => r.type === "route")).toBe(true);

    const res = await restore(sessionId);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.json).toMatchObject({ sessionId, handoff: false });
    expect(typeof res.json.cursor).toBe("string");
    expect(res.json.transcript).toEqual([
      { from: "bot", replies: greeting },
      { from: "resident", text: "電子証明書が失効していると出ました" },
      { from: "bot", replies: first.json.replies },
      { from: "resident", text: "はい" }, // the tapped choice's label, not its value
      { from: "bot", replies: second.json.replies },
    ]);
  });

  it("keeps only the last entries", async () => {
    const { sessionId } = await newSession();
    for (let i = 0; i < TRANSCRIPT_ENTRIES; i++) await say(sessionId, { text: `カードの質問 ${i}` });
    const { json } = await restore(sessionId);
    expect(json.transcript).toHaveLength(TRANSCRIPT_ENTRIES);
    expect(json.transcript.at(-2)).toEqual({ from: "resident", text: `カードの質問 ${TRANSCRIPT_ENTRIES - 1}` });
  });

  it("404 for an unknown or malformed session id", async () => {
    const unknown = await restore("AAAAAAAAAAAAAAAAAAAAAAAA");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("NOT_FOUND");
    expect((await restore("not-a-session")).status).toBe(404);
  });

  it("survives a restart with the SQLite store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mcr-web-restore-"));
    try {
      const env = { BOT_NOW, SESSION_STORE: `sqlite:${join(dir, "s.db")}` };
      let s = await startTestServer(env);
      const { sessionId } = await newSession(s.url);
      await say(sessionId, { text: "マイナンバーカードを落としました" }, s.url);
      await s.close();
      s = await startTestServer(env);
      try {
        const { status, json } = await restore(sessionId, s.url);
        expect(status).toBe(200);
        expect(json.transcript[1]).toEqual({ from: "resident", text: "マイナンバーカードを落としました" });
        expect(json.transcript[2].replies.find((r: any) => r.type === "route").routeId).toBe("card-lost");
      } finally {
        await s.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a PIN in the resident's message", () => {
  it("the answer carries the text as kept (redactedText), and the transcript holds only that", async () => {
    const { sessionId } = await newSession();
    const res = await say(sessionId, { text: "暗証番号は4831です。ロックされました" });
    expect(res.status).toBe(200);
    expect(res.json.redactedText).toBe("暗証番号は＊＊＊＊です。ロックされました");
    expect(res.text).not.toContain("4831");
    const { json } = await restore(sessionId);
    expect(JSON.stringify(json)).not.toContain("4831");
    expect(json.transcript[1]).toEqual({ from: "resident", text: "暗証番号は＊＊＊＊です。ロックされました" });
  });

  it("a choice value that is no button's, carrying a PIN, is kept redacted too", async () => {
    const { sessionId } = await newSession();
    const res = await say(sessionId, { choice: "暗証番号は4831です" });
    expect(res.status).toBe(200);
    const { json } = await restore(sessionId);
    expect(JSON.stringify(json)).not.toContain("4831");
    expect(json.transcript[1]).toEqual({ from: "resident", text: "暗証番号は＊＊＊＊です" });
  });

  it("no redactedText when nothing was discarded", async () => {
    const { sessionId } = await newSession();
    const res = await say(sessionId, { text: "暗証番号がロックされました" });
    expect(res.json).not.toHaveProperty("redactedText");
  });
});

describe("after a contact-city answer", () => {
  it("offers starting over but not 「窓口に相談したい」 again (also in the restored transcript)", async () => {
    const { sessionId } = await newSession();
    const lost = await say(sessionId, { text: "マイナンバーカードを落としました" });
    const offered = lost.json.replies.at(-1);
    expect(offered.choices.map((c: any) => c.value)).toEqual(["resolved", "not-resolved", "restart", "contact"]);
    const contact = await say(sessionId, { choice: "contact" });
    expect(contact.json.replies.find((r: any) => r.type === "route").routeId).toBe("contact-city");
    const follow = contact.json.replies.at(-1);
    expect(follow).toMatchObject({ type: "question", slot: "followUp" });
    expect(follow.choices.map((c: any) => c.value)).toEqual(["resolved", "not-resolved", "restart"]);
    const { json } = await restore(sessionId);
    expect(json.transcript.at(-2)).toEqual({ from: "resident", text: "窓口に相談したい" });
    expect(json.transcript.at(-1).replies.at(-1).choices.map((c: any) => c.value)).toEqual(["resolved", "not-resolved", "restart"]);
  });
});
