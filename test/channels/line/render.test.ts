/** Reply[] → LINE messages, checked by the exact JSON produced (style.md §4), and against LINE's limits. */
import { describe, expect, it } from "vitest";
import { followUpReply, questionReply } from "../../../flows/certificate-recovery/questions.ts";
import { ROUTE_IDS } from "../../../flows/certificate-recovery/routes-ids.ts";
import { buildRoute } from "../../../flows/certificate-recovery/routes.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../../flows/cities/schema.ts";
import type { QuestionReply, Reply, RouteReply } from "../../../src/core/reply.ts";
import { SLOTS } from "../../../src/core/slots.ts";
import { fit, renderLineMessages, renderQuickReply, splitText, telUri } from "../../../src/channels/line/render.ts";
import { replyErrors } from "./fake-line-api.ts";

const question: QuestionReply = {
  type: "question",
  slot: "signaturePinKnown",
  text: "署名用の暗証番号（6〜16桁の英数字）は覚えていますか？",
  input: "choice",
  choices: [
    { label: "はい", value: "yes" },
    { label: "いいえ", value: "no" },
  ],
};

const route: RouteReply = {
  type: "route",
  routeId: "pin-reset-counter",
  title: "窓口で暗証番号を再設定します",
  lead: "4桁の暗証番号は、見本市の窓口で再設定できます。",
  text: "【窓口で暗証番号を再設定します】\n\n4桁の暗証番号は、見本市の窓口で再設定できます。",
  sections: [
    { heading: "持ち物", items: ["マイナンバーカード", "本人確認書類"] },
    { heading: "代理人（家族など）が手続きする場合", items: ["照会書が郵送されます。"], detail: true },
  ],
  links: [{ label: "見本市のマイナンバーカードのページ", url: "https://www.example.jp/sample-city/mynumber" }],
};

describe("LINE render: questions", () => {
  it("a question is one text message with postback quick replies", () => {
    expect(renderLineMessages([question])).toStrictEqual([
      {
        type: "text",
        text: "署名用の暗証番号（6〜16桁の英数字）は覚えていますか？",
        quickReply: {
          items: [
            { type: "action", action: { type: "postback", label: "はい", data: "c=yes&s=signaturePinKnown", displayText: "はい" } },
            { type: "action", action: { type: "postback", label: "いいえ", data: "c=no&s=signaturePinKnown", displayText: "いいえ" } },
          ],
        },
      },
    ]);
  });

  it("consecutive texts merge into one message; the quick reply sits on the last message", () => {
    const replies: Reply[] = [{ type: "text", text: "こんにちは。" }, { type: "text", text: "順番にご案内します。" }, question];
    const messages = renderLineMessages(replies);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toStrictEqual({
      type: "text",
      text: "こんにちは。\n\n順番にご案内します。\n\n署名用の暗証番号（6〜16桁の英数字）は覚えていますか？",
      quickReply: renderQuickReply(question),
    });
  });

  it("a date question adds a calendar (datetimepicker, mode date) after its choices", () => {
    const q: QuestionReply = { type: "question", slot: "certExpiry", text: "有効期限は？", input: "date", choices: [{ label: "わからない", value: "unknown" }] };
    expect(renderQuickReply(q)).toStrictEqual({
      items: [
        { type: "action", action: { type: "postback", label: "わからない", data: "c=unknown&s=certExpiry", displayText: "わからない" } },
        { type: "action", action: { type: "datetimepicker", label: "カレンダーから選ぶ", data: "d=certExpiry", mode: "date" } },
      ],
    });
  });

  it("keeps LINE's limits: 13 items, 20-character labels, 300-character data; free input has no quick reply", () => {
    const many: QuestionReply = {
      type: "question",
      slot: "symptom",
      text: "どれですか？",
      input: "date",
      choices: Array.from({ length: 20 }, (_, i) => ({ label: `とても長い選択肢のラベルその${i}です。ほんとうに長い`, value: `v${i}` })),
    };
    const items = renderQuickReply(many)?.items ?? [];
    expect(items).toHaveLength(13);
    expect(items.at(-1)?.action?.type).toBe("datetimepicker");
    expect(items[0]?.action).toStrictEqual({
      type: "postback",
      label: "とても長い選択肢のラベルその0です。ほ…",
      data: "c=v0&s=symptom",
      displayText: "とても長い選択肢のラベルその0です。ほんとうに長い",
    });
    for (const item of items) expect(item.action?.label?.length).toBeLessThanOrEqual(20);
    const longValue: QuestionReply = { ...question, choices: [{ label: "x", value: "y".repeat(400) }, { label: "ok", value: "ok" }] };
    expect(renderQuickReply(longValue)?.items?.map((i) => i.action?.label)).toEqual(["ok"]);
    expect(renderQuickReply({ ...question, input: "text", choices: [] })).toBeUndefined();
    expect(renderLineMessages([{ ...question, input: "text", choices: [] }])).toStrictEqual([{ type: "text", text: question.text }]);
  });
});

