/** Block Kit rendering, checked by the exact JSON it produces, and against Block Kit's limits. */
import { describe, expect, it } from "vitest";
import type { QuestionReply, RouteReply } from "../../../src/core/reply.ts";
import { renderDiagnosisForm, emptyFormErrors } from "../../../src/channels/slack/form.ts";
import {
  clip,
  escapeMrkdwn,
  LIMITS,
  renderAnswered,
  renderReplies,
  renderThreadStart,
  splitText,
} from "../../../src/channels/slack/render.ts";
import { blockProblem } from "./fake-slack-api.ts";

const CONV = "slack:T0HELP:C0HELPDESK:1763686800.000001";
const view = { conversationId: CONV, facts: {} };

const applicantQuestion: QuestionReply = {
  type: "question",
  slot: "applicant",
  text: "窓口にはどなたが行かれますか？",
  input: "choice",
  choices: [
    { label: "本人", value: "self" },
    { label: "代理人（家族など）", value: "proxy" },
  ],
};

const route: RouteReply = {
  type: "route",
  routeId: "pin-retry-guidance",
  title: "暗証番号の入力にご注意ください",
  lead: "あと1回でロックされます。",
  text: "【暗証番号の入力にご注意ください】\n\nあと1回でロックされます。",
  sections: [
    { heading: "ご注意", items: ["暗証番号を<推測>で入力しないでください。", "メモ & 控え"] },
    { heading: "手数料", items: ["無料"], detail: true },
  ],
  links: [
    { label: "0120-000-111に電話", url: "tel:0120000111" },
    { label: "見本市のページ", url: "https://example.city.jp/myna" },
  ],
};

describe("renderReplies", () => {
  it("renders a text reply as a mrkdwn section, escaped", () => {
    expect(renderReplies([{ type: "text", text: "A&B <c>" }], view)).toEqual([
      { text: "A&amp;B &lt;c&gt;", blocks: [{ type: "section", text: { type: "mrkdwn", text: "A&amp;B &lt;c&gt;" } }] },
    ]);
  });

  it("renders a question as a section and buttons that carry the conversation in the block id", () => {
    expect(renderReplies([applicantQuestion], view)).toEqual([
      {
        text: "窓口にはどなたが行かれますか？",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: "窓口にはどなたが行かれますか？" } },
          {
            type: "actions",
            block_id: `q:applicant:${CONV}`,
            elements: [
              { type: "button", action_id: "choice:0", text: { type: "plain_text", text: "本人", emoji: true }, value: "self" },
              {
                type: "button",
                action_id: "choice:1",
                text: { type: "plain_text", text: "代理人（家族など）", emoji: true },
                value: "proxy",
              },
            ],
          },
        ],
      },
    ]);
  });

  it("adds a date picker to a date question", () => {
    const q: QuestionReply = { type: "question", slot: "certExpiry", text: "有効期限は？", input: "date", choices: [{ label: "わからない", value: "unknown" }] };
    expect(renderReplies([q], view)[0]!.blocks[1]).toEqual({
      type: "actions",
      block_id: `q:certExpiry:${CONV}`,
      elements: [
        { type: "button", action_id: "choice:0", text: { type: "plain_text", text: "わからない", emoji: true }, value: "unknown" },
        { type: "datepicker", action_id: "date", placeholder: { type: "plain_text", text: "日付を選ぶ", emoji: true } },
      ],
    });
  });

  it("renders a route as a header, the lead, every section (details too), web link buttons and the staff view", () => {
    const [message] = renderReplies([route], { conversationId: CONV, facts: { certificate: "user", wrongAttempts: 2 }, reasons: [{ code: "not-locked-yet", wrongAttempts: 2, limit: 3 }] });
    expect(message).toEqual({
      text: "暗証番号の入力にご注意ください",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "暗証番号の入力にご注意ください", emoji: true } },
        { type: "section", text: { type: "mrkdwn", text: "*あと1回でロックされます。*" } },
        {
          type: "section",
          text: { type: "mrkdwn", text: "*ご注意*\n• 暗証番号を&lt;推測&gt;で入力しないでください。\n• メモ &amp; 控え" },
        },
        { type: "section", text: { type: "mrkdwn", text: "*手数料*\n• 無料" } },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "link:0",
              text: { type: "plain_text", text: "見本市のページ", emoji: true },
              url: "https://example.city.jp/myna",
            },
          ],
        },
        { type: "divider" },
        { type: "context", elements: [{ type: "mrkdwn", text: ":memo: *担当者向け*　ルート `pin-retry-guidance`" }] },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text:
              "*聞き取った内容*\n• 暗証番号・証明書の種類：利用者証明用（4桁の数字）\n• 続けて間違えた回数：2回\n\n" +
              "*この案内になった理由*\n• 2回の誤入力で、まだロックされていません（3回でロック）。",
          },
        },
        { type: "context", elements: [{ type: "mrkdwn", text: "*住民の方へそのまま送れる文面*（コピーしてお使いください）" }] },
        { type: "section", text: { type: "mrkdwn", text: "```\n【暗証番号の入力にご注意ください】\n\nあと1回でロックされます。\n```" } },
      ],
    });
  });

  it("splits long text into sections of at most 3,000 characters, and code blocks keep their fences", () => {
    const line = "あ".repeat(999);
    const long = Array.from({ length: 7 }, () => line).join("\n");
    const [message] = renderReplies([{ ...route, text: long, sections: [{ heading: "長い", items: [long] }], links: [] }], view);
    for (const b of message!.blocks) {
      if (b.type === "section") expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    }
    const code = message!.blocks.filter((b) => b.type === "section" && b.text!.text.startsWith("```"));
    expect(code.length).toBe(4); // 2 lines of 999 a block: a third would pass 3,000 with the fences
    for (const b of code) expect(b.type === "section" && b.text!.text.endsWith("\n```")).toBe(true);
    expect(blockProblem(message!.blocks, 50)).toBeUndefined();
  });

  it("cuts a header at 150 characters and a button text at 75", () => {
    const [message] = renderReplies(
      [{ ...route, title: "題".repeat(200), links: [{ label: "リ".repeat(100), url: "https://example.city.jp/" }] }],
      view,
    );
    const header = message!.blocks[0] as { text: { text: string } };
    expect(header.text.text).toBe(`${"題".repeat(149)}…`);
    const actions = message!.blocks.find((b) => b.type === "actions") as { elements: { text: { text: string } }[] };
    expect(actions.elements[0]!.text.text.length).toBe(75);
  });

  it("spreads more than 50 blocks over several messages", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ type: "text" as const, text: `文${i}` }));
    const messages = renderReplies(many, view);
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 10]);
    expect(messages[1]!.text).toBe("（続き）");
    for (const m of messages) expect(blockProblem(m.blocks, 50)).toBeUndefined();
  });
});

