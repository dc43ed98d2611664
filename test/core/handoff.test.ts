/**
 * The hand-off core (src/core/handoff.ts) with in-memory ports: the state on meta, the runtime's
 * forwarding, the desk's events, and what happens when the desk cannot be reached.
 */
import { describe, expect, it } from "vitest";
import { HANDOFF_MESSAGES, MESSAGES, messagesFor } from "../../flows/certificate-recovery/messages.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import {
  Handoff,
  handoffOf,
  HANDOFF_TTL_MS,
  HANDOFF_VERSION,
  readHandoff,
  idempotencyUuid,
  ttlFor,
  withRecentMessage,
  type HelpDesk,
  type ResidentNotifier,
  type Ticket,
  type TicketState,
} from "../../src/core/handoff.ts";
import type { Reply } from "../../src/core/reply.ts";
import type { Flow } from "../../src/core/flow.ts";
import type { Locale } from "../../src/core/locale.ts";
import { ConversationRuntime } from "../../src/core/runtime.ts";
import { certificateRecoveryFlow } from "../../flows/certificate-recovery/index.ts";
import { MemoryStore } from "../../src/store/memory.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);
const weekday = [{ open: "08:30", close: "17:15" }];
const hours = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday };
const FRIDAY = () => new Date("2026-11-20T10:00:00+09:00");

class FakeDesk implements HelpDesk {
  tickets: Ticket[] = [];
  thread: { ticketId: string; text: string }[] = [];
  updates: { ticketId: string; state: TicketState }[] = [];
  failOpen = false;
  async openTicket(ticket: Ticket) {
    if (this.failOpen) throw new Error("desk down");
    this.tickets.push(ticket);
    return { ticketId: `1700000000.${String(this.tickets.length).padStart(6, "0")}` };
  }
  async appendResidentMessage(ticketId: string, text: string) {
    this.thread.push({ ticketId, text });
  }
  async updateTicket(ticketId: string, _ticket: Ticket, state: TicketState) {
    this.updates.push({ ticketId, state });
  }
}

class FakeNotifier implements ResidentNotifier {
  sent: { conversationId: string; replies: Reply[]; key: string }[] = [];
  async notify(conversationId: string, replies: Reply[], key: string) {
    if (this.sent.some((s) => s.key === key)) return;
    this.sent.push({ conversationId, replies, key });
  }
}

function setup(flow: Flow = certificateRecoveryFlow) {
  const store = new MemoryStore();
  const desk = new FakeDesk();
  const web = new FakeNotifier();
  const errors: string[] = [];
  const handoff = new Handoff({
    flow,
    store,
    desk,
    notifiers: { web },
    hours,
    hoursText: "平日 8:30〜17:15",
    now: FRIDAY,
    idleTtlMs: 60_000,
    onError: (what) => errors.push(what),
  });
  const runtime = new ConversationRuntime({ flow, store, city, now: FRIDAY, idleTtlMs: 60_000, handoff });
  return { store, desk, web, handoff, runtime, errors };
}

describe("hand-off state on meta", () => {
  it("keeps the last five redacted messages, each cut to 500 characters", () => {
    let meta: Record<string, unknown> = {};
    for (let i = 1; i <= 7; i++) meta = withRecentMessage(meta, `メッセージ${i}`);
    expect(meta.recentMessages).toEqual(["メッセージ3", "メッセージ4", "メッセージ5", "メッセージ6", "メッセージ7"]);
    expect((withRecentMessage({}, "あ".repeat(900)).recentMessages as string[])[0]).toHaveLength(500);
    expect(withRecentMessage({}, "   ")).toEqual({});
  });

  it("keeps a conversation under hand-off longer than an idle one", () => {
    expect(ttlFor({}, 60_000)).toBe(60_000);
    const state = { ticketId: "1.2", status: "waiting", acknowledged: false, ticket: {} };
    expect(ttlFor({ handoff: state }, 60_000)).toBe(HANDOFF_TTL_MS);
    expect(handoffOf({ handoff: { ...state, status: "resolved" } })).toBeUndefined();
  });

  it("derives the same UUID from the same key, a different one from another key", () => {
    const a = idempotencyUuid("slack:Ev0123");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idempotencyUuid("slack:Ev0123")).toBe(a);
    expect(idempotencyUuid("slack:Ev0124")).not.toBe(a);
  });

  it("names a tapped choice by its label", () => {
    expect(certificateRecoveryFlow.choiceInWords("self", "applicant")).toBe("（ボタン）本人");
    expect(certificateRecoveryFlow.choiceInWords("contact", "followUp")).toBe("（ボタン）窓口に相談したい");
    // An old detail button tapped under hand-off reaches staff in words (issue #13).
    expect(certificateRecoveryFlow.choiceInWords("detail:proxy", "detail")).toBe("（ボタン）代理人が行く場合");
    expect(certificateRecoveryFlow.choiceInWords("x", undefined)).toBe("（ボタン）x");
  });
});

