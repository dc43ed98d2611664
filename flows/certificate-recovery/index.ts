/**
 * The certificate-recovery flow as the core's port (src/core/flow.ts, issue 13): its machine's turns,
 * id and version, and its renderers, each given the conversation's locale (issue 14). The core is handed
 * this object (src/main.ts and the tests) and imports nothing from flows/.
 */
import type { Flow, FlowContext, FlowOutput, FlowSnapshot, RenderContext } from "../../src/core/flow.ts";
import { localeChoiceValue, localeOfChoice, type Locale } from "../../src/core/locale.ts";
import type { Choice, Reply } from "../../src/core/reply.ts";
import { SLOTS, type Slot } from "../../src/core/slots.ts";
import { machineTurns } from "../../src/core/turn.ts";
import type { CityConfig } from "../cities/schema.ts";
import { DETAIL_LABELS, detailIdOf } from "./blocks.ts";
import { factLabels } from "./explain.ts";
import { feedbackReplies } from "./feedback.ts";
import {
  certificateRecoveryMachine,
  MACHINE_ID,
  MACHINE_VERSION,
  readsNothing,
  routeReasons,
  type ConversationContext,
  type ConversationEvent,
  type ConversationInput,
  type ConversationOutput,
  type Reason,
} from "./machine.ts";
import { handoffMessagesFor, localeChoices, messagesFor } from "./messages.ts";
import { LOCALE_LABELS } from "./text/index.ts";
import { FOLLOW_UP_CHOICES, FOLLOW_UP_SLOT, followUpReply, QUESTIONS, questionReply } from "./questions.ts";
import { buildRoute, DETAIL_SLOT, detailQuestion, detailReply, type RouteContext } from "./routes.ts";
import type { RouteId } from "./routes-ids.ts";

/** The languages' names, each in its own words (text/index.ts), and the choices that switch to them (messages.ts). */
export { LOCALE_LABELS as LOCALE_NAMES } from "./text/index.ts";
export { localeChoices };

const turns = machineTurns<typeof certificateRecoveryMachine, ConversationInput, ConversationEvent, ConversationOutput>(
  certificateRecoveryMachine,
  { today: "1970-01-01" },
);
type MachineSnapshot = ReturnType<typeof turns.start>;

const routeContext = (ctx: RenderContext<CityConfig>): RouteContext => ({ city: ctx.city, today: ctx.today, locale: ctx.locale });

/** One machine output as replies. */
function renderOne(output: ConversationOutput, ctx: RenderContext<CityConfig>): Reply[] {
  switch (output.type) {
    case "say":
      return [{ type: "text", text: messagesFor(ctx.locale)[output.key] }];
    case "ask":
      return [questionReply(output.slot, ctx.today, output.retry, output.reason, ctx.locale)];
    case "route": {
      const rc = routeContext(ctx);
      return [buildRoute(output.routeId, ctx.facts, rc), ...detailQuestion(output.routeId, ctx.facts, rc)];
    }
    case "followUp":
      return [followUpReply(ctx.locale)];
    case "feedback":
      return feedbackReplies(output.resolved, { city: ctx.city, today: ctx.today, facts: ctx.facts, canHandOff: ctx.canHandOff, locale: ctx.locale });
  }
}

/** The button labels of a slot's question, for staff (Japanese). */
function choicesOf(slot: string | undefined): Choice[] {
  return slot && (SLOTS as readonly string[]).includes(slot) ? QUESTIONS[slot as Slot].choices : [];
}

export const certificateRecoveryFlow: Flow<CityConfig, Reason> = {
  id: MACHINE_ID,
  version: MACHINE_VERSION,

  start: (input, outputs) => turns.start(input, outputs as ConversationOutput[]),
  send: (snapshot, event, outputs) => turns.send(snapshot as MachineSnapshot, event as ConversationEvent, outputs as ConversationOutput[]),
  persist: (snapshot) => turns.persist(snapshot as MachineSnapshot),
  restore: (stored): FlowSnapshot | undefined => turns.restore(stored),
  readsNothing: (event, context: FlowContext) => readsNothing(event, context as ConversationContext),
  routeReasons: (context: FlowContext) => routeReasons(context as ConversationContext),

  render(outputs: readonly FlowOutput[], ctx) {
    const replies: Reply[] = [];
    // The greeting that opens a conversation offers the other languages with its first question (issue
    // 14; 10 symptoms + 2 ≤ LINE's 13). Not the greeting after 「最初からやり直す」: the resident chose already.
    const first = outputs[0];
    let greeted = first?.type === "say" && first.key === "greeting";
    for (const output of outputs as readonly ConversationOutput[]) {
      const rendered = renderOne(output, ctx);
      if (greeted && output.type === "ask") {
        greeted = false;
        const languages = localeChoices(ctx.locale);
        replies.push(...rendered.map((r): Reply => (r.type === "question" ? { ...r, choices: [...r.choices, ...languages] } : r)));
      } else {
        replies.push(...rendered);
      }
    }
    return replies;
  },

  notice: (key, locale) => messagesFor(locale)[key],

  detail(value, routeId, ctx) {
    const id = detailIdOf(value);
    if (!id) return undefined;
    const rc = routeContext(ctx);
    const shown = detailReply(routeId as RouteId, id, ctx.facts, rc);
    if (!shown) return undefined;
    return [shown, ...detailQuestion(routeId as RouteId, ctx.facts, rc, id), followUpReply(ctx.locale)];
  },

  // For the ticket: staff read Japanese whatever the resident's locale.
  routeTitle: (routeId, ctx) => buildRoute(routeId as RouteId, ctx.facts, { ...routeContext(ctx), locale: "ja" }).title,
  detailSlot: DETAIL_SLOT,
  followUpSlot: FOLLOW_UP_SLOT,
  localeChoices,
  handoffWords: (locale) => handoffMessagesFor(locale),

  factLabels,
  choiceInWords(value, slot) {
    const detail = detailIdOf(value);
    const locale = localeOfChoice(value);
    const label = detail
      ? DETAIL_LABELS[detail]
      : locale
        ? LOCALE_LABELS[locale]
        : [...choicesOf(slot), ...FOLLOW_UP_CHOICES].find((c) => c.value === value)?.label;
    return `（ボタン）${label ?? value.slice(0, 100)}`;
  },
};
