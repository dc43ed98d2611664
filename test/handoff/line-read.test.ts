/**
 * LINE read receipts during a hand-off (issue 18): once a staff member has the ticket, each message the
 * resident sends is marked as read with its `markAsReadToken` (markMessagesAsReadByToken against the
 * fake Messaging API); not while the ticket waits for a person, and not once the bot answers again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickTicket, deliverLine, FRIDAY_OPEN, lineText, newLineUserId, startHarness, tickets, ticketUpdates, until, type Harness } from "./helpers.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ botNow: FRIDAY_OPEN, line: true });
});
afterAll(() => h?.close());

/** A resident's text with a read token, as LINE sends it. */
function textWithToken(user: string, text: string, token: string) {
  const body = lineText(user, text);
  (body.events[0] as any).message.markAsReadToken = token;
  return body;
}

describe("LINE: marked as read while a person has the ticket", () => {
  it("marks the resident's messages read only while a staff member has the ticket", async () => {
    const user = newLineUserId();
    const before = tickets(h.slack).length;
    await deliverLine(h, textWithToken(user, "担当者と話したい", "tok-bot"));
    const [ticket] = (await until(() => tickets(h.slack), before + 1)).slice(before);

    // Waiting for a person: forwarded, not read yet.
    await deliverLine(h, textWithToken(user, "まだでしょうか", "tok-waiting"));
    expect(h.line!.markedAsRead()).toEqual([]);

    // 「対応する」: now each message is marked read.
    await clickTicket(h, ticket!, "claim");
    await until(() => ticketUpdates(h.slack, ticket!.result!.ts as string));
    await deliverLine(h, textWithToken(user, "カードが読み取れません", "tok-active-1"));
    await deliverLine(h, textWithToken(user, "よろしくお願いします", "tok-active-2"));
    expect(h.line!.markedAsRead()).toEqual(["tok-active-1", "tok-active-2"]);

    // 「解決済み」: the bot answers again, and its reply is the receipt.
    await clickTicket(h, ticket!, "resolve");
    await until(() => ticketUpdates(h.slack, ticket!.result!.ts as string), 2);
    await deliverLine(h, textWithToken(user, "暗証番号を忘れました", "tok-bot-again"));
    expect(h.line!.markedAsRead()).toEqual(["tok-active-1", "tok-active-2"]);
  });

  it("a failed receipt never costs the resident their message (logged as a warning)", async () => {
    const user = newLineUserId();
    const before = tickets(h.slack).length;
    await deliverLine(h, lineText(user, "担当者と話したい"));
    const [ticket] = (await until(() => tickets(h.slack), before + 1)).slice(before);
    const ts = ticket!.result!.ts as string;
    await clickTicket(h, ticket!, "claim");
    await until(() => ticketUpdates(h.slack, ts));
    const inThread = () => h.slack.callsOf("chat.postMessage").filter((c) => c.body.thread_ts === ts);
    const threadBefore = inThread().length;
    const marked = h.line!.markedAsRead().length;
    h.line!.failNext(500, 1); // the next LINE call is the receipt
    await deliverLine(h, textWithToken(user, "届いていますか", "tok-fails"));
    await until(inThread, threadBefore + 1);
    expect(h.line!.markedAsRead()).toHaveLength(marked);
    expect(h.logs.some((l) => l.msg === "line: could not mark as read" && l.status === 500)).toBe(true);
  });
});