describe("text helpers", () => {
  it("escapes only &, < and >", () => {
    expect(escapeMrkdwn("a&b<c>*d*")).toBe("a&amp;b&lt;c&gt;*d*");
  });
  it("clips with an ellipsis", () => {
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("abc", 4)).toBe("abc");
  });
  it("splits at line ends, and cuts a long line without breaking an escape", () => {
    expect(splitText("ab\ncd\nef", 5)).toEqual(["ab\ncd", "ef"]);
    expect(splitText("abc&amp;def", 5)).toEqual(["abc", "&amp;", "def"]);
  });
});

describe("thread start and answered question", () => {
  it("opens a thread with the form button", () => {
    expect(renderThreadStart("U0STAFF1", "command")).toEqual({
      text: "マイナ証明書レスキュー：相談を受け付けました",
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: ":id: <@U0STAFF1> さんの相談を、このスレッドでご案内します。ボタンで答えるか、スレッドに文字で書き込んでください。",
          },
        },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "open_form",
              text: { type: "plain_text", text: "フォームでまとめて入力", emoji: true },
              value: "open_form",
            },
          ],
        },
      ],
    });
  });

  it("replaces the answered question's buttons with what was chosen", () => {
    const [message] = renderReplies([applicantQuestion], view);
    expect(renderAnswered(message!.blocks, `q:applicant:${CONV}`, "本人", "U0STAFF1")).toEqual([
      message!.blocks[0],
      { type: "context", elements: [{ type: "mrkdwn", text: ":white_check_mark: 本人（<@U0STAFF1>）" }] },
    ]);
  });
});

describe("staff form", () => {
  const form = renderDiagnosisForm({ channel: "C0HELPDESK", threadTs: "1763686800.000001" });

  it("is a modal with one optional input per slot, answering where it was opened", () => {
    expect(form.type).toBe("modal");
    expect(form.callback_id).toBe("diagnosis_form");
    expect(JSON.parse(form.private_metadata!)).toEqual({ channel: "C0HELPDESK", threadTs: "1763686800.000001" });
    const inputs = form.blocks.filter((b) => b.type === "input");
    expect(inputs).toHaveLength(13);
    expect(inputs.every((b) => (b as { optional?: boolean }).optional === true)).toBe(true);
    expect(blockProblem(form.blocks, 100)).toBeUndefined();
    expect(form.title.text.length).toBeLessThanOrEqual(24);
  });

  it("uses the question's choices for a select and a date picker for a date", () => {
    expect(form.blocks.find((b) => b.block_id === "slot:applicant")).toEqual({
      type: "input",
      block_id: "slot:applicant",
      optional: true,
      label: { type: "plain_text", text: "窓口に行く人", emoji: true },
      element: {
        type: "static_select",
        action_id: "value",
        placeholder: { type: "plain_text", text: "選ぶ", emoji: true },
        options: [
          { text: { type: "plain_text", text: "本人", emoji: true }, value: "self" },
          { text: { type: "plain_text", text: "代理人（家族など）", emoji: true }, value: "proxy" },
          { text: { type: "plain_text", text: "法定代理人・成年後見人", emoji: true }, value: "legal-representative" },
        ],
      },
    });
    expect(form.blocks.find((b) => b.block_id === "slot:certExpiry")).toEqual({
      type: "input",
      block_id: "slot:certExpiry",
      optional: true,
      label: { type: "plain_text", text: "電子証明書の有効期限", emoji: true },
      element: { type: "datepicker", action_id: "value", placeholder: { type: "plain_text", text: "日付を選ぶ", emoji: true } },
    });
  });

  it("asks for at least one answer when nothing was chosen", () => {
    expect(emptyFormErrors()).toEqual({ response_action: "errors", errors: { "slot:symptom": "少なくとも1つ選んでください。" } });
  });
});
