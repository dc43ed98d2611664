/**
 * The inbox of the in-process stores ({@link MemoryStore}; the order and hand-out rules that every
 * store follows, see {@link SessionStore.enqueue}). Single process: nothing here survives a restart.
 */

import type { InboxItem, InboxTakeOptions, NewInboxItem } from "./types.ts";

interface Slot {
  id: string;
  conversationId: string;
  body: string;
  /** Times handed out. */
  deliveries: number;
  takenAt?: number;
}

/** One process's inboxes, by queue name. */
export class MemoryInbox {
  readonly #queues = new Map<string, Map<string, Slot>>();
  readonly #parked = new Map<string, (InboxItem & { reason: string })[]>();
  readonly #waiters = new Set<() => void>();
  #seq = 0;

  enqueue(queue: string, items: readonly NewInboxItem[]): void {
    const slots = this.#queue(queue);
    for (const item of items) {
      const id = String(++this.#seq).padStart(12, "0");
      slots.set(id, { id, conversationId: item.conversationId, body: item.body, deliveries: 0 });
    }
    this.wake();
  }

  async take(queue: string, options: InboxTakeOptions, open: () => void): Promise<InboxItem[]> {
    const first = this.#takeNow(queue, options);
    if (first.length > 0 || options.waitMs <= 0) return first;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, options.waitMs);
      this.#waiters.add(done);
    });
    open();
    return this.#takeNow(queue, options);
  }

  queued(queue: string, conversationId: string): InboxItem[] {
    return [...this.#queue(queue).values()].filter((s) => s.conversationId === conversationId).map((s) => toItem(s, false));
  }

  finish(queue: string, item: InboxItem): void {
    this.#queue(queue).delete(item.id);
  }

  park(queue: string, item: InboxItem, reason: string): void {
    const slot = this.#queue(queue).get(item.id);
    this.#queue(queue).delete(item.id);
    const list = this.#parked.get(queue) ?? [];
    list.push({ ...(slot ? toItem(slot, item.resumed) : item), reason });
    this.#parked.set(queue, list);
  }

  parked(queue: string): (InboxItem & { reason: string })[] {
    return [...(this.#parked.get(queue) ?? [])];
  }

  depth(queue: string): number {
    return this.#queue(queue).size;
  }

  /** Wake every waiting `take` (new items, or the store closing). */
  wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  clear(): void {
    this.#queues.clear();
    this.#parked.clear();
    this.wake();
  }

  #takeNow(queue: string, { max, resumeAfterMs }: InboxTakeOptions): InboxItem[] {
    const now = Date.now();
    const out: InboxItem[] = [];
    const slots = [...this.#queue(queue).values()];
    for (const resume of [true, false]) {
      for (const slot of slots) {
        if (out.length >= max) return out;
        const stale = slot.takenAt !== undefined && now - slot.takenAt >= resumeAfterMs;
        if (resume ? !stale : slot.takenAt !== undefined) continue;
        out.push(toItem(slot, resume));
        slot.deliveries += 1;
        slot.takenAt = now;
      }
      if (out.length > 0) return out;
    }
    return out;
  }

  #queue(queue: string): Map<string, Slot> {
    let slots = this.#queues.get(queue);
    if (!slots) this.#queues.set(queue, (slots = new Map()));
    return slots;
  }
}

function toItem(slot: Slot, resumed: boolean): InboxItem {
  return { id: slot.id, conversationId: slot.conversationId, body: slot.body, deliveries: slot.deliveries, resumed };
}
