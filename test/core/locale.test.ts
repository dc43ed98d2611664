/**
 * The conversation's locale in the runtime (issue 14): where it comes from (start, the channel's hint,
 * the resident's first words, an explicit switch), that it is stored in `meta.locale` and returned in
 * TurnResult.locale, that a switch keeps every fact and re-renders what is open, and that every reply is
 * rendered in it. The catalogs are other work: this asserts locales, slots, routes and facts, and which
 * locale the flow was asked to render in, not wording.
 */
import { describe, expect, it } from "vitest";
import { certificateRecoveryFlow, LOCALE_NAMES } from "../../flows/certificate-recovery/index.ts";
import { messagesFor } from "../../flows/certificate-recovery/messages.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import type { Flow } from "../../src/core/flow.ts";
import type { Locale } from "../../src/core/locale.ts";
import type { QuestionReply, Reply } from "../../src/core/reply.ts";
import { ConversationRuntime } from "../../src/core/runtime.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { REMINDER_MESSAGES } from "../../flows/certificate-recovery/reminder-messages.ts";
import { ReminderOffers } from "../../src/reminders/offer.ts";
import { MemoryReminderStore } from "../../src/reminders/store-memory.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const now = () => new Date("2026-11-21T10:00:00+09:00");

/** The flow, recording the locale of everything it is asked to render. */
function recordingFlow(): { flow: Flow; rendered: Locale[]; notices: [string, Locale][] } {
  const rendered: Locale[] = [];
  const notices: [string, Locale][] = [];
  const base = certificateRecoveryFlow;
  const flow: Flow = {
    ...base,
    render: (outputs, ctx) => {
      rendered.push(ctx.locale);
      return base.render(outputs, ctx);
    },
    notice: (key, locale) => {
      notices.push([key, locale]);
      return base.notice(key, locale);
    },
    detail: (value, routeId, ctx) => {
      const shown = base.detail(value, routeId, ctx);
      if (shown) rendered.push(ctx.locale);
      return shown;
    },
  };
  return { flow, rendered, notices };
}

function setup() {
  const store = new MemoryStore();
  const recorded = recordingFlow();
  const runtime = new ConversationRuntime({ flow: recorded.flow, store, city, now, idleTtlMs: 60_000 });
  const stored = async (id: string) => (await store.get(id))!;
  return { store, runtime, stored, ...recorded };
}

const questions = (replies: Reply[]) => replies.filter((r): r is QuestionReply => r.type === "question");

