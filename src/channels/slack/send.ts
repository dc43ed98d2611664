/** Rendered messages → Slack Web API calls. The only place that posts. */
import type { webApi } from "@slack/bolt";
import type { HelpDesk } from "../../core/handoff.ts";
import type { SlackTarget } from "./parse.ts";
import { renderResidentMessage, renderTicket, type SlackMessage } from "./render.ts";

type WebClient = webApi.WebClient;

/** Post messages in order, where the target says (a thread, or a DM's top level). */
export async function postMessages(client: WebClient, target: Omit<SlackTarget, "conversationId">, messages: SlackMessage[]): Promise<void> {
  for (const m of messages) {
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: m.text,
      blocks: m.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

/**
 * Post a thread's first message. Answers where it landed: its ts is the thread's, and its channel is the
 * DM's id when `channel` was a user id (Slack posts those in the app's DM with that person).
 */
export async function postThreadStart(
  client: WebClient,
  channel: string,
  message: SlackMessage,
): Promise<{ channel: string; threadTs: string }> {
  const res = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  if (!res.ts) throw new Error("Slack chat.postMessage answered without ts");
  return { channel: res.channel ?? channel, threadTs: res.ts };
}

/** Slack's error code of a failed Web API call (`not_in_channel`, …), if it is one. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** The bot cannot post here: it is not in the channel, or the channel is a DM between other people. */
export function cannotPostHere(err: unknown): boolean {
  const code = slackErrorCode(err);
  return code === "not_in_channel" || code === "channel_not_found" || code === "is_archived";
}

/**
 * The help desk of the hand-off (src/core/handoff.ts) over the Web API: a ticket is a message in the
 * help-desk channel (its ts is the ticket's id), the resident's messages go to its thread, and every
 * change of state updates the message.
 */
export function createSlackHelpDesk(client: WebClient, channelId: string): HelpDesk {
  return {
    async openTicket(ticket) {
      const { threadTs } = await postThreadStart(client, channelId, renderTicket(ticket, { status: "waiting" }));
      return { ticketId: threadTs };
    },
    async appendResidentMessage(ticketId, text) {
      await postMessages(client, { channel: channelId, threadTs: ticketId }, [renderResidentMessage(text)]);
    },
    async updateTicket(ticketId, ticket, state) {
      const m = renderTicket(ticket, state);
      await client.chat.update({ channel: channelId, ts: ticketId, text: m.text, blocks: m.blocks });
    },
  };
}
