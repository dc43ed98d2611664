/**
 * The words a resident reads outside route answers, one catalog per locale (issue 14): ja.ts is the
 * reference, ja-easy.ts and en.ts are typed by the same interface, so a missing key is a type error.
 * Route content (leads, sections) is not here: see route-text/.
 *
 * - `en`: plain English, the Japanese term in brackets on first use (facts §11); no other Japanese.
 * - `ja-easy` (やさしい日本語, 2020 guideline): short sentences, one idea each, です・ます, no double
 *   negatives; a kanji word carries its reading in full-width brackets: 暗証番号（あんしょうばんごう）.
 * - Every button label stays within 20 characters (LINE quick replies).
 */
import type { Slot } from "../../../src/core/slots.ts";
import type { DetailId } from "../blocks.ts";
import type { MessageKey } from "../machine.ts";
import type { ChoiceSlot, ChoiceValueOf } from "../slot-schema.ts";

/** Why a question is asked again (see questions.ts). */
export type RetryReason = "unread" | "noSuchDate" | "ambiguous";
/** The values of the choice after a route (machine.ts: RESOLVED_CHOICE … CONTACT_CHOICE). */
export type FollowUpValue = "resolved" | "not-resolved" | "restart" | "contact";
/** Fixed sentences outside questions and routes: the machine's `say` keys and the runtime's own. */
export type FixedMessageKey =
  | MessageKey
  | "expired"
  | "versionChanged"
  | "piiWarning"
  | "internalError"
  | "unsupported"
  /** Said after the resident switches the language. */
  | "localeSwitched"
  /** The greeting's line saying the other languages are available. */
  | "languagesAvailable";

export interface QuestionCatalog {
  /** The question for each slot. */
  text: Record<Slot, string>;
  /** The button label of each value of a choice slot (「わからない」 included where offered). */
  labels: { [S in ChoiceSlot]: Record<ChoiceValueOf<S>, string> };
  /** A count's button (wrongAttempts): 「1回」. */
  count: (n: number) => string;
  /** 「わからない」 under a count or a date. */
  unknown: string;
  /** The date buttons of a question about a recent day. */
  today: string;
  yesterday: string;
  /** Said before a question asked again: why the answer could not be taken. */
  retry: Record<RetryReason, string>;
}

export interface HandoffCatalog {
  /** The ticket is open and the desk is open now. */
  openedWithinHours: (hoursText: string) => string;
  /** The ticket is open but the desk is closed: `opensAt` is a date and time such as 11月24日（火）8:30. */
  openedOutsideHours: (opensAt: string, hoursText: string) => string;
  /** The desk is closed and no opening is known (no hours in the next 60 days). */
  openedNoHours: (hoursText: string) => string;
  /** The first message the resident writes while waiting for (or talking with) a person. */
  forwarded: string;
  /** Put before every message from staff. */
  staffPrefix: string;
  /** Staff closed the ticket: the bot answers again. */
  resolved: string;
  /** The resident started over while waiting for a person. */
  withdrawn: string;
  /** A hand-off stored by another version of the bot could not be read: it ends, and the chat starts over. */
  unreadable: string;
  /** The ticket could not be opened (the help desk's system did not answer). */
  unavailable: string;
}

export interface FeedbackCatalog {
  /** After 「解決した」. */
  resolved: string;
  /** After 「解決しない」, before the counter and the phone lines. */
  notResolved: string;
  /** The question after 「解決しない」 when a person can take over. */
  offerPerson: string;
  /** The question after 「解決しない」 without a hand-off. */
  otherwise: string;
  /** The buttons under it. */
  talkToPerson: string;
  startOver: string;
}

export interface Catalog {
  questions: QuestionCatalog;
  /** The choice after a route: did it solve it (issue 18), start over, or talk to a person. */
  followUp: { text: string; labels: Record<FollowUpValue, string> };
  messages: Record<FixedMessageKey, string>;
  handoff: HandoffCatalog;
  feedback: FeedbackCatalog;
  /** Labels of the details offered after an answer (blocks.ts). */
  details: Record<DetailId, string>;
}
