/**
 * The questions the bot asks, one per slot (shared/contract.md §2). What a slot holds and how it is
 * asked is its schema (slot-schema.ts); the words are the catalogs' (text/*.ts, one per locale). A
 * city's content owner reviews text/ja.ts. Labels stay within 20 characters (LINE quick replies).
 */
import type { Choice, QuestionReply } from "../../src/core/reply.ts";
import type { Facts, IsoDate, Slot } from "../../src/core/slots.ts";
import { SLOTS } from "../../src/core/slots.ts";
import { addDays, parseIsoDate } from "../../src/calendar/index.ts";
import type { Locale } from "../../src/core/locale.ts";
import { isSlotValue, SLOT_SCHEMA, slotSchema, UNKNOWN, type ChoiceSlot } from "./slot-schema.ts";
import { catalogFor, type FollowUpValue, type RetryReason } from "./text/index.ts";

/** The schema per slot, for the Slack staff form (channels reach the flow through this module). */
export { SLOT_SCHEMA, slotSchema };

interface QuestionDef {
  text: string;
  input: QuestionReply["input"];
  choices: Choice[];
}

/**
 * A slot's buttons in a locale that do not depend on the day: one per value (the schema's order), then
 * 「わからない」 where offered. A question about a recent day (issuedOn) has none here: its buttons
 * (今日・昨日・わからない) are filled in with the day's dates by {@link questionReply}.
 */
export function slotChoices(slot: Slot, locale: Locale = "ja"): Choice[] {
  const s = slotSchema(slot);
  const q = catalogFor(locale).questions;
  if (s.input === "choice") {
    const labels = q.labels[slot as ChoiceSlot] as Record<string, string>;
    return [...s.values, ...(s.offersUnknown ? [UNKNOWN] : [])].map((value) => ({ label: labels[value] ?? value, value }));
  }
  const unknown: Choice[] = s.offersUnknown ? [{ label: q.unknown, value: UNKNOWN }] : [];
  if (s.input === "number") return [...s.choices.map((n) => ({ label: q.count(n), value: String(n) })), ...unknown];
  return s.recent ? [] : unknown;
}

function questionDef(slot: Slot, locale: Locale): QuestionDef {
  return { text: catalogFor(locale).questions.text[slot], input: slotSchema(slot).input, choices: slotChoices(slot, locale) };
}

/** The questions in Japanese (the Slack staff view and the hand-off read their labels). */
export const QUESTIONS: Record<Slot, QuestionDef> = Object.fromEntries(SLOTS.map((s) => [s, questionDef(s, "ja")])) as Record<Slot, QuestionDef>;

/** The question for a slot as a Reply in a locale. Date choices that depend on today are filled in here. */
export function questionReply(
  slot: Slot,
  today: IsoDate,
  retry = false,
  reason?: Exclude<RetryReason, "unread">,
  locale: Locale = "ja",
): QuestionReply {
  const q = catalogFor(locale).questions;
  const def = questionDef(slot, locale);
  let choices = def.choices;
  const s = slotSchema(slot);
  if (s.input === "date" && s.recent) {
    choices = [
      { label: q.today, value: today },
      { label: q.yesterday, value: addDays(today, -1) },
      ...(s.offersUnknown ? [{ label: q.unknown, value: UNKNOWN }] : []),
    ];
  }
  const prefix = !retry ? "" : (q.retry[reason ?? "unread"] ?? "") + "\n";
  return { type: "question", slot, text: prefix + def.text, input: def.input, choices };
}

/** The choice after a route: did it solve it (issue 18), start over, or talk to a person. */
export const FOLLOW_UP_SLOT = "followUp";
const FOLLOW_UP_VALUES: readonly FollowUpValue[] = ["resolved", "not-resolved", "restart", "contact"];
function followUpChoices(locale: Locale): Choice[] {
  const labels = catalogFor(locale).followUp.labels;
  return FOLLOW_UP_VALUES.map((value) => ({ label: labels[value], value }));
}
/** The follow-up's buttons in Japanese (the hand-off's staff view reads their labels). */
export const FOLLOW_UP_CHOICES: Choice[] = followUpChoices("ja");
export function followUpReply(locale: Locale = "ja"): QuestionReply {
  return {
    type: "question",
    slot: FOLLOW_UP_SLOT,
    text: catalogFor(locale).followUp.text,
    input: "choice",
    choices: followUpChoices(locale),
  };
}

/**
 * A tapped value turned into facts for the slot, or undefined when the value does not belong to it
 * (an old button, a forged request): the bot then asks again. The slot's schema says what belongs.
 */
export function factsFromChoice(slot: Slot, value: string): Partial<Facts> | undefined {
  const s = slotSchema(slot);
  if (value === UNKNOWN) return s.offersUnknown ? ({ [slot]: UNKNOWN } as Partial<Facts>) : undefined;
  if (s.input === "number") {
    const n = /^[0-9]{1,2}$/.test(value) ? Number(value) : NaN;
    return String(n) === value && isSlotValue(slot, n) ? ({ [slot]: n } as Partial<Facts>) : undefined;
  }
  if (s.input === "date") {
    const date = parseIsoDate(value);
    return date ? ({ [slot]: date } as Partial<Facts>) : undefined;
  }
  return isSlotValue(slot, value) ? ({ [slot]: value } as Partial<Facts>) : undefined;
}
