/**
 * Messages to a resident outside a turn (a staff member's reply during a hand-off, the end of the
 * hand-off): the Messaging API's push, with `X-Line-Retry-Key` so that a retried delivery is sent once.
 * Transport only: the core decides what to say (src/core/handoff.ts) and when.
 */
import { HTTPFetchError, LineBotClient } from "@line/bot-sdk";
import { idempotencyUuid, type ResidentNotifier } from "../../core/handoff.ts";
import type { Reply } from "../../core/reply.ts";
import { renderLineMessages } from "./render.ts";

export interface LinePushOptions {
  channelAccessToken: string;
  /** Messaging API base (LINE_API_BASE_URL); tests point it at a local fake. */
  apiBaseUrl?: string;
}

/** Thrown when LINE refused a push; carries LINE's status and message, never the text sent. */
export class LinePushError extends Error {
  readonly code = "LINE_PUSH_FAILED";
  readonly status: number;
  constructor(status: number, apiMessage: string | undefined) {
    super(`LINE push failed: ${status}${apiMessage ? ` ${apiMessage}` : ""}`);
    this.name = "LinePushError";
    this.status = status;
  }
}

/** Where a conversation's pushes go: the user (1:1), or the group or room it lives in. */
export function pushTargetOf(conversationId: string): string | undefined {
  const m = /^line:(?:([CR][0-9A-Za-z]+):)?(U[0-9A-Za-z]+)$/.exec(conversationId);
  if (!m) return undefined;
  return m[1] ?? m[2];
}

/** The `line:` notifier for the hand-off. */
export function createLinePushNotifier(opts: LinePushOptions): ResidentNotifier {
  const client = LineBotClient.fromChannelAccessToken({
    channelAccessToken: opts.channelAccessToken,
    ...(opts.apiBaseUrl ? { apiBaseURL: opts.apiBaseUrl, dataApiBaseURL: opts.apiBaseUrl } : {}),
  });
  return {
    async notify(conversationId: string, replies: Reply[], idempotencyKey: string): Promise<void> {
      const to = pushTargetOf(conversationId);
      if (!to) throw new Error("not a LINE conversation id");
      const messages = renderLineMessages(replies);
      if (messages.length === 0) return;
      try {
        await client.pushMessage({ to, messages }, idempotencyUuid(idempotencyKey));
      } catch (err) {
        // 409: a push with this retry key was already accepted; the resident has the message.
        if (err instanceof HTTPFetchError && err.status === 409) return;
        if (err instanceof HTTPFetchError) throw new LinePushError(err.status, apiMessage(err.body));
        throw err;
      }
    },
  };
}

/** LINE's error body is `{"message": "...", "details": [...]}`; keep the message only. */
export function apiMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null && "message" in parsed ? String(parsed.message) : undefined;
  } catch {
    return undefined;
  }
}
