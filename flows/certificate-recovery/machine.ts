/**
 * The conversation: one xstate v5 machine per conversation, built with one `setup()`. Guards and
 * actions are referenced by name; the machine does no I/O. It emits what the bot should say
 * (`say`, `ask`, `route`, `followUp`) and the runtime renders and delivers it.
 *
 * Shape: `start` → `deciding` ⇄ `ask.<slot>` → `routed.<routeId>`. `deciding` is a hub whose guarded
 * `always` transitions mirror `decide()`: one transition per question and per route, so the diagram
 * and the graph walk show every question and every route.
 */
import { assign, emit, setup } from "xstate";
import { SLOTS, type Facts, type IsoDate, type Slot } from "../../src/core/slots.ts";
import { answerTrouble, extractFacts, parseAnswerFacts, type AnswerTrouble } from "../../src/nlu/index.ts";
import { ASKED_SLOTS, decideWithReasons, type Reason, type ReasonedStep } from "./decide.ts";
import { factsFromChoice } from "./questions.ts";
import { offersUnknown } from "./slot-schema.ts";
import { ROUTE_IDS, type RouteId } from "./routes-ids.ts";

export const MACHINE_ID = "certificate-recovery";
/** Bump when a stored snapshot of the previous version can no longer be resumed as it is. */
export const MACHINE_VERSION = 1;

export interface ConversationContext {
  facts: Facts;
  /** The slot of the question now open. */
  pending?: Slot;
  /** Slots asked in this diagnosis, in order. */
  asked: Slot[];
  /** Answers in a row that could not be understood. */
  misses: number;
  routeId?: RouteId;
  /** The resident already said whether the route solved it (issue 18): counted once per route. */
  feedbackGiven?: boolean;
  /** Asia/Tokyo date of the latest event. */
  today: IsoDate;
}

/** Every event carries today's date so that the machine stays a pure function of its inputs. */
export type ConversationEvent =
  | { type: "TEXT"; text: string; today: IsoDate }
  | { type: "CHOICE"; value: string; slot?: string; today: IsoDate }
  | { type: "RESTART"; today: IsoDate };

/** What the machine wants said; the runtime renders these into Replies. */
export type ConversationOutput =
  | { type: "say"; key: MessageKey }
  | { type: "ask"; slot: Slot; retry: boolean; reason?: AnswerTrouble }
  | { type: "route"; routeId: RouteId }
  | { type: "followUp" }
  /** 「解決した」/「解決しない」 after a route (issue 18). */
  | { type: "feedback"; routeId: RouteId; resolved: boolean };

export type MessageKey = "greeting" | "restarted" | "freshDiagnosis" | "askAgainGaveUp" | "askAgainGaveUpToPerson";

export interface ConversationInput {
  today: IsoDate;
  /** Facts to start from (e.g. a Slack staff form that filled every slot at once). */
  facts?: Facts;
}

/** The choice value after a route that asks for a person. */
export const CONTACT_CHOICE = "contact";
export const RESTART_CHOICE = "restart";
/** The follow-up values that say whether the route solved it (issue 18). */
export const RESOLVED_CHOICE = "resolved";
export const NOT_RESOLVED_CHOICE = "not-resolved";

/** Slots whose question offers 「わからない」 (slot-schema.ts): after two misunderstood answers they become unknown. */
const UNKNOWN_ALLOWED: ReadonlySet<Slot> = new Set<Slot>(SLOTS.filter(offersUnknown));

/**
 * Facts from a typed message, read as an answer to the open question and as free text. The answer to
 * the open question comes first: when the text answers it, the free-text reading only adds facts not
 * known yet or known as "unknown" ("署名用のは覚えてます" to "do you know the signature PIN?" does not
 * change which PIN is the problem).
 */
export function factsFromText(text: string, pending: Slot | undefined, today: IsoDate, known: Facts = {}): Partial<Facts> {
  const found = extractFacts(text, { today });
  if (pending) {
    const answer = parseAnswerFacts(pending, text, { today, facts: { ...known, ...found } });
    if (answer !== undefined) {
      const added = Object.fromEntries(
        Object.entries(found).filter(([k]) => {
          const before = (known as Record<string, unknown>)[k];
          return before === undefined || before === "unknown";
        }),
      ) as Partial<Facts>;
      return { ...added, ...answer };
    }
  }
  return found;
}

/** What {@link factsFromText} found in one TEXT event, and the open question and facts it was read against. */
interface TextReading {
  pending: Slot | undefined;
  facts: Facts;
  found: Partial<Facts>;
}

const textReadings = new WeakMap<object, TextReading>();
/**
 * {@link factsFromText} for a TEXT event in a context, computed once per event: the guard
 * `textIsUseful` and the action `absorbText` both need it, on the same event. Valid only while the
 * context's open question and facts are the same objects (`setToday` keeps them; `reset` replaces
 * them, and the text is then read again). The result depends on nothing else: the text and the date
 * are the event's.
 */