describe("the hand-off state is versioned like the snapshot (issue 13)", () => {
  const old = { ticketId: "1.2", status: "waiting", acknowledged: true, ticket: { origin: "web", facts: [], recentMessages: [], openedAt: "x" } };

  it("is written with its version, reads a state from before versions through the migration, and flags any other", () => {
    expect(HANDOFF_VERSION).toBe(1);
    expect(readHandoff({ handoff: old })).toEqual({ kind: "ok", state: { ...old, version: 1 } });
    expect(readHandoff({ handoff: { ...old, version: 1 } })).toEqual({ kind: "ok", state: { ...old, version: 1 } });
    expect(readHandoff({ handoff: { ...old, version: 2 } })).toMatchObject({ kind: "unreadable", ticketId: "1.2", version: 2 });
    expect(readHandoff({ handoff: { ...old, version: 1, status: "paused" } })).toMatchObject({ kind: "unreadable", ticketId: "1.2" });
    expect(readHandoff({ handoff: "garbage" })).toEqual({ kind: "unreadable" });
    expect(readHandoff({})).toEqual({ kind: "none" });
    // No migration for a version: unreadable, not read as it is.
    expect(readHandoff({ handoff: old }, {})).toMatchObject({ kind: "unreadable", ticketId: "1.2" });
  });

  it("a hand-off stored before versions still forwards the resident to its ticket (migrated, not orphaned)", async () => {
    const { runtime, store, desk } = setup();
    await runtime.handle("web:v0", { kind: "text", text: "担当者の方と直接お話ししたいです" });
    const stored = (await store.get("web:v0"))!;
    const { version, ...before } = handoffOf(stored.meta)!;
    expect(version).toBe(HANDOFF_VERSION);
    await store.save("web:v0", { ...stored, meta: { ...stored.meta, handoff: before } }, 60_000);
    const turn = await runtime.handle("web:v0", { kind: "text", text: "よろしくお願いします" });
    expect(turn.handoff).toBe("forwarded");
    expect(desk.thread).toEqual([{ ticketId: "1700000000.000001", text: "よろしくお願いします" }]);
    expect(await runtime.handoffStatus("web:v0")).toBe("waiting");
  });

  it("a hand-off of a version it cannot read is withdrawn on the desk and the resident told politely, then the bot answers", async () => {
    const { runtime, store, desk } = setup();
    await runtime.handle("web:v9", { kind: "text", text: "担当者の方と直接お話ししたいです" });
    const stored = (await store.get("web:v9"))!;
    const state = handoffOf(stored.meta)!;
    await store.save("web:v9", { ...stored, meta: { ...stored.meta, handoff: { ...state, version: 99 } } }, 60_000);
    const turn = await runtime.handle("web:v9", { kind: "text", text: "4桁の暗証番号を2回間違えてしまいました" });
    expect(desk.updates).toEqual([{ ticketId: "1700000000.000001", state: { status: "withdrawn" } }]);
    expect(desk.thread).toEqual([]);
    expect(turn.handoff).toBe("withdrawn");
    expect(turn.replies[0]).toEqual({ type: "text", text: HANDOFF_MESSAGES.unreadable });
    expect(turn.routeId).toBe("pin-retry-guidance");
    expect((await store.get("web:v9"))!.meta?.handoff).toBeUndefined();
    expect(await runtime.handoffStatus("web:v9")).toBe("none");
  });
});

describe("hand-off in the conversation's locale (issue 14)", () => {
  it("says every hand-off sentence in the conversation's locale; a language switch under hand-off is answered, not forwarded", async () => {
    const asked: Locale[] = [];
    const flow: Flow = {
      ...certificateRecoveryFlow,
      handoffWords: (locale) => {
        asked.push(locale);
        return certificateRecoveryFlow.handoffWords(locale);
      },
    };
    const { runtime, desk, web, handoff } = setup(flow);
    await runtime.handle("web:l", { kind: "start", locale: "en" });
    const opened = await runtime.handle("web:l", { kind: "text", text: "担当者の方と直接お話ししたいです" });
    expect(opened.handoff).toBe("opened");
    expect(opened.locale).toBe("en");
    expect(asked).toEqual(["en"]);
    // Staff see the resident's locale on the ticket; its words stay Japanese.
    expect(desk.tickets[0]).toMatchObject({ locale: "en", facts: certificateRecoveryFlow.factLabels(opened.facts) });

    const switched = await runtime.handle("web:l", { kind: "text", text: "やさしい日本語" });
    expect(switched.locale).toBe("ja-easy");
    expect(switched.handoff).toBeUndefined();
    expect(switched.replies).toEqual([{ type: "text", text: messagesFor("ja-easy").localeSwitched }]);
    expect(desk.thread).toEqual([]);
    expect(await runtime.handoffStatus("web:l")).toBe("waiting");

    const forwarded = await runtime.handle("web:l", { kind: "text", text: "よろしくお願いします" });
    expect(forwarded.handoff).toBe("forwarded");
    expect(forwarded.locale).toBe("ja-easy");
    expect(await handoff.staffReply("1700000000.000001", "U1", "どうぞ", "slack:Ev1")).toBe("done");
    expect(await handoff.resolve("1700000000.000001", "U1")).toBe("done");
    expect(asked).toEqual(["en", "ja-easy", "ja-easy", "ja-easy"]);
    expect(web.sent).toHaveLength(2);
  });
});

