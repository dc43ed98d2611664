/**
 * Where conversations live between events. Every implementation (memory, sqlite, redis) passes the
 * same contract test suite (test/store/contract.ts).
 */

/** What is stored for one conversation: the machine snapshot in a versioned envelope. */
export interface StoredConversation {
  /** The machine that produced the snapshot, e.g. `certificate-recovery`. */
  machineId: string;
  /** The machine's version when the snapshot was taken; a mismatch means migrate or restart. */
  version: number;
  /** The persisted xstate snapshot (JSON-serialisable). */
  snapshot: unknown;
  /** Channel-side state that is not the diagnosis (e.g. hand-off to a person). JSON-serialisable. */
  meta?: Record<string, unknown>;
  /** Epoch milliseconds of the last save. */
  updatedAt: number;
}

/** A key/value record (as {@link SessionStore.setValue} writes it) to save with a conversation. */
export interface ValueWrite {
  key: string;
  value: string;
  ttlMs: number;
}

/**
 * One platform event in a store's durable inbox (see {@link SessionStore.enqueue}). The inbox is how a
 * webhook is accepted durably before its 200 and handled by whichever instance is alive: an item stays
 * until {@link SessionStore.finish} (or {@link SessionStore.park}) is called for it, whatever dies meanwhile.
 */
export interface InboxItem {
  /** The store's id, increasing in arrival order (a Redis stream id, an SQLite row id). */
  id: string;
  conversationId: string;
  /** The event as the channel wrote it (JSON text). */
  body: string;
  /** How many times it was handed out before this time (0: the first time). */
  deliveries: number;
  /** Handed out again after it was left idle past the deadline (its first taker died or failed). */
  resumed: boolean;
}

/** An event to put in the inbox: the conversation it belongs to and its body. */
export interface NewInboxItem {
  conversationId: string;
  body: string;
}

/** How {@link SessionStore.take} hands out items. */
export interface InboxTakeOptions {
  /** This instance's consumer name (unique per process). */
  consumer: string;
  /** At most this many items. */
  max: number;
  /** Wait up to this long for a new item when there is none. */
  waitMs: number;
  /** Items handed out but not finished for this long are handed out again (their taker is presumed dead). */
  resumeAfterMs: number;
}

export interface SessionStore {
  /** The conversation, or undefined when unknown or expired. */
  get(conversationId: string): Promise<StoredConversation | undefined>;
  /**
   * Save (insert or replace) the conversation; it expires `ttlMs` after this save. `values`, when
   * given, are set as {@link setValue} sets them, in the same write as the conversation (one
   * transaction, one MULTI): all of it lands, or none of it.
   */
  save(conversationId: string, value: StoredConversation, ttlMs: number, values?: readonly ValueWrite[]): Promise<void>;
  delete(conversationId: string): Promise<void>;
  /**
   * Claim a dedupe key (a platform event id). Resolves true the first time a key is claimed within
   * `ttlMs`, false for every later claim: the caller then skips the event.
   */
  claimEvent(key: string, ttlMs: number): Promise<boolean>;
  /** Release a claim (the event failed and may be retried by the platform). */
  releaseEvent(key: string): Promise<void>;
  /**
   * Run `fn` while holding the conversation's lock: events of one conversation are handled one at a
   * time, across every instance that shares the store.
   */
  withLock<T>(conversationId: string, fn: () => Promise<T>): Promise<T>;
  /** Small key/value records beside conversations (e.g. a Slack thread → conversation id). */
  getValue(key: string): Promise<string | undefined>;
  setValue(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Durably append events to the inbox `queue` (e.g. `line`), in the order given; resolves only once
   * they are stored (the webhook's 200 comes after). Rejects when the store cannot take them.
   */
  enqueue(queue: string, items: readonly NewInboxItem[]): Promise<void>;
  /**
   * Items for this consumer: those left idle past `resumeAfterMs` by any consumer (`resumed`), else new
   * ones, waiting up to `waitMs` for one. Each new item goes to one consumer; a taken item that is not
   * finished is handed out again after `resumeAfterMs`.
   */
  take(queue: string, options: InboxTakeOptions): Promise<InboxItem[]>;
  /** The conversation's unfinished items, oldest first: an item is applied only after those before it. */
  queued(queue: string, conversationId: string): Promise<InboxItem[]>;
  /** The item is done (answered, or nothing to answer): it leaves the inbox. Finishing twice is fine. */
  finish(queue: string, item: InboxItem): Promise<void>;
  /**
   * Give up on an item: it leaves the conversation's queue but is kept, with `reason`, for a person to
   * look at ({@link parked}); never deleted unseen.
   */
  park(queue: string, item: InboxItem, reason: string): Promise<void>;
  /** Items given up on, oldest first, with their reasons. */
  parked(queue: string): Promise<(InboxItem & { reason: string })[]>;
  /** How many items are in the inbox, not yet finished (taken or not). */
  inboxDepth(queue: string): Promise<number>;
  /** Resolves when the backing store answers (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown when a lock cannot be had in time; the caller answers 503 / an apology, never loses data. */
export class LockTimeoutError extends Error {
  readonly code = "LOCK_TIMEOUT";
  constructor(conversationId: string) {
    super(`could not lock conversation ${conversationId} in time`);
    this.name = "LockTimeoutError";
  }
}
