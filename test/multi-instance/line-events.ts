/**
 * LINE webhook events as the LINE Platform sends them (signed bodies, fresh ids and reply tokens,
 * redeliveries with the same id and `isRedelivery: true`), a watcher that tells when the fake API got
 * an event's reply, and the policy that picks a resident's next move from the reply they got.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { webhook } from "@line/bot-sdk";
import type { FakeLineApi, RecordedRequest } from "../channels/line/fake-line-api.ts";
import { postWebhook } from "../channels/line/sign.ts";

/** The fields of a 1:1 text or postback event this suite sends. */
export interface LineEvent {
  type: "message" | "postback";
  mode: "active";
  timestamp: number;
  source: { type: "user"; userId: string };
  webhookEventId: string;
  deliveryContext: { isRedelivery: boolean };
  replyToken: string;
  message?: { id: string; type: "text"; quoteToken: string; text: string };
  postback?: { data: string; params?: Record<string, string> };
}

/** What the resident does next: type a text, or tap a button (postback). */
export type Move = { kind: "text"; text: string } | { kind: "postback"; data: string; params?: Record<string, string> };

const DESTINATION = "Ub45d697d1aa722245ed0115a880c8aa9";
const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/**
 * Every user id and event id handed out here: the Redis keys this run made end in one of them, so
 * they can be deleted without touching another run's (see `deleteOwnKeys`).
 */
export const issuedIds = new Set<string>();

export function newUserId(): string {
  const id = `U${hex(16)}`;
  issuedIds.add(id);
  return id;
}

/** A new event of `userId` for `move`, stamped now (reply tokens are checked against real time). */
export function lineEvent(userId: string, move: Move): LineEvent {
  const base = {
    mode: "active" as const,
    timestamp: Date.now(),
    source: { type: "user" as const, userId },
    webhookEventId: `01${hex(12).toUpperCase()}`,
    deliveryContext: { isRedelivery: false },
    replyToken: hex(16),
  };
  issuedIds.add(base.webhookEventId);
  return move.kind === "text"
    ? { ...base, type: "message", message: { id: String(BigInt(`0x${hex(7)}`)), type: "text", quoteToken: hex(20), text: move.text } }
    : { ...base, type: "postback", postback: { data: move.data, ...(move.params ? { params: move.params } : {}) } };
}

/** LINE's redelivery of an event: same id, same reply token, same timestamp, flagged. */
export function redelivery(event: LineEvent): LineEvent {
  return { ...structuredClone(event), deliveryContext: { isRedelivery: true } };
}

/** The event as the channel parses it. */
export const asWebhookEvent = (event: LineEvent): webhook.Event => event as unknown as webhook.Event;

/** POST one event, signed, to an instance's webhook; resolves with the HTTP status. */
export async function deliver(url: string, event: LineEvent): Promise<number> {
  const res = await postWebhook(url, JSON.stringify({ destination: DESTINATION, events: [event] }));
  return res.status;
}

/**
 * Watches the fake API's request log (one poller for every waiter) and resolves a waiter when the
 * reply call with its token arrives. Never call `fake.reset()` while it runs.
 */
export class ReplyWatcher {
  readonly #fake: FakeLineApi;
  #cursor = 0;
  readonly #calls = new Map<string, RecordedRequest[]>();
  readonly #waiters = new Map<string, ((call: RecordedRequest) => void)[]>();
  readonly #timer: NodeJS.Timeout;

  constructor(fake: FakeLineApi) {
    this.#fake = fake;
    this.#timer = setInterval(() => this.#poll(), 3);
  }

