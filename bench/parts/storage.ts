/**
 * Part 4: what a conversation costs to keep. (a) Stored bytes: every example conversation replayed
 * through the runtime on the sqlite store, the envelope's JSON read back from the file after every
 * turn (UTF-8 bytes of the `json` column): mean and max of the final envelopes, and the largest seen
 * mid-conversation. (b) Memory: 100,000 idle conversations in the memory store, heap and RSS delta
 * (in a fresh `--expose-gc` child, see bench/children/idle-memory.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { createSessionStore } from "../../src/store/index.ts";
import { spawnChild } from "../lib/child.ts";
import type { Knobs } from "../lib/knobs.ts";
import { createBenchRuntime, loadConversations, replayConversation } from "../lib/scripts.ts";
import { mean } from "../lib/stats.ts";

export interface StoredBytesResult {
  conversations: number;
  /** Final envelope (after the route), UTF-8 bytes. */
  meanBytes: number;
  maxBytes: number;
  maxConversation: string;
  /** Largest envelope at any turn. */
  peakBytes: number;
  /** The `seen:` marker row kept beside each started conversation (key + value). */
  seenMarkerBytes: number;
}

export interface IdleMemoryResult {
  conversations: number;
  envelopeKinds: number;
  fillMs: number;
  heapUsedDelta: number;
  rssDelta: number;
  externalDelta: number;
  heapUsedPerConversation: number;
  rssPerConversation: number;
}

export interface StorageResult {
  stored: StoredBytesResult;
  memory: IdleMemoryResult;
}

async function storedBytes(): Promise<StoredBytesResult> {
  const dir = mkdtempSync(join(tmpdir(), "bench-storage-"));
  const path = join(dir, "storage.db");
  const store = await createSessionStore(`sqlite:${path}`);
  const reader = new DatabaseSync(path, { readOnly: true });
  try {
    const runtime = createBenchRuntime(store);
    const bytesOf = reader.prepare("SELECT length(CAST(json AS BLOB)) AS n FROM conversations WHERE id = ?");
    const seenOf = reader.prepare("SELECT length(CAST(key AS BLOB)) + length(CAST(value AS BLOB)) AS n FROM kv WHERE key = ?");
    const finals: { id: string; bytes: number }[] = [];
    let peak = 0;
    let seen = 0;
    for (const c of loadConversations()) {
      const id = `line:U${c.id.padStart(32, "0")}`;
      let last = 0;
      await replayConversation(runtime, id, c, () => {
        last = Number(bytesOf.get(id)?.n ?? 0);
        peak = Math.max(peak, last);
      });
      finals.push({ id: c.id, bytes: last });
      seen = Number(seenOf.get(`seen:${id}`)?.n ?? 0);
    }
    const max = finals.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    return {
      conversations: finals.length,
      meanBytes: mean(finals.map((f) => f.bytes)),
      maxBytes: max.bytes,
      maxConversation: max.id,
      peakBytes: peak,
      seenMarkerBytes: seen,
    };
  } finally {
    reader.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function idleMemory(knobs: Knobs): Promise<IdleMemoryResult> {
  const child = await spawnChild("bench/children/idle-memory.ts", {
    nodeArgs: ["--expose-gc"],
    env: { BENCH_IDLE_CONVERSATIONS: String(knobs.idleConversations) },
    readyTimeoutMs: 120_000,
  });
  try {
    return child.ready.result as IdleMemoryResult;
  } finally {
    await child.stop();
  }
}

export async function runStorage(knobs: Knobs): Promise<StorageResult> {
  return { stored: await storedBytes(), memory: await idleMemory(knobs) };
}
