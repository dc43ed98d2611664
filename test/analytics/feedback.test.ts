/**
 * 「解決しましたか？」 (issue 18) end to end, over the three channels of one real server (web JSON, LINE
 * signed webhooks against the fake Messaging API, Slack signed events and clicks against the fake Web
 * API), with a city that hands off to the help desk: the feedback reaches `mcr_feedback_total` and the
 * daily figures; 「解決しない」 offers the counter, the phone numbers and, where hand-off is on, a person;
 * and the hand-off it leads to is counted with the minutes until a person took it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEEDBACK_MESSAGES } from "../../flows/certificate-recovery/feedback.ts";
import { readFigures } from "../../src/analytics/figures.ts";
import { slackDmEvent } from "../security/harness.ts";
import { postInteraction } from "../channels/slack/sign.ts";
import { fixture as slackFixture } from "../channels/slack/fixtures.ts";
import { postJson } from "../helpers/server.ts";
import {
  clickTicket,
  deliverLine,
  deliverSlackEvent,
  FRIDAY_OPEN,
  linePostback,
  lineText,
  lineTexts,
  newLineUserId,
  tickets,
  until,
  type Harness,
  startHarness,
} from "../handoff/helpers.ts";

const FIRST = "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました";
const ROUTE = "signature-reissue-after-change";
const DAY = "2026-11-20";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ botNow: FRIDAY_OPEN, line: true });
});
afterAll(async () => {
  await h?.close();
});

async function web(sessionId: string, body: unknown) {
  const res = await postJson(`${h.server.url}/api/chat/sessions/${sessionId}/messages`, body);
  expect(res.status).toBe(200);
  return res.json.replies as any[];
}

async function metric(): Promise<string> {
  return (await fetch(`${h.server.url}/metrics`)).text();
}

const count = (text: string, resolved: boolean) =>
  Number(new RegExp(`^mcr_feedback_total\\{route_id="${ROUTE}",resolved="${resolved}"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);

let slackSeq = 0;
/** Click a button of the question in a Slack message, as Slack sends it. */
function clickSlack(call: any, value: string) {
  const block = call.body.blocks.find((b: any) => b.type === "actions" && String(b.block_id).startsWith("q:followUp:"));
  const button = block.elements.find((e: any) => e.value === value);
  const payload = slackFixture("block-actions.json");
  const ts = call.result.ts as string;
  payload.channel.id = call.body.channel;
  payload.container = { type: "message", message_ts: ts, channel_id: call.body.channel, is_ephemeral: false };
  payload.message = { ...payload.message, ts, text: call.body.text, blocks: call.body.blocks };
  delete payload.message.thread_ts;
  payload.actions = [{ action_id: button.action_id, block_id: block.block_id, text: button.text, value, type: "button", action_ts: `${Math.floor(Date.now() / 1000)}.${++slackSeq}` }];
  return postInteraction(h.slackEndpoint, payload);
}

