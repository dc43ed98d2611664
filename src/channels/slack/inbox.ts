/**
 * The Slack channel's side of the store's durable inbox (queue `slack`), as the LINE channel does it:
 * a listener writes the work an event or interaction asks for to the inbox before Slack gets its 2xx
 * (a store that refuses → the request fails with a non-2xx and Slack retries), and every instance's
 * worker takes items, handles each under its conversation's lock after every earlier item of that
 * conversation, and finishes it. An item a dead instance had taken is handed out again after
 * `resumeAfterMs`. Transport only: what an item does is the channel's `handle`.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "../../logger.ts";
import { hashId } from "../../logger.ts";
import type { Metrics } from "../../observability/metrics.ts";
import type { InboxItem, NewInboxItem, SessionStore } from "../../store/types.ts";

export const SLACK_QUEUE = "slack";
/** How long one `take` waits for a new item (also how long `stop` can wait for it). */
const TAKE_WAIT_MS = 500;
const MAX_IN_FLIGHT = 32;

export interface SlackInboxOptions {
  store: SessionStore;
  log: Logger;
  metrics?: Metrics;
  resumeAfterMs: number;
  maxAttempts: number;
  /** Handle one item (its conversation locked, every earlier item done); resolve once it may leave the inbox. */
  handle(item: InboxItem): Promise<void>;
  /** An item given up on after `maxAttempts` (parked for a person): tell whoever is waiting, if anyone. */
  givenUp(item: InboxItem): Promise<void>;
}

export interface SlackInbox {
  /** Durably accept items; rejects (→ a non-2xx to Slack) when the store cannot take them. */
  accept(items: readonly NewInboxItem[]): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export function createSlackInbox(opts: SlackInboxOptions): SlackInbox {
  const { store, log, metrics } = opts;
  const consumer = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | undefined;
  let depthAt = 0;

  async function accept(items: readonly NewInboxItem[]): Promise<void> {
    if (items.length === 0) return;
    try {
      await store.enqueue(SLACK_QUEUE, items);
    } catch (err) {
      metrics?.inboxEvents.inc({ queue: SLACK_QUEUE, outcome: "rejected" }, items.length);
      log.error({ err: { name: (err as Error).name, message: (err as Error).message }, events: items.length }, "slack events not accepted: the store did not take them");
      throw err;
    }
    metrics?.inboxEvents.inc({ queue: SLACK_QUEUE, outcome: "accepted" }, items.length);
  }

  async function run(): Promise<void> {
    while (running) {
      if (inFlight.size >= MAX_IN_FLIGHT) {
        await Promise.race(inFlight);
        continue;
      }
      let items: InboxItem[];
      try {
        items = await store.take(SLACK_QUEUE, { consumer, max: MAX_IN_FLIGHT - inFlight.size, waitMs: TAKE_WAIT_MS, resumeAfterMs: opts.resumeAfterMs });
      } catch (err) {
        if (!running) break;
        log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, "slack inbox: could not take events; trying again");
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      for (const item of items) track(handleTaken(item));
      if (metrics && Date.now() - depthAt > 1_000) {
        depthAt = Date.now();
        store.inboxDepth(SLACK_QUEUE).then((n) => metrics.inboxDepth.set({ queue: SLACK_QUEUE }, n), () => undefined);
      }
    }
  }

  /** One taken item: under its conversation's lock, the items before it (in order), then it. */
  async function handleTaken(item: InboxItem): Promise<void> {
    if (item.resumed) metrics?.inboxEvents.inc({ queue: SLACK_QUEUE, outcome: "resumed" });
    let current = item;
    try {
      await store.withLock(item.conversationId, async () => {
        const queued = await store.queued(SLACK_QUEUE, item.conversationId);
        const at = queued.findIndex((q) => q.id === item.id);
        if (at < 0) return void (await store.finish(SLACK_QUEUE, item));
        for (const q of queued.slice(0, at + 1)) {
          current = q.id === item.id ? item : q;
          await opts.handle(current);
          await store.finish(SLACK_QUEUE, current);
        }
      });
    } catch (err) {
      await failed(current, current === item ? item.deliveries + 1 : 1, err);
    }
  }

  async function failed(item: InboxItem, attempts: number, err: unknown): Promise<void> {
    const fields = { conversation: hashId(item.conversationId), attempts };
    const e = err as { name?: string; code?: unknown; data?: { error?: unknown } };
    const error = { name: e?.name, code: e?.code, slackError: e?.data?.error };
    if (attempts < opts.maxAttempts) {
      metrics?.inboxEvents.inc({ queue: SLACK_QUEUE, outcome: "retried" });
      log.error({ ...fields, err: error }, "slack event failed");
      return; // still in the inbox: handed out again after resumeAfterMs
    }
    metrics?.inboxEvents.inc({ queue: SLACK_QUEUE, outcome: "given_up" });
    const reason = `failed ${attempts} times: ${e?.name ?? "error"}${e?.data?.error ? ` ${String(e.data.error)}` : ""}`;
    log.error({ ...fields, err: error, reason }, "slack event given up: kept in the inbox's parked list");
    try {
      await store.park(SLACK_QUEUE, item, reason);
    } catch {
      log.error(fields, "slack event could not be parked; it stays in the inbox");
      return;
    }
    await opts.givenUp(item).catch(() => undefined);
  }

  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  return {
    accept,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      await loop;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
