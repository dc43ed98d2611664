/**
 * Issue 13: one schema per slot (flows/certificate-recovery/slot-schema.ts). The questions, a tapped
 * value, the Slack staff form and the machine read it; src/nlu/answer.ts (which reads typed answers)
 * does not yet, so it is held to it here: the values it can produce for a slot are exactly the schema's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { factsFromChoice, QUESTIONS, questionReply, slotChoices } from "../../flows/certificate-recovery/questions.ts";
import {
  CHOICE_SLOTS,
  isSlotValue,
  offersUnknown,
  SLOT_SCHEMA,
  slotSchema,
  slotValues,
  UNKNOWN,
} from "../../flows/certificate-recovery/slot-schema.ts";
import { CATALOGS } from "../../flows/certificate-recovery/text/index.ts";
import { renderDiagnosisForm } from "../../src/channels/slack/form.ts";
import { LOCALES } from "../../src/core/locale.ts";
import { SLOTS, SYMPTOMS, type Slot } from "../../src/core/slots.ts";
import { parseAnswer } from "../../src/nlu/answer.ts";

const TODAY = "2026-11-20";
const ANSWER_TS = readFileSync(new URL("../../src/nlu/answer.ts", import.meta.url), "utf8");

describe("the schema", () => {
  it("has one entry per slot, in the slots' order", () => {
    expect(Object.keys(SLOT_SCHEMA)).toEqual([...SLOTS]);
  });

  it("lists each slot's values (unknown last where offered)", () => {
    expect(slotValues("certificate")).toEqual(["signature", "user", "unknown"]);
    expect(slotValues("symptom")).toEqual([...SYMPTOMS]);
    expect(slotValues("wrongAttempts")).toEqual([0, 1, 2, 3, 4, 5, "unknown"]);
    expect(slotValues("applicant")).toEqual(["self", "proxy", "legal-representative"]);
    expect(slotValues("certExpiry")).toEqual(["unknown"]);
    expect(SLOTS.filter(offersUnknown)).toEqual([
      "certificate",
      "basicInfoChanged",
      "wrongAttempts",
      "nfcSmartphone",
      "certExpiry",
      "cardExpiry",
      "issuedOn",
      "noSignatureReason",
    ]);
  });

  it("isSlotValue: the slot's values, real dates, counts in range; nothing else", () => {
    expect(isSlotValue("certificate", "user")).toBe(true);
    expect(isSlotValue("certificate", "both")).toBe(false);
    expect(isSlotValue("signaturePinKnown", "unknown")).toBe(false);
    expect(isSlotValue("wrongAttempts", 5)).toBe(true);
    expect(isSlotValue("wrongAttempts", 6)).toBe(false);
    expect(isSlotValue("wrongAttempts", "3")).toBe(false);
    expect(isSlotValue("certExpiry", "2028-02-29")).toBe(true);
    expect(isSlotValue("certExpiry", "2027-02-29")).toBe(false);
    expect(isSlotValue("issuedOn", "unknown")).toBe(true);
  });

  it("the questions offer 「わからない」 exactly where the schema says", () => {
    for (const slot of SLOTS) {
      for (const locale of LOCALES) {
        const values = questionReply(slot, TODAY, false, undefined, locale).choices.map((c) => c.value);
        expect(values.includes(UNKNOWN), `${slot} ${locale}`).toBe(offersUnknown(slot));
      }
    }
  });

  it("the questions' input kind is the schema's", () => {
    for (const slot of SLOTS) expect(QUESTIONS[slot].input, slot).toBe(slotSchema(slot).input);
  });

  it("every catalog labels every value of every choice slot, and nothing else", () => {
    for (const locale of LOCALES) {
      for (const slot of CHOICE_SLOTS) {
        expect(Object.keys(CATALOGS[locale].questions.labels[slot]).sort(), `${locale} ${slot}`).toEqual(slotValues(slot).map(String).sort());
      }
    }
  });
});

describe("a tapped value (factsFromChoice) is taken only when the schema holds it", () => {
  it("every button of every question gives the slot a value of the schema", () => {
    for (const slot of SLOTS) {
      for (const choice of questionReply(slot, TODAY).choices) {
        const facts = factsFromChoice(slot, choice.value);
        expect(facts, `${slot} ${choice.value}`).toBeDefined();
        expect(isSlotValue(slot, facts![slot]), `${slot} ${choice.value}`).toBe(true);
      }
    }
  });

  it("an old or forged value is not taken", () => {
    expect(factsFromChoice("wrongAttempts", "0")).toEqual({ wrongAttempts: 0 });
    for (const [slot, value] of [
      ["wrongAttempts", "6"],
      ["wrongAttempts", "05"],
      ["wrongAttempts", "1.5"],
      ["certificate", "both"],
      ["signaturePinKnown", "unknown"],
      ["symptom", "unknown"],
      ["applicant", "guardian"],
      ["certExpiry", "2027-02-29"],
      ["issuedOn", "today"],
    ] as [Slot, string][]) {
      expect(factsFromChoice(slot, value), `${slot} ${value}`).toBeUndefined();
    }
  });
});

describe("the Slack staff form reads the schema", () => {
  const form = renderDiagnosisForm({ channel: "C0", threadTs: "1.0" });
  it("a date picker for a date slot, the schema's buttons (in Japanese) for the others", () => {
    for (const slot of SLOTS) {
      const block = form.blocks.find((b) => b.block_id === `slot:${slot}`) as { element: { type: string; options?: { value: string; text: { text: string } }[] } };
      if (slotSchema(slot).input === "date") {
        expect(block.element.type, slot).toBe("datepicker");
      } else {
        expect(block.element.options?.map((o) => o.value), slot).toEqual(slotChoices(slot, "ja").map((c) => c.value));
        expect(block.element.options?.map((o) => o.text.text), slot).toEqual(slotChoices(slot, "ja").map((c) => c.label));
      }
    }
  });
});

/**
 * src/nlu/answer.ts does not read the schema yet: these hold it to it, so that the two cannot drift.
 * When answer.ts reads the schema (its table of exact values replaced by slotValues()), the first test
 * checks that instead.
 */