describe("LINE render: routes", () => {
  it("a route is a Flex bubble: header title, the lead and the first screen's sections (details left to quick replies), link and call buttons, a readable altText", () => {
    expect(renderLineMessages([route], { counterPhone: "0120-000-111" })).toStrictEqual([
      {
        type: "flex",
        altText: "【窓口で暗証番号を再設定します】4桁の暗証番号は、見本市の窓口で再設定できます。",
        contents: {
          type: "bubble",
          size: "giga",
          header: {
            type: "box",
            layout: "vertical",
            backgroundColor: "#EAF1FB",
            contents: [{ type: "text", text: "窓口で暗証番号を再設定します", weight: "bold", size: "lg", color: "#0B5394", wrap: true }],
          },
          body: {
            type: "box",
            layout: "vertical",
            spacing: "lg",
            contents: [
              { type: "text", text: "4桁の暗証番号は、見本市の窓口で再設定できます。", weight: "bold", size: "md", wrap: true },
              {
                type: "box",
                layout: "vertical",
                spacing: "xs",
                contents: [
                  { type: "text", text: "持ち物", weight: "bold", size: "sm", color: "#0B5394", wrap: true },
                  { type: "text", text: "・マイナンバーカード", size: "sm", wrap: true },
                  { type: "text", text: "・本人確認書類", size: "sm", wrap: true },
                ],
              },
            ],
          },
          footer: {
            type: "box",
            layout: "vertical",
            spacing: "sm",
            contents: [
              {
                type: "button",
                style: "link",
                height: "sm",
                action: { type: "uri", label: "見本市のマイナンバーカードのページ", uri: "https://www.example.jp/sample-city/mynumber" },
              },
              {
                type: "button",
                style: "primary",
                color: "#0B5394",
                height: "sm",
                action: { type: "uri", label: "窓口に電話 0120-000-111", uri: "tel:0120000111" },
              },
            ],
          },
        },
      },
    ]);
  });

  it("route then follow-up: the Flex bubble, then the question text carrying the quick reply", () => {
    const messages = renderLineMessages([{ type: "text", text: "新しいご相談として確認します。" }, route, followUpReply()]);
    expect(messages.map((m) => m.type)).toEqual(["text", "flex", "text"]);
    expect(messages[0]).toStrictEqual({ type: "text", text: "新しいご相談として確認します。" });
    expect(messages[1]?.quickReply).toBeUndefined();
    expect(messages[2]).toStrictEqual({
      type: "text",
      text: "解決しましたか？ほかにもお困りのことがあれば、そのまま入力してください。",
      quickReply: {
        items: [
          { type: "action", action: { type: "postback", label: "解決した", data: "c=resolved&s=followUp", displayText: "解決した" } },
          { type: "action", action: { type: "postback", label: "解決しない", data: "c=not-resolved&s=followUp", displayText: "解決しない" } },
          { type: "action", action: { type: "postback", label: "最初からやり直す", data: "c=restart&s=followUp", displayText: "最初からやり直す" } },
          { type: "action", action: { type: "postback", label: "窓口に相談したい", data: "c=contact&s=followUp", displayText: "窓口に相談したい" } },
        ],
      },
    });
  });

  it("a route's details and the follow-up share the last message's quick replies, details first", () => {
    const details: QuestionReply = {
      type: "question",
      slot: "detail",
      text: "くわしく知りたいことがあれば、選んでください。",
      input: "choice",
      choices: [{ label: "代理人が行く場合", value: "detail:proxy" }],
    };
    const messages = renderLineMessages([route, details, followUpReply()]);
    expect(messages.map((m) => m.type)).toEqual(["flex", "text"]);
    expect(messages[1]).toStrictEqual({
      type: "text",
      text: "くわしく知りたいことがあれば、選んでください。\n\n解決しましたか？ほかにもお困りのことがあれば、そのまま入力してください。",
      quickReply: {
        items: [
          { type: "action", action: { type: "postback", label: "代理人が行く場合", data: "c=detail%3Aproxy&s=detail", displayText: "代理人が行く場合" } },
          { type: "action", action: { type: "postback", label: "解決した", data: "c=resolved&s=followUp", displayText: "解決した" } },
          { type: "action", action: { type: "postback", label: "解決しない", data: "c=not-resolved&s=followUp", displayText: "解決しない" } },
          { type: "action", action: { type: "postback", label: "最初からやり直す", data: "c=restart&s=followUp", displayText: "最初からやり直す" } },
          { type: "action", action: { type: "postback", label: "窓口に相談したい", data: "c=contact&s=followUp", displayText: "窓口に相談したい" } },
        ],
      },
    });
  });

  it("a phone number on the first screen is a call button, the first one primary", () => {
    const lost: RouteReply = {
      ...route,
      lead: "すぐに 0120-95-0178 に電話してください。",
      links: [{ label: "0120-95-0178に電話", url: "tel:0120950178" }, { label: "0120-000-222に電話", url: "tel:0120000222" }],
    };
    const [flex] = renderLineMessages([lost]) as any[];
    // 0120-000-222 is not on the first screen (only in a detail): no button for it in the bubble.
    expect(flex.contents.footer.contents).toStrictEqual([
      { type: "button", style: "primary", color: "#0B5394", height: "sm", action: { type: "uri", label: "0120-95-0178に電話", uri: "tel:0120950178" } },
    ]);
  });

  it("a route too large for a bubble falls back to its plain text", () => {
    const huge: RouteReply = { ...route, text: "全文", sections: [{ heading: "長い", items: Array.from({ length: 400 }, (_, i) => `項目${i}`.repeat(5)) }] };
    expect(renderLineMessages([huge])).toStrictEqual([{ type: "text", text: "全文" }]);
  });

  it("altText stays within 400 characters; links that are not http(s) are left out", () => {
    const long: RouteReply = { ...route, lead: "あ".repeat(1_000), links: [{ label: "x", url: "javascript:alert(1)" }] };
    const [flex] = renderLineMessages([long]) as any[];
    expect(flex.altText).toHaveLength(400);
    expect(flex.altText.endsWith("…")).toBe(true);
    expect(flex.contents.footer).toBeUndefined();
  });
});