describe("did this solve it? (issue 18)", () => {
  it("is offered with the choices after a route, in the same message (no extra one)", async () => {
    const { sessionId } = (await postJson(`${h.server.url}/api/chat/sessions`, {})).json;
    const replies = await web(sessionId, { text: FIRST });
    // The route, its details (issue 13), then the follow-up that asks: no extra text message.
    expect(replies.map((r) => r.type)).toEqual(["route", "question", "question"]);
    expect(replies[1]).toMatchObject({ slot: "detail" });
    expect(replies[2]).toMatchObject({ slot: "followUp", text: expect.stringContaining("解決しましたか") });
    expect(replies[2].choices.map((c: any) => c.value)).toEqual(["resolved", "not-resolved", "restart", "contact"]);
  });

  it("web, LINE and Slack: the answers reach mcr_feedback_total and the daily figures", async () => {
    const before = await metric();
    const base = { yes: count(before, true), no: count(before, false) };

    // web: 解決した
    const { sessionId } = (await postJson(`${h.server.url}/api/chat/sessions`, {})).json;
    await web(sessionId, { text: FIRST });
    expect(await web(sessionId, { choice: "resolved" })).toEqual([{ type: "text", text: FEEDBACK_MESSAGES.resolved }]);
    // A second tap of an old button is not counted again.
    await web(sessionId, { choice: "resolved" });

    // LINE: 解決しない → the counter, the phone numbers, and a person (the desk is on for LINE)
    const user = newLineUserId();
    await deliverLine(h, lineText(user, FIRST));
    const reply = await deliverLine(h, linePostback(user, "c=not-resolved&s=followUp"));
    const texts = lineTexts(reply!.messages);
    expect(texts).toContain(FEEDBACK_MESSAGES.notResolved);
    expect(texts).toContain("電話：");
    expect(texts).toMatch(/\d{2,4}-\d{2,4}-\d{3,4}/);
    const quick = reply!.messages.at(-1).quickReply.items.map((i: any) => [i.action.label, i.action.data]);
    expect(quick).toEqual([
      ["担当者と相談する", "c=contact&s=followUp"],
      ["最初からやり直す", "c=restart&s=followUp"],
    ]);
    for (const [label] of quick) expect([...label].length).toBeLessThanOrEqual(20);

    // Slack: 解決した on the button of the route's message
    const channel = "D0FEEDBACK1";
    await deliverSlackEvent(h, slackDmEvent(channel, FIRST));
    const [routed] = await until(() => h.slack.callsOf("chat.postMessage").filter((c) => c.body.channel === channel));
    expect((await clickSlack(routed, "resolved")).status).toBe(200);
    await until(() => h.slack.callsOf("chat.postMessage").filter((c) => c.body.channel === channel), 2);

    const after = await metric();
    expect(count(after, true) - base.yes).toBe(2);
    expect(count(after, false) - base.no).toBe(1);

    await h.server.analytics.flush();
    const [day] = await readFigures(h.server.analytics.tally, DAY, DAY);
    expect(day!.routes[ROUTE]).toMatchObject({ resolved: 2, notResolved: 1 });
    expect(day!.conversations).toMatchObject({ "web:ja": 2, "line:ja": 1, "slack:ja": 1 });
    expect(day!.routes[ROUTE]!.answers).toBe(4);
  });

  it("「解決しない」 then 「担当者と相談する」 opens a ticket; the figures count it and the minutes until a person took it", async () => {
    const { sessionId } = (await postJson(`${h.server.url}/api/chat/sessions`, {})).json;
    await web(sessionId, { text: FIRST });
    const offer = await web(sessionId, { choice: "not-resolved" });
    expect(offer.at(-1).choices.map((c: any) => c.value)).toEqual(["contact", "restart"]);
    const before = tickets(h.slack).length;
    await web(sessionId, { choice: "contact" });
    const [ticket] = (await until(() => tickets(h.slack), before + 1)).slice(before);
    await h.server.analytics.flush();
    let [day] = await readFigures(h.server.analytics.tally, DAY, DAY);
    expect(day!.handoffsOpened).toBe(1);
    expect(day!.handoffsTaken).toBe(0);
    expect(await h.server.analytics.tally.read("handoffs:open")).toEqual({ [ticket!.result!.ts as string]: Date.parse(FRIDAY_OPEN) });

    expect((await clickTicket(h, ticket!, "claim")).status).toBe(200);
    await until(() => h.slack.callsOf("chat.update").filter((c) => c.body.ts === ticket!.result!.ts));
    await h.server.analytics.flush();
    [day] = await readFigures(h.server.analytics.tally, DAY, DAY);
    expect(day!.handoffsTaken).toBe(1);
    expect(day!.handoffWaitMinutes).toBe(0); // the clock is frozen (BOT_NOW)

    await clickTicket(h, ticket!, "resolve");
    await until(() => h.slack.callsOf("chat.update").filter((c) => c.body.ts === ticket!.result!.ts), 2);
    await h.server.analytics.flush();
    expect(await h.server.analytics.tally.read("handoffs:open")).toEqual({});
  });
});