describe("typed answers (src/nlu/answer.ts) produce exactly the schema's values", () => {
  it("answer.ts's table of values typed as they are is the schema's, slot by slot", () => {
    const block = /const CHOICE_VALUES[^=]*=\s*\{([\s\S]*?)\n\};/.exec(ANSWER_TS);
    if (!block) {
      // Refactored: the table is gone, so the values must come from the schema.
      expect(ANSWER_TS).toMatch(/slot-schema\.ts/);
      return;
    }
    const table = Object.fromEntries(
      [...block[1]!.matchAll(/^\s*(\w+):\s*(SYMPTOMS|\[[^\]]*\])/gm)].map((m) => [
        m[1],
        m[2] === "SYMPTOMS" ? [...SYMPTOMS] : (JSON.parse(m[2]!.replace(/,\s*\]$/, "]")) as string[]),
      ]),
    );
    expect(Object.keys(table).sort()).toEqual([...CHOICE_SLOTS].sort());
    for (const slot of CHOICE_SLOTS) expect(table[slot], slot).toEqual(slotValues(slot));
  });

  it("every value answer.ts returns as a literal is a value of some slot's schema", () => {
    const all = new Set(SLOTS.flatMap((s) => slotValues(s).map(String)));
    const literals = [...ANSWER_TS.matchAll(/\breturn\s+"([^"]+)"/g)].map((m) => m[1]!);
    expect(literals.length).toBeGreaterThan(10);
    expect(literals.filter((v) => !all.has(v))).toEqual([]);
  });

  it("each value typed as it is reads as itself", () => {
    for (const slot of SLOTS) {
      const s = slotSchema(slot);
      const samples: readonly (string | number)[] = s.input === "date" ? ["2027-03-15", ...slotValues(slot)] : slotValues(slot);
      for (const v of samples) expect(parseAnswer(slot, String(v), { today: TODAY }), `${slot} ${v}`).toBe(v);
    }
  });

  it("whatever a resident types, a slot's answer is one of its schema's values (or none)", () => {
    const corpus = new Set<string>([
      ...LOCALES.flatMap((l) => SLOTS.flatMap((s) => questionReply(s, TODAY, false, undefined, l).choices.map((c) => c.label))),
      ...["はい", "いいえ", "わからない", "たぶん", "両方", "3回", "数回", "残り2回", "ゼロ", "100回", "来年2月", "昨日", "2027年2月29日"],
      ...["yes", "no", "I don't know", "not sure", "both", "3 times", "my mother", "I'm her guardian", "March 15, 2027", "next February"],
      ...["署名用のは覚えてます", "母が行きます", "在留カードはありません", "15歳未満の子どもです", "顔認証のカード"],
    ]);
    const dir = new URL("../fixtures/corpus/", import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".jsonl"))) {
      for (const line of readFileSync(new URL(file, dir), "utf8").split("\n").filter((l) => l.trim())) {
        const row = JSON.parse(line) as { say?: string; typed?: Record<string, string> };
        if (row.say) corpus.add(row.say);
        for (const t of Object.values(row.typed ?? {})) corpus.add(t);
      }
    }
    const bad: string[] = [];
    for (const slot of SLOTS) {
      for (const text of corpus) {
        const v = parseAnswer(slot, text, { today: TODAY, facts: { certificate: "user" } });
        if (v !== undefined && !isSlotValue(slot, v)) bad.push(`${slot} ← ${text}: ${String(v)}`);
      }
    }
    expect(corpus.size).toBeGreaterThan(300);
    expect(bad).toEqual([]);
  });
});
