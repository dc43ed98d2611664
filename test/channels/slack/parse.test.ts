/** Slack payloads (real-shaped fixtures) → conversation ids and events. */
import { describe, expect, it } from "vitest";
import {
  factsFromFormState,
  parseChoiceAction,
  parseCommand,
  parseConversationId,
  parseFormMeta,
  parseMention,
  parseMessageEvent,
  stripMention,
} from "../../../src/channels/slack/parse.ts";
import { fixture } from "./fixtures.ts";

const BOT_USER = "U0BOT";

describe("message events", () => {
  it("a DM is one ongoing conversation: slack:<team>:<channel>:dm", () => {
    expect(parseMessageEvent(fixture("event-message-im.json"), BOT_USER)).toEqual({
      target: { conversationId: "slack:T0HELP:D0STAFF1:dm", channel: "D0STAFF1" },
      event: { kind: "text", text: "e-Taxで署名用電子証明書が失効していますと出ました。先月引っ越しました" },
      onlyIfExists: false,
    });
  });

  it("a DM in a thread answers in the thread and may belong to the thread's conversation", () => {
    const body = fixture("event-message-im.json");
    body.event.thread_ts = "1763686800.000001";
    expect(parseMessageEvent(body, BOT_USER)).toMatchObject({
      target: { conversationId: "slack:T0HELP:D0STAFF1:dm", channel: "D0STAFF1", threadTs: "1763686800.000001" },
      threadConversationId: "slack:T0HELP:D0STAFF1:1763686800.000001",
    });
  });

  it("a channel thread reply without a mention continues the thread's conversation, if it exists", () => {
    expect(parseMessageEvent(fixture("event-message-thread-reply.json"), BOT_USER)).toEqual({
      target: { conversationId: "slack:T0HELP:C0HELPDESK:1763686802.000300", channel: "C0HELPDESK", threadTs: "1763686802.000300" },
      event: { kind: "text", text: "マイナンバーカードを落としました" },
      onlyIfExists: true,
    });
  });

  it("ignores the bot's own messages, other bots, edits, top-level channel messages and mentions (app_mention has them)", () => {
    expect(parseMessageEvent(fixture("event-message-bot-own.json"), BOT_USER)).toBeUndefined();
    const other = fixture("event-message-im.json");
    other.event.bot_id = "B0OTHER";
    expect(parseMessageEvent(other, BOT_USER)).toBeUndefined();
    const legacyBot = fixture("event-message-im.json");
    legacyBot.event.subtype = "bot_message";
    expect(parseMessageEvent(legacyBot, BOT_USER)).toBeUndefined();
    const edited = fixture("event-message-im.json");
    edited.event.subtype = "message_changed";
    expect(parseMessageEvent(edited, BOT_USER)).toBeUndefined();
    const topLevel = fixture("event-message-thread-reply.json");
    delete topLevel.event.thread_ts;
    expect(parseMessageEvent(topLevel, BOT_USER)).toBeUndefined();
    const mention = fixture("event-message-thread-reply.json");
    mention.event.text = "<@U0BOT> 続きです";
    expect(parseMessageEvent(mention, BOT_USER)).toBeUndefined();
  });

  it("reads a thread reply broadcast to the channel, and unescapes Slack's &lt; &gt; &amp;", () => {
    const body = fixture("event-message-thread-reply.json");
    body.event.subtype = "thread_broadcast";
    body.event.text = "A &amp; B &lt;3回&gt;";
    expect(parseMessageEvent(body, BOT_USER)?.event).toEqual({ kind: "text", text: "A & B <3回>" });
  });
});

describe("mentions", () => {
  it("a mention opens the conversation of its thread, without the mention", () => {
    expect(parseMention(fixture("event-app-mention.json"), BOT_USER)).toEqual({
      target: { conversationId: "slack:T0HELP:C0HELPDESK:1763686802.000300", channel: "C0HELPDESK", threadTs: "1763686802.000300" },
      event: { kind: "text", text: "4桁の暗証番号を2回間違えてしまいました" },
      onlyIfExists: false,
    });
  });

  it("a bare mention starts the diagnosis; a mention inside a thread belongs to that thread", () => {
    const body = fixture("event-app-mention.json");
    body.event.text = "<@U0BOT>";
    body.event.thread_ts = "1763686700.000100";
    expect(parseMention(body, BOT_USER)).toMatchObject({
      target: { conversationId: "slack:T0HELP:C0HELPDESK:1763686700.000100", threadTs: "1763686700.000100" },
      event: { kind: "start" },
    });
  });

  it("strips <@U…> and <@U…|name>", () => {
    expect(stripMention("<@U0BOT|mynabot>  こんにちは <@U0BOT>", BOT_USER)).toBe("こんにちは");
  });
});

