/**
 * Read receipts during a hand-off (issue 18): while a staff member has the ticket, the resident's
 * messages are marked as read (`markMessagesAsReadByToken` with the event's `markAsReadToken`), so the
 * resident sees 既読 and knows a person read their words. Not while the ticket waits for a person, and
 * never for the bot's own conversation (the reply says it was read).
 */
import type { LineBotClient, webhook } from "@line/bot-sdk";
import type { ConversationRuntime, TurnResult } from "../../core/runtime.ts";

/** The event's read token, when it is a message event that carries one. */
export function markAsReadTokenOf(event: webhook.Event): string | undefined {
  if (event.type !== "message") return undefined;
  const token = (event as webhook.MessageEvent).message?.markAsReadToken;
  return typeof token === "string" && token !== "" ? token : undefined;
}

/**
 * Mark the message (its `markAsReadToken`, kept with the event in the inbox) as read if this turn forwarded it to a ticket that a person has taken. Answers
 * whether it did; throws what the API threw (the caller logs it: nothing the resident needs to know).
 */
export async function markReadIfWithStaff(
  client: Pick<LineBotClient, "markMessagesAsReadByToken">,
  runtime: Pick<ConversationRuntime, "handoffStatus">,
  conversationId: string,
  markAsReadToken: string | undefined,
  turn: Pick<TurnResult, "handoff">,
): Promise<boolean> {
  if (turn.handoff !== "forwarded") return false;
  if (!markAsReadToken) return false;
  if ((await runtime.handoffStatus(conversationId)) !== "active") return false;
  await client.markMessagesAsReadByToken({ markAsReadToken });
  return true;
}
