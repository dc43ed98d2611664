/**
 * The LINE channel: `POST /webhooks/line` for the city's official account. Transport only: verify the
 * signature, answer 200 at once, then for each event (once, however often LINE delivers it) feed the
 * conversation and send its replies with the event's reply token while the token is fresh.
 *
 * Logs: one info line per event. A handled turn has the runtime's `turn` line (with the event's id,
 * from the request context); every other outcome (ignored, duplicate, forget, unsupported, failed)
 * has a `line event` line. The `line event` line of a handled turn and the webhook's access line are
 * debug. Warnings and errors (a reply token too old, a failed reply or turn) come on top.
 */
import { HTTPFetchError, LineBotClient, type webhook } from "@line/bot-sdk";
import type { Express, RequestHandler } from "express";
import { MESSAGES } from "../../../flows/certificate-recovery/messages.ts";
import type { Reply } from "../../core/reply.ts";
import type { ConversationRuntime } from "../../core/runtime.ts";
import { hashId, type Logger } from "../../logger.ts";
import { runForEvent } from "../../observability/context.ts";
import { accessLogAtDebug } from "../../observability/http.ts";
import type { SessionStore } from "../../store/types.ts";
import type { Channel } from "../types.ts";
import { conversationIdOf, parseWebhookBody, toLineAction } from "./parse.ts";
import { apiMessage } from "./push.ts";
import { markReadIfWithStaff } from "./read.ts";
import { renderLineMessages } from "./render.ts";
import { verifyLineRequest } from "./verify.ts";

export interface LineChannelOptions {
  runtime: ConversationRuntime;
  /** Where handled event ids are remembered (dedupe of redeliveries). */
  store: SessionStore;
  logger: Logger;
  channelSecret: string;
  channelAccessToken: string;
  /** Messaging API base (LINE_API_BASE_URL); tests point it at a local fake. */
  apiBaseUrl?: string;
  /** How long a handled event id is remembered. */
  dedupeTtlMs?: number;
  /** The wall clock the reply-token age is measured with (LINE's timestamps are real time, not BOT_NOW). */
  clock?: () => number;
}

/** A LINE channel; `idle()` resolves once every event received so far has been handled. */
export interface LineChannel extends Channel {
  idle(): Promise<void>;
}

/** LINE's reply tokens expire about a minute after the event; keep a margin for the request itself. */
export const REPLY_TOKEN_LIFETIME_MS = 55_000;
const DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;