describe("the conversation's locale", () => {
  it("a start with a locale: stored in meta.locale, returned in TurnResult.locale, the greeting rendered in it", async () => {
    const { runtime, stored, rendered } = setup();
    const turn = await runtime.handle("t:start-en", { kind: "start", locale: "en" });
    expect(turn.locale).toBe("en");
    expect((await stored("t:start-en")).meta?.locale).toBe("en");
    expect(rendered).toEqual(["en"]);
    // The greeting's question offers the other languages, not the one in use.
    const values = questions(turn.replies).flatMap((q) => q.choices.map((c) => c.value));
    expect(values).toContain("locale:ja");
    expect(values).toContain("locale:ja-easy");
    expect(values).not.toContain("locale:en");
  });

  it("a start without one is ja and stores none; the greeting's first question offers English and やさしい日本語 within LINE's limits", async () => {
    const { runtime, stored } = setup();
    const turn = await runtime.handle("t:start", { kind: "start" });
    expect(turn.locale).toBe("ja");
    expect((await stored("t:start")).meta?.locale).toBeUndefined();
    const [first] = questions(turn.replies);
    expect(first!.slot).toBe("symptom");
    expect(first!.choices.slice(-2)).toEqual([
      { label: LOCALE_NAMES.en, value: "locale:en" },
      { label: LOCALE_NAMES["ja-easy"], value: "locale:ja-easy" },
    ]);
    expect(first!.choices.length).toBeLessThanOrEqual(13);
    for (const c of first!.choices) expect(c.label.length).toBeLessThanOrEqual(20);
    // Only the greeting's question: the symptom asked again later has no language choices.
    const again = await runtime.handle("t:start", { kind: "text", text: "あああ" });
    expect(questions(again.replies).at(-1)!.choices.some((c) => c.value.startsWith("locale:"))).toBe(false);
    // Nor the greeting after a restart (the resident chose already; every tap there moves the diagnosis).
    const restarted = await runtime.handle("t:start", { kind: "restart" });
    expect(questions(restarted.replies).map((q) => q.slot)).toEqual(["symptom"]);
    expect(questions(restarted.replies)[0]!.choices.some((c) => c.value.startsWith("locale:"))).toBe(false);
  });

  it("a first message in English starts in English", async () => {
    const { runtime, stored, rendered } = setup();
    const turn = await runtime.handle("t:words", { kind: "text", text: "My signature certificate has expired, what should I do?" });
    expect(turn.locale).toBe("en");
    expect((await stored("t:words")).meta?.locale).toBe("en");
    expect(rendered.every((l) => l === "en")).toBe(true);
    const next = await runtime.handle("t:words", { kind: "text", text: "わかりません" });
    expect(next.locale).toBe("en");
  });

  it("English words after the conversation has facts do not switch it (only an explicit request does)", async () => {
    const { runtime, stored } = setup();
    await runtime.handle("t:late", { kind: "text", text: "署名用の暗証番号を忘れました" });
    const turn = await runtime.handle("t:late", { kind: "text", text: "I do not know what this means" });
    expect(turn.locale).toBe("ja");
    expect((await stored("t:late")).meta?.locale).toBeUndefined();
  });

  it("the channel's hint applies only while the conversation has no locale; the resident's English words win over it", async () => {
    const { runtime, stored } = setup();
    const first = await runtime.handle("t:hint", { kind: "text", text: "暗証番号を忘れました", localeHint: "ja-easy" });
    expect(first.locale).toBe("ja-easy");
    expect((await stored("t:hint")).meta?.locale).toBe("ja-easy");
    const later = await runtime.handle("t:hint", { kind: "text", text: "署名用です", localeHint: "en" });
    expect(later.locale).toBe("ja-easy");

    const started = await runtime.handle("t:hint2", { kind: "start", locale: "ja" });
    expect(started.locale).toBe("ja");
    const hinted = await runtime.handle("t:hint2", { kind: "text", text: "暗証番号を忘れました", localeHint: "en" });
    expect(hinted.locale).toBe("ja");

    const words = await runtime.handle("t:hint3", { kind: "text", text: "I forgot my PIN for the card", localeHint: "ja" });
    expect(words.locale).toBe("en");
  });

  it("typed 「English」 with a question open: switches, says so, asks the same question again, every fact kept, no machine step", async () => {
    const { runtime, stored, rendered, notices } = setup();
    const asking = await runtime.handle("t:switch", { kind: "text", text: "署名用の暗証番号を忘れました" });
    expect(asking.pendingSlot).toBeDefined();
    const before = await stored("t:switch");
    rendered.length = 0;
    const turn = await runtime.handle("t:switch", { kind: "text", text: "English" });
    expect(turn.locale).toBe("en");
    expect(turn.pendingSlot).toBe(asking.pendingSlot);
    expect(turn.facts).toEqual(asking.facts);
    expect(turn.questionsAsked).toBe(asking.questionsAsked);
    expect(turn.routeId).toBeUndefined();
    expect(turn.unreadText).toBeUndefined();
    expect(turn.replies[0]).toEqual({ type: "text", text: messagesFor(turn.locale).localeSwitched });
    expect(notices.at(-1)).toEqual(["localeSwitched", "en"]);
    expect(questions(turn.replies).map((q) => q.slot)).toEqual([asking.pendingSlot]);
    expect(rendered).toEqual(["en"]);
    const after = await stored("t:switch");
    expect(after.meta?.locale).toBe("en");
    expect(after.snapshot).toEqual(before.snapshot);
    // The answer to the question goes on as before, in English.
    const answered = await runtime.handle("t:switch", { kind: "choice", value: "no", slot: asking.pendingSlot });
    expect(answered.routeId).toBe("pin-reset-counter");
    expect(answered.locale).toBe("en");
    expect(rendered.at(-1)).toBe("en");
  });

  it.each([["English please"], ["やさしい日本語"], ["にほんご"]])("typed %s is a switch, never an answer", async (text) => {
    const { runtime, stored } = setup();
    await runtime.handle("t:typed", { kind: "start", locale: "en" });
    const before = await stored("t:typed");
    const turn = await runtime.handle("t:typed", { kind: "text", text });
    expect(turn.locale).toBe(text === "English please" ? "en" : text === "やさしい日本語" ? "ja-easy" : "ja");
    expect(turn.replies[0]).toEqual({ type: "text", text: messagesFor(turn.locale).localeSwitched });
    expect((await stored("t:typed")).snapshot).toEqual(before.snapshot);
  });

  it("a tapped locale:ja-easy (the greeting's choice) switches and asks the open question again", async () => {
    const { runtime, stored } = setup();
    const greeting = await runtime.handle("t:tap", { kind: "start" });
    const before = await stored("t:tap");
    const turn = await runtime.handle("t:tap", { kind: "choice", value: "locale:ja-easy", slot: "symptom" });
    expect(turn.locale).toBe("ja-easy");
    expect(turn.pendingSlot).toBe(greeting.pendingSlot);
    expect(questions(turn.replies).map((q) => q.slot)).toEqual(["symptom"]);
    expect((await stored("t:tap")).snapshot).toEqual(before.snapshot);
    expect((await stored("t:tap")).meta?.locale).toBe("ja-easy");
  });

  it("a switch after a route shows the route again, its details and the follow-up, without reaching it again", async () => {
    const { runtime, stored, rendered } = setup();
    await runtime.handle("t:routed", { kind: "text", text: "署名用の暗証番号を忘れました" });
    const routed = await runtime.handle("t:routed", { kind: "choice", value: "no" });
    expect(routed.routeId).toBe("pin-reset-counter");
    const before = await stored("t:routed");
    rendered.length = 0;
    const turn = await runtime.handle("t:routed", { kind: "choice", value: "locale:en" });
    expect(turn.locale).toBe("en");
    expect(turn.routeId).toBeUndefined(); // shown again, not reached again (no figures, no hand-off)
    expect(turn.facts).toEqual(routed.facts);
    expect(rendered).toEqual(["en"]);
    const kindsOf = (replies: Reply[]) => replies.map((r) => (r.type === "question" ? `question:${r.slot}` : r.type === "route" ? `route:${r.routeId}` : r.type));
    const kinds = kindsOf(turn.replies);
    expect(kinds).toEqual(["text", ...kindsOf(routed.replies)]);
    expect(kinds).toContain("route:pin-reset-counter");
    expect(kinds.at(-1)).toBe("question:followUp");
    expect((await stored("t:routed")).snapshot).toEqual(before.snapshot);
    // A detail tapped after it is shown in the new locale.
    const detail = questions(turn.replies).find((q) => q.slot === "detail")?.choices[0];
    if (detail) {
      rendered.length = 0;
      await runtime.handle("t:routed", { kind: "choice", value: detail.value, slot: "detail" });
      expect(rendered).toEqual(["en"]);
    }
  });

  it("「English」 as the very first message opens the conversation in English with its first question", async () => {
    const { runtime, stored } = setup();
    const turn = await runtime.handle("t:first", { kind: "text", text: "English" });
    expect(turn.started).toBe(true);
    expect(turn.locale).toBe("en");
    expect(turn.replies[0]).toEqual({ type: "text", text: messagesFor(turn.locale).localeSwitched });
    expect(questions(turn.replies).map((q) => q.slot)).toEqual(["symptom"]);
    expect((await stored("t:first")).meta?.locale).toBe("en");
  });

  it("a restart keeps the locale (the typed restart and the tapped 「最初からやり直す」)", async () => {
    const { runtime, stored, rendered } = setup();
    await runtime.handle("t:restart", { kind: "start", locale: "en" });
    await runtime.handle("t:restart", { kind: "text", text: "署名用の暗証番号を忘れました" });
    const restarted = await runtime.handle("t:restart", { kind: "restart" });
    expect(restarted.locale).toBe("en");
    expect(restarted.facts).toEqual({});
    expect((await stored("t:restart")).meta?.locale).toBe("en");
    await runtime.handle("t:restart", { kind: "text", text: "署名用の暗証番号を忘れました" });
    await runtime.handle("t:restart", { kind: "choice", value: "no" });
    rendered.length = 0;
    const tapped = await runtime.handle("t:restart", { kind: "choice", value: "restart" });
    expect(tapped.locale).toBe("en");
    expect(rendered).toEqual(["en"]);
  });

  it("fixed messages are rendered in the conversation's locale (the PII warning)", async () => {
    const { runtime, notices } = setup();
    await runtime.handle("t:pii", { kind: "start", locale: "ja-easy" });
    const turn = await runtime.handle("t:pii", { kind: "text", text: "暗証番号は1234です" });
    expect(turn.piiFound).toBe(true);
    expect(notices).toContainEqual(["piiWarning", "ja-easy"]);
  });

  it("the expired notice is in the locale the new turn starts in", async () => {
    const { runtime, store, notices } = setup();
    await runtime.handle("t:exp", { kind: "start", locale: "en" });
    await store.delete("t:exp");
    const turn = await runtime.handle("t:exp", { kind: "text", text: "English" });
    expect(turn.locale).toBe("en");
    expect(notices).toContainEqual(["expired", "en"]);
  });

  it("reminders read the locale the runtime keeps: the opt-in and the stored reminder are in it, after a switch too", async () => {
    const store = new MemoryReminderStore();
    const runtime = new ConversationRuntime({
      flow: certificateRecoveryFlow,
      store: new MemoryStore(),
      city,
      now,
      idleTtlMs: 60_000,
      reminders: new ReminderOffers({ store, counterHours: city.counter.hours, remindable: (id) => /^line:(U[0-9a-f]{32})$/.exec(id)?.[1], offer: true }),
    });
    const user = `U${"b".repeat(32)}`;
    const id = `line:${user}`;
    await runtime.handle(id, { kind: "text", text: "電子証明書を更新したいです。有効期限は2027年6月15日です" });
    await runtime.handle(id, { kind: "choice", value: "locale:en" });
    const turn = await runtime.handle(id, { kind: "choice", value: "unknown", slot: "cardExpiry" });
    expect(turn.routeId).toBe("certificate-renewal-not-yet");
    expect(turn.locale).toBe("en");
    const question = turn.replies.at(-1) as QuestionReply;
    expect(question.slot).toBe("reminder");
    expect(question.choices.map((c) => c.label)).toEqual([REMINDER_MESSAGES.en.yesLabel, REMINDER_MESSAGES.en.noLabel]);
    const answered = await runtime.handle(id, { kind: "choice", value: "yes", slot: "reminder" });
    expect(answered.locale).toBe("en");
    expect((await store.claimDue(Date.parse("2030-01-01T00:00:00+09:00"), 1, 10))[0]).toMatchObject({ userId: user, locale: "en" });
  });
});
