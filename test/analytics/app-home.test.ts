/**
 * The Slack App Home (issue 18): opening the Home tab (a signed `app_home_opened` event) publishes,
 * through the fake Slack Web API, today's and the last 7 days' figures, the open hand-offs with their
 * age and a link to each ticket, and the most frequent unread messages (masked). Figures made by real
 * conversations on the web chat, plus a day earlier in the week seeded in the store.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figuresKey } from "../../src/analytics/figures.ts";
import { fixture as slackFixture } from "../channels/slack/fixtures.ts";
import { postJson } from "../helpers/server.ts";
import { deliverSlackEvent, DESK, FRIDAY_OPEN, startHarness, tickets, until, type Harness } from "../handoff/helpers.ts";

const FIRST = "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ botNow: FRIDAY_OPEN });
});
afterAll(async () => {
  await h?.close();
});

async function web(sessionId: string, body: unknown) {
  const res = await postJson(`${h.server.url}/api/chat/sessions/${sessionId}/messages`, body);
  expect(res.status).toBe(200);
  return res.json.replies as any[];
}
const newSession = async () => (await postJson(`${h.server.url}/api/chat/sessions`, {})).json.sessionId as string;

let homeSeq = 0;
function homeOpened(tab = "home") {
  const body = slackFixture("event-app-home-opened.json");
  body.event_id = `Ev0HOME${String(++homeSeq).padStart(4, "0")}`;
  body.event.tab = tab;
  return body;
}

/** Every text of a view's blocks (sections, fields, headers, context), joined by lines. */
function viewText(view: any): string {
  const out: string[] = [];
  for (const b of view.blocks) {
    if (b.text?.text) out.push(b.text.text);
    for (const f of b.fields ?? []) out.push(f.text);
    for (const e of b.elements ?? []) if (e.text) out.push(e.text);
  }
  return out.join("\n");
}

describe("Slack App Home (issue 18)", () => {
  it("publishes today's and the week's figures, the open hand-offs with age and link, and the unread messages", async () => {
    // Today (Friday 11/20): three conversations on the web chat.
    const a = await newSession();
    await web(a, { text: FIRST });
    await web(a, { choice: "resolved" });
    const b = await newSession();
    await web(b, { text: FIRST });
    await web(b, { choice: "not-resolved" });
    await web(b, { choice: "contact" }); // a ticket: contact-city
    const [ticket] = await until(() => tickets(h.slack));
    const c = await newSession();
    await web(c, { text: "よろしくお願いします。電話は090-1234-5678です" }); // unreadable
    // Earlier this week (Tuesday 11/17), seeded in the store.
    await h.server.analytics.tally.add(
      figuresKey("2026-11-17"),
      { "conversations:line:ja": 4, "route:pin-reset-kiosk": 3, "resolved:pin-reset-kiosk": 1, "notResolved:pin-reset-kiosk": 1 },
      60_000,
    );
    // Older than 7 days: not shown.
    await h.server.analytics.tally.add(figuresKey("2026-11-13"), { "conversations:web:ja": 50, "route:certificate-renewal": 50 }, 60_000);
    await h.server.analytics.flush();

    const res = await deliverSlackEvent(h, homeOpened());
    expect(res.status).toBe(200);
    const [publish] = await until(() => h.slack.callsOf("views.publish"));
    expect(publish!.result).toMatchObject({ ok: true });
    expect(publish!.body.user_id).toBe("U0STAFF1");
    const view = publish!.body.view;
    expect(view.type).toBe("home");
    const text = viewText(view);

    const [today, week] = [text.indexOf("今日（2026-11-20）"), text.indexOf("直近7日間（2026-11-14〜2026-11-20）")];
    expect(today).toBeGreaterThanOrEqual(0);
    expect(week).toBeGreaterThan(today);
    const todayText = text.slice(today, week);
    const weekText = text.slice(week, text.indexOf("対応中・対応待ちの引き継ぎ"));
    expect(todayText).toContain("*相談*\n3件");
    expect(todayText).toContain("*案内した回答*\n3件"); // two routes, then contact-city
    expect(todayText).toContain("*解決率*\n50%（1/2）");
    expect(todayText).toContain("*担当者への引き継ぎ*\n1件");
    expect(todayText).toContain("1. `signature-reissue-after-change` 2件\n2. `contact-city` 1件");
    expect(weekText).toContain("*相談*\n7件");
    expect(weekText).toContain("*案内した回答*\n6件");
    expect(weekText).toContain("*解決率*\n50%（2/4）");
    expect(weekText).toContain("1. `pin-reset-kiosk` 3件\n2. `signature-reissue-after-change` 2件\n3. `contact-city` 1件");
    expect(text).not.toContain("certificate-renewal");

    const ts = ticket!.result!.ts as string;
    expect(text).toContain("対応中・対応待ちの引き継ぎ（1件）");
    expect(text).toContain(`<https://help-desk.slack.com/archives/${DESK}/p${ts.replace(".", "")}|チケットを開く>`);
    expect(text).toContain("受付 11月20日（金）10:00（0分経過）");
    expect(h.slack.callsOf("chat.getPermalink").map((c) => c.body)).toEqual([expect.objectContaining({ channel: DESK, message_ts: ts })]);

    expect(text).toContain("1. よろしくお願いします。電話は［電話番号］です（1件）");
    expect(text).not.toContain("090-1234-5678");
  });

  it("publishes nothing for the Messages tab", async () => {
    const before = h.slack.callsOf("views.publish").length;
    await deliverSlackEvent(h, homeOpened("messages"));
    await deliverSlackEvent(h, homeOpened());
    await until(() => h.slack.callsOf("views.publish"), before + 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.callsOf("views.publish")).toHaveLength(before + 1);
  });
});

describe("slack-app-manifest.yml", () => {
  it("enables the Home tab and subscribes to app_home_opened", () => {
    const manifest = readFileSync(new URL("../../slack-app-manifest.yml", import.meta.url), "utf8");
    expect(manifest).toMatch(/^\s+home_tab_enabled: true$/m);
    expect(manifest).toMatch(/bot_events:\n(?:\s+- [a-z_.]+\n)*\s+- app_home_opened\n/);
  });
});
