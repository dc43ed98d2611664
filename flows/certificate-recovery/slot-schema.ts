/**
 * One schema per slot (issue 13): the values a slot holds, how it is asked (buttons, a count, a date),
 * and whether its question offers 「わからない」. The questions (questions.ts), the Slack staff form, the
 * machine's give-up rule and docs/flow.md read it; src/nlu/answer.ts is held to it by
 * test/flows/slot-schema.test.ts. The words (question, button labels) are the catalogs' (text/*.ts),
 * one per locale; this file has none.
 *
 * The types of src/core/slots.ts (`Facts`, and the shape of a schema, `SlotSchema`, so that src/nlu can
 * be given a slot's schema without importing a flow) stay the core's: the check at the end of this file
 * makes a schema that differs from `Facts` a type error, in either direction.
 */
import { parseIsoDate } from "../../src/calendar/index.ts";
import {
  SYMPTOMS,
  type ChoiceSlotSchema,
  type DateSlotSchema,
  type Facts,
  type NumberSlotSchema,
  type Slot,
  type SlotInput,
  type SlotSchema,
} from "../../src/core/slots.ts";

/** The value a slot holds when the resident was asked and does not know. */
export const UNKNOWN = "unknown";

const YES_NO = ["yes", "no"] as const;

export type { ChoiceSlotSchema, DateSlotSchema, NumberSlotSchema, SlotInput, SlotSchema };

export const SLOT_SCHEMA = {
  symptom: { input: "choice", values: SYMPTOMS, offersUnknown: false },
  certificate: { input: "choice", values: ["signature", "user"], offersUnknown: true },
  basicInfoChanged: { input: "choice", values: YES_NO, offersUnknown: true },
  wrongAttempts: { input: "number", min: 0, max: 5, choices: [1, 2, 3, 4, 5], offersUnknown: true },
  signaturePinKnown: { input: "choice", values: YES_NO, offersUnknown: false },
  userPinKnown: { input: "choice", values: YES_NO, offersUnknown: false },
  nfcSmartphone: { input: "choice", values: YES_NO, offersUnknown: true },
  certExpiry: { input: "date", past: false, recent: false, offersUnknown: true },
  cardExpiry: { input: "date", past: false, recent: false, offersUnknown: true },
  issuedOn: { input: "date", past: true, recent: true, offersUnknown: true },
  applicant: { input: "choice", values: ["self", "proxy", "legal-representative"], offersUnknown: false },
  foreignResident: { input: "choice", values: YES_NO, offersUnknown: false },
  noSignatureReason: { input: "choice", values: ["under-15", "adult-ward", "face-auth-card"], offersUnknown: true },
} as const satisfies Record<Slot, SlotSchema>;

type Schema = typeof SLOT_SCHEMA;
/** The slots answered by a button per value. */
export type ChoiceSlot = { [S in Slot]: Schema[S]["input"] extends "choice" ? S : never }[Slot];
/** The values a choice slot holds, `unknown` included when its question offers it. */
export type ChoiceValueOf<S extends ChoiceSlot> =
  | (Schema[S] extends { values: readonly (infer V extends string)[] } ? V : never)
  | (Schema[S]["offersUnknown"] extends true ? typeof UNKNOWN : never);

export const CHOICE_SLOTS = (Object.keys(SLOT_SCHEMA) as Slot[]).filter((s) => SLOT_SCHEMA[s].input === "choice") as ChoiceSlot[];

/** The schema of a slot, as the general type. */
export function slotSchema(slot: Slot): SlotSchema {
  return SLOT_SCHEMA[slot];
}

/** The slots whose question offers 「わからない」. */
export function offersUnknown(slot: Slot): boolean {
  return SLOT_SCHEMA[slot].offersUnknown;
}

/**
 * The values a choice or number slot holds, in the buttons' order with `unknown` last where offered
 * (numbers as numbers, all of min…max). A date slot holds any date: its list is `unknown` or empty.
 */
export function slotValues(slot: Slot): readonly (string | number)[] {
  const s = slotSchema(slot);
  const unknown = s.offersUnknown ? [UNKNOWN] : [];
  if (s.input === "choice") return [...s.values, ...unknown];
  if (s.input === "number") return [...Array.from({ length: s.max - s.min + 1 }, (_, i) => s.min + i), ...unknown];
  return unknown;
}

/** True when `value` is one the slot can hold (a date slot: a real date `YYYY-MM-DD`). */
export function isSlotValue(slot: Slot, value: unknown): boolean {
  const s = slotSchema(slot);
  if (value === UNKNOWN) return s.offersUnknown;
  if (s.input === "choice") return typeof value === "string" && s.values.includes(value);
  if (s.input === "number") return typeof value === "number" && Number.isInteger(value) && value >= s.min && value <= s.max;
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseIsoDate(value) === value;
}

// ---- The schema and the core's Facts agree (a type error otherwise) ----

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type HeldBy<S extends Slot> = S extends ChoiceSlot
  ? ChoiceValueOf<S>
  : Schema[S]["input"] extends "number"
    ? number | (Schema[S]["offersUnknown"] extends true ? typeof UNKNOWN : never)
    : string;
type Agreement = { [S in Slot]: Equal<HeldBy<S>, NonNullable<Facts[S]>> };
const schemaMatchesFacts: Agreement extends Record<Slot, true> ? true : Agreement = true;
void schemaMatchesFacts;
