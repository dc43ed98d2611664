/**
 * Helpers shared by the stores: the compact JSON form of a {@link StoredConversation}, TTL checks
 * and small timing utilities.
 */

import type { StoredConversation } from "./types.ts";

/** The envelope as stored: compact JSON (no indentation). */
export function encodeConversation(value: StoredConversation): string {
  return JSON.stringify(value);
}

/**
 * Parse a stored envelope. Throws when the text is not an envelope, so that corrupt data is noticed
 * instead of silently starting the conversation over.
 */
export function decodeConversation(text: string, conversationId: string): StoredConversation {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new Error(`stored conversation ${conversationId} is not valid JSON`, { cause });
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    typeof (parsed as { machineId?: unknown }).machineId !== "string" ||
    typeof (parsed as { version?: unknown }).version !== "number" ||
    typeof (parsed as { updatedAt?: unknown }).updatedAt !== "number"
  ) {
    throw new Error(`stored conversation ${conversationId} is not a StoredConversation envelope`);
  }
  return parsed as StoredConversation;
}

/**
 * Check a time-to-live and return it as whole milliseconds (rounded up, so 0.5 ms is 1 ms).
 * Throws a RangeError for zero, negative or non-finite values.
 */
export function ttlMillis(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive finite number of milliseconds, got ${ttlMs}`);
  }
  return Math.ceil(ttlMs);
}

/** Resolve after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Error thrown by every operation on a store after `close()`. */
export class StoreClosedError extends Error {
  readonly code = "STORE_CLOSED";
  constructor(store: string) {
    super(`${store} session store is closed`);
    this.name = "StoreClosedError";
  }
}
