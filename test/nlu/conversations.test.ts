import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Facts, Slot } from "../../src/core/slots.ts";
import { extractFacts, parseAnswer } from "../../src/nlu/index.ts";

interface Conversation {
  id: string;
  say: string;
  now?: string;
  answers: Record<string, string>;
  typed?: Record<string, string>;
  expect: { route: string };
}

const conversations = JSON.parse(
  readFileSync(new URL("../fixtures/examples/shared-conversations.json", import.meta.url), "utf8"),
) as Conversation[];

const DEFAULT_TODAY = "2026-11-21";
const todayOf = (c: Conversation) => c.now?.slice(0, 10) ?? DEFAULT_TODAY;

/** What each sample message must yield, so the diagnosis does not ask again. */
const EXPECTED: Record<string, Partial<Facts>> = {
  p01: { symptom: "revoked", certificate: "signature", eTax: true, basicInfoChanged: "yes" },
  p02: { symptom: "revoked" },
  p03: { symptom: "renewal" },
  p04: { symptom: "renewal" },
  p05: { symptom: "locked", certificate: "user" },
  p06: { symptom: "forgot-pin", certificate: "signature", signaturePinKnown: "no" },
  p07: { symptom: "wrong-pin", certificate: "user", wrongAttempts: 2 },
  p08: { symptom: "lost-card" },
  p09: { symptom: "not-working-after-renewal", issuedOn: "2026-12-28" },
  p10: { symptom: "which-pin" },
  p11: { symptom: "renewal", aboutCard: true },
  p12: { wantsPerson: true },
};

describe("conversations.json", () => {
  it("covers every sample", () => {
    expect(conversations.map((c) => c.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const c of conversations) {
    it(`${c.id}: ${c.say}`, () => {
      const f = extractFacts(c.say, { today: todayOf(c) });
      expect(f).toMatchObject(EXPECTED[c.id] ?? {});
      // Facts read from the message never contradict the answers the resident gives later.
      for (const [slot, value] of Object.entries(c.answers)) {
        const got = (f as Record<string, unknown>)[slot];
        if (got !== undefined && value !== "unknown") expect(String(got)).toBe(value);
      }
      // A typed answer is understood; a tapped value typed by hand maps to itself.
      for (const [slot, text] of Object.entries(c.typed ?? {})) {
        expect(parseAnswer(slot as Slot, text, { today: todayOf(c) })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const [slot, value] of Object.entries(c.answers)) {
        expect(String(parseAnswer(slot as Slot, value, { today: todayOf(c) }))).toBe(value);
      }
    });
  }

  it("typed expiry dates", () => {
    expect(parseAnswer("certExpiry", "2027年4月20日", { today: DEFAULT_TODAY })).toBe("2027-04-20");
    expect(parseAnswer("certExpiry", "令和9年1月10日", { today: DEFAULT_TODAY })).toBe("2027-01-10");
  });
});
