/**
 * The opt-in in the conversation (src/reminders/offer.ts through the runtime): which routes ask, typed
 * answers, a new message closing the question, and the web chat getting a calendar link instead.
 */
import { describe, expect, it } from "vitest";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { ConversationRuntime } from "../../src/core/runtime.ts";
import { certificateRecoveryFlow } from "../../flows/certificate-recovery/index.ts";
import { ReminderOffers } from "../../src/reminders/offer.ts";
import { MemoryReminderStore } from "../../src/reminders/store-memory.ts";
import { MemoryStore } from "../../src/store/memory.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const USER = `U${"a".repeat(32)}`;
const LINE = `line:${USER}`;

function setup() {
  const reminders = new MemoryReminderStore();
  const runtime = new ConversationRuntime({
    flow: certificateRecoveryFlow,
    store: new MemoryStore(),
    city,
    now: () => new Date("2026-11-21T10:00:00+09:00"),
    idleTtlMs: 60_000,
    reminders: new ReminderOffers({
      store: reminders,
      counterHours: city.counter.hours,
      remindable: (id) => /^line:(U[0-9a-f]{32})$/.exec(id)?.[1],
      offer: true,
      calendarPath: "/api/chat/calendar.ics",
      calendarFor: (id) => id.startsWith("web:"),
    }),
  });
  return { runtime, reminders };
}

const last = (replies: any[]) => replies.at(-1);

/** To `certificate-renewal-not-yet` on LINE: its reply ends with the reminder question. */
async function renewalNotYet(runtime: ConversationRuntime): Promise<void> {
  await runtime.handle(LINE, { kind: "text", text: "電子証明書を更新したいです。有効期限は2027年6月15日です" });
  const turn = await runtime.handle(LINE, { kind: "choice", value: "unknown", slot: "cardExpiry" });
  expect(turn.routeId).toBe("certificate-renewal-not-yet");
  expect(last(turn.replies)).toMatchObject({ type: "question", slot: "reminder" });
}

describe("the reminder question", () => {
  it.each(["通知を止める", "通知を止めて", "リマインダーを止めて", "お知らせはいらない", "通知をオフにして", "通知停止", "ＳＴＯＰ　ＲＥＭＩＮＤＥＲＳ", "stop reminders"])(
    "%s stops reminders",
    async (text) => {
      const { runtime, reminders } = setup();
      await reminders.schedule([{ id: "x", userId: USER, kind: "card-renewal-opens", date: "2027-03-16", locale: "ja", dueAt: 0 }]);
      const turn = await runtime.handle(LINE, { kind: "text", text });
      expect(turn.replies[0]).toEqual({ type: "text", text: "お知らせを止めました。今後、お知らせは届きません。" });
      expect(await reminders.countUser(USER)).toBe(0);
    },
  );

  it("card-renewal with the card's window ahead: asked on LINE; a typed はい stores it", async () => {
    const { runtime, reminders } = setup();
    const turn = await runtime.handle(LINE, { kind: "text", text: "マイナンバーカードの有効期限が2027年6月15日です。カードを更新したい" });
    expect(turn.routeId).toBe("card-renewal");
    expect(last(turn.replies)).toMatchObject({ type: "question", slot: "reminder", text: "カードの更新の受付が始まる日（3月16日（火））の朝にLINEでお知らせしましょうか？" });
    const answered = await runtime.handle(LINE, { kind: "text", text: "はい" });
    expect(answered.replies[0]).toMatchObject({ type: "text", text: expect.stringContaining("3月16日（火）の朝9時ごろに") });
    expect(last(answered.replies)).toMatchObject({ slot: "followUp" });
    expect(await reminders.countUser(USER)).toBe(1);
    expect((await reminders.claimDue(Date.parse("2027-03-16T09:00:00+09:00"), 1, 10))[0]).toMatchObject({ kind: "card-renewal-opens", date: "2027-03-16", locale: "ja", userId: USER });
  });

  it("foreign-resident-extension with the 在留期間's end: asked for two weeks before", async () => {
    const { runtime } = setup();
    const turn = await runtime.handle(LINE, { kind: "text", text: "在留期間を更新しました。マイナンバーカードの有効期限は2027年1月31日です" });
    expect(turn.routeId).toBe("foreign-resident-extension");
    expect(last(turn.replies).text).toBe("在留期間の終わり（1月31日（日））の前、1月18日（月）の朝にLINEでお知らせしましょうか？");
  });

  it("without a date ahead, the route ends with the usual follow-up", async () => {
    const { runtime } = setup();
    const turn = await runtime.handle(LINE, { kind: "text", text: "在留期間を更新しました" });
    expect(turn.routeId).toBe("foreign-resident-extension");
    expect(last(turn.replies).slot).toBe("followUp");
  });

  it("「通知を止める」 while the question is open: nothing stored, it says so, and the follow-up comes", async () => {
    const { runtime, reminders } = setup();
    await renewalNotYet(runtime);
    const turn = await runtime.handle(LINE, { kind: "text", text: "通知を止めて" });
    expect(turn.replies[0]).toEqual({ type: "text", text: "お知らせの予定はありません。" });
    expect(last(turn.replies).slot).toBe("followUp");
    // The question is closed: a later はい is read by the diagnosis, not as a yes.
    await runtime.handle(LINE, { kind: "text", text: "はい" });
    expect(await reminders.countUser(USER)).toBe(0);
  });

  it("a new problem instead of an answer closes the question: the machine has it, nothing is stored", async () => {
    const { runtime, reminders } = setup();
    await renewalNotYet(runtime);
    const turn = await runtime.handle(LINE, { kind: "text", text: "4桁の暗証番号を2回間違えました" });
    expect(turn.replies.some((r) => r.type === "route" || r.type === "question")).toBe(true);
    expect(turn.replies.every((r) => !(r.type === "question" && r.slot === "reminder"))).toBe(true);
    // An old yes button tapped later is no longer an answer.
    await runtime.handle(LINE, { kind: "choice", value: "yes", slot: "reminder" });
    expect(await reminders.countUser(USER)).toBe(0);
  });

  it("the web chat gets a calendar link and no question; a LINE group gets neither", async () => {
    const { runtime } = setup();
    const web = await runtime.handle("web:abc", { kind: "text", text: "マイナンバーカードの有効期限が2027年6月15日です。カードを更新したい" });
    const route = web.replies.find((r) => r.type === "route")!;
    expect(route.type === "route" && route.links?.at(-1)).toEqual({ label: "カレンダーに追加", url: "/api/chat/calendar.ics?kind=card-renewal-opens&date=2027-03-16&locale=ja" });
    expect(last(web.replies).slot).toBe("followUp");
    const group = await runtime.handle(`line:C${"b".repeat(32)}:${USER}`, { kind: "text", text: "マイナンバーカードの有効期限が2027年6月15日です。カードを更新したい" });
    expect(last(group.replies).slot).toBe("followUp");
  });
});
