/**
 * Hand-off of a LINE resident to the Slack help desk and back, over real HTTP: signed LINE webhooks in,
 * a fake LINE Messaging API (replies and pushes), signed Slack events and clicks in, a fake Slack Web API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDOFF_MESSAGES, MESSAGES } from "../../flows/certificate-recovery/messages.ts";
import {
  clickTicket,
  deliverLine,
  deliverSlackEvent,
  FRIDAY_OPEN,
  lineTexts,
  linePostback,
  lineText,
  newLineUserId,
  sleep,
  staffReplyEvent,
  startHarness,
  textOf,
  threadPosts,
  ticketButtons,
  tickets,
  ticketUpdates,
  until,
  type Harness,
} from "./helpers.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ botNow: FRIDAY_OPEN, line: true });
});
afterAll(() => h?.close());

describe("hand-off from LINE to the help desk and back", () => {
  it("opens a ticket, carries messages both ways exactly once, and gives the conversation back on 解決済み", async () => {
    const user = newLineUserId();
    const ticketsBefore = tickets(h.slack).length;

    // The bot diagnoses first; the PIN in the message is discarded before anything is kept.
    let reply = await deliverLine(h, lineText(user, "e-Taxで署名用電子証明書が失効していますと出ました。暗証番号は1234です"));
    expect(lineTexts(reply?.messages)).toContain(MESSAGES.piiWarning);
    reply = await deliverLine(h, linePostback(user, "c=yes&s=basicInfoChanged"));
    expect(reply?.messages.some((m: any) => m.type === "flex")).toBe(true);

    // 「窓口に相談したい」 after the route.
    reply = await deliverLine(h, linePostback(user, "c=contact&s=followUp"));
    const said = lineTexts(reply?.messages);
    expect(said).toContain("担当者が順番にお答えします");
    expect(said).toContain("平日 8:30〜17:15");
    // No buttons that would now go to the desk as messages.
    expect(reply?.messages.at(-1).quickReply).toBeUndefined();

    // The ticket in the help-desk channel: origin, facts, the route shown, the redacted messages, two buttons.
    const [ticket] = (await until(() => tickets(h.slack), ticketsBefore + 1)).slice(ticketsBefore);
    const shown = textOf(ticket!);
    expect(ticket!.body.text).toBe("窓口への相談（LINE）：対応待ち");
    expect(shown).toContain("窓口への相談（LINE）");
    expect(shown).toContain("発行後の住所・氏名の変更：はい");
    expect(shown).toContain("利用場面：e-Tax・確定申告");
    expect(shown).toContain("`signature-reissue-after-change`");
    expect(shown).toContain("暗証番号は＊＊＊＊です");
    expect(shown).not.toContain("1234");
    expect(ticketButtons(ticket!)).toEqual(["handoff:claim", "handoff:resolve"]);
    const ticketTs = ticket!.result!.ts as string;

    // 「対応する」: the staff member is named on the ticket.
    expect((await clickTicket(h, ticket!, "claim", "U0STAFF7")).status).toBe(200);
    const [claimed] = await until(() => ticketUpdates(h.slack, ticketTs));
    expect(textOf(claimed!)).toContain("対応中*：<@U0STAFF7>");
    expect(ticketButtons(claimed!)).toEqual(["handoff:claim", "handoff:resolve"]);

    // A staff reply in the thread is pushed once, even when Slack delivers it again.
    const pushesBefore = h.line!.pushes().length;
    const event = staffReplyEvent(ticketTs, "担当の田中です。<https://www.example.jp/sample-city/reserve|予約ページ>から来庁予約ができます。", "U0STAFF7");
    expect((await deliverSlackEvent(h, event)).status).toBe(200);
    const [push] = (await until(() => h.line!.pushes(), pushesBefore + 1)).slice(pushesBefore);
    expect(push!.to).toBe(user);
    expect(push!.messages).toEqual([
      { type: "text", text: "（担当者）担当の田中です。予約ページ（https://www.example.jp/sample-city/reserve）から来庁予約ができます。" },
    ]);
    expect(push!.retryKey).toMatch(UUID);
    expect((await deliverSlackEvent(h, event, 1)).status).toBe(200);
    await until(() => h.logs.filter((l) => l.msg === "slack: event already handled" && l.eventId === event.event_id));
    await sleep(100);
    expect(h.line!.pushes().length).toBe(pushesBefore + 1);

    // The resident's answer goes to the thread; the bot acknowledges once and does not diagnose.
    const postsBefore = threadPosts(h.slack, ticketTs).length;
    reply = await deliverLine(h, lineText(user, "ありがとうございます。平日の夕方でも大丈夫ですか？"));
    expect(lineTexts(reply?.messages)).toBe(HANDOFF_MESSAGES.forwarded);
    const [answer] = (await until(() => threadPosts(h.slack, ticketTs), postsBefore + 1)).slice(postsBefore);
    expect(answer!.body.text).toBe("相談者：ありがとうございます。平日の夕方でも大丈夫ですか？");
    reply = await deliverLine(h, lineText(user, "暗証番号がロックされました"));
    expect(reply).toBeUndefined();
    await until(() => threadPosts(h.slack, ticketTs), postsBefore + 2);

    // 解決済み: the ticket closes, the resident is told, and the bot answers again.
    expect((await clickTicket(h, ticket!, "resolve", "U0STAFF7")).status).toBe(200);
    const updates = await until(() => ticketUpdates(h.slack, ticketTs), 2);
    const resolved = updates.at(-1)!;
    expect(textOf(resolved)).toContain("解決済み*（<@U0STAFF7>）");
    expect(ticketButtons(resolved)).toEqual([]);
    const [closing] = (await until(() => h.line!.pushes(), pushesBefore + 2)).slice(pushesBefore + 1);
    expect(closing!.messages).toEqual([{ type: "text", text: "担当者との相談を終了しました。引き続きチャットでご案内します。" }]);
    expect(closing!.retryKey).toMatch(UUID);
    expect(closing!.retryKey).not.toBe(push!.retryKey);

    reply = await deliverLine(h, lineText(user, "4桁の暗証番号を2回間違えてしまいました"));
    expect(reply?.messages.some((m: any) => m.type === "flex" && /暗証番号/.test(m.altText))).toBe(true);
    expect(threadPosts(h.slack, ticketTs).length).toBe(postsBefore + 2);
  });

  it("tells staff in the thread when the conversation is no longer handed off", async () => {
    const user = newLineUserId();
    const before = tickets(h.slack).length;
    await deliverLine(h, lineText(user, "担当者の方と直接お話ししたいです"));
    const [ticket] = (await until(() => tickets(h.slack), before + 1)).slice(before);
    const ticketTs = ticket!.result!.ts as string;
    // No route was shown before the resident asked for a person.
    expect(textOf(ticket!)).not.toContain("案内した内容");
    expect(textOf(ticket!)).toContain("希望：担当者との相談");
    await clickTicket(h, ticket!, "resolve");
    await until(() => ticketUpdates(h.slack, ticketTs));
    // The resident is told the consultation ended (a push sent after the click is answered); wait for it,
    // so that it is not mistaken for a staff reply pushed later.
    const toUser = () => h.line!.pushes().filter((p) => p.to === user);
    await until(() => toUser().filter((p) => JSON.stringify(p.messages).includes("担当者との相談を終了しました")));

    const pushes = toUser().length;
    await deliverSlackEvent(h, staffReplyEvent(ticketTs, "追加でご連絡です"));
    const [note] = await until(() => threadPosts(h.slack, ticketTs).filter((c) => /届いていません/.test(c.body.text)));
    expect(note!.body.text).toContain("この相談はすでに終了している");
    await sleep(100);
    expect(toUser().length).toBe(pushes);
  });

  it("keeps a staff note (「メモ：…」) in the thread and sends the next reply", async () => {
    const user = newLineUserId();
    const before = tickets(h.slack).length;
    await deliverLine(h, lineText(user, "担当者の方と直接お話ししたいです"));
    const [ticket] = (await until(() => tickets(h.slack), before + 1)).slice(before);
    const ticketTs = ticket!.result!.ts as string;
    expect(textOf(ticket!)).toContain("「メモ：」で始めた返信は届かず");
    const toUser = () => h.line!.pushes().filter((p) => p.to === user);

    const note = staffReplyEvent(ticketTs, "メモ：先週も来庁された方です。住所変更は済んでいます。", "U0STAFF3");
    expect((await deliverSlackEvent(h, note)).status).toBe(200);
    await until(() => h.logs.filter((l) => l.msg === "slack: staff note kept in the thread" && l.ticket === ticketTs));
    await sleep(100);
    expect(toUser()).toEqual([]);
    expect(threadPosts(h.slack, ticketTs).filter((c) => /届いていません/.test(c.body.text))).toEqual([]);

    await deliverSlackEvent(h, staffReplyEvent(ticketTs, "担当の佐藤です。", "U0STAFF3"));
    const [push] = await until(() => toUser());
    expect(push!.messages).toEqual([{ type: "text", text: "（担当者）担当の佐藤です。" }]);
    expect(JSON.stringify(h.line!.pushes())).not.toContain("先週も来庁");
  });

  it("reports an undelivered staff reply in the thread when LINE refuses the push", async () => {
    const user = newLineUserId();
    const before = tickets(h.slack).length;
    await deliverLine(h, lineText(user, "担当者の方と直接お話ししたいです"));
    const [ticket] = (await until(() => tickets(h.slack), before + 1)).slice(before);
    const ticketTs = ticket!.result!.ts as string;
    h.line!.failNext(500, 10);
    await deliverSlackEvent(h, staffReplyEvent(ticketTs, "お待たせしました"));
    const [note] = await until(() => threadPosts(h.slack, ticketTs).filter((c) => /届けられませんでした/.test(c.body.text)));
    expect(note).toBeDefined();
    h.line!.failNext(500, 0);
    expect(JSON.stringify(h.logs)).not.toContain("お待たせしました");
  });
});
