/**
 * The reference behaviour for the multi-instance tests: one runtime in this process (MemoryStore, the
 * same city and BOT_NOW) fed the same LINE events, and a small seeded PRNG.
 */
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { nowFromEnv } from "../../src/calendar/index.ts";
import { toLineAction } from "../../src/channels/line/parse.ts";
import { renderLineMessages } from "../../src/channels/line/render.ts";
import { ConversationRuntime } from "../../src/core/runtime.ts";
import { certificateRecoveryFlow } from "../../flows/certificate-recovery/index.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { BOT_NOW } from "./instances.ts";
import { asWebhookEvent, type LineEvent } from "./line-events.ts";
import { lineUserIdOf, ReminderOffers } from "../../src/reminders/offer.ts";
import { MemoryReminderStore } from "../../src/reminders/store-memory.ts";

const city = loadCityConfig(SAMPLE_CITY_PATH);

/** What "the state of a conversation" means: the machine state and its whole context. */
export function stateOf(snapshot: any) {
  const c = snapshot?.context ?? {};
  return { value: snapshot?.value, facts: c.facts, routeId: c.routeId, asked: c.asked, pending: c.pending, misses: c.misses };
}

/** One instance in this process: the LINE messages it answers an event with, and the snapshot after. */
export function singleInstance() {
  const store = new MemoryStore();
  // As the servers run with LINE on: the reminder offer after a dated route (issue 17) is part of the answer.
  const reminders = new ReminderOffers({ store: new MemoryReminderStore(), counterHours: city.counter.hours, remindable: lineUserIdOf, offer: true });
  const runtime = new ConversationRuntime({ flow: certificateRecoveryFlow, store, city, now: nowFromEnv(BOT_NOW), idleTtlMs: 24 * 3_600_000, reminders });
  return {
    /** Handle one event as the LINE channel would; the LINE messages it would reply with, and the snapshot (and meta) after. */
    async handle(event: LineEvent): Promise<{ messages: unknown[]; snapshot: any; meta?: Record<string, unknown> }> {
      const action = toLineAction(asWebhookEvent(event));
      if (action.kind !== "turn") throw new Error(`event ${event.webhookEventId} is not a turn: ${action.kind}`);
      const turn = await runtime.handle(action.conversationId, action.event);
      // Through JSON, as the SDK sends it (undefined fields dropped).
      const messages = JSON.parse(JSON.stringify(renderLineMessages(turn.replies, { counterPhone: city.counter.phone }))) as unknown[];
      const stored = await store.get(action.conversationId);
      return { messages, snapshot: stored?.snapshot, ...(stored?.meta ? { meta: stored.meta } : {}) };
    },
    close: () => store.close(),
  };
}

/** A small seeded PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
