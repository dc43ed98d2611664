/**
 * The facts a diagnosis is built from: the question slots of shared/contract.md §2 plus a few facts that
 * are only ever inferred from what the resident wrote (never asked as a question).
 *
 * Dates are plain calendar dates `YYYY-MM-DD` (Asia/Tokyo), never `Date` objects, so that facts survive
 * JSON round trips and no server `TZ` can shift them.
 */

/** A calendar date in Asia/Tokyo, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A calendar month in Asia/Tokyo, `YYYY-MM` (a date whose day the resident did not give). */
export type IsoMonth = string;

export const SYMPTOMS = [
  "revoked",
  "expired",
  "locked",
  "wrong-pin",
  "forgot-pin",
  "renewal",
  "not-working-after-renewal",
  "lost-card",
  "which-pin",
  "other",
] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export type YesNo = "yes" | "no";
export type YesNoUnknown = "yes" | "no" | "unknown";
export type CertificateKind = "signature" | "user" | "unknown";
export type Applicant = "self" | "proxy" | "legal-representative";
export type NoSignatureReason = "under-15" | "adult-ward" | "face-auth-card" | "unknown";

/** The slots the bot may ask about (contract §2), plus `followUp`, the choice offered after a route. */
export const SLOTS = [
  "symptom",
  "certificate",
  "basicInfoChanged",
  "wrongAttempts",
  "signaturePinKnown",
  "userPinKnown",
  "nfcSmartphone",
  "certExpiry",
  "cardExpiry",
  "issuedOn",
  "applicant",
  "foreignResident",
  "noSignatureReason",
] as const;
export type Slot = (typeof SLOTS)[number];

/**
 * What is known about the resident's situation. Every field is optional: unknown until the resident
 * says it or answers a question. `"unknown"` means the resident was asked and does not know.
 */
export interface Facts {
  symptom?: Symptom;
  certificate?: CertificateKind;
  basicInfoChanged?: YesNoUnknown;
  /** Wrong entries in a row, 0–5; `"unknown"` when the resident does not know. */
  wrongAttempts?: number | "unknown";
  signaturePinKnown?: YesNo;
  userPinKnown?: YesNo;
  nfcSmartphone?: YesNoUnknown;
  certExpiry?: IsoDate | "unknown";
  cardExpiry?: IsoDate | "unknown";
  issuedOn?: IsoDate | "unknown";
  applicant?: Applicant;
  foreignResident?: YesNo;
  noSignatureReason?: NoSignatureReason;

  // ---- inferred from free text only, never asked ----
  /** Certificate expiry given to the month only ("来年2月"). */
  certExpiryMonth?: IsoMonth;
  /** Card expiry given to the month only. */
  cardExpiryMonth?: IsoMonth;
  /** The 4-digit PIN in question is the 住基用 or 券面事項入力補助用 PIN (counter only). */
  otherPin?: "jukinet" | "kenmen";
  /** Both the 4-digit and the signature PIN are locked or forgotten. */
  bothPins?: boolean;
  /** The resident asks for a person (窓口・スタッフに相談したい). */
  wantsPerson?: boolean;
  /** A foreign resident whose 在留期間 / 在留資格 was renewed or changed. */
  residenceStatusChanged?: boolean;
  /** The resident speaks of the card's own expiry (カードの有効期限), not only a certificate's. */
  aboutCard?: boolean;
  /** The resident was trying e-Tax / 確定申告 (implies the signature certificate). */
  eTax?: boolean;
  /**
   * The trouble is e-Tax's own 利用者識別番号 password (暗証番号 of e-Tax, facts §10), not a card PIN.
   * Leads to the route `etax-password`; a card PIN route only if a card PIN is the problem too.
   */
  etaxPassword?: boolean;
}

/**
 * The shape of a slot's schema (issue 13). The schema itself is the flow's
 * (flows/certificate-recovery/slot-schema.ts); the core and src/nlu know only its shape.
 */
interface SlotSchemaBase {
  /**
   * The question offers 「わからない」 (value `unknown`), and after two answers in a row that cannot be read
   * the slot becomes `unknown` (otherwise the resident is sent to a person).
   */
  offersUnknown: boolean;
}
/** Buttons, one per value, in this order (then 「わからない」 when offered). */
export interface ChoiceSlotSchema extends SlotSchemaBase {
  input: "choice";
  values: readonly string[];
}
/** A count from `min` to `max`; `choices` are the counts offered as buttons. */
export interface NumberSlotSchema extends SlotSchemaBase {
  input: "number";
  min: number;
  max: number;
  choices: readonly number[];
}
/** A calendar date `YYYY-MM-DD` (Asia/Tokyo). */
export interface DateSlotSchema extends SlotSchemaBase {
  input: "date";
  /** A date in the past: a date without a year is the last one (「11月20日」 in December is this year's). */
  past: boolean;
  /** Buttons for today and yesterday (filled in with the day's dates when the question is shown). */
  recent: boolean;
}
export type SlotSchema = ChoiceSlotSchema | NumberSlotSchema | DateSlotSchema;
export type SlotInput = SlotSchema["input"];

/** A value a tapped choice carries: always a string (numbers and dates as strings too). */
export type ChoiceValue = string;
