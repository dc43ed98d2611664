/** LINE's own words in the conversation's locale (issue 14): labels, list marks and notification texts. */
import { describe, expect, it } from "vitest";
import { renderLineMessages, renderQuickReply } from "../../../src/channels/line/render.ts";
import type { QuestionReply, RouteReply } from "../../../src/core/reply.ts";

const route: RouteReply = {
  type: "route",
  routeId: "lost-card",
  title: "If you lost your card",
  lead: "Call 0120-95-0178 now to stop the card.",
  text: "…",
  sections: [{ heading: "What to do", items: ["Call the stop line.", "Report it to the police."] }],
  links: [{ label: "Call 0120-95-0178", url: "tel:0120950178" }],
};
const dateQuestion: QuestionReply = { type: "question", slot: "expiryDate", text: "When does it expire?", input: "date", choices: [] };

describe("LINE renderer words per locale", () => {
  it("en: the route's alt text, list marks and the counter's call button in English", () => {
    const [flex] = renderLineMessages([route], { counterPhone: "0120-000-111", locale: "en" }) as any[];
    expect(flex.altText).toBe("If you lost your card: Call 0120-95-0178 now to stop the card.");
    expect(flex.contents.body.contents[1].contents.map((c: any) => c.text)).toEqual(["What to do", "• Call the stop line.", "• Report it to the police."]);
    expect(flex.contents.footer.contents.at(-1).action).toEqual({ type: "uri", label: "Call 0120-000-111", uri: "tel:0120000111" });
  });

  it("ja (the default) as before; ja-easy keeps brackets and Japanese marks", () => {
    const [ja] = renderLineMessages([route], { counterPhone: "0120-000-111" }) as any[];
    expect(ja.altText).toBe("【If you lost your card】Call 0120-95-0178 now to stop the card.");
    expect(ja.contents.footer.contents.at(-1).action.label).toBe("窓口に電話 0120-000-111");
    const [easy] = renderLineMessages([{ ...route, title: "カードを なくしたとき", lead: "市役所（しやくしょ）に 電話（でんわ）します。" }], { counterPhone: "0120-000-111", locale: "ja-easy" }) as any[];
    expect(easy.altText).toBe("【カードを なくしたとき】市役所（しやくしょ）に 電話（でんわ）します。");
    expect(easy.contents.body.contents[0].text).toBe("市役所（しやくしょ）に 電話（でんわ）します。");
    expect(easy.contents.footer.contents.at(-1).action.label).toBe("窓口に でんわ 0120-000-111");
  });

  it("the calendar button of a date question", () => {
    const label = (locale?: "ja" | "en" | "ja-easy") => renderQuickReply(dateQuestion, [], locale)?.items?.at(-1)?.action;
    expect(label()).toEqual({ type: "datetimepicker", label: "カレンダーから選ぶ", data: "d=expiryDate", mode: "date" });
    expect(label("en")).toEqual({ type: "datetimepicker", label: "Pick from calendar", data: "d=expiryDate", mode: "date" });
    expect(label("ja-easy")?.label).toBe("カレンダーで えらぶ");
    expect(renderLineMessages([dateQuestion], { locale: "en" })[0]).toMatchObject({ quickReply: { items: [{ action: { label: "Pick from calendar" } }] } });
  });
});