function readText(event: { text: string; today: IsoDate }, context: ConversationContext): Partial<Facts> {
  const hit = textReadings.get(event);
  if (hit && hit.pending === context.pending && hit.facts === context.facts) return hit.found;
  const found = factsFromText(event.text, context.pending, event.today, context.facts);
  textReadings.set(event, { pending: context.pending, facts: context.facts, found });
  return found;
}

/**
 * Issue 18: true when a TEXT event tells the machine nothing in this context (no fact, no answer to the
 * open question). Shares {@link readText}'s reading with the machine's own guard, so it costs nothing.
 */
export function readsNothing(event: { text: string; today: IsoDate }, context: ConversationContext): boolean {
  return Object.values(readText(event, context)).every((v) => v === undefined);
}

function merge(facts: Facts, found: Partial<Facts>): Facts {
  const next: Facts = { ...facts };
  for (const [k, v] of Object.entries(found)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  return next;
}

/** True when `found` adds or changes something. */
function addsSomething(facts: Facts, found: Partial<Facts>): boolean {
  return Object.entries(found).some(([k, v]) => v !== undefined && (facts as Record<string, unknown>)[k] !== v);
}

const lastStep = new WeakMap<ConversationContext, ReasonedStep>();
/** decide() for a context, computed once per context object (the hub's guards all ask). */
function stepOf(context: ConversationContext): ReasonedStep {
  let step = lastStep.get(context);
  if (!step) {
    step = decideWithReasons(context.facts, context.today);
    lastStep.set(context, step);
  }
  return step;
}

/** decide()'s reasons, as the runtime hands them on (TurnResult.reasons). */
export type { Reason };

/** Why the context's diagnosis ends in its route (empty while a question is open). */
export function routeReasons(context: ConversationContext): Reason[] {
  const step = stepOf(context);
  return step.kind === "route" ? step.reasons : [];
}

const freshContext = (today: IsoDate, facts: Facts = {}): ConversationContext => ({ facts, asked: [], misses: 0, today });

export const certificateRecoveryMachine = setup({
  types: {
    context: {} as ConversationContext,
    events: {} as ConversationEvent,
    input: {} as ConversationInput,
    emitted: {} as ConversationOutput,
  },
  guards: {
    /** The next step of the diagnosis is `params.step` (`ask:<slot>` or `route:<routeId>`). */
    nextStepIs: ({ context }, params: { step: string }) => {
      const step = stepOf(context);
      return (step.kind === "ask" ? `ask:${step.slot}` : `route:${step.routeId}`) === params.step;
    },
    /** The typed text answers the open question or adds a fact. */
    textIsUseful: ({ context, event }) =>
      event.type === "TEXT" && addsSomething(context.facts, readText(event, context)),
    /** The tapped value is one of the open question's values. */
    choiceFits: ({ context, event }) =>
      event.type === "CHOICE" && context.pending !== undefined && factsFromChoice(context.pending, event.value) !== undefined,
    /** Two answers in a row were not understood. */
    missedTwice: ({ context }) => context.misses >= 1,
    /** The tap came from a button of another question than the one open (a stale button). */
    choiceIsStale: ({ context, event }) =>
      event.type === "CHOICE" && event.slot !== undefined && event.slot !== context.pending,
    isContactChoice: ({ event }) => event.type === "CHOICE" && event.value === CONTACT_CHOICE,
    isRestartChoice: ({ event }) => event.type === "CHOICE" && event.value === RESTART_CHOICE,
    /** 「解決した」/「解決しない」 for the route just shown, not yet answered. */
    isFeedbackChoice: ({ context, event }) =>
      event.type === "CHOICE" &&
      (event.value === RESOLVED_CHOICE || event.value === NOT_RESOLVED_CHOICE) &&
      context.routeId !== undefined &&
      !context.feedbackGiven,
  },
  actions: {
    greet: emit({ type: "say", key: "greeting" } as const),
    sayRestarted: emit({ type: "say", key: "restarted" } as const),
    sayFresh: emit({ type: "say", key: "freshDiagnosis" } as const),
    reset: assign(({ event }) => freshContext(event.today)),
    setToday: assign({ today: ({ event }) => event.today }),
    absorbText: assign({
      facts: ({ context, event }) =>
        event.type === "TEXT" ? merge(context.facts, readText(event, context)) : context.facts,
      misses: 0,
    }),
    absorbChoice: assign({
      facts: ({ context, event }) => {
        if (event.type !== "CHOICE" || !context.pending) return context.facts;
        return merge(context.facts, factsFromChoice(context.pending, event.value) ?? {});
      },
      misses: 0,
    }),
    countMiss: assign({ misses: ({ context }) => context.misses + 1 }),
    /** Give up on the open question: its answer becomes unknown, or the resident is sent to a person. */
    giveUpOnPending: assign({
      facts: ({ context }) => {
        const slot = context.pending;
        if (!slot) return context.facts;
        if (UNKNOWN_ALLOWED.has(slot)) return { ...context.facts, [slot]: "unknown" };
        return { ...context.facts, wantsPerson: true };
      },
      misses: 0,
    }),
    askAgain: emit(({ context, event }) => {
      const slot = context.pending ?? "symptom";
      const reason = event.type === "TEXT" ? answerTrouble(slot, event.text, { today: event.today }) : undefined;
      return { type: "ask", slot, retry: true, ...(reason ? { reason } : {}) } as const;
    }),
    /** Say that the answer could not be read and what happens instead (never silently). */
    sayGaveUp: emit(({ context }) => ({
      type: "say",
      key: context.pending && UNKNOWN_ALLOWED.has(context.pending) ? "askAgainGaveUp" : "askAgainGaveUpToPerson",
    }) as const),
    repeatQuestion: emit(({ context }) => ({ type: "ask", slot: context.pending ?? "symptom", retry: false }) as const),
    wantPerson: assign({ facts: ({ context }) => ({ ...context.facts, wantsPerson: true }) }),
    openQuestion: assign(({ context }, params: { slot: Slot }) => ({
      pending: params.slot,
      asked: context.asked.includes(params.slot) ? context.asked : [...context.asked, params.slot],
    })),
    emitQuestion: emit((_, params: { slot: Slot }) => ({ type: "ask", slot: params.slot, retry: false }) as const),
    closeQuestion: assign({ pending: undefined }),
    recordRoute: assign((_, params: { routeId: RouteId }) => ({ routeId: params.routeId, pending: undefined, feedbackGiven: false })),
    emitRoute: emit((_, params: { routeId: RouteId }) => ({ type: "route", routeId: params.routeId }) as const),
    emitFollowUp: emit({ type: "followUp" } as const),
    emitFeedback: emit(({ context, event }) => ({
      type: "feedback" as const,
      routeId: context.routeId ?? ("contact-city" as RouteId),
      resolved: event.type === "CHOICE" && event.value === RESOLVED_CHOICE,
    })),
    recordFeedback: assign({ feedbackGiven: true }),
  },
}).createMachine({
  id: MACHINE_ID,
  context: ({ input }) => freshContext(input.today, input.facts),
  initial: "start",
  on: {
    RESTART: { target: ".start", actions: ["reset", "sayRestarted"] },
  },
  states: {
    start: {
      entry: "greet",
      always: "deciding",
    },
    deciding: {
      always: [
        ...ASKED_SLOTS.map((slot) => ({ guard: { type: "nextStepIs" as const, params: { step: `ask:${slot}` } }, target: `ask.${slot}` })),
        ...ROUTE_IDS.map((routeId) => ({
          guard: { type: "nextStepIs" as const, params: { step: `route:${routeId}` } },
          target: `routed.${routeId}`,
        })),
      ],
    },
    ask: {
      initial: "symptom",
      on: {
        TEXT: [
          { guard: "textIsUseful", target: "deciding", actions: ["setToday", "absorbText", "closeQuestion"] },
          { guard: "missedTwice", target: "deciding", actions: ["setToday", "sayGaveUp", "giveUpOnPending", "closeQuestion"] },
          { actions: ["setToday", "countMiss", "askAgain"] },
        ],
        CHOICE: [
          { guard: "isRestartChoice", target: "start", actions: ["reset", "sayRestarted"] },
          { guard: "choiceIsStale", actions: ["setToday", "repeatQuestion"] },
          { guard: "choiceFits", target: "deciding", actions: ["setToday", "absorbChoice", "closeQuestion"] },
          { guard: "isContactChoice", target: "deciding", actions: ["setToday", "wantPerson", "closeQuestion"] },
          { actions: ["setToday", "countMiss", "askAgain"] },
        ],
      },
      states: Object.fromEntries(
        ASKED_SLOTS.map((slot) => [
          slot,
          {
            entry: [
              { type: "openQuestion" as const, params: { slot } },
              { type: "emitQuestion" as const, params: { slot } },
            ],
          },
        ]),
      ),
    },
    routed: {
      initial: "contact-city",
      on: {
        TEXT: { target: "deciding", actions: ["reset", "absorbText", "sayFresh"] },
        CHOICE: [
          { guard: "isRestartChoice", target: "start", actions: ["reset", "sayRestarted"] },
          { guard: "isContactChoice", target: ".contact-city", actions: ["setToday", "wantPerson"] },
          { guard: "isFeedbackChoice", actions: ["setToday", "emitFeedback", "recordFeedback"] },
          { actions: ["setToday", "emitFollowUp"] },
        ],
      },
      states: Object.fromEntries(
        ROUTE_IDS.map((routeId) => [
          routeId,
          {
            entry: [
              { type: "recordRoute" as const, params: { routeId } },
              { type: "emitRoute" as const, params: { routeId } },
              "emitFollowUp" as const,
            ],
          },
        ]),
      ),
    },
  },
});

export type CertificateRecoveryMachine = typeof certificateRecoveryMachine;
