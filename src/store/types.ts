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
