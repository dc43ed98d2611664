/**
 * The realistic mix every part replays: the example conversations (shared/examples and
 * test/scenarios), turned once into the exact sequence of events a resident sends — the first text,
 * then each answer the way the example says (test/helpers/replay.ts's rules) — by running them through
 * the real runtime with the bench's fixed clock. The runtime is deterministic for a given clock, so
 * replaying a script later (in process, over LINE or the web API) walks the same questions.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { nowFromEnv } from "../../src/calendar/index.ts";
import type { InboundEvent } from "../../src/core/events.ts";
import type { QuestionReply, Reply } from "../../src/core/reply.ts";
import { ConversationRuntime } from "../../src/core/runtime.ts";
import { certificateRecoveryFlow } from "../../flows/certificate-recovery/index.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import type { SessionStore } from "../../src/store/types.ts";
import { DEFAULT_NOW, type Conversation } from "../../test/helpers/replay.ts";

/** The bench's frozen clock (BOT_NOW of every server it starts). */
export const BENCH_NOW = DEFAULT_NOW;
export const IDLE_TTL_MS = 24 * 3_600_000;

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCES = [
  new URL("../../test/fixtures/examples/shared-conversations.json", import.meta.url),
  new URL("../../test/scenarios/conversations.json", import.meta.url),
];

/** One example conversation as the events the resident sends (never a `start`). */
export interface Script {
  id: string;
  steps: InboundEvent[];
  routeId?: string;
}

export function loadConversations(): Conversation[] {
  const out: Conversation[] = [];
  for (const url of SOURCES) {
    const path = fileURLToPath(url);
    if (existsSync(path)) out.push(...(JSON.parse(readFileSync(path, "utf8")) as Conversation[]));
  }
  if (out.length === 0) throw new Error("bench: no example conversations found");
  return out;
}

export function createBenchRuntime(store: SessionStore): ConversationRuntime {
  return new ConversationRuntime({
    flow: certificateRecoveryFlow,
    store,
    city: loadCityConfig(SAMPLE_CITY_PATH),
    now: nowFromEnv(BENCH_NOW),
    idleTtlMs: IDLE_TTL_MS,
  });
}

/** The next answer to a question, by the rules of shared/examples/README.md. */
export function answerFor(c: Conversation, q: QuestionReply): InboundEvent {
  const typed = c.typed?.[q.slot];
  if (typed !== undefined) return { kind: "text", text: typed };
  const choice = c.answers?.[q.slot];
  if (choice !== undefined) return { kind: "choice", value: choice };
  if (q.choices.some((ch) => ch.value === "unknown")) return { kind: "choice", value: "unknown" };
  return { kind: "text", text: "わからない" };
}

const lastQuestion = (replies: Reply[]): QuestionReply | undefined =>
  [...replies].reverse().find((r): r is QuestionReply => r.type === "question");

/**
 * Replay one conversation against `runtime` under `conversationId`, calling `afterTurn` after each
 * turn. Returns the events sent, in order.
 */
export async function replayConversation(
  runtime: ConversationRuntime,
  conversationId: string,
  c: Conversation,
  afterTurn?: (turn: number) => Promise<void> | void,
): Promise<Script> {
  const steps: InboundEvent[] = [];
  let event: InboundEvent = { kind: "text", text: c.say };
  for (let turn = 0; turn < 13; turn++) {
    steps.push(event);
    const result = await runtime.handle(conversationId, event);
    await afterTurn?.(turn);
    if (result.routeId) return { id: c.id, steps, routeId: result.routeId };
    const q = lastQuestion(result.replies);
    if (!q) break;
    event = answerFor(c, q);
  }
  return { id: c.id, steps };
}

/** Every example conversation as a script (recorded with a throw-away memory store). */
export async function recordScripts(conversations = loadConversations()): Promise<Script[]> {
  const store = new MemoryStore();
  try {
    const runtime = createBenchRuntime(store);
    const scripts: Script[] = [];
    for (const c of conversations) scripts.push(await replayConversation(runtime, `record:${c.id}`, c));
    return scripts;
  } finally {
    await store.close();
  }
}
