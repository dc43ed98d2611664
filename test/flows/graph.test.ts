/**
 * Prove the flow by walking it (xstate/graph): from every starting point a resident's text can create,
 * every path of tapped answers ends in a route within 6 questions, every route is reachable, and no
 * state is a dead end.
 */
import { describe, expect, it } from "vitest";
import type { AnyStateMachine } from "xstate";
import { getAdjacencyMap, getSimplePaths } from "xstate/graph";
import {
  certificateRecoveryMachine,
  type ConversationContext,
  type ConversationEvent,
} from "../../flows/certificate-recovery/machine.ts";
import { QUESTIONS } from "../../flows/certificate-recovery/questions.ts";
import { ROUTE_IDS } from "../../flows/certificate-recovery/routes-ids.ts";
import type { Facts, Slot } from "../../src/core/slots.ts";

const today = "2026-11-21";
/** Representative dates: expired, inside the renewal window, before it, far ahead. */
const DATES = ["2026-06-30", "2027-01-10", "2027-04-20", "2031-05-05"];

function answersFor(slot: Slot): string[] {
  if (slot === "certExpiry" || slot === "cardExpiry") return [...DATES, "unknown"];
  if (slot === "issuedOn") return [today, "2026-11-20", "2026-10-01", "unknown"];
  return QUESTIONS[slot].choices.map((c) => c.value);
}

type Snap = ReturnType<typeof certificateRecoveryMachine.resolveState>;

function events(snapshot: Snap): ConversationEvent[] {
  const ctx = snapshot.context as ConversationContext;
  if (!snapshot.matches("ask") || !ctx.pending) return []; // a route ends the walk
  return answersFor(ctx.pending).map((value) => ({ type: "CHOICE", value, today }));
}

/** Facts only free text can give (never asked), as starting points of the walk. */
const STARTS: Facts[] = [
  {},
  { otherPin: "jukinet", symptom: "locked" },
  { bothPins: true, symptom: "forgot-pin" },
  { noSignatureReason: "under-15" },
  { noSignatureReason: "under-15", eTax: true, symptom: "locked" },
  { noSignatureReason: "adult-ward", certificate: "signature", symptom: "locked" },
  { noSignatureReason: "face-auth-card" },
  { foreignResident: "yes", residenceStatusChanged: true },
  { foreignResident: "yes", residenceStatusChanged: true, symptom: "expired" },
  { aboutCard: true, symptom: "renewal" },
  { wantsPerson: true },
  { eTax: true, basicInfoChanged: "yes" },
  { certExpiryMonth: "2027-01", symptom: "renewal" },
  { certExpiryMonth: "2027-02", symptom: "renewal" },
  { basicInfoChanged: "yes", symptom: "renewal" },
  { noSignatureReason: "adult-ward", symptom: "locked" },
  { etaxPassword: true },
  { etaxPassword: true, eTax: true, certificate: "signature", symptom: "forgot-pin" },
];

// The graph helpers type a machine's emitted events loosely; walk it as a plain state machine.
const logic = certificateRecoveryMachine as unknown as AnyStateMachine;

function walk(facts: Facts) {
  const opts = { events: events as (s: unknown) => ConversationEvent[], input: { today, facts } };
  const adjacency = getAdjacencyMap(logic, opts as never) as unknown as Record<string, { state: Snap; transitions: Record<string, { state: Snap }> }>;
  const paths = getSimplePaths(logic, opts as never) as { state: Snap }[];
  return { adjacency, paths };
}

describe("the conversation machine, walked", () => {
  const reached = new Set<string>();
  let maxQuestions = 0;

  for (const start of STARTS) {
    it(`from ${JSON.stringify(start)}: every path ends in a route within 6 questions, no dead ends`, () => {
      const { adjacency, paths } = walk(start);
      expect(paths.length).toBeGreaterThan(0);
      for (const { state, transitions } of Object.values(adjacency)) {
        const ctx = state.context as ConversationContext;
        if (state.matches("routed")) {
          reached.add(ctx.routeId ?? "?");
          expect(ctx.asked.length).toBeLessThanOrEqual(6);
          maxQuestions = Math.max(maxQuestions, ctx.asked.length);
        } else {
          // Not a route: it must be an open question that every answer moves on from.
          expect(state.matches("ask")).toBe(true);
          expect(ctx.asked.length).toBeLessThanOrEqual(6);
          const next = Object.values(transitions);
          expect(next.length).toBeGreaterThan(0);
          for (const t of next) expect(t.state.context).not.toEqual(state.context);
        }
      }
      // Every path ends where no answer is left to give: a route.
      const ends = new Set(paths.map((p) => JSON.stringify([p.state.value, p.state.context])));
      for (const { state, transitions } of Object.values(adjacency)) {
        if (Object.keys(transitions).length === 0) {
          expect(state.matches("routed"), `dead end at ${JSON.stringify(state.value)}`).toBe(true);
          expect(ends.has(JSON.stringify([state.value, state.context]))).toBe(true);
        }
      }
    });
  }

  it("reaches every one of the routes of contract §1", () => {
    expect([...reached].sort()).toEqual([...ROUTE_IDS].sort());
    expect(maxQuestions).toBeLessThanOrEqual(6);
  });
});
