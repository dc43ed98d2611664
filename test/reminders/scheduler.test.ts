/**
 * The scheduler's decisions with a recording sender (src/reminders/scheduler.ts): what is due is sent
 * and deleted; a failure or a 429 keeps it for the next check; 30 days past its due time it is
 * deleted unsent; the locale picks the words.
 */
import { describe, expect, it } from "vitest";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { sendTime } from "../../src/reminders/plan.ts";
import { ReminderScheduler, type PushOutcome } from "../../src/reminders/scheduler.ts";
import { MemoryReminderStore } from "../../src/reminders/store-memory.ts";
import type { Reminder } from "../../src/reminders/types.ts";
import { loadConfig } from "../../src/config.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const USER = `U${"c".repeat(32)}`;
const reminder: Reminder = { id: `certificate-renewal-opens:${USER}`, userId: USER, kind: "certificate-renewal-opens", date: "2027-03-16", locale: "ja", dueAt: sendTime("2027-03-16") };

function setup(now: string, answers: (PushOutcome | Error)[]) {
  const store = new MemoryReminderStore();
  const pushes: { userId: string; title: string; retryKey: string }[] = [];
  const failed: string[] = [];
  const sent: string[] = [];
  const scheduler = new ReminderScheduler({
    store,
    counter: city.counter,
    now: () => new Date(now),
    intervalMs: 60_000,
    sender: {
      async push(userId, notice, retryKey) {
        pushes.push({ userId, title: notice.title, retryKey });
        const answer = answers.shift() ?? "sent";
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
    onSent: (kind) => sent.push(kind),
    onFailed: (reason) => failed.push(reason),
  });
  return { store, scheduler, pushes, failed, sent };
}

describe("ReminderScheduler", () => {
  it("a failure keeps the reminder for the next check, with the same retry key", async () => {
    const { store, scheduler, pushes, failed, sent } = setup("2027-03-16T09:00:00+09:00", [new Error("LINE 500"), "rate-limited", "sent"]);
    await store.schedule([reminder]);
    expect(await scheduler.check()).toEqual({ sent: 0, failed: 1 });
    expect(await scheduler.check()).toEqual({ sent: 0, failed: 1 });
    expect(await scheduler.check()).toEqual({ sent: 1, failed: 0 });
    expect(await scheduler.check()).toEqual({ sent: 0, failed: 0 });
    expect(failed).toEqual(["error", "rate-limited"]);
    expect(sent).toEqual(["certificate-renewal-opens"]);
    expect(new Set(pushes.map((p) => p.retryKey)).size).toBe(1);
    expect(await store.countUser(USER)).toBe(0);
  });

  it("not before 9:00 on the due day", async () => {
    const { store, scheduler, pushes } = setup("2027-03-16T08:59:59+09:00", []);
    await store.schedule([reminder]);
    await scheduler.check();
    expect(pushes).toEqual([]);
  });

  it("30 days past its due time, it is deleted unsent", async () => {
    const { store, scheduler, pushes, failed } = setup("2027-04-15T09:00:01+09:00", []);
    await store.schedule([reminder]);
    await scheduler.check();
    expect(pushes).toEqual([]);
    expect(failed).toEqual(["expired"]);
    expect(await store.countUser(USER)).toBe(0);
  });

  it("the push is in the reminder's locale", async () => {
    const { store, scheduler, pushes } = setup("2027-03-16T09:05:00+09:00", []);
    await store.schedule([{ ...reminder, locale: "en" }]);
    await scheduler.check();
    expect(pushes[0]?.title).toBe("Certificate renewal (更新) is open");
  });
});

describe("configuration", () => {
  it("REMINDERS is on unless off; REMINDER_CHECK_SECONDS defaults to 60 and must be a positive whole number", () => {
    expect(loadConfig({}).REMINDERS).toBe("on");
    expect(loadConfig({ REMINDERS: "OFF" }).REMINDERS).toBe("off");
    expect(loadConfig({}).REMINDER_CHECK_SECONDS).toBe(60);
    expect(loadConfig({ REMINDER_CHECK_SECONDS: "5" }).REMINDER_CHECK_SECONDS).toBe(5);
    expect(() => loadConfig({ REMINDERS: "maybe" })).toThrow(/^REMINDERS:/);
    expect(() => loadConfig({ REMINDER_CHECK_SECONDS: "0" })).toThrow(/^REMINDER_CHECK_SECONDS:/);
  });
});