  /** The messages of the (first) reply sent with `replyToken`; rejects after `timeoutMs`. */
  async reply(replyToken: string, timeoutMs = 15_000): Promise<any[]> {
    this.#poll();
    const seen = this.#calls.get(replyToken)?.[0];
    if (seen) return seen.body.messages;
    const call = await new Promise<RecordedRequest>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply with token ${replyToken} within ${timeoutMs} ms`)), timeoutMs);
      const list = this.#waiters.get(replyToken) ?? [];
      list.push((c) => {
        clearTimeout(timer);
        resolve(c);
      });
      this.#waiters.set(replyToken, list);
    });
    return call.body.messages;
  }

  /** Every reply call made with `replyToken` so far, whatever the fake answered. */
  calls(replyToken: string): RecordedRequest[] {
    this.#poll();
    return this.#calls.get(replyToken) ?? [];
  }

  /** Every reply call so far. */
  allCalls(): RecordedRequest[] {
    this.#poll();
    return [...this.#calls.values()].flat();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #poll(): void {
    const requests = this.#fake.requests;
    for (; this.#cursor < requests.length; this.#cursor++) {
      const call = requests[this.#cursor];
      if (!call || call.path !== "/v2/bot/message/reply") continue;
      const token = String(call.body?.replyToken);
      this.#calls.set(token, [...(this.#calls.get(token) ?? []), call]);
      const waiters = this.#waiters.get(token);
      if (waiters) {
        this.#waiters.delete(token);
        for (const w of waiters) w(call);
      }
    }
  }
}

// ---- what residents write first ----

/** Realistic first messages: shared/examples and our own scenarios. */
export function firstMessages(): string[] {
  const read = (url: URL) => (JSON.parse(readFileSync(url, "utf8")) as { say: string }[]).map((c) => c.say);
  const all = [
    ...read(new URL("../fixtures/examples/shared-conversations.json", import.meta.url)),
    ...read(new URL("../scenarios/conversations.json", import.meta.url)),
  ];
  return [...new Set(all)];
}

// ---- the resident's next move, from the reply the fake API got ----

/** A typed date per date slot (relative to BOT_NOW 2026-11-21), as residents write them. */
const TYPED_DATES: Record<string, string[]> = {
  certExpiry: ["令和9年3月15日", "2026年9月30日", "2031年1月10日"],
  cardExpiry: ["2034年7月14日", "令和8年12月1日", "2029年3月25日"],
  issuedOn: ["昨日", "11月20日", "今日"],
};
/** A date picked in the calendar per date slot. */
const PICKED_DATES: Record<string, string[]> = {
  certExpiry: ["2027-03-15", "2026-10-01", "2030-02-03"],
  cardExpiry: ["2034-07-14", "2027-01-31", "2029-03-25"],
  issuedOn: ["2026-11-20", "2026-11-21", "2026-11-18"],
};

const CONTACT_CITY_TITLE = "窓口・電話でご相談ください";

/**
 * The next move of conversation `c` at its event `k` (k ≥ 1), from the messages of the previous reply.
 * Every move changes the conversation: an answer to the open question (a tap on one of its buttons,
 * the calendar, or the button's words typed), and after a route 「最初からやり直す」, 「窓口に相談したい」
 * (unless the route already is the counter) or a new problem typed from scratch.
 */
export function nextMove(c: number, k: number, messages: any[], pool: readonly string[]): Move {
  const items: any[] = messages.at(-1)?.quickReply?.items ?? [];
  const postbacks = items.filter((i) => i.action?.type === "postback");
  const picker = items.find((i) => i.action?.type === "datetimepicker");
  // The open question's slot: the last postback's (after a route, a route's `detail` choices come first).
  const slot = new URLSearchParams(String(postbacks.at(-1)?.action.data ?? picker?.action.data ?? "")).get("s") ??
    new URLSearchParams(String(picker?.action.data ?? "")).get("d");
  const fresh = (): Move => ({ kind: "text", text: pool[(c * 7 + k * 13) % pool.length] ?? "電子証明書が失効していると出ました" });
  if (!slot) return fresh();

  if (slot === "followUp") {
    const restart = postbacks.find((i) => new URLSearchParams(i.action.data).get("c") === "restart");
    const contact = postbacks.find((i) => new URLSearchParams(i.action.data).get("c") === "contact");
    const atCounter = JSON.stringify(messages).includes(CONTACT_CITY_TITLE);
    switch ((c + k) % 3) {
      case 0:
        if (restart) return { kind: "postback", data: restart.action.data };
        break;
      case 1:
        if (contact && !atCounter) return { kind: "postback", data: contact.action.data };
        break;
    }
    return fresh();
  }

  const variant = (c * 3 + k) % 6;
  if (picker && variant === 0) {
    const dates = PICKED_DATES[slot] ?? ["2027-03-15"];
    return { kind: "postback", data: picker.action.data, params: { date: dates[(c + k) % dates.length] ?? "2027-03-15" } };
  }
  if (variant === 1 && TYPED_DATES[slot]) {
    const dates = TYPED_DATES[slot];
    return { kind: "text", text: dates[(c + k) % dates.length] ?? "昨日" };
  }
  const item = postbacks[(c + k) % Math.max(1, postbacks.length)];
  if (!item) return fresh();
  if (variant === 2) return { kind: "text", text: String(item.action.displayText ?? item.action.label) };
  return { kind: "postback", data: item.action.data };
}