describe("slash command", () => {
  it("starts a diagnosis with the text after the command, or opens the form", () => {
    const fields = fixture("command.json");
    expect(parseCommand({ ...fields, text: " 暗証番号を忘れました " })).toEqual({
      kind: "start",
      team: "T0HELP",
      channel: "C0HELPDESK",
      user: "U0STAFF1",
      text: "暗証番号を忘れました",
    });
    expect(parseCommand({ ...fields, text: "form" })).toEqual({
      kind: "form",
      team: "T0HELP",
      channel: "C0HELPDESK",
      user: "U0STAFF1",
      triggerId: fields.trigger_id,
    });
  });
});

describe("block actions", () => {
  it("a tapped choice: the conversation from the block id, the answer in its thread", () => {
    expect(parseChoiceAction(fixture("block-actions.json"))).toEqual({
      target: { conversationId: "slack:T0HELP:C0HELPDESK:1763686800.000001", channel: "C0HELPDESK", threadTs: "1763686800.000001" },
      event: { kind: "choice", value: "self", slot: "applicant" },
      blockId: "q:applicant:slack:T0HELP:C0HELPDESK:1763686800.000001",
      label: "本人",
      user: "U0STAFF1",
      messageTs: "1763686800.000002",
    });
  });

  it("a picked date is the choice", () => {
    const body = fixture("block-actions.json");
    body.actions = [{ action_id: "date", block_id: "q:certExpiry:slack:T0HELP:C0HELPDESK:1763686800.000001", selected_date: "2027-03-15", type: "datepicker" }];
    expect(parseChoiceAction(body)).toMatchObject({ event: { kind: "choice", value: "2027-03-15" }, label: "2027年3月15日" });
  });

  it("refuses a block id naming another channel or team", () => {
    const body = fixture("block-actions.json");
    body.actions[0].block_id = "q:applicant:slack:T0HELP:C0OTHER:1763686800.000001";
    expect(parseChoiceAction(body)).toBeUndefined();
    body.actions[0].block_id = "q:applicant:slack:T0EVIL:C0HELPDESK:1763686800.000001";
    expect(parseChoiceAction(body)).toBeUndefined();
  });
});

describe("staff form submission", () => {
  it("turns the selects and date pickers into facts, skipping what was left empty", () => {
    const body = fixture("view-submission.json");
    expect(factsFromFormState(body.view.state.values)).toEqual({
      symptom: "locked",
      certificate: "user",
      basicInfoChanged: "no",
      signaturePinKnown: "yes",
      nfcSmartphone: "yes",
      certExpiry: "2030-02-03",
      applicant: "self",
    });
    expect(parseFormMeta(body.view.private_metadata)).toEqual({ channel: "C0HELPDESK" });
  });

  it("drops values that do not belong to their slot, and metadata that is not ours", () => {
    expect(
      factsFromFormState({
        "slot:symptom": { value: { type: "static_select", selected_option: { value: "hacked" } } },
        "slot:certExpiry": { value: { type: "datepicker", selected_date: "2027-02-30" } },
      }),
    ).toEqual({});
    expect(parseFormMeta("not json")).toBeUndefined();
    expect(parseFormMeta(JSON.stringify({ channel: "C1", threadTs: "x" }))).toBeUndefined();
  });
});

describe("conversation ids", () => {
  it("parse back into team, channel and thread", () => {
    expect(parseConversationId("slack:T0HELP:D0STAFF1:dm")).toEqual({ team: "T0HELP", channel: "D0STAFF1", thread: "dm" });
    expect(parseConversationId("line:U123")).toBeUndefined();
  });
});
