/** Hand-off tickets on Slack: parsing staff replies and clicks, and the ticket's Block Kit (exact JSON). */
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../src/core/handoff.ts";
import { parseTicketAction, parseTicketReply, slackToPlain } from "../../../src/channels/slack/parse.ts";
import { renderResidentMessage, renderTicket } from "../../../src/channels/slack/render.ts";
import { blockProblem } from "./fake-slack-api.ts";
import { fixture } from "./fixtures.ts";

const DESK = "C0HANDOFF";

function reply(extra: Record<string, unknown> = {}) {
  const body = fixture("event-message-thread-reply.json");
  body.event = { ...body.event, channel: DESK, thread_ts: "1763686800.000001", ...extra };
  return body;
}

describe("staff replies in a ticket's thread", () => {
  it("reads a person's thread reply in the desk channel", () => {
    expect(parseTicketReply(reply({ text: "<@U0BOT> こんにちは &amp; よろしく" }), "U0BOT", DESK)).toEqual({
      ticketId: "1763686800.000001",
      staff: "U0STAFF1",
      text: "こんにちは & よろしく",
      messageTs: "1763686803.000400",
      eventId: "Ev0THREAD01",
      internal: false,
    });
  });

  it("marks a reply that begins with メモ： as a note between staff", () => {
    for (const text of ["メモ：先週も来庁された方です", "メモ: 住所変更済み", "<@U0BOT> ﾒﾓ：確認中", "memo: check", "MEMO：確認", "  めも：あとで"]) {
      expect(parseTicketReply(reply({ text }), "U0BOT", DESK)?.internal, text).toBe(true);
    }
    for (const text of ["メモを取ってお越しください", "暗証番号のメモ：設定控をご確認ください", "メモリー：不足", "memorandum: x"]) {
      expect(parseTicketReply(reply({ text }), "U0BOT", DESK)?.internal, text).toBe(false);
    }
  });

  it("ignores bots, other channels, top-level messages, edits and empty text", () => {
    expect(parseTicketReply(reply({ bot_id: "B0BOT" }), "U0BOT", DESK)).toBeUndefined();
    expect(parseTicketReply(reply({ user: "U0BOT" }), "U0BOT", DESK)).toBeUndefined();
    expect(parseTicketReply(reply({ channel: "C0OTHER" }), "U0BOT", DESK)).toBeUndefined();
    expect(parseTicketReply(reply({ thread_ts: undefined }), "U0BOT", DESK)).toBeUndefined();
    expect(parseTicketReply(reply({ thread_ts: "1763686803.000400" }), "U0BOT", DESK)).toBeUndefined();
    expect(parseTicketReply(reply({ subtype: "message_changed" }), "U0BOT", DESK)).toBeUndefined();
    expect(parseTicketReply(reply({ text: "<@U0BOT>" }), "U0BOT", DESK)).toBeUndefined();
  });

  it("turns Slack markup into plain text for the resident", () => {
    expect(slackToPlain("<https://example.jp/a|予約ページ>をご覧ください")).toBe("予約ページ（https://example.jp/a）をご覧ください");
    expect(slackToPlain("<https://example.jp/a>")).toBe("https://example.jp/a");
    expect(slackToPlain("<tel:0120000111|0120-000-111> <mailto:desk@example.jp>")).toBe("0120-000-111 desk@example.jp");
    expect(slackToPlain("<@U0STAFF2> さん、<#C0HANDOFF|madoguchi> で <!here>")).toBe("さん、#madoguchi で");
    expect(slackToPlain("1 &lt; 2 &amp;&amp; 3 &gt; 2")).toBe("1 < 2 && 3 > 2");
  });
});

describe("ticket buttons", () => {
  function click(actionId: string, channel = DESK) {
    const body = fixture("block-actions.json");
    body.channel.id = channel;
    body.container = { type: "message", message_ts: "1763686800.000009", channel_id: channel, is_ephemeral: false };
    body.actions = [{ action_id: actionId, block_id: "handoff", value: "x", type: "button" }];
    return body;
  }
  it("reads 対応する and 解決済み in the desk channel only", () => {
    expect(parseTicketAction(click("handoff:claim"), DESK)).toEqual({ ticketId: "1763686800.000009", action: "claim", staff: "U0STAFF1" });
    expect(parseTicketAction(click("handoff:resolve"), DESK)).toEqual({ ticketId: "1763686800.000009", action: "resolve", staff: "U0STAFF1" });
    expect(parseTicketAction(click("handoff:resolve", "C0OTHER"), DESK)).toBeUndefined();
    expect(parseTicketAction(click("choice:0"), DESK)).toBeUndefined();
  });
});

const ticket: Ticket = {
  origin: "web",
  facts: [{ label: "困りごと", value: "その他・相談したい" }],
  route: { routeId: "certificate-renewal", title: "電子証明書の更新" },
  recentMessages: ["更新の<予約>は\n必要ですか？"],
  openedAt: "2026-11-22T01:00:00.000Z",
  opensAt: "2026-11-23T23:30:00.000Z",
};

describe("renderTicket", () => {
  it("renders a resolved ticket without buttons, escaping the resident's words", () => {
    expect(renderTicket(ticket, { status: "resolved", staff: "U0STAFF2" })).toEqual({
      text: "窓口への相談（Webチャット）：解決済み",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "窓口への相談（Webチャット）", emoji: true } },
        { type: "section", text: { type: "mrkdwn", text: ":white_check_mark: *解決済み*（<@U0STAFF2>）　相談者はボットの案内に戻りました。" } },
        { type: "section", text: { type: "mrkdwn", text: "*聞き取った内容*\n• 困りごと：その他・相談したい" } },
        { type: "section", text: { type: "mrkdwn", text: "*案内した内容*：電子証明書の更新（`certificate-renewal`）" } },
        { type: "section", text: { type: "mrkdwn", text: "*相談者の最近のメッセージ*\n> 更新の&lt;予約&gt;は\n> 必要ですか？" } },
        { type: "context", elements: [{ type: "mrkdwn", text: "受付：2026年11月22日（日）10:00（Webチャット）　:crescent_moon: 受付時間外（次の受付：11月24日（火）8:30）" }] },
      ],
    });
  });

  it("keeps within Slack's limits with long messages, and offers both buttons while open", () => {
    const long = { ...ticket, recentMessages: Array.from({ length: 5 }, () => "あ".repeat(500)) };
    const open = renderTicket(long, { status: "waiting" });
    expect(blockProblem(open.blocks, 50)).toBeUndefined();
    expect(open.blocks.at(-1)).toMatchObject({ type: "actions", block_id: "handoff", elements: [{ action_id: "handoff:claim" }, { action_id: "handoff:resolve" }] });
    expect(blockProblem(renderResidentMessage("い".repeat(4000)).blocks, 50)).toBeUndefined();
  });
});
