/** LINE webhook events (real-shaped fixtures) → what the channel does with them. Pure, no server. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePostbackData, parseWebhookBody, toLineAction } from "../../../src/channels/line/parse.ts";

const USER = "U076f72d1742e97f768b4320a6b84dffc";
const GROUP = "C281f4e131fb4fcb09491bd8ba15d0adc";
const MEMBER = "U0a0fb29d78be761a3d4b98c4a728bad2";

function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../../fixtures/line/${name}.json`, import.meta.url), "utf8"));
}
const actionOf = (name: string, edit: (e: any) => void = () => {}) => {
  const body = fixture(name);
  edit(body.events[0]);
  const [event] = parseWebhookBody(body);
  return toLineAction(event!);
};

describe("LINE parse", () => {
  it("a text message is a turn of line:<userId>", () => {
    const a = actionOf("text");
    expect(a).toStrictEqual({
      kind: "turn",
      conversationId: `line:${USER}`,
      event: { kind: "text", text: "マイナポータルにログインしようとしたら、暗証番号がロックされましたと出ました" },
      replyToken: fixture("text").events[0].replyToken,
    });
  });

  it("postbacks: a choice, a date from the calendar, restart, a rich menu entry point", () => {
    expect(actionOf("postback")).toMatchObject({ kind: "turn", event: { kind: "choice", value: "user" } });
    expect(actionOf("postback-date")).toMatchObject({ kind: "turn", event: { kind: "choice", value: "2027-03-15" } });
    expect(parsePostbackData("a=restart")).toStrictEqual({ kind: "restart" });
    expect(parsePostbackData("m=revoked")).toStrictEqual({ kind: "facts", facts: { symptom: "revoked" } });
    expect(parsePostbackData("c=%E3%81%AF%E3%81%84")).toStrictEqual({ kind: "choice", value: "はい" });
    expect(parsePostbackData("c=yes&s=nfcSmartphone")).toStrictEqual({ kind: "choice", value: "yes", slot: "nfcSmartphone" });
    expect(parsePostbackData("m=drop-tables")).toBeUndefined();
    expect(parsePostbackData("d=certExpiry")).toBeUndefined();
    expect(parsePostbackData("something else")).toBeUndefined();
    expect(actionOf("postback", (e) => (e.postback.data = "x=1"))).toStrictEqual({ kind: "ignore", reason: "unknown postback" });
  });

  it("follow starts the conversation; unfollow forgets it", () => {
    expect(actionOf("follow")).toMatchObject({ kind: "turn", conversationId: `line:${USER}`, event: { kind: "start" } });
    expect(actionOf("unfollow")).toStrictEqual({ kind: "forget", conversationId: `line:${USER}` });
  });

  it.each(["sticker", "image", "audio", "video", "file", "location"])("a %s in a 1:1 chat gets the polite text-only answer", (name) => {
    expect(actionOf(name)).toStrictEqual({ kind: "unsupported", conversationId: `line:${USER}`, replyToken: fixture(name).events[0].replyToken });
  });

  it("groups: only a message that mentions the bot, with the mention cut out; one conversation per member", () => {
    expect(actionOf("group-text")).toStrictEqual({ kind: "ignore", reason: "not mentioned" });
    expect(actionOf("group-text-mention")).toMatchObject({
      kind: "turn",
      conversationId: `line:${GROUP}:${MEMBER}`,
      event: { kind: "text", text: "4桁の暗証番号を3回間違えてロックされました" },
    });
    // A mention of someone else, or of everyone, is not a mention of the bot.
    const other = actionOf("group-text-mention", (e) => (e.message.mention.mentionees[0].isSelf = false));
    expect(other).toStrictEqual({ kind: "ignore", reason: "not mentioned" });
    const all = actionOf("group-text-mention", (e) => (e.message.mention.mentionees = [{ index: 0, length: 4, type: "all" }]));
    expect(all).toStrictEqual({ kind: "ignore", reason: "not mentioned" });
    expect(actionOf("sticker", (e) => (e.source = { type: "room", roomId: "R1", userId: MEMBER }))).toStrictEqual({ kind: "ignore", reason: "not mentioned" });
    const onlyMention = actionOf("group-text-mention", (e) => (e.message.text = "@マイナ証明書レスキュー"));
    expect(onlyMention).toMatchObject({ kind: "turn", event: { kind: "start" } });
  });

  it("ignores standby events, events without a user, and event types the bot does not use", () => {
    expect(actionOf("text", (e) => (e.mode = "standby"))).toStrictEqual({ kind: "ignore", reason: "standby" });
    expect(actionOf("text", (e) => delete e.source.userId)).toStrictEqual({ kind: "ignore", reason: "no user id" });
    expect(actionOf("follow", (e) => (e.type = "join"))).toStrictEqual({ kind: "ignore", reason: "event type" });
  });

  it("a body that is JSON but not a webhook is a 400; events without an id are dropped", () => {
    expect(() => parseWebhookBody({ hello: 1 })).toThrow(/LINE webhook/);
    expect(() => parseWebhookBody([])).toThrow();
    expect(parseWebhookBody({ destination: "U0", events: [] })).toEqual([]);
    const body = fixture("text");
    delete body.events[0].webhookEventId;
    expect(parseWebhookBody(body)).toEqual([]);
  });
});
