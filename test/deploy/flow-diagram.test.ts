/**
 * docs/flow.md is generated from the machine (scripts/flows-diagram.ts). It must match what the machine
 * gives today, and its Mermaid must stay inside what Mermaid's state grammar accepts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROUTE_IDS } from "../../flows/certificate-recovery/routes-ids.ts";
import { ASKED_SLOTS } from "../../flows/certificate-recovery/decide.ts";
import { FLOW_DOC_PATH, renderFlowDiagram, shortQuestion } from "../../scripts/flows-diagram.ts";

function mermaidBlock(doc: string): string[] {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(doc);
  expect(match, "docs/flow.md has a ```mermaid block").not.toBeNull();
  return (match?.[1] ?? "").split("\n");
}

describe("docs/flow.md", () => {
  const rendered = renderFlowDiagram();

  it("is what `npm run flows:diagram` writes today", () => {
    const committed = readFileSync(FLOW_DOC_PATH, "utf8");
    expect(committed, "docs/flow.md is stale: run npm run flows:diagram").toBe(rendered);
  });

  it("is deterministic", () => {
    expect(renderFlowDiagram()).toBe(rendered);
  });

  it("draws every question and every route, each reached from deciding", () => {
    const lines = mermaidBlock(rendered);
    expect(lines[0]).toBe("stateDiagram-v2");
    for (const slot of ASKED_SLOTS) {
      expect(lines).toContain(`  deciding --> ask_${slot} : ask：${slot}`);
      expect(lines.some((l) => l.startsWith(`    state "${slot} — `) && l.endsWith(` as ask_${slot}`))).toBe(true);
    }
    for (const routeId of ROUTE_IDS) {
      const id = `routed_${routeId.replace(/-/g, "_")}`;
      expect(lines).toContain(`  deciding --> ${id} : route：${routeId}`);
      expect(lines.some((l) => l.startsWith(`    state "${routeId} — `) && l.endsWith(` as ${id}`))).toBe(true);
    }
    expect(lines).toContain("  [*] --> start");
    expect(lines).toContain("  start --> deciding");
    expect(lines.some((l) => l.startsWith("  ask --> deciding : TEXT [textIsUseful]"))).toBe(true);
    expect(lines).toContain("  routed --> start : CHOICE [isRestartChoice]");
  });

  it("keeps to Mermaid's state grammar: plain ids, one `:` per labelled line, no `;` or stray quotes", () => {
    for (const line of mermaidBlock(rendered).slice(1)) {
      const text = line.trim();
      if (text === "}" || text === "direction LR") continue;
      const state = /^state "([^"]*)" as ([A-Za-z0-9_]+)$/.exec(text) ?? /^state ([A-Za-z0-9_]+) \{$/.exec(text);
      if (state) continue;
      const edge = /^(\[\*\]|[A-Za-z0-9_]+) --> ([A-Za-z0-9_]+)( : ([^:;]+))?$/.exec(text);
      const note = /^note right of [A-Za-z0-9_]+ : [^:;]+$/.exec(text);
      expect(edge ?? note, `not a line Mermaid's state grammar reads safely: ${text}`).not.toBeNull();
    }
  });

  it("lists every question and route in its tables", () => {
    for (const slot of ASKED_SLOTS) expect(rendered).toMatch(new RegExp(`^\\| \`${slot}\` \\| `, "m"));
    for (const routeId of ROUTE_IDS) expect(rendered).toMatch(new RegExp(`^\\| \`${routeId}\` \\| `, "m"));
  });
});

describe("shortQuestion", () => {
  it("keeps the first sentence and marks a cut with …", () => {
    expect(shortQuestion("窓口にはどなたが行かれますか？")).toBe("窓口にはどなたが行かれますか？");
    expect(shortQuestion("どちらですか？\n・詳しい説明")).toBe("どちらですか？…");
    expect([...shortQuestion("あ".repeat(40))]).toHaveLength(28);
  });
});