describe("hand-off through the runtime", () => {
  it("opens a ticket on contact-city, forwards the resident instead of diagnosing, and comes back on resolve", async () => {
    const { runtime, desk, web, handoff } = setup();
    const opened = await runtime.handle("web:a", { kind: "text", text: "担当者の方と直接お話ししたいです" });
    expect(opened.routeId).toBe("contact-city");
    expect(opened.handoff).toBe("opened");
    expect(opened.replies.at(-1)).toEqual({ type: "text", text: HANDOFF_MESSAGES.openedWithinHours("平日 8:30〜17:15") });
    expect(desk.tickets[0]).toMatchObject({ origin: "web", recentMessages: ["担当者の方と直接お話ししたいです"] });
    expect(await runtime.handoffStatus("web:a")).toBe("waiting");

    // A PIN is discarded before the message reaches the desk.
    const first = await runtime.handle("web:a", { kind: "text", text: "暗証番号は1234です" });
    expect(first.handoff).toBe("forwarded");
    expect(first.piiFound).toBe(true);
    expect(first.replies.map((r) => (r as { text: string }).text)).toEqual([expect.stringContaining("暗証番号やマイナンバー"), HANDOFF_MESSAGES.forwarded]);
    expect(desk.thread).toEqual([{ ticketId: "1700000000.000001", text: "暗証番号は＊＊＊＊です" }]);
    expect((await runtime.handle("web:a", { kind: "text", text: "よろしくお願いします" })).replies).toEqual([]);

    expect(await handoff.claim("1700000000.000001", "U1")).toBe("done");
    expect(await handoff.claim("1700000000.000001", "U1")).toBe("unchanged");
    expect(await handoff.staffReply("1700000000.000001", "U1", "どうぞ", "slack:Ev1")).toBe("done");
    expect(await handoff.resolve("1700000000.000001", "U1")).toBe("done");
    expect(await handoff.resolve("1700000000.000001", "U1")).toBe("closed");
    expect(desk.updates.map((u) => u.state)).toEqual([{ status: "active", staff: "U1" }, { status: "resolved", staff: "U1" }]);
    expect(web.sent.map((s) => s.replies)).toEqual([[{ type: "text", text: "（担当者）どうぞ" }], [{ type: "text", text: HANDOFF_MESSAGES.resolved }]]);
    expect(await handoff.staffReply("1700000000.000001", "U1", "まだいますか", "slack:Ev2")).toBe("closed");

    const back = await runtime.handle("web:a", { kind: "text", text: "4桁の暗証番号を2回間違えてしまいました" });
    expect(back.routeId).toBe("pin-retry-guidance");
    expect(back.handoff).toBeUndefined();
  });

  it("shows the contacts with an apology, and the follow-up, when the desk cannot be reached", async () => {
    const { runtime, desk, errors } = setup();
    desk.failOpen = true;
    const turn = await runtime.handle("web:b", { kind: "text", text: "担当者の方と直接お話ししたいです" });
    expect(turn.routeId).toBe("contact-city");
    expect(turn.handoff).toBeUndefined();
    expect(turn.replies.map((r) => r.type)).toEqual(["route", "text", "question"]);
    expect(turn.replies[1]).toEqual({ type: "text", text: HANDOFF_MESSAGES.unavailable });
    expect(errors).toEqual(["open"]);
    expect(await runtime.handoffStatus("web:b")).toBe("none");
  });

  it("never hands off a conversation whose channel cannot be reached later (Slack staff, the CLI)", async () => {
    const { runtime, desk } = setup();
    const turn = await runtime.handle("slack:T1:C1:1.2", { kind: "text", text: "担当者の方と直接お話ししたいです" });
    expect(turn.routeId).toBe("contact-city");
    expect(turn.replies.at(-1)).toMatchObject({ type: "question", slot: "followUp" });
    expect(desk.tickets).toEqual([]);
    // Nor does it keep the resident's words where no ticket can use them.
    expect(await runtime.getMeta("slack:T1:C1:1.2")).toBeUndefined();
  });

  it("a reply to a waiting ticket claims it for the staff member who wrote", async () => {
    const { runtime, desk, handoff } = setup();
    await runtime.handle("web:c", { kind: "text", text: "担当者の方と直接お話ししたいです" });
    const ticketId = "1700000000.000001";
    expect(await handoff.isTicket(ticketId)).toBe(true);
    expect(await handoff.isTicket("1700000000.999999")).toBe(false);
    await handoff.staffReply(ticketId, "U9", "こんにちは", "slack:Ev9");
    expect(desk.updates).toEqual([{ ticketId, state: { status: "active", staff: "U9" } }]);
    expect(await runtime.handoffStatus("web:c")).toBe("active");
  });
});
