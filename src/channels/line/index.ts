/**
 * The LINE channel: `POST /webhooks/line` for the city's official account. Transport only.
 *
 * Accept durably, then acknowledge: the webhook's events are written to the store's inbox (queue
 * `line`) before the 200; when the store cannot take them the answer is 503 and LINE redelivers. Every
 * instance then takes events from the inbox ({@link SessionStore.take}); events a dead instance had
 * taken are handed out again after `resumeAfterMs`. An event is handled under its conversation's lock,
 * after every earlier event of that conversation (whoever took those: the lock holder handles them in
 * order), and the conversation's new state is saved together with the answer it owes (the outbox
 * record `outbox:line:<webhookEventId>`, see ./deliver.ts). The answer is then sent once — reply while
 * the token is fresh, else push with a retry key — marked sent, and the event leaves the inbox. An
 * event found already answered (a redelivery, or one taken over) is not applied again.
 *
 * Logs: one info line per event. A handled turn has the runtime's `turn` line (with the event's id and
 * the webhook's request id); every other outcome (ignored, duplicate, forget, unsupported, failed)
 * has a `line event` line. The `line event` line of a handled turn and the webhook's access line are
 * debug. Warnings and errors (a reply token too old, a failed send or turn) come on top.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { HTTPFetchError, LineBotClient, type webhook } from "@line/bot-sdk";
import type { Express, RequestHandler } from "express";
import { messagesFor } from "../../../flows/certificate-recovery/messages.ts";
import { DEFAULT_LOCALE, localeOfMeta, type Locale } from "../../core/locale.ts";
import type { Reply } from "../../core/reply.ts";
import { MAX_TEXT_LENGTH, type ConversationRuntime } from "../../core/runtime.ts";
import { detectPii } from "../../nlu/index.ts";
import { hashId, type Logger } from "../../logger.ts";
import { currentRequestId, runWithRequestContext } from "../../observability/context.ts";
import { accessLogAtDebug } from "../../observability/http.ts";
import type { Metrics } from "../../observability/metrics.ts";
import type { InboxItem, NewInboxItem, SessionStore } from "../../store/types.ts";
import { localeAfterTurn } from "../locale.ts";
import type { Channel } from "../types.ts";
import { deliverOwed, firstReplyWindowMs, LineRefusedError, outboxKey, type Delivery, type LineOutboxRecord } from "./deliver.ts";
import { createRichMenuLinker, withProfileLocale } from "./locale.ts";
import { parseWebhookBody, toLineAction, type LineAction } from "./parse.ts";
import { pushTargetOf } from "./push.ts";
import { markAsReadTokenOf, markReadIfWithStaff } from "./read.ts";
import { renderLineMessages } from "./render.ts";
import { verifyLineRequest } from "./verify.ts";

export { REPLY_TOKEN_LIFETIME_MS } from "./deliver.ts";

export interface LineChannelOptions {
  runtime: ConversationRuntime;
  /** The inbox, the outbox records and the conversations' locks. */
  store: SessionStore;
  logger: Logger;
  /** This app's metrics (inbox depth, resumed, replies vs pushes, given up). */
  metrics?: Metrics;
  channelSecret: string;
  channelAccessToken: string;
  /** Messaging API base (LINE_API_BASE_URL); tests point it at a local fake. */
  apiBaseUrl?: string;
  /** How long an event's outbox record (and so its dedupe) is kept after it was answered. */
  dedupeTtlMs?: number;
  /** The wall clock the reply-token age is measured with (LINE's timestamps are real time, not BOT_NOW). */
  clock?: () => number;
  /** An event taken but not finished for this long is taken over by another instance. Default 30 s. */
  resumeAfterMs?: number;
  /** Tries of one event before it is given up on (parked for a person, the resident told). Default 5. */
  maxAttempts?: number;
}

/** A LINE channel; `idle()` resolves once every event received so far has been handled. */
export interface LineChannel extends Channel {
  idle(): Promise<void>;
}

const QUEUE = "line";
const DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;
/** How long one `take` waits for a new event (also how long `stop` can wait for it). */
const TAKE_WAIT_MS = 500;
/** Events handled side by side by one instance. */
const MAX_IN_FLIGHT = 64;

/**
 * What the inbox holds per event: the event's envelope without its message (id, type, time, source,
 * reply token), what it asks of the conversation with any PIN or 個人番号 already replaced (the inbox
 * keeps none), and the webhook request's id (for the logs).
 */
interface InboxBody {
  e: webhook.Event;
  a: Exclude<LineAction, { kind: "ignore" }>;
  r?: string;
  /** The message's `markAsReadToken` (issue 18: marked as read while a person has the ticket). */
  m?: string;
}

