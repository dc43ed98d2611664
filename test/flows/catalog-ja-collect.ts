/**
 * Every Japanese string a resident reads outside route answers, rendered through the flow's public
 * functions with fixed inputs. test/flows/catalogs.ja.snapshot.json is this, taken before the catalogs
 * per locale were written (issue 14): the Japanese must stay byte-identical.
 */
import { SLOTS } from "../../src/core/slots.ts";
import { loadCityConfig, SAMPLE_CITY_PATH } from "../../flows/cities/schema.ts";
import { DETAIL_LABELS, detailLabel, type DetailId } from "../../flows/certificate-recovery/blocks.ts";
import { FEEDBACK_MESSAGES, feedbackReplies } from "../../flows/certificate-recovery/feedback.ts";
import { HANDOFF_MESSAGES, MESSAGES, messagesFor, handoffMessagesFor } from "../../flows/certificate-recovery/messages.ts";
import { FOLLOW_UP_CHOICES, followUpReply, QUESTIONS, questionReply } from "../../flows/certificate-recovery/questions.ts";

const TODAY = "2026-11-20";

function handoff(h: typeof HANDOFF_MESSAGES): Record<string, string> {
  return Object.fromEntries(
    Object.entries(h).map(([k, v]) => [k, typeof v === "function" ? (v as (...a: string[]) => string)("11月24日（火）8:30", "平日 8:30〜17:15") : v]),
  );
}

export function collectJapanese(): Record<string, unknown> {
  const city = loadCityConfig(SAMPLE_CITY_PATH);
  const ctx = { city, today: TODAY, facts: {}, canHandOff: true };
  return {
    QUESTIONS,
    questionReply: Object.fromEntries(SLOTS.map((s) => [s, questionReply(s, TODAY)])),
    retry: Object.fromEntries(SLOTS.map((s) => [s, [questionReply(s, TODAY, true), questionReply(s, TODAY, true, "noSuchDate"), questionReply(s, TODAY, true, "ambiguous")]])),
    FOLLOW_UP_CHOICES,
    followUpReply: followUpReply(),
    MESSAGES,
    messagesFor: messagesFor("ja"),
    HANDOFF_MESSAGES: handoff(HANDOFF_MESSAGES),
    handoffMessagesFor: handoff(handoffMessagesFor("ja")),
    FEEDBACK_MESSAGES,
    feedbackReplies: [feedbackReplies(true, ctx), feedbackReplies(false, ctx), feedbackReplies(false, { ...ctx, canHandOff: false })],
    DETAIL_LABELS,
    detailLabel: Object.fromEntries(Object.keys(DETAIL_LABELS).map((id) => [id, detailLabel(id as DetailId)])),
  };
}
