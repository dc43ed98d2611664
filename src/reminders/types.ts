/**
 * Reminders (issue 17): a resident on LINE who says yes is told on the morning the date that matters
 * comes (the renewal window opens, the card's or the 在留期間's end draws near). What is kept for one
 * reminder is {@link Reminder}: the LINE user id, the kind, the date and the locale, nothing else
 * about the resident; its id and due time are derived from those.
 */
import type { IsoDate } from "../core/slots.ts";

/**
 * What a reminder is about:
 * - `certificate-renewal-opens`: the certificate's renewal window opens on `date`;
 * - `certificate-expiry-soon`: the certificate expires on `date` (sent two weeks before, the optional
 *   second reminder after `certificate-renewal-not-yet`);
 * - `card-renewal-opens`: the card's renewal (a new card's application) opens on `date`;
 * - `card-expiry-soon`: the card expires on `date` (sent two weeks before);
 * - `residence-period-ends`: the 在留期間 (and with it the card) ends on `date` (sent two weeks before).
 */
export const REMINDER_KINDS = [
  "certificate-renewal-opens",
  "certificate-expiry-soon",
  "card-renewal-opens",
  "card-expiry-soon",
  "residence-period-ends",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The conversation's language (contract §3, second wave); `ja` when the conversation has none. */
import { LOCALES, type Locale } from "../core/locale.ts";
export const REMINDER_LOCALES = LOCALES;
export type ReminderLocale = Locale;

/** One stored reminder. */
export interface Reminder {
  /** `<kind>:<userId>` (one reminder of a kind per resident): the push's retry key is derived from it. */
  id: string;
  /** The LINE user id the push goes to (`U…`). */
  userId: string;
  kind: ReminderKind;
  /** The date that matters (Asia/Tokyo), e.g. the window's opening day. */
  date: IsoDate;
  locale: ReminderLocale;
  /** Epoch ms of 9:00 Asia/Tokyo on the day it is sent (the first day the counter is open). */
  dueAt: number;
}

/**
 * Where reminders wait. Every backend claims due reminders so that no other instance (nor the same
 * one, before the claim's lease runs out) can claim them too; a claimed reminder is then either
 * completed (deleted) or released for a later check.
 */
export interface ReminderStore {
  /** Store reminders, replacing any of the same id (the same resident and kind). */
  schedule(reminders: readonly Reminder[]): Promise<void>;
  /** Delete every reminder of a LINE user; resolves with how many there were. */
  cancelUser(userId: string): Promise<number>;
  /** How many reminders a user has (tests, and the reply to 「通知を止める」). */
  countUser(userId: string): Promise<number>;
  /**
   * Claim up to `limit` reminders due at `now` (epoch ms). A claimed reminder is hidden from every
   * claim until `now + leaseMs`; after that (its claimant died) it is due again.
   */
  claimDue(now: number, leaseMs: number, limit: number): Promise<Reminder[]>;
  /** Delete a claimed reminder (sent, or past its purpose). */
  complete(id: string): Promise<void>;
  /** Put a claimed reminder back, due again at `at` (epoch ms). */
  release(id: string, at: number): Promise<void>;
  close(): Promise<void>;
}

/** A reminder is deleted, sent or not, this long after its date. */
export const REMINDER_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
