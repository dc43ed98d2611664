/**
 * Every question the machine (and so docs/flow.md) holds is one decide() really asks: walking decide()
 * from an empty conversation through every button answer reaches each, and only those. applicant,
 * foreignResident and noSignatureReason are facts read from a message, never asked (issue 13).
 */
import { describe, expect, it } from "vitest";
import { ASKED_SLOTS } from "../../flows/certificate-recovery/decide.ts";
import { certificateRecoveryMachine } from "../../flows/certificate-recovery/machine.ts";
import { askedQuestions, renderFlowDiagram } from "../../scripts/flows-diagram.ts";

const machineQuestions = Object.keys(certificateRecoveryMachine.root.states.ask?.states ?? {});

describe("the questions in the machine and in docs/flow.md", () => {
  it("are exactly the ones decide() asks, each reachable from an empty conversation", () => {
    const asked = askedQuestions();
    expect([...asked.keys()].sort()).toEqual([...ASKED_SLOTS].sort());
    expect([...machineQuestions].sort()).toEqual([...ASKED_SLOTS].sort());
  });

  it("stay reachable whatever the date (year end, a leap day, a Monday)", () => {
    for (const today of ["2026-12-28", "2028-02-29", "2025-01-06"]) {
      expect([...askedQuestions(today).keys()].sort(), today).toEqual([...ASKED_SLOTS].sort());
    }
  });

  it("never ask who goes, whether the resident is foreign or why there is no signature certificate", () => {
    for (const slot of ["applicant", "foreignResident", "noSignatureReason"]) {
      expect(machineQuestions).not.toContain(slot);
      expect(askedQuestions().has(slot as never)).toBe(false);
    }
  });

  it("each question row of docs/flow.md says in which cases it is asked, and no row says never", () => {
    const doc = renderFlowDiagram();
    const rows = doc.split("\n").filter((l) => /^\| `[A-Za-z]+` \| /.test(l) && l.split(" | ").length === 3);
    expect(rows.map((r) => /^\| `([A-Za-z]+)`/.exec(r)?.[1]).sort()).toEqual([...ASKED_SLOTS].sort());
    for (const row of rows) expect(row).not.toContain("never (no answer leads here)");
    expect(doc).toMatch(/\| `wrongAttempts` \| [^|]+ \| 暗証番号を間違えた \|/);
    expect(doc).toMatch(/\| `issuedOn` \| [^|]+ \| 更新したのに使えない \|/);
  });
});
