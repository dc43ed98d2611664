/**
 * Slack's staff view stays Japanese and says which language the resident reads (issue 14): in a
 * diagnosis's staff view and in a hand-off ticket. Checked by the exact blocks added.
 */
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../src/core/handoff.ts";
import type { RouteReply } from "../../../src/core/reply.ts";
import { localeNote, renderReplies, renderStaffView, renderTicket } from "../../../src/channels/slack/render.ts";

const CONV = "slack:T0HELP:C0HELPDESK:1763686800.000001";
const route: RouteReply = {
  type: "route",
  routeId: "lost-card",
  title: "If you lost your card",
  lead: "Call 0120-95-0178 now.",
  text: "If you lost your card\n\nCall 0120-95-0178 now.",
  sections: [{ heading: "What to do", items: ["Call the stop line."] }],
};
const ticket: Ticket = {
  origin: "line",
  facts: [{ label: "困りごと", value: "カードをなくした" }],
  recentMessages: ["I lost my card"],
  openedAt: "2026-11-22T01:00:00.000Z",
};

describe("the resident's language in the staff view", () => {
  it("names English and やさしい日本語, nothing for Japanese", () => {
    expect(localeNote("en")).toBe("言語：English（相談者は英語で案内を受けています。返信は英語でお願いします）");
    expect(localeNote("ja-easy")).toBe("言語：やさしい日本語（返信は短い文で、漢字には読みがなを添えてください）");
    expect(localeNote("ja")).toBeUndefined();
    expect(localeNote(undefined)).toBeUndefined();
  });

  it("a diagnosis in English: the staff view (in Japanese) has the language line under its heading", () => {
    const blocks = renderStaffView(route, { conversationId: CONV, facts: {}, locale: "en" });
    expect(blocks.slice(0, 3)).toEqual([
      { type: "divider" },
      { type: "context", elements: [{ type: "mrkdwn", text: ":memo: *担当者向け*　ルート `lost-card`" }] },
      { type: "context", elements: [{ type: "mrkdwn", text: ":globe_with_meridians: 言語：English（相談者は英語で案内を受けています。返信は英語でお願いします）" }] },
    ]);
    expect(JSON.stringify(blocks)).toContain("*聞き取った内容*");
    // Japanese: as before, no language line.
    const ja = renderStaffView(route, { conversationId: CONV, facts: {}, locale: "ja" });
    expect(JSON.stringify(ja)).not.toContain("言語：");
    expect(ja).toEqual(renderStaffView(route, { conversationId: CONV, facts: {} }));
    // Through the turn's rendering too.
    const [message] = renderReplies([route], { conversationId: CONV, facts: {}, locale: "ja-easy" });
    expect(JSON.stringify(message!.blocks)).toContain("言語：やさしい日本語");
  });

  it("a ticket of a resident reading English says so, bold, under its status", () => {
    const { blocks } = renderTicket({ ...ticket, locale: "en" }, { status: "waiting" });
    expect(blocks[2]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: ":globe_with_meridians: *言語：English（相談者は英語で案内を受けています。返信は英語でお願いします）*" },
    });
    expect(renderTicket({ ...ticket, locale: "ja" }, { status: "waiting" })).toEqual(renderTicket(ticket, { status: "waiting" }));
  });
});
