/**
 * `npm run report` (scripts/report.ts) as a process, on a seeded SQLite store and on the real Redis:
 * the exact CSV (UTF-8 with a BOM, CRLF, one row per day and route), the Markdown, and the usage errors.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Figures } from "../../src/analytics/figures.ts";
import { createTallyStore, type TallyStore } from "../../src/analytics/tally.ts";
import { UnreadMessages } from "../../src/analytics/unread.ts";
import type { QuestionReply } from "../../src/core/reply.ts";
import type { TurnRecord, TurnResult } from "../../src/core/runtime.ts";
import { runReport } from "../../scripts/report.ts";
import { testRedisUrl } from "../helpers/redis.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "mcr-report-"));
const SQLITE = `sqlite:${join(dir, "sessions.db")}`;
const REDIS_URL = testRedisUrl(6);

function report(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/report.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? "", BOT_NOW: "2026-11-03T12:00:00+09:00", ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, in this process (quicker, for everything but the exact bytes of the CSV). */
async function reportHere(env: Record<string, string>, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const out = { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream;
  const err = { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream;
  const code = await runReport(args, { BOT_NOW: "2026-11-03T12:00:00+09:00", ...env }, out, err);
  return { code, stdout, stderr };
}

const turn = (conversationId: string, result: Partial<TurnResult>): TurnRecord => ({
  conversationId,
  event: "text",
  ms: 1,
  result: { replies: [], locale: "ja", facts: {}, questionsAsked: 0, piiFound: false, started: false, ...result },
});
const question: QuestionReply = { type: "question", slot: "certificate", text: "?", input: "choice", choices: [] };

/** Two days of a small city: 11/01 and 11/03 (11/02 quiet). */
async function seed(tally: TallyStore) {
  let now = new Date("2026-11-01T09:00:00+09:00");
  const figures = new Figures(tally, { now: () => now });
  const unread = new UnreadMessages(tally, { days: 30, now: () => now });
  figures.turn(turn("web:a", { started: true, replies: [question] }));
  figures.turn(turn("web:a", { routeId: "pin-reset-kiosk", questionsAsked: 1 }));
  figures.turn(turn("web:a", { feedback: { routeId: "pin-reset-kiosk", resolved: true } }));
  figures.turn(turn("line:U1", { started: true, routeId: "certificate-renewal", questionsAsked: 0 }));
  figures.turn(turn("line:U1", { feedback: { routeId: "certificate-renewal", resolved: false } }));
  figures.turn(turn("line:U2", { started: true, routeId: "contact-city", questionsAsked: 0 }));
  figures.handoffOpened("1761955200.000100", now);
  await figures.flush();
  now = new Date("2026-11-01T09:12:00+09:00");
  figures.handoffTaken("1761955200.000100", new Date("2026-11-01T09:00:00+09:00"));
  await unread.record("こんにちは、電話は090-1234-5678です");
  await unread.record("こんにちは、電話は03-1111-2222です");
  now = new Date("2026-11-03T15:00:00+09:00");
  figures.turn(turn("slack:T:C:1", { started: true, replies: [question, question] }));
  figures.turn(turn("slack:T:C:1", { routeId: "pin-reset-kiosk", questionsAsked: 2 }));
  figures.turn(turn("slack:T:C:1", { feedback: { routeId: "pin-reset-kiosk", resolved: true } }));
  await figures.flush();
}

const EXPECTED_CSV =
  "\uFEFF" +
  [
    "date,route_id,conversations_web,conversations_line,conversations_slack,questions_asked,answers,questions_before_answer,resolved,not_resolved,handoffs_opened,handoffs_taken,handoff_wait_minutes_avg",
    "2026-11-01,(all),1,2,0,1,3,1,1,1,1,1,12",
    "2026-11-01,certificate-renewal,,,,,1,0,0,1,,,",
    "2026-11-01,contact-city,,,,,1,0,0,0,,,",
    "2026-11-01,pin-reset-kiosk,,,,,1,1,1,0,,,",
    "2026-11-02,(all),0,0,0,0,0,0,0,0,0,0,",
    "2026-11-03,(all),0,0,1,2,1,2,1,0,0,0,",
    "2026-11-03,pin-reset-kiosk,,,,,1,2,1,0,,,",
  ].join("\r\n") +
  "\r\n";

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  { name: "sqlite", spec: SQLITE },
  { name: "redis (db 6)", spec: REDIS_URL },
])("npm run report: $name", ({ spec }) => {
  beforeAll(async () => {
    if (spec.startsWith("redis")) {
      const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 0 });
      await admin.flushdb();
      admin.disconnect();
    }
    const tally = await createTallyStore(spec);
    await seed(tally);
    await tally.close();
  });

  it("prints the expected CSV for the seeded store (BOM, CRLF, one row per day and route)", () => {
    const run = report({ SESSION_STORE: spec }, "--since", "2026-11-01", "--until", "2026-11-03", "--format", "csv");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(EXPECTED_CSV);
  });

  it("prints Markdown by default, until today (BOT_NOW), with the unread messages masked", async () => {
    const run = await reportHere({ SESSION_STORE: spec }, "--since", "2026-11-01");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("期間：2026-11-01 〜 2026-11-03");
    expect(run.stdout).toContain("| 相談（会話）の数 | 4（Web 1 / LINE 2 / Slack 1） |");
    expect(run.stdout).toContain("| 「解決した」 / 「解決しない」 | 2 / 1（解決率 67%） |");
    expect(run.stdout).toContain("| `pin-reset-kiosk` | 2 | 1.5 | 2 | 0 | 100% |");
    expect(run.stdout).toContain("| 2 | こんにちは、電話は［電話番号］です |");
    expect(run.stdout).not.toMatch(/090-1234-5678|03-1111-2222/);
  });
});

describe("npm run report: usage", () => {
  it("refuses a missing or bad --since, a bad --format, an unknown option and the memory store (exit 2)", async () => {
    expect((await reportHere({ SESSION_STORE: SQLITE })).code).toBe(2);
    expect((await reportHere({ SESSION_STORE: SQLITE }, "--since", "2026-13-01")).code).toBe(2);
    expect((await reportHere({ SESSION_STORE: SQLITE }, "--since", "2026-11-01", "--format", "xlsx")).stderr).toContain("usage: npm run report");
    expect((await reportHere({ SESSION_STORE: SQLITE }, "--since", "2026-11-01", "--bogus")).code).toBe(2);
    expect((await reportHere({ SESSION_STORE: "memory" }, "--since", "2026-11-01")).code).toBe(2);
  });
});
