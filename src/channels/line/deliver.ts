/**
 * Sending what an event is owed (its outbox record) to LINE, once: with the event's reply token while
 * it is fresh, otherwise by push with an `X-Line-Retry-Key` derived from the event's `webhookEventId`.
 * Transport only: what to say was decided, and saved with the conversation, before this runs.
 *
 * Why a second try never sends twice: a reply token is accepted once (LINE answers 400 "Invalid reply
 * token" to its second use), and a retry key is kept 24 h (LINE answers 409 to its second use). So an
 * event resumed after its first taker died retries the same way, and LINE's refusal tells us the
 * earlier try got through. Every try sends the same way, chosen when the answer was saved: a reply
 * only while the token has time left for a resumed try ({@link firstReplyWindowMs}), else a push. The one gap: a resumed try
 * that finds the token stale (every instance down for longer than that) pushes, which repeats the reply
 * if the first try had sent it before dying.
 */
import { HTTPFetchError, type LineBotClient, type messagingApi } from "@line/bot-sdk";
import { idempotencyUuid } from "../../core/handoff.ts";
import type { Logger } from "../../logger.ts";
import { apiMessage } from "./push.ts";

/** LINE's reply tokens expire about a minute after the event; keep a margin for the request itself. */
export const REPLY_TOKEN_LIFETIME_MS = 55_000;

/**
 * What one accepted event owes the resident, saved with the conversation's new state (`outbox:line:<id>`)
 * and kept 24 h after it was sent (the event's dedupe record).
 */
export interface LineOutboxRecord {
  /** `owed`: not confirmed sent; `sent`: LINE has it; `none`: nothing to send (unfollow, no reply). */
  status: "owed" | "sent" | "none";
  /** The rendered messages, exactly as they are (re)sent. */
  messages?: messagingApi.Message[];
  replyToken?: string;
  /** The event's timestamp (epoch ms, LINE's clock): the reply token's age is counted from it. */
  timestamp: number;
  /** The push target (user, group or room). */
  to?: string;
  /**
   * How every try sends it, chosen when the record is saved (so a resumed try sends the way the first
   * did): `reply` while the token is young enough ({@link firstReplyWindowMs}), else `push`.
   */
  method?: "reply" | "push";
  /** How it was sent. */
  how?: Delivery;
}

/**
 * How young a token must be for a first try to reply: the token's lifetime less the time a resumed try
 * may come later (`resumeAfterMs`) and a margin for the restart; never under 5 s.
 */
export function firstReplyWindowMs(resumeAfterMs: number): number {
  return Math.max(5_000, REPLY_TOKEN_LIFETIME_MS - resumeAfterMs - 15_000);
}

/** How an owed answer reached LINE: `*-before` means an earlier try (now confirmed by LINE's refusal). */
export type Delivery = "reply" | "push" | "reply-before" | "push-before";

/** The outbox key of an event. */
export const outboxKey = (webhookEventId: string) => `outbox:line:${webhookEventId}`;

/** The `X-Line-Retry-Key` of an event's push: a UUID derived from its id (the same on every try). */
export const retryKeyOf = (webhookEventId: string) => idempotencyUuid(`line-event:${webhookEventId}`);

/** Thrown when LINE refuses the messages themselves (4xx other than a used token or key): retrying will not help. */
export class LineRefusedError extends Error {
  readonly code = "LINE_REFUSED";
  readonly status: number;
  constructor(status: number, apiMessage: string | undefined) {
    super(`LINE refused the messages: ${status}${apiMessage ? ` ${apiMessage}` : ""}`);
    this.name = "LineRefusedError";
    this.status = status;
  }
}

export interface DeliverContext {
  client: LineBotClient;
  /** The reply window the record's method was chosen with (for the log). */
  firstReplyWindowMs: number;
  /** Record that this event is now pushed (before the push), after LINE refused a first reply's token. */
  switchToPush: () => Promise<void>;
  log: Logger;
  clock: () => number;
  /** Log fields of the event (its id, type; never text). */
  fields: object;
}

/**
 * Send `record`'s messages for event `webhookEventId`, the record's way. `earlierTry`: the record was
 * saved before this run (by a taker that may have sent it). Resolves with how it reached LINE; rejects when it may not
 * have (a 5xx, a network error: try again later) or with {@link LineRefusedError}.
 */
export async function deliverOwed(webhookEventId: string, record: LineOutboxRecord, earlierTry: boolean, ctx: DeliverContext): Promise<Delivery> {
  const messages = record.messages ?? [];
  const { client, log, fields } = ctx;
  const ageMs = ctx.clock() - record.timestamp;
  if (record.method === "reply" && record.replyToken) {
    if (ageMs <= REPLY_TOKEN_LIFETIME_MS) {
      try {
        await client.replyMessage({ replyToken: record.replyToken, messages });
        return "reply";
      } catch (err) {
        const status = err instanceof HTTPFetchError ? err.status : undefined;
        const message = err instanceof HTTPFetchError ? apiMessage(err.body) : undefined;
        const usedToken = status === 400 && /reply token/i.test(message ?? "");
        // Used by this event's earlier try, which got through: nothing to report.
        if (usedToken && earlierTry) return "reply-before";
        log.error({ ...fields, ...(status ? { status, apiMessage: message } : { err }) }, "line reply failed");
        if (usedToken) {
          // A first try whose token LINE refuses: push, and say so first, so that a later try pushes too
          // (and LINE's 409 then tells whether this push got through).
          await ctx.switchToPush();
        } else if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
          throw new LineRefusedError(status, message);
        } else {
          throw err;
        }
      }
    } else {
      log.warn({ ...fields, ageMs }, "line reply skipped: reply token expired");
    }
  } else if (record.replyToken && !earlierTry) {
    log.warn({ ...fields, ageMs, windowMs: ctx.firstReplyWindowMs }, "line reply skipped: reply token expired");
  }
  if (!record.to) throw new LineRefusedError(0, "no push target");
  try {
    await client.pushMessage({ to: record.to, messages }, retryKeyOf(webhookEventId));
    return "push";
  } catch (err) {
    // 409: a push with this retry key was already accepted; the resident has the message.
    if (err instanceof HTTPFetchError && err.status === 409) return "push-before";
    if (err instanceof HTTPFetchError) {
      const message = apiMessage(err.body);
      log.error({ ...fields, status: err.status, apiMessage: message }, "line push failed");
      if (err.status >= 400 && err.status < 500 && err.status !== 429) throw new LineRefusedError(err.status, message);
    } else {
      log.error({ ...fields, err }, "line push failed");
    }
    throw err;
  }
}
