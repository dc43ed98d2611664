/** Helpers shared by the store tests and their child-process workers (no vitest imports here). */

import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { SessionStore, StoredConversation } from "../../src/store/types.ts";

/** A fresh, unique conversation id (stores may share a backend between tests). */
export function uniqueId(label: string): string {
  return `${label}-${randomUUID()}`;
}

/** An envelope whose snapshot is a counter, as used by the lock tests. */
export function envelope(count: number, extra: Partial<StoredConversation> = {}): StoredConversation {
  return { machineId: "counter", version: 1, snapshot: { count }, updatedAt: Date.now(), ...extra };
}

/** Read-modify-write of the counter in `conversationId`, with a yield in between to invite races. */
export async function increment(store: SessionStore, conversationId: string): Promise<number> {
  const current = await store.get(conversationId);
  const count = ((current?.snapshot as { count?: number } | undefined)?.count ?? 0) + 1;
  await sleep(Math.random() < 0.5 ? 0 : 1);
  await store.save(conversationId, envelope(count), 60_000);
  return count;
}

/** The counter's value (0 when the conversation is unknown). */
export async function counterOf(store: SessionStore, conversationId: string): Promise<number> {
  const current = await store.get(conversationId);
  return (current?.snapshot as { count?: number } | undefined)?.count ?? 0;
}
