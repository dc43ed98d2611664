/**
 * A reminder on the day (issue 17) as a LINE push: a Flex bubble with the date, the counter, a button
 * that starts a diagnosis about renewal and one that sends 「通知を止める」. Sent with the reminder's
 * `X-Line-Retry-Key`; transport only (the words come from flows/, the timing from src/reminders).
 */
import { HTTPFetchError, LineBotClient, type messagingApi } from "@line/bot-sdk";
import type { ReminderNotice } from "../../../flows/certificate-recovery/reminder-messages.ts";
import type { PushOutcome, ReminderSender } from "../../reminders/scheduler.ts";
import { menuData } from "./parse.ts";
import { LinePushError, apiMessage } from "./push.ts";

export interface LineReminderSenderOptions {
  channelAccessToken: string;
  apiBaseUrl?: string;
}

const ACCENT = "#0B5394";

/** The notice as one Flex message (pure). */
export function renderReminderNotice(notice: ReminderNotice): messagingApi.FlexMessage {
  return {
    type: "flex",
    altText: notice.altText.slice(0, 400),
    contents: {
      type: "bubble",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        contents: [
          { type: "text", text: notice.title, weight: "bold", wrap: true, color: ACCENT },
          ...notice.lines.map((line): messagingApi.FlexComponent => ({ type: "text", text: line, wrap: true, size: "sm" })),
        ],
      },
      footer: {
        type: "box",
        layout: "vertical",
        spacing: "sm",
        contents: [
          { type: "button", style: "primary", color: ACCENT, action: { type: "postback", label: notice.startLabel.slice(0, 20), data: menuData("renewal"), displayText: notice.startLabel } },
          { type: "button", style: "link", action: { type: "message", label: notice.stopLabel.slice(0, 20), text: notice.stopLabel } },
        ],
      },
    },
  };
}

export function createLineReminderSender(opts: LineReminderSenderOptions): ReminderSender {
  const client = LineBotClient.fromChannelAccessToken({
    channelAccessToken: opts.channelAccessToken,
    ...(opts.apiBaseUrl ? { apiBaseURL: opts.apiBaseUrl, dataApiBaseURL: opts.apiBaseUrl } : {}),
  });
  return {
    async push(userId: string, notice: ReminderNotice, retryKey: string): Promise<PushOutcome> {
      try {
        await client.pushMessage({ to: userId, messages: [renderReminderNotice(notice)] }, retryKey);
        return "sent";
      } catch (err) {
        if (!(err instanceof HTTPFetchError)) throw err;
        // 409: a push with this retry key was already accepted; the resident has it.
        if (err.status === 409) return "sent";
        if (err.status === 429) return "rate-limited";
        throw new LinePushError(err.status, apiMessage(err.body));
      }
    },
  };
}