export function createLineChannel(opts: LineChannelOptions): LineChannel {
  const { runtime, store } = opts;
  const log = opts.logger.child({ channel: "line" });
  const clock = opts.clock ?? Date.now;
  const client = LineBotClient.fromChannelAccessToken({
    channelAccessToken: opts.channelAccessToken,
    ...(opts.apiBaseUrl ? { apiBaseURL: opts.apiBaseUrl, dataApiBaseURL: opts.apiBaseUrl } : {}),
  });
  const inFlight = new Set<Promise<void>>();

  /** Send replies with the event's token, once, if it is still fresh. Never throws. */
  async function reply(event: webhook.Event, replyToken: string | undefined, replies: Reply[], ctx: () => object): Promise<string> {
    if (!replyToken || replies.length === 0) return "no-reply";
    const ageMs = clock() - event.timestamp;
    if (ageMs > REPLY_TOKEN_LIFETIME_MS) {
      log.warn({ ...ctx(), ageMs }, "line reply skipped: reply token expired");
      return "token-expired";
    }
    try {
      const messages = renderLineMessages(replies, { counterPhone: runtime.city.counter.phone });
      await client.replyMessage({ replyToken, messages });
      return "replied";
    } catch (err) {
      if (err instanceof HTTPFetchError) {
        log.error({ ...ctx(), status: err.status, apiMessage: apiMessage(err.body) }, "line reply failed");
      } else {
        log.error({ ...ctx(), err }, "line reply failed");
      }
      return "reply-failed";
    }
  }

  async function handleEvent(event: webhook.Event): Promise<void> {
    const ctx = { eventId: event.webhookEventId, eventType: event.type, redelivery: event.deliveryContext?.isRedelivery === true };
    const action = toLineAction(event);
    if (action.kind === "ignore") {
      log.info({ ...ctx, outcome: "ignored", reason: action.reason }, "line event");
      return;
    }
    const dedupeKey = `line:${event.webhookEventId}`;
    if (!(await store.claimEvent(dedupeKey, opts.dedupeTtlMs ?? DEDUPE_TTL_MS))) {
      log.info({ ...ctx, outcome: "duplicate" }, "line event");
      return;
    }
    // The conversation's hash (a sha256), computed once, and only for a line that shows it.
    let conversation: string | undefined;
    const hashed = () => (conversation ??= hashId(action.conversationId));
    const turnCtx = () => ({ ...ctx, conversation: hashed() });
    let replies: Reply[] = [];
    let failed = false;
    try {
      if (action.kind === "forget") await runtime.forget(action.conversationId);
      else if (action.kind === "unsupported") replies = [{ type: "text", text: MESSAGES.unsupported }];
      else {
        const turn = await runtime.handle(action.conversationId, action.event);
        replies = turn.replies;
        // Issue 18: a person has the ticket, so the resident sees 既読.
        await markReadIfWithStaff(client, runtime, action.conversationId, event, turn).catch((err: unknown) =>
          log.warn({ ...turnCtx(), status: err instanceof HTTPFetchError ? err.status : undefined }, "line: could not mark as read"),
        );
      }
    } catch (err) {
      failed = true;
      log.error({ ...turnCtx(), err: withoutId(err, action.conversationId, hashed()) }, "line event failed");
      await store.releaseEvent(dedupeKey).catch(() => undefined);
      replies = [{ type: "text", text: MESSAGES.internalError }];
    }
    const sent = await reply(event, action.kind === "forget" ? undefined : action.replyToken, replies, turnCtx);
    // A handled turn's info line is the runtime's `turn` line; this one only adds the reply's fate,
    // which is "replied" or already a warning or an error.
    const level = action.kind === "turn" && !failed ? "debug" : "info";
    if (log.isLevelEnabled(level)) log[level]({ ...turnCtx(), outcome: failed ? "failed" : action.kind, reply: sent }, "line event");
  }

  /** Events of one conversation in order; different conversations side by side. */
  async function handleBody(events: webhook.Event[]): Promise<void> {
    const byConversation = new Map<string, webhook.Event[]>();
    for (const e of events) {
      const key = conversationIdOf(e.source) ?? e.webhookEventId;
      byConversation.set(key, [...(byConversation.get(key) ?? []), e]);
    }
    await Promise.all(
      [...byConversation.values()].map(async (list) => {
        for (const e of list) {
          try {
            await runForEvent(e.webhookEventId, () => handleEvent(e));
          } catch (err) {
            log.error({ eventId: e.webhookEventId, err }, "line event crashed");
          }
        }
      }),
    );
  }

  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return {
    name: "line",
    mount(app: Express) {
      const receive: RequestHandler = (req, res) => {
        const events = parseWebhookBody(req.body);
        // Each event gets its own log line: the acknowledgement's access line is debug.
        accessLogAtDebug(res);
        res.status(200).json({});
        // Answer LINE first; the events are handled after the response (LINE recommends it).
        track(handleBody(events));
      };
      app.post("/webhooks/line", ...verifyLineRequest({ channelSecret: opts.channelSecret }), receive);
    },
    idle,
    /** Finish the events in flight before the store closes. */
    stop: idle,
  };
}

/** The error with the conversation id (it holds a LINE user id) replaced by its hash. */
function withoutId(err: unknown, conversationId: string, hash: string): unknown {
  if (!(err instanceof Error)) return err;
  const hide = (s: string | undefined) => s?.replaceAll(conversationId, hash);
  return { type: err.name, message: hide(err.message), stack: hide(err.stack), ...("code" in err ? { code: err.code } : {}) };
}

