/**
 * src/core/turn.ts runs the machine without an actor. It must give what an actor per turn gave (the
 * runtime's former way: restore the stored snapshot, start, send the event, getPersistedSnapshot,
 * stop): the same emitted outputs and the same stored snapshot at every turn, over every scenario and
 * example conversation answered to its route, then the follow-up taps, a stale tap, misunderstood
 * texts, a fresh text after the route and a restart.
 */
import { existsSync, readFileSync } from "node:fs";
import { createActor, type Snapshot } from "xstate";
import { describe, expect, it } from "vitest";
import {
  certificateRecoveryMachine,
  type ConversationEvent,
  type ConversationInput,
  type ConversationOutput,
} from "../../flows/certificate-recovery/machine.ts";
import { questionReply } from "../../flows/certificate-recovery/questions.ts";
import type { Slot } from "../../src/core/slots.ts";
import { machineTurns } from "../../src/core/turn.ts";
import type { Conversation } from "../helpers/replay.ts";

const TODAY = "2026-11-21";

const conversations: Conversation[] = [
  new URL("../scenarios/conversations.json", import.meta.url),
  new URL("../fixtures/examples/shared-conversations.json", import.meta.url),
].flatMap((url) => (existsSync(url) ? (JSON.parse(readFileSync(url, "utf8")) as Conversation[]) : []));

interface Step {
  outputs: ConversationOutput[];
  /** The persisted snapshot, as stored (JSON). */
  stored: string;
}

/** The former runtime: an actor per turn. `stored` undefined: a new conversation. */
function withActor(stored: string | undefined, input: ConversationInput, event: ConversationEvent | undefined): Step {
  const outputs: ConversationOutput[] = [];
  const actor = createActor(certificateRecoveryMachine, {
    ...(stored ? { snapshot: JSON.parse(stored) as Snapshot<unknown> as never } : {}),
    input,
  });
  actor.on("*", (out) => outputs.push(out));
  actor.start();
  if (event) actor.send(event);
  const persisted = actor.getPersistedSnapshot();
  actor.stop();
  return { outputs, stored: JSON.stringify(persisted) };
}

const turns = machineTurns<typeof certificateRecoveryMachine, ConversationInput, ConversationEvent, ConversationOutput>(certificateRecoveryMachine, {
  today: "1970-01-01",
});

/** src/core/turn.ts. */
function withoutActor(stored: string | undefined, input: ConversationInput, event: ConversationEvent | undefined): Step {
  const outputs: ConversationOutput[] = [];
  let snapshot = stored ? turns.restore(JSON.parse(stored)) : turns.start(input, outputs);
  if (!snapshot) throw new Error(`not restorable: ${stored}`);
  if (event) snapshot = turns.send(snapshot, event, outputs);
  return { outputs, stored: JSON.stringify(turns.persist(snapshot)) };
}

/** The answer the example gives to a question (shared/examples/README.md), as a machine event. */
function answer(c: Conversation, slot: Slot): ConversationEvent {
  const typed = c.typed?.[slot];
  if (typed !== undefined) return { type: "TEXT", text: typed, today: TODAY };
  const choice = c.answers?.[slot] ?? (questionReply(slot, TODAY).choices.some((ch) => ch.value === "unknown") ? "unknown" : undefined);
  return choice !== undefined ? { type: "CHOICE", value: choice, slot, today: TODAY } : { type: "TEXT", text: "わからない", today: TODAY };
}

describe("a turn without an actor", () => {
  it("has conversations to compare", () => {
    expect(conversations.length).toBeGreaterThan(20);
  });

  it.each(conversations.map((c) => [c.id, c] as const))("%s: same outputs and stored snapshot at every turn", (_id, c) => {
    const input = { today: TODAY };
    let stored: string | undefined;
    let turns = 0;
    const step = (event: ConversationEvent | undefined) => {
      const a = withActor(stored, input, event);
      const b = withoutActor(stored, input, event);
      expect(b, `turn ${turns} of ${c.id}: ${JSON.stringify(event)}`).toEqual(a);
      stored = a.stored;
      turns++;
      return a.outputs;
    };
    let outputs = step({ type: "TEXT", text: c.say, today: TODAY });
    for (let i = 0; i < 15 && !outputs.some((o) => o.type === "route"); i++) {
      const ask = outputs.findLast((o) => o.type === "ask");
      if (!ask || ask.type !== "ask") break;
      outputs = step(answer(c, ask.slot));
    }
    expect(outputs.some((o) => o.type === "route"), `${c.id} reaches a route`).toBe(true);
    step({ type: "CHOICE", value: "contact", today: TODAY });
    step({ type: "CHOICE", value: "something-else", slot: "symptom", today: TODAY });
    step({ type: "TEXT", text: "マイナンバーカードの暗証番号を忘れました", today: "2026-11-24" });
    step({ type: "TEXT", text: "ふがふが", today: TODAY });
    step({ type: "TEXT", text: "ほげほげ", today: TODAY });
    step({ type: "RESTART", today: TODAY });
    step(undefined);
  });

  it("a conversation started from facts (the Slack staff form) and from nothing", () => {
    for (const input of [{ today: TODAY }, { today: TODAY, facts: { symptom: "locked" as const, certificate: "user" as const, wrongAttempts: 5 } }]) {
      expect(withoutActor(undefined, input, undefined)).toEqual(withActor(undefined, input, undefined));
      const text: ConversationEvent = { type: "TEXT", text: "ロックされました", today: TODAY };
      expect(withoutActor(undefined, input, text)).toEqual(withActor(undefined, input, text));
    }
  });

  it("persistSnapshot of a snapshot that is not active is xstate's own", () => {
    const active = turns.restore(JSON.parse(withoutActor(undefined, { today: TODAY }, undefined).stored))!;
    const failed = certificateRecoveryMachine.resolveState({ value: active.value, context: active.context, status: "error", error: new Error("x") });
    expect(turns.persist(failed)).toEqual(certificateRecoveryMachine.getPersistedSnapshot(failed));
    expect(JSON.stringify(turns.persist(active))).toBe(JSON.stringify(certificateRecoveryMachine.getPersistedSnapshot(active)));
  });

  it("restoreSnapshot refuses what is not an active snapshot of this machine", () => {
    const good = JSON.parse(withoutActor(undefined, { today: TODAY }, undefined).stored);
    expect(turns.restore(good)).toBeDefined();
    for (const bad of [undefined, null, "x", 1, {}, { ...good, status: "done" }, { ...good, context: null }, { ...good, value: "nowhere" }, { ...good, value: { ask: "nope" } }]) {
      expect(turns.restore(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
