/**
 * Reminders on LINE (issue 17), over real HTTP with the fake LINE API and a SQLite file that outlives
 * each server: a resident opts in after `certificate-renewal-not-yet`; the server is restarted with
 * BOT_NOW on the due day at 9:05 and pushes once; a Sunday moves to Monday; 「通知を止める」 and unfollow
 * end it; a 429 keeps it for the next check.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { reminderId } from "../../src/reminders/plan.ts";
import { retryKeyOf } from "../../src/reminders/scheduler.ts";
import { SqliteReminderStore } from "../../src/reminders/store-sqlite.ts";
import { startFakeLineApi, type FakeLineApi } from "../channels/line/fake-line-api.ts";
import { TEST_ACCESS_TOKEN } from "../channels/line/sign.ts";
import { sleep, until } from "../helpers/wait.ts";
import { newUserId, quickReplies, reachRenewalNotYet, sendText, startLineServer, tap, textOf, unfollow, type LineServer } from "./line-helpers.ts";

const NOW = "2026-11-21T10:00:00+09:00";
/** Window opens 2027-03-16, a Tuesday. */
const EXPIRY = "2027-06-15";
const DUE = "2027-03-16T09:05:00+09:00";
/** Window opens 2027-02-28, a Sunday: the counter opens on Monday 2027-03-01. */
const SUNDAY_EXPIRY = "2027-05-27";

let fake: FakeLineApi;
let dir: string;
let store: string;
let running: LineServer | undefined;