describe("LINE render: message limits", () => {
  it("never more than 5 messages: routes turn to text and merge; the last message keeps the question", () => {
    const replies: Reply[] = [route, route, route, route, route, route, question];
    const messages = renderLineMessages(replies);
    expect(messages.length).toBeLessThanOrEqual(5);
    expect(messages.at(-1)?.quickReply).toBeDefined();
    expect(replyErrors({ replyToken: "t", messages })).toEqual([]);
  });

  it("texts over 5,000 characters are split at line breaks", () => {
    const text = Array.from({ length: 300 }, (_, i) => `${i}行目：${"あ".repeat(30)}`).join("\n");
    const chunks = splitText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(5_000);
    expect(chunks.join("\n")).toBe(text);
    expect(splitText("x".repeat(12_000)).map((c) => c.length)).toEqual([5_000, 5_000, 2_000]);
  });

  it("fit() and telUri()", () => {
    expect(fit("短い", 20)).toBe("短い");
    expect(fit("あ".repeat(25), 20)).toBe(`${"あ".repeat(19)}…`);
    expect(fit("😀".repeat(15), 20)).toBe(`${"😀".repeat(9)}…`);
    expect(telUri("0120-95-0178")).toBe("tel:0120950178");
    expect(telUri("０３-１２３４-５６７８")).toBe("tel:0312345678");
    expect(telUri("--")).toBeUndefined();
  });

  it("every question and every route of the sample city passes LINE's validation", () => {
    const city = loadCityConfig(SAMPLE_CITY_PATH);
    const today = "2026-11-21";
    for (const slot of SLOTS) {
      const messages = renderLineMessages([{ type: "text", text: "こんにちは" }, questionReply(slot, today)]);
      expect(replyErrors({ replyToken: "t", messages }), slot).toEqual([]);
    }
    for (const routeId of ROUTE_IDS) {
      const r = buildRoute(routeId, { applicant: "proxy" }, { city, today });
      const messages = renderLineMessages([r, followUpReply()], { counterPhone: city.counter.phone });
      expect(messages.map((m) => m.type), routeId).toEqual(["flex", "text"]);
      expect(replyErrors({ replyToken: "t", messages }), routeId).toEqual([]);
    }
  });
});