/** The event's envelope, without the message (its text is in the action, redacted). */
function envelopeOf(e: webhook.Event): webhook.Event {
  const { type, mode, timestamp, source, webhookEventId, deliveryContext } = e;
  const replyToken = "replyToken" in e ? e.replyToken : undefined;
  return { type, mode, timestamp, source, webhookEventId, deliveryContext, ...(replyToken ? { replyToken } : {}) } as webhook.Event;
}

/** The action with any PIN or 個人番号 in its text replaced (flagged, so the resident is still warned). */
function redacted(action: Exclude<LineAction, { kind: "ignore" }>): Exclude<LineAction, { kind: "ignore" }> {
  if (action.kind !== "turn" || action.event.kind !== "text") return action;
  const pii = detectPii(action.event.text.slice(0, MAX_TEXT_LENGTH));
  if (pii.kinds.length === 0) return action;
  return { ...action, event: { kind: "text", text: pii.redacted, piiRemoved: true } };
}

export function createLineChannel(opts: LineChannelOptions): LineChannel {
  const { runtime, store, metrics } = opts;
  const log = opts.logger.child({ channel: "line" });
  const clock = opts.clock ?? Date.now;
  const dedupeTtlMs = opts.dedupeTtlMs ?? DEDUPE_TTL_MS;
  const resumeAfterMs = opts.resumeAfterMs ?? 30_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const replyWindowMs = firstReplyWindowMs(resumeAfterMs);
  const consumer = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const client = LineBotClient.fromChannelAccessToken({
    channelAccessToken: opts.channelAccessToken,
    ...(opts.apiBaseUrl ? { apiBaseURL: opts.apiBaseUrl, dataApiBaseURL: opts.apiBaseUrl } : {}),
  });
  const counterPhone = runtime.city.counter.phone;
  const richMenus = createRichMenuLinker({ client, store, log });
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  let intake = 0;
  let depthAt = 0;

  // ---- intake: before the 200 ----

  const receive: RequestHandler = async (req, res) => {
    const events = parseWebhookBody(req.body);
    const requestId = currentRequestId();
    const items: NewInboxItem[] = [];
    for (const e of events) {
      const action = toLineAction(e);
      if (action.kind === "ignore") {
        log.info({ ...eventFields(e), outcome: "ignored", reason: action.reason }, "line event");
        continue;
      }
      const readToken = markAsReadTokenOf(e);
      const body: InboxBody = { e: envelopeOf(e), a: redacted(action), ...(requestId ? { r: requestId } : {}), ...(readToken ? { m: readToken } : {}) };
      items.push({ conversationId: action.conversationId, body: JSON.stringify(body) });
    }
    intake += 1;
    try {
      if (items.length > 0) await store.enqueue(QUEUE, items);
    } catch (err) {
      metrics?.inboxEvents.inc({ queue: QUEUE, outcome: "rejected" }, items.length);
      log.error({ err: { name: (err as Error).name, message: (err as Error).message }, events: items.length }, "line events not accepted: the store did not take them");
      res.setHeader("Retry-After", "1");
      res.status(503).json({ error: { code: "UNAVAILABLE", message: "try again later" } });
      return;
    } finally {
      intake -= 1;
    }
    metrics?.inboxEvents.inc({ queue: QUEUE, outcome: "accepted" }, items.length);
    // Each event gets its own log line: the acknowledgement's access line is debug.
    accessLogAtDebug(res);
    res.status(200).json({});
  };

  // ---- the worker: take, order, step with outbox, send, finish ----

  async function run(): Promise<void> {
    while (running) {
      if (inFlight.size >= MAX_IN_FLIGHT) {
        await Promise.race(inFlight);
        continue;
      }
      let items: InboxItem[];
      try {
        items = await store.take(QUEUE, { consumer, max: MAX_IN_FLIGHT - inFlight.size, waitMs: TAKE_WAIT_MS, resumeAfterMs });
      } catch (err) {
        if (!running) break;
        log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, "line inbox: could not take events; trying again");
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      for (const item of items) track(handleTaken(item));
      if (metrics && Date.now() - depthAt > 1_000) {
        depthAt = Date.now();
        store.inboxDepth(QUEUE).then((n) => metrics.inboxDepth.set({ queue: QUEUE }, n), () => undefined);
      }
    }
  }

  /** One taken event: under its conversation's lock, the events before it (in order), then it. */
  async function handleTaken(item: InboxItem): Promise<void> {
    if (item.resumed) metrics?.inboxEvents.inc({ queue: QUEUE, outcome: "resumed" });
    let current = item;
    try {
      await store.withLock(item.conversationId, async () => {
        const queued = await store.queued(QUEUE, item.conversationId);
        const at = queued.findIndex((q) => q.id === item.id);
        // Not queued any more: handled meanwhile (by whoever held the lock before). Done.
        if (at < 0) return void (await store.finish(QUEUE, item));
        for (const q of queued.slice(0, at + 1)) {
          current = q.id === item.id ? item : q;
          await handleQueued(current);
        }
      });
    } catch (err) {
      await failed(current, current === item ? item.deliveries + 1 : 1, err);
    }
  }

  /** Handle one event (its conversation locked, every earlier one done). */
  async function handleQueued(item: InboxItem): Promise<void> {
    const body = JSON.parse(item.body) as InboxBody;
    const event = body.e;
    const ctx = { ...eventFields(event), ...(item.resumed ? { resumed: true } : {}) };
    await runWithRequestContext({ requestId: body.r ?? randomUUID(), eventId: event.webhookEventId }, async () => {
      const key = outboxKey(event.webhookEventId);
      let record = decodeRecord(await store.getValue(key));
      const earlierTry = record !== undefined;
      const action = body.a;
      let conversation: string | undefined;
      const hashed = () => (conversation ??= hashId(action.conversationId));
      const turnCtx = () => ({ ...ctx, conversation: hashed() });
      if (!record) {
        record = await step(event, action, key, body.m, turnCtx);
      } else if (record.status !== "owed") {
        metrics?.inboxEvents.inc({ queue: QUEUE, outcome: "duplicate" });
        log.info({ ...turnCtx(), outcome: "duplicate" }, "line event");
        await store.finish(QUEUE, item);
        return;
      }
      let sent: Delivery | "no-reply" = "no-reply";
      if (record.status === "owed") {
        try {
          const owed = record;
          const switchToPush = () => store.setValue(key, JSON.stringify({ ...owed, method: "push" } satisfies LineOutboxRecord), dedupeTtlMs);
          sent = await deliverOwed(event.webhookEventId, owed, earlierTry, { client, log, clock, firstReplyWindowMs: replyWindowMs, switchToPush, fields: turnCtx() });
        } catch (err) {
          log.info({ ...turnCtx(), outcome: action.kind, reply: "reply-failed" }, "line event");
          throw err;
        }
        metrics?.lineDeliveries.inc({ how: sent });
        await store.setValue(key, JSON.stringify({ status: "sent", how: sent, timestamp: record.timestamp } satisfies LineOutboxRecord), dedupeTtlMs);
      }
      await store.finish(QUEUE, item);
      // A handled turn's info line is the runtime's `turn` line; this one only adds the reply's fate.
      const level = action.kind === "turn" && !earlierTry && !item.resumed ? "debug" : "info";
      const reply = sent === "reply" || sent === "reply-before" ? "replied" : sent === "push" || sent === "push-before" ? "pushed" : sent;
      if (log.isLevelEnabled(level)) log[level]({ ...turnCtx(), outcome: action.kind, reply, ...(sent.endsWith("-before") ? { before: true } : {}) }, "line event");
    });
  }

  /** Apply the event and save, in the same write, what it owes (or note that it owes nothing). */
  async function step(
    event: webhook.Event,
    action: InboxBody["a"],
    key: string,
    readToken: string | undefined,
    turnCtx: () => Record<string, unknown>,
  ): Promise<LineOutboxRecord> {
    const owed = (replies: Reply[], locale: Locale): LineOutboxRecord => {
      const messages = renderLineMessages(replies, { counterPhone, locale });
      const to = pushTargetOf(action.conversationId);
      const replyToken = "replyToken" in action ? action.replyToken : undefined;
      if (messages.length === 0) return { status: "none", timestamp: event.timestamp };
      const method = replyToken && clock() - event.timestamp <= replyWindowMs ? "reply" : "push";
      return { status: "owed", messages, timestamp: event.timestamp, method, ...(replyToken ? { replyToken } : {}), ...(to ? { to } : {}) };
    };
    let record: LineOutboxRecord = { status: "none", timestamp: event.timestamp };
    switch (action.kind) {
      case "turn": {
        // Issue 14: a follow, or a first message, carries the language of the user's LINE profile.
        const inbound = await withProfileLocale(action.conversationId, action.event, {
          client,
          exists: async (id) => (await store.get(id)) !== undefined,
          log,
          fields: turnCtx(),
        });
        let locale: Locale | undefined;
        const turn = await runtime.handle(action.conversationId, inbound, {
          lockHeld: true,
          outbox: (result) => {
            locale = localeAfterTurn(result, inbound);
            record = owed(result.replies, locale ?? DEFAULT_LOCALE);
            return [{ key, value: JSON.stringify(record), ttlMs: dedupeTtlMs }];
          },
        });
        // The rich menu of the conversation's language (linked once per change; never fails the turn).
        if (locale) await richMenus.follow(action.conversationId, locale, turnCtx());
        // Issue 18: a person has the ticket, so the resident sees 既読.
        await markReadIfWithStaff(client, runtime, action.conversationId, readToken, turn).catch((err: unknown) =>
          log.warn({ ...turnCtx(), status: err instanceof HTTPFetchError ? err.status : undefined }, "line: could not mark as read"),
        );
        return record;
      }
      case "unsupported": {
        const locale = localeOfMeta(await runtime.getMeta(action.conversationId));
        record = owed([{ type: "text", text: messagesFor(locale).unsupported }], locale);
        break;
      }
      case "forget":
        // Unfollow: the conversation and the resident's reminders (issue 17).
        await runtime.forget(action.conversationId, { lockHeld: true });
        break;
    }
    await store.setValue(key, JSON.stringify(record), dedupeTtlMs);
    return record;
  }

  /** A try failed: leave the event for a later try (it is handed out again), or give up on it. */
  async function failed(item: InboxItem, attempts: number, err: unknown): Promise<void> {
    const event = (JSON.parse(item.body) as InboxBody).e;
    const fields = { ...eventFields(event), conversation: hashId(item.conversationId), attempts };
    const error = withoutId(err, item.conversationId, fields.conversation);
    const refused = err instanceof LineRefusedError;
    if (!refused && attempts < maxAttempts) {
      metrics?.inboxEvents.inc({ queue: QUEUE, outcome: "retried" });
      log.error({ ...fields, err: error }, "line event failed");
      return; // still in the inbox: handed out again after resumeAfterMs
    }
    const reason = refused ? `LINE refused: ${(err as Error).message}` : `failed ${attempts} times: ${(err as Error)?.message ?? String(err)}`;
    metrics?.inboxEvents.inc({ queue: QUEUE, outcome: "given_up" });
    log.error({ ...fields, err: error, reason: reason.replaceAll(item.conversationId, fields.conversation) }, "line event given up: kept in the inbox's parked list");
    try {
      await store.park(QUEUE, item, reason.replaceAll(item.conversationId, fields.conversation));
    } catch (parkErr) {
      log.error({ ...fields, err: withoutId(parkErr, item.conversationId, fields.conversation) }, "line event could not be parked; it stays in the inbox");
      return;
    }
    // Tell the resident, once, unless LINE refused the very messages.
    const to = pushTargetOf(item.conversationId);
    const action = (JSON.parse(item.body) as InboxBody).a;
    if (refused || !to || action.kind === "forget") return;
    const replyToken = "replyToken" in action ? action.replyToken : undefined;
    // In the conversation's language if it can still be read (the failure may be the store's).
    const locale = localeOfMeta(await Promise.resolve().then(() => runtime.getMeta(item.conversationId)).catch(() => undefined));
    const apology: LineOutboxRecord = {
      status: "owed",
      method: replyToken && clock() - event.timestamp <= replyWindowMs ? "reply" : "push",
      messages: renderLineMessages([{ type: "text", text: messagesFor(locale).internalError }], { locale }),
      timestamp: event.timestamp,
      to,
      ...(replyToken ? { replyToken } : {}),
    };
    const switchToPush = async () => undefined;
    await deliverOwed(`${event.webhookEventId}:apology`, apology, false, { client, log, clock, firstReplyWindowMs: replyWindowMs, switchToPush, fields }).catch(() => undefined);
  }

  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  /** Every event accepted so far answered (or given up on): nothing in flight, the inbox empty. */
  async function idle(): Promise<void> {
    for (;;) {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      if (intake === 0 && (await store.inboxDepth(QUEUE)) === 0 && inFlight.size === 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  return {
    name: "line",
    mount(app: Express) {
      app.post("/webhooks/line", ...verifyLineRequest({ channelSecret: opts.channelSecret }), receive);
    },
    async start() {
      if (running) return;
      running = true;
      loop = run();
    },
    idle,
    /** Stop taking events and finish those in flight before the store closes; the rest stay in the inbox. */
    async stop() {
      running = false;
      await loop;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

function eventFields(e: webhook.Event) {
  return { eventId: e.webhookEventId, eventType: e.type, redelivery: e.deliveryContext?.isRedelivery === true };
}

function decodeRecord(text: string | undefined): LineOutboxRecord | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as LineOutboxRecord;
  } catch {
    return undefined;
  }
}

/** The error with the conversation id (it holds a LINE user id) replaced by its hash. */
function withoutId(err: unknown, conversationId: string, hash: string): unknown {
  if (!(err instanceof Error)) return err;
  const hide = (s: string | undefined) => s?.replaceAll(conversationId, hash);
  return { type: err.name, message: hide(err.message), stack: hide(err.stack), ...("code" in err ? { code: err.code } : {}) };
}
