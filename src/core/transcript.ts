/**
 * A conversation's transcript, kept with it (in its `meta.transcript`) for the channels that show the
 * conversation again after a reload: the web chat page restores itself from it
 * (`GET /api/chat/sessions/:id`). What the resident wrote is kept only as the PII guard left it (PINs
 * and 個人番号 already ＊＊＊＊), so the transcript holds nothing the session store may not.
 *
 * Bounded: the last {@link TRANSCRIPT_ENTRIES} entries, each resident text cut to
 * {@link TRANSCRIPT_TEXT_LENGTH} characters. Pure functions over meta; the runtime records each turn.
 */
import { detectPii, maskContactDetails } from "../nlu/index.ts";
import type { Reply } from "./reply.ts";

/** Entries kept per conversation (the oldest are dropped): about a dozen turns. */
export const TRANSCRIPT_ENTRIES = 24;
/** A resident's text is kept up to this many characters. */
export const TRANSCRIPT_TEXT_LENGTH = 1_000;

/** One side of one turn: what the resident sent (redacted), or what the bot answered. */
export type TranscriptEntry = { from: "resident"; text: string } | { from: "bot"; replies: Reply[] };

/** The transcript in a conversation's meta, oldest first (empty when none is kept). */
export function transcriptOf(meta: Record<string, unknown> | undefined): TranscriptEntry[] {
  const t = meta?.transcript;
  if (!Array.isArray(t)) return [];
  return t.filter(
    (e): e is TranscriptEntry =>
      typeof e === "object" &&
      e !== null &&
      ((e.from === "resident" && typeof e.text === "string") || (e.from === "bot" && Array.isArray(e.replies))),
  );
}

/**
 * The words a resident's tap stands for: the label of the choice with that value in the bot's latest
 * question, a date as 2027/03/15, else the value itself (cut, and through the PII guard: a value is
 * whatever the client sent).
 */
export function choiceLabel(meta: Record<string, unknown> | undefined, value: string): string {
  const entries = transcriptOf(meta);
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.from !== "bot") continue;
    for (const r of e.replies) {
      if (r.type === "question") {
        const label = r.choices.find((c) => c.value === value)?.label;
        if (label) return label;
      }
    }
    break;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.replaceAll("-", "/") : detectPii(value.slice(0, 100)).redacted;
}

/**
 * Meta with one turn added: the resident's (redacted) text if any, with contact details masked too
 * (phone numbers, e-mail and postal addresses: the transcript keeps no more than the page needs), and
 * the bot's replies.
 */
export function withTurn(meta: Record<string, unknown>, residentText: string | undefined, replies: readonly Reply[]): Record<string, unknown> {
  const added: TranscriptEntry[] = [];
  const text = residentText === undefined ? undefined : maskContactDetails(residentText.trim()).slice(0, TRANSCRIPT_TEXT_LENGTH);
  if (text) added.push({ from: "resident", text });
  if (replies.length > 0) added.push({ from: "bot", replies: [...replies] });
  if (added.length === 0) return meta;
  return { ...meta, transcript: [...transcriptOf(meta), ...added].slice(-TRANSCRIPT_ENTRIES) };
}
