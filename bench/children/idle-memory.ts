/**
 * Memory of idle conversations in the memory store, in a fresh process with `--expose-gc`: the
 * example conversations are replayed once to collect the envelopes a conversation really has between
 * turns (every turn of every example, mid-diagnosis and routed), then N conversations with distinct
 * LINE-like ids are stored from that mix exactly as the runtime stores them (the envelope, plus the
 * `seen:` marker of a started conversation), and the heap and RSS are compared after a full GC.
 */
import { randomBytes } from "node:crypto";
import type { StoredConversation } from "../../src/store/types.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { sendReady, serveParent } from "../lib/child.ts";
import { createBenchRuntime, IDLE_TTL_MS, loadConversations, replayConversation } from "../lib/scripts.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("idle-memory: run with --expose-gc");
const count = Number(process.env.BENCH_IDLE_CONVERSATIONS ?? 100_000);

const envelopes: StoredConversation[] = [];
{
  const store = new MemoryStore();
  const runtime = createBenchRuntime(store);
  for (const c of loadConversations()) {
    const id = `sample:${c.id}`;
    await replayConversation(runtime, id, c, async () => {
      const env = await store.get(id);
      if (env) envelopes.push(env);
    });
  }
  await store.close();
}

const settle = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
};

const store = new MemoryStore();
const prefix = randomBytes(8).toString("hex");
const before = settle();
const started = performance.now();
for (let i = 0; i < count; i++) {
  // The id is made here: the store keeps it (twice: the conversation and its seen: key).
  const id = `line:U${prefix}${i.toString(16).padStart(16, "0")}`;
  const envelope = envelopes[i % envelopes.length];
  if (!envelope) throw new Error("no envelopes");
  await store.save(id, { ...envelope, updatedAt: Date.now() }, IDLE_TTL_MS, [{ key: `seen:${id}`, value: "1", ttlMs: 90 * 24 * 3_600_000 }]);
}
const fillMs = performance.now() - started;
const after = settle();

serveParent({}, () => store.close());
sendReady({
  result: {
    conversations: count,
    envelopeKinds: envelopes.length,
    fillMs,
    heapUsedDelta: after.heapUsed - before.heapUsed,
    rssDelta: after.rss - before.rss,
    externalDelta: after.external - before.external,
    heapUsedPerConversation: (after.heapUsed - before.heapUsed) / count,
    rssPerConversation: (after.rss - before.rss) / count,
  },
});
