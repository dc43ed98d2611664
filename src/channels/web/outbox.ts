/**
 * The web chat's outbox: replies that reach a resident outside a request of theirs (a staff member's
 * message during a hand-off, the end of the hand-off). The page fetches them with
 * `GET /api/chat/sessions/:id/messages?after=<cursor>`.
 *
 * Kept in the session store (key `outbox:<conversationId>`), so that every instance sees the same outbox
 * and it survives a restart. Each entry has a sequence number (the cursor) and the idempotency key of
 * its delivery: a delivery retried with the same key is stored once.
 */
import type { ResidentNotifier } from "../../core/handoff.ts";
import type { Reply } from "../../core/reply.ts";
import type { SessionStore } from "../../store/types.ts";

/** Entries kept per conversation (the oldest are dropped). */
export const OUTBOX_SIZE = 50;
/** How long an outbox is kept after its last entry. */
export const OUTBOX_TTL_MS = 14 * 24 * 60 * 60 * 1000;

interface OutboxEntry {
  seq: number;
  key: string;
  reply: Reply;
}

interface OutboxRecord {
  entries: OutboxEntry[];
}

/** The replies after a cursor, and the cursor to ask with next time. */
export interface OutboxPage {
  replies: Reply[];
  cursor: string;
}

export interface WebOutbox extends ResidentNotifier {
  /** Replies stored after `after` (a cursor from an earlier page; `undefined` for all). */
  read(conversationId: string, after: number | undefined): Promise<OutboxPage>;
}

const keyOf = (conversationId: string) => `outbox:${conversationId}`;

function parse(raw: string | undefined): OutboxRecord {
  if (!raw) return { entries: [] };
  try {
    const v = JSON.parse(raw) as Partial<OutboxRecord>;
    return { entries: Array.isArray(v.entries) ? v.entries : [] };
  } catch {
    return { entries: [] };
  }
}

export function createWebOutbox(store: SessionStore, opts: { clock?: () => number } = {}): WebOutbox {
  const clock = opts.clock ?? Date.now;
  return {
    async notify(conversationId: string, replies: Reply[], idempotencyKey: string): Promise<void> {
      if (replies.length === 0) return;
      // Its own lock key: a notification may come while the conversation's lock is held.
      await store.withLock(keyOf(conversationId), async () => {
        const record = parse(await store.getValue(keyOf(conversationId)));
        if (record.entries.some((e) => e.key === idempotencyKey)) return;
        // Sequence numbers start from the clock, so a cursor from an outbox that expired never hides new entries.
        let seq = Math.max(record.entries.at(-1)?.seq ?? 0, clock());
        const added = replies.map((reply) => ({ seq: ++seq, key: idempotencyKey, reply }));
        const entries = [...record.entries, ...added].slice(-OUTBOX_SIZE);
        await store.setValue(keyOf(conversationId), JSON.stringify({ entries }), OUTBOX_TTL_MS);
      });
    },
    async read(conversationId: string, after: number | undefined): Promise<OutboxPage> {
      const { entries } = parse(await store.getValue(keyOf(conversationId)));
      const fresh = entries.filter((e) => after === undefined || e.seq > after);
      const last = fresh.at(-1)?.seq ?? after ?? entries.at(-1)?.seq ?? 0;
      return { replies: fresh.map((e) => e.reply), cursor: String(last) };
    },
  };
}