beforeAll(async () => {
  fake = await startFakeLineApi({ accessToken: TEST_ACCESS_TOKEN });
});
afterAll(async () => {
  await fake?.close();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function fresh(now = NOW, extra: { checkSeconds?: number; reminders?: "on" | "off" } = {}): Promise<LineServer> {
  dir = mkdtempSync(join(tmpdir(), "mcr-reminders-"));
  store = `sqlite:${join(dir, "sessions.db")}`;
  fake.reset();
  running = await startLineServer(fake, { store, now, ...extra });
  return running;
}

/** Stop the server and start another on the same file with a later clock. */
async function restart(now: string, extra: { checkSeconds?: number } = {}): Promise<LineServer> {
  await running?.close();
  running = await startLineServer(fake, { store, now, ...extra });
  return running;
}

async function countFor(userId: string): Promise<number> {
  const s = new SqliteReminderStore(store.slice("sqlite:".length));
  try {
    return await s.countUser(userId);
  } finally {
    await s.close();
  }
}

async function optIn(line: LineServer, userId: string, expiry = EXPIRY): Promise<any[]> {
  const routed = await reachRenewalNotYet(fake, line, userId, expiry);
  expect(quickReplies(routed).map((q) => q.data)).toEqual(["c=yes&s=reminder", "c=no&s=reminder"]);
  return tap(fake, line, userId, "c=yes&s=reminder");
}

describe("reminders on LINE", () => {
  it("asks after certificate-renewal-not-yet, as the reply's last message; yes stores it and the follow-up comes after", async () => {
    const line = await fresh();
    const user = newUserId();
    const routed = await reachRenewalNotYet(fake, line, user, EXPIRY);
    expect(routed.some((m) => m.type === "flex")).toBe(true);
    expect(routed.at(-1).text).toBe("受付が始まる日（3月16日（火））の朝にLINEでお知らせしましょうか？");
    expect(quickReplies(routed).map((q) => q.label)).toEqual(["はい、お願いします", "いいえ"]);

    const answered = await tap(fake, line, user, "c=yes&s=reminder");
    expect(textOf(answered)).toContain("3月16日（火）の朝9時ごろにLINEでお知らせします");
    expect(textOf(answered)).toContain("「通知を止める」");
    expect(quickReplies(answered).map((q) => q.data)).toEqual(expect.arrayContaining(["c=restart&s=followUp", "c=contact&s=followUp"]));
    // The window's opening day, and two weeks before the expiry (the second reminder).
    expect(await countFor(user)).toBe(2);
    const metrics = await (await fetch(`${line.server.url}/metrics`)).text();
    expect(metrics).toContain('mcr_reminders_scheduled_total{kind="certificate-renewal-opens"} 1');
    expect(metrics).toContain('mcr_reminders_scheduled_total{kind="certificate-expiry-soon"} 1');
  });

  it("a tap on no gets a short reply and stores nothing", async () => {
    const line = await fresh();
    const user = newUserId();
    await reachRenewalNotYet(fake, line, user, EXPIRY);
    const answered = await tap(fake, line, user, "c=no&s=reminder");
    expect(answered[0].text).toMatch(/^承知しました。お知らせはしません。\n/);
    expect(quickReplies(answered).map((q) => q.data)).toContain("c=restart&s=followUp");
    expect(await countFor(user)).toBe(0);
  });

  it("restarted with BOT_NOW on the due day at 9:05: exactly one push to that user, with the date", async () => {
    let line = await fresh();
    const user = newUserId();
    const other = newUserId();
    await optIn(line, user);
    line = await restart("2027-03-16T08:55:00+09:00");
    await line.checked();
    expect(fake.pushAttempts()).toEqual([]); // not before 9:00

    line = await restart(DUE, { checkSeconds: 1 });
    await until(() => fake.pushes());
    await line.checked(3); // and a few more checks: nothing more is sent
    const pushes = fake.pushes();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.to).toBe(user);
    expect(pushes[0]!.to).not.toBe(other);
    expect(pushes[0]!.retryKey).toBe(retryKeyOf({ id: reminderId(user, "certificate-renewal-opens"), dueAt: Date.parse("2027-03-16T09:00:00+09:00") }));
    const [message] = pushes[0]!.messages;
    expect(message.type).toBe("flex");
    expect(message.altText).toBe("電子証明書の更新の受付が始まりました（受付開始：3月16日（火））");
    const body = JSON.stringify(message.contents);
    expect(body).toContain("受付開始：2027年3月16日（火）");
    expect(body).toContain("見本市役所 市民課");
    expect(body).toContain('"data":"m=renewal"'); // the button that starts the diagnosis
    expect(fake.pushAttempts()).toHaveLength(1);
    // Sent, so deleted; the second reminder (two weeks before the expiry) waits.
    expect(await countFor(user)).toBe(1);
    const metrics = await (await fetch(`${line.server.url}/metrics`)).text();
    expect(metrics).toContain('mcr_reminders_sent_total{kind="certificate-renewal-opens"} 1');

    // Started again the same morning: nothing left to send today.
    line = await restart("2027-03-16T09:30:00+09:00");
    await line.checked();
    expect(fake.pushAttempts()).toHaveLength(1);
  });

  it("a window opening on a Sunday is announced on Monday, the first day the counter is open", async () => {
    let line = await fresh();
    const user = newUserId();
    const routed = await reachRenewalNotYet(fake, line, user, SUNDAY_EXPIRY);
    expect(routed.at(-1).text).toBe("受付が始まる日（2月28日（日））は窓口が休みのため、窓口が開く3月1日（月）の朝にLINEでお知らせしましょうか？");
    await tap(fake, line, user, "c=yes&s=reminder");

    line = await restart("2027-02-28T09:05:00+09:00");
    await line.checked();
    expect(fake.pushAttempts()).toEqual([]);

    line = await restart("2027-03-01T09:05:00+09:00");
    const [push] = await until(() => fake.pushes());
    expect(push!.to).toBe(user);
    expect(push!.messages[0].altText).toContain("2月28日（日）");
    expect(JSON.stringify(push!.messages[0].contents)).toContain("窓口で手続きできるのは3月1日（月）からです。");
  });

  it("「通知を止める」 cancels the resident's reminders and says so; nothing is pushed on the day", async () => {
    let line = await fresh();
    const user = newUserId();
    await optIn(line, user);
    const stopped = await sendText(fake, line, user, "通知を止める");
    expect(stopped[0].text).toBe("お知らせを止めました。今後、お知らせは届きません。");
    expect(await countFor(user)).toBe(0);
    const metrics = await (await fetch(`${line.server.url}/metrics`)).text();
    expect(metrics).toContain('mcr_reminders_cancelled_total{reason="stop"} 2');
    // Again: nothing to stop, and it says so. "stop reminders" works too.
    expect((await sendText(fake, line, user, "stop reminders"))[0].text).toBe("お知らせの予定はありません。");

    line = await restart(DUE);
    await line.checked();
    expect(fake.pushAttempts()).toEqual([]);
  });

  it("unfollow deletes the resident's reminders", async () => {
    let line = await fresh();
    const user = newUserId();
    await optIn(line, user);
    expect(await countFor(user)).toBe(2);
    await unfollow(fake, line, user);
    expect(await countFor(user)).toBe(0);
    line = await restart(DUE);
    await line.checked();
    expect(fake.pushAttempts()).toEqual([]);
  });

  it("LINE answering 429 then 200: the reminder waits for the next check and is pushed once, with the same retry key", async () => {
    let line = await fresh();
    const user = newUserId();
    await optIn(line, user);
    fake.failNext(429, 1);
    line = await restart(DUE, { checkSeconds: 1 });
    await until(() => fake.pushes());
    await line.checked(3);
    const attempts = fake.pushAttempts();
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(new Set(attempts.map((a) => a.retryKey)).size).toBe(1);
    expect(fake.pushes()).toHaveLength(1);
    const metrics = await (await fetch(`${line.server.url}/metrics`)).text();
    expect(metrics).toContain('mcr_reminders_failed_total{reason="rate-limited"} 1');
    expect(metrics).toContain('mcr_reminders_sent_total{kind="certificate-renewal-opens"} 1');
  });

  it("REMINDERS=off: the route ends with the usual follow-up, no reminder question", async () => {
    const line = await fresh(NOW, { reminders: "off" });
    const routed = await reachRenewalNotYet(fake, line, newUserId(), EXPIRY);
    expect(quickReplies(routed).map((q) => q.data)).toContain("c=restart&s=followUp");
    expect(textOf(routed)).not.toContain("お知らせしましょうか");
    await sleep(50);
    expect(line.logs.some((l) => l.msg === "reminders checked")).toBe(false);
  });
});
